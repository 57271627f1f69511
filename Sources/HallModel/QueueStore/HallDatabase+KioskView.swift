import Foundation
import GRDB
import Queue

/// One line as the kiosk offers it: whether a ticket can be taken now, and if not, why.
public struct KioskLine: Sendable, Equatable {
    public var line: ServiceLine
    public var waiting: Int
    public var estimatedWaitMinutes: Int
    /// Open windows whose profile includes the line (0: tickets wait until one opens).
    public var windowsServing: Int
    /// The last sequence number issued today: what `issueTicket` checks the daily cap against.
    public var issuedToday: Int

    public init(line: ServiceLine, waiting: Int, estimatedWaitMinutes: Int, windowsServing: Int, issuedToday: Int) {
        self.line = line; self.waiting = waiting; self.estimatedWaitMinutes = estimatedWaitMinutes
        self.windowsServing = windowsServing; self.issuedToday = issuedToday
    }

    public var isFull: Bool { line.dailyCap.map { issuedToday >= $0 } ?? false }
    public var canIssue: Bool { line.isOpen && !isFull }
}

public struct KioskView: Sendable, Equatable {
    public var hallName: String
    public var timeZone: TimeZone
    public var lines: [KioskLine]

    public init(hallName: String, timeZone: TimeZone, lines: [KioskLine]) {
        self.hallName = hallName; self.timeZone = timeZone; self.lines = lines
    }
}

extension HallDatabase {
    /// `lineEstimates()` plus what it lacks for a kiosk (today's issued count against the cap), in one read.
    public func kioskView() throws -> KioskView {
        let now = clock.now
        return try read { db in
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            let lines = try Self.fetchLines(db).map { line in
                let e = try Self.estimate(db, line: line, before: nil, today: today)
                // The same question issueTicket asks (an index seek on the numbering key).
                let issued = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM ticket WHERE origin_line_id = ? AND business_date = ?",
                                              arguments: [line.id, today]) ?? 0
                return KioskLine(line: line, waiting: e.ahead, estimatedWaitMinutes: e.minutes, windowsServing: e.windows,
                                 issuedToday: issued)
            }
            return KioskView(hallName: settings.hallName, timeZone: settings.businessCalendar.timeZone, lines: lines)
        }
    }
}
