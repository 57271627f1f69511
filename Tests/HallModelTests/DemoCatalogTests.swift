import Foundation
import Testing
@testable import HallModel

@Suite struct DemoCatalogTests {
    let catalog = DemoCatalog.catalog

    @Test func countsMatchTheModelHall() {
        #expect(catalog.items.count == 148)
        #expect(catalog.departments.count == 22)
        #expect(catalog.items.filter { $0.finalApprover == .sectionChief }.count == 140)
        #expect(catalog.items.filter { $0.finalApprover == .deputyDirector }.count == 8)
        #expect(catalog.items.filter { $0.allowedSiteLevels.contains(.townCenter) }.count == 29)
    }

    @Test func everyItemIsValid() {
        let errors = catalog.validate()
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.message.en))")
    }

    @Test func itemsAreRealistic() {
        let tolerant = catalog.items.filter(\.toleranceAllowed)
        #expect((30...90).contains(tolerant.count))
        for item in catalog.items {
            #expect((3...8).contains(item.materials.count), "\(item.name) has \(item.materials.count) materials")
            #expect(["A", "B", "C", "D", "E"].contains(item.linePrefix))
            #expect((0...15).contains(item.promisedLimit.count))
            #expect(item.implementationCode.count == 28)
        }
        #expect(Set(catalog.items.map(\.linePrefix)) == ["A", "B", "C", "D", "E"])
        #expect(catalog.items.contains { $0.statutoryLimit.unit == .naturalDays })
        let twenty = catalog.items.filter { $0.statutoryLimit == TimeLimit(20) }.count
        #expect(twenty > catalog.items.count / 2)
        #expect(Set(catalog.items.map(\.name)).count == 148)
    }

    @Test func departmentCodesCarryAValidCheckCharacter() {
        for department in catalog.departments {
            let code = department.code
            #expect(DemoCatalog.creditCode(organ: String(code.dropFirst(8).prefix(9))) == code)
        }
    }

    @Test func isDeterministicAndSurvivesBothFormats() throws {
        #expect(DemoCatalog.build() == catalog)
        #expect(try CatalogJSON.parse(CatalogJSON.export(catalog)).get() == catalog)
        #expect(try CatalogCSV.parse(CatalogCSV.export(catalog)).get() == catalog)
    }
}
