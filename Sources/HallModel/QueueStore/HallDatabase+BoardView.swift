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
        public init(prefix: String, name: String, isOpen: Bool, waiting: Int) {
            self.prefix = prefix; self.name = name; self.isOpen = isOpen; self.waiting = waiting
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

    public var hallName: String
    public var timeZone: TimeZone
    public var lines: [Line]
    /// Newest first.
    public var announcements: [Announcement]

    public init(hallName: String, timeZone: TimeZone, lines: [Line], announcements: [Announcement]) {
        self.hallName = hallName; self.timeZone = timeZone; self.lines = lines; self.announcements = announcements
    }
}

extension HallDatabase {
    /// One read transaction. Cheaper than `snapshot()` (no windows, no staff), because the board reloads it
    /// after every commit anyone makes.
    public func boardView(announcementLimit: Int = 30) throws -> BoardView {
        try read { db in
            let settings = try HallSettings.load(db)
            let counts = Dictionary(
                try Row.fetchAll(db, sql: "SELECT line_id, COUNT(*) AS n FROM ticket WHERE state = 'waiting' GROUP BY line_id")
                    .map { ($0["line_id"] as Int64, $0["n"] as Int) },
                uniquingKeysWith: +)
            let lines = try Self.fetchLines(db).map {
                BoardView.Line(prefix: $0.prefix, name: $0.name, isOpen: $0.isOpen, waiting: counts[$0.id] ?? 0)
            }
            let announcements = try Row.fetchAll(db, sql: "SELECT id, at, code, window_id, kind FROM announcement ORDER BY id DESC LIMIT ?",
                                                 arguments: [announcementLimit]).map {
                BoardView.Announcement(id: $0["id"], at: Date(millisecondsSince1970: $0["at"]), code: $0["code"],
                                       window: $0["window_id"], isRecall: ($0["kind"] as String) == "recall")
            }
            return BoardView(hallName: settings.hallName, timeZone: settings.businessCalendar.timeZone,
                             lines: lines, announcements: announcements)
        }
    }
}
