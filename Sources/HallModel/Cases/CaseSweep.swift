import Queue

/// The rules `desk cases sweep` (and a screen that loads a case) applies, with the date injected. Each answers what
/// is due on `today` and on which day it took effect; the store applies the step with `CaseTransition.apply` as the
/// system account, and asks again until nothing is due, so running the sweep twice changes nothing the second time.
public enum CaseSweep {
    /// The hall settings the sweep reads (defaults as the lead decided).
    public struct Settings: Sendable, Hashable {
        /// `supplement_grace_days`: working days after the supplement deadline before an overdue case is terminated.
        public var graceDays: Int
        public init(graceDays: Int = CaseSweep.defaultGraceDays) { self.graceDays = graceDays }
    }

    public static let defaultGraceDays = 15
    /// The written reason recorded when the sweep terminates a case (the hall's language, Chinese).
    public static let terminationReason = Bilingual(
        en: "容缺 materials not supplied within the grace period after the supplement deadline",
        zh: "容缺受理材料逾期未补正，宽限期已满")

    public struct Step: Sendable, Hashable {
        public var action: CaseAction
        /// The day the step takes effect (the day after a deadline passed, even when the sweep runs later).
        public var effectiveOn: CivilDate
    }

    /// The next step due for a case on `today`, or nil when nothing is due.
    /// - Being decided, 容缺 materials outstanding, the supplement deadline passed → suspend (`supplementsOverdue`),
    ///   effective the day after the deadline. An approved case is never suspended nor terminated: the decision
    ///   stands and only its result waits for the materials (`overdueFlag` flags it for a supervisor instead).
    /// - Suspended for overdue supplements, all materials now in → resume, effective the day the last one was recorded
    ///   (the supplement write itself resumes at once; a case supplemented otherwise is resumed by its date, never by the
    ///   day cron ran).
    /// - Suspended for overdue supplements, still outstanding after `graceDays` working days past the supplement
    ///   deadline → terminate, effective the day after the grace deadline — unless the case was approved before it was
    ///   suspended (a suspension of an approved case the sweep wrote before docs/cases.md "Fix9d decisions"): the
    ///   decision stands, and that case is flagged, never terminated.
    public static func step(for facts: CaseFacts, today: CivilDate, settings: Settings = Settings(),
                            calendar: WorkingCalendar) throws(WorkingCalendarError) -> Step? {
        guard let due = facts.supplementDeadline, facts.tolerated else { return nil }
        if facts.state.clockRuns, CaseTransition.isSupplementOverdue(facts, on: today) {
            // Never before a resumption: those days were already counted as stopped.
            return Step(action: .suspend(.supplementsOverdue), effectiveOn: max(due.adding(days: 1), facts.resumedOn ?? due))
        }
        guard facts.state == .suspended, let suspension = facts.suspension, suspension.reason == .supplementsOverdue else { return nil }
        if facts.outstandingMaterials.isEmpty {
            return Step(action: .resume, effectiveOn: max(min(facts.lastSuppliedOn ?? today, today), suspension.since))
        }
        guard suspension.resumeTo != .approved else { return nil }
        let grace = try graceDeadline(supplementDeadline: due, graceDays: settings.graceDays, toldOn: suspension.toldOn, calendar: calendar)
        guard today > grace else { return nil }
        return Step(action: .terminate(reason: terminationReason.zh), effectiveOn: max(grace.adding(days: 1), suspension.since))
    }

    /// The day the sweep flags, on `today`, an approved case whose 容缺 materials are still out after the supplement
    /// deadline (a licence held back: the decision stands, the result waits for every material), or nil: not due, or
    /// flagged already (once: a second sweep flags nothing). The flag is for a supervisor to follow up (chase the
    /// applicant, the credit record, art. 69 if the commitment was false); the case stays approved and is red.
    /// A case the sweep suspended after its approval before this rule (suspended, resuming to approved) is flagged
    /// the same way.
    public static func overdueFlag(for facts: CaseFacts, today: CivilDate) -> CivilDate? {
        let decided = facts.state == .approved || (facts.state == .suspended && facts.suspension?.resumeTo == .approved)
        guard decided, facts.supplementOverdueFlaggedOn == nil, CaseTransition.isSupplementOverdue(facts, on: today) else { return nil }
        return today
    }

    /// The last day of the grace period: `graceDays` working days after the supplement deadline — or, for a
    /// suspension told (`toldOn`: its notice's day) only once that day had already passed (a sweep that ran months
    /// late), `graceDays` working days after the day it was told: the letter never names a day already past, and the
    /// case is not terminated in the run that suspends it (docs/cases.md).
    public static func graceDeadline(supplementDeadline: CivilDate, graceDays: Int, toldOn: CivilDate? = nil,
                                     calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        let grace = try calendar.addingWorkingDays(graceDays, to: supplementDeadline)
        guard let toldOn, toldOn >= grace else { return grace }
        return try calendar.addingWorkingDays(graceDays, to: toldOn)
    }
}

/// 容缺 terms fixed at intake.
public enum SupplementTerms {
    /// `supplement_days` when the hall sets none.
    public static let defaultDays = 5

    /// The supplement deadline: `days` working days after the intake (an intake may ask fewer than the hall's
    /// `hallDays`, never more), and never later than the promised deadline.
    public static func deadline(intakeOn: CivilDate, requestedDays: Int? = nil, hallDays: Int = defaultDays,
                                promisedDeadline: CivilDate, calendar: WorkingCalendar) throws(CaseRuleError) -> CivilDate {
        let days = requestedDays ?? hallDays
        guard days <= hallDays else { throw .supplementDaysTooMany(requested: days, allowed: hallDays) }
        do {
            return min(try calendar.addingWorkingDays(days, to: intakeOn), promisedDeadline)
        } catch {
            throw .deadlineUnknown(error)
        }
    }
}

/// "Materials received, checking" (art. 32): the window decides within 5 working days of the day the materials
/// arrived; a record still undecided after that counts as accepted from the day the materials arrived.
public enum PendingIntakeRule {
    public static let decisionWorkingDays = 5

    /// The last day the window may still decide.
    public static func decisionDeadline(materialsArrivedOn arrived: CivilDate,
                                        calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(decisionWorkingDays, to: arrived)
    }

    /// The last day to decide, or nil with why it cannot be counted (the year's holiday schedule not loaded).
    public static func counted(materialsArrivedOn arrived: CivilDate,
                               calendar: WorkingCalendar) -> (decideBy: CivilDate?, problem: WorkingCalendarError?) {
        do { return (try decisionDeadline(materialsArrivedOn: arrived, calendar: calendar), nil) } catch { return (nil, error) }
    }

    /// On `today`, the pending record must become an acceptance dated `arrived` (nil: not yet).
    public static func conversion(materialsArrivedOn arrived: CivilDate, today: CivilDate,
                                  calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate? {
        today > (try decisionDeadline(materialsArrivedOn: arrived, calendar: calendar)) ? arrived : nil
    }

    /// Working days left to decide (0 on the last day, negative once it must be converted).
    public static func workingDaysLeft(materialsArrivedOn arrived: CivilDate, today: CivilDate,
                                       calendar: WorkingCalendar) throws(WorkingCalendarError) -> Int {
        try calendar.workingDays(from: today, to: decisionDeadline(materialsArrivedOn: arrived, calendar: calendar))
    }
}
