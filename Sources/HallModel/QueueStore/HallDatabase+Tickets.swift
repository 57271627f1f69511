import Foundation
import GRDB
import Queue

/// A newly issued ticket with what the slip and the kiosk show.
public struct IssuedTicket: Sendable, Equatable {
    public var ticket: Ticket
    public var line: ServiceLine
    public var ahead: Int
    /// nil while no window serves the line: no time is promised then.
    public var estimatedWaitMinutes: Int?
    /// Why no window serves the line now (the line issues with this warning); nil: served.
    public var unservedReason: LineUnservedReason?
    /// When the hall opens next, if it is closed now (day closed, out of hours).
    public var nextOpening: Date?

    public var noWindowServing: Bool { unservedReason != nil }
}

/// A ticket called to a window, and why the policy chose it.
public struct CalledTicket: Sendable, Equatable {
    public var ticket: Ticket
    public var window: Int
    public var reason: CallingPolicy.Reason
}

public struct IssueRequest: Sendable {
    public var linePrefix: String
    public var priority: PriorityClass
    /// A time of day "HH:MM" today, or nil.
    public var appointmentTime: String?
    public var source: TicketSource
    public var citizenID: Int64?
    public var proxyAgentID: String?

    public init(linePrefix: String, priority: PriorityClass = .normal, appointmentTime: String? = nil,
                source: TicketSource? = nil, citizenID: Int64? = nil, proxyAgentID: String? = nil) {
        self.linePrefix = linePrefix; self.priority = priority; self.appointmentTime = appointmentTime
        self.source = source ?? (appointmentTime == nil ? .kiosk : .appointment)
        self.citizenID = citizenID; self.proxyAgentID = proxyAgentID
    }
}

extension HallDatabase {
    // MARK: Issue

