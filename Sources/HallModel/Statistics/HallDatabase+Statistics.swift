import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The figures of a business date (today when nil), from the event log.
    public func statistics(businessDate: String? = nil) throws -> DayStatistics {
        let now = clock.now
        return try read { db in
            let today = try Self.today(db, now)
            let date = try CivilDate(parsing: try businessDate.map(BusinessCalendar.validateDate) ?? today)
            return try Self.periodStatistics(db, first: date, last: date, now: now).total
        }
    }

    /// The ticket figures of the business dates `first`…`last` from the event log, in the caller's read: over the whole
    /// span (`total`: percentiles over all its waits; window and staff times the sum of the days') and, when the span
    /// is longer than a day, each date with tickets on its own (`days`, in date order).
    /// `events` and `marks`: what the figures were folded from, over the whole span, in log order (the supervisor's
    /// view draws today's curves from them without reading the log twice).
    static func periodStatistics(_ db: Database, first: CivilDate, last: CivilDate, now: Date)
        throws -> (total: DayStatistics, days: [DayStatistics], events: [DayStatistics.Event], marks: [WindowTimes.Mark]) {
        let settings = try HallSettings.load(db)
        let today = settings.businessCalendar.businessDate(of: now)
        let range: StatementArguments = [first.description, last.description]
        var eventsByDate: [String: [DayStatistics.Event]] = [:]
        var all: [DayStatistics.Event] = []
        for row in try Row.fetchAll(db, cachedSQL: """
            SELECT e.ticket_id, e.kind, e.at, e.window_id, e.staff_id, t.line_id, t.business_date
            FROM ticket t JOIN hall_event e ON e.ticket_id = t.id
            WHERE t.business_date BETWEEN ? AND ? ORDER BY e.id
            """, arguments: range) {
            let event = DayStatistics.Event(ticketID: row["ticket_id"], kind: row["kind"], at: Date(millisecondsSince1970: row["at"]),
                                            window: row["window_id"], lineID: row["line_id"], staff: row["staff_id"])
            all.append(event)
            eventsByDate[row["business_date"], default: []].append(event)
        }
        // What each window did each day: its own events and the ticket events that take or free it.
        let kinds = WindowTimes.markKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var marksByDate: [String: [WindowTimes.Mark]] = [:], allMarks: [WindowTimes.Mark] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT kind, at, window_id, ticket_id, staff_id, business_date FROM hall_event
            WHERE business_date BETWEEN ? AND ? AND kind IN (\(kinds)) ORDER BY id
            """, arguments: range) {
            guard let kind = EventKind(rawValue: row["kind"]) else { continue }
            let mark = WindowTimes.Mark(kind: kind, at: Date(millisecondsSince1970: row["at"]), window: row["window_id"],
                                        ticketID: row["ticket_id"], staff: row["staff_id"])
            marksByDate[row["business_date"], default: []].append(mark)
            allMarks.append(mark)
        }
        // Today runs until now; a past day until its last event (its day close, say).
        let lastEvents = Dictionary(try Row.fetchAll(db, sql: """
            SELECT business_date, MAX(at) FROM hall_event WHERE business_date BETWEEN ? AND ? GROUP BY business_date
            """, arguments: range).map { ($0[0] as String, Date(millisecondsSince1970: $0[1] as Int64)) }, uniquingKeysWith: { a, _ in a })
        var windowTimes: [String: [Int: WindowTimes]] = [:], staffTimes: [String: [String: WindowTimes]] = [:]
        for (date, marks) in marksByDate {
            let until = date == today ? now : lastEvents[date] ?? now
            let folded = WindowTimes.foldByWindowAndStaff(marks, until: until)
            windowTimes[date] = folded.windows
            staffTimes[date] = folded.staff
        }
        let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM staff").map { ($0["id"] as String, $0["name"] as String) },
                               uniquingKeysWith: { a, _ in a })
        let lines = try fetchLines(db), windows = try fetchWindows(db)
        let zone = settings.businessCalendar.timeZone
        func compute(_ label: String, _ events: [DayStatistics.Event], _ windowTimes: [Int: WindowTimes], _ staffTimes: [String: WindowTimes]) -> DayStatistics {
            DayStatistics.compute(businessDate: label, events: events, lines: lines, windows: windows, windowTimes: windowTimes,
                                  staffTimes: staffTimes, staffNames: names, timeZone: zone)
        }
        if first == last {
            let date = first.description
            return (compute(date, all, windowTimes[date] ?? [:], staffTimes[date] ?? [:]), [], all, allMarks)
        }
        let sum = { (maps: [[Int: WindowTimes]]) in maps.reduce(into: [Int: WindowTimes]()) { $0.merge($1, uniquingKeysWith: +) } }
        let sumStaff = { (maps: [[String: WindowTimes]]) in maps.reduce(into: [String: WindowTimes]()) { $0.merge($1, uniquingKeysWith: +) } }
        let total = compute("\(first)/\(last)", all, sum(Array(windowTimes.values)), sumStaff(Array(staffTimes.values)))
        let days = eventsByDate.keys.sorted().map { date in compute(date, eventsByDate[date] ?? [], windowTimes[date] ?? [:], staffTimes[date] ?? [:]) }
        return (total, days, all, allMarks)
    }

    /// One business date's figures with what they were folded from, inside the caller's read transaction (the
    /// supervisor's view).
    static func dayRecord(_ db: Database, date: String, now: Date)
        throws -> (statistics: DayStatistics, events: [DayStatistics.Event], marks: [WindowTimes.Mark]) {
        let day = try CivilDate(parsing: date)
        let period = try periodStatistics(db, first: day, last: day, now: now)
        return (period.total, period.events, period.marks)
    }
}
