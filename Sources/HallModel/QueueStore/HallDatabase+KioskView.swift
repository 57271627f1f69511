import Foundation
import GRDB
import Queue

/// One line as the kiosk offers it: whether a ticket can be taken now, and if not, why.
public struct KioskLine: Sendable, Equatable {
    public var line: ServiceLine
    public var waiting: Int
    /// nil while no window serves the line (`unservedReason` says why): no time is promised then.
    public var estimatedWaitMinutes: Int?
    /// Open windows whose profile includes the line.
    public var windowsServing: Int
    /// The last sequence number issued today: what `issueTicket` checks the daily cap against.
    public var issuedToday: Int
    /// Why no window serves the line now (day closed, out of hours, windows paused, none open); nil: served.
    public var unservedReason: LineUnservedReason?
    /// The hall's day is over (closed, or no opening period left today): every line refuses new tickets.
    public var dayOver: Bool

    public init(line: ServiceLine, waiting: Int, estimatedWaitMinutes: Int?, windowsServing: Int, issuedToday: Int,
                unservedReason: LineUnservedReason? = nil, dayOver: Bool = false) {
        self.line = line; self.waiting = waiting; self.estimatedWaitMinutes = estimatedWaitMinutes
        self.windowsServing = windowsServing; self.issuedToday = issuedToday; self.unservedReason = unservedReason
        self.dayOver = dayOver
    }

    public var isFull: Bool { line.dailyCap.map { issuedToday >= $0 } ?? false }
    /// Unserved and set to refuse, or the day is over: no ticket now (`UnservedIssuePolicy.refuses`).
    public var refusesUnserved: Bool { line.whenUnserved.refuses(unservedReason, dayOver: dayOver) }
    public var canIssue: Bool { line.isOpen && !isFull && !refusesUnserved }
}

public struct KioskView: Sendable, Equatable {
    public var hallName: String
    public var timeZone: TimeZone
    public var lines: [KioskLine]
    /// When the hall opens next, while it is closed (day closed or outside opening hours); nil while open.
    public var nextOpening: Date?

    public init(hallName: String, timeZone: TimeZone, lines: [KioskLine], nextOpening: Date? = nil) {
        self.hallName = hallName; self.timeZone = timeZone; self.lines = lines; self.nextOpening = nextOpening
    }
}

extension HallDatabase {
    /// Every line as a new ticket would find it (`lineService`), with today's issued count against the cap, in one read.
    public func kioskView() throws -> KioskView {
        let now = clock.now
        return try read { db in
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            let hours = try HallHours.load(db, settings: settings, now: now, today: today)
            let lines = try Self.fetchLines(db).map { line in
                let service = try Self.lineService(db, line: line, before: nil, today: today, hours: hours,
                                                  policy: settings.callingPolicy, now: now)
                // The same question issueTicket asks (an index seek on the numbering key).
                let issued = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM ticket WHERE origin_line_id = ? AND business_date = ?",
                                              arguments: [line.id, today]) ?? 0
                return KioskLine(line: line, waiting: service.ahead, estimatedWaitMinutes: service.estimatedWaitMinutes,
                                 windowsServing: service.windowsOpen, issuedToday: issued, unservedReason: service.unservedReason,
                                 dayOver: hours.dayOver)
            }
            let closed = hours.dayClosed || !hours.status.isIssuing
            return KioskView(hallName: settings.hallName, timeZone: settings.businessCalendar.timeZone, lines: lines,
                             nextOpening: closed ? hours.status.nextOpening : nil)
        }
    }
}
