import Foundation
import GRDB
import Queue

/// The live hall, as `desk queue`, the board and the supervisor see it.
public struct HallSnapshot: Sendable, Equatable {
    public struct LineStatus: Sendable, Equatable {
        public var line: ServiceLine
        public var waiting: Int
        /// Seconds the longest-waiting ticket has waited (0 when none waits).
        public var longestWaitSeconds: Int
    }
    public struct WindowStatus: Sendable, Equatable {
        public var window: ServiceWindow
        public var staffName: String?
        public var current: Ticket?
        public var held: Int
        /// open / serving / paused / closed, as the hall speaks of it.
        public var displayState: String { current != nil && window.state != .closed ? "serving" : window.state.rawValue }
    }
    public struct Announcement: Sendable, Equatable {
        public var id: Int64
        public var at: Date
        public var code: String
        public var window: Int
        public var isRecall: Bool
    }

    public var hallName: String
    public var businessDate: String
    public var now: Date
    public var lines: [LineStatus]
    public var windows: [WindowStatus]
    public var announcements: [Announcement]
}

extension HallDatabase {
    /// One read transaction: a consistent picture. Uses only the partial indexes of open tickets, so it stays
    /// fast however much history the file holds.
    public func snapshot(announcementLimit: Int = 10) throws -> HallSnapshot {
        let now = clock.now
        return try read { db in try Self.snapshot(db, now: now, announcementLimit: announcementLimit) }
    }

    /// `snapshot()` inside a read transaction of the caller's (the supervisor's view reads it with its other parts).
    static func snapshot(_ db: Database, now: Date, announcementLimit: Int) throws -> HallSnapshot {
        let settings = try HallSettings.load(db)
        let today = settings.businessCalendar.businessDate(of: now)
        let dayStart = TodaysQueue.dayStart(now, in: settings.businessCalendar.timeZone)
        let waiting = try Row.fetchAll(db, cachedSQL: """
            SELECT line_id, COUNT(*) AS n, MIN(queued_at) AS oldest FROM ticket WHERE state = 'waiting' AND \(TodaysQueue.condition())
            GROUP BY line_id
            """, arguments: [today])
        var counts: [Int64: (Int, Int64)] = [:]
        for row in waiting { counts[row["line_id"]] = (row["n"], row["oldest"]) }
        let lines = try Self.fetchLines(db).map { line -> HallSnapshot.LineStatus in
            let (n, oldest) = counts[line.id] ?? (0, now.millisecondsSince1970)
            return .init(line: line, waiting: n, longestWaitSeconds: max(0, Int((now.millisecondsSince1970 - oldest) / 1000)))
        }
        let names = Dictionary(try Row.fetchAll(db, cachedSQL: "SELECT id, name FROM staff").map { ($0["id"] as String, $0["name"] as String) },
                               uniquingKeysWith: { a, _ in a })
        let active = Dictionary(try Row.fetchAll(db, cachedSQL: """
            SELECT \(Ticket.columns) FROM ticket WHERE state IN ('called','serving') AND \(TodaysQueue.condition())
            """, arguments: [today])
            .map(Ticket.init(row:)).compactMap { t in t.windowID.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        let held = Dictionary(try Row.fetchAll(db, cachedSQL: """
            SELECT window_id, COUNT(*) AS n FROM ticket WHERE state = 'held' AND \(TodaysQueue.condition()) GROUP BY window_id
            """, arguments: [today])
            .map { ($0["window_id"] as Int, $0["n"] as Int) }, uniquingKeysWith: { a, _ in a })
        let windows = try Self.fetchWindows(db).map { w in
            HallSnapshot.WindowStatus(window: w, staffName: w.staffID.flatMap { names[$0] }, current: active[w.id], held: held[w.id] ?? 0)
        }
        let announcements = try Row.fetchAll(db, cachedSQL: """
            SELECT a.id, a.at, a.code, a.window_id, a.kind FROM announcement a JOIN ticket t ON t.id = a.ticket_id
            WHERE \(TodaysQueue.announcementCondition) ORDER BY a.id DESC LIMIT ?
            """, arguments: [today, dayStart, announcementLimit]).map {
            HallSnapshot.Announcement(id: $0["id"], at: Date(millisecondsSince1970: $0["at"]), code: $0["code"],
                                      window: $0["window_id"], isRecall: ($0["kind"] as String) == "recall")
        }
        return HallSnapshot(hallName: settings.hallName, businessDate: today, now: now,
                            lines: lines, windows: windows, announcements: announcements)
    }

    /// The waiting tickets a window would call from, in the order the policy would call them (simulated
    /// without writing: the policy is applied repeatedly to what is left).
    public func callingOrder(window windowID: Int, limit: Int = 20) throws -> [Ticket] {
        try callingDecisions(window: windowID, limit: limit).map(\.ticket)
    }

    /// `callingOrder` with the reason the policy would give for each call (why an appointment goes first).
    /// Only today's tickets and those of lines that keep tickets overnight, as `callNext` calls them.
    public func callingDecisions(window windowID: Int, limit: Int = 20) throws -> [(ticket: Ticket, reason: CallingPolicy.Reason)] {
        let now = clock.now
        return try read { db in
            let settings = try HallSettings.load(db)
            var window = try Self.fetchWindow(db, id: windowID)
            let ids = window.profile.map(\.lineID)
            guard !ids.isEmpty else { return [] }
            var lines: [Int64: ServiceLine] = [:]
            for line in try Self.fetchLines(db) where window.serves(lineID: line.id) { lines[line.id] = line }
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            let today = settings.businessCalendar.businessDate(of: now)
            // Simulating over at most a few hundred per line keeps this cheap for the screen.
            let all = try Row.fetchAll(db, cachedSQL: """
                SELECT \(Ticket.columns) FROM ticket WHERE state = 'waiting' AND line_id IN (\(marks)) AND \(TodaysQueue.condition())
                ORDER BY queued_at, id LIMIT 2000
                """, arguments: StatementArguments(ids) + [today]).map(Ticket.init(row:))
            var byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            var pool = all.map(WaitingTicket.init(ticket:))
            var order: [(ticket: Ticket, reason: CallingPolicy.Reason)] = []
            while order.count < limit,
                  let decision = settings.callingPolicy.choose(window: window, lines: lines, candidates: pool, now: now) {
                if let t = byID.removeValue(forKey: decision.ticket.id) { order.append((t, decision.reason)) }
                pool.removeAll { $0.id == decision.ticket.id }
                window.priorityStreak = decision.priorityStreak
            }
            return order
        }
    }
}
