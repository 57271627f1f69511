import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The supervisor's live hall, in one read transaction: the snapshot of lines and windows (open tickets' partial
    /// indexes), today's figures and charts from today's events (`ticket(business_date)` then `hall_event(ticket_id)`;
    /// the window marks by `hall_event_date`), the cases at risk (the supervisor's seeks of `cases(_:)`), the pending
    /// intakes (`intake_pending`), the bad reviews awaiting rectification, the complaints not closed, today's ratings and
    /// window messages. No part reads another day. Only a supervisor may (`superviseHall`).
    public func supervisorView(by actor: Actor) throws -> SupervisorView {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .superviseHall, by: actor)
            return try Self.supervisorView(db, now: now, supervisor: actor.staffID ?? "")
        }
    }

    static func supervisorView(_ db: Database, now: Date, supervisor: String) throws -> SupervisorView {
        let snapshot = try snapshot(db, now: now, announcementLimit: 0)
        let (settings, today, calendar) = try caseDay(db, now: now)
        let record = try dayRecord(db, date: snapshot.businessDate, now: now)
        let statistics = record.statistics
        let perLine = Dictionary(statistics.perLine.map { ($0.prefix, $0.figures) }, uniquingKeysWith: { a, _ in a })
        let perWindow = Dictionary(statistics.perWindow.map { ($0.window, ($0.figures, $0.times)) }, uniquingKeysWith: { a, _ in a })
        var pausedAt: [Int: Date] = [:]
        for mark in record.marks where mark.kind == .pause { if let w = mark.window { pausedAt[w] = mark.at } }
        let lines = snapshot.lines.map {
            SupervisorView.Line(line: $0.line, waiting: $0.waiting, longestWaitSeconds: $0.longestWaitSeconds,
                                today: perLine[$0.line.prefix] ?? DayStatistics.Figures())
        }
        let windows = snapshot.windows.map { w in
            SupervisorView.Window(window: w.window, staffName: w.staffName, current: w.current, held: w.held,
                                  today: perWindow[w.window.id]?.0 ?? DayStatistics.Figures(), times: perWindow[w.window.id]?.1 ?? WindowTimes(),
                                  pausedSince: w.window.state == .paused ? pausedAt[w.window.id] : nil)
        }
        // The cases at risk: the supervisor's terms of "mine" alone (a supervisor who is also a clerk is not shown the
        // window's results to serve here).
        let bounds = CaseRiskBounds(today: today, yellowDays: settings.caseYellowDays, handoverAckDays: settings.handoverAckDays,
                                    calendar: calendar)
        let watcher = CaseActor(staffID: supervisor, roles: [.supervisor])
        let risks = try cases(db, CaseListFilter(mine: watcher, limit: SupervisorView.caseLimit), now: now).map {
            SupervisorView.CaseRisk(entry: $0, reason: SupervisorView.CaseRisk.reason($0, today: today, yellowUntil: bounds.yellowUntil))
        }
        let atRisk = risks.filter { $0.reason.isOverdue } + risks.filter { !$0.reason.isOverdue }
        // A pending intake whose limit cannot be counted is listed (never hidden).
        let pending = try pendingIntakes(db).filter { $0.decideBy.map { $0 <= bounds.yellowUntil } ?? true }
        let dayStart = Date(millisecondsSince1970: TodaysQueue.dayStart(now, in: settings.businessCalendar.timeZone))
        return SupervisorView(hallName: snapshot.hallName, businessDate: snapshot.businessDate, today: today, now: now, lines: lines,
                              windows: windows, total: statistics.total, cases: atRisk, pendingIntakes: pending,
                              curves: DayCurves.compute(events: record.events, dayStart: dayStart, until: now),
                              satisfaction: try satisfaction(db, on: snapshot.businessDate),
                              badReviews: try openRectifications(db, today: today).map(SupervisorView.FollowUp.init(badReview:)),
                              complaints: try openComplaints(db, today: today, limit: SupervisorView.caseLimit).map(SupervisorView.FollowUp.init(complaint:)),
                              messages: try windowMessages(db, on: snapshot.businessDate))
    }

    /// The statement the view reads its cases at risk with (the supervisor's terms of "mine", `cases(_:)`'s columns and
    /// order, `SupervisorView.caseLimit`), its arguments as text: for `desk bench`, whose raw-SQLite baseline steps the
    /// same statement without GRDB, so its ratio is the engine's own cost and never a different query's plan.
    public static func supervisorCaseRiskStatement(supervisor: String, bounds: CaseRiskBounds) -> (sql: String, arguments: [String]) {
        let (condition, values) = mineCondition(CaseActor(staffID: supervisor, roles: [.supervisor]), atRisk: bounds)
        let sql = """
            SELECT \(caseListColumns) FROM hall_case WHERE \(condition)
            ORDER BY state IN (\(quoted(CaseState.noDeadlineRuns))), coalesce(result_due, promised_due), id LIMIT \(SupervisorView.caseLimit)
            """
        return (sql, values.map { String.fromDatabaseValue($0.databaseValue) ?? "" })
    }

    /// Today's ratings by level (index 0 is level 1): a seek of `rating_date`.
    static func satisfaction(_ db: Database, on day: String) throws -> [Int] {
        var counts = [0, 0, 0, 0, 0]
        for row in try Row.fetchAll(db, cachedSQL: """
            SELECT level, COUNT(*) FROM rating WHERE business_date = ? AND excluded = 0 GROUP BY level
            """, arguments: [day]) {
            let level: Int = row[0]
            if (1...5).contains(level) { counts[level - 1] = row[1] }
        }
        return counts
    }
}

extension HallDatabase {
    /// Today's tickets of a line, by number (the supervisor's drill-down: waiting ones to cancel, cancelled or no-show
    /// ones to reopen): a seek on `UNIQUE(business_date, origin_line_id, sequence)` for the line's own tickets, and the
    /// open tickets transferred into it by the open tickets' partial index.
    public func lineTickets(prefix: String) throws -> [Ticket] {
        let now = clock.now
        return try read { db in
            let line = try Self.fetchLine(db, prefix: prefix)
            let today = try Self.today(db, now)
            return try Row.fetchAll(db, cachedSQL: """
                SELECT \(Ticket.columns) FROM ticket WHERE business_date = ? AND origin_line_id = ? AND line_id = ?
                UNION SELECT \(Ticket.columns) FROM ticket WHERE state IN ('waiting', 'called', 'serving', 'held') AND line_id = ?
                  AND business_date = ?
                ORDER BY 1
                """, arguments: [today, line.id, line.id, line.id, today]).map(Ticket.init(row:))
        }
    }
}
