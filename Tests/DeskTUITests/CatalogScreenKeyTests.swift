import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// What each key does on the catalog screen.
@Suite struct CatalogScreenKeyTests {
    let index = CatalogIndex(DemoCatalog.catalog)

    private func screen(_ query: String = "") -> CatalogScreen {
        var s = CatalogScreen(index: index, query: query)
        s.viewport = Size(width: 80, height: 24)
        return s
    }

    private func type(_ text: String, into s: inout CatalogScreen) {
        for c in text { #expect(s.handle(.char(c)) == []) }
    }

    @Test func chineseGraphemesSearchAsTheyArrive() {
        var s = screen()
        #expect(s.results.count == 148)
        _ = s.handle(.char("食"))
        let afterOne = s.results.count
        #expect(afterOne < 148 && afterOne > 0)
        _ = s.handle(.char("品"))
        #expect(s.query == "食品")
        #expect(s.results.map { index.items[$0].name }.allSatisfy { $0.contains("食品") })
        #expect(s.selectedItem?.name == "食品经营许可")
        // Backspace removes one grapheme, not one byte or scalar.
        _ = s.handle(.backspace)
        #expect(s.query == "食")
        #expect(s.results.count == afterOne)
        _ = s.handle(.char("e\u{301}"))
        #expect(s.query == "食e\u{301}")
        _ = s.handle(.backspace)
        #expect(s.query == "食")
        _ = s.handle(.backspace)
        _ = s.handle(.backspace)
        #expect(s.query.isEmpty && s.results.count == 148)
    }

    @Test func codesAndDepartmentsAreFoundToo() {
        let code = index.items[40].implementationCode
        var s = screen()
        type(code.lowercased(), into: &s)
        #expect(s.selectedItem?.implementationCode == code)
        var d = screen()
        type("退役军人", into: &d)
        #expect(!d.results.isEmpty)
        #expect(d.results.allSatisfy { index.departmentName(index.items[$0].departmentCode).contains("退役军人") })
        var none = screen()
        type("没有这个事项", into: &none)
        #expect(none.results.isEmpty && none.selectedItem == nil)
        #expect(none.handle(.enter) == [] && none.mode == .list)
    }

    @Test func qQuitsOnlyWhileTheSearchFieldIsEmpty() {
        var s = screen()
        #expect(s.handle(.char("q")) == [.quit])
        type("食", into: &s)
        #expect(s.handle(.char("q")) == [])
        #expect(s.query == "食q")
        #expect(s.handle(.f(10)) == [.quit])
    }

    @Test func escapeClearsTheQueryThenLeaves() {
        var s = screen("食品")
        #expect(s.handle(.escape) == [])
        #expect(s.query.isEmpty && s.results.count == 148)
        #expect(s.handle(.escape) == [.back])
        var typed = screen("食品")
        _ = typed.handle(.ctrl("u"))
        #expect(typed.query.isEmpty)
    }

    @Test func selectionMovesAndPagesWithinBounds() {
        var s = screen()
        _ = s.handle(.up)
        #expect(s.selection == 0)
        _ = s.handle(.down)
        #expect(s.selection == 1)
        _ = s.handle(.pageDown)   // 24 rows minus 4 of chrome = 20 per page
        #expect(s.selection == 21)
        #expect(s.listTop == 2)
        _ = s.handle(.end)
        #expect(s.selection == 147 && s.listTop == 128)
        _ = s.handle(.pageDown)
        #expect(s.selection == 147)
        _ = s.handle(.home)
        #expect(s.selection == 0 && s.listTop == 0)
        _ = s.handle(.pageUp)
        #expect(s.selection == 0)
        // The selected row is on screen after paging.
        _ = s.handle(.pageDown)
        _ = s.handle(.pageDown)
        let lines = CatalogScreenSnapshotTests.frame(s, 80, 24, .zh)
        #expect(lines.contains { $0.contains(index.items[40].name) })
    }

    @Test func enterOpensTheDetailAndEscapeReturnsToTheSameRow() {
        var s = screen("许可")
        _ = s.handle(.down)
        _ = s.handle(.down)
        let chosen = s.selectedItem
        #expect(s.handle(.enter) == [])
        #expect(s.mode == .detail)
        _ = s.handle(.right)
        #expect(s.selection == 3)
        _ = s.handle(.left)
        _ = s.handle(.left)
        #expect(s.selection == 1)
        _ = s.handle(.right)
        #expect(s.selectedItem == chosen)
        #expect(s.handle(.escape) == [])
        #expect(s.mode == .list && s.query == "许可" && s.selectedItem == chosen)
        _ = s.handle(.enter)
        #expect(s.handle(.char("q")) == [.quit])
    }

    @Test func detailScrollsAndStopsAtTheEnd() {
        var s = screen("食品经营许可")
        _ = s.handle(.enter)
        _ = s.handle(.up)
        #expect(s.detailTop == 0)
        _ = s.handle(.down)
        #expect(s.detailTop == 1)
        _ = s.handle(.end)
        let end = s.detailTop
        #expect(end > 0)
        _ = s.handle(.down)
        _ = s.handle(.pageDown)
        #expect(s.detailTop == end)
        let lines = CatalogScreenSnapshotTests.frame(s, 80, 24, .zh)
        #expect(lines[22].contains("经营场所平面图") || lines[21].contains("经营场所平面图"))
        _ = s.handle(.home)
        #expect(s.detailTop == 0)
    }

    @Test func aNewCatalogKeepsTheQueryAndTheSelectedItem() {
        var s = screen("食品")
        _ = s.handle(.down)
        let code = s.selectedItem?.implementationCode
        var catalog = DemoCatalog.catalog
        catalog.items.insert(CatalogItem(implementationCode: "NEW-1", name: "食品安全抽检", itemType: .inspection,
                                         departmentCode: catalog.departments[0].code), at: 0)
        s.update(index: CatalogIndex(catalog, revision: 2))
        #expect(s.query == "食品")
        #expect(s.results.count == 4)
        #expect(s.selectedItem?.implementationCode == code)
        // The item shown in the detail view is removed: back to the list.
        _ = s.handle(.enter)
        catalog.items.removeAll { $0.implementationCode == code }
        s.update(index: CatalogIndex(catalog, revision: 3))
        #expect(s.mode == .list)
    }

    @Test func anEmptyCatalogSaysHowToLoadOne() {
        let empty = CatalogScreen(index: CatalogIndex(Catalog(departments: [], items: [])))
        let lines = CatalogScreenSnapshotTests.frame(empty, 80, 24, .en)
        #expect(lines[4].contains("The catalog is empty: load it with 'desk catalog import FILE'."))
    }

    @Test func tooSmallATerminalShowsTheMessage() {
        let lines = CatalogScreenSnapshotTests.frame(screen(), 60, 20, .en)
        #expect(lines.joined().contains("Enlarge it to at least 80x24"))
    }

    /// Through the run loop, as the terminal delivers keys.
    @Test func runLoopDrivesTheScreen() throws {
        let terminal = TestTerminal(size: Size(width: 80, height: 24),
                                    script: [.char("食"), .char("品"), .down, .enter, nil, .escape, .escape, .escape])
        var loop = RunLoop(screen: screen(), terminal: terminal, language: .zh, clock: { Date(timeIntervalSince1970: 0) })
        var effects: [CatalogScreen.Effect] = []
        try loop.run(perform: { effect, _ in effects.append(effect); return .quit })
        #expect(effects == [.back])
        #expect(loop.screen.query.isEmpty)
        #expect(terminal.lastFrame?.lines()[1].hasPrefix(" 搜索：_") == true)
    }
}

@Suite struct TextWrappingTests {
    @Test func wrapsChineseByColumnsAndKeepsLineBreaks() {
        #expect(TextFitting.wrap("一二三四五六", to: 4) == ["一二", "三四", "五六"])
        #expect(TextFitting.wrap("一二三\n四", to: 10) == ["一二三", "四"])
        #expect(TextFitting.wrap("", to: 10) == [""])
        #expect(TextFitting.wrap("ab一", to: 3) == ["ab", "一"])
    }

