import Foundation
import Queue

/// What a supervision pairing covers. Stored by `rawValue` (a stable key).
public enum SupervisionScope: String, Codable, Sendable, Hashable, CaseIterable {
    /// Every item of a department (the default: one department's items are mostly supervised by one department).
    case department
    /// One item, over its department's pairing.
    case item

    public var label: Bilingual {
        switch self {
        case .department: Bilingual(en: "department", zh: "部门")
        case .item: Bilingual(en: "item", zh: "事项")
        }
    }
}

/// 审管联动, "one to one": the supervising department of a department's or an item's decisions, and the liaison
/// (联络员) there who acknowledges each handover.
public struct SupervisionPairing: Sendable, Hashable {
    public var scope: SupervisionScope
    /// The department's code, or the item's implementation code.
    public var code: String
    /// The supervising department's name (e.g. 区市场监管综合行政执法大队).
    public var supervisor: String
    /// The liaison's staff number (a staff member with the `liaison` role).
    public var liaisonID: String

    public init(scope: SupervisionScope, code: String, supervisor: String, liaisonID: String) {
        self.scope = scope; self.code = code; self.supervisor = supervisor; self.liaisonID = liaisonID
    }

    /// The pairing that applies to an item: its own, else its department's, else none.
    public static func applying(to itemCode: String, department: String, in pairings: [SupervisionPairing]) -> SupervisionPairing? {
        pairings.first { $0.scope == .item && $0.code == itemCode } ?? pairings.first { $0.scope == .department && $0.code == department }
    }
}

/// A pairing as listed (`desk supervision list`): with the names of what it covers and of the liaison.
public struct SupervisionPairingRow: Sendable, Hashable {
    public var pairing: SupervisionPairing
    /// The department's or the item's name (nil when the catalog no longer has it).
    public var name: String?
    public var liaisonName: String?
}

/// One line of the handover ledger: a case handed over to its supervising department, and its acknowledgement.
public struct HandoverLine: Sendable, Hashable {
    public var id: Int64
    public var caseNumber: String
    public var itemCode: String
    public var itemName: String
    public var departmentCode: String
    public var scope: SupervisionScope
    public var supervisor: String
    public var liaisonID: String
    public var handedOverOn: CivilDate
    public var handedOverAt: Date
    public var handedOverBy: String
    public var acknowledgedOn: CivilDate?
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
}

/// What the handover steps refuse beyond the case rules, naming the rule (exit 1).
public enum HandoverError: UserFacingError, Equatable {
    /// 审管联动: the item has no supervising department and liaison (neither its own pairing nor its department's).
    case noSupervisionPairing(item: String, department: String)
    /// The handover was handed to another liaison (a supervisor may record a paper receipt instead).
    case notTheLiaison(assigned: String)
    /// The pairing names a liaison who can no longer sign in to acknowledge (deactivated, or the role taken away).
    case liaisonUnavailable(liaison: String, supervisor: String)
    /// A case handed over before the ledger existed has no line: a supervisor records its receipt.
    case notInLedger(String)
    /// `desk supervision set`: the liaison must be an active staff member with the `liaison` role.
    case notALiaison(String)
    case unknownDepartment(String)
    /// `--month` is YYYY-MM.
    case invalidMonth(String)

    public var message: Bilingual {
        switch self {
        case .noSupervisionPairing(let item, let department):
            Bilingual(en: "Item \(item) has no supervising department and liaison (neither for the item nor for department \(department)): set one with desk supervision set.",
                      zh: "事项 \(item) 未设置监管部门和联络员（事项和所属部门 \(department) 均未设置），请先用 desk supervision set 设置。")
        case .liaisonUnavailable(let id, let supervisor):
            Bilingual(en: "The liaison paired for this item at \(supervisor), \(id), is no longer an active liaison and could not acknowledge it: pair another with desk supervision set, then hand over.",
                      zh: "此事项配对的\(supervisor)联络员 \(id) 已不在岗（或已不是联络员），无法签收：请先用 desk supervision set 重新配对，再移交。")
        case .notTheLiaison(let id):
            Bilingual(en: "This handover went to liaison \(id); only they (or a supervisor recording a paper receipt) acknowledge it.",
                      zh: "该办件已移交联络员 \(id)，只能由其本人签收（或由大厅管理人员登记书面回执）。")
        case .notInLedger(let number):
            Bilingual(en: "Case \(number) was handed over before the handover ledger existed: a supervisor records its receipt.",
                      zh: "办件 \(number) 在移交台账启用前移交，须由大厅管理人员登记签收。")
        case .notALiaison(let id):
            Bilingual(en: "\(id) is not an active staff member with the liaison role.", zh: "\(id) 不是在岗的监管联络员。")
        case .unknownDepartment(let code):
            Bilingual(en: "No department with the code \(code) in the catalog.", zh: "事项清单中没有编码为 \(code) 的部门。")
        case .invalidMonth(let text):
            Bilingual(en: "A month is written YYYY-MM (e.g. 2026-03), not '\(text)'.", zh: "月份格式为 YYYY-MM（如 2026-03），不能是“\(text)”。")
        }
    }
}

extension FreeText {
    /// The supervising department's name (`desk supervision set --supervisor`).
    public static let supervisor = Bilingual(en: "The supervising department", zh: "监管部门")
    public static let supervisorLimit = 60
    /// The organs a decision letter names for the applicant's remedies (`remedy_review_organ`, `remedy_court`).
    public static let remedyOrgan = Bilingual(en: "The organ's name", zh: "机关名称")
}
