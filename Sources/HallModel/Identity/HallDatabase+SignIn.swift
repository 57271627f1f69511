import Foundation
import GRDB
import Queue

/// Authentication: who a process is. A staff `Actor` is made only here: by password (scrypt, with a
/// lockout after repeated failures) or by the operating-system account bound to a person.
extension HallDatabase {
    /// Checks a password and returns the person at `terminal`. Successes, failures and locks are events;
    /// the password itself is never stored, logged or shown. The hash is computed outside the write
    /// transaction, so a sign-in never holds the hall's write lock for scrypt's tenth of a second.
    public func authenticate(staff rawID: String, password: String, at terminal: Terminal) throws -> Actor {
        let now = clock.now
        let id = try? Staff.validateID(rawID)
        struct Stored { var hash: String?; var active: Bool; var lockedUntil: Int64? }
        let stored: Stored? = try read { db in
            guard let id else { return nil }
            return try db.fetchFirst(cachedSQL: "SELECT password_hash, active, locked_until FROM staff WHERE id = ?", arguments: [id]) {
                Stored(hash: $0[0], active: $0[1], lockedUntil: $0[2])
            }
        }
        if let id, let stored, stored.active, let until = stored.lockedUntil, until > now.millisecondsSince1970 {
            try recordFailure(id: id, reason: "locked", terminal: terminal, now: now)
            throw AccessError.locked(staff: id, until: try lockTimeText(until))
        }
        if let id, let stored, stored.active, stored.hash == nil { throw AccessError.noPassword(id) }
        let hash = stored.flatMap { $0.active ? $0.hash.flatMap(PasswordHash.init(encoded:)) : nil }
        // An unknown or inactive number costs the same scrypt as a real one: timing tells a guesser nothing.
        let matches = hash?.matches(password) ?? Self.decoy.matches(password)
        guard let id, matches else {
            if let id, stored != nil {
                try recordFailure(id: id, reason: "wrong_password", terminal: terminal, now: now)
                if let until = try read({ db in try Int64.fetchOne(db, sql: "SELECT locked_until FROM staff WHERE id = ?", arguments: [id]) }),
                   until > now.millisecondsSince1970 {
                    throw AccessError.locked(staff: id, until: try lockTimeText(until))
                }
            } else {
                try recordFailure(id: nil, reason: "unknown_staff", terminal: terminal, now: now)
            }
            throw AccessError.wrongCredentials
        }
        try perform { db in
            try db.execute(cachedSQL: "UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [id])
            try AuditLog.append(db, .authenticated, by: Actor(staff: id, terminal: terminal), at: now,
                                businessDate: try Self.today(db, now), staff: id, detail: ["method": .string("password")])
        }
        return Actor(staff: id, terminal: terminal)
    }

    /// The person bound to the operating-system account `user` (active), at `terminal`; nil when none is.
    public func authenticate(osUser user: String, at terminal: Terminal) throws -> Actor? {
        try read { db in
            try String.fetchOne(db, cachedSQL: "SELECT id FROM staff WHERE os_user = ? AND active", arguments: [user])
        }.map { Actor(staff: $0, terminal: terminal) }
    }

    /// A failed attempt, committed on its own (the sign-in that failed writes nothing else). The attempt
    /// that reaches the limit locks the account. An unknown number is recorded without it: what was typed
    /// may be a password in the wrong field.
    private func recordFailure(id: String?, reason: String, terminal: Terminal, now: Date) throws {
        try perform { db in
            let today = try Self.today(db, now)
            let settings = try HallSettings.load(db)
            try AuditLog.append(db, kind: EventKind.signInFailed.rawValue, actor: "@unauthenticated", terminal: terminal.description,
                                at: now, businessDate: today, ticketID: nil, lineID: nil, window: nil, staff: id,
                                detail: ["reason": .string(reason)])
            guard let id, reason == "wrong_password" else { return }
            let failures = (try Int.fetchOne(db, cachedSQL: "UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts",
                                             arguments: [id]) ?? 0)
            if failures >= settings.lockoutAttempts {
                let until = now.addingTimeInterval(Double(settings.lockoutMinutes) * 60).millisecondsSince1970
                try db.execute(cachedSQL: "UPDATE staff SET failed_attempts = 0, locked_until = ? WHERE id = ?", arguments: [until, id])
                try AuditLog.append(db, kind: EventKind.accountLocked.rawValue, actor: "@unauthenticated", terminal: terminal.description,
                                    at: now, businessDate: today, ticketID: nil, lineID: nil, window: nil, staff: id,
                                    detail: ["failures": .int(failures), "until": .int(until)])
            }
        }
    }

    private func lockTimeText(_ until: Int64) throws -> String {
        let calendar = try settings().businessCalendar
        let date = Date(millisecondsSince1970: until)
        return calendar.businessDate(of: date) + " " + calendar.timeOfDay(date)
    }

    /// Hashed against when the number is unknown, so that answer takes as long as a real check.
    private static let decoy = PasswordHash(parameters: .standard, salt: [UInt8](repeating: 0x5a, count: 16),
                                            hash: [UInt8](repeating: 0, count: PasswordHash.keyLength))

    /// A locked screen was unlocked by its person (`method`: password, or the bound account).
    public func recordScreenUnlocked(by actor: Actor, method: String) throws {
        let now = clock.now
        _ = try perform { db in
            try AuditLog.append(db, .screenUnlocked, by: actor, at: now, businessDate: try Self.today(db, now), staff: actor.staffID,
                                detail: ["method": .string(method)])
        }
    }

    /// An idle clerk's screen locked itself (it unlocks by `authenticate` or the bound account).
    public func recordScreenLocked(by actor: Actor) throws {
        let now = clock.now
        _ = try perform { db in
            try AuditLog.append(db, .screenLocked, by: actor, at: now, businessDate: try Self.today(db, now), staff: actor.staffID)
        }
    }
}

/// The operating-system account running this process.
public enum OSAccount {
    public static func current() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(geteuid())
    }
}
