import Foundation
import GRDB
import Queue

/// How far an agent has read their inbox: the last event of the chain seen (`seq`) and when (`at`, for the
/// assignment history, which is dated, not chained).
public struct AgentInboxMark: Sendable, Equatable {
    public var seq: Int64
    public var at: Date
    public init(seq: Int64, at: Date) { self.seq = seq; self.at = at }
}

/// One line of the inbox: what changed, in which job and case, when and by whom, and whether it came after the mark.
public struct AgentInboxItem: Sendable, Equatable {
    /// The event's place in the chain (nil: a line of the assignment history).
    public var seq: Int64?
    public var at: Date
    public var change: AgentInboxChange
    public var jobNumber: String
    public var caseNumber: String?
    /// Who did it (staff number, or @system).
    public var actor: String
    /// After the agent's last-seen mark.
    public var isNew: Bool
}

/// An agent's inbox: the new items first, then up to a few already seen, newest first; the mark it was read
/// against, and the mark to store when the agent has seen it (`HallDatabase.markAgentInboxSeen`).
public struct AgentInbox: Sendable, Equatable {
    public var agentID: String
    public var items: [AgentInboxItem]
    /// The stored mark (nil: never looked).
    public var mark: AgentInboxMark?
    /// The chain's last event and the time when this inbox was read: "seen" marks up to here, not past what was shown.
    public var readUpTo: AgentInboxMark
    public var newCount: Int { items.count { $0.isNew } }
}

