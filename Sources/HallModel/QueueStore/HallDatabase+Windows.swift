import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Signs the acting clerk in at the window and opens it. A window holds one person and a person one
    /// window: someone else's window is refused (they sign out, or a supervisor signs them out); being
    /// signed in elsewhere is refused unless `move`, which signs out there first (refused while a ticket
    /// is called or served there). Signing in again where one already is keeps a pause.
    @discardableResult
    public func openWindow(_ id: Int, by actor: Actor, move: Bool = false) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .signInAtWindow, by: actor)
            guard let me = actor.staffID else { throw AccessError.notSignedIn(osUser: actor.key) }
            var window = try Self.fetchWindow(db, id: id)
            if let holder = window.staffID, holder != me {
                let name = try String.fetchOne(db, cachedSQL: "SELECT name FROM staff WHERE id = ?", arguments: [holder]) ?? ""
                throw AccessError.windowTaken(window: id, staff: holder, name: name)
            }
            let today = try Self.today(db, now)
            try Self.refuseOnSealedDay(db, today: today)
            try Self.closeEarlierDays(db, today: today, now: now, by: actor)
            var movedFrom: Int?
            if let other = try Int.fetchOne(db, cachedSQL: "SELECT id FROM service_window WHERE staff_id = ? AND id != ?", arguments: [me, id]) {
                guard move else { throw AccessError.signedInElsewhere(staff: me, window: other) }
                if let ticket = try Self.activeTicket(db, window: other) { throw QueueError.windowBusy(window: other, code: ticket.code) }
                try Self.signOut(db, window: other, staff: me, by: actor, now: now, today: today, reason: "moved")
                movedFrom = other
            }
            let keepsPause = window.staffID == me && window.state == .paused
            if !keepsPause {
                window.state = .open
                window.pauseReason = nil
            }
            window.staffID = me
            try db.execute(cachedSQL: "UPDATE service_window SET state = ?, pause_reason = ?, staff_id = ? WHERE id = ?",
                           arguments: [window.state.rawValue, window.pauseReason, me, id])
            try AuditLog.append(db, .signIn, by: actor, at: now, businessDate: today, window: id, staff: me,
                                detail: movedFrom.map { ["moved_from": .int($0)] } ?? [:])
            return window
        }
    }

    /// Signs the window's person out and closes it: the person themselves, or a supervisor signing a clerk out (the
    /// `sign_out` event names both: the supervisor as its actor, the clerk as its staff), with an optional `reason`.
    /// Refused while a ticket is called or served there: the applicant at the counter is finished, held or requeued
    /// first (a supervisor may requeue it). Tickets held there stay held at the window for whoever signs in next.
    @discardableResult
    public func closeWindow(_ id: Int, reason: String? = nil, by actor: Actor) throws -> ServiceWindow {
        let reason = try reason.map { try FreeText.clean($0, field: FreeText.reason, limit: 60) }
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            try PermissionPolicy.check(db, .closeWindow, by: actor, windowClerk: window.staffID)
            if let active = try Self.activeTicket(db, window: id) { throw QueueError.windowBusy(window: id, code: active.code) }
            // Someone else's window: a supervisor signed its clerk out (`reason` a stable key; their words in `note`).
            let bySupervisor = window.staffID != nil && window.staffID != actor.staffID
            try Self.signOut(db, window: id, staff: window.staffID, by: actor, now: now, today: try Self.today(db, now),
                             reason: bySupervisor ? "supervisor" : nil, note: reason)
            window.state = .closed; window.staffID = nil; window.pauseReason = nil
            return window
        }
    }

    /// `reason`: why, as a stable key (`moved`, `roles_changed`, `deactivated`, `day_close`, `supervisor`); `note`: the
    /// words of the person who signed them out.
    static func signOut(_ db: Database, window: Int, staff: String?, by actor: Actor, now: Date, today: String, reason: String?,
                        note: String? = nil) throws {
        try db.execute(cachedSQL: "UPDATE service_window SET state = 'closed', pause_reason = NULL, staff_id = NULL, priority_streak = 0 WHERE id = ?",
                       arguments: [window])
        var detail: [String: AuditValue] = [:]
        if let reason { detail["reason"] = .string(reason) }
        if let note { detail["note"] = .string(note) }
        try AuditLog.append(db, .signOut, by: actor, at: now, businessDate: today, window: window, staff: staff, detail: detail)
    }

    /// Pauses calling at the window with a reason (break, meeting, system fault…). A ticket being served stays.
    @discardableResult
    public func pauseWindow(_ id: Int, reason: String, by actor: Actor) throws -> ServiceWindow {
        let reason = try FreeText.clean(reason, field: FreeText.pauseReason, limit: 24)
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            try PermissionPolicy.check(db, .pauseWindow, by: actor, windowClerk: window.staffID)
            guard window.state == .open else {
                if window.state == .paused { throw QueueError.windowPaused(window: id, reason: window.pauseReason ?? "") }
                throw QueueError.windowClosed(id)
            }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'paused', pause_reason = ? WHERE id = ?", arguments: [reason, id])
            try AuditLog.append(db, .pause, by: actor, at: now, businessDate: try Self.today(db, now), window: id, staff: window.staffID,
                                detail: ["reason": .string(reason)])
            window.state = .paused; window.pauseReason = reason
            return window
        }
    }

    @discardableResult
    public func resumeWindow(_ id: Int, by actor: Actor) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            try PermissionPolicy.check(db, .pauseWindow, by: actor, windowClerk: window.staffID)
            guard window.state == .paused else { throw WindowStateError.notPaused(id) }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'open', pause_reason = NULL WHERE id = ?", arguments: [id])
            try AuditLog.append(db, .resumeWindow, by: actor, at: now, businessDate: try Self.today(db, now), window: id, staff: window.staffID)
            window.state = .open; window.pauseReason = nil
            return window
        }
    }

    public func window(_ id: Int) throws -> ServiceWindow { try read { try Self.fetchWindow($0, id: id) } }
    public func windows() throws -> [ServiceWindow] { try read { try Self.fetchWindows($0) } }
    public func lines() throws -> [ServiceLine] { try read { try Self.fetchLines($0) } }

    static func today(_ db: Database, _ now: Date) throws -> String {
        try HallSettings.load(db).businessCalendar.businessDate(of: now)
    }

    /// The business date of "now" in the hall's time zone.
    public func today() throws -> String { let now = clock.now; return try read { try Self.today($0, now) } }
}

public enum WindowStateError: UserFacingError, Equatable {
    case notPaused(Int)
    public var message: Bilingual {
        switch self {
        case .notPaused(let w): .init(en: "Window \(w) is not paused.", zh: "\(w) 号窗口未处于暂停状态。")
        }
    }
}
