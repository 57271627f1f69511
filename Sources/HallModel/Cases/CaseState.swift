import Queue

/// Where a case stands (Administrative Licensing Law ch. 4; 一审一核). Stored by `rawValue` (a stable key).
///
/// The main path: accepted → underReview (审) → underApproval (核) → approved | notApproved →
/// resultIssued (制证/送达) → handedOver (审管联动) → acknowledged. Side states: `suspended` (the clock stops:
/// hearing, testing, expert review, or an overdue 容缺 supplement; the case remembers where to resume),
/// `withdrawn` (by the applicant), `terminated` (e.g. 容缺 supplements never came).
/// 容缺 "awaiting supplements" is not a state: review proceeds while materials are outstanding, and only the
/// result waits for them (`CaseTransition` refuses `issueResult` until every material is in).
/// An extension is an event and a number of days on the case, not a state.
public enum CaseState: String, Codable, Sendable, Hashable, CaseIterable {
    case accepted
    case underReview
    case underApproval
    case approved
    case notApproved
    case resultIssued
    case handedOver
    case acknowledged
    case suspended
    case withdrawn
    case terminated

    /// The state as the subject of an English sentence ("The case's result has been issued"): `label` reads as a
    /// tag, not after "The case is" for every state. Chinese quotes the label.
    public var sentence: Bilingual {
        let en = switch self {
        case .accepted: "The case is accepted"
        case .underReview: "The case is under review"
        case .underApproval: "The case is under approval"
        case .approved: "The case has been approved"
        case .notApproved: "The case has not been approved"
        case .resultIssued: "The case's result has been issued"
        case .handedOver: "The case has been handed over to supervision"
        case .acknowledged: "The case's handover has been acknowledged"
        case .suspended: "The case is suspended"
        case .withdrawn: "The case has been withdrawn"
        case .terminated: "The case has been terminated"
        }
        return Bilingual(en: en, zh: "案件当前为“\(label.zh)”")
    }

    public var label: Bilingual {
        switch self {
        case .accepted: Bilingual(en: "accepted", zh: "已受理")
        case .underReview: Bilingual(en: "under review", zh: "审查中")
        case .underApproval: Bilingual(en: "under approval", zh: "审批中")
        case .approved: Bilingual(en: "approved", zh: "准予许可")
        case .notApproved: Bilingual(en: "not approved", zh: "不予许可")
        case .resultIssued: Bilingual(en: "result issued", zh: "已送达")
        case .handedOver: Bilingual(en: "handed over", zh: "已移交监管")
        case .acknowledged: Bilingual(en: "acknowledged", zh: "监管已签收")
        case .suspended: Bilingual(en: "suspended", zh: "已中止")
        case .withdrawn: Bilingual(en: "withdrawn", zh: "已撤回")
        case .terminated: Bilingual(en: "terminated", zh: "已终止")
        }
    }

    /// The label in a list's state column: at most 10 display columns in either language (`label` is the full
    /// name, for a case's own line). The Chinese labels are short already.
    public var shortLabel: Bilingual {
        let en = switch self {
        case .accepted: "accepted"
        case .underReview: "reviewing"
        case .underApproval: "approving"
        case .approved: "approved"
        case .notApproved: "denied"
        case .resultIssued: "issued"
        case .handedOver: "handed on"
        case .acknowledged: "signed for"
        case .suspended: "suspended"
        case .withdrawn: "withdrawn"
        case .terminated: "terminated"
        }
        return Bilingual(en: en, zh: label.zh)
    }

    /// No deadline runs for the hall any more (the light reads `closed`): lists put these after the open cases.
    public static let noDeadlineRuns: [CaseState] = [.resultIssued, .handedOver, .acknowledged, .withdrawn, .terminated]

    /// The statutory clock runs (deadlines and lights count) only while the case is being decided.
    public var clockRuns: Bool {
        switch self {
        case .accepted, .underReview, .underApproval: true
        default: false
        }
    }

    /// Nothing more happens to the case.
    public var isFinal: Bool {
        switch self {
        case .acknowledged, .withdrawn, .terminated: true
        default: false
        }
    }
}
