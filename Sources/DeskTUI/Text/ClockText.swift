import Foundation

/// Dates and times as the hall reads them, in the hall's time zone (not the terminal's). Calendar
/// arithmetic rather than a shared DateFormatter, so it is safe from any thread.
public enum ClockText {
    /// "09:31", or "09:31:05" with `seconds`.
    public static func time(_ date: Date, timeZone: TimeZone, seconds: Bool = false) -> String {
        let c = components(date, timeZone)
        return seconds ? String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
                       : String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// "2026-02-12".
    public static func date(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// "2026-02-12 09:31".
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        Self.date(date, timeZone: timeZone) + " " + time(date, timeZone: timeZone)
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}
