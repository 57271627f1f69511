import Foundation
import GRDB
import Queue

extension HallDatabase {
    static let proxyJobColumns = """
        id, number, opened_on, mode, origin, origin_site, applicant_id, item_code, department_code, authorisation, ticket_id,
        case_id, agent_id, state, opened_at, opened_by, closed_at, closed_by, note
        """

    static func proxyJob(_ row: Row) throws -> ProxyJob {
        let closedAt: Int64? = row[16]
        return ProxyJob(id: row[0], number: row[1], mode: try decode(ProxyMode.self, row[3], "proxy_job", "mode"),
                        origin: try decode(ProxyOrigin.self, row[4], "proxy_job", "origin"), originSite: row[5], applicantID: row[6],
                        itemCode: row[7], departmentCode: row[8], authorisation: row[9], ticketID: row[10], caseID: row[11],
                        agentID: row[12], state: try decode(ProxyJobState.self, row[13], "proxy_job", "state"),
                        openedAt: Date(millisecondsSince1970: row[14]), openedOn: try CivilDate(parsing: row[2]), openedBy: row[15],
                        closedAt: closedAt.map(Date.init(millisecondsSince1970:)), closedBy: row[17], note: row[18])
    }

    static func fetchProxyJob(_ db: Database, number: String) throws -> ProxyJob? {
        try db.fetchFirst(cachedSQL: "SELECT \(proxyJobColumns) FROM proxy_job WHERE number = ?", arguments: [number], proxyJob)
    }

    static func fetchProxyJob(_ db: Database, caseID: Int64) throws -> ProxyJob? {
        try db.fetchFirst(cachedSQL: "SELECT \(proxyJobColumns) FROM proxy_job WHERE case_id = ?", arguments: [caseID], proxyJob)
    }

