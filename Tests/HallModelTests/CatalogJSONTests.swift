import Foundation
import Testing
@testable import HallModel

@Suite struct CatalogJSONTests {
    @Test func exportThenImportGivesTheSameCatalog() throws {
        let catalog = CatalogFixtures.catalog
        let data = CatalogJSON.export(catalog)
        #expect(try CatalogJSON.parse(data).get() == catalog)
        // Reproducible bytes: the site-level set is written sorted.
        #expect(CatalogJSON.export(try CatalogJSON.parse(data).get()) == data)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["format"] as? String == "halldesk-catalog")
        #expect(object?["version"] as? Int == 1)
    }

    @Test func errorsPointAtItemIndexCodeAndField() throws {
        var object = try JSONSerialization.jsonObject(with: CatalogJSON.export(CatalogFixtures.catalog)) as! [String: Any]
        var items = object["items"] as! [[String: Any]]
        items[0]["itemType"] = "99"                       // undecodable
        var promised = items[1]["promisedLimit"] as! [String: Any]
        promised["count"] = 9                              // 9 > statutory 5
        items[1]["promisedLimit"] = promised
        object["items"] = items
        let bad = try JSONSerialization.data(withJSONObject: object)

        guard case .failure(let first) = CatalogJSON.parse(bad) else {
            Issue.record("must fail")
            return
        }
        #expect(first.issues.count == 1)
        #expect(first.issues[0].index == 0)
        #expect(first.issues[0].code == "11510199MB1530000X4000010006")
        #expect(first.issues[0].field == "itemType")

        items[0]["itemType"] = "01"
        var materials = items[0]["materials"] as! [[String: Any]]
        materials[2]["copies"] = 0
        items[0]["materials"] = materials
        object["items"] = items
        guard case .failure(let second) = CatalogJSON.parse(try JSONSerialization.data(withJSONObject: object)) else {
            Issue.record("must fail")
            return
        }
        let places = Set(second.issues.map { "\($0.index ?? -1):\($0.field)" })
        #expect(places == ["0:materials[2].copies", "1:promisedLimit"])
        #expect(second.issues.allSatisfy { !$0.message.zh.isEmpty })
    }

    @Test func wrongFormatIsReported() {
        let data = Data(#"{"format":"other","version":2,"departments":[],"items":[]}"#.utf8)
        guard case .failure(let error) = CatalogJSON.parse(data) else {
            Issue.record("must fail")
            return
        }
        #expect(Set(error.issues.map(\.field)) == ["format", "version"])
    }
}
