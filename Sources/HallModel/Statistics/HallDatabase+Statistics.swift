import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The figures of a business date (today when nil), from the event log.
    public func statistics(businessDate: String? = nil) throws -> DayStatistics {
        let now = clock.now
        return try read { db in
            let today = try Self.today(db, now)
            let date = try businessDate.map(BusinessCalendar.validateDate) ?? today
            return try Self.dayRecord(db, date: date, today: today, now: now).statistics
        }
    }

    /// What the figures of a business date are folded from — its tickets' events, each window's marks, the moment the
    /// day runs to — and the figures, inside the caller's read transaction (`statistics`, the supervisor's view).
    static func dayRecord(_ db: Database, date: String, today: String, now: Date)
        throws -> (statistics: DayStatistics, events: [DayStatistics.Event], marks: [WindowTimes.Mark], until: Date) {
        let events = try Row.fetchAll(db, cachedSQL: """
            SELECT e.ticket_id, e.kind, e.at, e.window_id, e.staff_id, t.line_id
            FROM ticket t JOIN hall_event e ON e.ticket_id = t.id
            WHERE t.business_date = ? ORDER BY e.id
            """, arguments: [date]).map {
            DayStatistics.Event(ticketID: $0["ticket_id"], kind: $0["kind"], at: Date(millisecondsSince1970: $0["at"]),
                                window: $0["window_id"], lineID: $0["line_id"], staff: $0["staff_id"])
        }
        // What each window did that day: its own events and the ticket events that take or free it.
        let kinds = WindowTimes.markKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let marks = try Row.fetchAll(db, sql: """
            SELECT kind, at, window_id, ticket_id FROM hall_event
            WHERE business_date = ? AND kind IN (\(kinds)) ORDER BY id
            """, arguments: [date]).compactMap { row -> WindowTimes.Mark? in
            guard let kind = EventKind(rawValue: row["kind"]) else { return nil }
            return WindowTimes.Mark(kind: kind, at: Date(millisecondsSince1970: row["at"]), window: row["window_id"], ticketID: row["ticket_id"])
        }
        // Today runs until now; a past day until its last event (its day close, say).
        let lastEvent = try Int64.fetchOne(db, sql: "SELECT MAX(at) FROM hall_event WHERE business_date = ?", arguments: [date])
        let until = date == today ? now : lastEvent.map { Date(millisecondsSince1970: $0) } ?? now
        let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM staff").map { ($0["id"] as String, $0["name"] as String) },
                               uniquingKeysWith: { a, _ in a })
        let statistics = DayStatistics.compute(businessDate: date, events: events, lines: try Self.fetchLines(db), windows: try Self.fetchWindows(db),
                                               windowTimes: WindowTimes.fold(marks, until: until), staffNames: names)
        return (statistics, events, marks, until)
    }
}
