import Queue

/// The complaint's rules, pure: the limit to answer in working days, which step is allowed in which state, and
/// whether a complaint is overdue on a day. The day the complaint is received is not counted (as for every period).
public enum ComplaintRule {
    /// `complaint_days` when the hall sets none: 5 working days to answer (docs/supervision.md, "Complaints").
    public static let defaultDays = 5
    /// What `desk settings set complaint_days` accepts.
    public static let dayRange = 1...30

    /// The last day to answer: `days` working days after the day received.
    public static func deadline(receivedOn: CivilDate, days: Int, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(days, to: receivedOn)
    }

    /// A step of a complaint's handling.
    public enum Step: Sendable, Hashable {
        /// Give it to a unit and a handler (again, while not answered).
        case assign
        /// Record the reply given to the complainant.
        case answer
        /// Close it with the complainant's satisfaction.
        case close
    }

    /// Throws the rule a step breaks in `state` (nothing is written).
    public static func check(_ step: Step, in state: ComplaintState, number: String) throws(ComplaintError) {
        switch (step, state) {
        case (.assign, .registered), (.assign, .assigned), (.answer, .assigned), (.close, .answered): return
        case (.answer, .registered): throw .notAssigned(number)
        case (.assign, _), (.answer, _): throw .alreadyAnswered(number)
        case (.close, .closed): throw .alreadyClosed(number)
        case (.close, _): throw .notAnswered(number)
        }
    }

    /// Overdue: not answered, and `today` is past its due date. A complaint whose due date could not be counted (a year
    /// without its holiday schedule: `dueOn` nil) is never called overdue; it is listed as uncounted instead.
    public static func isOverdue(dueOn: CivilDate?, answeredOn: CivilDate?, today: CivilDate) -> Bool {
        guard answeredOn == nil, let dueOn else { return false }
        return today > dueOn
    }

    /// Answered by its due date (nil while not answered, or when the due date could not be counted).
    public static func answeredOnTime(dueOn: CivilDate?, answeredOn: CivilDate?) -> Bool? {
        guard let answeredOn, let dueOn else { return nil }
        return answeredOn <= dueOn
    }
}
