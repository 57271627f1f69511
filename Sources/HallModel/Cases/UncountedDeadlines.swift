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

    /// What `calendar` can count now of the deadlines `record` lacks. The statutory and promised deadlines are the
    /// case clock's (acceptance day not counted, with the suspended and extension days the case has); a 容缺 case's
    /// supplement deadline is `supplementDays` working days after acceptance, never after the promised deadline as
    /// it stood at acceptance (`SupplementTerms.deadline`, as at intake).
    public static func count(_ record: CaseRecord, supplementDays: Int, calendar: WorkingCalendar) -> Counted {
        let clock = record.facts(outstanding: []).clock
        var counted = Counted()
        if record.statutoryDue == nil { counted.statutoryDue = try? clock.statutoryDeadline(calendar: calendar) }
        if record.promisedDue == nil { counted.promisedDue = try? clock.promisedDeadline(calendar: calendar) }
        if record.tolerated, record.supplementDue == nil, supplementDays >= 1,
           let promisedAtIntake = try? CaseClock(acceptedOn: record.acceptedOn, statutoryLimit: record.statutoryLimit,
                                                 promisedLimit: record.promisedLimit).promisedDeadline(calendar: calendar) {
            counted.supplementDue = try? SupplementTerms.deadline(intakeOn: record.acceptedOn, requestedDays: supplementDays,
                                                                  hallDays: supplementDays, promisedDeadline: promisedAtIntake,
                                                                  calendar: calendar)
        }
        return counted
    }
}
