import Foundation
import GRDB
import Queue

extension HallDatabase {
    // MARK: Opening (inside the rating's write)

    /// Opens a bad review's rectification in the rating's transaction: the next number of `day`, the serving staff
    /// member's department as the unit (none: the hall's management office), due `rectification_days` working days
    /// later (unknown when the calendar cannot count it: flagged, never guessed).
    static func openRectification(_ db: Database, ratingID: Int64, staff: String?, on day: CivilDate,
                                  settings: HallSettings) throws -> (number: String, unit: String?, due: CivilDate?) {
        let sequence = (try Int.fetchOne(db, cachedSQL: "SELECT MAX(daily_seq) FROM rectification WHERE opened_on = ?",
                                         arguments: [day.description]) ?? 0) + 1
        let number = Rectification.number(on: day, sequence: sequence)
        let department = try staff.flatMap { try String.fetchOne(db, cachedSQL: "SELECT department FROM staff WHERE id = ?", arguments: [$0]) }
        let unit = department.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let due: CivilDate?
        do {
            due = try RectificationRule.due(openedOn: day, days: settings.rectificationDays, calendar: try storedCalendar(db))
        } catch is WorkingCalendarError {
            due = nil
        }
        try db.execute(cachedSQL: """
            INSERT INTO rectification(number, opened_on, daily_seq, rating_id, unit, state, due_on) VALUES (?, ?, ?, ?, ?, 'open', ?)
            """, arguments: [number, day.description, sequence, ratingID, unit, due?.description])
        return (number, unit, due)
    }

    // MARK: Steps

