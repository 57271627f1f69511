import Foundation
import Queue
import Synchronization

/// "Now" for the process. `DESK_NOW` (ISO 8601 with an offset, e.g. `2026-02-12T09:30:00+08:00`) fixes it,
/// so tests and demos are repeatable; otherwise the system clock.
public struct HallClock: Sendable {
    private let source: @Sendable () -> Date
    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }
    public var now: Date { source() }

    public static let system = HallClock { Date() }
    public static func fixed(_ date: Date) -> HallClock { HallClock { date } }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HallClock {
        guard let text = environment["DESK_NOW"], !text.isEmpty else { return .system }
        guard let date = parseISO8601(text) else { throw ClockError.malformedNow(text) }
        return .fixed(date)
    }

    /// YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM) with a real date, a time of day and an offset within ±14:00.
    static func isWellFormed(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count, range.allSatisfy({ (48...57).contains(chars[$0]) }) else { return nil }
            return Int(String(decoding: chars[range], as: UTF8.self))
        }
        guard (try? BusinessCalendar.validateDate(String(decoding: chars[0..<10], as: UTF8.self))) != nil,
              chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              let h = number(11..<13), let m = number(14..<16), let sec = number(17..<19), h < 24, m < 60, sec < 60 else { return false }
        var i = 19
        if chars[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < chars.count, (48...57).contains(chars[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < chars.count else { return false }
        if chars[i] == UInt8(ascii: "Z") { return i + 1 == chars.count }
        guard chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"), chars.count == i + 6, chars[i + 3] == UInt8(ascii: ":"),
              let oh = number(i + 1..<i + 3), let om = number(i + 4..<i + 6) else { return false }
        return oh * 60 + om <= 14 * 60 && om < 60
    }

    /// Whether `DESK_NOW` fixes the clock for this process.
    public static func isFixedByEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["DESK_NOW"] ?? "").isEmpty
    }

    /// An ISO 8601 time with an offset, checked strictly first: Foundation's parser would roll
    /// 2026-02-30 over into March and accept a +99:00 offset.
    public static func parseISO8601(_ text: String) -> Date? {
        guard isWellFormed(text) else { return nil }
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

public enum ClockError: UserFacingError, Equatable {
    case malformedNow(String)
    case malformedTime(String)
    case malformedDate(String)
    case unknownTimeZone(String)
    case fixedClockRefused

    public var message: Bilingual {
        switch self {
        case .malformedNow(let t):
            return .init(en: "DESK_NOW '\(t)' is not an ISO 8601 time with an offset (e.g. 2026-02-12T09:30:00+08:00).",
                         zh: "DESK_NOW“\(t)”不是带时区的 ISO 8601 时间（例如 2026-02-12T09:30:00+08:00）。")
        case .malformedTime(let t):
            return .init(en: "'\(t)' is not a time of day (HH:MM, e.g. 10:30).", zh: "“\(t)”不是有效的时刻（应为 HH:MM，例如 10:30）。")
        case .malformedDate(let t):
            return .init(en: "'\(t)' is not a date (YYYY-MM-DD).", zh: "“\(t)”不是有效的日期（应为 YYYY-MM-DD）。")
        case .unknownTimeZone(let t):
            return .init(en: "Unknown time zone '\(t)'.", zh: "未知的时区“\(t)”。")
        case .fixedClockRefused:
            return .init(en: "DESK_NOW is refused on a real hall (events must carry the real time); it works only on demo and test halls (desk init --demo or --test).",
                         zh: "正式大厅不接受 DESK_NOW（事件必须记录真实时间）；仅演示或测试大厅（desk init --demo 或 --test）可用。")
        }
    }
}

/// Business dates: the calendar day in the hall's time zone. Numbering resets per business date.
public struct BusinessCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Calendars are cached per zone: loading a zone reads tzdata, and every ticket action needs one.
    public init(timeZoneIdentifier: String) throws {
        if let cached = Self.cache.withLock({ $0[timeZoneIdentifier] }) { self = cached; return }
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { throw ClockError.unknownTimeZone(timeZoneIdentifier) }
        self.init(timeZone: zone)
        let made = self
        Self.cache.withLock { $0[timeZoneIdentifier] = made }
    }

    private static let cache = Mutex<[String: BusinessCalendar]>([:])

    /// "YYYY-MM-DD" of `date` in the hall's zone.
    public func businessDate(of date: Date) -> String {
        CivilDate(date, in: timeZone).description
    }

    /// "HH:MM" of `date` in the hall's zone.
    public func timeOfDay(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// "YYYY-MM-DD HH:MM" of `date` in the hall's zone (when the hall opens next, in messages and JSON).
    public func dateAndTime(_ date: Date) -> String { businessDate(of: date) + " " + timeOfDay(date) }

    /// `date` with its clock time replaced by "HH:MM" (for appointment times given as a time of day).
    public func date(on day: Date, atTimeOfDay text: String) throws -> Date {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
            throw ClockError.malformedTime(text)
        }
        var c = calendar.dateComponents([.year, .month, .day], from: day)
        c.hour = h; c.minute = m; c.second = 0
        guard let result = calendar.date(from: c) else { throw ClockError.malformedTime(text) }
        return result
    }

    /// Validates a "YYYY-MM-DD" business date given on the command line.
    public static func validateDate(_ text: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else {
            throw ClockError.malformedDate(text)
        }
        let daysInMonth = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= daysInMonth[m - 1] else { throw ClockError.malformedDate(text) }
        return text
    }
}

extension Date {
    /// Milliseconds since 1970: how times are stored in the hall database.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    public init(millisecondsSince1970 ms: Int64) { self.init(timeIntervalSince1970: Double(ms) / 1000) }
}
