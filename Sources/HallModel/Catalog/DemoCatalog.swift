/// The demo hall's published list: 148 items of 22 departments, built deterministically from the
/// compact tables in `DemoCatalogTables.swift`. Names and codes are realistic but fictional
/// (region code 510199 is not a real district).
public enum DemoCatalog {
    public static let regionCode = "510199"

    /// Built on first use; the same every time.
    public static let catalog: Catalog = build()

    static func build() -> Catalog {
        var departments: [Department] = []
        var items: [CatalogItem] = []
        var codeByKey: [String: String] = [:]
        var nameByKey: [String: String] = [:]
        for (d, dept) in demoDepartments.enumerated() {
            let code = creditCode(organ: "MB" + padded(1_530_000 + d * 1_373, 7))
            codeByKey[dept.key] = code
            nameByKey[dept.key] = dept.name
            departments.append(Department(code: code, name: dept.name))
        }
        for (d, dept) in demoDepartments.enumerated() {
            let phone = "028-8" + padded(6_120_000 + d * 1_111, 7)
            for (s, row) in dept.items.enumerated() {
                items.append(item(row, seq: s + 1, dept: dept, departmentCode: codeByKey[dept.key]!, phone: phone,
                                  codeByKey: codeByKey, nameByKey: nameByKey))
            }
        }
        return Catalog(departments: departments, items: items)
    }

    private static func item(_ row: DemoItemRow, seq: Int, dept: DemoDepartmentRow, departmentCode: String, phone: String,
                             codeByKey: [String: String], nameByKey: [String: String]) -> CatalogItem {
        let flags = row.flags
        let tolerance = flags.contains("R")
        let deputy = flags.contains("D")
        let unit: TimeLimitUnit = flags.contains("N") ? .naturalDays : .workingDays
        let lineOverride = flags.first { ("a"..."e").contains($0) }
        var levels: Set<SiteLevel> = [.district]
        if flags.contains("T") { levels.formUnion([.regionalCenter, .townCenter]) }
        if flags.contains("V") { levels.insert(.villageStation) }
        if row.type == .publicService { levels.insert(.regionalCenter) }

        // Licensing limits can be extended with approval: 20 by 10, joint handling 45 by 15 (ALL art. 42).
        var extensionDays: Int?
        if row.type == .licensing, unit == .workingDays {
            extensionDays = row.statutory >= 45 ? 15 : row.statutory >= 20 ? 10 : nil
        }
        let steps: [String]
        if row.promised == 0 {
            steps = ["窗口受理", "即时办结"]
        } else if deputy {
            steps = ["窗口受理", "现场核查", "审查（一审）", "科长审核", "副局长审批", "办结送达"]
        } else {
            steps = ["窗口受理", "审查（一审）", "科长核准（一核）", "办结送达"]
        }
        let online = flags.contains("O")
        let visits = flags.contains("2") ? 2 : (online && row.promised <= 1 ? 0 : 1)
        let materials = row.materials.split(separator: "|").map {
            material(String($0), tolerance: tolerance, codeByKey: codeByKey, nameByKey: nameByKey)
        }
        return CatalogItem(
            implementationCode: departmentCode + "4000" + row.type.code + padded(seq, 4),
            name: row.name,
            itemType: row.type,
            departmentCode: departmentCode,
            legalBasis: row.law ?? dept.law,
            conditions: conditions(row.type),
            processSteps: steps,
            statutoryLimit: TimeLimit(row.statutory, unit),
            statutoryExtension: extensionDays,
            promisedLimit: TimeLimit(row.promised, unit),
            fee: row.fee,
            visitsRequired: visits,
            online: online,
            supervisionPhone: phone,
            finalApprover: deputy ? .deputyDirector : .sectionChief,
            allowedSiteLevels: levels,
            toleranceAllowed: tolerance,
            linePrefix: lineOverride.map { $0.uppercased() } ?? dept.line,
            materials: materials
        )
    }

    /// `名称` with markers: `~` tolerable (only when the item allows 容缺), `#` copy, `+` blank form and sample,
    /// `^key` shared by that department.
    private static func material(_ spec: String, tolerance: Bool, codeByKey: [String: String],
                                 nameByKey: [String: String]) -> ItemMaterial {
        var text = Substring(spec)
        var sharedKey: String?
        if let caret = text.firstIndex(of: "^") {
            sharedKey = String(text[text.index(after: caret)...])
            text = text[..<caret]
        }
        var markers: Set<Character> = []
        while let last = text.last, "~#+".contains(last) {
            markers.insert(last)
            text = text.dropLast()
        }
        let name = String(text)
        let tolerable = tolerance && markers.contains("~")
        var notes = ""
        if let key = sharedKey { notes = "由\(nameByKey[key]!)共享，申请人无需提交" }
        else if tolerable { notes = "可容缺受理，须在承诺期限内补齐" }
        return ItemMaterial(
            name: name,
            kind: tolerable ? .tolerable : .core,
            form: markers.contains("#") ? .copy : .original,
            copies: name.hasSuffix("平面图") || name.hasSuffix("布局图") ? 2 : 1,
            blankFormAvailable: markers.contains("+"),
            sampleAvailable: markers.contains("+"),
            source: sharedKey == nil ? .applicant : .shared,
            sourceDepartmentCode: sharedKey.map { codeByKey[$0]! },
            notes: notes
        )
    }

    private static func conditions(_ type: ItemType) -> String {
        switch type {
        case .licensing: "申请人具备法定主体资格，符合法定条件和标准，申请材料齐全、符合法定形式。"
        case .benefit: "申请人符合规定的救助、补贴或待遇条件，如实申报家庭或个人情况。"
        case .confirmation: "申请人依法需确认相关资格、身份或事实，提交的证明材料真实有效。"
        case .publicService: "申请人为本辖区内的自然人、法人或其他组织，材料齐全即可办理。"
        default: "申请人符合法律、法规规定的条件，申请材料齐全、符合法定形式。"
        }
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// A unified social credit code for a government organ ("11" + region + organ code) with its
    /// GB 32100 check character (MOD 31 over the 31-character alphabet).
    static func creditCode(organ: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let body = Array("11" + regionCode + organ)
        precondition(body.count == 17)
        let sum = zip(body, weights).reduce(0) { $0 + alphabet.firstIndex(of: $1.0)! * $1.1 }
        let check = (31 - sum % 31) % 31
        return String(body) + String(alphabet[check])
    }
}
