import Foundation
import GRDB
import Queue

/// The staff directory: who works in the hall, their roles, passwords and bound system accounts.
/// Every change is an admin's (a person may change their own password) and an event.
extension HallDatabase {
    public func staffList() throws -> [Staff] {
        try read { db in try db.fetchEach(cachedSQL: "SELECT \(StaffRecord.columns) FROM staff s ORDER BY s.id", StaffRecord.staff) }
    }

    public func staffMember(_ id: String) throws -> Staff {
        let id = try Staff.validateID(id)
        return try read { db in try StaffRecord.require(db, id: id) }
    }

    /// Adds a person. `password`, when given, is hashed before the transaction (scrypt takes ~0.1 s, and the
    /// write lock is not held meanwhile).
    @discardableResult
    public func addStaff(id: String, name: String, department: String? = nil, roles: Set<Role>, approverLevel: ApproverLevel? = nil,
                         password: String? = nil, by actor: Actor) throws -> Staff {
        let id = try Staff.validateID(id)
        let name = try FreeText.clean(name, field: FreeText.staffName, limit: 20)
        let department = try department.map { try FreeText.clean($0, field: FreeText.department, limit: 30) }
        try Self.checkRoles(roles, approverLevel)
        let hash = try password.map { try hashPassword($0) }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .manageStaff, by: actor)
            guard try StaffRecord.fetch(db, id: id) == nil else { throw StaffError.duplicateID(id) }
            try db.execute(cachedSQL: "INSERT INTO staff(id, name, department, approver_level, password_hash) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, name, department, approverLevel?.rawValue, hash?.encoded])
            try Self.storeRoles(db, id: id, roles)
            try AuditLog.append(db, .staffAdded, by: actor, at: now, businessDate: try Self.today(db, now), staff: id,
                                detail: ["name": .string(name), "department": .optional(department), "roles": Self.rolesValue(roles),
                                         "approver_level": .optional(approverLevel?.rawValue), "password": .bool(hash != nil)])
            return try StaffRecord.require(db, id: id)
        }
    }

    @discardableResult
    public func setRoles(_ id: String, roles: Set<Role>, approverLevel: ApproverLevel?, by actor: Actor) throws -> Staff {
        let id = try Staff.validateID(id)
        try Self.checkRoles(roles, approverLevel)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .manageStaff, by: actor)
            let before = try StaffRecord.require(db, id: id)
            if before.roles.contains(.admin) && !roles.contains(.admin) { try Self.requireAnotherAdmin(db, than: id) }
            try db.execute(cachedSQL: "DELETE FROM staff_role WHERE staff_id = ?", arguments: [id])
            try Self.storeRoles(db, id: id, roles)
            try db.execute(cachedSQL: "UPDATE staff SET approver_level = ? WHERE id = ?", arguments: [approverLevel?.rawValue, id])
            // Only a clerk serves at a window: someone who is no longer one is signed out of theirs.
            if !roles.contains(.clerk), let window = before.window {
                if let ticket = try Self.activeTicket(db, window: window) { throw QueueError.windowBusy(window: window, code: ticket.code) }
                try Self.signOut(db, window: window, staff: id, by: actor, now: now, today: try Self.today(db, now), reason: "roles_changed")
            }
            try AuditLog.append(db, .staffRolesChanged, by: actor, at: now, businessDate: try Self.today(db, now), staff: id, detail: [
                "from": Self.rolesValue(Set(before.roles)), "to": Self.rolesValue(roles),
                "approver_level": .optional(approverLevel?.rawValue),
            ])
            return try StaffRecord.require(db, id: id)
        }
    }

    /// Deactivates (or reactivates) a person: they can no longer sign in or act; their history stays.
    /// A deactivated person signed in at a window is signed out of it.
    @discardableResult
    public func setStaffActive(_ id: String, _ active: Bool, by actor: Actor) throws -> Staff {
        let id = try Staff.validateID(id)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .manageStaff, by: actor)
            let before = try StaffRecord.require(db, id: id)
            guard before.active != active else { throw active ? StaffError.alreadyActive(id) : StaffError.inactive(id) }
            if !active && before.roles.contains(.admin) { try Self.requireAnotherAdmin(db, than: id) }
            try db.execute(cachedSQL: "UPDATE staff SET active = ? WHERE id = ?", arguments: [active, id])
            let today = try Self.today(db, now)
            if !active {
                for window in try Int.fetchAll(db, cachedSQL: "SELECT id FROM service_window WHERE staff_id = ?", arguments: [id]) {
                    if let ticket = try Self.activeTicket(db, window: window) { throw QueueError.windowBusy(window: window, code: ticket.code) }
                    try Self.signOut(db, window: window, staff: id, by: actor, now: now, today: today, reason: "deactivated")
                }
            }
            try AuditLog.append(db, active ? .staffReactivated : .staffDeactivated, by: actor, at: now, businessDate: today, staff: id)
            return try StaffRecord.require(db, id: id)
        }
    }

    /// Sets a password: an admin for anyone, or a person for themselves. Also clears a lockout.
    public func setPassword(_ id: String, _ password: String, by actor: Actor) throws {
        let id = try Staff.validateID(id)
        let hash = try hashPassword(password)
        let now = clock.now
        try perform { db in
            if actor.staffID != id { try PermissionPolicy.check(db, .manageStaff, by: actor) }
            else { guard try StaffRecord.activeRoles(db, id: id) != nil else { throw AccessError.unknownOrInactive(id) } }
            _ = try StaffRecord.require(db, id: id)
            try db.execute(cachedSQL: "UPDATE staff SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
                           arguments: [hash.encoded, id])
            try AuditLog.append(db, .passwordSet, by: actor, at: now, businessDate: try Self.today(db, now), staff: id)
        }
    }

    /// Binds a person to an operating-system account (nil: unbinds): a process of that account is that person.
    @discardableResult
    public func bindStaff(_ id: String, osUser: String?, by actor: Actor) throws -> Staff {
        let id = try Staff.validateID(id)
        let user = osUser?.trimmingCharacters(in: .whitespaces)
        // The characters a Linux account name may have (useradd's rule, with the dot many sites use).
        if let user, user.isEmpty || user.count > 32 || !user.unicodeScalars.allSatisfy({
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-$".unicodeScalars.contains($0))
        }) {
            throw StaffError.invalidOSUser(String(user.prefix(40)))
        }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .manageStaff, by: actor)
            let before = try StaffRecord.require(db, id: id)
            guard before.osUser != user else { throw StaffError.bindingUnchanged(id) }
            if let user, let holder = try String.fetchOne(db, cachedSQL: "SELECT id FROM staff WHERE os_user = ? AND id != ?", arguments: [user, id]) {
                throw StaffError.osUserTaken(user: user, staff: holder)
            }
            try db.execute(cachedSQL: "UPDATE staff SET os_user = ? WHERE id = ?", arguments: [user, id])
            try AuditLog.append(db, .staffBound, by: actor, at: now, businessDate: try Self.today(db, now), staff: id,
                                detail: ["from": .optional(before.osUser), "to": .optional(user)])
            return try StaffRecord.require(db, id: id)
        }
    }

    /// A password must be long enough, short enough to type or pass in DESK_PASSWORD, and free of control
    /// characters (which no sign-in form or environment variable could carry back).
    func hashPassword(_ password: String) throws -> PasswordHash {
        let minimum = try settings().passwordMinimumLength
        guard password.count >= minimum else { throw StaffError.passwordTooShort(minimum: minimum) }
        guard password.count <= 128 else { throw StaffError.passwordTooLong(maximum: 128) }
        guard !PrintableText.containsControls(password) else {
            throw StaffError.passwordControlCharacters
        }
        return try PasswordHash.make(password)
    }

    /// The hall must keep an active administrator, or nobody could manage it again.
    static func requireAnotherAdmin(_ db: Database, than id: String) throws {
        let others = try Int.fetchOne(db, cachedSQL: """
            SELECT COUNT(*) FROM staff s JOIN staff_role r ON r.staff_id = s.id WHERE r.role = 'admin' AND s.active AND s.id != ?
            """, arguments: [id]) ?? 0
        guard others > 0 else { throw StaffError.lastAdministrator(id) }
    }

    static func checkRoles(_ roles: Set<Role>, _ level: ApproverLevel?) throws {
        guard !roles.isEmpty else { throw StaffError.noRoles }
        if roles.contains(.approver) && level == nil { throw StaffError.approverNeedsLevel }
        if !roles.contains(.approver) && level != nil { throw StaffError.levelWithoutApprover }
    }

    static func storeRoles(_ db: Database, id: String, _ roles: Set<Role>) throws {
        for role in roles.sorted() {
            try db.execute(cachedSQL: "INSERT INTO staff_role(staff_id, role) VALUES (?, ?)", arguments: [id, role.rawValue])
        }
    }

    static func rolesValue(_ roles: Set<Role>) -> AuditValue { .string(roles.sorted().map(\.rawValue).joined(separator: ",")) }
}
