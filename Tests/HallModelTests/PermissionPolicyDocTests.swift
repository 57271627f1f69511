import Foundation
import Testing
@testable import HallModel

/// docs/SECURITY.md's permission table is the policy in the code, row for row.
@Suite struct PermissionPolicyDocTests {
    static let docPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/SECURITY.md").path

    @Test func theDocumentedTableIsThePolicy() throws {
        let doc = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        let start = try #require(doc.range(of: "<!-- permission-table -->"))
        let end = try #require(doc.range(of: "<!-- /permission-table -->"))
        let rows = doc[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `") }
        var documented: [String: PermissionPolicy.Rule] = [:]
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 4, "\(row)")
            guard cells.count == 4 else { continue }
            func list(_ text: String) -> [String] { text == "-" ? [] : text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let roles = Set(list(cells[1]).compactMap(Role.init(rawValue:)))
            let devices = Set(list(cells[2]).compactMap(Device.init(rawValue:)))
            #expect(roles.count == list(cells[1]).count && devices.count == list(cells[2]).count, "unknown role or device in \(row)")
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] =
                PermissionPolicy.Rule(roles: roles, devices: devices, windowsOwnClerk: cells[3] == "yes")
        }
        #expect(Set(documented.keys) == Set(HallAction.allCases.map(\.rawValue)))
        for action in HallAction.allCases {
            #expect(documented[action.rawValue] == PermissionPolicy.rule(for: action), "\(action.rawValue)")
        }
    }
}
