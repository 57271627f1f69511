import Queue

/// Working days as the law counts them (Administrative Licensing Law art. 82): Monday to Friday,
/// minus the State Council's holidays, plus its make-up working weekends.
/// Only years with a loaded schedule can be counted: a date in any other year throws
/// `scheduleNotLoaded` instead of being guessed, so a deadline is never silently wrong.
///
/// Counting does not walk day by day: each value builds, once (at `init` and `replacing`), the cumulative
/// working-day counts over each run of consecutive loaded years (`WorkingDayIndex`), and answers
/// `addingWorkingDays` and `workingDays(from:to:)` by arithmetic on them, with the same results and errors
/// as the walk (a test compares the two over random dates).
public struct WorkingCalendar: Sendable, Hashable {
    /// Loaded schedules by year.
    public let schedules: [Int: HolidaySchedule]
    /// Derived from `schedules`; not part of equality.
    private let index: WorkingDayIndex

    /// Two schedules for one year are ambiguous, so they are an error; use `replacing` to update a year.
    public init(_ schedules: [HolidaySchedule]) throws(WorkingCalendarError) {
        var byYear: [Int: HolidaySchedule] = [:]
        for schedule in schedules {
            guard byYear.updateValue(schedule, forKey: schedule.year) == nil else {
                throw .duplicateYear(schedule.year)
            }
        }
        self.schedules = byYear
        index = WorkingDayIndex(byYear)
    }

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool { a.schedules == b.schedules }
    public func hash(into hasher: inout Hasher) { hasher.combine(schedules) }

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
        index = WorkingDayIndex(byYear)
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
    /// Zero gives `start` back. Constant time: an index into the run's list of working days.
    public func addingWorkingDays(_ count: Int, to start: CivilDate) throws(WorkingCalendarError) -> CivilDate {
        guard count >= 0 else { throw .negativeCount(count) }
        guard count > 0 else { return start }
        guard start < CivilDate.latest else { throw .beyondLatestDate }
        let first = start.dayNumber + 1
        guard let run = index.run(containing: first) else { throw .scheduleNotLoaded(year: start.adding(days: 1).year) }
        let before = run.workingDaysBefore(first)
        guard count <= run.workingDayOffsets.count - before else { throw run.pastTheEnd }
        return CivilDate(dayNumber: run.firstDay + Int(run.workingDayOffsets[before + count - 1]))
    }

    /// Working days after `start` up to and including `end`: the inverse of `addingWorkingDays`.
    /// Negative when `end` is before `start` (e.g. how many working days a deadline is overdue).
    public func workingDays(from start: CivilDate, to end: CivilDate) throws(WorkingCalendarError) -> Int {
        if end < start { return try -workingDays(from: end, to: start) }
        guard start < end else { return 0 }
        let first = start.dayNumber + 1
        guard let run = index.run(containing: first) else { throw .scheduleNotLoaded(year: start.adding(days: 1).year) }
        let last = end.dayNumber
        guard last <= run.lastDay else { throw run.pastTheEnd }
        return run.workingDaysBefore(last + 1) - run.workingDaysBefore(first)
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

/// Cumulative working-day counts over each run of consecutive loaded years, built once per calendar value.
private struct WorkingDayIndex: Sendable {
    struct Run: Sendable {
        /// Day numbers (`CivilDate.dayNumber`) of 1 January of the run's first year and 31 December of its last.
        let firstDay: Int
        let lastDay: Int
        let lastYear: Int
        /// `cumulative[i]`: working days among the run's days `0..<i` (so `cumulative[0] == 0`).
        let cumulative: [Int32]
        /// Offsets from `firstDay` of the run's working days, in order: the inverse of `cumulative`.
        let workingDayOffsets: [Int32]

        /// Working days in the run strictly before day number `day` (`firstDay...lastDay + 1`).
        func workingDaysBefore(_ day: Int) -> Int { Int(cumulative[day - firstDay]) }

        /// What a count running past the run's last day meets: the next year is not loaded (runs are maximal),
        /// or there is no next year.
        var pastTheEnd: WorkingCalendarError {
            lastYear >= CivilDate.latest.year ? .beyondLatestDate : .scheduleNotLoaded(year: lastYear + 1)
        }
    }

    let runs: [Run]
    /// The first loaded year; `runOfYear[year - firstYear]` is the run holding that year, or -1.
    let firstYear: Int
    let runOfYear: [Int]

    init(_ schedules: [Int: HolidaySchedule]) {
        let years = schedules.keys.sorted()
        var runs: [Run] = []
        var runOfYear = Array(repeating: -1, count: (years.last ?? 0) - (years.first ?? 0) + 1)
        var i = 0
        while i < years.count {
            var j = i
            while j + 1 < years.count, years[j + 1] == years[j] + 1 { j += 1 }
            // Years come from `HolidaySchedule`, which checks them (1...9999), so these dates exist.
            let firstDay = CivilDate(year: years[i], month: 1, day: 1)?.dayNumber ?? 0
            let lastDay = CivilDate(year: years[j], month: 12, day: 31)?.dayNumber ?? -1
            var cumulative: [Int32] = [0]
            var offsets: [Int32] = []
            cumulative.reserveCapacity(lastDay - firstDay + 2)
            if firstDay <= lastDay {
                for day in firstDay...lastDay {
                    let date = CivilDate(dayNumber: day)
                    let working = schedules[date.year]?.day(on: date).map { !$0.isOffDay } ?? !date.weekday.isWeekend
                    if working { offsets.append(Int32(day - firstDay)) }
                    cumulative.append(Int32(offsets.count))
                }
            }
            for year in years[i]...years[j] { runOfYear[year - years[0]] = runs.count }
            runs.append(Run(firstDay: firstDay, lastDay: lastDay, lastYear: years[j], cumulative: cumulative, workingDayOffsets: offsets))
            i = j + 1
        }
        self.runs = runs
        firstYear = years.first ?? 0
        self.runOfYear = runOfYear
    }

    /// The run holding day number `day`, or nil when its year is not loaded.
    func run(containing day: Int) -> Run? {
        guard let first = runs.first, day >= first.firstDay, let last = runs.last, day <= last.lastDay else { return nil }
        let year = CivilDate(dayNumber: day).year
        let r = runOfYear[year - firstYear]
        return r < 0 ? nil : runs[r]
    }
}

public enum WorkingCalendarError: UserFacingError, Hashable {
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
