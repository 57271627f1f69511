import Foundation
import GRDB
import Queue

/// What the display board shows, and nothing more: ticket codes, window numbers, line names and counts.
/// No citizen, proxy or staff column is read, so no identity can reach a wall screen.
public struct BoardView: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var prefix: String
        public var name: String
        public var isOpen: Bool
        public var waiting: Int
        /// Why nobody serves the line now, nil when somebody does: the one rule (`LineUnservedReason.judge`,
        /// through `HallDatabase.serving`) the kiosk and `desk ticket issue` follow too.
        public var unservedReason: LineUnservedReason?
        public init(prefix: String, name: String, isOpen: Bool, waiting: Int, unservedReason: LineUnservedReason? = nil) {
            self.prefix = prefix; self.name = name; self.isOpen = isOpen; self.waiting = waiting; self.unservedReason = unservedReason
        }
    }

    /// What a staffed window is doing now, as the board's window panel shows it.
    public enum WindowActivity: Sendable, Equatable {
        /// A ticket called to the window and not yet started.
        case calling(code: String)
        case serving(code: String)
        /// Open with no ticket.
        case idle
        /// Paused with no ticket (a paused window still serving shows its ticket). The reason is not shown:
        /// it is free text a clerk typed.
        case paused
    }

    /// One row of the window panel: an open or paused window and its ticket.
    public struct WindowRow: Sendable, Equatable {
        public var number: Int
        public var name: String
        public var activity: WindowActivity
        public init(number: Int, name: String, activity: WindowActivity) {
            self.number = number; self.name = name; self.activity = activity
        }
    }

    public struct Announcement: Sendable, Equatable {
        public var id: Int64
        public var at: Date
        public var code: String
        public var window: Int
        public var isRecall: Bool
        public init(id: Int64, at: Date, code: String, window: Int, isRecall: Bool) {
            self.id = id; self.at = at; self.code = code; self.window = window; self.isRecall = isRecall
        }
    }

    /// One row of the recent-calls list: a ticket at a window, however often it was recalled.
    public struct RecentCall: Sendable, Equatable {
        public var code: String
        public var window: Int
        /// The last call or recall.
        public var at: Date
        public var recalls: Int
        public init(code: String, window: Int, at: Date, recalls: Int) {
            self.code = code; self.window = window; self.at = at; self.recalls = recalls
        }
    }

    public var hallName: String
    public var timeZone: TimeZone
    public var lines: [Line]
    /// Newest first: every call and recall of today's tickets (the flash and the voice follow these).
    public var announcements: [Announcement]
    /// The big call sentence: the newest announcement whose ticket is still called or served at that window
    /// (a no-show, a finish or a transfer hands the headline to the one before); nil when none is.
    public var headline: Announcement?
    /// Newest first: one row per ticket still called, served, finished or held at its window; a recall
    /// updates its row, and a no-show, a cancel or a return to the queue takes it off.
    public var recentCalls: [RecentCall]
    /// Open and paused windows by number (closed ones are not staffed and are left off).
    public var windows: [WindowRow]

    /// `recentCalls` nil: folded from `announcements` (every ticket treated as still at its window).
    /// `headline` left out: the newest announcement (every ticket treated as still at its window); `.some(nil)`: none.
    public init(hallName: String, timeZone: TimeZone, lines: [Line], announcements: [Announcement], recentCalls: [RecentCall]? = nil,
                windows: [WindowRow] = [], headline: Announcement?? = nil) {
        self.hallName = hallName; self.timeZone = timeZone; self.lines = lines; self.announcements = announcements
        self.headline = headline ?? announcements.first
        self.recentCalls = recentCalls ?? Self.fold(announcements)
        self.windows = windows
    }

    /// Lines nobody serves now (day closed, out of hours, every window paused, none open): the window panel
    /// says so for each, with the reason.
    public var unservedLines: [Line] { lines.filter { $0.unservedReason != nil } }

    static func fold(_ announcements: [Announcement]) -> [RecentCall] {
        var rows: [RecentCall] = []
        for a in announcements {
            if let i = rows.firstIndex(where: { $0.code == a.code && $0.window == a.window }) {
                if a.isRecall { rows[i].recalls += 1 }
            } else {
                rows.append(RecentCall(code: a.code, window: a.window, at: a.at, recalls: a.isRecall ? 1 : 0))
            }
        }
        return rows
    }
}

