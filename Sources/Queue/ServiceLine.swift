/// A service line (号段): one prefix, one queue, one daily numbering.
public struct ServiceLine: Sendable, Hashable, Codable {
    public var id: Int64
    public var prefix: String
    public var name: String
    /// Target wait: a head waiting longer than this is escalated by the calling policy.
    public var targetWaitMinutes: Int
    /// Tickets per business day; nil = no cap.
    public var dailyCap: Int?
    public var isOpen: Bool
    /// Tickets still waiting at day end stay for tomorrow instead of closing as unserved.
    public var keepsOvernight: Bool
    /// Service time assumed for the wait estimate before today has any finished ticket.
    public var defaultServiceMinutes: Int
    /// Whether a ticket is still issued while no window serves the line (with a warning), or refused.
    public var whenUnserved: UnservedIssuePolicy

    public init(id: Int64, prefix: String, name: String, targetWaitMinutes: Int, dailyCap: Int? = nil,
                isOpen: Bool = true, keepsOvernight: Bool = false, defaultServiceMinutes: Int = 8,
                whenUnserved: UnservedIssuePolicy = .issueWithWarning) {
        self.id = id; self.prefix = prefix; self.name = name; self.targetWaitMinutes = targetWaitMinutes
        self.dailyCap = dailyCap; self.isOpen = isOpen; self.keepsOvernight = keepsOvernight
        self.defaultServiceMinutes = defaultServiceMinutes; self.whenUnserved = whenUnserved
    }
}
