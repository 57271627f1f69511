import Foundation
import GRDB
import Queue

/// Everything the window clerk's screen shows, as plain values: the screen draws from this and
/// never touches the database.
public struct WindowView: Sendable, Equatable {
    /// A ticket with the line it is in now (for the line's name and wait target).
    public struct Entry: Sendable, Equatable {
        public var ticket: Ticket
        public var line: ServiceLine
        /// The current ticket, when it was transferred here: where it came from.
        public var origin: TransferOrigin?
        /// A held ticket: since when it is held.
        public var heldSince: Date?
        /// Why the calling policy chose (or would choose) it: the current ticket's last call, a waiting ticket's
        /// place in the simulated order. The screen shows it for appointments (why one went first).
        public var reason: CallingPolicy.Reason?
        public init(ticket: Ticket, line: ServiceLine, origin: TransferOrigin? = nil, heldSince: Date? = nil,
                    reason: CallingPolicy.Reason? = nil) {
            self.ticket = ticket; self.line = line; self.origin = origin; self.heldSince = heldSince; self.reason = reason
        }
    }

    public var hallName: String
    /// The hall's time zone, for the clock and times of day.
    public var timeZone: TimeZone
    public var window: ServiceWindow
    public var staffName: String?
    /// The called or serving ticket.
    public var current: Entry?
    /// Tickets held (parked) at this window, oldest first.
    public var held: [Entry]
    /// The waiting tickets this window would call, in calling order (the first `waitingLimit`).
    public var waiting: [Entry]
    /// All waiting tickets this window could call (the list may show fewer).
    public var waitingCount: Int
    /// Every line of the hall, for the transfer picker.
    public var lines: [ServiceLine]
    /// Calls a ticket needs before it can be marked a no-show.
    public var noShowAfterCalls: Int
    /// Today's supervisor's messages this window has not read, oldest first (the screen's banner shows the first).
    public var messages: [WindowMessage]

    public init(hallName: String, timeZone: TimeZone, window: ServiceWindow, staffName: String?, current: Entry?,
                held: [Entry], waiting: [Entry], waitingCount: Int, lines: [ServiceLine], noShowAfterCalls: Int,
                messages: [WindowMessage] = []) {
        self.hallName = hallName; self.timeZone = timeZone; self.window = window; self.staffName = staffName
        self.current = current; self.held = held; self.waiting = waiting; self.waitingCount = waitingCount
        self.lines = lines; self.noShowAfterCalls = noShowAfterCalls; self.messages = messages
    }
}

extension HallDatabase {
    /// The window clerk's picture of one window. The calling order is simulated by `callingOrder`
    /// (its own read); the rest is one read. A change between the two shows up at the next reload,
    /// because the caller compares `dataVersion()` taken before this call.
    public func windowView(_ windowID: Int, waitingLimit: Int = 60) throws -> WindowView {
        let now = clock.now
        let order = try callingDecisions(window: windowID, limit: waitingLimit)
        return try read { db in
            let settings = try HallSettings.load(db)
            let window = try Self.fetchWindow(db, id: windowID)
            let lines = try Self.fetchLines(db)
            let byID = Dictionary(uniqueKeysWithValues: lines.map { ($0.id, $0) })
            func entry(_ t: Ticket, _ reason: CallingPolicy.Reason? = nil) -> WindowView.Entry {
                WindowView.Entry(ticket: t, line: byID[t.lineID] ?? ServiceLine(id: t.lineID, prefix: "?", name: "?", targetWaitMinutes: 0),
                                 reason: reason)
            }
            let staffName = try window.staffID.flatMap {
                try String.fetchOne(db, sql: "SELECT name FROM staff WHERE id = ?", arguments: [$0])
            }
            // The current and held tickets' own events (a few rows each): the transfer origin and the time held.
            let current = try Self.activeTicket(db, window: windowID).map { ticket in
                var e = entry(ticket, try Self.lastCallReason(db, ticket: ticket.id))
                e.origin = try Self.history(db, of: ticket, lines: lines).origin(lines: lines)
                return e
            }
            let held = try Self.heldTickets(db, window: windowID).map { ticket in
                var e = entry(ticket)
                e.heldSince = try Self.history(db, of: ticket, lines: lines).heldSince
                return e
            }
            let today = settings.businessCalendar.businessDate(of: now)
            return WindowView(
                hallName: settings.hallName, timeZone: settings.businessCalendar.timeZone, window: window, staffName: staffName,
                current: current, held: held,
                waiting: order.map { entry($0.ticket, $0.reason) },
                waitingCount: try Self.waitingCount(db, window: window, today: today),
                lines: lines, noShowAfterCalls: settings.noShowAfterCalls,
                messages: try Self.unreadMessages(db, window: windowID, today: today))
        }
    }

    /// The reason recorded with the ticket's last call (the `call` event's detail).
    static func lastCallReason(_ db: Database, ticket: Int64) throws -> CallingPolicy.Reason? {
        guard let detail = try String.fetchOne(db, cachedSQL: """
            SELECT detail FROM hall_event WHERE ticket_id = ? AND kind = 'call' ORDER BY id DESC LIMIT 1
            """, arguments: [ticket]),
            let object = try? JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any],
            let reason = object["reason"] as? String else { return nil }
        return CallingPolicy.Reason(rawValue: reason)
    }

    /// Today's waiting tickets (`TodaysQueue`) on the window's lines that its filter admits.
    static func waitingCount(_ db: Database, window: ServiceWindow, today: String) throws -> Int {
        let ids = window.profile.map(\.lineID)
        guard !ids.isEmpty else { return 0 }
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        let filter: String
        switch window.filter {
        case .all: filter = ""
        case .priorityOnly: filter = " AND priority <> 'normal'"
        case .appointmentsOnly: filter = " AND appt_at IS NOT NULL"
        }
        return try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM ticket WHERE state = 'waiting' AND line_id IN (\(marks))\(filter) AND \(TodaysQueue.condition())
            """, arguments: StatementArguments(ids) + [today]) ?? 0
    }
}
