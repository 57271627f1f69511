import Testing
@testable import DeskTUI

/// docs/TUI.md lists exactly the catalog's bindings, list and detail.
@Suite struct CatalogScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        #expect(try DocumentedKeys.table(in: "docs/TUI.md", under: "### Catalog keys: list") == DocumentedKeys.names(CatalogScreen.listKeys))
        #expect(try DocumentedKeys.table(in: "docs/TUI.md", under: "### Catalog keys: detail") == DocumentedKeys.names(CatalogScreen.detailKeys))
    }
}

/// docs/kiosk-and-board.md lists exactly the kiosk's bindings, per step.
@Suite struct KioskScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let doc = "docs/kiosk-and-board.md"
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: lines") == DocumentedKeys.names(KioskScreen.lineKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: category") == DocumentedKeys.names(KioskScreen.categoryKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: any step") == DocumentedKeys.names(KioskScreen.anyStepKeys))
    }
}
