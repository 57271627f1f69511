import Foundation
import Testing
@testable import HallModel

/// The examples in docs/catalog-format.md must import as documented.
@Suite struct CatalogFormatDocTests {
    static let docPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/catalog-format.md").path

    private func block(_ language: String) throws -> String {
        let doc = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        let start = try #require(doc.range(of: "```\(language)\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound])
    }

    @Test func csvAndJSONExamplesDescribeTheSameItem() throws {
        let csv = try CatalogCSV.parse(block("csv")).get()
        let json = try CatalogJSON.parse(Data(block("json").utf8)).get()
        #expect(csv.items.count == 1 && csv.items[0].materials.count == 3)
        #expect(csv == json)
    }
}
