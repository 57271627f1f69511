import Queue

/// What changed in an agent's job or its case, as the inbox lists it (`HallDatabase.agentInbox`). Read from the audit
/// events of the job's case and from the job's assignment history; printed by its key.
public enum AgentInboxChange: String, Sendable, Hashable, CaseIterable {
    /// The case was filed at a window (accepted in full).
    case caseFiled
    /// The case was accepted with deficiency (容缺): materials are requested by the supplement deadline.
    case supplementsRequested
    /// A missing material was recorded as supplied.
    case supplementRecorded
    case approved
    case notApproved
    case suspended
    case resumed
    case extended
    case resultIssued
    case withdrawn
    case terminated
    /// A job was given to me (by a supervisor or the rule).
    case assignedToMe
    /// A job of mine was given to another agent.
    case reassignedAway

    /// The change a case event means (nil: an event the inbox does not list); `tolerated` tells a 容缺 filing.
    public static func of(_ kind: EventKind, tolerated: Bool) -> AgentInboxChange? {
        switch kind {
        case .caseOpened: tolerated ? .supplementsRequested : .caseFiled
        case .caseSupplemented: .supplementRecorded
        case .caseApproved: .approved
        case .caseRejected: .notApproved
        case .caseSuspended: .suspended
        case .caseResumed: .resumed
        case .caseExtended: .extended
        case .caseResultIssued: .resultIssued
        case .caseWithdrawn: .withdrawn
        case .caseTerminated: .terminated
        default: nil
        }
    }

    /// The case event kinds the inbox reads.
    static let caseEventKinds: [EventKind] = [.caseOpened, .caseSupplemented, .caseApproved, .caseRejected, .caseSuspended, .caseResumed,
                                              .caseExtended, .caseResultIssued, .caseWithdrawn, .caseTerminated]

    public var label: Bilingual {
        switch self {
        case .caseFiled: Bilingual(en: "case filed", zh: "已受理立案")
        case .supplementsRequested: Bilingual(en: "容缺: supplements requested", zh: "容缺受理，须补正材料")
        case .supplementRecorded: Bilingual(en: "supplement recorded", zh: "已补正材料")
        case .approved: Bilingual(en: "decision: approved", zh: "已决定：准予")
        case .notApproved: Bilingual(en: "decision: not approved", zh: "已决定：不予")
        case .suspended: Bilingual(en: "suspended", zh: "已中止")
        case .resumed: Bilingual(en: "resumed", zh: "已恢复")
        case .extended: Bilingual(en: "time limit extended", zh: "已延期")
        case .resultIssued: Bilingual(en: "result issued", zh: "结果已送达")
        case .withdrawn: Bilingual(en: "withdrawn", zh: "已撤回")
        case .terminated: Bilingual(en: "terminated", zh: "已终止")
        case .assignedToMe: Bilingual(en: "assigned to me", zh: "改派给我")
        case .reassignedAway: Bilingual(en: "reassigned to another agent", zh: "已改派他人")
        }
    }
}
