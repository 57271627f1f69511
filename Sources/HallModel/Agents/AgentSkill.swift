import Queue

/// What an agent's skill covers: a whole department's items, or one item. Stored by `rawValue`.
public enum AgentSkillScope: String, CaseIterable, Codable, Sendable, Hashable {
    case department
    case item
}

/// A department or an item an agent knows (`agent_skill`): the code is the department's code or the item's
/// implementation code.
public struct AgentSkill: Sendable, Hashable, Comparable {
    public var scope: AgentSkillScope
    public var code: String

    public init(scope: AgentSkillScope, code: String) { self.scope = scope; self.code = code }
    public static func department(_ code: String) -> AgentSkill { AgentSkill(scope: .department, code: code) }
    public static func item(_ code: String) -> AgentSkill { AgentSkill(scope: .item, code: code) }

    /// Departments first, then items, each by code.
    public static func < (a: AgentSkill, b: AgentSkill) -> Bool {
        (a.scope == .item ? 1 : 0, a.code) < (b.scope == .item ? 1 : 0, b.code)
    }

    /// As `agent list --json` gives it: `dept:<code>` or `item:<code>`.
    public var key: String { (scope == .department ? "dept:" : "item:") + code }
}
