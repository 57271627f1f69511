import Queue

/// Working days as the law counts them (Administrative Licensing Law art. 82): Monday to Friday,
/// minus the State Council's holidays, plus its make-up working weekends.
/// Only years with a loaded schedule can be counted: a date in any other year throws
/// `scheduleNotLoaded` instead of being guessed, so a deadline is never silently wrong.
public struct WorkingCalendar: Sendable, Hashable {
    /// Loaded schedules by year.
    public let schedules: [Int: HolidaySchedule]

    /// Two schedules for one year are ambiguous, so they are an error; use `replacing` to update a year.
    public init(_ schedules: [HolidaySchedule]) throws(WorkingCalendarError) {
        var byYear: [Int: HolidaySchedule] = [:]
        for schedule in schedules {
            guard byYear.updateValue(schedule, forKey: schedule.year) == nil else {
                throw .duplicateYear(schedule.year)
            }
        }
        self.schedules = byYear
    }

    /// The calendar from the schedules shipped with HallDesk.
    public static func bundled() throws -> WorkingCalendar {
        try WorkingCalendar(HolidaySchedule.bundled())
    }

    /// This calendar with `schedule` added, or replacing the loaded schedule of its year (an import).
    public func replacing(_ schedule: HolidaySchedule) -> WorkingCalendar {
        var byYear = schedules
        byYear[schedule.year] = schedule
        return WorkingCalendar(byYear: byYear)
    }

    private init(byYear: [Int: HolidaySchedule]) {
        schedules = byYear
    }

    public var loadedYears: [Int] { schedules.keys.sorted() }

    public enum DayKind: Sendable, Hashable {
        case workingDay
        case weekend
        case holiday(String)
        /// A weekend day worked in exchange for a holiday (调休).
        case makeUpWorkingDay(String)

        public var isWorkingDay: Bool {
            switch self {
            case .workingDay, .makeUpWorkingDay: true
            case .weekend, .holiday: false
            }
        }
    }

    public func kind(of date: CivilDate) throws(WorkingCalendarError) -> DayKind {
        guard let schedule = schedules[date.year] else { throw .scheduleNotLoaded(year: date.year) }
        if let exception = schedule.day(on: date) {
            return exception.isOffDay ? .holiday(exception.name) : .makeUpWorkingDay(exception.name)
        }
        return date.weekday.isWeekend ? .weekend : .workingDay
    }

    public func isWorkingDay(_ date: CivilDate) throws(WorkingCalendarError) -> Bool {
        try kind(of: date).isWorkingDay
    }

    /// The `count`th working day after `start`; `start` itself is not counted (the day of acceptance).
    /// Zero gives `start` back.
    public func addingWorkingDays(_ count: Int, to start: CivilDate) throws(WorkingCalendarError) -> CivilDate {
        guard count >= 0 else { throw .negativeCount(count) }
        var date = start
        var remaining = count
        while remaining > 0 {
            guard date < CivilDate.latest else { throw .beyondLatestDate }
            date = date.adding(days: 1)
            if try isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// Working days after `start` up to and including `end`: the inverse of `addingWorkingDays`.
    /// Negative when `end` is before `start` (e.g. how many working days a deadline is overdue).
    public func workingDays(from start: CivilDate, to end: CivilDate) throws(WorkingCalendarError) -> Int {
        if end < start { return try -workingDays(from: end, to: start) }
        var count = 0
        var date = start
        while date < end {
            date = date.adding(days: 1)
            if try isWorkingDay(date) { count += 1 }
        }
        return count
    }

    /// `start` plus `count` calendar days. Needs no holidays, but checks the years are loaded anyway:
    /// a deadline running into a year without a schedule is flagged whatever its unit, as one rule for clerks.
    public func addingNaturalDays(_ count: Int, to start: CivilDate) throws(WorkingCalendarError) -> CivilDate {
        guard count >= 0 else { throw .negativeCount(count) }
        // Checked before adding: a huge count would overflow the day arithmetic (a trap, not an error).
        guard count <= CivilDate.latest.days(since: start) else { throw .beyondLatestDate }
        let end = start.adding(days: count)
        try requireLoaded(from: start, to: end)
        return end
    }

    /// Calendar days after `start` up to and including `end` (negative when `end` is earlier).
    public func naturalDays(from start: CivilDate, to end: CivilDate) throws(WorkingCalendarError) -> Int {
        try requireLoaded(from: min(start, end), to: max(start, end))
        return end.days(since: start)
    }

    /// Throws for the first year in the range without a schedule; `start` itself is not counted.
    private func requireLoaded(from start: CivilDate, to end: CivilDate) throws(WorkingCalendarError) {
        guard start < end else { return }
        for year in start.adding(days: 1).year...end.year where schedules[year] == nil {
            throw .scheduleNotLoaded(year: year)
        }
    }
}

public enum WorkingCalendarError: UserFacingError, Equatable {
    case scheduleNotLoaded(year: Int)
    case duplicateYear(Int)
    case negativeCount(Int)
    /// The result would fall after 9999-12-31, the last date a `CivilDate` can name.
    case beyondLatestDate

    public var message: Bilingual {
        switch self {
        case .scheduleNotLoaded(let year):
            Bilingual(en: "holiday schedule for \(year) is not loaded", zh: "\(year) 年节假日安排未导入")
        case .duplicateYear(let year):
            Bilingual(en: "two holiday schedules for \(year) were given", zh: "\(year) 年的节假日安排重复")
        case .negativeCount(let count):
            Bilingual(en: "a number of days cannot be negative (\(count))", zh: "天数不能为负数（\(count)）")
        case .beyondLatestDate:
            Bilingual(en: "the result would fall after \(CivilDate.latest), the last date that can be counted",
                      zh: "结果将晚于 \(CivilDate.latest)（可计算的最后日期）")
        }
    }
}
