import Foundation
import GRDB
import Queue

public struct DayCloseSummary: Sendable, Equatable {
    public var businessDate: String
    public var closedUnserved: Int
    public var keptOvernight: Int
    public var windowsClosed: Int
}

extension HallDatabase {
    /// Day end, in one transaction: every open ticket becomes `unserved` (one event each), except waiting
    /// tickets of lines that keep tickets overnight; every window is closed and signed out.
    public func closeDay() throws -> DayCloseSummary {
        let now = clock.now
        return try perform { db in
            let today = try Self.today(db, now)
            let open = try Row.fetchAll(db, cachedSQL: """
                SELECT \(Ticket.columns) FROM ticket WHERE state IN ('waiting','called','serving','held')
                """).map(Ticket.init(row:))
            let overnight = Set(try Int64.fetchAll(db, cachedSQL: "SELECT id FROM service_line WHERE keeps_overnight"))
            var closed = 0, kept = 0
            for ticket in open {
                if overnight.contains(ticket.lineID) {
                    // Kept tickets go back to the queue, in their place, so tomorrow starts clean at the windows.
                    kept += 1
                    if ticket.state != .waiting {
                        try db.execute(cachedSQL: "UPDATE ticket SET state = 'waiting', window_id = NULL WHERE id = ?", arguments: [ticket.id])
                        try Self.logEvent(db, at: now, businessDate: today, kind: "requeue", ticket: ticket, window: ticket.windowID, detail: "day_close")
                    }
                    continue
                }
                _ = try TicketLifecycle.apply(.dayClose, to: ticket.state, code: ticket.code)
                try db.execute(cachedSQL: "UPDATE ticket SET state = 'unserved', finished_at = ? WHERE id = ?",
                               arguments: [now.millisecondsSince1970, ticket.id])
                try Self.logEvent(db, at: now, businessDate: today, kind: "unserved", ticket: ticket, window: ticket.windowID)
                closed += 1
            }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'closed', pause_reason = NULL, staff_id = NULL, priority_streak = 0 WHERE state != 'closed'")
            let windows = db.changesCount
            try Self.logEvent(db, at: now, businessDate: today, kind: "day_close", detail: "unserved=\(closed) kept=\(kept)")
            return DayCloseSummary(businessDate: today, closedUnserved: closed, keptOvernight: kept, windowsClosed: windows)
        }
    }
}
