import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The board's window panel on the cell grid: each window → its ticket, the unserved lines, and pages that
/// take turns when the windows do not fit.
@Suite struct BoardWindowPanelTests {
    static func manyWindows(_ count: Int) -> [BoardView.WindowRow] {
        (1...count).map { BoardView.WindowRow(number: $0, name: "综合窗口\($0)", activity: $0 % 2 == 0 ? .idle : .serving(code: String(format: "A%03d", $0))) }
    }

    /// `now` in the given page slot (pages change every `BoardScreen.pageSeconds`).
    static func board(_ view: BoardView, slot: Int) -> BoardScreen {
        BoardScreen(view: view, now: Date(timeIntervalSince1970: Double(slot) * BoardScreen.pageSeconds + 1))
    }

    @Test func statesReadInBothLanguagesAndLineUpOnTheRight() {
        let board = BoardScreen(view: HallFixtures.boardView(HallFixtures.calls), now: HallFixtures.now)
        for (language, expected) in [(Language.zh, ["A011 办理中", "暂停", "A012 请前往", "B004 办理中", "空闲", "暂无窗口"]),
                                     (.en, ["A011 serving", "paused", "A012 calling", "B004 serving", "idle", "No window"])] {
            let frame = board.frame(context: HallFixtures.context(language, 80, 24))
            for (i, state) in expected.enumerated() {
                // Right-aligned to the left box's inner edge (column 37), whatever the width of the name.
                #expect(frame.text(x: 0, y: 9 + i, width: 40).hasSuffix(state + " |"), "\(language) row \(9 + i)")
            }
            #expect(frame.lines()[14].contains("E"))
            #expect(frame.lines().allSatisfy { $0.displayWidth == 80 })
        }
        let zh = board.frame(context: HallFixtures.context(.zh, 80, 24))
        #expect(zh.lines()[9].hasPrefix("| 1 号窗口  综合受理一"))
        #expect(zh[2 + 10, 12].grapheme == "工") // a Chinese name starts in the same column as any other
        #expect(zh.lines()[8].hasPrefix("+ 窗口 -"))
    }

    @Test func moreWindowsThanRowsTakeTurnsByPage() {
        // 80x24: 13 rows in the panel; 30 windows and one unserved line are 31 rows: three pages.
        let view = HallFixtures.boardView(HallFixtures.calls, windows: Self.manyWindows(30))
        var seen: [[String]] = []
        for slot in 0..<4 {
            let frame = Self.board(view, slot: slot).frame(context: HallFixtures.context(.zh, 80, 24))
            #expect(frame.lines()[8].hasPrefix("+ 窗口 \(slot % 3 + 1)/3 -"), "slot \(slot)")
            seen.append((9..<22).map { frame.text(x: 0, y: $0, width: 40) })
        }
        #expect(seen[0][0].hasPrefix("| 1 号窗口"))
        #expect(seen[1][0].hasPrefix("| 14 号窗口"))
        #expect(seen[2][0].hasPrefix("| 27 号窗口"))
        #expect(seen[2][4].contains("E") && seen[2][4].contains("暂无窗口")) // the unserved line closes the last page
        #expect(seen[2][5] == "|" + String(repeating: " ", count: 38) + "|")
        #expect(seen[3] == seen[0]) // and round again
        // At 120x40 the panel holds 24 rows: two pages.
        let large = Self.board(view, slot: 1).frame(context: HallFixtures.context(.zh, 120, 40))
        #expect(large.lines()[13].hasPrefix("+ 窗口 2/2 -"))
        #expect(large.lines()[14].hasPrefix("| 25 号窗口"))
    }

    @Test func whatFitsHasNoPageNumber() {
        let view = HallFixtures.boardView(HallFixtures.calls, windows: Self.manyWindows(12)) // 12 + 1 unserved = 13 rows
        let board = Self.board(view, slot: 5)
        #expect(board.panelPage(rowsPerPage: 13) == (0, 1))
        #expect(board.frame(context: HallFixtures.context(.en, 80, 24)).lines()[8].hasPrefix("+ Windows -"))
    }
}
