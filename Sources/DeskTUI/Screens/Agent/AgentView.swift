import Foundation
import HallModel
import Queue

/// What the agent's screen shows from the database: the desk (who, the day, the calendar: `CasesDesk`, shared with
/// the case screen so the job's case reads as it does there), whose jobs, the jobs, the inbox and the open job.
public struct AgentView: Sendable {
    public var desk: CasesDesk
    public var scope: AgentJobScope
    public var jobs: [AgentJobEntry]
    /// The signed-in person's inbox (nil: they hold no agent role — a supervisor watching).
    public var inbox: AgentInbox?
    /// The supervisor's agent filter: the agents to choose from (empty for an agent).
    public var agents: [String]
    /// The job open in the detail, and its case's detail once filed.
    public var detail: AgentJobDetail?

    public init(desk: CasesDesk, scope: AgentJobScope, jobs: [AgentJobEntry], inbox: AgentInbox?, agents: [String] = [],
                detail: AgentJobDetail? = nil) {
        self.desk = desk; self.scope = scope; self.jobs = jobs; self.inbox = inbox; self.agents = agents; self.detail = detail
    }

    public var mayChooseAgent: Bool { desk.me.roles.contains(.supervisor) }
}

/// One job for the detail: its line of the list and its case's detail (materials, timeline) when filed.
public struct AgentJobDetail: Sendable {
    public var entry: AgentJobEntry
    public var caseDetail: CaseDetail?
    public init(entry: AgentJobEntry, caseDetail: CaseDetail?) { self.entry = entry; self.caseDetail = caseDetail }
}
