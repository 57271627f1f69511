import Foundation
import GRDB
import Queue

/// What `desk cases list` asks for. Every field narrows the list; nil means any.
public struct CaseListFilter: Sendable, Hashable {
    public var state: CaseState?
    public var light: CaseLight?
    /// "Mine" (docs/cases.md): what waits for this person's next step — the cases under their review (or taken by
    /// them and not yet reviewed) and the accepted ones nobody has taken (a reviewer); the cases under approval
    /// assigned to them, or with no approver yet, that their level covers and that they did not review (an
    /// approver); the decided and issued cases waiting for the window (a clerk: serve the result, hand it over); the
    /// handovers named to them and not yet acknowledged (a liaison); the cases at risk (a supervisor: red and yellow,
    /// 容缺 supplements overdue or due within the yellow days, handovers not acknowledged in `handover_ack_days`). A
    /// case that has moved past their step is no longer theirs to act on.
    public var mine: CaseActor?
    public var departmentCode: String?
    public var itemCode: String?
    /// The issue's side state "awaiting supplements (容缺)": open 容缺 cases with a material still to come, whatever
    /// their main state (a case is reviewed while its supplements are awaited) — the ones the window chases.
    public var awaitingSupplements: Bool
    /// At most this many, by deadline.
    public var limit: Int

    public init(state: CaseState? = nil, light: CaseLight? = nil, mine: CaseActor? = nil, departmentCode: String? = nil,
                itemCode: String? = nil, awaitingSupplements: Bool = false, limit: Int = 1000) {
        self.state = state; self.light = light; self.mine = mine; self.departmentCode = departmentCode; self.itemCode = itemCode
        self.awaitingSupplements = awaitingSupplements; self.limit = limit
    }
}

/// One line of `cases list`.
public struct CaseListEntry: Sendable, Equatable {
    public var record: CaseRecord
    public var reviewerID: String?
    public var approverID: String?
    public var resultDue: CivilDate?
    /// `CaseFacts.light` on the day of the list.
    public var light: CaseLightReading
    /// The applicant as shared screens show them: a person's name masked (张*丰), an organisation's name whole.
    public var applicant: String
    /// 审管联动: where the acknowledgement of a handed-over case stands (overdue past `handover_ack_days`, as `desk
    /// handover overdue` says); nil for a case not handed over, or when the days cannot be counted.
    public var handover: HandoverAcknowledgementRule.Status? = nil
}

extension HallDatabase {
    /// The cases matching `filter`, earliest deadline first. The light is filtered in SQL by the stored deadlines
    /// (no light is computed for rows the filter leaves out): red = the deadline the light counts against is before
    /// today; yellow = from today to `case_yellow_days` working days on; green = later; grey = suspended. Being decided
    /// (accepted, underReview, underApproval) that deadline is `promised_due`; decided (approved, notApproved) it is
    /// `result_due` — except an approved case the sweep flagged for overdue 容缺 materials, red until they are in.
    /// Each seeks an index on (state, deadline). Reading needs nobody.
    public func cases(_ filter: CaseListFilter) throws -> [CaseListEntry] {
        let now = clock.now
        return try read { db in try Self.cases(db, filter, now: now) }
    }

    /// `cases(_:)` inside the caller's read transaction (the supervisor's view reads the cases at risk with the rest).
    static func cases(_ db: Database, _ filter: CaseListFilter, now: Date) throws -> [CaseListEntry] {
        let (settings, today, calendar) = try Self.caseDay(db, now: now)
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let state = filter.state { conditions.append("state = ?"); arguments.append(state.rawValue) }
        if let code = filter.departmentCode { conditions.append("department_code = ?"); arguments.append(code) }
        if let code = filter.itemCode { conditions.append("item_code = ?"); arguments.append(code) }
        if filter.awaitingSupplements { conditions.append(Self.awaitingSupplementsCondition) }
        if let light = filter.light {
            let (sql, values) = try Self.lightCondition(light, today: today, yellowDays: settings.caseYellowDays, calendar: calendar)
            conditions.append(sql); arguments += values
        }
        if let me = filter.mine {
            let atRisk = me.roles.contains(.supervisor)
                ? CaseRiskBounds(today: today, yellowDays: settings.caseYellowDays, handoverAckDays: settings.handoverAckDays, calendar: calendar)
                : nil
            let (sql, values) = Self.mineCondition(me, atRisk: atRisk)
            conditions.append(sql); arguments += values
        }
        let sql = """
            SELECT \(Self.caseListColumns)
            FROM hall_case
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY state IN (\(Self.quoted(CaseState.noDeadlineRuns))), coalesce(result_due, promised_due), id LIMIT ?
            """
        arguments.append(filter.limit)
        // The applicant's kind and name by primary key for the listed rows only (never for rows the filter left out).
        // Each filter's statement is prepared once per connection, and every row is read in place.
        return try db.fetchEach(cachedSQL: sql, arguments: StatementArguments(arguments)) { c in
            try Self.caseListEntry(c, today: today, settings: settings, calendar: calendar)
        }
    }

