import Foundation
import Queue

/// Reads the catalog CSV layout, collecting every problem. Used through `CatalogCSV.parse`.
struct CatalogCSVReader {
    private(set) var issues: [CatalogCSVIssue] = []
    private(set) var catalog = Catalog(departments: [], items: [])

    private var columnIndex: [CatalogCSVColumn: Int] = [:]
    private var titles: [CatalogCSVColumn: String] = [:]
    /// Header positions that hold no known column (empty title); their cells must stay empty.
    private var untitled: Set<Int> = []
    private var headerWidth = 0
    private var departmentIndex: [String: (index: Int, line: Int)] = [:]
    private var pending: [PendingItem] = []
    private var pendingIndex: [String: Int] = [:]
    /// Cells that already have a parse problem; rule checks that depend on them stay quiet.
    private var badCells: Set<CellRef> = []
    private var issueOrder: [CatalogCSVIssue: Int] = [:]

    private struct CellRef: Hashable { let line: Int; let column: CatalogCSVColumn }

    private struct PendingItem {
        var item: CatalogItem
        var first: CSVRecord
        var materialLines: [Int] = []
    }

    // MARK: Driving

    mutating func read(_ text: String) {
        let (records, syntaxErrors) = CSV.parse(text)
        guard let headerPosition = records.firstIndex(where: { !$0.isBlank }) else {
            for e in syntaxErrors { report(e.line, nil, e.reason) }
            report(1, nil, Bilingual(en: "the file is empty; the first row must be the column titles",
                                     zh: "文件为空；第一行应为列标题"))
            return
        }
        readHeader(records[headerPosition])
        for e in syntaxErrors { report(e.line, column(at: e.fieldIndex), e.reason) }
        guard CatalogCSVColumn.allCases.allSatisfy({ !$0.isRequired || columnIndex[$0] != nil }) else { return }

        for record in records[(headerPosition + 1)...] where !record.isBlank {
            readRow(record)
        }
        finish()
    }

    private mutating func readHeader(_ header: CSVRecord) {
        headerWidth = header.fields.count
        for (position, cell) in header.fields.enumerated() {
            let title = cell.trimmed
            if title.isEmpty { untitled.insert(position); continue }
            guard let column = CatalogCSVColumn(header: title) else {
                report(header.line, title, Bilingual(en: "unknown column title (see docs/catalog-format.md)",
                                                     zh: "无法识别的列标题（见 docs/catalog-format.md）"))
                continue
            }
            if columnIndex[column] != nil {
                report(header.line, title, Bilingual(en: "this column appears twice", zh: "该列重复出现"))
                continue
            }
            columnIndex[column] = position
            titles[column] = title
        }
        for column in CatalogCSVColumn.allCases where column.isRequired && columnIndex[column] == nil {
            report(header.line, column.chineseTitle,
                   Bilingual(en: "required column \(column.key) (\(column.chineseTitle)) is missing",
                             zh: "缺少必需的列 \(column.chineseTitle)（\(column.key)）"))
        }
    }

    private mutating func readRow(_ record: CSVRecord) {
        // A short row would "update" an item with empty materials, legal basis, limits…: refused, like a long one.
        if record.fields.count < headerWidth {
            report(record.line, "#\(record.fields.count + 1)",
                   Bilingual(en: "this row has \(Plural.english(record.fields.count, "field")); the header has \(headerWidth)",
                             zh: "本行只有 \(record.fields.count) 个字段，表头有 \(headerWidth) 个"))
            return
        }
        for (position, value) in record.fields.enumerated() where !value.trimmed.isEmpty {
            if position >= headerWidth || untitled.contains(position) {
                report(record.fieldLines[position], "#\(position + 1)",
                       Bilingual(en: "a value in a column without a title", zh: "无标题的列中有内容"))
            }
        }
        let code = cell(.implementationCode, record)
        if code.isEmpty {
            let onlyDepartment = CatalogCSVColumn.allCases.allSatisfy {
                $0 == .departmentCode || $0 == .departmentName || cell($0, record).isEmpty
            }
            if onlyDepartment, !cell(.departmentCode, record).isEmpty {
                declareDepartment(record)
            } else {
                reportRequired(.implementationCode, record)
            }
            return
        }
        if let index = pendingIndex[code] {
            checkContinuation(record, of: pending[index].first)
            if let material = readMaterial(record) {
                pending[index].item.materials.append(material)
                pending[index].materialLines.append(record.line)
            }
            return
        }
        declareDepartment(record)
        var entry = PendingItem(item: readItem(record, code: code), first: record)
        if let material = readMaterial(record) {
            entry.item.materials.append(material)
            entry.materialLines.append(record.line)
        }
        pendingIndex[code] = pending.count
        pending.append(entry)
    }