    @Test func asciiWordsMoveWholeAndPunctuationNeverStartsALine() {
        #expect(TextFitting.wrap("extendable by ten days", to: 12) == ["extendable", "by ten days"])
        #expect(TextFitting.wrap("一二三，四", to: 6) == ["一二", "三，四"])
        #expect(TextFitting.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    /// A Latin word after Chinese moves whole to the next line (the case timeline cut "…准予许可。Re" / "viewer note");
    /// Chinese still breaks anywhere, and an opening bracket goes down with the word it opens (避尾).
    @Test func aLatinWordAfterChineseIsNeverCut() {
        #expect(TextFitting.wrap("符合条件，准予许可。Reviewer note: site visit done", to: 24)
                == ["符合条件，准予许可。", "Reviewer note: site", "visit done"])
        #expect(TextFitting.wrap("一二三四五六七八九十abc", to: 21) == ["一二三四五六七八九十", "abc"])
        #expect(TextFitting.wrap("一二三四（Reviewer", to: 12) == ["一二三四", "（Reviewer"])
        #expect(TextFitting.wrap("一二三四五Reviewer", to: 12) == ["一二三四五", "Reviewer"])
        // A word longer than the line is still cut, and a line of Chinese after a word breaks between characters.
        #expect(TextFitting.wrap("一Reviewernote", to: 8) == ["一", "Reviewer", "note"])
        #expect(TextFitting.wrap("note一二三四五", to: 8) == ["note一二", "三四五"])
    }
}
