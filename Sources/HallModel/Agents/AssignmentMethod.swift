import Queue

/// How a proxy job came to its agent (a line of `proxy_assignment`, the history). Stored by `rawValue`.
public enum AssignmentMethod: String, CaseIterable, Codable, Sendable, Hashable {
    /// A supervisor (or a clerk asking for an agent) named the agent.
    case manual
    /// The automatic rule chose (`AgentAssignmentRule`).
    case auto
    /// Moved off an agent going on leave, as the supervisor confirmed the proposal.
    case leave
    /// 帮办 or 代办 at the window: the agent who came with the applicant (the ticket's agent, or the representative).
    case intake

    public var label: Bilingual {
        switch self {
        case .manual: Bilingual(en: "assigned by hand", zh: "人工指派")
        case .auto: Bilingual(en: "assigned automatically", zh: "自动分派")
        case .leave: Bilingual(en: "moved off an agent on leave", zh: "请假转派")
        case .intake: Bilingual(en: "the agent at the window", zh: "窗口登记的代办员")
        }
    }
}