    private mutating func declareDepartment(_ record: CSVRecord) {
        let code = cell(.departmentCode, record)
        let name = cell(.departmentName, record)
        guard !code.isEmpty else { return reportRequired(.departmentCode, record) }
        if let known = departmentIndex[code] {
            let knownName = PrintableText.excerpt(catalog.departments[known.index].name)
            if !name.isEmpty, name != knownName {
                report(line(.departmentName, record), .departmentName,
                       Bilingual(en: "department \(code) is named \"\(knownName)\" on line \(known.line)",
                                 zh: "部门 \(code) 在第 \(known.line) 行的名称是“\(knownName)”"))
            }
            return
        }
        if name.trimmed.isEmpty {
            return report(line(.departmentName, record), .departmentName,
                          Bilingual(en: "name the department the first time its code appears",
                                    zh: "部门编码首次出现时须填写部门名称"))
        }
        departmentIndex[code] = (catalog.departments.count, record.line)
        catalog.departments.append(Department(code: code, name: name))
    }

    /// Item cells on a later row of the same item must be empty or equal to the first row's.
    private mutating func checkContinuation(_ record: CSVRecord, of first: CSVRecord) {
        for column in CatalogCSVColumn.allCases where !column.isMaterialColumn && column != .implementationCode {
            let value = cell(column, record)
            let original = cell(column, first)
            if !value.isEmpty, value != original {
                report(line(column, record), column,
                       Bilingual(en: "differs from line \(first.line), where this item starts; leave it empty or repeat the same value",
                                 zh: "与该事项起始的第 \(first.line) 行不一致；请留空或填写相同内容"))
            }
        }
    }

    // MARK: Fields

    private mutating func readItem(_ r: CSVRecord, code: String) -> CatalogItem {
        var item = CatalogItem(implementationCode: code, name: cell(.itemName, r), itemType: .licensing,
                               departmentCode: cell(.departmentCode, r))
        if item.name.trimmed.isEmpty { reportRequired(.itemName, r) }
        let typeText = cell(.itemType, r)
        if typeText.isEmpty { reportRequired(.itemType, r) }
        else if let type = ItemType(lenient: typeText) { item.itemType = type }
        else {
            badValue(.itemType, r, Bilingual(en: "a national item type code: 01–10 or 20 (e.g. 01 for licensing)",
                                             zh: "国家事项类型编码：01–10 或 20（如 01 表示行政许可）"))
        }
        item.legalBasis = cell(.legalBasis, r)
        item.conditions = cell(.conditions, r)
        item.processSteps = list(cell(.processSteps, r), separators: [CatalogItem.listSeparator])
        let statutoryUnit = choice(.statutoryUnit, r, TimeLimitUnit.self, default: .workingDays)
        item.statutoryLimit = TimeLimit(count(.statutoryLimit, r, default: CatalogItem.defaultStatutoryLimit.count), statutoryUnit)
        let extensionText = cell(.statutoryExtension, r)
        if !extensionText.isEmpty { item.statutoryExtension = count(.statutoryExtension, r, default: 0) }
        let promisedUnit = choice(.promisedUnit, r, TimeLimitUnit.self, default: statutoryUnit)
        item.promisedLimit = TimeLimit(count(.promisedLimit, r, default: item.statutoryLimit.count), promisedUnit)
        let feeText = cell(.feeYuan, r), basis = cell(.feeBasis, r)
        if feeText.isEmpty || feeText == "免费" || feeText == "0" {
            if !basis.trimmed.isEmpty {
                report(line(.feeYuan, r), .feeYuan, Bilingual(en: "a fee basis is given but no amount",
                                                               zh: "填写了收费依据但没有收费金额"))
            }
        } else if let fen = Fee.fen(fromYuan: feeText) {
            item.fee = Fee(amountFen: fen, basis: basis)
        } else {
            badValue(.feeYuan, r, Bilingual(en: "an amount in yuan with at most 2 decimals, e.g. 80 or 12.50",
                                            zh: "以元为单位、最多两位小数的金额，如 80 或 12.50"))
        }
        item.visitsRequired = count(.visitsRequired, r, default: 1)
        item.online = flag(.online, r, default: false)
        item.supervisionPhone = cell(.supervisionPhone, r)
        item.finalApprover = choice(.finalApprover, r, ApproverLevel.self, default: .sectionChief)
        let levelsText = cell(.siteLevels, r)
        if !levelsText.isEmpty {
            var levels: Set<SiteLevel> = []
            for part in list(levelsText, separators: ["|", "；", ";", "、", "，", ","]) {
                if let level = SiteLevel(lenient: part) { levels.insert(level) }
                else { badValue(.siteLevels, r, Self.expected(SiteLevel.self, separated: true)) }
            }
            item.allowedSiteLevels = levels
        }
        item.toleranceAllowed = flag(.toleranceAllowed, r, default: false)
        let prefix = cell(.linePrefix, r)
        if !prefix.isEmpty { item.linePrefix = prefix.uppercased() }
        return item
    }

