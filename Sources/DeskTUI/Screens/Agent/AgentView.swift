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

/// One job for the detail: its line of the list, its case's detail (materials, timeline) when filed, its material
/// ledger (the job's and its case's handovers, oldest first), its contact log, and what the handover form offers.
public struct AgentJobDetail: Sendable {
    public var entry: AgentJobEntry
    public var caseDetail: CaseDetail?
    public var ledger: [MaterialHandover]
    public var contacts: [ContactEntry]
    /// The materials a handover lists, by position: the case's checklist once filed, else the item's published list.
    public var materials: [String]
    /// The job's agent's name (the handover form's prefill).
    public var agentName: String?

    public init(entry: AgentJobEntry, caseDetail: CaseDetail?, ledger: [MaterialHandover] = [], contacts: [ContactEntry] = [],
                materials: [String] = [], agentName: String? = nil) {
        self.entry = entry; self.caseDetail = caseDetail; self.ledger = ledger; self.contacts = contacts; self.materials = materials
        self.agentName = agentName
    }

    /// The originals still with the window or the agent (`MaterialLedger.originalsOut`).
    public var originalsOut: [MaterialLedger.Holding] { MaterialLedger.originalsOut(ledger) }

    /// The result a handover may carry back to the applicant: the decision letter issued, once the case is decided.
    public var resultName: String? {
        guard let detail = caseDetail else { return nil }
        return detail.documents.last { $0.kind == .approvalDecision || $0.kind == .rejectionDecision }.map { $0.label.zh }
    }

    /// The handover form for this job.
    public var handoverSetup: HandoverForm.Setup {
        HandoverForm.Setup(jobNumber: entry.job.number, materials: materials, resultName: resultName, applicantName: entry.applicant,
                           agentName: agentName, originalsOut: originalsOut)
    }
}
