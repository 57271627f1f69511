import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The agent's screen's reads and its one write: the jobs by light with their next action, who sees whose jobs, and
/// the inbox against the agent's last-seen mark (docs/agents.md, "The agent's screen").
@Suite struct AgentDeskTests {
    static let today = CivilDate(year: 2026, month: 3, day: 2)!
    let hall: TestHall
    init() throws { hall = try TestHall() }

    static func zhang() throws -> ApplicantInput {
        try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: today)
    }
    static func company() throws -> ApplicantInput {
        try ApplicantInput.organisation(name: "华为技术有限公司", creditCode: "914403001922038216", legalRepresentative: nil, contact: nil)
    }

    /// A case taken in at window 1 on ticket A001 with `agent` as the applicant's representative (代办).
    func agentCase(_ agent: String, _ applicant: ApplicantInput, missing: [Int] = []) throws -> CaseRecord {
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        if try hall.database.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ticket") }) == 0 {
            _ = try hall.issue("A")
            _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
            _ = try hall.database.start(window: 1, by: hall.clerk(1))
        }
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        for p in missing { checklist[p] = ChecklistEntry(.missing) }
        let outcome = try hall.database.takeIn(IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode, applicant: applicant,
            representative: Representative(kind: .proxyAgent, name: "代办员", idNumber: agent), checklist: checklist,
            decision: missing.isEmpty ? .accept : .tolerate), by: hall.clerk(1))
        return try #require(outcome.caseRecord)
    }

    @Test func theNextActionIsReadFromTheJobAndItsCase() {
        #expect(AgentNextAction.of(jobState: .open, caseState: nil, tolerated: false, outstanding: 0) == .collectMaterials)
        #expect(AgentNextAction.of(jobState: .open, caseState: .underReview, tolerated: true, outstanding: 1) == .supplementsDue)
        #expect(AgentNextAction.of(jobState: .open, caseState: .underReview, tolerated: true, outstanding: 0) == .awaitingDecision)
        #expect(AgentNextAction.of(jobState: .open, caseState: .underApproval, tolerated: false, outstanding: 0) == .awaitingDecision)
        #expect(AgentNextAction.of(jobState: .open, caseState: .approved, tolerated: false, outstanding: 0) == .handBackResult)
        #expect(AgentNextAction.of(jobState: .open, caseState: .approved, tolerated: true, outstanding: 2) == .supplementsDue)
        #expect(AgentNextAction.of(jobState: .open, caseState: .resultIssued, tolerated: false, outstanding: 0) == .handBackResult)
        #expect(AgentNextAction.of(jobState: .open, caseState: .withdrawn, tolerated: false, outstanding: 0) == .nothing)
        #expect(AgentNextAction.of(jobState: .closed, caseState: .resultIssued, tolerated: false, outstanding: 0) == .nothing)
    }

    @Test func anAgentSeesOnlyTheirOwnJobsAndASupervisorEveryAgents() throws {
        let mine = try agentCase("P01", try Self.zhang())
        let theirs = try agentCase("P02", try Self.company(), missing: [4, 5])
        let request = try ProxyJobRequest(mode: .accompany, origin: .reception, applicant: try Self.zhang(),
                                          itemCode: mine.itemCode)
        _ = try hall.database.openProxyJob(request, by: hall.supervisor)  // unassigned: nobody's list but the supervisor's

        let agent = CaseActor(staffID: "P01", roles: [.agent])
        // Whatever an agent asks for, they get their own jobs.
        #expect(AgentJobScope.allowed(for: agent, requested: nil) == .agent("P01"))
        #expect(AgentJobScope.allowed(for: agent, requested: "P02") == .agent("P01"))
        let p01 = try hall.database.agentJobs(AgentJobScope.allowed(for: agent, requested: "P02"))
        #expect(p01.map(\.caseRecord?.number) == [mine.number])
        #expect(p01.first?.next == .awaitingDecision && p01.first?.applicant == "张*丰")

        let supervisor = CaseActor(staffID: "M01", roles: [.supervisor])
        let all = try hall.database.agentJobs(AgentJobScope.allowed(for: supervisor, requested: nil))
        #expect(all.count == 3)
        #expect(Set(all.compactMap(\.caseRecord?.number)) == [mine.number, theirs.number])
        // Cases by light first, the job without a case after them, showing its own state and next action.
        #expect(all.last?.caseRecord == nil && all.last?.next == .collectMaterials && all.last?.light == nil)
        let p02 = try hall.database.agentJobs(AgentJobScope.allowed(for: supervisor, requested: "P02"))
        #expect(p02.map(\.caseRecord?.number) == [theirs.number] && p02.first?.next == .supplementsDue)
        #expect(try hall.database.agentIDs().prefix(2) == ["P01", "P02"])
    }

    @Test func theInboxShowsADecisionMadeAfterTheMarkAndNotOneBefore() throws {
        let first = try agentCase("P01", try Self.zhang())
        let second = try agentCase("P01", try Self.company())
        let reviewer = Actor(staff: "R01", terminal: .cli), approver = Actor(staff: "C01", terminal: .cli)
        let agent = Actor(staff: "P01", terminal: .cli)
        // Never looked: both filings are new.
        var inbox = try hall.database.agentInbox(agent: "P01")
        #expect(inbox.mark == nil && inbox.newCount == 2 && Set(inbox.items.map(\.change)) == [.caseFiled])

        // The first case is decided, then the agent looks and marks it seen (one event).
        _ = try hall.database.review(caseNumber: first.number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: first.number, .approve(reason: "准予"), by: approver)
        inbox = try hall.database.agentInbox(agent: "P01")
        #expect(inbox.items.first?.change == .approved && inbox.items.first?.caseNumber == first.number && inbox.items.first?.isNew == true)
        let events = try hall.eventCount()
        try hall.database.markAgentInboxSeen(through: inbox.readUpTo, by: agent)
        #expect(try hall.eventCount() == events + 1)
        #expect(try hall.database.read { try String.fetchOne($0, sql: "SELECT kind FROM hall_event ORDER BY id DESC LIMIT 1") }
                == EventKind.agentInboxSeen.rawValue)

        // The second case is decided after the mark: it is new, the first decision is not.
        _ = try hall.database.review(caseNumber: second.number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: second.number, .reject(reason: "不符合条件"), by: approver)
        inbox = try hall.database.agentInbox(agent: "P01")
        let fresh = inbox.items.filter(\.isNew)
        #expect(fresh.map(\.change) == [.notApproved] && fresh.first?.caseNumber == second.number)
        #expect(inbox.items.contains { $0.change == .approved && !$0.isNew })
        #expect(inbox.newCount == 1)

        // Only the agent marks their own inbox; another's mark is not theirs to move.
        #expect(throws: AccessError.self) { try hall.database.markAgentInboxSeen(through: inbox.readUpTo, by: hall.supervisor) }
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aMarkNeverMovesBack() throws {
        _ = try agentCase("P01", try Self.zhang())
        let agent = Actor(staff: "P01", terminal: .cli)
        let inbox = try hall.database.agentInbox(agent: "P01")
        try hall.database.markAgentInboxSeen(through: inbox.readUpTo, by: agent)
        try hall.database.markAgentInboxSeen(through: AgentInboxMark(seq: 1, at: Date(timeIntervalSince1970: 0)), by: agent)
        #expect(try hall.database.agentInbox(agent: "P01").mark?.seq == inbox.readUpTo.seq)
    }
}
