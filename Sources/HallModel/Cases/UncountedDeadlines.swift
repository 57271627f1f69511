import Queue

/// A case's deadlines that could not be counted when it was opened (a deadline running into a year whose holiday
/// schedule was not loaded: stored NULL, never guessed), counted as soon as the calendar can. The sweep and every
/// write on the case ask (`HallDatabase.countUnknownDeadlines`); what they count is an event of its own.
public enum UncountedDeadlines {
    /// The deadlines newly counted; nil: still uncounted, or known already (never recounted).
    public struct Counted: Sendable, Hashable {
        public var statutoryDue: CivilDate?
        public var promisedDue: CivilDate?
        public var supplementDue: CivilDate?
        public var isEmpty: Bool { statutoryDue == nil && promisedDue == nil && supplementDue == nil }
    }

    /// What `calendar` can count now, on `today`, of the deadlines `record` lacks. The statutory and promised deadlines
    /// are the case clock's (acceptance day not counted, with the suspended and extension days the case has). A 容缺
    /// case's supplement deadline was never told (the commitment said "窗口告知的期限"): it is told now, in writing
    /// (`supplementDeadlineNotice`, issued on `today`), and the applicant gets the whole period promised, counted from
    /// when they can learn the date: one working day after `today` for the notice to be delivered, then
    /// `supplementDays` full working days. Never capped by a promised deadline near or past: that cap is for a date
    /// told at the window, not for one the hall could only tell late (docs/cases.md).
    public static func count(_ record: CaseRecord, supplementDays: Int, today: CivilDate, calendar: WorkingCalendar) -> Counted {
        let clock = record.facts(outstanding: []).clock
        var counted = Counted()
        if record.statutoryDue == nil { counted.statutoryDue = try? clock.statutoryDeadline(calendar: calendar) }
        if record.promisedDue == nil { counted.promisedDue = try? clock.promisedDeadline(calendar: calendar) }
        if record.tolerated, record.supplementDue == nil, supplementDays >= 1,
           let from = try? supplementCountedFrom(toldOn: today, calendar: calendar),
           let due = try? calendar.addingWorkingDays(supplementDays, to: from) {
            counted.supplementDue = due
        }
        return counted
    }

    /// The day a supplement period told late is counted from (not itself counted, as the day of acceptance is not):
    /// the working day after the notice, the day it can be delivered.
    public static func supplementCountedFrom(toldOn day: CivilDate, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(1, to: day)
    }
}
