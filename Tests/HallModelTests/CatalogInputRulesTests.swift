import Foundation
import GRDB
import Queue
import Testing
@testable import HallModel

/// Bad input to a catalog import: one set of bounds for CSV and JSON, no control characters, formula
/// cells neutralised on export, line prefixes that name a line, error messages of bounded size.
@Suite struct CatalogInputRulesTests {
    private func withItem(_ change: (inout CatalogItem) -> Void) -> Catalog {
        var catalog = CatalogFixtures.catalog
        change(&catalog.items[0])
        return catalog
    }

    private func csvIssues(_ catalog: Catalog) -> [CatalogCSVIssue] {
        guard case .failure(let error) = CatalogCSV.parse(CatalogCSV.export(catalog)) else { return [] }
        return error.issues
    }

    private func jsonIssues(_ catalog: Catalog) -> [CatalogJSONIssue] {
        guard case .failure(let error) = CatalogJSON.parse(CatalogJSON.export(catalog)) else { return [] }
        return error.issues
    }

    /// JSON took 9223372036854775807 copies and a limit of 1,000,000 days that CSV then refused.
    @Test func oneSetOfBoundsForCSVAndJSON() {
        let cases: [(Catalog, String, String)] = [
            (withItem { $0.materials[0].copies = Int.max }, "materials[0].copies", "份数"),
            (withItem { $0.statutoryLimit = TimeLimit(1_000_000); $0.promisedLimit = TimeLimit(5) }, "statutoryLimit", "法定时限"),
            (withItem { $0.visitsRequired = 100 }, "visitsRequired", "到现场次数"),
            (withItem { $0.statutoryExtension = 1_000 }, "statutoryExtension", "法定可延长"),
        ]
        for (catalog, field, column) in cases {
            let json = jsonIssues(catalog)
            let csv = csvIssues(catalog)
            #expect(json.map(\.field) == [field], "\(json.map(\.message.en))")
            #expect(csv.map(\.column) == [column], "\(csv.map(\.message.en))")
            // The same rule, so the same words.
            #expect(json.first?.reason == csv.first?.reason)
            #expect(json.first?.reason.en.hasPrefix("must be between") == true)
        }
        // The bounds themselves are accepted.
        let edge = withItem {
            $0.materials[0].copies = CatalogItem.Bounds.copies.upperBound
            $0.statutoryLimit = TimeLimit(CatalogItem.Bounds.days.upperBound)
        }
        #expect(edge.validate().isEmpty)
        #expect(jsonIssues(edge).isEmpty && csvIssues(edge).isEmpty)
    }

    @Test func controlCharactersAndNULAreRefusedLineBreaksInTextAreNot() {
        let escape = withItem { $0.name = "食品\u{1B}[2J\u{1B}]0;pwned\u{07}许可" }
        #expect(jsonIssues(escape).map(\.field) == ["name"])
        let csv = "实施编码,事项名称,事项类型,部门编码,部门名称\nX1,食品\u{1B}[2J许可,01,D1,部门\nX2,许可\u{0},01,D1,\n"
        guard case .failure(let error) = CatalogCSV.parse(csv) else {
            Issue.record("escape sequences must not import")
            return
        }
        #expect(error.issues.map { "\($0.line):\($0.column)" } == ["2:事项名称", "3:事项名称"])
        #expect(jsonIssues(escape).first?.reason.en.contains("control characters") == true)
        let nul = withItem { $0.materials[1].notes = "a\u{0}b" }
        #expect(jsonIssues(nul).map(\.field) == ["materials[1].notes"])
        let c1 = withItem { $0.legalBasis = "\u{9B}2J" }
        #expect(jsonIssues(c1).map(\.field) == ["legalBasis"])
        let department = { var c = CatalogFixtures.catalog; c.departments[2].name = "档案\u{1B}馆"; return c }()
        #expect(jsonIssues(department).map(\.field) == ["name"])
        // Line breaks stay allowed in free text (the fixture has them in the legal basis and a note).
        #expect(CatalogFixtures.catalog.validate().isEmpty)
    }

