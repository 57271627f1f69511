import Foundation
import GRDB
import Queue

/// One line of the agent's screen: a proxy job with its item, its applicant (masked), its case once filed, the case's
/// light and the agent's next action.
public struct AgentJobEntry: Sendable, Equatable {
    public var job: ProxyJob
    public var itemName: String
    /// The applicant as shared screens show them: a person's name masked (张*丰), an organisation's name whole.
    public var applicant: String
    /// The case filed for the job (nil: none yet).
    public var caseRecord: CaseRecord?
    /// The case's light on the day of the list (nil: no case yet).
    public var light: CaseLightReading?
    /// The case's materials not yet in (容缺).
    public var outstanding: Int
    public var next: AgentNextAction

    /// The list's order: red, yellow, green, grey, a deadline that cannot be counted, no case yet, closed.
    var rank: Int {
        guard let light else { return 5 }
        switch light {
        case .light(.red, _), .overdue: return 0
        case .light(.yellow, _): return 1
        case .light(.green, _): return 2
        case .light(.grey, _), .suspended: return 3
        case .unknown: return 4
        case .closed: return 6
        }
    }

    /// The deadline the light is judged against, for the order within a light.
    var due: CivilDate? { caseRecord.map { $0.decidedOn != nil ? nil : $0.promisedDue } ?? nil }
}

/// Whose jobs the agent's screen shows (docs/agents.md): an agent their own and nobody else's; a supervisor every
/// agent's, or one agent's (the filter). Pure.
public enum AgentJobScope: Sendable, Equatable {
    case agent(String)
    case everyAgent

    /// The scope `me` may see when asking for `requested` (nil: everyone). An agent who is no supervisor always
    /// gets their own jobs, whatever they asked for.
    public static func allowed(for me: CaseActor, requested: String?) -> AgentJobScope {
        guard me.roles.contains(.supervisor) else { return .agent(me.staffID) }
        return requested.map(AgentJobScope.agent) ?? .everyAgent
    }

    public var agentID: String? { if case .agent(let id) = self { id } else { nil } }
}

extension HallDatabase {
    /// The open jobs of `scope`, by light (red first) then deadline (`AgentJobEntry.rank`): each with its case, the
    /// case's light today and the agent's next action. Reading needs nobody.
    public func agentJobs(_ scope: AgentJobScope) throws -> [AgentJobEntry] {
        let now = clock.now
        return try read { db in
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let jobs: [ProxyJob]
            if let agent = scope.agentID {
                jobs = try db.fetchEach(cachedSQL: "SELECT \(Self.proxyJobColumns) FROM proxy_job WHERE agent_id = ? AND state = 'open'",
                                        arguments: [agent], Self.proxyJob)
            } else {
                jobs = try db.fetchEach(cachedSQL: "SELECT \(Self.proxyJobColumns) FROM proxy_job WHERE state = 'open'",
                                        arguments: [], Self.proxyJob)
            }
            var itemNames: [String: String] = [:]
            let entries = try jobs.map { job -> AgentJobEntry in
                let record = try job.caseID.flatMap {
                    try db.fetchFirst(cachedSQL: "SELECT \(CaseRecord.columns) FROM hall_case WHERE id = ?", arguments: [$0],
                                      columns: CaseRecord.init)
                }
                let outstanding = try record.map {
                    try Self.outstandingPositions(db, intakeID: $0.intakeID)
                } ?? []
                let light = record.map {
                    $0.facts(outstanding: outstanding).light(on: today, yellowDays: settings.caseYellowDays, calendar: calendar)
                }
                if itemNames[job.itemCode] == nil {
                    let stored = record == nil ? try Self.storedItem(db, code: job.itemCode)?.name : nil
                    itemNames[job.itemCode] = record?.itemName ?? stored ?? job.itemCode
                }
                let applicant = try Self.fetchApplicant(db, id: job.applicantID)
                return AgentJobEntry(job: job, itemName: itemNames[job.itemCode] ?? job.itemCode,
                                     applicant: applicant.map { Applicant.maskedName($0.name, kind: $0.kind) } ?? "—",
                                     caseRecord: record, light: light, outstanding: outstanding.count,
                                     next: AgentNextAction.of(jobState: job.state, caseState: record?.state, tolerated: record?.tolerated ?? false,
                                                              outstanding: outstanding.count))
            }
            return entries.sorted {
                ($0.rank, $0.due?.description ?? "9999", $0.job.id) < ($1.rank, $1.due?.description ?? "9999", $1.job.id)
            }
        }
    }

    /// The positions of an intake's materials not in yet.
    static func outstandingPositions(_ db: Database, intakeID: Int64) throws -> Set<Int> {
        var outstanding: Set<Int> = []
        for m in try Row.fetchAll(db, cachedSQL: "SELECT position, status FROM intake_material WHERE intake_id = ?", arguments: [intakeID]) {
            if !(try decode(MaterialStatus.self, m[1], "intake_material", "status").isIn) { outstanding.insert(m[0]) }
        }
        return outstanding
    }

    /// The active staff with the role agent, by number (the supervisor's agent filter).
    public func agentIDs() throws -> [String] {
        try read { db in
            try String.fetchAll(db, cachedSQL: """
                SELECT id FROM staff WHERE active = 1 AND id IN (SELECT staff_id FROM staff_role WHERE role = 'agent') ORDER BY id
                """)
        }
    }
}
