import Foundation
import Queue

/// Loads a published item list as exported by a provincial government-service platform
/// (columns `department, main_item, name, itemCode, taskType, deptCode, areaCode, link`, e.g. the
/// Guang'an 511602 sample). Such a list names the items but has no materials or limits, so every item
/// gets the documented defaults of `CatalogItem.init` (20 working days, section chief, district level,
/// line A, no 容缺, no materials). The hall loads its real list at once, exports it with `CatalogCSV`,
/// completes materials and limits in a spreadsheet, and imports it back.
public enum CatalogSampleImport {
    /// The columns this importer needs; others (main_item, areaCode, link) are ignored.
    public static let requiredColumns = ["department", "name", "itemCode", "taskType", "deptCode"]

    /// True when the header row is the provincial export's, so a caller can choose the importer.
    public static func recognizes(_ text: String) -> Bool {
        guard let header = CSV.parse(text).records.first(where: { !$0.isBlank }) else { return false }
        let titles = Set(header.fields.map(\.trimmed))
        return requiredColumns.allSatisfy(titles.contains)
    }

    public static func parse(data: Data) -> Result<Catalog, CatalogCSVError> {
        guard let text = String(data: data, encoding: .utf8) else {
            let reason = CSVSyntaxError(line: 1, fieldIndex: 0, problem: .notUTF8).reason
            return .failure(CatalogCSVError(issues: [CatalogCSVIssue(line: 1, column: "", reason: reason)]))
        }
        return parse(text)
    }

    /// Every item, or every bad row (line, column, reason); nothing partial.
    public static func parse(_ text: String) -> Result<Catalog, CatalogCSVError> {
        let (records, syntaxErrors) = CSV.parse(text)
        var issues = syntaxErrors.map { CatalogCSVIssue(line: $0.line, column: "", reason: $0.reason) }
        guard let headerPosition = records.firstIndex(where: { !$0.isBlank }) else {
            return .failure(CatalogCSVError(issues: issues + [CatalogCSVIssue(line: 1, column: "", reason:
                Bilingual(en: "the file is empty", zh: "文件为空"))]))
        }
        let header = records[headerPosition]
        var position: [String: Int] = [:]
        for (i, title) in header.fields.enumerated() where position[title.trimmed] == nil { position[title.trimmed] = i }
        let missing = requiredColumns.filter { position[$0] == nil }
        guard missing.isEmpty else {
            issues += missing.map {
                CatalogCSVIssue(line: header.line, column: $0, reason: Bilingual(en: "required column is missing", zh: "缺少必需的列"))
            }
            return .failure(CatalogCSVError(issues: issues))
        }

        var departments: [Department] = []
        var departmentNames: [String: String] = [:]
        var items: [CatalogItem] = []
        var firstLine: [String: Int] = [:]
        for record in records[(headerPosition + 1)...] where !record.isBlank {
            func value(_ column: String) -> String {
                let i = position[column]!
                return i < record.fields.count ? record.fields[i].trimmed : ""
            }
            func line(_ column: String) -> Int {
                let i = position[column]!
                return i < record.fieldLines.count ? record.fieldLines[i] : record.line
            }
            func problem(_ column: String, _ reason: Bilingual) {
                issues.append(CatalogCSVIssue(line: line(column), column: column, reason: reason))
            }
            let required = Bilingual(en: "required; must not be empty", zh: "必填，不能为空")
            let (code, name, typeText) = (value("itemCode"), value("name"), value("taskType"))
            let (deptCode, deptName) = (value("deptCode"), value("department"))
            for (column, text) in [("itemCode", code), ("name", name), ("taskType", typeText), ("deptCode", deptCode), ("department", deptName)]
            where text.isEmpty { problem(column, required) }
            let type = ItemType(lenient: typeText)
            if type == nil, !typeText.isEmpty {
                problem("taskType", Bilingual(en: "\"\(typeText)\" is not a national item type code (1–10 or 20)",
                                              zh: "“\(typeText)”不是国家事项类型编码（1–10 或 20）"))
            }
            if let first = firstLine[code], !code.isEmpty {
                problem("itemCode", Bilingual(en: "the same code is on line \(first)", zh: "与第 \(first) 行编码重复"))
                continue
            }
            if !deptCode.isEmpty, !deptName.isEmpty {
                if let known = departmentNames[deptCode] {
                    if known != deptName {
                        problem("department", Bilingual(en: "department \(deptCode) is named \"\(known)\" elsewhere",
                                                        zh: "部门 \(deptCode) 在其他行的名称是“\(known)”"))
                    }
                } else {
                    departmentNames[deptCode] = deptName
                    departments.append(Department(code: deptCode, name: deptName))
                }
            }
            guard let type, !code.isEmpty, !name.isEmpty, !deptCode.isEmpty else { continue }
            firstLine[code] = record.line
            let item = CatalogItem(implementationCode: code, name: name, itemType: type, departmentCode: deptCode)
            for error in item.validate() {
                let column = switch error.location {
                case .item(.implementationCode): "itemCode"
                case .item(.departmentCode): "deptCode"
                default: "name"
                }
                problem(column, error.message)
            }
            items.append(item)
        }
        guard issues.isEmpty else {
            return .failure(CatalogCSVError(issues: issues.sorted { $0.line < $1.line }))
        }
        return .success(Catalog(departments: departments, items: items))
    }
}
