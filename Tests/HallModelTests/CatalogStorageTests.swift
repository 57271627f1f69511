import Foundation
import GRDB
import Testing
@testable import HallModel

/// The catalog through the hall database: import, export, re-import, all-or-nothing, search.
@Suite struct CatalogStorageTests {
    private func emptyHall() throws -> TestHall { try TestHall(demo: false) }

    @Test func aFreshDatabaseHasNoCatalogAndTheDemoHallHasTheDemoCatalog() throws {
        #expect(try emptyHall().database.catalog() == Catalog(departments: [], items: []))
        let demo = try TestHall()
        let stored = try demo.database.catalog()
        #expect(stored.items.count == 148)
        #expect(stored.departments.count == 22)
        #expect(stored == DemoCatalog.catalog)
    }

    @Test func storedCatalogIsTheImportedOneFieldForField() throws {
        let hall = try emptyHall()
        let summary = try hall.database.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        #expect(summary.newItems == 2 && summary.updatedItems == 0 && summary.newDepartments == 3)
        #expect(try hall.database.catalog() == CatalogFixtures.catalog)
        let food = try #require(try hall.database.item(code: "11510199MB1530000X4000010006"))
        #expect(food == CatalogFixtures.catalog.items[0])
        #expect(try hall.database.item(code: "NO-SUCH-CODE") == nil)
    }

    @Test(arguments: ["csv", "json"])
    func exportFromOneHallImportIntoAnotherGivesTheSameCatalog(format: String) throws {
        let source = try TestHall()
        try source.database.importCatalog(CatalogFixtures.catalog, by: source.admin)
        let exported = try source.database.catalog()
        let parsed: Catalog
        if format == "csv" {
            parsed = try CatalogCSV.parse(data: CatalogCSV.exportData(exported)).get()
        } else {
            parsed = try CatalogJSON.parse(CatalogJSON.export(exported)).get()
        }
        let target = try emptyHall()
        let summary = try target.database.importCatalog(parsed, by: target.admin)
        #expect(summary.newItems == 150)
        #expect(try target.database.catalog() == exported)
    }

    @Test func reimportUpdatesByCodeAndReplacesMaterials() throws {
        let hall = try emptyHall()
        try hall.database.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        var changed = CatalogFixtures.catalog
        changed.items[0].name = "食品经营许可（新办）"
        changed.items[0].promisedLimit = TimeLimit(3)
        changed.items[0].materials = [
            ItemMaterial(name: "食品经营许可申请书"),
            ItemMaterial(name: "食品安全管理制度", kind: .tolerable, notes: "后补"),
        ]
        changed.departments[0].name = "区市场监管局"
        let summary = try hall.database.importCatalog(changed, by: hall.admin)
        #expect(summary.newItems == 0)
        #expect(summary.updatedItems == 1)
        #expect(summary.unchangedItems == 1)
        let stored = try hall.database.catalog()
        #expect(stored.items.count == 2)
        #expect(stored == changed)
        #expect(stored.items[0].materials.map(\.name) == ["食品经营许可申请书", "食品安全管理制度"])
        let rows = try hall.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM catalog_material") }
        #expect(rows == 2)
    }

    @Test func mergeKeepsOtherItemsAndReplaceRemovesThem() throws {
        let hall = try emptyHall()
        try hall.database.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        let onlyBirth = Catalog(departments: [CatalogFixtures.health], items: [CatalogFixtures.catalog.items[1]])
        #expect(try hall.database.importCatalog(onlyBirth, by: hall.admin).unchangedItems == 1)
        #expect(try hall.database.catalog().items.count == 2)
        let replaced = try hall.database.importCatalog(onlyBirth, mode: .replace, by: hall.admin)
        #expect(replaced.removedItems == 1)
        #expect(try hall.database.catalog() == onlyBirth)
    }

