import Foundation
import Queue

/// One problem in a catalog CSV file: where it is and why, in both languages.
public struct CatalogCSVIssue: Hashable, Sendable {
    /// 1-based line where the offending field starts.
    public var line: Int
    /// The column's header as written in the file (or its key when the column is missing from the file).
    public var column: String
    public var reason: Bilingual

    public init(line: Int, column: String, reason: Bilingual) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var message: Bilingual {
        let where_ = column.isEmpty ? "" : ", \(column)"
        let whereZh = column.isEmpty ? "" : "，\(column)"
        return Bilingual(en: "Line \(line)\(where_): \(reason.en)", zh: "第 \(line) 行\(whereZh)：\(reason.zh)")
    }
}

/// A catalog CSV file that could not be imported. Nothing is imported; every bad row is listed.
public struct CatalogCSVError: UserFacingError, Hashable, Sendable {
    public var issues: [CatalogCSVIssue]

    public var message: Bilingual {
        let head = Bilingual(en: "The catalog file has \(Plural.english(issues.count, "problem")); nothing was imported.",
                             zh: "事项清单文件有 \(issues.count) 处错误，未导入任何内容。")
        return Bilingual(en: ([head.en] + issues.map(\.message.en)).joined(separator: "\n"),
                         zh: ([head.zh] + issues.map(\.message.zh)).joined(separator: "\n"))
    }
}

/// The catalog as a spreadsheet: one row per material, the item's columns repeated on each of its rows.
/// See docs/catalog-format.md.
public enum CatalogCSV {
    public enum HeaderStyle: Sendable { case chinese, keys }

    // MARK: Writing

    /// The catalog as CSV text. Rows of one item are together, materials in order; an item without
    /// materials takes one row with empty material cells. Departments that need it (no items, or listed
    /// in an order that the items alone would not give) get department-only rows.
    public static func export(_ catalog: Catalog, header: HeaderStyle = .chinese,
                              lineEnding: String = "\r\n", byteOrderMark: Bool = true) -> String {
        let columns = CatalogCSVColumn.allCases
        var rows: [[String]] = [columns.map { header == .chinese ? $0.chineseTitle : $0.key }]
        let names = Dictionary(catalog.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })

        // Departments come back in order of first appearance, so declare them up front unless the items already give that order.
        var appearance: [String] = []
        var seen: Set<String> = []
        for item in catalog.items where seen.insert(item.departmentCode).inserted { appearance.append(item.departmentCode) }
        let itemless = catalog.departments.map(\.code).filter { !seen.contains($0) }
        let declareAllFirst = catalog.departments.map(\.code) != appearance + itemless
        func departmentRow(_ department: Department) -> [String] {
            columns.map { neutralised($0 == .departmentCode ? department.code : $0 == .departmentName ? department.name : "") }
        }
        if declareAllFirst { rows += catalog.departments.map(departmentRow) }

        for item in catalog.items {
            let itemCells = itemCells(item, departmentName: names[item.departmentCode] ?? "")
            let materials: [ItemMaterial?] = item.materials.isEmpty ? [nil] : item.materials
            for material in materials {
                rows.append(columns.map { column in
                    neutralised(column.isMaterialColumn ? (material.map { materialCell($0, column) } ?? "") : itemCells[column] ?? "")
                })
            }
        }
        if !declareAllFirst {
            rows += catalog.departments.filter { itemless.contains($0.code) }.map(departmentRow)
        }
        return CSV.write(rows, lineEnding: lineEnding, byteOrderMark: byteOrderMark)
    }

    public static func exportData(_ catalog: Catalog, header: HeaderStyle = .chinese) -> Data {
        Data(export(catalog, header: header).utf8)
    }

    private static func itemCells(_ item: CatalogItem, departmentName: String) -> [CatalogCSVColumn: String] {
        [
            .implementationCode: item.implementationCode,
            .itemName: item.name,
            .itemType: item.itemType.code,
            .departmentCode: item.departmentCode,
            .departmentName: departmentName,
            .legalBasis: item.legalBasis,
            .conditions: item.conditions,
            .processSteps: item.processSteps.joined(separator: String(CatalogItem.listSeparator)),
            .statutoryLimit: "\(item.statutoryLimit.count)",
            .statutoryUnit: item.statutoryLimit.unit.label.zh,
            .statutoryExtension: item.statutoryExtension.map { "\($0)" } ?? "",
            .promisedLimit: "\(item.promisedLimit.count)",
            .promisedUnit: item.promisedLimit.unit.label.zh,
            .feeYuan: item.fee?.yuanText ?? "",
            .feeBasis: item.fee?.basis ?? "",
            .visitsRequired: "\(item.visitsRequired)",
            .online: yesNo(item.online),
            .supervisionPhone: item.supervisionPhone,
            .finalApprover: item.finalApprover.label.zh,
            .siteLevels: item.sortedSiteLevels.map(\.label.zh).joined(separator: String(CatalogItem.listSeparator)),
            .toleranceAllowed: yesNo(item.toleranceAllowed),
            .linePrefix: item.linePrefix,
        ]
    }

    private static func materialCell(_ m: ItemMaterial, _ column: CatalogCSVColumn) -> String {
        switch column {
        case .materialName: m.name
        case .materialKind: m.kind.label.zh
        case .materialForm: m.form.label.zh
        case .materialCopies: "\(m.copies)"
        case .blankForm: yesNo(m.blankFormAvailable)
        case .sample: yesNo(m.sampleAvailable)
        case .materialSource: m.source.label.zh
        case .sourceDepartmentCode: m.sourceDepartmentCode ?? ""
        case .materialNotes: m.notes
        default: ""
        }
    }

    private static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }

    /// Spreadsheet formula injection: a cell starting with `=`, `+`, `-` or `@` would be run as a formula
    /// by Excel, WPS or LibreOffice (`=HYPERLINK(…)`, `+cmd|…`). The writer puts an apostrophe in front —
    /// spreadsheets show such a cell as text — and the reader takes it off again, so export → import
    /// gives back the same catalog (a phone number `+86 …` included).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// Also escapes control characters other than line breaks (a catalog stored before imports refused
    /// them must not reach a terminal through `desk catalog export`).
    static func neutralised(_ cell: String) -> String {
        let cell = PrintableText.escapingControls(cell, keeping: ["\n", "\r"])
        guard let first = cell.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    static func unneutralised(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    // MARK: Reading

    public static func parse(data: Data) -> Result<Catalog, CatalogCSVError> {
        guard let text = String(data: data, encoding: .utf8) else {
            let e = CSVSyntaxError(line: 1, fieldIndex: 0, problem: .notUTF8)
            return .failure(CatalogCSVError(issues: [CatalogCSVIssue(line: 1, column: "", reason: e.reason)]))
        }
        return parse(text)
    }

    /// The whole catalog, or every problem in the file. Nothing partial is ever returned.
    public static func parse(_ text: String) -> Result<Catalog, CatalogCSVError> {
        var reader = CatalogCSVReader()
        reader.read(text)
        return reader.issues.isEmpty ? .success(reader.catalog) : .failure(CatalogCSVError(issues: reader.sortedIssues))
    }
}