    /// Opens a proxy job (代办件) on request — at the reception, from a window, or for a lower-level site — in one
    /// transaction (`openProxyJob`): the item must be in the catalog; the applicant is found by number or added (the
    /// applicant upsert of the intake); the job gets the next number of the day, no agent yet (`assignProxyJob`) and
    /// no case (linked when the case is filed at a window). One `proxy_job_opened` event.
    public func openProxyJob(_ request: ProxyJobRequest, by actor: Actor) throws -> ProxyJob {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .openProxyJob, by: actor)
            guard let item = try Self.storedItem(db, code: request.itemCode) else { throw IntakeError.unknownItem(request.itemCode) }
            let applicant = try Self.upsertApplicant(db, request.applicant, now: now)
            let today = try CivilDate(parsing: try Self.today(db, now))
            let job = try Self.insertProxyJob(db, NewProxyJob(
                mode: request.mode, origin: request.origin, originSite: request.originSite, applicantID: applicant.id,
                itemCode: item.implementationCode, departmentCode: item.departmentCode, authorisation: request.authorisation,
                ticketID: nil, caseID: nil, agentID: nil, note: request.note), on: today, by: actor.key, now: now)
            try AuditLog.append(db, .proxyJobOpened, by: actor, at: now, businessDate: today.description,
                                detail: Self.openedDetail(job, applicant: applicant, caseNumber: nil))
            return job
        }
    }

    /// A job as written: everything but its number, state and times.
    struct NewProxyJob {
        var mode: ProxyMode
        var origin: ProxyOrigin
        var originSite: String?
        var applicantID: Int64
        var itemCode: String
        var departmentCode: String
        var authorisation: String?
        var ticketID: Int64?
        var caseID: Int64?
        /// The case's promised deadline while it is open (kept by the trigger `proxy_job_case_due` after this).
        var caseDue: CivilDate? = nil
        var agentID: String?
        var note: String?
    }

    /// Inserts a job with the next number of `day`. The caller owns the transaction and the event.
    static func insertProxyJob(_ db: Database, _ new: NewProxyJob, on day: CivilDate, by staff: String, now: Date) throws -> ProxyJob {
        let sequence = (try Int.fetchOne(db, cachedSQL: "SELECT MAX(daily_seq) FROM proxy_job WHERE opened_on = ?",
                                         arguments: [day.description]) ?? 0) + 1
        let number = ProxyJob.number(openedOn: day, sequence: sequence)
        guard let job = try db.fetchFirst(cachedSQL: """
            INSERT INTO proxy_job(number, opened_on, daily_seq, mode, origin, origin_site, applicant_id, item_code, department_code,
                                  authorisation, ticket_id, case_id, case_due, agent_id, state, opened_at, opened_by, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
            RETURNING \(proxyJobColumns)
            """, arguments: [number, day.description, sequence, new.mode.rawValue, new.origin.rawValue, new.originSite, new.applicantID,
                             new.itemCode, new.departmentCode, new.authorisation, new.ticketID, new.caseID, new.caseDue?.description, new.agentID,
                             now.millisecondsSince1970, staff, new.note], proxyJob) else {
            throw ProxyJobError.unknownJob(number)
        }
        return job
    }

    /// Records `agent` as the job's current agent from `now`: the previous assignment (if any) ends, a history line
    /// is added. The caller owns the transaction and the event.
    static func recordAssignment(_ db: Database, jobID: Int64, agent: String, how: AssignmentMethod, reason: String?, by staff: String,
                                 now: Date) throws {
        try db.execute(cachedSQL: "UPDATE proxy_assignment SET ended_at = ? WHERE job_id = ? AND ended_at IS NULL",
                       arguments: [now.millisecondsSince1970, jobID])
        try db.execute(cachedSQL: "INSERT INTO proxy_assignment(job_id, agent_id, at, by_staff, how, reason) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [jobID, agent, now.millisecondsSince1970, staff, how.rawValue, reason])
        try db.execute(cachedSQL: "UPDATE proxy_job SET agent_id = ? WHERE id = ?", arguments: [agent, jobID])
    }

    static func openedDetail(_ job: ProxyJob, applicant: Applicant, caseNumber: String?) -> [String: AuditValue] {
        ["job": .string(job.number), "mode": .string(job.mode.rawValue), "origin": .string(job.origin.rawValue),
         "site": .optional(job.originSite), "applicant": .int(applicant.id), "number": .string(applicant.maskedNumber),
         "item": .string(job.itemCode), "authorisation": .optional(job.authorisation), "agent": .optional(job.agentID),
         "case": .optional(caseNumber)]
    }

    // MARK: The case filed at a window (called by the intake, in its transaction)

    /// A case just opened at the window joins its proxy job: the agent is the intake's representative (代办, a
    /// `proxyAgent`) or the agent linked to the ticket the applicant came on (帮办, ticket source `proxy`). The agent's
    /// open job for this applicant and item without a case (else such a job not yet assigned) gets the case; when
    /// there is none, a job is opened with the case — 代办 when the intake recorded an authorisation, 帮办 otherwise —
    /// assigned to that agent (`AssignmentMethod.intake`). No agent: nothing. Events: `proxy_job_case_linked`, or
    /// `proxy_job_opened` with the case.
    static func joinProxyJob(_ db: Database, record: CaseRecord, representative: Representative, event: EventContext) throws {
        let ticketAgent = try record.ticketID.flatMap {
            try String.fetchOne(db, cachedSQL: "SELECT proxy_agent_id FROM ticket WHERE id = ?", arguments: [$0])
        }
        let agent = representative.kind == .proxyAgent ? representative.idNumber ?? ticketAgent : ticketAgent
        guard let agent, try StaffRecord.fetch(db, id: agent) != nil else { return }
        let now = event.at
        if let job = try db.fetchFirst(cachedSQL: """
            SELECT \(proxyJobColumns) FROM proxy_job
            WHERE applicant_id = ? AND item_code = ? AND state = 'open' AND case_id IS NULL AND (agent_id = ? OR agent_id IS NULL)
            ORDER BY agent_id IS NULL, id LIMIT 1
            """, arguments: [record.applicantID, record.itemCode, agent], proxyJob) {
            try db.execute(cachedSQL: "UPDATE proxy_job SET case_id = ?, case_due = ? WHERE id = ?",
                           arguments: [record.id, record.promisedDue?.description, job.id])
            if job.agentID == nil {
                try recordAssignment(db, jobID: job.id, agent: agent, how: .intake, reason: nil, by: event.actor, now: now)
            }
            try appendEvent(db, .proxyJobCaseLinked, event, detail: [
                "job": .string(job.number), "case": .string(record.number), "agent": .string(agent),
                "assigned": .bool(job.agentID == nil),
            ])
            return
        }
        let fullProxy = representative.kind == .proxyAgent && representative.authorisation != nil
        let day = try CivilDate(parsing: event.businessDate)
        var job = try insertProxyJob(db, NewProxyJob(
            mode: fullProxy ? .fullProxy : .accompany, origin: ticketAgent != nil ? .reception : .window, originSite: nil,
            applicantID: record.applicantID, itemCode: record.itemCode, departmentCode: record.departmentCode,
            authorisation: fullProxy ? representative.authorisation : nil, ticketID: record.ticketID, caseID: record.id,
            caseDue: record.promisedDue, agentID: nil,
            note: nil), on: day, by: event.actor, now: now)
        try recordAssignment(db, jobID: job.id, agent: agent, how: .intake, reason: nil, by: event.actor, now: now)
        job.agentID = agent
        guard let applicant = try fetchApplicant(db, id: record.applicantID) else { return }
        try appendEvent(db, .proxyJobOpened, event, detail: openedDetail(job, applicant: applicant, caseNumber: record.number))
    }

    // MARK: Reads

    /// The job with this number, or nil.
    public func proxyJob(number: String) throws -> ProxyJob? {
        try read { db in try Self.fetchProxyJob(db, number: number) }
    }

    /// The job a case was filed for, or nil.
    public func proxyJob(caseID: Int64) throws -> ProxyJob? {
        try read { db in try Self.fetchProxyJob(db, caseID: caseID) }
    }

    /// An agent's jobs, oldest first: the open ones (`proxy_job_agent_open`), or every one with `includeClosed`.
    public func proxyJobs(agent: String, includeClosed: Bool = false) throws -> [ProxyJob] {
        try read { db in
            try db.fetchEach(cachedSQL: """
                SELECT \(Self.proxyJobColumns) FROM proxy_job WHERE agent_id = ? \(includeClosed ? "" : "AND state = 'open'") ORDER BY id
                """, arguments: [agent], Self.proxyJob)
        }
    }
}