    /// Spreadsheets run a cell starting with = + - @ as a formula: the writer prefixes an apostrophe,
    /// the reader takes it off, so the round trip is exact.
    @Test func formulaCellsAreNeutralisedAndRoundTrip() throws {
        let catalog = withItem {
            $0.name = "=HYPERLINK(\"http://x\",\"点击\")"
            $0.supervisionPhone = "+86 28 86120000"
            $0.conditions = "-1 天"
            $0.materials[0].notes = "@SUM(A1)"
        }
        let text = CatalogCSV.export(catalog)
        for cell in ["'=HYPERLINK", "'+86 28 86120000", "'-1 天", "'@SUM(A1)"] { #expect(text.contains(cell), "\(cell)") }
        #expect(!text.contains(",=") && !text.contains(",+") && !text.contains(",@"))
        #expect(try CatalogCSV.parse(text).get() == catalog)
        // A control character stored before imports refused them is escaped, not written raw.
        let old = withItem { $0.name = "旧\u{1B}[2J数据" }
        #expect(CatalogCSV.export(old).contains("旧\\x1B[2J数据") && !CatalogCSV.export(old).contains("\u{1B}"))
    }

    @Test func linePrefixesThatAreNoLine() throws {
        for prefix in ["I", "O", "IO", "a", "ABC", "1"] {
            #expect(withItem { $0.linePrefix = prefix }.validate().map(\.fieldPath) == ["linePrefix"], "\(prefix)")
        }
        // Z and ZZ are well formed, but the demo hall has lines A–E only.
        let hall = try TestHall()
        for prefix in ["Z", "ZZ"] {
            let error = try #require(throws: CatalogImportError.self) {
                try hall.database.importCatalog(withItem { $0.linePrefix = prefix }, by: hall.admin)
            }
            #expect(error.errors.map(\.fieldPath) == ["linePrefix"])
            #expect(error.message.en.contains("no line \(prefix)"), "\(error.message.en)")
        }
        // A hall with no lines yet (being set up) takes any well-formed prefix.
        let fresh = try TestHall(demo: false)
        #expect(try fresh.database.importCatalog(withItem { $0.linePrefix = "ZZ" }, by: fresh.admin).newItems == 2)
    }

    /// A 500 KB cell used to be quoted whole in the error message.
    @Test func errorMessagesQuoteABoundedExcerpt() {
        let huge = String(repeating: "许", count: 500_000)
        let text = "实施编码,事项名称,事项类型,部门编码,部门名称\nX1,\(huge),\(huge),D1,部门\n"
        guard case .failure(let error) = CatalogCSV.parse(text) else {
            Issue.record("a bad file must not import")
            return
        }
        #expect(error.message.en.count < 1_000, "\(error.message.en.count)")
        #expect(error.message.en.contains("…"))
        // The over-long name is reported by its length, not quoted.
        #expect(error.issues.contains { $0.column == "事项名称" && $0.reason.en.contains("500000 characters") })
    }

    @Test func anOnTheSpotLimitReadsSo() {
        #expect(TimeLimit(0).label == Bilingual(en: "on the spot", zh: "即办"))
        #expect(TimeLimit(0, .naturalDays).label.zh == "即办")
        #expect(TimeLimit(5).label.zh == "5 个工作日")
    }

    /// The plan is worked out before the write; an import that changed nothing writes no item.
    @Test func theWritePlanIsComputedBeforeTheTransaction() throws {
        let stored = CatalogFixtures.catalog
        var changed = stored
        changed.items[1].name = "生育登记（新）"
        changed.departments[0].name = "区市场监管局"
        let plan = CatalogWritePlan(changed, mode: .merge, stored: stored, revision: 7)
        #expect(plan.summary.updatedItems == 1 && plan.summary.unchangedItems == 1 && plan.summary.newItems == 0)
        #expect(plan.changedItems.map(\.code) == [stored.items[1].implementationCode])
        #expect(plan.renamedDepartments.map(\.code) == [stored.departments[0].code] && plan.newDepartments.isEmpty)
        let replace = CatalogWritePlan(Catalog(departments: [stored.departments[1]], items: [stored.items[1]]), mode: .replace,
                                       stored: stored, revision: 7)
        #expect(replace.removedCodes == [stored.items[0].implementationCode])
        #expect(replace.departmentsToDropIfUnused == [stored.departments[0].code, stored.departments[2].code])
    }

    /// Two processes importing one after the other: each plan is checked against the stored revision.
    @Test func importsFromTwoConnectionsAreNotLost() throws {
        let hall = try TestHall(demo: false)
        try hall.database.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        var changed = CatalogFixtures.catalog
        changed.items[0].name = "食品经营许可（新）"
        let other = try HallDatabase.open(path: hall.database.path, clock: hall.clock.hallClock)
        let summary = try hall.database.importCatalog(changed, by: hall.admin, writeTime: { #expect($0 >= 0) })
        #expect(summary.updatedItems == 1)
        var again = changed
        again.items[1].name = "生育登记（再）"
        #expect(try other.importCatalog(again, by: hall.admin).updatedItems == 1)
        #expect(try hall.database.catalog() == again)
    }
}
