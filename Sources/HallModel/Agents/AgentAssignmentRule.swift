import Queue

/// An agent as the automatic assignment sees them: state, skills and current load.
public struct AgentCandidate: Sendable, Hashable {
    public var id: String
    public var state: AgentState
    public var skills: Set<AgentSkill>
    /// Open proxy jobs (with or without their case filed yet).
    public var openJobs: Int
    /// The nearest promised deadline of their open cases; nil when none has one.
    public var nearestDeadline: CivilDate?

    public init(id: String, state: AgentState, skills: Set<AgentSkill>, openJobs: Int, nearestDeadline: CivilDate?) {
        self.id = id; self.state = state; self.skills = skills; self.openJobs = openJobs; self.nearestDeadline = nearestDeadline
    }
}

/// How well an agent's skills match a job. Stored and answered by `rawValue` (a stable key).
public enum SkillMatch: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    /// Knows neither the item nor its department.
    case none
    /// Knows the item's department.
    case department
    /// Knows the item itself: the closest match, over a department skill.
    case item

    public static func < (a: SkillMatch, b: SkillMatch) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    public var label: Bilingual {
        switch self {
        case .none: Bilingual(en: "no matching skill", zh: "无对口专长")
        case .department: Bilingual(en: "knows the department", zh: "熟悉该部门事项")
        case .item: Bilingual(en: "knows the item", zh: "熟悉该事项")
        }
    }
}

/// Which step of the rule set the chosen agent apart from the next one. Stable keys.
public enum AssignmentCriterion: String, CaseIterable, Codable, Sendable, Hashable {
    /// Nobody else could take the job.
    case onlyCandidate
    /// A closer skill match (item over department over none).
    case skill
    /// Fewer open jobs.
    case load
    /// Their nearest deadline is further away (or they have none).
    case deadline
    /// Everything equal: the lower staff number.
    case staffNumber

    public var label: Bilingual {
        switch self {
        case .onlyCandidate: Bilingual(en: "the only agent available", zh: "唯一可派的代办员")
        case .skill: Bilingual(en: "the closest skill", zh: "专长最对口")
        case .load: Bilingual(en: "the lowest open load", zh: "在办件最少")
        case .deadline: Bilingual(en: "the furthest nearest deadline", zh: "最近期限最宽裕")
        case .staffNumber: Bilingual(en: "all equal: the lower staff number", zh: "条件相同，按工号")
        }
    }
}

/// Why the rule chose an agent: the skill match and the step that decided, with the chosen agent's load.
public struct AssignmentReason: Sendable, Hashable {
    public var skill: SkillMatch
    public var decidedBy: AssignmentCriterion
    public var openJobs: Int
    public var nearestDeadline: CivilDate?

    /// Stored with the assignment (`proxy_assignment.reason`) and in the event: `<decidedBy>/<skill>`.
    public var key: String { "\(decidedBy.rawValue)/\(skill.rawValue)" }

    public var label: Bilingual {
        Bilingual(en: "\(decidedBy.label.en) (\(skill.label.en), \(openJobs) open)", zh: "\(decidedBy.label.zh)（\(skill.label.zh)，在办 \(openJobs) 件）")
    }
}

/// The automatic assignment of a proxy job (docs/agents.md), pure: among the agents on duty or out on a case (never
/// on leave, never the excluded ones), 1. the closest skill match — the item itself over its department over none;
/// 2. the lowest open load; 3. the furthest nearest deadline (no deadline counts as furthest); 4. the lower staff
/// number. Returns nil when nobody can take the job.
public enum AgentAssignmentRule {
    public struct Choice: Sendable, Hashable {
        public var agent: String
        public var reason: AssignmentReason
    }

    public static func match(_ skills: Set<AgentSkill>, item: String, department: String) -> SkillMatch {
        if skills.contains(.item(item)) { return .item }
        if skills.contains(.department(department)) { return .department }
        return .none
    }

    public static func choose(item: String, department: String, among candidates: [AgentCandidate],
                              excluding excluded: Set<String> = []) -> Choice? {
        // The sort key: larger is better for skill and deadline, smaller for load and staff number.
        struct Key { var skill: SkillMatch; var load: Int; var deadline: Int; var id: String; var candidate: AgentCandidate }
        var best: Key?, second: Key?
        func better(_ a: Key, _ b: Key) -> Bool {
            if a.skill != b.skill { return a.skill > b.skill }
            if a.load != b.load { return a.load < b.load }
            if a.deadline != b.deadline { return a.deadline > b.deadline }
            return a.id < b.id
        }
        for c in candidates where c.state.takesJobs && !excluded.contains(c.id) {
            let key = Key(skill: match(c.skills, item: item, department: department), load: c.openJobs,
                          deadline: c.nearestDeadline?.dayNumber ?? Int.max, id: c.id, candidate: c)
            if let b = best, !better(key, b) {
                if second.map({ better(key, $0) }) ?? true { second = key }
            } else {
                second = best; best = key
            }
        }
        guard let best else { return nil }
        let criterion: AssignmentCriterion
        if let second {
            criterion = best.skill != second.skill ? .skill : best.load != second.load ? .load
                : best.deadline != second.deadline ? .deadline : .staffNumber
        } else {
            criterion = .onlyCandidate
        }
        return Choice(agent: best.id, reason: AssignmentReason(skill: best.skill, decidedBy: criterion, openJobs: best.candidate.openJobs,
                                                               nearestDeadline: best.candidate.nearestDeadline))
    }

    /// An agent going on leave: the rule applied to each of their open jobs in turn (oldest first), the leave-taker
    /// excluded, each choice counting in the next one's load. Jobs nobody can take have no choice (nil).
    public static func leaveProposal(jobs: [(number: String, item: String, department: String)], from agent: String,
                                     among candidates: [AgentCandidate]) -> [(job: String, choice: Choice?)] {
        var candidates = candidates
        return jobs.map { job in
            let choice = choose(item: job.item, department: job.department, among: candidates, excluding: [agent])
            if let choice, let i = candidates.firstIndex(where: { $0.id == choice.agent }) { candidates[i].openJobs += 1 }
            return (job.number, choice)
        }
    }
}
