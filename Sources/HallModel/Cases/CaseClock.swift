import Queue

/// A case's two deadlines (Administrative Licensing Law art. 42, 45, 82), from what the case knows: the day it was
/// accepted, the item's statutory and promised limits, the working days its clock stood still (suspensions that
/// ended) and the extension days used. Pure: the calendar is passed in, no clock is read.
///
/// - The day of acceptance is not counted (art. 82 with the Civil Code's rule on periods).
/// - Working-day limits: the `count + extension + suspended`th working day after acceptance.
/// - Natural-day limits: acceptance + `count + extension` calendar days; a deadline on a non-working day moves to
///   the next working day; then the suspended working days are added back as working days.
/// - An extension (art. 42) moves both deadlines by the same days: the hall re-promises what the law now allows.
/// - A deadline in a year without a loaded holiday schedule throws `WorkingCalendarError.scheduleNotLoaded`.
public struct CaseClock: Sendable, Hashable, Codable {
    public var acceptedOn: CivilDate
    public var statutoryLimit: TimeLimit
    public var promisedLimit: TimeLimit
    /// Working days of suspensions that have ended (a running suspension is added when it ends).
    public var suspendedWorkingDays: Int
    /// Days added by the extension (0 when none), in the statutory limit's unit.
    public var extensionDays: Int

    public init(acceptedOn: CivilDate, statutoryLimit: TimeLimit, promisedLimit: TimeLimit,
                suspendedWorkingDays: Int = 0, extensionDays: Int = 0) {
        self.acceptedOn = acceptedOn
        self.statutoryLimit = statutoryLimit
        self.promisedLimit = promisedLimit
        self.suspendedWorkingDays = suspendedWorkingDays
        self.extensionDays = extensionDays
    }

    /// 法定期限: what the law counts.
    public func statutoryDeadline(calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try Self.deadline(acceptedOn: acceptedOn, limit: statutoryLimit, suspendedWorkingDays: suspendedWorkingDays,
                          extensionDays: extensionDays, calendar: calendar)
    }

    /// 承诺期限: what the hall promised; the lights are judged against it.
    public func promisedDeadline(calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try Self.deadline(acceptedOn: acceptedOn, limit: promisedLimit, suspendedWorkingDays: suspendedWorkingDays,
                          extensionDays: extensionDays, calendar: calendar)
    }

    public static func deadline(acceptedOn: CivilDate, limit: TimeLimit, suspendedWorkingDays: Int = 0, extensionDays: Int = 0,
                                calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        guard suspendedWorkingDays >= 0 else { throw .negativeCount(suspendedWorkingDays) }
        guard extensionDays >= 0 else { throw .negativeCount(extensionDays) }
        let (days, overflow) = limit.count.addingReportingOverflow(extensionDays)
        guard !overflow else { throw .beyondLatestDate }
        switch limit.unit {
        case .workingDays:
            let (total, overflow) = days.addingReportingOverflow(suspendedWorkingDays)
            guard !overflow else { throw .beyondLatestDate }
            return try calendar.addingWorkingDays(total, to: acceptedOn)
        case .naturalDays:
            var end = try calendar.addingNaturalDays(days, to: acceptedOn)
            if try !calendar.isWorkingDay(end) { end = try calendar.addingWorkingDays(1, to: end) }
            return try calendar.addingWorkingDays(suspendedWorkingDays, to: end)
        }
    }

    /// Working days left on `today` until `deadline`: 0 on the deadline itself, negative when overdue.
    public static func workingDaysLeft(until deadline: CivilDate, on today: CivilDate,
                                       calendar: WorkingCalendar) throws(WorkingCalendarError) -> Int {
        try calendar.workingDays(from: today, to: deadline)
    }

    /// The working days a suspension from `since` to `until` stopped the clock: the working days after the day of
    /// suspension up to and including the day of resumption (the day a period starts is not counted; resumption
    /// starts the clock again from the next day). Suspended and resumed on one day: 0.
    public static func suspendedWorkingDays(since: CivilDate, until: CivilDate,
                                            calendar: WorkingCalendar) throws(WorkingCalendarError) -> Int {
        max(0, try calendar.workingDays(from: since, to: until))
    }

    /// 送达期限: the result is issued within 10 working days of the decision (art. 44).
    public static let resultIssueWorkingDays = 10

    public static func resultDeadline(decidedOn: CivilDate, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(resultIssueWorkingDays, to: decidedOn)
    }
}
