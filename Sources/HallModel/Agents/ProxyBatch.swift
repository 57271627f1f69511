import Foundation
import GRDB
import Queue

/// An agent's batch at a window (issue 10, "Batch work"): the agent who came on a proxy ticket (source `proxy`) with
/// several applicants' cases is served once — the cases are taken in one after another on the same ticket, each under
/// its own applicant. `taken` is how many cases that ticket has opened so far; the form shows the next one's place.
public struct ProxyBatch: Sendable, Equatable {
    public var agentID: String
    public var taken: Int
    public init(agentID: String, taken: Int) { self.agentID = agentID; self.taken = taken }
    /// The place of the case being taken in now: 1 for the first.
    public var ordinal: Int { taken + 1 }
}

extension HallDatabase {
    /// The batch of the proxy ticket `ticket` (nil: not a proxy ticket, or no agent linked). Reading needs nobody.
    public func proxyBatch(ticket: Ticket) throws -> ProxyBatch? {
        guard ticket.source == .proxy, let agent = ticket.proxyAgentID else { return nil }
        let taken = try read { db in
            try Int.fetchOne(db, cachedSQL: "SELECT COUNT(*) FROM hall_case WHERE ticket_id = ?", arguments: [ticket.id]) ?? 0
        }
        return ProxyBatch(agentID: agent, taken: taken)
    }
}
