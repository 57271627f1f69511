import Queue

/// The traffic light every open case shows. Stored and exchanged by `rawValue` (a stable key).
/// Judged against the promised deadline (what the hall promised); the statutory one is shown beside it.
public enum CaseLight: String, Codable, Sendable, Hashable, CaseIterable {
    /// More than `case_yellow_days` working days left.
    case green
    /// At most `case_yellow_days` working days left (0 = due today).
    case yellow
    /// Overdue: the deadline has passed (fewer than 0 working days left).
    case red
    /// Suspended: the clock stands still.
    case grey

    public var label: Bilingual {
        switch self {
        case .green: Bilingual(en: "green", zh: "绿灯")
        case .yellow: Bilingual(en: "yellow", zh: "黄灯")
        case .red: Bilingual(en: "red", zh: "红灯")
        case .grey: Bilingual(en: "grey", zh: "灰灯")
        }
    }

    /// `case_yellow_days` when the hall sets none.
    public static let defaultYellowDays = 3

    /// The light of a case in `state` whose relevant deadline is `deadline` (or could not be computed), on `today`.
    /// States where no clock runs for the hall (result issued and after, withdrawn, terminated) give `.closed`.
    public static func judge(state: CaseState, deadline: Result<CivilDate, WorkingCalendarError>, today: CivilDate,
                             yellowDays: Int, calendar: WorkingCalendar) -> CaseLightReading {
        if state == .suspended { return .suspended }
        if CaseState.noDeadlineRuns.contains(state) { return .closed }
        let due: CivilDate
        switch deadline {
        case .success(let d): due = d
        case .failure(let error): return .unknown(error)
        }
        let left: Int
        do {
            left = try CaseClock.workingDaysLeft(until: due, on: today, calendar: calendar)
        } catch {
            // A deadline that has passed is overdue whether or not the days since can be counted (today in a year
            // whose schedule is not loaded).
            return today > due ? .overdue(due: due, uncounted: error) : .unknown(error)
        }
        // Past the deadline is red even when no working day lies between (the weekend or holiday after it): the
        // count says 0 then, the date says overdue.
        if today > due { return .light(.red, workingDaysLeft: min(left, -1)) }
        let light: CaseLight = left <= yellowDays ? .yellow : .green
        return .light(light, workingDaysLeft: left)
    }
}

/// What the light judge says of a case.
public enum CaseLightReading: Sendable, Equatable {
    /// Green, yellow or red, with the working days left (negative when overdue).
    case light(CaseLight, workingDaysLeft: Int)
    /// Grey: suspended, the clock stands still.
    case suspended
    /// No deadline runs: the result is issued (or later), or the case was withdrawn or terminated.
    case closed
    /// The deadline runs into a year whose holiday schedule is not loaded: flagged, never guessed.
    case unknown(WorkingCalendarError)
    /// Red: the deadline `due` has passed, but the working days since cannot be counted (today's year has no
    /// loaded schedule).
    case overdue(due: CivilDate, uncounted: WorkingCalendarError)

    public var light: CaseLight? {
        switch self {
        case .light(let l, _): l
        case .suspended: .grey
        case .overdue: .red
        case .closed, .unknown: nil
        }
    }

    public var workingDaysLeft: Int? {
        if case .light(_, let left) = self { left } else { nil }
    }
}

extension CaseLightReading {
    /// The stable key printed by `case show --json` and `cases list --json`: the light's key, `closed` or `unknown`.
    public var key: String {
        switch self {
        case .light(let l, _): l.rawValue
        case .suspended: CaseLight.grey.rawValue
        case .overdue: CaseLight.red.rawValue
        case .closed: "closed"
        case .unknown: "unknown"
        }
    }

    public var label: Bilingual {
        switch self {
        case .light(let l, _): l.label
        case .suspended: CaseLight.grey.label
        case .closed: Bilingual(en: "none (closed)", zh: "无（已办结）")
        case .unknown(let error): Bilingual(en: "unknown: \(error.message.en)", zh: "未知：\(error.message.zh)")
        case .overdue(let due, _):
            Bilingual(en: "red (due \(due); days since not counted: schedule not loaded)", zh: "红灯（\(due) 到期；逾期天数未计：节假日安排未载入）")
        }
    }

    /// `label` for a case in `state`: a closed case says how it closed — 办结 only when its result went out; a
    /// withdrawn or terminated case was never completed.
    public func label(in state: CaseState) -> Bilingual {
        guard case .closed = self else { return label }
        switch state {
        case .withdrawn: return Bilingual(en: "none (withdrawn)", zh: "无（已撤回）")
        case .terminated: return Bilingual(en: "none (terminated)", zh: "无（已终止）")
        default: return label
        }
    }
}
