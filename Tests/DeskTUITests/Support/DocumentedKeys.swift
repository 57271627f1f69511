import Foundation
import Testing
@testable import DeskTUI

/// A screen's doc lists its key table: one Markdown table per key table, under its own heading, whose
/// first column is each binding's keys ("`n`, F2", "`1`-`9`"). The doc tests compare it with the code.
enum DocumentedKeys {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The first column of the table under the line `heading` (up to the next heading), each as its key
    /// names: "`n`, F2" → ["n", "F2"].
    static func table(in path: String, under heading: String) throws -> [[String]] {
        let doc = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "\n" + heading + "\n").dropFirst().first, "\(path): no \(heading)")
        return section.components(separatedBy: "\n").prefix { !$0.hasPrefix("#") }
            .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Keys") }
            .map { row in
                row.split(separator: "|", omittingEmptySubsequences: true)[0].trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: "`", with: "").components(separatedBy: ", ")
            }
    }

    /// The table's bindings as the docs write them (`KeyBinding.keyNames`).
    static func names<Command, Context>(_ table: KeyTable<Command, Context>) -> [[String]] {
        table.bindings.map(\.keyNames)
    }
}
