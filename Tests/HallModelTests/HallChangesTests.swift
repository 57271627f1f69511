import Foundation
import Queue
import Testing
@testable import HallModel

/// What the events after a mark say changed: the basis on which a window screen skips a reload.
@Suite struct HallChangesTests {
    @Test func ticketEventsArePlacedByLineAndWindowOtherEventsConcernTheHall() throws {
        let hall = try TestHall()
        let db = hall.database
        let start = try db.lastEventID()
        #expect(try db.changes(after: start) == HallChanges(lastEventID: start))

        let issued = try db.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk)
        var changes = try db.changes(after: start)
        #expect(changes.lines == [issued.ticket.lineID] && changes.windows.isEmpty && !changes.hallWide)
        #expect(changes.lastEventID == (try db.lastEventID()))
        #expect(changes.concern(window: 9, lines: [issued.ticket.lineID]))
        #expect(!changes.concern(window: 9, lines: [issued.ticket.lineID + 1]))

        let mark = changes.lastEventID
        _ = try db.callNext(window: 1, by: hall.supervisor)
        changes = try db.changes(after: mark)
        #expect(changes.windows == [1] && changes.lines == [issued.ticket.lineID] && !changes.hallWide)
        #expect(changes.concern(window: 1, lines: []))

        let mark2 = changes.lastEventID
        try db.setLineOpen("A", false, by: hall.supervisor)
        changes = try db.changes(after: mark2)
        #expect(changes.hallWide && changes.concern(window: 42, lines: []))
    }

    /// A burst longer than the limit is not sorted: it concerns everyone, and the mark moves to its end.
    @Test func aLongBurstIsHallWide() throws {
        let hall = try TestHall()
        let db = hall.database
        let start = try db.lastEventID()
        for _ in 0..<4 { _ = try db.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk) }
        let changes = try db.changes(after: start, limit: 3)
        let last = try db.lastEventID()
        #expect(changes.hallWide && changes.lastEventID == last)
        #expect(try !db.changes(after: start, limit: 4).hallWide)
    }
}