    @Test func anInvalidCatalogImportsNothingAndNamesEveryProblem() throws {
        let hall = try emptyHall()
        var bad = CatalogFixtures.catalog
        bad.items[0].promisedLimit = TimeLimit(30)
        bad.items[1].linePrefix = "d1"
        bad.items.append(bad.items[1])
        #expect {
            try hall.database.importCatalog(bad, by: hall.admin)
        } throws: { error in
            let errors = (error as? CatalogImportError)?.errors ?? []
            return errors.map(\.index) == [0, 1, 2, 2] && errors.map(\.fieldPath).contains("linePrefix")
        }
        #expect(try hall.database.catalog().items.isEmpty)
        #expect(try hall.database.catalogRevision() == 0)
    }

    @Test func aCSVFileWithBadRowsReportsEveryRowAndImportsNothing() throws {
        let hall = try emptyHall()
        let csv = """
            实施编码,事项名称,事项类型,部门编码,部门名称,承诺时限,法定时限,份数,材料名称
            C-1,食品经营许可,01,D1,区市场监督管理局,5,20,1,申请书
            C-2,药品零售许可,99,D1,区市场监督管理局,5,20,1,申请书
            C-3,,01,D1,区市场监督管理局,5,20,1,申请书
            C-4,建筑工程施工许可,01,D1,区市场监督管理局,30,20,1,申请书
            C-5,餐饮服务许可,01,D1,区市场监督管理局,5,20,0,申请书
            """
        guard case .failure(let error) = CatalogCSV.parse(csv) else {
            Issue.record("a file with bad rows must not parse")
            return
        }
        #expect(error.issues.map(\.line) == [3, 4, 5, 6])
        #expect(error.issues.map(\.column) == ["事项类型", "事项名称", "承诺时限", "份数"])
        #expect(try hall.database.catalog().items.isEmpty)
    }

    /// A failure inside the transaction (here forced by a trigger on the third item) leaves nothing behind.
    @Test func aFailureHalfwayRollsBackTheWholeImport() throws {
        let hall = try emptyHall()
        try hall.database.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        let code = DemoCatalog.catalog.items[2].implementationCode
        try hall.database.perform { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_third BEFORE INSERT ON catalog_item WHEN NEW.code = '\(code)'
                BEGIN SELECT RAISE(ABORT, 'refused by test'); END
                """)
        }
        #expect(throws: (any Error).self) { try hall.database.importCatalog(DemoCatalog.catalog, by: hall.admin) }
        #expect(try hall.database.catalog() == CatalogFixtures.catalog)
        #expect(try hall.database.catalogRevision() == 1)
    }

    @Test func searchFindsChineseNamesCodesAndDepartments() throws {
        let hall = try TestHall()
        let food = try hall.database.searchCatalog(text: "食品")
        #expect(food.first?.item.name.hasPrefix("食品") == true)
        #expect(food.contains { $0.item.name == "食品经营许可" })
        #expect(food.allSatisfy { $0.item.name.contains("食品") || $0.departmentName.contains("食品") })
        let middle = try hall.database.searchCatalog(text: "施工许可")
        #expect(middle.contains { $0.item.name.contains("建筑工程施工许可") })
        let byDepartment = try hall.database.searchCatalog(text: "退役军人事务局")
        #expect(!byDepartment.isEmpty && byDepartment.allSatisfy { $0.rank == .department })
        let code = DemoCatalog.catalog.items[7].implementationCode
        #expect(try hall.database.searchCatalog(text: code.lowercased()).first?.item.implementationCode == code)
        #expect(try hall.database.searchCatalog(text: "许可", limit: 5).count == 5)
        #expect(try hall.database.searchCatalog(text: "不存在的事项").isEmpty)
    }

    @Test func theIndexFeedReloadsOnlyWhenAnotherConnectionImports() throws {
        let hall = try emptyHall()
        var feed = try CatalogIndexFeed(database: hall.database)
        #expect(feed.index.items.isEmpty)
        #expect(try feed.refresh(from: hall.database) == false)
        // Another process: a second connection to the same file.
        let other = try HallDatabase.open(path: hall.path)
        try other.importCatalog(CatalogFixtures.catalog, by: hall.admin)
        #expect(try feed.refresh(from: hall.database) == true)
        #expect(feed.index.items.count == 2)
        #expect(feed.index.item(code: "11510199MB1531373Y4000200005")?.name == "生育登记")
        #expect(try feed.refresh(from: hall.database) == false)
    }
}
