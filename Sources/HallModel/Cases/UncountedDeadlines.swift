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
    /// case's supplement deadline was never told (the commitment said "窗口告知的期限"): it is `supplementDays` working
    /// days after `today`, the day it is counted and told (`supplementDeadlineNotice`), capped by the promised deadline
    /// only while that is still after `today` — never a date already past when the applicant first reads it
    /// (docs/cases.md).
    public static func count(_ record: CaseRecord, supplementDays: Int, today: CivilDate, calendar: WorkingCalendar) -> Counted {
        let clock = record.facts(outstanding: []).clock
        var counted = Counted()
        if record.statutoryDue == nil { counted.statutoryDue = try? clock.statutoryDeadline(calendar: calendar) }
        if record.promisedDue == nil { counted.promisedDue = try? clock.promisedDeadline(calendar: calendar) }
        if record.tolerated, record.supplementDue == nil, supplementDays >= 1,
           let promised = record.promisedDue ?? counted.promisedDue,
           let told = try? calendar.addingWorkingDays(supplementDays, to: today) {
            counted.supplementDue = promised > today ? min(told, promised) : told
        }
        return counted
    }
}
