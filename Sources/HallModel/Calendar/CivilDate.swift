import Foundation
import Queue

/// A calendar date with no time and no time zone: the unit of legal time limits.
/// Proleptic Gregorian, years 1...9999 so it always prints as `YYYY-MM-DD`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the components do not name a real date (2026-02-29, month 13, year 0...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date, as in the holiday files).
    public init(parsing text: String) throws(CivilDateError) {
        // Byte by byte, without splitting: every stored date is read through here (a list of 400 cases parses
        // 2,400), and the split's allocations were most of the cost of decoding a case row.
        var fields = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { throw .malformed(text) }
            case 0..<10:
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw .malformed(text) }
                let digit = Int(byte - UInt8(ascii: "0"))
                if count < 4 { fields.year = fields.year * 10 + digit }
                else if count < 7 { fields.month = fields.month * 10 + digit }
                else { fields.day = fields.day * 10 + digit }
            default:
                throw .malformed(text)
            }
            count += 1
        }
        guard count == 10 else { throw .malformed(text) }
        guard let date = CivilDate(year: fields.year, month: fields.month, day: fields.day) else { throw .notARealDate(text) }
        self = date
    }

    /// The date a moment falls on in a given time zone. The caller names the zone and the moment,
    /// so no computation here reads a hidden clock.
    /// Integer arithmetic on the zone's offset at that moment: this runs on every ticket action, and
    /// Foundation's calendar components are far slower.
    public init(_ moment: Date, in timeZone: TimeZone) {
        let local = Int((moment.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: moment))).rounded(.down))
        self.init(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last date a `CivilDate` can name.
    public static let latest = CivilDate(unchecked: 9999, 12, 31)

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of `dayNumber` (Hinnant's `civil_from_days`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Natural days from `other` to `self` (positive when `self` is later).
    public func days(since other: CivilDate) -> Int {
        dayNumber - other.dayNumber
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let fromMonday = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: fromMonday + 1)!
    }

    /// `YYYY-MM-DD`, its ten ASCII digits and dashes written out: every stored date, deadline and event detail is
    /// spelled here (an intake spells a dozen), and padding `String`s cost more than the rest of an event's detail.
    public var description: String {
        // A date counted past the calendar's range (`init(dayNumber:)` does not check) prints as it always did.
        guard (0...9999).contains(year) else {
            func pad(_ n: Int, _ width: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { out in
            func digit(_ n: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(truncatingIfNeeded: n % 10) }
            out[0] = digit(year / 1000); out[1] = digit(year / 100); out[2] = digit(year / 10); out[3] = digit(year)
            out[4] = UInt8(ascii: "-"); out[5] = digit(month / 10); out[6] = digit(month)
            out[7] = UInt8(ascii: "-"); out[8] = digit(day / 10); out[9] = digit(day)
            return 10
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// ISO weekday numbering: Monday = 1 ... Sunday = 7.
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

/// Stored and exchanged as `"YYYY-MM-DD"`, the form used in the holiday files and the database.
extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CivilDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum CivilDateError: UserFacingError, Equatable {
    /// Not of the form YYYY-MM-DD.
    case malformed(String)
    /// Well formed but no such day (2026-02-30).
    case notARealDate(String)

    public var message: Bilingual {
        switch self {
        case .malformed(let text):
            Bilingual(en: "\"\(text)\" is not a date of the form YYYY-MM-DD",
                      zh: "“\(text)”不是 YYYY-MM-DD 格式的日期")
        case .notARealDate(let text):
            Bilingual(en: "\(text) is not a real date", zh: "\(text) 不是真实存在的日期")
        }
    }
}
