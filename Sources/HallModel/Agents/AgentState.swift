import Queue

/// Where a proxy agent (代办员) stands. Stored by `rawValue` (a stable key). An agent on leave has a return date
/// (`AgentProfile.backOn`) and is never chosen by the automatic assignment (`AgentAssignmentRule`).
public enum AgentState: String, CaseIterable, Codable, Sendable, Hashable {
    /// 在岗: in the hall, takes new jobs.
    case onDuty
    /// 外出办件: out carrying a case (to a department, a site); still takes new jobs.
    case outOnCase
    /// 请假: away until the return date; takes no new job.
    case onLeave

    /// Whether the automatic assignment may choose an agent in this state.
    public var takesJobs: Bool { self != .onLeave }

    public var label: Bilingual {
        switch self {
        case .onDuty: Bilingual(en: "on duty", zh: "在岗")
        case .outOnCase: Bilingual(en: "out on a case", zh: "外出办件")
        case .onLeave: Bilingual(en: "on leave", zh: "请假")
        }
    }
}
