import Foundation
import GRDB
import Queue

extension HallDatabase {
    // MARK: Reads

    /// Every active proxy agent (role `agent`) with profile, skills and load, by staff number.
    public func agentTeam() throws -> [AgentProfile] {
        try read { db in try Self.fetchAgents(db) }
    }

    /// One agent, or nil when `id` is not an active agent.
    public func agentProfile(_ id: String) throws -> AgentProfile? {
        try read { db in try Self.fetchAgents(db, only: id).first }
    }

    /// An agent's jobs (open ones, or every one with `includeClosed`), with their applicants and cases: the agent
    /// themself or a supervisor (`viewProxyJobs`; another agent is refused, exit 5).
    public func agentJobs(_ agent: String, includeClosed: Bool = false, by viewer: Actor) throws -> [ProxyJobRow] {
        try read { db in
            try PermissionPolicy.check(db, .viewProxyJobs, by: viewer, orSelf: agent, holding: .agent)
            return try Self.proxyJobRows(db, where: "j.agent_id = ? \(includeClosed ? "" : "AND j.state = 'open'")", arguments: [agent])
        }
    }

    /// Proxy jobs matching `condition` (on `proxy_job j`) with their applicants (masked) and cases, by deadline.
    static func proxyJobRows(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ProxyJobRow] {
        try db.fetchEach(cachedSQL: """
            SELECT \(Self.proxyJobColumns.split(separator: ",").map { "j." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .joined(separator: ", ")),
                   a.kind, a.name, (SELECT name FROM catalog_item i WHERE i.code = j.item_code), c.number, c.state, j.case_due
            FROM proxy_job j JOIN applicant a ON a.id = j.applicant_id LEFT JOIN hall_case c ON c.id = j.case_id
            WHERE \(condition) ORDER BY j.case_due IS NULL, j.case_due, j.id
            """, arguments: arguments) { row in
            let kind = try Self.decode(ApplicantKind.self, row[19], "applicant", "kind")
            let caseState: String? = row[23]
            let due: String? = row[24]
            return ProxyJobRow(job: try Self.proxyJob(row), applicantName: Applicant.maskedName(row[20], kind: kind), itemName: row[21],
                               caseNumber: row[22], caseState: try caseState.map { try Self.decode(CaseState.self, $0, "hall_case", "state") },
                               caseDue: try due.map { try CivilDate(parsing: $0) })
        }
    }

    /// The agents as the assignment sees them, from the indexes alone: each agent with their counter of open jobs
    /// (`agent_load`) and one seek of `proxy_job_agent_open` for their nearest deadline, then their skills.
    static func fetchAgents(_ db: Database, only: String? = nil) throws -> [AgentProfile] {
        var agents = try db.fetchEach(cachedSQL: """
            SELECT s.id, s.name, p.phone, p.state, p.back_on, p.state_note, p.since, COALESCE(l.open_jobs, 0),
                   (SELECT MIN(j.case_due) FROM proxy_job j INDEXED BY proxy_job_agent_open WHERE j.agent_id = s.id AND j.state = 'open')
            FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = 'agent' LEFT JOIN agent_profile p ON p.staff_id = s.id
            LEFT JOIN agent_load l ON l.staff_id = s.id
            WHERE s.active AND (?1 IS NULL OR s.id = ?1) ORDER BY s.id
            """, arguments: [only]) { row -> AgentProfile in
            let state: String? = row[3], backOn: String? = row[4], since: Int64? = row[6], due: String? = row[8]
            return AgentProfile(id: row[0], name: row[1], phone: row[2],
                                state: try state.map { try decode(AgentState.self, $0, "agent_profile", "state") } ?? .onDuty,
                                backOn: try backOn.map { try CivilDate(parsing: $0) }, stateNote: row[5],
                                since: since.map(Date.init(millisecondsSince1970:)), skills: [], openJobs: row[7],
                                nearestDeadline: try due.map { try CivilDate(parsing: $0) })
        }
        guard !agents.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (i, a) in agents.enumerated() { index[a.id] = i }
        let skillRows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT staff_id, scope, code FROM agent_skill ORDER BY staff_id, scope, code"))
        while let row = try skillRows.next() {
            guard let i = index[row[0]] else { continue }
            agents[i].skills.append(AgentSkill(scope: try decode(AgentSkillScope.self, row[1], "agent_skill", "scope"), code: row[2]))
        }
        for i in agents.indices { agents[i].skills.sort() }
        return agents
    }

