import Foundation
import GRDB
import Queue

/// Which open tickets belong to today's hall: the one rule every view and the calling order follow.
/// A ticket is today's when it was issued on today's business date, or when its line keeps tickets overnight
/// (`desk line change --keeps-overnight`). Yesterday's A001 is never counted, shown or called as today's,
/// even before the first write of the day closes it as unserved.
enum TodaysQueue {
    /// A SQL condition on the `ticket` table (`alias` "t" gives `t.business_date`…) with one `?`: today's date.
    static func condition(_ alias: String? = nil) -> String {
        let p = alias.map { $0 + "." } ?? ""
        return "(\(p)business_date = ? OR \(p)line_id IN (SELECT id FROM service_line WHERE keeps_overnight))"
    }

    /// The board's and `desk queue`'s announcements: of today's tickets (above), made today or of a ticket still
    /// called or served at the window. Two `?`: today's date, then the business day's first millisecond.
    static let announcementCondition = """
        \(condition("t")) AND (a.at >= ? OR t.state IN ('called', 'serving'))
        """

    /// The first millisecond of the business date of `now`.
    static func dayStart(_ now: Date, in zone: TimeZone) -> Int64 {
        OpeningHours.midnight(of: CivilDate(now, in: zone), in: zone).millisecondsSince1970
    }
}
