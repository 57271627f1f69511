import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

@Suite struct BoardSnapshotTests {
    let board = BoardScreen(view: HallFixtures.boardView(HallFixtures.calls), now: HallFixtures.now)

    @Test func chineseAt80x24() {
        let frame = board.frame(context: HallFixtures.context(.zh, 80, 24))
        #expect(frame.lines(marking: .bigDigit) == ScreenSnapshots.boardZh80x24)
        #expect(frame.rowsWithRole(.bigDigit) == Array(2...6)) // scale 1
    }

    @Test func englishAt80x24() {
        #expect(board.frame(context: HallFixtures.context(.en, 80, 24)).lines(marking: .bigDigit) == ScreenSnapshots.boardEn80x24)
    }

    @Test func chineseAt120x40() {
        let frame = board.frame(context: HallFixtures.context(.zh, 120, 40))
        #expect(frame.lines(marking: .bigDigit) == ScreenSnapshots.boardZh120x40)
        #expect(frame.rowsWithRole(.bigDigit) == Array(2...11)) // scale 2
    }

    @Test func waitingCountsLineUpBesideChineseAndASCIINames() {
        for language in Language.allCases {
            let frame = board.frame(context: HallFixtures.context(language, 80, 24))
            // Counts are right-aligned to column 77 (the right box's inner edge), whatever the name beside them.
            for y in 18...21 {
                #expect(frame[77, y].isContinuation || frame[77, y].grapheme != " ", "\(language) row \(y)")
                #expect(frame[78, y].grapheme == " " && frame[79, y].line != nil)
            }
            #expect(frame.column(of: "综合受理", y: 18) == frame.column(of: "Business", y: 19))
        }
    }

    @Test func noWordsOfAWideSentenceSpillOutOfTheBoard() {
        var view = HallFixtures.boardView([HallFixtures.announcement(9, "AB1000", window: 12)] + HallFixtures.calls)
        view.hallName = String(repeating: "政务", count: 40)
        let frame = BoardScreen(view: view, now: HallFixtures.now).frame(context: HallFixtures.context(.zh, 80, 24))
        // Too wide for one row of big characters at 80 columns: the sentence in words above, the figures big.
        #expect(frame.lines()[1].contains("请 AB1000 号到 12 号窗口"))
        #expect(frame.rowsWithRole(.bigDigit) == Array(2...6))
        #expect(frame.lines().allSatisfy { $0.displayWidth == 80 })
        #expect(frame.lines()[0].hasSuffix("2026-02-12 09:30:00 "))
    }

    @Test func beforeAnyCallTheBoardWelcomes() {
        let empty = BoardScreen(view: HallFixtures.boardView([]), now: HallFixtures.now)
        #expect(empty.frame(context: HallFixtures.context(.en, 80, 24)).lines().contains { $0.contains(UIText.boardWelcome.en) })
    }
}
