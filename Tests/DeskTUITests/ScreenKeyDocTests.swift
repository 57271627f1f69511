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
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: case progress") == DocumentedKeys.names(KioskScreen.progressFormKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: progress result") == DocumentedKeys.names(KioskScreen.progressResultKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Kiosk keys: service guide") == DocumentedKeys.names(KioskScreen.guideKeys))
    }
}

/// docs/window-screen.md lists exactly the intake form's bindings, per step.
@Suite struct IntakeFormDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let headings: [IntakeForm.Step: String] = [.item: "item", .applicant: "applicant", .materials: "materials", .decision: "decision",
                                                    .details: "particulars", .confirm: "confirm"]
        for (step, table) in IntakeForm.keyTables {
            let heading = "### Intake form keys: " + (headings[step] ?? "")
            #expect(try DocumentedKeys.table(in: "docs/window-screen.md", under: heading) == DocumentedKeys.names(table), "\(step)")
        }
    }
}

/// docs/TUI.md lists exactly the case screen's bindings, per mode, and those of its form and pickers.
@Suite struct CasesScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let doc = "docs/TUI.md"
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: list") == DocumentedKeys.names(CasesScreen.listKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: detail") == DocumentedKeys.names(CasesScreen.detailKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: document") == DocumentedKeys.names(CasesScreen.documentKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: reason form") == DocumentedKeys.names(CasesScreen.formKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: picker") == DocumentedKeys.names(CasesScreen.pickerKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Case screen keys: item filter") == DocumentedKeys.names(CasesScreen.pickerFilterKeys))
    }
}