extension HallDatabase {
    /// One read transaction. Cheaper than `snapshot()` (no windows, no staff), because the board reloads it
    /// after every commit anyone makes.
    public func boardView(announcementLimit: Int = 30) throws -> BoardView {
        let now = clock.now
        return try read { db in
            let settings = try HallSettings.load(db)
            let zone = settings.businessCalendar.timeZone
            let today = settings.businessCalendar.businessDate(of: now)
            let dayStart = TodaysQueue.dayStart(now, in: zone)
            let hours = try HallHours.load(db, settings: settings, now: now, today: today)
            let counts = Dictionary(
                try Row.fetchAll(db, cachedSQL: """
                    SELECT line_id, COUNT(*) AS n FROM ticket WHERE state = 'waiting' AND \(TodaysQueue.condition()) GROUP BY line_id
                    """, arguments: [today])
                    .map { ($0["line_id"] as Int64, $0["n"] as Int) },
                uniquingKeysWith: +)
            let lines = try Self.fetchLines(db).map {
                BoardView.Line(prefix: $0.prefix, name: $0.name, isOpen: $0.isOpen, waiting: counts[$0.id] ?? 0,
                               unservedReason: try Self.serving(db, line: $0, hours: hours).reason)
            }
            let windows = try Row.fetchAll(db, sql: """
                SELECT w.id, w.name, w.state, t.code, t.state AS ticket_state FROM service_window w
                LEFT JOIN ticket t ON t.window_id = w.id AND t.state IN ('called', 'serving') AND \(TodaysQueue.condition("t"))
                WHERE w.state IN ('open', 'paused') ORDER BY w.id
                """, arguments: [today]).map { row -> BoardView.WindowRow in
                let activity: BoardView.WindowActivity
                switch (row["code"] as String?, (row["ticket_state"] as String?).flatMap(TicketState.init(rawValue:))) {
                case (let code?, .serving?): activity = .serving(code: code)
                case (let code?, _): activity = .calling(code: code)
                default: activity = WindowState(rawValue: row["state"] as String) == .paused ? .paused : .idle
                }
                return BoardView.WindowRow(number: row["id"], name: row["name"], activity: activity)
            }
            let announced = try Row.fetchAll(db, cachedSQL: """
                SELECT a.id, a.at, a.code, a.window_id, a.kind, t.state IN ('called', 'serving') AND t.window_id = a.window_id AS current
                FROM announcement a JOIN ticket t ON t.id = a.ticket_id
                WHERE \(TodaysQueue.announcementCondition) ORDER BY a.id DESC LIMIT ?
                """, arguments: [today, dayStart, announcementLimit]).map {
                (BoardView.Announcement(id: $0["id"], at: Date(millisecondsSince1970: $0["at"]), code: $0["code"],
                                        window: $0["window_id"], isRecall: ($0["kind"] as String) == "recall"), ($0["current"] as Bool?) ?? false)
            }
            let announcements = announced.map(\.0)
            // The last 200 announcements are plenty for a list of `announcementLimit` rows, and keep the scan
            // bounded whatever the history.
            let recent = try Row.fetchAll(db, sql: """
                SELECT a.code, a.window_id, MAX(a.id) AS last, MAX(a.at) AS at, SUM(a.kind = 'recall') AS recalls
                FROM announcement a JOIN ticket t ON t.id = a.ticket_id
                WHERE a.id > (SELECT COALESCE(MAX(id), 0) - 200 FROM announcement)
                  AND t.state IN ('called', 'serving', 'finished', 'held') AND t.window_id = a.window_id
                  AND \(TodaysQueue.announcementCondition)
                GROUP BY a.ticket_id, a.window_id ORDER BY last DESC LIMIT ?
                """, arguments: [today, dayStart, announcementLimit]).map {
                BoardView.RecentCall(code: $0["code"], window: $0["window_id"], at: Date(millisecondsSince1970: $0["at"]), recalls: $0["recalls"])
            }
            return BoardView(hallName: settings.hallName, timeZone: zone, lines: lines, announcements: announcements,
                             recentCalls: recent, windows: windows, headline: .some(announced.first(where: \.1)?.0))
        }
    }
}
