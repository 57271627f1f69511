import Foundation
import GRDB
import Queue

/// Whether a line is served now, and what a new ticket of it would be told: the people ahead, the estimated
/// wait (none while nobody serves the line) and, when the hall is closed, when it opens next.
struct LineService: Sendable, Equatable {
    var ahead: Int
    var estimatedWaitMinutes: Int?
    /// Open windows whose profile includes the line.
    var windowsOpen: Int
    var unservedReason: LineUnservedReason?
    var nextOpening: Date?
}

/// The hall-wide half of `LineService`, read once per action: the day's seal and the opening hours.
struct HallHours: Sendable {
    var dayClosed: Bool
    var status: OpeningHours.Status
    var hours: OpeningHours
    var zone: TimeZone
    var calendar: WorkingCalendar?
    /// The day is over: closed by `desk day close`, or no opening period of today is still to come (the hall
    /// opens next on a later day). Every line refuses new tickets then (`UnservedIssuePolicy.refuses`).
    var dayOver: Bool

    /// Whether the hall is open at `moment` (an appointment's time).
    func isOpen(at moment: Date) -> Bool { hours.status(at: moment, timeZone: zone, calendar: calendar).isOpen }

    static func load(_ db: Database, settings: HallSettings, now: Date, today: String) throws -> HallHours {
        let dayClosed = try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM day_seal WHERE business_date = ?", arguments: [today]) ?? false
        let hours = settings.openingHours
        // The holiday schedules only when the hours follow them, as the process keeps them (every ticket issued
        // and every kiosk or board frame reads the hours); a calendar that cannot be built leaves the plain week.
        let calendar = hours.followsHolidays ? try? HallDatabase.storedCalendar(db) : nil
        let zone = settings.businessCalendar.timeZone
        var status = hours.status(at: now, timeZone: zone, calendar: calendar)
        if dayClosed {
            // Closed for the rest of today: the next opening is on a later day.
            let tomorrow = OpeningHours.midnight(of: CivilDate(now, in: zone).adding(days: 1), in: zone)
            status.nextOpening = hours.status(at: tomorrow, timeZone: zone, calendar: calendar).nextOpening
        }
        let opensLaterToday = status.nextOpening.map { CivilDate($0, in: zone).description == today } ?? false
        let dayOver = dayClosed || (!status.isIssuing && !opensLaterToday)
        return HallHours(dayClosed: dayClosed, status: status, hours: hours, zone: zone, calendar: calendar, dayOver: dayOver)
    }
}

extension HallDatabase {
    /// The open windows serving the line for a ticket of this kind, and why nobody serves it if so. A window serves a
    /// ticket only if its filter admits it (`WindowFilter.admits`): a normal walk-in only at windows for everyone,
    /// a priority ticket also at priority windows, an appointment also at appointment windows.
    static func serving(_ db: Database, line: ServiceLine, hours: HallHours, priority: PriorityClass = .normal,
                        hasAppointment: Bool = false) throws -> (windowsOpen: Int, reason: LineUnservedReason?) {
        let admitted = WindowFilter.allCases.filter { $0.admits(priority: priority, hasAppointment: hasAppointment) }.map(\.rawValue)
        let marks = admitted.map { _ in "?" }.joined(separator: ",")
        let windows = try Row.fetchOne(db, cachedSQL: """
            SELECT COALESCE(SUM(w.state = 'open'), 0), COALESCE(SUM(w.state = 'paused'), 0)
            FROM service_window w JOIN window_line l ON l.window_id = w.id WHERE l.line_id = ? AND w.filter IN (\(marks))
            """, arguments: [line.id] + StatementArguments(admitted))
        let open: Int = windows?[0] ?? 0, paused: Int = windows?[1] ?? 0
        return (open, LineUnservedReason.judge(dayClosed: hours.dayClosed, inHours: hours.status.isIssuing, windowsOpen: open, windowsPaused: paused))
    }