extension HallDatabase {
    /// "v6-screen10-inbox-mark": each agent's last-seen mark of their inbox (`agent_inbox_mark`), one row per person.
    static func migrateToAgentInboxMark(_ db: Database) throws {
        try db.execute(sql: """
            -- How far a person has read their inbox on the agent's screen (docs/agents.md): the last hall_event.id seen
            -- and when (ms, for the dated assignment history). Written by markAgentInboxSeen with an agent_inbox_seen event.
            CREATE TABLE agent_inbox_mark (
                staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff(id),
                seen_seq INTEGER NOT NULL CHECK (seen_seq >= 0),
                seen_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// The stored mark of `staff`, or nil.
    static func agentInboxMark(_ db: Database, staff: String) throws -> AgentInboxMark? {
        try Row.fetchOne(db, cachedSQL: "SELECT seen_seq, seen_at FROM agent_inbox_mark WHERE staff_id = ?", arguments: [staff])
            .map { AgentInboxMark(seq: $0[0], at: Date(millisecondsSince1970: $0[1])) }
    }

    /// What changed in `agent`'s jobs and their cases: the case events the inbox lists (`AgentInboxChange`) of every
    /// job the agent holds, and the jobs given to them or taken from them (the assignment history); new = after
    /// their mark. All new items, then at most `keepSeen` seen ones, newest first. Reading needs nobody.
    public func agentInbox(agent: String, keepSeen: Int = 20) throws -> AgentInbox {
        let now = clock.now
        let kinds = AgentInboxChange.caseEventKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try read { db in
            let mark = try Self.agentInboxMark(db, staff: agent)
            let readUpTo = AgentInboxMark(seq: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM hall_event") ?? 0, at: now)
            let perCase = keepSeen + 1
            var items: [AgentInboxItem] = []
            let cases = try Row.fetchAll(db, cachedSQL: """
                SELECT j.number, c.number, c.ticket_id, c.tolerated FROM proxy_job j JOIN hall_case c ON c.id = j.case_id WHERE j.agent_id = ?
                """, arguments: [agent])
            for row in cases {
                let job: String = row[0], number: String = row[1], ticket: Int64? = row[2], tolerated: Bool = row[3]
                // The case's events (by its ticket, as the case's timeline reads them): the new ones and a few before.
                let events = try Row.fetchAll(db, cachedSQL: """
                    SELECT id, at, kind, actor FROM hall_event WHERE \(Self.caseEventCondition) AND kind IN (\(kinds))
                    AND id > ? ORDER BY id DESC
                    """, arguments: [ticket, number, mark?.seq ?? 0])
                let older = try mark.map { mark in
                    try Row.fetchAll(db, cachedSQL: """
                        SELECT id, at, kind, actor FROM hall_event WHERE \(Self.caseEventCondition) AND kind IN (\(kinds))
                        AND id <= ? ORDER BY id DESC LIMIT ?
                        """, arguments: [ticket, number, mark.seq, perCase])
                } ?? []
                for e in events + older {
                    guard let kind = EventKind(rawValue: e[2]), let change = AgentInboxChange.of(kind, tolerated: tolerated) else { continue }
                    let seq: Int64 = e[0]
                    items.append(AgentInboxItem(seq: seq, at: Date(millisecondsSince1970: e[1]), change: change, jobNumber: job,
                                                caseNumber: number, actor: e[3], isNew: seq > (mark?.seq ?? 0)))
                }
            }
            // The assignment history: a job given to me (at a window's intake the case's filing says it), one taken away.
            let markAt = mark?.at.millisecondsSince1970 ?? Int64.min
            for row in try Row.fetchAll(db, cachedSQL: """
                SELECT a.at, a.by_staff, j.number, (SELECT number FROM hall_case WHERE id = j.case_id)
                FROM proxy_assignment a JOIN proxy_job j ON j.id = a.job_id WHERE a.agent_id = ? AND a.how <> 'intake'
                """, arguments: [agent]) {
                let at: Int64 = row[0]
                items.append(AgentInboxItem(seq: nil, at: Date(millisecondsSince1970: at), change: .assignedToMe, jobNumber: row[2],
                                            caseNumber: row[3], actor: row[1], isNew: at > markAt))
            }
            for row in try Row.fetchAll(db, cachedSQL: """
                SELECT a.ended_at, (SELECT by_staff FROM proxy_assignment b WHERE b.job_id = a.job_id AND b.at = a.ended_at LIMIT 1),
                       j.number, (SELECT number FROM hall_case WHERE id = j.case_id)
                FROM proxy_assignment a JOIN proxy_job j ON j.id = a.job_id WHERE a.agent_id = ? AND a.ended_at IS NOT NULL
                """, arguments: [agent]) {
                let at: Int64 = row[0]
                items.append(AgentInboxItem(seq: nil, at: Date(millisecondsSince1970: at), change: .reassignedAway, jobNumber: row[2],
                                            caseNumber: row[3], actor: (row[1] as String?) ?? "—", isNew: at > markAt))
            }
            items.sort { ($0.at, $0.seq ?? 0) > ($1.at, $1.seq ?? 0) }
            let fresh = items.filter(\.isNew)
            let seen = items.filter { !$0.isNew }.prefix(keepSeen)
            return AgentInbox(agentID: agent, items: fresh + seen, mark: mark, readUpTo: readUpTo)
        }
    }

    /// The signed-in agent has seen their inbox up to `mark` (the `readUpTo` of the inbox they were shown, so an item
    /// that landed after it stays new). A write (`markAgentInboxSeen`, the agent themself) with one `agent_inbox_seen`
    /// event; the mark never moves back.
    public func markAgentInboxSeen(through mark: AgentInboxMark, by actor: Actor) throws {
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .markAgentInboxSeen, by: actor)
            guard let staff = actor.staffID else { throw AccessError.unknownOrInactive(actor.key) }
            let previous = try Self.agentInboxMark(db, staff: staff)
            let seq = max(previous?.seq ?? 0, mark.seq)
            let at = max(previous?.at.millisecondsSince1970 ?? 0, mark.at.millisecondsSince1970)
            try db.execute(cachedSQL: """
                INSERT INTO agent_inbox_mark(staff_id, seen_seq, seen_at) VALUES (?, ?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET seen_seq = excluded.seen_seq, seen_at = excluded.seen_at
                """, arguments: [staff, seq, at])
            try AuditLog.append(db, .agentInboxSeen, by: actor, at: now, businessDate: try Self.today(db, now),
                                detail: ["agent": .string(staff), "through": .int(seq)])
        }
    }
}
