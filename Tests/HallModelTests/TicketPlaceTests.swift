import Foundation
import Testing
@testable import HallModel
import Queue

/// Issue 8 review: what a new ticket is told follows the windows that really serve it and the calling order.
/// The demo hall serves line E at window 7 (everyone) and window 8 (priority only).
@Suite struct TicketPlaceTests {
    @Test func aPriorityOnlyWindowDoesNotServeNormalTickets() throws {
        let hall = try TestHall()
        try hall.database.pauseWindow(7, reason: "午休", by: hall.clerk(7))
        let normal = try hall.database.issueTicket(IssueRequest(linePrefix: "E"), by: hall.kiosk)
        #expect(normal.noWindowServing && normal.unservedReason == .windowsPaused && normal.estimatedWaitMinutes == nil)
        let kiosk = try #require(try hall.database.kioskView().lines.first { $0.line.prefix == "E" })
        #expect(kiosk.unservedReason == .windowsPaused && kiosk.windowsServing == 0)
        #expect(try hall.database.boardView().unservedLines.map(\.prefix) == ["E"])
        // A priority ticket is served at window 8.
        let elderly = try hall.database.issueTicket(IssueRequest(linePrefix: "E", priority: .elderly), by: hall.kiosk)
        #expect(elderly.unservedReason == nil && elderly.estimatedWaitMinutes != nil)
        // A line set to refuse refuses the normal ticket and issues the priority one.
        try hall.database.changeLine("E", whenUnserved: .refuse, by: hall.admin)
        #expect(throws: IssueRefusal.lineUnserved(prefix: "E", reason: .windowsPaused, opensNext: nil)) { try hall.issue("E") }
        #expect(try hall.issue("E", .military).code == "E003")
    }

    @Test func priorityAndDueAppointmentsAreToldTheirRealPlace() throws {
        let hall = try TestHall()
        for _ in 0..<5 { _ = try hall.issue("A"); hall.clock.advance(minutes: 1) }
        let elderly = try hall.database.issueTicket(IssueRequest(linePrefix: "A", priority: .elderly), by: hall.kiosk)
        #expect(elderly.ahead == 0)
        hall.clock.advance(minutes: 1)
        let normal = try hall.database.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk)
        #expect(normal.ahead == 6)
        let due = try hall.database.issueTicket(IssueRequest(linePrefix: "A", appointmentTime: "09:06"), by: hall.kiosk)
        #expect(due.ahead == 0)
        #expect(normal.estimatedWaitMinutes ?? 0 > elderly.estimatedWaitMinutes ?? 0)
        // What window 1 will really call first agrees.
        #expect(try hall.database.callingOrder(window: 1).prefix(2).map(\.code) == [due.ticket.code, elderly.ticket.code])
    }

    @Test func aTicketTransferredToTheFrontIsCalledNextWhateverTheWeights() throws {
        let hall = try TestHall()
        // Line A has waited an hour; line B is empty. Window 3 serves B (weight 1) and A (weight 0.5).
        for _ in 0..<6 { _ = try hall.issue("A"); hall.clock.advance(minutes: 10) }
        let moved = try #require(try hall.database.callNext(window: 1, by: hall.clerk(1))).ticket
        #expect(moved.code == "A001")
        let placed = try hall.database.transfer(window: 1, toLine: "B", placement: .front, by: hall.clerk(1))
        #expect(placed.placedFront && placed.state == .waiting)
        #expect(try hall.database.callingOrder(window: 3).first?.code == "A001")
        let called = try #require(try hall.database.callNext(window: 3, by: hall.clerk(3)))
        #expect(called.ticket.code == "A001" && called.reason == .placedFront)
        // Placed at the back instead, weights decide again.
        try hall.database.transfer(window: 3, toLine: "C", placement: .back, by: hall.clerk(3))
        #expect(try hall.database.ticket(code: "A001").placedFront == false)
        #expect(try hall.database.verifyAudit().isIntact)
    }
}
