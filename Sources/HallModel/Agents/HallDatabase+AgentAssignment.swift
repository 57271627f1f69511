import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Gives a job its agent (`desk agent assign`): a supervisor, or a clerk asking for one (`assignProxyJob`). `target`
    /// is a job number (`DB-…`) or a case number; a case filed without a job gets one opened with it (帮办, origin
    /// window: the clerk asks for an agent for a case that needs more help than the window can give). The job must be
    /// open and unassigned (else `reassign`). `.automatic`: `AgentAssignmentRule` over the agents on duty or out on a
    /// case; `.agent(id)`: an active agent not on leave. Events: `proxy_job_opened` for a job opened with the case, one
    /// `proxy_job_assigned`.
    public func assignProxyJob(_ target: String, to choice: AgentChoice, by actor: Actor) throws -> ProxyAssignmentOutcome {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .assignProxyJob, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            let (job, caseNumber) = try Self.jobForTarget(db, target, openingOn: today, by: actor, now: now)
            guard job.state.isOpen else { throw AgentError.jobNotOpen(job.number, job.state) }
            if let current = job.agentID { throw AgentError.alreadyAssigned(job: job.number, agent: current) }
            return try Self.assign(db, job, caseNumber: caseNumber, to: choice, how: nil, note: nil, by: actor, today: today, now: now)
        }
    }

    /// Moves an open, assigned job to another agent (`desk agent reassign`; a supervisor, `reassignProxyJob`) with a
    /// reason; the history keeps the earlier assignment. One `proxy_job_assigned` with `from`.
    public func reassignProxyJob(_ number: String, to choice: AgentChoice, reason: String, by actor: Actor) throws -> ProxyAssignmentOutcome {
        let reason = try FreeText.clean(reason, field: FreeText.reason, limit: 200)
        guard !reason.isEmpty else { throw AgentError.reassignNeedsReason }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .reassignProxyJob, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            guard let job = try Self.fetchProxyJob(db, number: number) else { throw ProxyJobError.unknownJob(number) }
            guard job.state.isOpen else { throw AgentError.jobNotOpen(job.number, job.state) }
            guard job.agentID != nil else { throw AgentError.notAssigned(job.number) }
            let caseNumber = try Self.caseNumber(db, job)
            return try Self.assign(db, job, caseNumber: caseNumber, to: choice, how: nil, note: reason, by: actor, today: today, now: now)
        }
    }

    /// What going on leave would move: each open job of `agent`, oldest first, with the agent the rule gives it to
    /// (the leave-taker excluded, each proposed job counting in the next one's load). A read: nothing moves.
    public func leaveProposal(from agent: String) throws -> [LeaveProposalLine] {
        try read { db in try Self.leaveProposal(db, from: agent) }
    }

    /// Applies the leave proposal in one write (`desk agent reassign --from ID --confirm`; a supervisor,
    /// `reassignProxyJob`): every job the rule found an agent for moves (`AssignmentMethod.leave`), one
    /// `proxy_job_assigned` each; a job nobody can take stays. Returns the lines as applied.
    public func confirmLeaveProposal(from agent: String, by actor: Actor) throws -> [LeaveProposalLine] {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .reassignProxyJob, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            let lines = try Self.leaveProposal(db, from: agent)
            for line in lines {
                guard let to = line.agent, let job = try Self.fetchProxyJob(db, number: line.job) else { continue }
                try Self.recordAssignment(db, jobID: job.id, agent: to, how: .leave, reason: line.reason?.key, by: actor.key, now: now)
                try AuditLog.append(db, .proxyJobAssigned, by: actor, at: now, businessDate: today.description, staff: to, detail: [
                    "job": .string(job.number), "case": .optional(line.caseNumber), "agent": .string(to), "from": .optional(job.agentID),
                    "how": .string(AssignmentMethod.leave.rawValue), "reason": .optional(line.reason?.key),
                ])
            }
            return lines
        }
    }

    /// What `assign --auto` would choose for a job of `item`, read only: the agents' loads and the rule
    /// (`desk bench`; the write re-reads them in its own transaction).
    public func automaticAgent(item: String, department: String) throws -> AgentAssignmentRule.Choice? {
        try read { db in AgentAssignmentRule.choose(item: item, department: department, among: try Self.fetchAgents(db).map(\.candidate)) }
    }

    // MARK: Inside the writes

    static func leaveProposal(_ db: Database, from agent: String) throws -> [LeaveProposalLine] {
        _ = try requireAgent(db, agent)
        let jobs = try db.fetchEach(cachedSQL: """
            SELECT j.number, j.item_code, j.department_code, c.number FROM proxy_job j LEFT JOIN hall_case c ON c.id = j.case_id
            WHERE j.agent_id = ? AND j.state = 'open' ORDER BY j.id
            """, arguments: [agent]) { row -> (String, String, String, String?) in (row[0], row[1], row[2], row[3]) }
        let proposal = AgentAssignmentRule.leaveProposal(jobs: jobs.map { ($0.0, $0.1, $0.2) }, from: agent,
                                                         among: try fetchAgents(db).map(\.candidate))
        return zip(jobs, proposal).map { job, p in
            LeaveProposalLine(job: job.0, caseNumber: job.3, itemCode: job.1, agent: p.choice?.agent, reason: p.choice?.reason)
        }
    }

    static func caseNumber(_ db: Database, _ job: ProxyJob) throws -> String? {
        try job.caseID.flatMap { try String.fetchOne(db, cachedSQL: "SELECT number FROM hall_case WHERE id = ?", arguments: [$0]) }
    }

    /// The job named by `target` (a job number, or a case number: its job, or one opened with it).
    static func jobForTarget(_ db: Database, _ target: String, openingOn today: CivilDate, by actor: Actor,
                             now: Date) throws -> (ProxyJob, String?) {
        if let job = try fetchProxyJob(db, number: target) { return (job, try caseNumber(db, job)) }
        let record: CaseRecord
        do { record = try fetchCase(db, number: target) } catch IntakeError.unknownCase { throw AgentError.unknownCaseOrJob(target) }
        if let job = try fetchProxyJob(db, caseID: record.id) { return (job, record.number) }
        let open = try Bool.fetchOne(db, sql: "SELECT \(openCaseCondition) FROM hall_case WHERE id = ?", arguments: [record.id]) ?? false
        let job = try insertProxyJob(db, NewProxyJob(
            mode: .accompany, origin: .window, originSite: nil, applicantID: record.applicantID, itemCode: record.itemCode,
            departmentCode: record.departmentCode, authorisation: nil, ticketID: record.ticketID, caseID: record.id,
            caseDue: open ? record.promisedDue : nil, agentID: nil, note: nil), on: today, by: actor.key, now: now)
        guard let applicant = try fetchApplicant(db, id: record.applicantID) else { throw AgentError.unknownCaseOrJob(target) }
        try AuditLog.append(db, .proxyJobOpened, by: actor, at: now, businessDate: today.description,
                            detail: openedDetail(job, applicant: applicant, caseNumber: record.number))
        return (job, record.number)
    }

    /// Chooses (the rule, or the named agent checked), records the assignment and its event.
    static func assign(_ db: Database, _ job: ProxyJob, caseNumber: String?, to choice: AgentChoice, how: AssignmentMethod?,
                       note: String?, by actor: Actor, today: CivilDate, now: Date) throws -> ProxyAssignmentOutcome {
        let agent: String, reason: AssignmentReason?
        switch choice {
        case .automatic:
            let exclude: Set<String> = job.agentID.map { [$0] } ?? []
            guard let chosen = AgentAssignmentRule.choose(item: job.itemCode, department: job.departmentCode,
                                                          among: try fetchAgents(db).map(\.candidate), excluding: exclude) else {
                throw AgentError.nobodyAvailable(job.number)
            }
            (agent, reason) = (chosen.agent, chosen.reason)
        case .agent(let id):
            let named = try requireAgent(db, id)
            guard named.state.takesJobs else { throw AgentError.onLeave(named.id, until: named.backOn) }
            (agent, reason) = (named.id, nil)
        }
        if agent == job.agentID { throw AgentError.sameAgent(job: job.number, agent: agent) }
        let how = how ?? (reason == nil ? .manual : .auto)
        try recordAssignment(db, jobID: job.id, agent: agent, how: how, reason: note ?? reason?.key, by: actor.key, now: now)
        try AuditLog.append(db, .proxyJobAssigned, by: actor, at: now, businessDate: today.description, staff: agent, detail: [
            "job": .string(job.number), "case": .optional(caseNumber), "agent": .string(agent), "from": .optional(job.agentID),
            "how": .string(how.rawValue), "reason": .optional(reason?.key), "note": .optional(note),
        ])
        var assigned = job
        assigned.agentID = agent
        return ProxyAssignmentOutcome(job: assigned, caseNumber: caseNumber, previousAgent: job.agentID, how: how, reason: reason)
    }
}
