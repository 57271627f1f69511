import Foundation
import GRDB
import Queue

/// Where a transferred ticket came from: the line and window it left, and the note it carried then.
public struct TransferOrigin: Sendable, Equatable {
    /// The line it left (nil only if that line is gone from the hall).
    public var line: ServiceLine?
    public var window: Int?
    public var windowName: String?
    public var note: String?
    public var at: Date

    public init(line: ServiceLine?, window: Int?, windowName: String?, note: String?, at: Date) {
        self.line = line; self.window = window; self.windowName = windowName; self.note = note; self.at = at
    }
}

/// Everything the record says about one ticket: its row, and each of its events in order, with the window,
/// clerk and line names resolved. Built from the event log (`hall_event`), the same record `audit verify`
/// folds; `desk ticket show` prints it, the window screen takes the transfer origin and the time held from it.
public struct TicketHistory: Sendable, Equatable {
    /// One event of the ticket.
    public struct Step: Sendable, Equatable {
        public var kind: EventKind
        public var at: Date
        /// Who acted: a staff number, `@kiosk`…
        public var actor: String
        public var window: Int?
        public var windowName: String?
        /// The clerk at the window the step concerns.
        public var staffID: String?
        public var staffName: String?
        /// The ticket's line after the step (its prefix).
        public var line: String?
        /// A transfer: the line it left.
        public var fromLine: String?
        /// A transfer: where it queued in the new line.
        public var placement: TransferPlacement?
        /// A call: why the calling policy chose it.
        public var callReason: CallingPolicy.Reason?
        /// A cancel or reopen, or a supervisor's move (a `transfer` at no counter): the reason given.
        public var reason: String?
        /// A note set (nil: cleared), or the note a transfer carried.
        public var note: String?
    }

    /// A time the ticket was on hold: from the hold until the step that ended it (nil: still held).
    public struct Hold: Sendable, Equatable {
        public var at: Date
        public var window: Int?
        public var windowName: String?
        public var until: Date?
        /// What ended it: called back, transferred, cancelled, closed at day end…
        public var endedBy: EventKind?
    }

    public var ticket: Ticket
    /// The line it is in now, and the line it was issued in (the code's prefix).
    public var line: ServiceLine
    public var originLine: ServiceLine
    /// The window it is (or was last) at, and the clerk who last dealt with it there.
    public var windowName: String?
    public var staffID: String?
    public var staffName: String?
    public var steps: [Step]

    /// Calls, recalls and call-backs from hold, in order.
    public var calls: [Step] { steps.filter { [.call, .recall, .resume].contains($0.kind) } }
    public var transfers: [Step] { steps.filter { $0.kind == .transfer } }

    public var holds: [Hold] {
        var result: [Hold] = []
        for (i, step) in steps.enumerated() where step.kind == .hold {
            let end = steps[(i + 1)...].first { $0.kind.ticketStateAfter != nil }
            result.append(Hold(at: step.at, window: step.window, windowName: step.windowName, until: end?.at, endedBy: end?.kind))
        }
        return result
    }

    /// Since when the ticket is held (nil when it is not on hold now).
    public var heldSince: Date? {
        guard ticket.state == .held else { return nil }
        return holds.last?.at
    }

    /// Where the last transfer brought it from (nil: never transferred).
    public func origin(lines: [ServiceLine]) -> TransferOrigin? {
        guard let last = transfers.last else { return nil }
        return TransferOrigin(line: lines.first { $0.prefix == last.fromLine }, window: last.window, windowName: last.windowName,
                              note: last.note, at: last.at)
    }
}

extension HallDatabase {
    /// One ticket's history: today's (or the open one's) by code, or the one of `businessDate` (YYYY-MM-DD).
    public func ticketHistory(code: String, businessDate: String? = nil) throws -> TicketHistory {
        let date = try businessDate.map { try CivilDate(parsing: $0).description }
        let now = clock.now
        return try read { db in
            let ticket: Ticket
            if let date {
                guard let found = try db.fetchFirst(cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE code = ? AND business_date = ?",
                                                    arguments: [code.uppercased(), date], Ticket.init(row:)) else {
                    throw QueueError.unknownTicketOn(code: code.uppercased(), date: date)
                }
                ticket = found
            } else {
                ticket = try Self.fetchTicket(db, code: code, businessDate: try HallSettings.load(db).businessCalendar.businessDate(of: now))
            }
            return try Self.history(db, of: ticket, lines: try Self.fetchLines(db))
        }
    }

    static func history(_ db: Database, of ticket: Ticket, lines: [ServiceLine]) throws -> TicketHistory {
        func line(_ id: Int64) -> ServiceLine {
            lines.first { $0.id == id } ?? ServiceLine(id: id, prefix: "?", name: "?", targetWaitMinutes: 1)
        }
        let steps = try steps(db, ticketID: ticket.id)
        let last = steps.last { $0.window != nil && $0.staffID != nil }
        let windowName = try ticket.windowID.flatMap {
            try String.fetchOne(db, cachedSQL: "SELECT name FROM service_window WHERE id = ?", arguments: [$0])
        }
        return TicketHistory(ticket: ticket, line: line(ticket.lineID), originLine: line(ticket.originLineID), windowName: windowName,
                             staffID: last?.staffID, staffName: last?.staffName, steps: steps)
    }

    /// The ticket's events in order, with names resolved (an index seek on `hall_event_ticket`: a handful of rows).
    static func steps(_ db: Database, ticketID: Int64) throws -> [TicketHistory.Step] {
        struct Detail: Decodable {
            var reason: String?, note: String?, placement: String?
        }
        var previousLine: String?
        return try db.fetchEach(cachedSQL: """
            SELECT e.kind, e.at, e.actor, e.window_id, w.name, e.staff_id, s.name, l.prefix, e.detail
            FROM hall_event e
            LEFT JOIN service_window w ON w.id = e.window_id
            LEFT JOIN staff s ON s.id = e.staff_id
            LEFT JOIN service_line l ON l.id = e.line_id
            WHERE e.ticket_id = ? ORDER BY e.id
            """, arguments: [ticketID]) { row -> TicketHistory.Step? in
            guard let kind = (row[0] as String?).flatMap(EventKind.init(rawValue:)) else { return nil }
            let detail = (row[8] as String?).flatMap { try? JSONDecoder().decode(Detail.self, from: Data($0.utf8)) }
            let line: String? = row[7]
            var step = TicketHistory.Step(kind: kind, at: Date(millisecondsSince1970: row[1]), actor: row[2], window: row[3],
                                          windowName: row[4], staffID: row[5], staffName: row[6], line: line)
            switch kind {
            case .call: step.callReason = detail?.reason.flatMap(CallingPolicy.Reason.init(rawValue:))
            case .cancel, .reopen: step.reason = detail?.reason
            case .ticketNote: step.note = detail?.note
            case .transfer:
                step.reason = detail?.reason
                step.fromLine = previousLine
                step.placement = detail?.placement.flatMap(TransferPlacement.init(rawValue:))
                step.note = detail?.note
            default: break
            }
            if line != nil { previousLine = line }
            return step
        }.compactMap { $0 }
    }
}
