/// Why no window serves a line right now, as the kiosk and `ticket issue` say it. Stored and printed by
/// `rawValue` (a stable key); the most fundamental reason wins (`dayClosed` before `outOfHours` before the windows).
public enum LineUnservedReason: String, Sendable, Codable, CaseIterable {
    /// `desk day close` ran for today.
    case dayClosed = "day_closed"
    /// Outside the hall's opening hours (a holiday, before opening, the lunch break, after closing, or within
    /// the last minutes before closing when the kiosk stops issuing).
    case outOfHours = "out_of_hours"
    /// Every window that serves the line is paused.
    case windowsPaused = "windows_paused"
    /// No window that serves the line is open (nobody signed in, or no window has the line in its profile).
    case noWindowOpen = "no_window_open"

    /// The reason, from what the hall knows now. nil: the line is served (an open window, inside hours).
    public static func judge(dayClosed: Bool, inHours: Bool, windowsOpen: Int, windowsPaused: Int) -> LineUnservedReason? {
        if dayClosed { return .dayClosed }
        if !inHours { return .outOfHours }
        if windowsOpen > 0 { return nil }
        return windowsPaused > 0 ? .windowsPaused : .noWindowOpen
    }

    public var label: Bilingual {
        switch self {
        case .dayClosed: .init(en: "the hall has closed for today", zh: "今日已停止办理")
        case .outOfHours: .init(en: "outside opening hours", zh: "不在办理时间")
        case .windowsPaused: .init(en: "its windows are paused", zh: "窗口暂停服务")
        case .noWindowOpen: .init(en: "no window is open for it", zh: "暂无窗口办理")
        }
    }
}

/// What a line does with a new ticket while no window serves it (a per-line setting, stable keys).
public enum UnservedIssuePolicy: String, Sendable, Codable, CaseIterable {
    /// Issue it, saying plainly on the kiosk and the slip that nobody serves the line now, with no time estimate.
    case issueWithWarning
    /// Refuse it, saying why and when the hall opens next.
    case refuse
}

extension UnservedIssuePolicy {
    /// Whether a new ticket is refused. Once the day is over (`desk day close` ran, or the day's last opening
    /// period has ended) every line refuses, whatever its setting: the ticket would be closed as unserved before
    /// anyone called it. In the day (before opening, the lunch break, windows paused, none open) the setting decides.
    public func refuses(_ reason: LineUnservedReason?, dayOver: Bool) -> Bool {
        guard reason != nil else { return false }
        return dayOver || self == .refuse
    }
}
