import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

@Suite struct BoardScreenTests {
    let t0 = Date(timeIntervalSince1970: 5000)

    @Test func onlyQEscapeAndF10DoAnything() {
        var board = BoardScreen(view: HallFixtures.boardView(HallFixtures.calls), now: t0)
        for key: Key in [.enter, .char("1"), .up, .f(2), .backspace, .char(" ")] { #expect(board.handle(key) == []) }
        #expect(board.handle(.char("q")) == [.quit])
        #expect(board.handle(.escape) == [.quit])
        #expect(board.handle(.f(10)) == [.quit])
    }

    @Test func theFirstLoadDoesNotFlashANewCallDoes() {
        var board = BoardScreen(now: t0)
        board.update(HallFixtures.boardView(HallFixtures.calls), at: t0)
        #expect(!board.isFlashing)
        board.update(HallFixtures.boardView(HallFixtures.calls), at: t0.addingTimeInterval(1)) // same data: no flash
        #expect(!board.isFlashing)
        board.update(HallFixtures.boardView([HallFixtures.announcement(8, "B005", window: 4)] + HallFixtures.calls), at: t0.addingTimeInterval(2))
        #expect(board.isFlashing && board.isReversed)
    }

    @Test func aRecallFlashesTheSameTicketReversedOnAndOffForThreeSeconds() {
        var board = BoardScreen(now: t0)
        board.update(HallFixtures.boardView(HallFixtures.calls), at: t0)
        let recall = HallFixtures.announcement(8, "A012", window: 3, recall: true)
        board.update(HallFixtures.boardView([recall] + HallFixtures.calls), at: t0)
        var phases: [Bool] = []
        for tenth in stride(from: 0, through: 35, by: 5) {
            board.tick(at: t0.addingTimeInterval(Double(tenth) / 10))
            phases.append(board.isReversed)
        }
        #expect(phases == [true, true, false, false, true, true, false, false])
        #expect(!board.isFlashing)

        board.update(HallFixtures.boardView([HallFixtures.announcement(9, "A012", window: 3, recall: true), recall] + HallFixtures.calls),
                     at: t0.addingTimeInterval(10))
        let frame = board.frame(context: HallFixtures.context(.zh, 80, 24))
        #expect(frame.lines()[1].contains("再次呼叫"))
        // Reversed: the whole big area is big-digit cells except the glyphs, which are drawn plain.
        #expect(frame.roles(y: 1, legend: [.bigDigit: "#"]).allSatisfy { $0 == "#" })
        board.tick(at: t0.addingTimeInterval(11.2))
        #expect(board.frame(context: HallFixtures.context(.zh, 80, 24)).roles(y: 1, legend: [.bigDigit: "#"]).allSatisfy { $0 == "." })
    }

    @Test func theCodeIsBigAtAScaleThatFitsTheTerminal() {
        let board = BoardScreen(view: HallFixtures.boardView(HallFixtures.calls), now: t0)
        for (width, height, rows) in [(80, 24, 5), (120, 40, 10), (200, 60, 20)] {
            let frame = board.frame(context: HallFixtures.context(.zh, width, height))
            #expect(frame.rowsWithRole(.bigDigit).count == rows, "\(width)x\(height)")
        }
        let english = board.frame(context: HallFixtures.context(.en, 120, 40))
        #expect(english.rowsWithRole(.bigDigit).count == 10)
    }

    @Test func tooSmallAsksToEnlarge() {
        let board = BoardScreen(view: HallFixtures.boardView(HallFixtures.calls), now: t0)
        let frame = board.frame(context: HallFixtures.context(.en, 79, 24))
        #expect(frame.lines().joined().contains("Enlarge it to at least 80x24"))
        #expect(board.acceptsWhileTooSmall(.char("q")))
    }
}