    /// Allocates the next number of the line's business day and inserts the ticket in one transaction;
    /// the UNIQUE constraints make a duplicate number impossible even if two processes raced.
    public func issueTicket(_ request: IssueRequest, by actor: Actor) throws -> IssuedTicket {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .issueTicket, by: actor)
            let settings = try HallSettings.load(db)
            let calendar = settings.businessCalendar
            let today = calendar.businessDate(of: now)
            try Self.closeEarlierDays(db, today: today, now: now, by: actor)
            let line = try Self.fetchLine(db, prefix: request.linePrefix)
            guard line.isOpen else { throw QueueError.lineClosed(line.prefix) }
            let hours = try HallHours.load(db, settings: settings, now: now, today: today)
            let appointment = try request.appointmentTime.map { text in
                let at = try calendar.date(on: now, atTimeOfDay: text)
                // The appointment's minute may be the current one; an earlier one is past.
                guard at.addingTimeInterval(60) > now else { throw IssueRefusal.appointmentPast(text) }
                guard hours.isOpen(at: at) else { throw IssueRefusal.appointmentOutOfHours(text) }
                return at
            }
            // After the day is over every line refuses; in the day, the line's setting decides.
            if let reason = try Self.serving(db, line: line, hours: hours, priority: request.priority, hasAppointment: appointment != nil).reason,
               line.whenUnserved.refuses(reason, dayOver: hours.dayOver) {
                let next = (reason == .dayClosed || reason == .outOfHours ? hours.status.nextOpening : nil)
                    .map(calendar.dateAndTime)
                throw IssueRefusal.lineUnserved(prefix: line.prefix, reason: reason, opensNext: next)
            }
            let last = try Int.fetchOne(db, cachedSQL: "SELECT MAX(sequence) FROM ticket WHERE origin_line_id = ? AND business_date = ?",
                                        arguments: [line.id, today]) ?? 0
            if let cap = line.dailyCap, last >= cap { throw QueueError.dailyCapReached(line: line.prefix, cap: cap) }
            let sequence = last + 1
            let code = TicketCode.format(prefix: line.prefix, sequence: sequence)
            let candidate = WaitingTicket(id: 0, code: code, lineID: line.id, priority: request.priority,
                                          appointmentAt: appointment, queuedAt: now)
            let inserted = try db.fetchFirst(cachedSQL: """
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source,
                                   appt_at, issued_at, queued_at, citizen_id, proxy_agent_id)
                VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING \(Ticket.columns)
                """, arguments: [today, line.id, sequence, code, line.id, request.priority.rawValue, candidate.category.rawValue,
                                 request.source.rawValue, appointment?.millisecondsSince1970, now.millisecondsSince1970,
                                 now.millisecondsSince1970, request.citizenID, request.proxyAgentID], Ticket.init(row:))
            guard let ticket = inserted else { throw QueueError.unknownTicket(code) }
            let service = try Self.lineService(db, line: line, before: ticket, today: today, hours: hours,
                                               policy: settings.callingPolicy, now: now)
            var detail: [String: AuditValue] = [
                "code": .string(ticket.code), "priority": .string(request.priority.rawValue), "source": .string(request.source.rawValue),
                "appointment": .optional(appointment?.millisecondsSince1970),
            ]
            // Issued with the warning that nobody serves the line now.
            if let reason = service.unservedReason { detail["unserved"] = .string(reason.rawValue) }
            try AuditLog.append(db, .issue, by: actor, at: now, businessDate: today, ticket: ticket, detail: detail)
            return IssuedTicket(ticket: ticket, line: line, ahead: service.ahead, estimatedWaitMinutes: service.estimatedWaitMinutes,
                                unservedReason: service.unservedReason, nextOpening: service.nextOpening)
        }
    }

    /// The first write of a new business day closes the earlier days' open tickets as unserved, as `desk day
    /// close` would have (it did not run): one `unserved` event each, by the program itself (`@system`), dated
    /// on the ticket's own business day. Lines that keep tickets overnight keep theirs.
    static func closeEarlierDays(_ db: Database, today: String, now: Date, by trigger: Actor) throws {
        let stale = try Row.fetchAll(db, cachedSQL: """
            SELECT \(Ticket.columns) FROM ticket INDEXED BY ticket_open_date
            WHERE state IN ('waiting', 'called', 'serving', 'held') AND business_date < ?
              AND line_id NOT IN (SELECT id FROM service_line WHERE keeps_overnight)
            ORDER BY id
            """, arguments: [today]).map(Ticket.init(row:))
        for ticket in stale {
            try markUnserved(db, ticket, now: now)
            try AuditLog.append(db, kind: EventKind.unserved.rawValue, actor: "@system", terminal: trigger.terminal.description, at: now,
                                businessDate: ticket.businessDate, ticketID: ticket.id, lineID: ticket.lineID, window: ticket.windowID,
                                staff: nil, detail: ["reason": .string("new_business_day"), "today": .string(today)])
        }
    }

    /// An open ticket closes as unserved at day end (the state machine checked first); the caller logs the event.
    static func markUnserved(_ db: Database, _ ticket: Ticket, now: Date) throws {
        _ = try TicketLifecycle.apply(.dayClose, to: ticket.state, code: ticket.code)
        try db.execute(cachedSQL: "UPDATE ticket SET state = 'unserved', finished_at = ? WHERE id = ?",
                       arguments: [now.millisecondsSince1970, ticket.id])
    }

    // MARK: Call

    /// Calls the next ticket for the window by the hall's calling policy; nil when nothing is waiting for it.
    public func callNext(window windowID: Int, by actor: Actor) throws -> CalledTicket? {
        let now = clock.now
        return try perform { db in
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            let window = try Self.readyWindow(db, id: windowID, by: actor, today: today)
            try Self.closeEarlierDays(db, today: today, now: now, by: actor)
            var lines: [Int64: ServiceLine] = [:]
            for line in try Self.fetchLines(db) where window.serves(lineID: line.id) { lines[line.id] = line }
            let candidates = try Self.candidates(db, lines: window.profile.compactMap { lines[$0.lineID] }, today: today)
            guard let decision = settings.callingPolicy.choose(window: window, lines: lines, candidates: candidates, now: now) else {
                return nil
            }
            let ticket = try Self.markCalled(db, ticketID: decision.ticket.id, window: window, now: now,
                                             calendar: settings.businessCalendar, reason: decision.reason, by: actor)
            try db.execute(cachedSQL: "UPDATE service_window SET priority_streak = ? WHERE id = ?", arguments: [decision.priorityStreak, windowID])
            return CalledTicket(ticket: ticket, window: windowID, reason: decision.reason)
        }
    }

    /// Calls a specific waiting ticket out of order (recorded as such in the event log).
    public func callSpecific(window windowID: Int, code: String, by actor: Actor) throws -> CalledTicket {
        let now = clock.now
        return try perform { db in
            let settings = try HallSettings.load(db)
            let calendar = settings.businessCalendar
            let window = try Self.readyWindow(db, id: windowID, by: actor, today: calendar.businessDate(of: now))
            try Self.closeEarlierDays(db, today: calendar.businessDate(of: now), now: now, by: actor)
            let ticket = try Self.fetchTicket(db, code: code, businessDate: calendar.businessDate(of: now))
            // Called, served or held at another window: say which, so the clerk knows where the applicant is.
            if ticket.state.isOpen, ticket.state != .waiting, let other = ticket.windowID, other != windowID {
                let name = try String.fetchOne(db, cachedSQL: "SELECT name FROM service_window WHERE id = ?", arguments: [other]) ?? ""
                throw QueueError.ticketAtAnotherWindow(code: ticket.code, state: ticket.state, window: other, windowName: name)
            }
            _ = try TicketLifecycle.apply(.call, to: ticket.state, code: ticket.code)
            let called = try Self.markCalled(db, ticketID: ticket.id, window: window, now: now, calendar: calendar, reason: .specific, by: actor)
            return CalledTicket(ticket: called, window: windowID, reason: .specific)
        }
    }

    /// The window must exist, `actor` may serve there, the day must not be closed, and it must be open (not paused
    /// or closed) with no active ticket.
    static func readyWindow(_ db: Database, id: Int, by actor: Actor, today: String) throws -> ServiceWindow {
        let window = try fetchWindow(db, id: id)
        try PermissionPolicy.check(db, .serveAtWindow, by: actor, windowClerk: window.staffID)
        try refuseOnSealedDay(db, today: today)
        switch window.state {
        case .closed: throw QueueError.windowClosed(id)
        case .paused: throw QueueError.windowPaused(window: id, reason: window.pauseReason ?? "")
        case .open: break
        }
        if let active = try activeTicket(db, window: id) { throw QueueError.windowBusy(window: id, code: active.code) }
        return window
    }

    /// Per line, the earliest waiting ticket of each category and the earliest appointment: every ticket the
    /// calling policy could choose. Index seeks on the partial `ticket_waiting*` indexes, whatever the history.
    /// Only today's tickets, except on lines that keep tickets overnight: an earlier day's A001 is never
    /// called as today's. A ticket placed at the front by a transfer is the earliest of its category (its
    /// `queued_at` is set before the line's head), so it is always among them.
    static func candidates(_ db: Database, lines: [ServiceLine], today: String) throws -> [WaitingTicket] {
        // One statement per line: the earliest of each category, and the earliest appointment.
        let categories = QueueCategory.allCases.map { category in
            """
            SELECT * FROM (SELECT id, code, line_id, priority, appt_at, queued_at, placed_front FROM ticket
                           WHERE state = 'waiting' AND line_id = ?1 AND category = '\(category.rawValue)' AND (?3 OR business_date = ?2)
                           ORDER BY queued_at, id LIMIT 1)
            """
        }
        let earliestAppointment = """
            SELECT * FROM (SELECT id, code, line_id, priority, appt_at, queued_at, placed_front FROM ticket
                           WHERE state = 'waiting' AND line_id = ?1 AND appt_at IS NOT NULL AND (?3 OR business_date = ?2)
                           ORDER BY appt_at, id LIMIT 1)
            """
        let sql = (categories + [earliestAppointment]).joined(separator: "\nUNION ALL\n")
        func decode(_ row: Row) -> WaitingTicket {
            WaitingTicket(id: row[0], code: row[1], lineID: row[2], priority: PriorityClass(rawValue: row[3]) ?? .normal,
                          appointmentAt: (row[4] as Int64?).map(Date.init(millisecondsSince1970:)),
                          queuedAt: Date(millisecondsSince1970: row[5]), placedFront: row[6])
        }
        var result: [WaitingTicket] = []
        for line in lines {
            result += try db.fetchEach(cachedSQL: sql, arguments: [line.id, today, line.keepsOvernight], decode)
        }
        return result
    }

    static func markCalled(_ db: Database, ticketID: Int64, window: ServiceWindow, now: Date, calendar: BusinessCalendar,
                           reason: CallingPolicy.Reason, by actor: Actor) throws -> Ticket {
        // `state = 'waiting'` in the WHERE: the transaction is IMMEDIATE, so nobody can have called it meanwhile;
        // if that were ever untrue, no row comes back and the call is refused rather than made twice.
        guard let ticket = try db.fetchFirst(cachedSQL: """
            UPDATE ticket SET state = 'called', window_id = ?, called_at = ?, call_count = call_count + 1
            WHERE id = ? AND state = 'waiting'
            RETURNING \(Ticket.columns)
            """, arguments: [window.id, now.millisecondsSince1970, ticketID], Ticket.init(row:)) else {
            throw QueueError.unknownTicket(String(ticketID))
        }
        try AuditLog.append(db, .call, by: actor, at: now, businessDate: calendar.businessDate(of: now), ticket: ticket,
                            window: window.id, staff: window.staffID, detail: ["reason": .string(reason.rawValue)])
        try announce(db, at: now, ticket: ticket, window: window.id, kind: "call")
        return ticket
    }

    // MARK: The window's current ticket

    /// Re-announces the current (called) ticket; counts the recall.
    @discardableResult
    public func recall(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .recall) { db, ticket, now in
            let recalled = try Self.updateTicket(db, set: "call_count = call_count + 1, called_at = ?", id: ticket.id,
                                                 arguments: [now.millisecondsSince1970])
            try Self.announce(db, at: now, ticket: recalled, window: window, kind: "recall")
            return recalled
        }
    }

    @discardableResult
    public func start(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .start) { db, ticket, now in
            try Self.updateTicket(db, set: "state = 'serving', started_at = ?", id: ticket.id, arguments: [now.millisecondsSince1970])
        }
    }

    @discardableResult
    public func finish(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .finish) { db, ticket, now in
            try Self.updateTicket(db, set: "state = 'finished', finished_at = ?", id: ticket.id, arguments: [now.millisecondsSince1970])
        }
    }

    @discardableResult
    public func noShow(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .noShow) { db, ticket, now in
            let required = try HallSettings.load(db).noShowAfterCalls
            guard ticket.callCount >= required else {
                throw QueueError.tooFewCallsForNoShow(code: ticket.code, calls: ticket.callCount, required: required)
            }
            return try Self.updateTicket(db, set: "state = 'no_show', finished_at = ?", id: ticket.id, arguments: [now.millisecondsSince1970])
        }
    }

    /// Parks the current ticket at this window (e.g. the applicant went to make a copy); call it back later.
    @discardableResult
    public func hold(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .hold) { db, ticket, _ in
            try Self.updateTicket(db, set: "state = 'held'", id: ticket.id)
        }
    }

    /// Sends the called ticket back to its place in the queue (called by mistake, or the clerk must leave).
    @discardableResult
    public func requeue(window: Int, by actor: Actor) throws -> Ticket {
        try changeActive(window: window, by: actor, action: .requeue) { db, ticket, _ in
            try Self.updateTicket(db, set: "state = 'waiting', window_id = NULL", id: ticket.id)
        }
    }

    /// Moves the current ticket to another line, keeping its code (and its row, so its note goes with it);
    /// `placement` decides where it queues. `note`, when given, replaces the ticket's note in the same
    /// transaction. The event records the note the ticket carries to its new line.
    @discardableResult
    public func transfer(window: Int, toLine prefix: String, placement: TransferPlacement = .original, note: String? = nil,
                         by actor: Actor) throws -> Ticket {
        let note = try note.map { try FreeText.clean($0, field: FreeText.ticketNote, limit: FreeText.ticketNoteLimit) }
        return try changeActive(window: window, by: actor, action: .transfer,
                                detail: { Self.lineChangeDetail($0, prefix: prefix, placement: placement) }) { db, ticket, now in
            try Self.moveToLine(db, ticket, prefix: prefix, placement: placement, note: note ?? ticket.note, now: now)
        }
    }

    /// A transfer's or a move's event detail: the new line, the placement and the note the ticket carries there.
    static func lineChangeDetail(_ moved: Ticket, prefix: String, placement: TransferPlacement) -> [String: AuditValue] {
        ["to_line": .string(prefix.uppercased()), "placement": .string(placement.rawValue), "note": .optional(moved.note)]
    }

    /// A transfer's or a move's change of line: the ticket keeps its row and code, waits on the line `prefix` (not
    /// its own) placed by `placement` — its issue time (`original`), now (`back`) or before the line's head
    /// (`front`) — with its calls reset, carrying `note`.
    static func moveToLine(_ db: Database, _ ticket: Ticket, prefix: String, placement: TransferPlacement, note: String?,
                           now: Date) throws -> Ticket {
        let line = try fetchLine(db, prefix: prefix)
        guard line.id != ticket.lineID else { throw QueueError.sameLineTransfer(line.prefix) }
        let queuedAt: Int64
        switch placement {
        case .original: queuedAt = ticket.issuedAt.millisecondsSince1970
        case .back: queuedAt = now.millisecondsSince1970
        case .front:
            let head = try Int64.fetchOne(db, cachedSQL: "SELECT MIN(queued_at) FROM ticket WHERE state = 'waiting' AND line_id = ?",
                                          arguments: [line.id])
            queuedAt = min(head.map { $0 - 1 } ?? now.millisecondsSince1970, now.millisecondsSince1970)
        }
        return try updateTicket(db, set: """
            state = 'waiting', line_id = ?, window_id = NULL, queued_at = ?, call_count = 0, transfer_count = transfer_count + 1,
            note = ?, placed_front = ?
            """, id: ticket.id, arguments: [line.id, queuedAt, note, placement == .front])
    }

    /// Applies `action` to the window's current (called or serving) ticket: checks the state machine first,
    /// then `body` writes the change and returns the ticket as it now is; the event is logged last, with
    /// `detail` of the changed ticket.
    private func changeActive(window windowID: Int, by actor: Actor, action: TicketAction,
                              detail: (Ticket) -> [String: AuditValue] = { _ in [:] },
                              _ body: (Database, Ticket, Date) throws -> Ticket) throws -> Ticket {
        let now = clock.now
        return try perform { db in
            guard let staff = try db.fetchFirst(cachedSQL: "SELECT staff_id FROM service_window WHERE id = ?", arguments: [windowID],
                                                { $0[0] as String? }) else {
                throw QueueError.unknownWindow(windowID)
            }
            try PermissionPolicy.check(db, .serveAtWindow, by: actor, windowClerk: staff)
            guard let ticket = try Self.activeTicket(db, window: windowID) else { throw QueueError.noActiveTicket(window: windowID) }
            _ = try TicketLifecycle.apply(action, to: ticket.state, code: ticket.code)
            let updated = try body(db, ticket, now)
            let today = try HallSettings.load(db).businessCalendar.businessDate(of: now)
            // The event carries the ticket's line after the change (a transfer's new line), for `audit verify`.
            try AuditLog.append(db, EventKind(action), by: actor, at: now, businessDate: today, ticket: updated,
                                window: windowID, staff: staff, detail: detail(updated))
            return updated
        }
    }

    // MARK: Held tickets, cancel

    /// Calls back a ticket held at this window.
    @discardableResult
    public func resumeHeld(window windowID: Int, code: String, by actor: Actor) throws -> Ticket {
        let now = clock.now
        return try perform { db in
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            let window = try Self.readyWindow(db, id: windowID, by: actor, today: today)
            let ticket = try Self.fetchTicket(db, code: code, businessDate: today)
            guard ticket.state == .held else {
                throw QueueError.illegalTransition(code: ticket.code, from: ticket.state, action: .resume)
            }
            guard ticket.windowID == windowID else { throw QueueError.notHeldHere(code: ticket.code, window: windowID) }
            let resumed = try Self.updateTicket(db, set: "state = 'called'", id: ticket.id)
            try AuditLog.append(db, .resume, by: actor, at: now, businessDate: today, ticket: resumed, window: windowID, staff: window.staffID)
            try Self.announce(db, at: now, ticket: ticket, window: windowID, kind: "call")
            return resumed
        }
    }

    public func heldTickets(window: Int) throws -> [Ticket] {
        try read { db in _ = try Self.fetchWindow(db, id: window); return try Self.heldTickets(db, window: window) }
    }

    public func activeTicket(window: Int) throws -> Ticket? {
        try read { db in _ = try Self.fetchWindow(db, id: window); return try Self.activeTicket(db, window: window) }
    }

    /// Cancels a waiting, called or held ticket (the applicant left, or asked at the desk). Supervisor.
    @discardableResult
    public func cancel(code: String, reason: String? = nil, by actor: Actor) throws -> Ticket {
        try changeByCode(code, .cancel, reason: reason, by: actor, permission: .cancelTicket) { db, ticket, now in
            try Self.updateTicket(db, set: "state = 'cancelled', finished_at = ?", id: ticket.id, arguments: [now.millisecondsSince1970])
        }
    }

    /// Puts a cancelled, no-show or unserved ticket of today back in its queue, at its original place. Supervisor.
    @discardableResult
    public func reopen(code: String, reason: String? = nil, by actor: Actor) throws -> Ticket {
        try changeByCode(code, .reopen, reason: reason, by: actor, permission: .reopenTicket) { db, ticket, _ in
            try Self.updateTicket(db, set: "state = 'waiting', window_id = NULL, finished_at = NULL", id: ticket.id)
        }
    }

    /// Moves a waiting or held ticket of today to another line: a supervisor, from the hall's side (nobody is at a
    /// counter with it; a called or served ticket is its window's to transfer). It keeps its code and issue time as a
    /// transfer does (`moveToLine`: the same placements); a held ticket leaves the window it was held at. The event is
    /// a `transfer`, so `audit verify` and the figures read it as one, with the state it came from and the reason.
    @discardableResult
    public func moveTicket(code: String, toLine prefix: String, placement: TransferPlacement = .original, reason: String? = nil,
                           by actor: Actor) throws -> Ticket {
        try changeByCode(code, .move, reason: reason, by: actor, permission: .moveTicket,
                         detail: { Self.lineChangeDetail($0, prefix: prefix, placement: placement) }) { db, ticket, now in
            try Self.moveToLine(db, ticket, prefix: prefix, placement: placement, note: ticket.note, now: now)
        }
    }

    /// A supervisor's change to any of today's tickets by its code, with an optional reason: the state machine
    /// is checked first, `body` writes the change, and the event records the state it came from (and `detail` of the
    /// changed ticket).
    private func changeByCode(_ code: String, _ action: TicketAction, reason: String?, by actor: Actor, permission: HallAction,
                              detail: (Ticket) -> [String: AuditValue] = { _ in [:] },
                              _ body: (Database, Ticket, Date) throws -> Ticket) throws -> Ticket {
        let reason = try reason.map { try FreeText.clean($0, field: FreeText.reason, limit: 60) }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, permission, by: actor)
            let today = try HallSettings.load(db).businessCalendar.businessDate(of: now)
            let ticket = try Self.fetchTicket(db, code: code, businessDate: today)
            _ = try TicketLifecycle.apply(action, to: ticket.state, code: ticket.code)
            let changed = try body(db, ticket, now)
            try AuditLog.append(db, EventKind(action), by: actor, at: now, businessDate: today, ticket: changed, window: ticket.windowID,
                                detail: detail(changed).merging(["from": .string(ticket.state.rawValue), "reason": .optional(reason)]) { $1 })
            return changed
        }
    }

    public func ticket(code: String) throws -> Ticket {
        let now = clock.now
        return try read { db in
            try Self.fetchTicket(db, code: code, businessDate: try HallSettings.load(db).businessCalendar.businessDate(of: now))
        }
    }
}
