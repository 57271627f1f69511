import Foundation
import GRDB
import Queue

/// Hall configuration writes: lines, windows, staff. Used by `desk init --demo`, tests and (later) admin screens.
extension HallDatabase {
    @discardableResult
    public func addLine(prefix: String, name: String, targetWaitMinutes: Int, dailyCap: Int? = nil, isOpen: Bool = true,
                        keepsOvernight: Bool = false, defaultServiceMinutes: Int = 8) throws -> ServiceLine {
        let prefix = try TicketCode.validatePrefix(prefix)
        return try perform { db in
            try db.execute(cachedSQL: """
                INSERT INTO service_line(prefix, name, target_wait_minutes, daily_cap, is_open, keeps_overnight, default_service_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [prefix, name, targetWaitMinutes, dailyCap, isOpen, keepsOvernight, defaultServiceMinutes])
            return try Self.fetchLine(db, prefix: prefix)
        }
    }

    /// Opens or closes a line for new tickets.
    public func setLineOpen(_ prefix: String, _ isOpen: Bool) throws {
        try perform { db in
            let line = try Self.fetchLine(db, prefix: prefix)
            try db.execute(cachedSQL: "UPDATE service_line SET is_open = ? WHERE id = ?", arguments: [isOpen, line.id])
        }
    }

    public func addStaff(id: String, name: String, role: String = "clerk") throws {
        try perform { db in
            try db.execute(cachedSQL: "INSERT INTO staff(id, name, role) VALUES (?, ?, ?)", arguments: [id, name, role])
        }
    }

    /// A window with its profile: line prefixes in calling-preference order, with weights.
    @discardableResult
    public func addWindow(id: Int, name: String, lines: [(prefix: String, weight: Double)], filter: WindowFilter = .all,
                          state: WindowState = .closed, staff: String? = nil) throws -> ServiceWindow {
        try perform { db in
            try db.execute(cachedSQL: "INSERT INTO service_window(id, name, filter, state, staff_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, name, filter.rawValue, state.rawValue, staff])
            for (position, entry) in lines.enumerated() {
                let line = try Self.fetchLine(db, prefix: entry.prefix)
                try db.execute(cachedSQL: "INSERT INTO window_line(window_id, line_id, position, weight) VALUES (?, ?, ?, ?)",
                               arguments: [id, line.id, position, entry.weight])
            }
            return try Self.fetchWindow(db, id: id)
        }
    }

    /// True when the hall has no lines yet (a fresh file).
    public func isUnconfigured() throws -> Bool {
        try read { db in try Int.fetchOne(db, cachedSQL: "SELECT COUNT(*) FROM service_line") == 0 }
    }
}
