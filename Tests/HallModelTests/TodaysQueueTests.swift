import Foundation
import Testing
@testable import HallModel
import Queue

/// Issue 8 review: the board, the kiosk, `desk queue` and the window count only today's tickets (and those of
/// lines that keep tickets overnight), as the calling order does, before and after `desk day close`.
@Suite struct TodaysQueueTests {
    /// Friday 16:00: A001 issued, called, served and finished at window 1, A002..A004 left waiting.
    func fridayAtWindow1(_ hall: TestHall) throws {
        hall.clock.set("2026-03-06T16:00:00+08:00")
        for _ in 0..<4 { _ = try hall.issue("A") }
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        try hall.database.start(window: 1, by: hall.clerk(1))
        try hall.database.finish(window: 1, by: hall.clerk(1))
        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))           // A002 left called at window 2
    }

    @Test func afterDayCloseTheBoardShowsNothingOfYesterday() throws {
        let hall = try TestHall()
        try fridayAtWindow1(hall)
        _ = try hall.database.closeDay(by: hall.supervisor)
        hall.clock.set("2026-03-09T09:00:00+08:00")
        _ = try hall.issue("B")
        hall.clock.set("2026-03-09T09:01:00+08:00")
        let view = try hall.database.boardView()
        #expect(view.headline == nil)
        #expect(view.announcements.isEmpty && view.recentCalls.isEmpty)
        #expect(view.lines.first { $0.prefix == "A" }?.waiting == 0)
        #expect(view.lines.first { $0.prefix == "B" }?.waiting == 1)
    }

    @Test func withoutDayCloseReadOnlyViewsStillShowOnlyToday() throws {
        let hall = try TestHall()
        try hall.database.changeLine("D", keepsOvernight: true, by: hall.admin)
        try fridayAtWindow1(hall)
        _ = try hall.issue("D")
        // Monday before anyone writes: yesterday's tickets are still open in the file.
        hall.clock.set("2026-03-09T08:55:00+08:00")
        let board = try hall.database.boardView()
        #expect(board.headline == nil && board.announcements.isEmpty && board.recentCalls.isEmpty)
        #expect(board.lines.first { $0.prefix == "A" }?.waiting == 0)
        #expect(board.lines.first { $0.prefix == "D" }?.waiting == 1)             // kept overnight
        #expect(board.windows.first { $0.number == 2 }?.activity == .idle)
        let kiosk = try hall.database.kioskView()
        #expect(kiosk.lines.first { $0.line.prefix == "A" }?.waiting == 0)
        #expect(kiosk.lines.first { $0.line.prefix == "D" }?.waiting == 1)
        let snapshot = try hall.database.snapshot()
        let a = try #require(snapshot.lines.first { $0.line.prefix == "A" })
        #expect(a.waiting == 0 && a.longestWaitSeconds == 0)
        #expect(snapshot.announcements.isEmpty)
        #expect(snapshot.windows.allSatisfy { $0.current == nil })
        #expect(try hall.database.windowView(3).waitingCount == 0)
        #expect(try hall.database.windowView(2).waitingCount == 1)                 // D001, kept
    }

    @Test func theHeadlineLeavesANoShow() throws {
        let hall = try TestHall()
        for _ in 0..<3 { _ = try hall.issue("A") }
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))               // A001 at 1
        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))               // A002 at 2
        try hall.database.recall(window: 1, by: hall.clerk(1))
        try hall.database.recall(window: 1, by: hall.clerk(1))
        #expect(try hall.database.boardView().headline.map { "\($0.code) \($0.window) \($0.isRecall)" } == "A001 1 true")
        try hall.database.noShow(window: 1, by: hall.clerk(1))
        let view = try hall.database.boardView()
        #expect(view.headline.map { "\($0.code) \($0.window) \($0.isRecall)" } == "A002 2 false")
        #expect(view.windows.first { $0.number == 1 }?.activity == .idle)
        try hall.database.start(window: 2, by: hall.clerk(2))
        #expect(try hall.database.boardView().headline?.code == "A002")              // still at its window, serving
        try hall.database.finish(window: 2, by: hall.clerk(2))
        #expect(try hall.database.boardView().headline == nil)
    }
}
