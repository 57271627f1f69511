import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The key tables: one command per key, and the key bar and the help read from the same rows.
@Suite struct KeyTableTests {
    func keys<C, X>(_ table: KeyTable<C, X>) -> [Key] { table.bindings.flatMap(\.keys) }

    @Test func noKeyIsBoundTwiceInATable() {
        let tables: [[Key]] = [keys(WindowScreen.mainKeys)] + IntakeForm.keyTables.map { keys($0.table) } + [keys(CatalogScreen.listKeys), keys(CatalogScreen.detailKeys),
                               keys(KioskScreen.lineKeys), keys(KioskScreen.categoryKeys), keys(KioskScreen.anyStepKeys),
                               keys(KioskScreen.progressFormKeys), keys(KioskScreen.progressResultKeys), keys(KioskScreen.guideKeys),
                               keys(CasesScreen.listKeys), keys(CasesScreen.detailKeys), keys(CasesScreen.documentKeys),
                               keys(CasesScreen.formKeys), keys(CasesScreen.pickerKeys)]
        for table in tables { #expect(Set(table).count == table.count, "\(table)") }
    }

    @Test func keyBarAndHelpComeFromTheTable() {
        let screen = WindowScreen(view: WindowFixture.view())
        let bar = WindowScreen.mainKeys.keyBarItems(screen)
        #expect(bar.map(\.keys) == ["n/F2", "r/F3", "s/F4", "f/F5", "x/F6", "t/F7", "h/F8", "b", "p/F9", "c", "a", "e", "o", "i/F11", "?/F1", "q/F10"])
        #expect(bar.first { $0.keys == "n/F2" }?.enabled == false) // A004 is at the window
        #expect(bar.first { $0.keys == "r/F3" }?.enabled == true)
        #expect(bar.first { $0.keys == "i/F11" }?.optional == true)
        let help = WindowScreen.mainKeys.helpRows(screen)
        // Every binding but `d` and `m`, listed only while there are pending intakes to decide, or an unread message.
        #expect(help.count == WindowScreen.mainKeys.bindings.count - 2 && !help.contains { $0.keys == "d" || $0.keys == "m" })
        var pending = screen
        pending.pending = [WindowScreen.PendingRow(reference: "HD-20260302-R000001", daysLeft: 1)]
        #expect(WindowScreen.mainKeys.helpRows(pending).count == WindowScreen.mainKeys.bindings.count - 1)
        #expect(help.contains { $0.keys == "/" } && help.contains { $0.keys == "Up  Down  PgUp  PgDn  Home  End" })
        #expect(help.first { $0.keys == "x  F6" }?.text == UIText.helpNoShow(2))
        var paused = WindowFixture.view(state: .paused, pauseReason: "午休")
        paused.current = nil
        #expect(WindowScreen.mainKeys.keyBarItems(WindowScreen(view: paused)).first { $0.keys == "p/F9" }?.label == UIText.keyResume)
    }

    @Test func keysAreNamedOneWay() {
        #expect([Key.char("n"), .f(2), .escape, .pageUp, .backTab, .ctrl("u"), .char(" ")].map(\.displayName)
                == ["n", "F2", "Esc", "PgUp", "Shift-Tab", "Ctrl-U", "Space"])
    }

    @Test func aRunOfDigitsIsARange() {
        #expect(KeyBinding<Int, Void>(KioskScreen.lineNumberKeys, 0, label: nil, help: UIText.back).keyNames == ["1-9"])
        #expect(KeyBinding<Int, Void>([.char("1"), .char("2"), .f(2), .char("3")], 0, label: nil, help: UIText.back).keyNames
                == ["1", "2", "F2", "3"])
        #expect(KeyBinding<Int, Void>([.char("7"), .char("8"), .char("9"), .char("1")], 0, label: nil, help: UIText.back).barKeys == "7-9/1")
    }

    /// The catalog's and the kiosk's key bars come from their tables: consecutive bindings with one label
    /// are one item, and the catalog over the window says F10 goes back to it.
    @Test func catalogAndKioskKeyBarsComeFromTheirTables() {
        var catalog = CatalogScreen(index: CatalogIndex(Catalog(departments: [], items: [])))
        #expect(CatalogScreen.listKeys.keyBarItems(catalog).map(\.keys) == ["Up/Down", "Enter", "Esc", "F10"])
        #expect(CatalogScreen.detailKeys.keyBarItems(catalog).map(\.keys) == ["Up/Down", "Left/Right", "Esc", "F10"])
        #expect(CatalogScreen.detailKeys.keyBarItems(catalog).last?.label == UIText.quit)
        catalog.host = .window
        #expect(CatalogScreen.listKeys.keyBarItems(catalog).last?.label == UIText.catalogKeyToWindow)
        #expect(CatalogScreen.detailKeys.helpRows(catalog).last?.text == UIText.catalogHelpToWindow)
        let kiosk = KioskScreen(view: HallFixtures.kioskView)
        #expect(KioskScreen.lineKeys.keyBarItems(kiosk).map(\.keys) == ["1-9", "Up/Down", "Enter"])
        #expect(KioskScreen.categoryKeys.keyBarItems(kiosk).map(\.keys) == ["1-5", "Up/Down", "Enter", "Esc"])
        #expect(KioskScreen.anyStepKeys.keyBarItems(kiosk).isEmpty)
    }

    @Test func theKeyBarDropsOptionalItemsThenShortensKeys() {
        let items = [KeyBarItem(keys: "n/F2", compactKeys: "n", label: UIText.keyCallNext),
                     KeyBarItem(keys: "i/F11", compactKeys: "i", label: UIText.keyCatalog, optional: true)]
        var grid = CellGrid(size: Size(width: 30, height: 1))
        KeyBar.render(items, into: &grid, rect: grid.bounds, language: .zh)
        #expect(grid.lines()[0].hasPrefix(" n/F2 叫号  i/F11 事项"))
        grid = CellGrid(size: Size(width: 16, height: 1))
        KeyBar.render(items, into: &grid, rect: grid.bounds, language: .zh)
        #expect(grid.lines()[0] == " n/F2 叫号      ")
        grid = CellGrid(size: Size(width: 9, height: 1))
        KeyBar.render(items, into: &grid, rect: grid.bounds, language: .zh)
        #expect(grid.lines()[0] == " n 叫号  ")
    }
}