    /// What a list of cases selects from `hall_case` (`caseListEntry` reads it): the case, its reviewer, approver, result
    /// deadline, and its applicant's kind and name by primary key.
    static let caseListColumns = """
        \(CaseRecord.columns), reviewer_id, approver_id, result_due,
        (SELECT kind FROM applicant WHERE applicant.id = hall_case.applicant_id),
        (SELECT name FROM applicant WHERE applicant.id = hall_case.applicant_id),
        handed_over_on, acknowledged_on
        """

    /// A row of `SELECT \(caseListColumns)`, read in place, with its light on `today` and where its handover to the
    /// supervising department stands (also `projectView`'s cases).
    static func caseListEntry(_ c: StatementColumns, today: CivilDate, settings: HallSettings, calendar: WorkingCalendar) throws -> CaseListEntry {
        let base = CaseRecord.columnCount
        let record = try CaseRecord(c)
        let kind = try c.key(ApplicantKind.self, base + 3, "applicant", "kind")
        let handover = try c.optionalDate(base + 5).flatMap { on in
            try? HandoverAcknowledgementRule.status(handedOverOn: on, acknowledgedOn: try c.optionalDate(base + 6), today: today,
                                                    days: settings.handoverAckDays, calendar: calendar)
        }
        return CaseListEntry(record: record, reviewerID: c.optionalText(base), approverID: c.optionalText(base + 1),
                             resultDue: try c.optionalDate(base + 2),
                             light: record.facts(outstanding: []).light(on: today, yellowDays: settings.caseYellowDays, calendar: calendar),
                             applicant: Applicant.maskedName(c.text(base + 4), kind: kind), handover: handover)
    }

    /// The SQL condition of "mine" (`CaseListFilter.mine`). Each term is a seek: the open cases by reviewer and by
    /// approver (the partial indexes of v5-casescreen-queue, whose condition is `openCaseCondition` word for word), the
    /// unclaimed ones by state (`hall_case_state_due`): a multi-index OR, never a scan of every case.
    static func mineCondition(_ me: CaseActor, atRisk: CaseRiskBounds? = nil) -> (String, [any DatabaseValueConvertible]) {
        // Each term keeps `openCaseCondition` verbatim so SQLite may use the partial indexes; the state narrows it to
        // the step that is the person's own: their review (accepted, underReview), their decision (underApproval).
        var mine = ["(reviewer_id = ? AND \(openCaseCondition) AND state IN ('accepted', 'underReview'))",
                    "(approver_id = ? AND \(openCaseCondition) AND state = 'underApproval')"]
        var arguments: [any DatabaseValueConvertible] = [me.staffID, me.staffID]
        if me.roles.contains(.reviewer) { mine.append("(state = 'accepted' AND reviewer_id IS NULL)") }
        if me.roles.contains(.approver), let level = me.approverLevel {
            let covered = ApproverLevel.allCases.filter { level.covers($0) }
            mine.append("(state = 'underApproval' AND approver_id IS NULL AND reviewer_id IS NOT ? AND final_approver IN (\(quoted(covered))))")
            arguments.append(me.staffID)
        }
        // The window: results to serve and decisions to hand over wait for any clerk of the hall.
        if me.roles.contains(.clerk) { mine.append("(state IN ('approved', 'notApproved', 'resultIssued'))") }
        // A liaison: the handovers named to them and not yet acknowledged.
        if me.roles.contains(.liaison) {
            mine.append("(state = 'handedOver' AND id IN (SELECT case_id FROM handover WHERE liaison_id = ? AND acknowledged_on IS NULL))")
            arguments.append(me.staffID)
        }
        // A supervisor: the cases at risk (`CaseRiskBounds`), each term a seek — the deadlines by (state, due), the 容缺
        // supplements by `hall_case_supplement_due`, the unacknowledged handovers by `handover_open`.
        if me.roles.contains(.supervisor), let atRisk {
            let running = quoted(CaseState.allCases.filter(\.clockRuns)), decided = quoted([CaseState.approved, .notApproved])
            mine += ["(state IN (\(running)) AND promised_due <= ?)", "(state IN (\(decided)) AND result_due <= ?)",
                     "(supplement_due <= ? AND \(awaitingSupplementsCondition))",
                     "(state = 'handedOver' AND id IN (SELECT case_id FROM handover WHERE acknowledged_on IS NULL AND handed_over_on <= ?))"]
            arguments += [atRisk.yellowUntil.description, atRisk.yellowUntil.description, atRisk.yellowUntil.description,
                          atRisk.handedOverBy.description]
        }
        return ("(" + mine.joined(separator: " OR ") + ")", arguments)
    }


