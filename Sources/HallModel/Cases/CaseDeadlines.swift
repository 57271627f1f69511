import Queue

/// The deadlines of a case as the intake computes them, until the case-lifecycle rules (`CaseClock`) take over:
/// the day of acceptance is not counted; a natural-day deadline that ends on a non-working day moves to the
/// next working day; a year without a holiday schedule makes the deadline unknown (never guessed).
enum CaseDeadlines {
    /// The last day of `limit` counted from `start`.
    static func due(_ limit: TimeLimit, from start: CivilDate, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        var date = try limit.deadline(from: start, calendar: calendar)
        if limit.unit == .naturalDays {
            while try !calendar.isWorkingDay(date) { date = date.adding(days: 1) }
        }
        return date
    }

    /// The last day to decide a "received, checking" intake (art. 32: 5 working days after the materials arrived).
    static let pendingDecisionDays = 5
}

/// A case's light against its PROMISED deadline: green; yellow when `case_yellow_days` or fewer working days
/// are left; red when overdue; grey while suspended. `none` once the clock no longer runs (decided, closed);
/// `unknown` when the deadline could not be counted. Computed for `case show` until the lifecycle's `CaseLight`
/// replaces it.
public enum DeadlineLight: String, Codable, Sendable, Hashable, CaseIterable {
    case green, yellow, red, grey, none, unknown

    public static func of(state: CaseState, workingDaysLeft: Int?, yellowDays: Int) -> DeadlineLight {
        if state == .suspended { return .grey }
        guard state.clockRuns else { return .none }
        guard let left = workingDaysLeft else { return .unknown }
        if left < 0 { return .red }
        return left <= yellowDays ? .yellow : .green
    }

    public var label: Bilingual {
        switch self {
        case .green: Bilingual(en: "green", zh: "绿灯")
        case .yellow: Bilingual(en: "yellow", zh: "黄灯")
        case .red: Bilingual(en: "red", zh: "红灯")
        case .grey: Bilingual(en: "grey (suspended)", zh: "灰灯（已中止）")
        case .none: Bilingual(en: "none", zh: "无")
        case .unknown: Bilingual(en: "unknown (holiday schedule not loaded)", zh: "未知（节假日安排未导入）")
        }
    }
}
