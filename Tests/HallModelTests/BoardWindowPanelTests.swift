import Foundation
import Testing
@testable import HallModel
import Queue

/// The board's window panel: each open or paused window with the ticket it is calling or serving, and the
/// lines no open window serves.
@Suite struct BoardWindowPanelTests {
    @Test func eachStaffedWindowShowsWhatItIsDoing() throws {
        let hall = try TestHall()
        let db = hall.database
        for _ in 0..<3 { _ = try hall.issue("A") }
        _ = try db.callNext(window: 1, by: hall.clerk(1))              // A001 called at 1
        _ = try db.callNext(window: 2, by: hall.clerk(2))              // A002 served at 2
        try db.start(window: 2, by: hall.clerk(2))
        try db.pauseWindow(3, reason: "午休", by: hall.clerk(3))
        try db.closeWindow(4, by: hall.clerk(4))
        let view = try db.boardView()
        #expect(view.windows.map(\.number) == [1, 2, 3, 5, 6, 7, 8]) // window 4 is closed: not on the board
        #expect(view.windows[0] == BoardView.WindowRow(number: 1, name: "综合受理一", activity: .calling(code: "A001")))
        #expect(view.windows[1].activity == .serving(code: "A002"))
        #expect(view.windows[2].activity == .paused)
        #expect(view.windows[3].activity == .idle)
        #expect(view.unservedLines.isEmpty)
    }

    @Test func aPausedWindowStillServingShowsItsTicket() throws {
        let hall = try TestHall()
        let db = hall.database
        _ = try hall.issue("B")
        _ = try db.callNext(window: 4, by: hall.clerk(4))
        try db.start(window: 4, by: hall.clerk(4))
        try db.pauseWindow(4, reason: "会议", by: hall.clerk(4))
        #expect(try db.boardView().windows.first { $0.number == 4 }?.activity == .serving(code: "B001"))
    }

    @Test func aLineWithNoOpenWindowIsListed() throws {
        let hall = try TestHall()
        let db = hall.database
        #expect(try db.boardView().unservedLines.isEmpty)
        // 不动产登记: window 7 for everyone, and window 8 for priority tickets only, which does not serve the line's
        // normal tickets (issue 8 review: it made the line look served).
        try db.pauseWindow(7, reason: "午休", by: hall.clerk(7))    // paused does not serve
        let view = try db.boardView()
        #expect(view.unservedLines.map(\.prefix) == ["E"])
        #expect(view.lines.first { $0.prefix == "E" }?.unservedReason == .windowsPaused)
        try db.resumeWindow(7, by: hall.clerk(7))
        try db.closeWindow(7, by: hall.clerk(7))
        #expect(try db.boardView().lines.first { $0.prefix == "E" }?.unservedReason == .noWindowOpen)
    }

    /// The board, the kiosk and `ticket issue` judge a line by the one rule (`LineUnservedReason.judge`): out of
    /// hours and after the day is closed every line is unserved, whatever windows are open.
    @Test func theBoardAgreesWithTheKioskOnWhoServesALine() throws {
        let hall = try TestHall()
        let db = hall.database
        var settings = try db.settings()
        settings.openingHours = .standard
        try db.updateSettings(settings, by: hall.admin)
        func agree(_ expected: LineUnservedReason?, _ note: Comment) throws {
            let board = try db.boardView(), kiosk = try db.kioskView()
            #expect(board.lines.map(\.prefix) == kiosk.lines.map(\.line.prefix), note)
            #expect(board.lines.map(\.unservedReason) == kiosk.lines.map(\.unservedReason), note)
            #expect(board.lines.allSatisfy { $0.unservedReason == expected }, note)
        }
        try agree(nil, "09:00, every window open")
        hall.clock.set("2026-03-02T12:10:00+08:00")
        try agree(.outOfHours, "the lunch break")
        hall.clock.set("2026-03-02T16:00:00+08:00")
        _ = try db.closeDay(by: hall.supervisor)
        try agree(.dayClosed, "after desk day close")
        #expect(try db.boardView().unservedLines.count == db.boardView().lines.count)
    }
}