    /// `before` nil: a ticket issued now would queue behind everyone. See `WaitEstimate` for the formula.
    /// A given ticket's place follows the calling policy (`placeInLine`): a priority ticket or a due appointment
    /// is told the tickets that will really be called before it, not the whole queue.
    static func lineService(_ db: Database, line: ServiceLine, before ticket: Ticket?, today: String, hours: HallHours,
                            policy: CallingPolicy, now: Date) throws -> LineService {
        let ahead: Int
        if let ticket {
            ahead = try placeInLine(db, ticket: ticket, line: line, today: today, policy: policy, now: now)
        } else {
            ahead = try Int.fetchOne(db, cachedSQL: """
                SELECT COUNT(*) FROM ticket WHERE state = 'waiting' AND line_id = ? AND \(TodaysQueue.condition())
                """, arguments: [line.id, today]) ?? 0
        }
        // The last service times finished today: the current pace, at a cost that does not grow through the day.
        let recentSeconds = try Int64.fetchAll(db, cachedSQL: """
            SELECT finished_at - started_at FROM ticket
            WHERE business_date = ? AND line_id = ? AND state = 'finished' AND started_at IS NOT NULL
            ORDER BY finished_at DESC LIMIT ?
            """, arguments: [today, line.id, WaitEstimate.recentSamples]).map { Double($0) / 1000 }
        let (open, reason) = try serving(db, line: line, hours: hours, priority: ticket?.priority ?? .normal,
                                         hasAppointment: ticket?.appointmentAt != nil)
        let service = WaitEstimate.serviceMinutes(recentSeconds: recentSeconds, configuredMinutes: Double(line.defaultServiceMinutes))
        return LineService(ahead: ahead,
                           estimatedWaitMinutes: reason == nil ? WaitEstimate.minutes(ahead: ahead, serviceMinutes: service, windowsServing: open) : nil,
                           windowsOpen: open, unservedReason: reason,
                           nextOpening: reason == .dayClosed || reason == .outOfHours ? hours.status.nextOpening : nil)
    }

    /// How many of today's waiting tickets of the line the calling policy would call before `ticket`: the policy is
    /// applied to the line's queue (as one window serving only that line, no priority streak yet) until it
    /// chooses the ticket. Green channel, due appointments and priority classes go ahead as they will at a window.
    static func placeInLine(_ db: Database, ticket: Ticket, line: ServiceLine, today: String, policy: CallingPolicy, now: Date) throws -> Int {
        if WaitingTicket(ticket: ticket).category == .normal && !ticket.placedFront {
            // A normal walk-in waits behind everyone queued before it (same-millisecond arrivals, or a fixed
            // DESK_NOW, by id as the calling order does): one index count instead of the simulation.
            return try Int.fetchOne(db, cachedSQL: """
                SELECT COUNT(*) FROM ticket WHERE state = 'waiting' AND line_id = ? AND \(TodaysQueue.condition())
                  AND (queued_at < ? OR (queued_at = ? AND id < ?))
                """, arguments: [line.id, today, ticket.queuedAt.millisecondsSince1970, ticket.queuedAt.millisecondsSince1970,
                                 ticket.id]) ?? 0
        }
        var pool = try Row.fetchAll(db, cachedSQL: """
            SELECT \(Ticket.columns) FROM ticket WHERE state = 'waiting' AND line_id = ? AND \(TodaysQueue.condition())
            ORDER BY queued_at, id LIMIT 2000
            """, arguments: [line.id, today]).map(Ticket.init(row:)).map(WaitingTicket.init(ticket:))
        var window = ServiceWindow(id: 0, name: "", profile: [ProfileEntry(lineID: line.id, weight: 1)])
        var ahead = 0
        while let decision = policy.choose(window: window, lines: [line.id: line], candidates: pool, now: now),
              decision.ticket.id != ticket.id {
            ahead += 1
            pool.removeAll { $0.id == decision.ticket.id }
            window.priorityStreak = decision.priorityStreak
        }
        return ahead
    }
}

/// Why a ticket or an appointment is refused by the hall's hours or windows (exit 1).
public enum IssueRefusal: UserFacingError, Equatable {
    /// The line refuses tickets while nobody serves it; `opensNext` "YYYY-MM-DD HH:MM" when the hall is closed.
    case lineUnserved(prefix: String, reason: LineUnservedReason, opensNext: String?)
    case appointmentPast(String)
    case appointmentOutOfHours(String)

    public var message: Bilingual {
        switch self {
        case .lineUnserved(let p, let reason, let next):
            let when = next.map { Bilingual(en: " The hall opens next at \($0).", zh: "下次办理时间：\($0)。") } ?? Bilingual(en: "", zh: "")
            return .init(en: "Line \(p) is not issuing tickets: \(reason.label.en).\(when.en)",
                         zh: "号段 \(p) 暂不取号：\(reason.label.zh)。\(when.zh)")
        case .appointmentPast(let t):
            return .init(en: "The appointment time \(t) has already passed today.", zh: "预约时间 \(t) 今日已过。")
        case .appointmentOutOfHours(let t):
            return .init(en: "The appointment time \(t) is outside the hall's opening hours.", zh: "预约时间 \(t) 不在大厅办理时间内。")
        }
    }
}