    private mutating func readMaterial(_ r: CSVRecord) -> ItemMaterial? {
        let columns = CatalogCSVColumn.allCases.filter(\.isMaterialColumn)
        guard columns.contains(where: { !cell($0, r).isEmpty }) else { return nil }
        let name = cell(.materialName, r)
        if name.trimmed.isEmpty { reportRequired(.materialName, r) }
        var material = ItemMaterial(name: name)
        material.kind = choice(.materialKind, r, MaterialKind.self, default: .core)
        material.form = choice(.materialForm, r, MaterialForm.self, default: .original)
        material.copies = count(.materialCopies, r, default: 1)
        material.blankFormAvailable = flag(.blankForm, r, default: false)
        material.sampleAvailable = flag(.sample, r, default: false)
        let sourceDepartment = cell(.sourceDepartmentCode, r)
        // A named sharing department implies a shared material, so a clerk need not fill both.
        material.source = choice(.materialSource, r, MaterialSource.self, default: sourceDepartment.isEmpty ? .applicant : .shared)
        material.sourceDepartmentCode = sourceDepartment.isEmpty ? nil : sourceDepartment
        material.notes = cell(.materialNotes, r)
        return material
    }

    // MARK: Rules after assembly

    private mutating func finish() {
        for entry in pending {
            for error in entry.item.validate() {
                let (line, column, related) = place(error.location, error.problem, entry)
                let suppressed = related.contains { badCells.contains(CellRef(line: line, column: $0)) }
                    || badCells.contains(CellRef(line: line, column: column))
                if !suppressed { report(line, column, error.message) }
            }
            for (m, material) in entry.item.materials.enumerated() {
                if let source = material.sourceDepartmentCode, departmentIndex[source] == nil {
                    report(entry.materialLines[m], .sourceDepartmentCode,
                           Bilingual(en: "no department with code \(PrintableText.excerpt(source)); add a row for it (department code and name only)",
                                     zh: "没有编码为 \(PrintableText.excerpt(source)) 的部门；请为它添加一行（只填部门编码和名称）"))
                }
            }
        }
        catalog.items = pending.map(\.item)
    }

    /// The line and column a rule violation belongs to, and the cells it depends on.
    private func place(_ location: CatalogItemError.Location, _ problem: CatalogItemError.Problem,
                       _ entry: PendingItem) -> (Int, CatalogCSVColumn, [CatalogCSVColumn]) {
        let first = entry.first
        switch location {
        case .item(let field):
            let column: CatalogCSVColumn
            var related: [CatalogCSVColumn] = []
            switch field {
            case .implementationCode: column = .implementationCode
            case .name: column = .itemName
            case .itemType: column = .itemType
            case .departmentCode: column = .departmentCode
            case .legalBasis: column = .legalBasis
            case .conditions: column = .conditions
            case .processSteps: column = .processSteps
            case .statutoryLimit: column = .statutoryLimit
            case .statutoryExtension: column = .statutoryExtension
            case .promisedLimit:
                column = .promisedLimit
                related = [.statutoryLimit, .statutoryUnit, .promisedUnit]
            case .fee: column = problem == .feeBasisMissing ? .feeBasis : .feeYuan
            case .visitsRequired: column = .visitsRequired
            case .online: column = .online
            case .supervisionPhone: column = .supervisionPhone
            case .finalApprover: column = .finalApprover
            case .allowedSiteLevels: column = .siteLevels
            case .toleranceAllowed:
                column = .toleranceAllowed
                related = [.materialKind]
            case .linePrefix: column = .linePrefix
            case .materials: column = .materialName
            }
            return (line(column, first), column, related)
        case .material(let index, let field):
            let column: CatalogCSVColumn = switch field {
            case .name: .materialName
            case .kind: .materialKind
            case .form: .materialForm
            case .copies: .materialCopies
            case .blankFormAvailable: .blankForm
            case .sampleAvailable: .sample
            case .source: .materialSource
            case .sourceDepartmentCode: .sourceDepartmentCode
            case .notes: .materialNotes
            }
            let line = index < entry.materialLines.count ? entry.materialLines[index] : first.line
            return (line, column, field == .kind ? [.toleranceAllowed] : [])
        }
    }

    // MARK: Cells

    private func cell(_ column: CatalogCSVColumn, _ record: CSVRecord) -> String {
        guard let position = columnIndex[column], position < record.fields.count else { return "" }
        let value = record.fields[position]
        return CatalogCSV.unneutralised(column.isTrimmed ? value.trimmed : value)
    }

