import Foundation
import Testing
@testable import HallModel
import Queue

/// The board's recent calls: one row per ticket at its window; a recall counts on the row; a no-show, a
/// cancel or a return to the queue takes the row off.
@Suite struct BoardRecentCallsTests {
    @Test func oneRowPerTicketAndTheGoneLeave() throws {
        let hall = try TestHall()
        let db = hall.database
        for _ in 0..<4 { _ = try hall.issue("A") }
        let clerk1 = hall.clerk(1), clerk2 = hall.clerk(2)
        try db.callNext(window: 1, by: clerk1)                     // A001 at 1
        try db.recall(window: 1, by: clerk1)
        try db.recall(window: 1, by: clerk1)
        try db.callNext(window: 2, by: clerk2)                     // A002 at 2, then a no-show
        try db.recall(window: 2, by: clerk2)
        try db.noShow(window: 2, by: clerk2)
        try db.callNext(window: 2, by: clerk2)                     // A003 at 2, then back to the queue
        try db.requeue(window: 2, by: clerk2)
        let view = try db.boardView()
        #expect(view.recentCalls.map(\.code) == ["A001"])
        #expect(view.recentCalls.first?.recalls == 2)
        // Every announcement is still there for the call sentence and the voice.
        #expect(view.announcements.count == 6)
        try db.start(window: 1, by: clerk1)
        try db.finish(window: 1, by: clerk1)
        #expect(try db.boardView().recentCalls.map(\.code) == ["A001"])
        try db.cancel(code: "A004", by: hall.supervisor)
        try db.callNext(window: 2, by: clerk2)
        #expect(try db.boardView().recentCalls.map(\.code).first == "A003")
    }
}
