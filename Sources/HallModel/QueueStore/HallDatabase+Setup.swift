import Foundation
import GRDB
import Queue

/// Hall configuration writes: lines and windows (admin), opening and closing lines (supervisor).
extension HallDatabase {
    @discardableResult
    public func addLine(prefix: String, name: String, targetWaitMinutes: Int, dailyCap: Int? = nil, isOpen: Bool = true,
                        keepsOvernight: Bool = false, defaultServiceMinutes: Int = 8, by actor: Actor) throws -> ServiceLine {
        let prefix = try TicketCode.validatePrefix(prefix)
        let name = try FreeText.clean(name, field: FreeText.name, limit: 40)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .configureHall, by: actor)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM service_line WHERE prefix = ?", arguments: [prefix]) == true {
                throw SetupError.lineExists(prefix)
            }
            try db.execute(cachedSQL: """
                INSERT INTO service_line(prefix, name, target_wait_minutes, daily_cap, is_open, keeps_overnight, default_service_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [prefix, name, targetWaitMinutes, dailyCap, isOpen, keepsOvernight, defaultServiceMinutes])
            let line = try Self.fetchLine(db, prefix: prefix)
            try AuditLog.append(db, .lineAdded, by: actor, at: now, businessDate: try Self.today(db, now), lineID: line.id, detail: [
                "prefix": .string(prefix), "name": .string(name), "target_wait_minutes": .int(targetWaitMinutes),
                "daily_cap": .optional(dailyCap), "open": .bool(isOpen), "keeps_overnight": .bool(keepsOvernight),
            ])
            return line
        }
    }

    /// Opens or closes a line for new tickets.
    public func setLineOpen(_ prefix: String, _ isOpen: Bool, by actor: Actor) throws {
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .openCloseLine, by: actor)
            let line = try Self.fetchLine(db, prefix: prefix)
            guard line.isOpen != isOpen else { throw SetupError.lineAlready(line.prefix, open: isOpen) }
            try db.execute(cachedSQL: "UPDATE service_line SET is_open = ? WHERE id = ?", arguments: [isOpen, line.id])
            try AuditLog.append(db, isOpen ? .lineOpened : .lineClosed, by: actor, at: now, businessDate: try Self.today(db, now), lineID: line.id)
        }
    }

    /// Changes how a line behaves (admin): what it does with a new ticket while no window serves it, and whether
    /// its waiting tickets stay overnight. The event names each change, old and new; no change is refused.
    @discardableResult
    public func changeLine(_ prefix: String, whenUnserved: UnservedIssuePolicy? = nil, keepsOvernight: Bool? = nil,
                           by actor: Actor) throws -> ServiceLine {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .configureHall, by: actor)
            let line = try Self.fetchLine(db, prefix: prefix)
            var changes: [String: AuditValue] = [:]
            if let whenUnserved, whenUnserved != line.whenUnserved {
                try db.execute(cachedSQL: "UPDATE service_line SET when_unserved = ? WHERE id = ?", arguments: [whenUnserved.rawValue, line.id])
                changes["when_unserved"] = .object(["from": .string(line.whenUnserved.rawValue), "to": .string(whenUnserved.rawValue)])
            }
            if let keepsOvernight, keepsOvernight != line.keepsOvernight {
                try db.execute(cachedSQL: "UPDATE service_line SET keeps_overnight = ? WHERE id = ?", arguments: [keepsOvernight, line.id])
                changes["keeps_overnight"] = .object(["from": .bool(line.keepsOvernight), "to": .bool(keepsOvernight)])
            }
            guard !changes.isEmpty else { throw SetupError.lineUnchanged(line.prefix) }
            try AuditLog.append(db, .lineChanged, by: actor, at: now, businessDate: try Self.today(db, now), lineID: line.id, detail: changes)
            return try Self.fetchLine(db, prefix: prefix)
        }
    }

    /// A window with its profile: line prefixes in calling-preference order, with weights. Created closed:
    /// a clerk opens it by signing in.
    @discardableResult
    public func addWindow(id: Int, name: String, lines: [(prefix: String, weight: Double)], filter: WindowFilter = .all,
                          by actor: Actor) throws -> ServiceWindow {
        let name = try FreeText.clean(name, field: FreeText.name, limit: 40)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .configureHall, by: actor)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM service_window WHERE id = ?", arguments: [id]) == true {
                throw SetupError.windowExists(id)
            }
            try db.execute(cachedSQL: "INSERT INTO service_window(id, name, filter, state) VALUES (?, ?, ?, 'closed')",
                           arguments: [id, name, filter.rawValue])
            for (position, entry) in try Self.profileEntries(db, lines).enumerated() {
                try db.execute(cachedSQL: "INSERT INTO window_line(window_id, line_id, position, weight) VALUES (?, ?, ?, ?)",
                               arguments: [id, entry.lineID, position, entry.weight])
            }
            try AuditLog.append(db, .windowAdded, by: actor, at: now, businessDate: try Self.today(db, now), window: id, detail: [
                "name": .string(name), "filter": .string(filter.rawValue),
                "lines": .string(lines.map { "\($0.prefix.uppercased()):\($0.weight)" }.joined(separator: ",")),
            ])
            return try Self.fetchWindow(db, id: id)
        }
    }

    /// Changes a window's profile (a supervisor or an admin): the lines it calls, in order of preference, with their
    /// weights, and its filter — what `addWindow` set (nil keeps what the window has). It takes effect at the window's
    /// next call; a ticket called or served there stays. The event names the profile before and after; no change is refused.
    @discardableResult
    public func setWindowProfile(window id: Int, lines: [(prefix: String, weight: Double)]?, filter: WindowFilter? = nil,
                                 by actor: Actor) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .setWindowProfile, by: actor)
            let window = try Self.fetchWindow(db, id: id)
            let entries = try lines.map { try Self.profileEntries(db, $0) } ?? window.profile
            let filter = filter ?? window.filter
            guard entries != window.profile || filter != window.filter else { throw SetupError.windowUnchanged(id) }
            let byID = Dictionary(uniqueKeysWithValues: try Self.fetchLines(db).map { ($0.id, $0.prefix) })
            func text(_ profile: [ProfileEntry]) -> String {
                profile.map { "\(byID[$0.lineID] ?? "?"):\($0.weight)" }.joined(separator: ",")
            }
            try db.execute(cachedSQL: "DELETE FROM window_line WHERE window_id = ?", arguments: [id])
            for (position, entry) in entries.enumerated() {
                try db.execute(cachedSQL: "INSERT INTO window_line(window_id, line_id, position, weight) VALUES (?, ?, ?, ?)",
                               arguments: [id, entry.lineID, position, entry.weight])
            }
            try db.execute(cachedSQL: "UPDATE service_window SET filter = ? WHERE id = ?", arguments: [filter.rawValue, id])
            try AuditLog.append(db, .windowProfileSet, by: actor, at: now, businessDate: try Self.today(db, now), window: id,
                                staff: window.staffID, detail: [
                                    "lines": .string(text(entries)), "filter": .string(filter.rawValue),
                                    "from_lines": .string(text(window.profile)), "from_filter": .string(window.filter.rawValue),
                                ])
            return try Self.fetchWindow(db, id: id)
        }
    }

    /// A profile's lines by prefix, checked: at least one, each line once and known, weights above 0 and at most 100.
    static func profileEntries(_ db: Database, _ lines: [(prefix: String, weight: Double)]) throws -> [ProfileEntry] {
        guard !lines.isEmpty else { throw SetupError.emptyProfile }
        var seen: Set<Int64> = []
        return try lines.map { entry in
            guard entry.weight > 0, entry.weight <= 100 else { throw SetupError.badWeight(entry.prefix.uppercased()) }
            let line = try fetchLine(db, prefix: entry.prefix)
            guard seen.insert(line.id).inserted else { throw SetupError.lineTwiceInProfile(line.prefix) }
            return ProfileEntry(lineID: line.id, weight: entry.weight)
        }
    }

    /// True when the hall has no lines yet (a fresh file).
    public func isUnconfigured() throws -> Bool {
        try read { db in try Int.fetchOne(db, cachedSQL: "SELECT COUNT(*) FROM service_line") == 0 }
    }
}