    /// The active agent with this number, or `AgentError.notAnAgent`.
    static func requireAgent(_ db: Database, _ id: String) throws -> AgentProfile {
        guard let agent = try fetchAgents(db, only: id).first else { throw AgentError.notAnAgent(id) }
        return agent
    }

    // MARK: Writes

    /// Sets an agent's state (`desk agent state`): a supervisor, or the agent themself (`setAgentState`). Leave needs
    /// the day back, after today; the other states have none. Going on leave moves nothing by itself: the proposal
    /// (`leaveProposal(from:)`) waits for a supervisor's confirmation (docs/agents.md). One `agent_state_changed`.
    @discardableResult
    public func setAgentState(_ agent: String, to state: AgentState, until backOn: CivilDate? = nil, note: String? = nil,
                              by actor: Actor) throws -> AgentProfile {
        let note = try note.map { try FreeText.clean($0, field: FreeText.proxyNote, limit: 200) }.flatMap { $0.isEmpty ? nil : $0 }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .setAgentState, by: actor, orSelf: agent, holding: .agent)
            let before = try Self.requireAgent(db, agent)
            let today = try CivilDate(parsing: try Self.today(db, now))
            if state == .onLeave {
                guard let backOn else { throw AgentError.leaveNeedsReturnDate }
                guard backOn > today else { throw AgentError.returnDateNotAfterToday(backOn, today: today) }
            } else if backOn != nil {
                throw AgentError.returnDateOnlyForLeave
            }
            try db.execute(cachedSQL: """
                INSERT INTO agent_profile(staff_id, state, back_on, state_note, since) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET state = excluded.state, back_on = excluded.back_on, state_note = excluded.state_note,
                    since = excluded.since
                """, arguments: [agent, state.rawValue, backOn?.description, note, now.millisecondsSince1970])
            try AuditLog.append(db, .agentStateChanged, by: actor, at: now, businessDate: today.description, staff: agent, detail: [
                "agent": .string(agent), "state": .string(state.rawValue), "from": .string(before.state.rawValue),
                "back_on": .optional(backOn?.description), "note": .optional(note),
            ])
            return try Self.requireAgent(db, agent)
        }
    }

    /// Sets an agent's phone and skills (`manageAgents`), replacing the skills they had. Department codes must be the
    /// catalog's departments, item codes its items. One `agent_profile_set`.
    @discardableResult
    public func setAgentProfile(_ agent: String, phone: String?, skills: [AgentSkill], by actor: Actor) throws -> AgentProfile {
        let phone = try phone.map { try ApplicantInput.phone($0) }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .manageAgents, by: actor)
            _ = try Self.requireAgent(db, agent)
            for skill in skills {
                switch skill.scope {
                case .department:
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM catalog_department WHERE code = ?)", arguments: [skill.code]) == true
                    else { throw HandoverError.unknownDepartment(skill.code) }
                case .item:
                    guard try Self.storedItem(db, code: skill.code) != nil else { throw IntakeError.unknownItem(skill.code) }
                }
            }
            try db.execute(cachedSQL: """
                INSERT INTO agent_profile(staff_id, phone, state, since) VALUES (?, ?, 'onDuty', ?)
                ON CONFLICT(staff_id) DO UPDATE SET phone = excluded.phone
                """, arguments: [agent, phone, now.millisecondsSince1970])
            try db.execute(cachedSQL: "DELETE FROM agent_skill WHERE staff_id = ?", arguments: [agent])
            for skill in Set(skills) {
                try db.execute(cachedSQL: "INSERT INTO agent_skill(staff_id, scope, code) VALUES (?, ?, ?)",
                               arguments: [agent, skill.scope.rawValue, skill.code])
            }
            try AuditLog.append(db, .agentProfileSet, by: actor, at: now, businessDate: try Self.today(db, now), staff: agent, detail: [
                "agent": .string(agent), "phone": .optional(phone), "skills": .string(skills.sorted().map(\.key).joined(separator: ",")),
            ])
            return try Self.requireAgent(db, agent)
        }
    }
}
