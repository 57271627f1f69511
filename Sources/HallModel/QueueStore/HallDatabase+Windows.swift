import Foundation
import GRDB
import Queue

public enum StaffError: UserFacingError, Equatable {
    case unknownStaff(String)
    case pauseNeedsReason

    public var message: Bilingual {
        switch self {
        case .unknownStaff(let s): .init(en: "No staff member '\(s)'.", zh: "没有工号为“\(s)”的工作人员。")
        case .pauseNeedsReason: .init(en: "A pause needs a reason.", zh: "暂停须填写原因。")
        }
    }
}

public struct StaffMember: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var role: String
}

extension HallDatabase {
    /// Signs `staff` in at the window and opens it (keeps the current staff member when none is given).
    @discardableResult
    public func openWindow(_ id: Int, staff: String? = nil) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            if let staff, try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM staff WHERE id = ?", arguments: [staff]) == nil {
                throw StaffError.unknownStaff(staff)
            }
            window.staffID = staff ?? window.staffID
            window.state = .open
            window.pauseReason = nil
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'open', pause_reason = NULL, staff_id = ? WHERE id = ?",
                           arguments: [window.staffID, id])
            try Self.logEvent(db, at: now, businessDate: try Self.today(db, now), kind: "sign_in", window: id, staff: window.staffID)
            return window
        }
    }

    /// Signs out and closes the window. Refused while it has a current ticket.
    @discardableResult
    public func closeWindow(_ id: Int) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            if let active = try Self.activeTicket(db, window: id) { throw QueueError.windowBusy(window: id, code: active.code) }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'closed', pause_reason = NULL, staff_id = NULL, priority_streak = 0 WHERE id = ?",
                           arguments: [id])
            try Self.logEvent(db, at: now, businessDate: try Self.today(db, now), kind: "sign_out", window: id, staff: window.staffID)
            window.state = .closed; window.staffID = nil; window.pauseReason = nil
            return window
        }
    }

    /// Pauses calling at the window with a reason (break, meeting, system fault…). A ticket being served stays.
    @discardableResult
    public func pauseWindow(_ id: Int, reason: String) throws -> ServiceWindow {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StaffError.pauseNeedsReason }
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            guard window.state == .open else {
                if window.state == .paused { throw QueueError.windowPaused(window: id, reason: window.pauseReason ?? "") }
                throw QueueError.windowClosed(id)
            }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'paused', pause_reason = ? WHERE id = ?", arguments: [reason, id])
            try Self.logEvent(db, at: now, businessDate: try Self.today(db, now), kind: "pause", window: id, staff: window.staffID, detail: reason)
            window.state = .paused; window.pauseReason = reason
            return window
        }
    }

    @discardableResult
    public func resumeWindow(_ id: Int) throws -> ServiceWindow {
        let now = clock.now
        return try perform { db in
            var window = try Self.fetchWindow(db, id: id)
            guard window.state == .paused else { throw WindowStateError.notPaused(id) }
            try db.execute(cachedSQL: "UPDATE service_window SET state = 'open', pause_reason = NULL WHERE id = ?", arguments: [id])
            try Self.logEvent(db, at: now, businessDate: try Self.today(db, now), kind: "resume_window", window: id, staff: window.staffID)
            window.state = .open; window.pauseReason = nil
            return window
        }
    }

    public func window(_ id: Int) throws -> ServiceWindow { try read { try Self.fetchWindow($0, id: id) } }
    public func windows() throws -> [ServiceWindow] { try read { try Self.fetchWindows($0) } }
    public func lines() throws -> [ServiceLine] { try read { try Self.fetchLines($0) } }
    public func staff() throws -> [StaffMember] {
        try read { db in
            try Row.fetchAll(db, cachedSQL: "SELECT id, name, role FROM staff ORDER BY id").map { StaffMember(id: $0["id"], name: $0["name"], role: $0["role"]) }
        }
    }

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
