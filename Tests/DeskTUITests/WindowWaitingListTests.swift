import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The window screen's waiting list: it scrolls and is filtered by `/` and a code, with the shared list widget.
@Suite struct WindowWaitingListTests {
    /// Forty waiting tickets A001…A040, more than an 80×24 screen shows.
    static func longView() -> WindowView {
        var view = WindowFixture.view()
        view.waiting = (1...40).map { WindowFixture.ticket(String(format: "A%03d", $0), WindowFixture.lineA, issued: "09:12") }
        view.waitingCount = 40
        return view
    }

    func screen(_ view: WindowView = longView(), _ size: Size = Size(width: 80, height: 24)) -> WindowScreen {
        var screen = WindowScreen(view: view)
        screen.layout(for: size)
        return screen
    }

    func waitingLines(_ screen: WindowScreen) -> [String] {
        screen.frame(context: WindowFixture.context(.zh)).lines()
    }

    @Test func scrollsWithArrowsPagesHomeAndEnd() {
        var screen = screen()
        #expect(waitingLines(screen)[3].contains("A001"))
        #expect(waitingLines(screen)[19].contains("另有 24"))
        for key in [Key.pageDown, .pageDown, .down] { #expect(screen.handle(key).isEmpty) }
        #expect(screen.waitingList.selectedRow == 2 * WindowScreen.waitingRows(Size(width: 80, height: 24)) + 1)
        #expect(screen.handle(.end).isEmpty)
        let lines = waitingLines(screen)
        #expect(lines.contains { $0.contains("A040") })
        #expect(!lines.contains { $0.contains("A001") })
        let frame = screen.frame(context: WindowFixture.context(.zh))
        let y = frame.lines().firstIndex { $0.contains("A040") }!
        #expect(frame[40, y].role == .selected)
        #expect(screen.handle(.home).isEmpty)
        #expect(waitingLines(screen)[3].contains("A001"))
        #expect(screen.mode == .main)
    }

    @Test func slashFiltersByCodeWithoutTakingTheCommandKeys() {
        var screen = screen()
        #expect(screen.handle(.char("/")).isEmpty)
        for c in "a01" { #expect(screen.handle(.char(c)).isEmpty) } // not "a": no command while typing
        #expect(screen.waitingList.query == "A01")
        var lines = waitingLines(screen)
        #expect(lines[3].contains("/ A01_"))
        #expect(lines[4].contains("A010") && lines[5].contains("A011") && lines[13].contains("A019") && !lines[14].contains("A0"))
        #expect(!lines.contains { $0.contains("A001") || $0.contains("A020") })
        #expect(screen.handle(.enter).isEmpty)
        #expect(screen.handle(.char("n")) == [.callNext]) // the filter is kept, the keys are commands again
        lines = waitingLines(screen)
        #expect(lines[3].contains("/ A01") && !lines[3].contains("_"))
        #expect(screen.handle(.escape).isEmpty)
        #expect(screen.waitingList.filter == nil)
        #expect(waitingLines(screen)[3].contains("A001"))
        _ = screen.handle(.char("/"))
        for c in "Z9" { _ = screen.handle(.char(c)) }
        #expect(waitingLines(screen)[4].contains(UIText.noMatchingTicket.zh))
        #expect(screen.handle(.f(2)) == [.callNext]) // F-keys act while typing
    }

    @Test func aReloadKeepsTheFilterAndTheSelectedTicket() {
        var screen = screen()
        _ = screen.handle(.char("/"))
        for c in "A03" { _ = screen.handle(.char(c)) }
        _ = screen.handle(.down)
        #expect(screen.waitingList.selectedRow.map { screen.view.waiting[$0].ticket.code } == "A031")
        var view = Self.longView()
        view.waiting.removeFirst(5)
        screen.view = view
        #expect(screen.waitingList.selectedRow.map { screen.view.waiting[$0].ticket.code } == "A031")
        #expect(screen.waitingList.query == "A03")
    }

    @Test func theHallNameStaysOnTheTitleBar() {
        var view = WindowFixture.view(state: .paused, pauseReason: "参加全区窗口服务规范化培训并考核（下午返回）")
        view.staffName = "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜"
        for language in Language.allCases {
            let header = WindowScreen(view: view).frame(context: WindowFixture.context(language)).lines()[0]
            #expect(header.hasPrefix(" 城东区"), "\(header)")
            #expect(header.contains("…") && header.hasSuffix("09:30:00 ") && header.displayWidth == 80, "\(header)")
            #expect(header.contains(language == .zh ? "1 号窗口" : "Window 1"), "\(header)")
        }
    }
}

/// docs/window-screen.md lists exactly the key table's bindings.
@Suite struct WindowScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let documented = try DocumentedKeys.table(in: "docs/window-screen.md", under: "## Keys")
        #expect(documented == DocumentedKeys.names(WindowScreen.mainKeys))
    }
}
