import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The figures of a business date (today when nil), from the event log.
    public func statistics(businessDate: String? = nil) throws -> DayStatistics {
        let now = clock.now
        return try read { db in
            let date = try businessDate.map(BusinessCalendar.validateDate) ?? Self.today(db, now)
            let events = try Row.fetchAll(db, cachedSQL: """
                SELECT e.ticket_id, e.kind, e.at, e.window_id, t.line_id
                FROM ticket t JOIN hall_event e ON e.ticket_id = t.id
                WHERE t.business_date = ? ORDER BY e.id
                """, arguments: [date]).map {
                DayStatistics.Event(ticketID: $0["ticket_id"], kind: $0["kind"], at: Date(millisecondsSince1970: $0["at"]),
                                    window: $0["window_id"], lineID: $0["line_id"])
            }
            return DayStatistics.compute(businessDate: date, events: events, lines: try Self.fetchLines(db), windows: try Self.fetchWindows(db))
        }
    }
}