    /// Logs a follow-up (回访) — when (now), who (the actor), how, whether the citizen was reached, what they said — with
    /// one `rectification_visited` event. A supervisor (`followUpRectification`); open or appealed rectifications only.
    public func logFollowUp(rectification number: String, how: ContactMethod, reached: Bool, said: String, by actor: Actor) throws -> Rectification {
        let said = try FreeText.clean(said, field: FreeText.visitSaid, limit: FreeText.rectificationTextLimit)
        return try changeRectification(number, .visit, action: .followUpRectification, event: .rectificationVisited, by: actor) { db, x, _, today, now, staff in
            try db.execute(cachedSQL: """
                INSERT INTO rectification_visit(rectification_id, at, visit_on, by_staff, how, reached, said) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [x.id, now.millisecondsSince1970, today.description, staff, how.rawValue, reached, said])
            return ["how": .string(how.rawValue), "reached": .bool(reached), "said": .string(said)]
        }
    }

    /// Closes an open rectification with its outcome (整改到位, 已解释说明, 无法整改 with the reason for review) and a note;
    /// at least one 回访 must be logged first. One `rectification_closed` event.
    public func closeRectification(_ number: String, outcome: RectificationOutcome, note: String, by actor: Actor) throws -> Rectification {
        let note = try FreeText.clean(note, field: FreeText.rectificationNote, limit: FreeText.rectificationTextLimit)
        return try changeRectification(number, .close(outcome), action: .followUpRectification, event: .rectificationClosed, by: actor) { db, x, state, today, _, staff in
            try db.execute(cachedSQL: "UPDATE rectification SET state = ?, closed_on = ?, closed_by = ?, outcome_note = ? WHERE id = ?",
                           arguments: [state.rawValue, today.description, staff, note, x.id])
            return ["outcome": .string(outcome.rawValue), "note": .string(note)]
        }
    }

    /// The one extension: `rectification_days` more working days after the due day as it stands, with a reason. A second is
    /// refused. One `rectification_extended` event.
    public func extendRectification(_ number: String, reason: String, by actor: Actor) throws -> Rectification {
        let reason = try FreeText.clean(reason, field: FreeText.extensionReason, limit: FreeText.rectificationTextLimit)
        return try changeRectification(number, .extend, action: .followUpRectification, event: .rectificationExtended, by: actor) { db, x, _, _, _, _ in
            guard let due = x.due else { throw RectificationError.dueUnknown(x.number) }
            let days = try HallSettings.load(db).rectificationDays
            let extended: CivilDate
            do { extended = try RectificationRule.extendedDue(due, days: days, calendar: try Self.storedCalendar(db)) }
            catch is WorkingCalendarError { throw RectificationError.dueUnknown(x.number) }
            try db.execute(cachedSQL: "UPDATE rectification SET due_on = ?, extended = 1, extension_reason = ? WHERE id = ?",
                           arguments: [extended.description, reason, x.id])
            return ["reason": .string(reason), "due": .object(["from": .string(due.description), "to": .string(extended.description)])]
        }
    }

    /// 申诉: contests the rating as mistaken or malicious (once). The rectification waits for the decision of another
    /// supervisor. One `rating_appealed` event.
    public func appealRating(_ number: String, ground: AppealGround, note: String, by actor: Actor) throws -> Rectification {
        let note = try FreeText.clean(note, field: FreeText.appealNote, limit: FreeText.rectificationTextLimit)
        return try changeRectification(number, .appeal, action: .followUpRectification, event: .ratingAppealed, by: actor) { db, x, state, today, _, staff in
            try db.execute(cachedSQL: """
                UPDATE rectification SET state = ?, appeal_ground = ?, appeal_note = ?, appealed_by = ?, appealed_on = ? WHERE id = ?
                """, arguments: [state.rawValue, ground.rawValue, note, staff, today.description, x.id])
            return ["ground": .string(ground.rawValue), "note": .string(note)]
        }
    }

    /// Decides an appeal: upheld — the rating is kept, marked excluded and left out of the figures, the rectification
    /// ends; rejected — back to open (its due day unchanged). By a supervisor other than the one who filed it. One
    /// `rating_appeal_decided` event.
    public func decideRatingAppeal(_ number: String, upheld: Bool, note: String, by actor: Actor) throws -> Rectification {
        let note = try FreeText.clean(note, field: FreeText.decisionReason, limit: FreeText.rectificationTextLimit)
        return try changeRectification(number, .decide(upheld: upheld), action: .decideRatingAppeal, event: .ratingAppealDecided, by: actor) { db, x, state, today, _, staff in
            try db.execute(cachedSQL: """
                UPDATE rectification SET state = ?, appeal_upheld = ?, decision_note = ?, decided_by = ?, decided_on = ? WHERE id = ?
                """, arguments: [state.rawValue, upheld, note, staff, today.description, x.id])
            if upheld { try db.execute(cachedSQL: "UPDATE rating SET excluded = 1 WHERE id = ?", arguments: [x.rating.id]) }
            return ["upheld": .bool(upheld), "note": .string(note), "rating_excluded": .bool(upheld)]
        }
    }

    /// One step on a rectification, in one transaction: the policy, the pure rule (`RectificationRule.apply`), the
    /// change (`body` returns the event's detail), one event; the rectification as it now is.
    private func changeRectification(_ number: String, _ step: RectificationStep, action: HallAction, event: EventKind, by actor: Actor,
                                     _ body: (Database, Rectification, RectificationState, CivilDate, Date, String) throws -> [String: AuditValue])
        throws -> Rectification {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, action, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            guard let x = try Self.fetchRectifications(db, condition: "x.number = ?", arguments: [number.uppercased()], today: today).first else {
                throw RectificationError.unknown(number)
            }
            let staff = actor.staffID ?? actor.key
            let facts = RectificationRule.Facts(state: x.state, visits: x.visitCount, extended: x.extended, appealedBy: x.appeal?.by)
            let state = try RectificationRule.apply(step, to: facts, by: staff)
            var detail = try body(db, x, state, today, now, staff)
            detail["rectification"] = .string(x.number)
            detail["ticket"] = .string(x.rating.ticketCode)
            if state != x.state { detail["state"] = .object(["from": .string(x.state.rawValue), "to": .string(state.rawValue)]) }
            try AuditLog.append(db, event, by: actor, at: now, businessDate: today.description, detail: detail)
            return try Self.loadRectification(db, id: x.id, today: today)
        }
    }

    // MARK: Reads

    /// Rectifications, newest first; `openOnly`: pending (open or appealed), soonest due first; `overdueOnly`: pending past
    /// their due day today (implies pending). A supervisor's or an administrator's read (`viewRatings`).
    public func rectifications(openOnly: Bool = false, overdueOnly: Bool = false, by actor: Actor) throws -> [Rectification] {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            if overdueOnly {
                return try Self.fetchRectifications(db, condition: "x.state IN ('open', 'appealed') AND x.due_on < ?",
                                                    arguments: [today.description], order: "x.due_on, x.id", today: today)
            }
            if openOnly { return try Self.openRectifications(db, today: today) }
            return try Self.fetchRectifications(db, condition: "1", arguments: [], order: "x.id DESC", today: today)
        }
    }

    /// The pending rectifications (open or appealed), soonest due first (overdue ones therefore first), unknown due last.
    static func openRectifications(_ db: Database, today: CivilDate) throws -> [Rectification] {
        try fetchRectifications(db, condition: "x.state IN ('open', 'appealed')", arguments: [],
                                order: "x.due_on IS NULL, x.due_on, x.id", today: today)
    }

    /// One rectification with its follow-ups (回访).
    public func rectification(number: String, by actor: Actor) throws -> Rectification {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            let today = try CivilDate(parsing: try Self.today(db, now))
            guard let id = try Int64.fetchOne(db, cachedSQL: "SELECT id FROM rectification WHERE number = ?", arguments: [number.uppercased()]) else {
                throw RectificationError.unknown(number)
            }
            return try Self.loadRectification(db, id: id, today: today)
        }
    }

    /// The ratings of the business days `from`…`to`: the distribution, the sources, the excluded, the rectifications of
    /// their bad reviews by state, how many are overdue today, and the 回访 rate (`RectificationRule.VisitRate`).
    public func ratingSummary(from: CivilDate, to: CivilDate, by actor: Actor) throws -> RatingSummary {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            return try Self.ratingSummary(db, from: from, to: to, today: Self.today(db, now))
        }
    }

    /// `ratingSummary(from:to:by:)` inside the caller's read (the report reads it with its other figures), overdue as of
    /// `today` (a business date).
    static func ratingSummary(_ db: Database, from: CivilDate, to: CivilDate, today: String) throws -> RatingSummary {
        let span: StatementArguments = [from.description, to.description]
        var distribution = Dictionary(uniqueKeysWithValues: RatingLevel.allCases.map { ($0, 0) })
        var sources = Dictionary(uniqueKeysWithValues: RatingSource.allCases.map { ($0, 0) })
        var excluded = 0
        for row in try Row.fetchAll(db, cachedSQL: """
            SELECT level, source, excluded, COUNT(*) FROM rating WHERE business_date BETWEEN ? AND ? GROUP BY level, source, excluded
            """, arguments: span) {
            let count: Int = row[3]
            if row[2] as Bool { excluded += count; continue }
            if let level = RatingLevel(rawValue: row[0]) { distribution[level, default: 0] += count }
            if let source = RatingSource(rawValue: row[1]) { sources[source, default: 0] += count }
        }
        var states = Dictionary(uniqueKeysWithValues: RectificationState.allCases.map { ($0, 0) })
        var overdue = 0
        for row in try Row.fetchAll(db, cachedSQL: """
            SELECT x.state, COUNT(*), SUM(x.state IN ('open', 'appealed') AND x.due_on < ?) FROM rectification x
            JOIN rating r ON r.id = x.rating_id WHERE r.business_date BETWEEN ? AND ? GROUP BY x.state
            """, arguments: [today] + span) {
            if let state = RectificationState(rawValue: row[0]) { states[state, default: 0] += row[1] }
            overdue += row[2] as Int? ?? 0
        }
        let reached = try Int.fetchOne(db, cachedSQL: """
            SELECT COUNT(*) FROM rating r WHERE r.business_date BETWEEN ? AND ? AND r.level <= 2 AND NOT r.excluded
            AND EXISTS (SELECT 1 FROM rectification x JOIN rectification_visit v ON v.rectification_id = x.id
                        WHERE x.rating_id = r.id AND v.reached)
            """, arguments: span) ?? 0
        let bad = (distribution[.veryDissatisfied] ?? 0) + (distribution[.dissatisfied] ?? 0)
        return RatingSummary(from: from, to: to, distribution: distribution, bySource: sources, excluded: excluded,
                             rectifications: states, overdue: overdue, visitRate: .init(reached: reached, badReviews: bad))
    }

    static func loadRectification(_ db: Database, id: Int64, today: CivilDate) throws -> Rectification {
        guard var x = try fetchRectifications(db, condition: "x.id = ?", arguments: [id], today: today).first else {
            throw RectificationError.unknown("#\(id)")
        }
        x.visits = try db.fetchEach(cachedSQL: """
            SELECT at, visit_on, by_staff, how, reached, said FROM rectification_visit WHERE rectification_id = ? ORDER BY at, id
            """, arguments: [id]) { row in
            FollowUpVisit(at: Date(millisecondsSince1970: row[0]), on: try CivilDate(parsing: row[1]), by: row[2],
                          how: try decode(ContactMethod.self, row[3], "rectification_visit", "how"), reached: row[4], said: row[5])
        }
        return x
    }

    /// Rectifications by `condition` on `x`: CROSS JOIN keeps them the outer loop (SQLite's planner, left to itself, chose
    /// to walk the whole ticket table's code index to join a handful of rectifications — 1 s on a 1,000,000-ticket hall).
    static func fetchRectifications(_ db: Database, condition: String, arguments: StatementArguments, order: String = "x.id",
                                    today: CivilDate) throws -> [Rectification] {
        try db.fetchEach(cachedSQL: """
            SELECT \(ratingColumns), x.id, x.number, x.opened_on, x.unit, x.state, x.due_on, x.extended, x.extension_reason, x.closed_on,
                   x.closed_by, x.outcome_note, x.appeal_ground, x.appeal_note, x.appealed_by, x.appealed_on, x.appeal_upheld,
                   x.decision_note, x.decided_by, x.decided_on,
                   (SELECT COUNT(*) FROM rectification_visit v WHERE v.rectification_id = x.id),
                   (SELECT COUNT(*) FROM rectification_visit v WHERE v.rectification_id = x.id AND v.reached)
            FROM rectification x CROSS JOIN rating r ON r.id = x.rating_id CROSS JOIN ticket t ON t.id = r.ticket_id
            WHERE \(condition) ORDER BY \(order)
            """, arguments: arguments) { row in
            func day(_ i: Int) throws -> CivilDate? { try (row[i] as String?).map { try CivilDate(parsing: $0) } }
            let state = try decode(RectificationState.self, row[21], "rectification", "state")
            let due = try day(22)
            var appeal: Rectification.Appeal?
            if let ground = row[28] as String? {
                appeal = Rectification.Appeal(ground: try decode(AppealGround.self, ground, "rectification", "appeal_ground"),
                                              note: row[29] ?? "", by: row[30] ?? "", on: try day(31) ?? today, upheld: row[32],
                                              decisionNote: row[33], decidedBy: row[34], decidedOn: try day(35))
            }
            return Rectification(id: row[17], number: row[18], openedOn: try CivilDate(parsing: row[19]), rating: try rating(row), unit: row[20],
                                 state: state, due: due, extended: row[23], extensionReason: row[24], closedOn: try day(25), closedBy: row[26],
                                 outcomeNote: row[27], appeal: appeal, visits: [], visitCount: row[36], reachedCount: row[37],
                                 overdue: RectificationRule.isOverdue(state: state, due: due, today: today))
        }
    }
}
