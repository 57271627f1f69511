import Foundation
import Queue

/// When the hall is open: periods per weekday (e.g. 09:00–12:00 and 13:30–17:00, Monday to Friday), closed on
/// the State Council's holidays and open on its make-up working days (调休) when `followsHolidays`; a make-up
/// working day keeps Monday's hours. A year whose schedule is not loaded falls back to the plain week.
/// The kiosk stops issuing `issueStopMinutes` before each period ends. Pure: the caller gives the moment,
/// the zone and the working calendar.
public struct OpeningHours: Sendable, Hashable, Codable {
    /// One opening period, in minutes after midnight; `end` may be 1440 (24:00).
    public struct Period: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) { self.start = start; self.end = end }
    }

    /// Periods per weekday, Monday first (index `weekday.rawValue - 1`); empty: closed that day.
    public var week: [[Period]]
    public var followsHolidays: Bool
    public var issueStopMinutes: Int

    public init(week: [[Period]], followsHolidays: Bool, issueStopMinutes: Int) {
        self.week = week.count == 7 ? week : Array(repeating: [], count: 7)
        self.followsHolidays = followsHolidays; self.issueStopMinutes = issueStopMinutes
    }

    /// A new hall's hours: 09:00–12:00 and 13:30–17:00 on working days; the kiosk stops 30 minutes before closing.
    public static let standard: OpeningHours = {
        let day = [Period(start: 9 * 60, end: 12 * 60), Period(start: 13 * 60 + 30, end: 17 * 60)]
        return OpeningHours(week: Array(repeating: day, count: 5) + [[], []], followsHolidays: true, issueStopMinutes: 30)
    }()

    /// Demo and test halls: open all day every day, so demos and tests run at any `DESK_NOW`.
    public static let allDay = OpeningHours(week: Array(repeating: [Period(start: 0, end: 1440)], count: 7),
                                            followsHolidays: false, issueStopMinutes: 0)

    public static func defaults(for kind: HallKind) -> OpeningHours { kind == .production ? .standard : .allDay }

    public func periods(on date: CivilDate, calendar: WorkingCalendar?) -> [Period] {
        if followsHolidays, let calendar, let kind = try? calendar.kind(of: date) {
            switch kind {
            case .holiday: return []
            case .makeUpWorkingDay: return week[0]
            case .workingDay, .weekend: break
            }
        }
        return week[date.weekday.rawValue - 1]
    }

    /// Where `moment` falls: whether the hall is open, whether the kiosk still issues, and when it next opens.
    public struct Status: Sendable, Equatable {
        public var isOpen: Bool
        public var isIssuing: Bool
        /// The next start of a period after `moment` (nil: none within a year), for "opens next at …".
        public var nextOpening: Date?
    }

    public func status(at moment: Date, timeZone: TimeZone, calendar: WorkingCalendar?) -> Status {
        let today = CivilDate(moment, in: timeZone)
        let midnight = Self.midnight(of: today, in: timeZone)
        let minute = Int(moment.timeIntervalSince(midnight) / 60)
        let current = periods(on: today, calendar: calendar).first { $0.start <= minute && minute < $0.end }
        let issuing = current.map { minute < $0.end - issueStopMinutes } ?? false
        var next: Date?
        for offset in 0...366 {
            let day = today.adding(days: offset)
            let start = Self.midnight(of: day, in: timeZone)
            if let period = periods(on: day, calendar: calendar).first(where: { offset > 0 || $0.start >= minute }) {
                next = start.addingTimeInterval(Double(period.start) * 60)
                break
            }
        }
        return Status(isOpen: current != nil, isIssuing: issuing, nextOpening: next)
    }

    static func midnight(of day: CivilDate, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }

    /// The same checks as `parse`, for hours built in code: every day's periods within the day, ordered, apart.
    public func validate() throws(OpeningHoursError) {
        for day in week {
            let text = Self.format(day)
            guard day.allSatisfy({ $0.start >= 0 && $0.end <= 1440 }) else { throw .malformed(text) }
            guard try Self.parse(text) == day else { throw .notOrdered(text) }
        }
    }

    // MARK: Text: "09:00-12:00,13:30-17:00", or "closed"

    public static func format(_ periods: [Period]) -> String {
        guard !periods.isEmpty else { return "closed" }
        func time(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
        return periods.map { time($0.start) + "-" + time($0.end) }.joined(separator: ",")
    }

    /// Parses one day's periods: each start before its end, in order, none overlapping; "closed" for none.
    public static func parse(_ text: String) throws(OpeningHoursError) -> [Period] {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text == "closed" || text.isEmpty { return [] }
        func minutes(_ s: Substring) throws(OpeningHoursError) -> Int {
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let h = Int(parts[0]), let m = Int(parts[1]), m < 60, h < 24 || (h == 24 && m == 0) else {
                throw .malformed(text)
            }
            return h * 60 + m
        }
        var periods: [Period] = []
        for piece in text.split(separator: ",") {
            let ends = piece.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2 else { throw .malformed(text) }
            let period = Period(start: try minutes(ends[0]), end: try minutes(ends[1]))
            guard period.start < period.end else { throw .notOrdered(text) }
            if let last = periods.last, period.start < last.end { throw .notOrdered(text) }
            periods.append(period)
        }
        return periods
    }
}

public enum OpeningHoursError: UserFacingError, Equatable {
    case malformed(String)
    case notOrdered(String)

    public var message: Bilingual {
        switch self {
        case .malformed(let t):
            .init(en: "'\(t)' is not a list of opening periods (e.g. 09:00-12:00,13:30-17:00, or closed).",
                  zh: "“\(t)”不是有效的办理时段（例如 09:00-12:00,13:30-17:00，或 closed）。")
        case .notOrdered(let t):
            .init(en: "'\(t)': each period must end after it starts, in order of the day, without overlapping.",
                  zh: "“\(t)”：每个时段须先开始后结束，按时间先后排列且不得重叠。")
        }
    }
}
