import Foundation
import Testing
@testable import HallModel

@Suite struct CatalogSampleImportTests {
    static let samplePath = "/work/shared/data/catalog-samples/guangan-511602/items.csv"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath)))
    func realPublishedListLoads() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.samplePath))
        let text = String(decoding: data, as: UTF8.self)
        #expect(CatalogSampleImport.recognizes(text))
        #expect(!CatalogSampleImport.recognizes(CatalogCSV.export(CatalogFixtures.catalog)))
        let catalog = try CatalogSampleImport.parse(data: data).get()
        #expect(catalog.items.count == 1_135)
        #expect(catalog.validate().isEmpty)
        #expect(catalog.items.filter { $0.itemType == .licensing }.count == 536)
        #expect(catalog.items.filter { $0.itemType == .publicService }.count == 348)
        // Completed later in a spreadsheet: the converted list survives our own CSV.
        #expect(try CatalogCSV.parse(CatalogCSV.export(catalog)).get() == catalog)
        let hits = CatalogSearch(catalog).search("延缓入学")
        #expect(!hits.isEmpty)
    }

    @Test func badRowsAreAllReported() {
        let text = """
        department,main_item,name,itemCode,taskType,deptCode,areaCode,link
        区教科体局,未分类,学生资助政策咨询,C1,20,D1,511602000000,
        区教科体局,未分类,,C2,30,D1,,
        区教科体局,未分类,重复,C1,1,D1,,
        """
        guard case .failure(let error) = CatalogSampleImport.parse(text) else {
            Issue.record("must fail")
            return
        }
        #expect(Set(error.issues.map { "\($0.line):\($0.column)" }) == ["3:name", "3:taskType", "4:itemCode"])
    }
}
