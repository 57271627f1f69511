import Foundation
import GRDB
import Queue

// Row decoding for the queue tables. Times are INTEGER milliseconds since 1970.

extension Ticket {
    static let columns = """
        id, code, business_date, line_id, origin_line_id, sequence, state, priority, source, appt_at, issued_at, queued_at,
        called_at, started_at, finished_at, window_id, call_count, transfer_count, citizen_id, proxy_agent_id
        """

    init(row: Row) {
        func date(_ column: String) -> Date? { (row[column] as Int64?).map(Date.init(millisecondsSince1970:)) }
        self.init(
            id: row["id"], code: row["code"], businessDate: row["business_date"], lineID: row["line_id"],
            originLineID: row["origin_line_id"], sequence: row["sequence"],
            state: TicketState(rawValue: row["state"]) ?? .waiting,
            priority: PriorityClass(rawValue: row["priority"]) ?? .normal,
            source: TicketSource(rawValue: row["source"]) ?? .kiosk,
            appointmentAt: date("appt_at"), issuedAt: date("issued_at") ?? Date(timeIntervalSince1970: 0),
            queuedAt: date("queued_at") ?? Date(timeIntervalSince1970: 0),
            calledAt: date("called_at"), startedAt: date("started_at"), finishedAt: date("finished_at"),
            windowID: row["window_id"], callCount: row["call_count"], transferCount: row["transfer_count"],
            citizenID: row["citizen_id"], proxyAgentID: row["proxy_agent_id"])
    }
}

extension ServiceLine {
    init(row: Row) {
        self.init(id: row["id"], prefix: row["prefix"], name: row["name"], targetWaitMinutes: row["target_wait_minutes"],
                  dailyCap: row["daily_cap"], isOpen: row["is_open"], keepsOvernight: row["keeps_overnight"],
                  defaultServiceMinutes: row["default_service_minutes"])
    }
}

extension HallDatabase {
    static func fetchLines(_ db: Database) throws -> [ServiceLine] {
        try Row.fetchAll(db, cachedSQL: "SELECT * FROM service_line ORDER BY prefix").map(ServiceLine.init(row:))
    }

    static func fetchLine(_ db: Database, prefix: String) throws -> ServiceLine {
        guard let row = try Row.fetchOne(db, cachedSQL: "SELECT * FROM service_line WHERE prefix = ?", arguments: [prefix.uppercased()]) else {
            throw QueueError.unknownLine(prefix)
        }
        return ServiceLine(row: row)
    }

    static func fetchWindows(_ db: Database) throws -> [ServiceWindow] {
        let profiles = Dictionary(grouping: try Row.fetchAll(db, cachedSQL: "SELECT window_id, line_id, weight FROM window_line ORDER BY window_id, position"),
                                  by: { $0["window_id"] as Int })
        return try Row.fetchAll(db, cachedSQL: "SELECT * FROM service_window ORDER BY id").map { row in
            let id: Int = row["id"]
            return ServiceWindow(
                id: id, name: row["name"],
                profile: (profiles[id] ?? []).map { ProfileEntry(lineID: $0["line_id"], weight: $0["weight"]) },
                filter: WindowFilter(rawValue: row["filter"]) ?? .all,
                state: WindowState(rawValue: row["state"]) ?? .closed,
                pauseReason: row["pause_reason"], staffID: row["staff_id"], priorityStreak: row["priority_streak"])
        }
    }

    static func fetchWindow(_ db: Database, id: Int) throws -> ServiceWindow {
        guard let row = try Row.fetchOne(db, cachedSQL: "SELECT * FROM service_window WHERE id = ?", arguments: [id]) else {
            throw QueueError.unknownWindow(id)
        }
        let profile = try Row.fetchAll(db, cachedSQL: "SELECT line_id, weight FROM window_line WHERE window_id = ? ORDER BY position", arguments: [id])
            .map { ProfileEntry(lineID: $0["line_id"], weight: $0["weight"]) }
        return ServiceWindow(id: id, name: row["name"], profile: profile, filter: WindowFilter(rawValue: row["filter"]) ?? .all,
                             state: WindowState(rawValue: row["state"]) ?? .closed, pauseReason: row["pause_reason"],
                             staffID: row["staff_id"], priorityStreak: row["priority_streak"])
    }

    static func fetchTicket(_ db: Database, id: Int64) throws -> Ticket? {
        try Row.fetchOne(db, cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE id = ?", arguments: [id]).map(Ticket.init(row:))
    }

    /// The ticket a clerk or script means by a code: an open ticket with that code first (it may be from an
    /// earlier day on a line that keeps tickets overnight), else today's.
    static func fetchTicket(_ db: Database, code: String, businessDate: String) throws -> Ticket {
        let code = code.uppercased()
        let sql = """
            SELECT \(Ticket.columns) FROM ticket WHERE code = ?
            ORDER BY state IN ('waiting','called','serving','held') DESC, business_date = ? DESC, id DESC LIMIT 1
            """
        guard let row = try Row.fetchOne(db, cachedSQL: sql, arguments: [code, businessDate]) else { throw QueueError.unknownTicket(code) }
        return Ticket(row: row)
    }

    static func activeTicket(_ db: Database, window: Int) throws -> Ticket? {
        try Row.fetchOne(db, cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE window_id = ? AND state IN ('called','serving')",
                         arguments: [window]).map(Ticket.init(row:))
    }

    static func heldTickets(_ db: Database, window: Int) throws -> [Ticket] {
        try Row.fetchAll(db, cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE window_id = ? AND state = 'held' ORDER BY id",
                         arguments: [window]).map(Ticket.init(row:))
    }

    /// The event log: one row per thing that happened, never updated.
    static func logEvent(_ db: Database, at: Date, businessDate: String, kind: String, ticket: Ticket? = nil,
                         lineID: Int64? = nil, window: Int? = nil, staff: String? = nil, detail: String? = nil) throws {
        try db.execute(cachedSQL: """
            INSERT INTO hall_event(at, business_date, kind, ticket_id, line_id, window_id, staff_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at.millisecondsSince1970, businessDate, kind, ticket?.id, lineID ?? ticket?.lineID, window, staff, detail])
    }

    static func announce(_ db: Database, at: Date, ticket: Ticket, window: Int, kind: String) throws {
        try db.execute(cachedSQL: "INSERT INTO announcement(at, ticket_id, code, window_id, kind) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at.millisecondsSince1970, ticket.id, ticket.code, window, kind])
    }
}
