import Queue

/// The person acting on a case, as the rules need them: their staff number, roles and approver level.
/// The store builds it from the authenticated `Actor`'s staff record.
public struct CaseActor: Sendable, Hashable {
    public var staffID: String
    public var roles: Set<Role>
    public var approverLevel: ApproverLevel?

    public init(staffID: String, roles: Set<Role>, approverLevel: ApproverLevel? = nil) {
        self.staffID = staffID
        self.roles = roles
        self.approverLevel = approverLevel
    }

    /// The unattended account running `desk cases sweep`.
    public static func system(_ staffID: String) -> CaseActor { CaseActor(staffID: staffID, roles: [.system]) }
}
