import Foundation
import Queue

/// A proxy agent as the team list shows them: who, how to reach them, where they are, what they know, their load.
public struct AgentProfile: Sendable, Hashable {
    public var id: String
    public var name: String
    public var phone: String?
    public var state: AgentState
    /// On leave: the day back.
    public var backOn: CivilDate?
    public var stateNote: String?
    /// When the state was set; nil for an agent never given one (on duty).
    public var since: Date?
    /// Departments first, then items (`AgentSkill.<`).
    public var skills: [AgentSkill]
    /// Open proxy jobs.
    public var openJobs: Int
    /// The nearest promised deadline of their open cases.
    public var nearestDeadline: CivilDate?

    public var candidate: AgentCandidate {
        AgentCandidate(id: id, state: state, skills: Set(skills), openJobs: openJobs, nearestDeadline: nearestDeadline)
    }
}

/// A job in an agent's list: the job, its applicant (masked name) and its case, if filed.
public struct ProxyJobRow: Sendable, Hashable {
    public var job: ProxyJob
    public var applicantName: String
    public var itemName: String?
    public var caseNumber: String?
    public var caseState: CaseState?
    public var caseDue: CivilDate?
}

/// What `assign` or `reassign` did.
public struct ProxyAssignmentOutcome: Sendable, Hashable {
    public var job: ProxyJob
    public var caseNumber: String?
    public var previousAgent: String?
    public var how: AssignmentMethod
    /// The automatic rule's reason; nil for a manual one.
    public var reason: AssignmentReason?
}

/// One line of the proposal made when an agent goes on leave: a job and the agent the rule would give it to.
public struct LeaveProposalLine: Sendable, Hashable {
    public var job: String
    public var caseNumber: String?
    public var itemCode: String
    /// nil: nobody on duty can take it (it stays with the agent on leave until someone can).
    public var agent: String?
    public var reason: AssignmentReason?
}

/// Who a job goes to: a named agent, or the rule's choice.
public enum AgentChoice: Sendable, Hashable {
    case agent(String)
    case automatic
}

public enum AgentError: UserFacingError, Equatable {
    case notAnAgent(String)
    case leaveNeedsReturnDate
    case returnDateNotAfterToday(CivilDate, today: CivilDate)
    case returnDateOnlyForLeave
    case onLeave(String, until: CivilDate?)
    case nobodyAvailable(String)
    case alreadyAssigned(job: String, agent: String)
    case notAssigned(String)
    case sameAgent(job: String, agent: String)
    case jobNotOpen(String, ProxyJobState)
    case reassignNeedsReason
    case unknownCaseOrJob(String)

    public var message: Bilingual {
        switch self {
        case .notAnAgent(let id):
            Bilingual(en: "\(id) is not an active proxy agent.", zh: "\(id) 不是在职的代办员。")
        case .leaveNeedsReturnDate:
            Bilingual(en: "Leave needs the day back: --until YYYY-MM-DD.", zh: "请假须写明返岗日期：--until YYYY-MM-DD。")
        case .returnDateNotAfterToday(let d, let today):
            Bilingual(en: "The day back (\(d)) must be after today (\(today)).", zh: "返岗日期（\(d)）须晚于今天（\(today)）。")
        case .returnDateOnlyForLeave:
            Bilingual(en: "Only leave has a day back (--until).", zh: "只有请假才有返岗日期（--until）。")
        case .onLeave(let id, let until):
            Bilingual(en: "\(id) is on leave\(until.map { " until \($0)" } ?? ""): choose an agent on duty.",
                      zh: "\(id) 正在请假\(until.map { "，\($0) 返岗" } ?? "")：请选择在岗的代办员。")
        case .nobodyAvailable(let job):
            Bilingual(en: "No proxy agent is on duty or out on a case to take \(job).", zh: "没有在岗或外出办件的代办员可承接 \(job)。")
        case .alreadyAssigned(let job, let agent):
            Bilingual(en: "\(job) is already assigned to \(agent): use desk agent reassign.", zh: "\(job) 已指派给 \(agent)：请用 desk agent reassign 改派。")
        case .notAssigned(let job):
            Bilingual(en: "\(job) has no agent yet: use desk agent assign.", zh: "\(job) 尚未指派代办员：请用 desk agent assign。")
        case .sameAgent(let job, let agent):
            Bilingual(en: "\(job) is already \(agent)'s.", zh: "\(job) 已由 \(agent) 承办。")
        case .jobNotOpen(let job, let state):
            Bilingual(en: "\(job) is \(state.label.en): only an open job is assigned.", zh: "\(job) \(state.label.zh)：只有办理中的代办件可以指派。")
        case .reassignNeedsReason:
            Bilingual(en: "A reassignment needs its reason (--reason).", zh: "改派须写明原因（--reason）。")
        case .unknownCaseOrJob(let text):
            Bilingual(en: "No case or proxy job with the number \(text).", zh: "没有编号为 \(text) 的办件或代办件。")
        }
    }
}
