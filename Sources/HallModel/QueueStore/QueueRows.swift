import Foundation
import GRDB
import Queue

// Row decoding for the queue tables. Times are INTEGER milliseconds since 1970.

extension Ticket {
    /// Every query that builds a `Ticket` selects exactly these columns, in this order: rows are decoded
    /// by position, because GRDB's by-name lookup (case-insensitive) dominated the cost of a user action.
    static let columns = """
        id, code, business_date, line_id, origin_line_id, sequence, state, priority, source, appt_at, issued_at, queued_at,
        called_at, started_at, finished_at, window_id, call_count, transfer_count, citizen_id, proxy_agent_id, note, placed_front
        """

    /// `row` comes from `SELECT \(Ticket.columns)`.
    init(row: Row) {
        func date(_ index: Int) -> Date? { (row[index] as Int64?).map(Date.init(millisecondsSince1970:)) }
        self.init(
            id: row[0], code: row[1], businessDate: row[2], lineID: row[3], originLineID: row[4], sequence: row[5],
            state: TicketState(rawValue: row[6]) ?? .waiting,
            priority: PriorityClass(rawValue: row[7]) ?? .normal,
            source: TicketSource(rawValue: row[8]) ?? .kiosk,
            appointmentAt: date(9), issuedAt: date(10) ?? Date(timeIntervalSince1970: 0),
            queuedAt: date(11) ?? Date(timeIntervalSince1970: 0),
            calledAt: date(12), startedAt: date(13), finishedAt: date(14),
            windowID: row[15], callCount: row[16], transferCount: row[17], citizenID: row[18], proxyAgentID: row[19], note: row[20],
            placedFront: row[21])
    }
}

extension ServiceLine {
    static let columns = "id, prefix, name, target_wait_minutes, daily_cap, is_open, keeps_overnight, default_service_minutes, when_unserved"

    /// `row` comes from `SELECT \(ServiceLine.columns)`.
    init(row: Row) {
        self.init(id: row[0], prefix: row[1], name: row[2], targetWaitMinutes: row[3], dailyCap: row[4], isOpen: row[5],
                  keepsOvernight: row[6], defaultServiceMinutes: row[7],
                  whenUnserved: UnservedIssuePolicy(rawValue: row[8]) ?? .issueWithWarning)
    }
}

extension HallDatabase {
    static func fetchLines(_ db: Database) throws -> [ServiceLine] {
        try db.fetchEach(cachedSQL: "SELECT \(ServiceLine.columns) FROM service_line ORDER BY prefix", ServiceLine.init(row:))
    }

    static func fetchLine(_ db: Database, prefix: String) throws -> ServiceLine {
        guard let line = try db.fetchFirst(cachedSQL: "SELECT \(ServiceLine.columns) FROM service_line WHERE prefix = ?",
                                           arguments: [prefix.uppercased()], ServiceLine.init(row:)) else {
            throw QueueError.unknownLine(prefix)
        }
        return line
    }

    private static let windowColumns = "id, name, filter, state, pause_reason, staff_id, priority_streak"

    /// `row` comes from `SELECT \(windowColumns)`; decoded by position like tickets.
    private static func window(_ row: Row, profile: [ProfileEntry]) -> ServiceWindow {
        ServiceWindow(id: row[0], name: row[1], profile: profile, filter: WindowFilter(rawValue: row[2]) ?? .all,
                      state: WindowState(rawValue: row[3]) ?? .closed, pauseReason: row[4], staffID: row[5], priorityStreak: row[6])
    }

    static func fetchWindows(_ db: Database) throws -> [ServiceWindow] {
        let entries = try Row.fetchAll(db, cachedSQL: "SELECT window_id, line_id, weight FROM window_line ORDER BY window_id, position")
        let profiles = Dictionary(grouping: entries, by: { $0[0] as Int })
        return try Row.fetchAll(db, cachedSQL: "SELECT \(windowColumns) FROM service_window ORDER BY id").map { row in
            window(row, profile: (profiles[row[0]] ?? []).map { ProfileEntry(lineID: $0[1], weight: $0[2]) })
        }
    }

    static func fetchWindow(_ db: Database, id: Int) throws -> ServiceWindow {
        let profile = try db.fetchEach(cachedSQL: "SELECT line_id, weight FROM window_line WHERE window_id = ? ORDER BY position",
                                       arguments: [id]) { ProfileEntry(lineID: $0[0], weight: $0[1]) }
        guard let found = try db.fetchFirst(cachedSQL: "SELECT \(windowColumns) FROM service_window WHERE id = ?", arguments: [id],
                                            { window($0, profile: profile) }) else {
            throw QueueError.unknownWindow(id)
        }
        return found
    }

    /// The ticket a clerk or script means by a code: an open ticket with that code first (it may be from an
    /// earlier day on a line that keeps tickets overnight), else today's, else the latest with that code.
    /// Three seeks rather than one sort: a code is not the first column of any index, and a hall of a million
    /// tickets would otherwise be scanned whole on every intake and every action by code.
    static func fetchTicket(_ db: Database, code: String, businessDate: String) throws -> Ticket {
        let code = code.uppercased()
        let columns = Ticket.columns
        // Today's ticket (the unique index on business day and code): when open, nothing comes before it.
        let today = try db.fetchFirst(cachedSQL: "SELECT \(columns) FROM ticket WHERE business_date = ? AND code = ?",
                                      arguments: [businessDate, code], { Ticket(row: $0) })
        if let today, today.state.isOpen { return today }
        // An open ticket of another day (the partial index of open tickets: a few hundred rows at most).
        if let open = try db.fetchFirst(cachedSQL: """
            SELECT \(columns) FROM ticket WHERE state IN ('waiting','called','serving','held') AND code = ? ORDER BY id DESC LIMIT 1
            """, arguments: [code], { Ticket(row: $0) }) {
            return open
        }
        if let today { return today }
        // The latest ticket with that code, newest first (codes recur every day: found near the end).
        guard let ticket = try db.fetchFirst(cachedSQL: "SELECT \(columns) FROM ticket WHERE code = ? ORDER BY id DESC LIMIT 1",
                                             arguments: [code], { Ticket(row: $0) }) else {
            throw QueueError.unknownTicket(code)
        }
        return ticket
    }

    /// Updates one ticket and returns it as it now is, in one statement (`RETURNING`).
    @discardableResult
    static func updateTicket(_ db: Database, set assignments: String, id: Int64,
                             arguments: StatementArguments = StatementArguments()) throws -> Ticket {
        guard let ticket = try db.fetchFirst(cachedSQL: "UPDATE ticket SET \(assignments) WHERE id = ? RETURNING \(Ticket.columns)",
                                             arguments: arguments + [id], Ticket.init(row:)) else {
            throw QueueError.unknownTicket(String(id))
        }
        return ticket
    }

    static func activeTicket(_ db: Database, window: Int) throws -> Ticket? {
        try db.fetchFirst(cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE window_id = ? AND state IN ('called','serving')",
                          arguments: [window], Ticket.init(row:))
    }

    static func heldTickets(_ db: Database, window: Int) throws -> [Ticket] {
        try Row.fetchAll(db, cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE window_id = ? AND state = 'held' ORDER BY id",
                         arguments: [window]).map(Ticket.init(row:))
    }

    static func announce(_ db: Database, at: Date, ticket: Ticket, window: Int, kind: String) throws {
        try db.execute(cachedSQL: "INSERT INTO announcement(at, ticket_id, code, window_id, kind) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at.millisecondsSince1970, ticket.id, ticket.code, window, kind])
    }
}
