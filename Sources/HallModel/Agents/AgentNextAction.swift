import Queue

/// What an agent does next on a proxy job (the agent's screen, `desk agent inbox`): read from the job and its case.
/// Pure (`AgentNextAction.of`). Stored nowhere; printed by its key.
public enum AgentNextAction: String, Sendable, Hashable, CaseIterable {
    /// No case filed yet: collect the applicant's materials and take them to a window.
    case collectMaterials
    /// 容缺: materials still out; supply them by the supplement deadline.
    case supplementsDue
    /// The case is with the reviewer or the approver (or its clock stands still): follow it.
    case awaitingDecision
    /// Decided or issued: hand the result back to the applicant.
    case handBackResult
    /// Nothing: the job is closed or cancelled, or the case was withdrawn or terminated.
    case nothing

    /// The next action of a job in `jobState` whose case (nil: none filed yet) is in `caseState`, accepted with
    /// deficiency (`tolerated`) and with `outstanding` materials not yet in.
    public static func of(jobState: ProxyJobState, caseState: CaseState?, tolerated: Bool, outstanding: Int) -> AgentNextAction {
        guard jobState == .open else { return .nothing }
        guard let caseState else { return .collectMaterials }
        switch caseState {
        case .withdrawn, .terminated: return .nothing
        case .accepted, .underReview, .underApproval, .suspended:
            return tolerated && outstanding > 0 ? .supplementsDue : .awaitingDecision
        case .approved, .notApproved:
            // The result is issued only once every material is in (容缺).
            return tolerated && outstanding > 0 ? .supplementsDue : .handBackResult
        case .resultIssued, .handedOver, .acknowledged: return .handBackResult
        }
    }

    public var label: Bilingual {
        switch self {
        case .collectMaterials: Bilingual(en: "collect the materials", zh: "收集材料")
        case .supplementsDue: Bilingual(en: "supplements due", zh: "容缺补正")
        case .awaitingDecision: Bilingual(en: "awaiting review/approval", zh: "等待审查审批")
        case .handBackResult: Bilingual(en: "hand the result back", zh: "送还结果")
        case .nothing: Bilingual(en: "nothing to do", zh: "无需办理")
        }
    }
}