    private func line(_ column: CatalogCSVColumn, _ record: CSVRecord) -> Int {
        guard let position = columnIndex[column], position < record.fieldLines.count else { return record.line }
        return record.fieldLines[position]
    }

    private func column(at position: Int) -> CatalogCSVColumn? {
        columnIndex.first { $0.value == position }?.key
    }

    private func list(_ text: String, separators: Set<Character>) -> [String] {
        guard !text.trimmed.isEmpty else { return [] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }).map { String($0).trimmed }
    }

    private mutating func count(_ column: CatalogCSVColumn, _ r: CSVRecord, default value: Int) -> Int {
        let text = cell(column, r)
        if text.isEmpty { return value }
        // Any size is read here; `CatalogItem.Bounds` (shared with JSON) then says what is too large.
        guard text.allSatisfy(\.isASCIIDigit), let n = Int(text) else {
            badValue(column, r, Bilingual(en: "a whole number (0 or more)", zh: "非负整数"))
            return value
        }
        return n
    }

    private mutating func flag(_ column: CatalogCSVColumn, _ r: CSVRecord, default value: Bool) -> Bool {
        let text = cell(column, r).lowercased()
        if text.isEmpty { return value }
        if ["是", "有", "yes", "y", "true", "1"].contains(text) { return true }
        if ["否", "无", "no", "n", "false", "0"].contains(text) { return false }
        badValue(column, r, Bilingual(en: "是 or 否 (yes or no)", zh: "是 或 否"))
        return value
    }

    private mutating func choice<T: LabelledChoice>(_ column: CatalogCSVColumn, _ r: CSVRecord, _: T.Type, default value: T) -> T {
        let text = cell(column, r)
        if text.isEmpty { return value }
        if let parsed = T(lenient: text) { return parsed }
        badValue(column, r, Self.expected(T.self, separated: false))
        return value
    }

    private static func expected<T: LabelledChoice>(_: T.Type, separated: Bool) -> Bilingual {
        let zh = T.allCases.map(\.label.zh).joined(separator: "、")
        let en = T.allCases.map(\.rawValue).joined(separator: ", ")
        return separated
            ? Bilingual(en: "one or more of \(zh) (or \(en)), separated by |", zh: "\(zh) 中的一项或多项，用 | 分隔")
            : Bilingual(en: "one of \(zh) (or \(en))", zh: "\(zh) 之一")
    }

    // MARK: Reporting

    private mutating func reportRequired(_ column: CatalogCSVColumn, _ r: CSVRecord) {
        report(line(column, r), column, Bilingual(en: "required; must not be empty", zh: "必填，不能为空"))
    }

    private mutating func badValue(_ column: CatalogCSVColumn, _ r: CSVRecord, _ expected: Bilingual) {
        let value = PrintableText.excerpt(cell(column, r))
        report(line(column, r), column,
               Bilingual(en: "\"\(value)\" is not valid; expected \(expected.en)", zh: "“\(value)”无效；应为\(expected.zh)"))
    }

    private mutating func report(_ line: Int, _ column: CatalogCSVColumn?, _ reason: Bilingual) {
        if let column { badCells.insert(CellRef(line: line, column: column)) }
        report(line, column.map { titles[$0] ?? $0.key } ?? "", reason)
    }

    private mutating func report(_ line: Int, _ column: String, _ reason: Bilingual) {
        let issue = CatalogCSVIssue(line: line, column: column, reason: reason)
        guard issueOrder[issue] == nil else { return }
        issueOrder[issue] = issues.count
        issues.append(issue)
    }

    /// Issues by line, then in the order they were found (which follows the columns).
    var sortedIssues: [CatalogCSVIssue] {
        issues.sorted { ($0.line, issueOrder[$0]!) < ($1.line, issueOrder[$1]!) }
    }
}

/// An enum written in the CSV by its Chinese label and read from its label or raw value.
protocol LabelledChoice: CaseIterable, RawRepresentable<String> {
    var label: Bilingual { get }
}

extension LabelledChoice {
    init?(lenient text: String) {
        let t = text.trimmed
        guard let match = Self.allCases.first(where: {
            $0.rawValue.caseInsensitiveCompare(t) == .orderedSame || $0.label.zh == t
                || $0.label.en.caseInsensitiveCompare(t) == .orderedSame
        }) else { return nil }
        self = match
    }
}

extension TimeLimitUnit: LabelledChoice {}
extension ApproverLevel: LabelledChoice {}
extension SiteLevel: LabelledChoice {}
extension MaterialKind: LabelledChoice {}
extension MaterialForm: LabelledChoice {}
extension MaterialSource: LabelledChoice {}