    /// An open 容缺 case with a material not in yet: a seek on `hall_case_supplement_due` (only 容缺 cases have a
    /// supplement deadline), then its checklist by intake.
    static let awaitingSupplementsCondition = """
        (supplement_due IS NOT NULL AND \(openCaseCondition) AND EXISTS (SELECT 1 FROM intake_material m \
        WHERE m.intake_id = hall_case.intake_id AND m.status IN (\(quoted(MaterialStatus.allCases.filter { !$0.isIn })))))
        """

    /// The SQL condition of a light, on the stored deadlines. An approved case the sweep flagged (its 容缺 materials
    /// overdue, `supplement_overdue_flagged_on`) is red whatever its result deadline (`CaseFacts.light`): a seek on
    /// `hall_case_supplement_flagged`.
    static func lightCondition(_ light: CaseLight, today: CivilDate, yellowDays: Int,
                               calendar: WorkingCalendar) throws -> (String, [any DatabaseValueConvertible]) {
        let running = quoted(CaseState.allCases.filter(\.clockRuns))
        let decided = quoted([CaseState.approved, .notApproved])
        func both(_ op: String, _ values: [String]) -> (String, [any DatabaseValueConvertible]) {
            ("((state IN (\(running)) AND promised_due \(op)) OR (state IN (\(decided)) AND result_due \(op) AND supplement_overdue_flagged_on IS NULL))",
             values + values)
        }
        switch light {
        case .grey: return ("state = 'suspended'", [])
        case .red:
            let (sql, values) = both("< ?", [today.description])
            return ("(\(sql) OR (supplement_overdue_flagged_on <= ? AND state = 'approved'))", values + [today.description])
        case .yellow, .green:
            let last: CivilDate
            do { last = try calendar.addingWorkingDays(yellowDays, to: today) } catch { throw CaseRuleError.deadlineUnknown(error) }
            return light == .yellow ? both("BETWEEN ? AND ?", [today.description, last.description]) : both("> ?", [last.description])
        }
    }

    static func quoted(_ states: [some RawRepresentable<String>]) -> String {
        states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}

/// What "at risk" means for a supervisor's queue on a day (docs/cases.md): a deadline (promised, or the result's once
/// decided) or a 容缺 supplement deadline on or before `yellowUntil` (red: passed; yellow: within `case_yellow_days`
/// working days), and a handover not acknowledged when handed over on or before `handedOverBy` (its
/// `handover_ack_days` ran out before today). Pure. Where the calendar cannot count (a year without its schedule) the
/// bounds are widened, never narrowed: the list then shows more, never hides a case at risk.
public struct CaseRiskBounds: Sendable, Equatable {
    public var yellowUntil: CivilDate
    public var handedOverBy: CivilDate

    public init(today: CivilDate, yellowDays: Int, handoverAckDays: Int, calendar: WorkingCalendar) {
        // Unknown days: a working day is at least one natural day, and at most a week's holiday and its weekends
        // (Spring Festival, National Day) lie in between — so twice the days and three weeks more reach past it.
        yellowUntil = (try? calendar.addingWorkingDays(yellowDays, to: today)) ?? today.adding(days: 2 * yellowDays + 21)
        // The last handover day whose acknowledgement deadline (`HandoverAcknowledgementRule.deadline`) is before today.
        var day = today.adding(days: -1)
        for _ in 0..<(2 * handoverAckDays + 21) {
            guard let due = try? HandoverAcknowledgementRule.deadline(handedOverOn: day, days: handoverAckDays, calendar: calendar) else {
                // Cannot be counted: every unacknowledged handover before today is listed.
                day = today.adding(days: -1)
                break
            }
            if due < today { break }
            day = day.adding(days: -1)
        }
        handedOverBy = day
    }
}
