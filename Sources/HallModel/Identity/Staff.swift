import Foundation
import GRDB
import Queue

/// A member of the hall's staff as the directory shows it. The password hash never leaves the model.
public struct Staff: Sendable, Equatable {
    public var id: String
    public var name: String
    public var department: String?
    public var active: Bool
    /// In `Role.allCases` order.
    public var roles: [Role]
    /// For approvers: the highest level they may decide (一审一核).
    public var approverLevel: ApproverLevel?
    /// The operating-system account that is this person without a password.
    public var osUser: String?
    public var hasPassword: Bool
    /// Set while the account is locked after too many failed sign-ins.
    public var lockedUntil: Date?
    /// The window this person is signed in at, if any.
    public var window: Int?

    public init(id: String, name: String, department: String? = nil, active: Bool = true, roles: [Role],
                approverLevel: ApproverLevel? = nil, osUser: String? = nil, hasPassword: Bool = false,
                lockedUntil: Date? = nil, window: Int? = nil) {
        self.id = id; self.name = name; self.department = department; self.active = active; self.roles = roles.sorted()
        self.approverLevel = approverLevel; self.osUser = osUser; self.hasPassword = hasPassword
        self.lockedUntil = lockedUntil; self.window = window
    }

    /// Staff numbers: 1–16 letters, digits, `-` or `_` (they appear in events, on screens and in commands).
    public static func validateID(_ id: String) throws -> String {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard (1...16).contains(trimmed.count),
              trimmed.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }) else {
            throw StaffError.invalidID(String(id.prefix(40)))
        }
        return trimmed.uppercased()
    }
}

/// The staff table's reads inside a write's transaction.
enum StaffRecord {
    static let columns = """
        s.id, s.name, s.department, s.active, s.approver_level, s.os_user, s.password_hash IS NOT NULL, s.locked_until,
        (SELECT group_concat(role) FROM staff_role r WHERE r.staff_id = s.id),
        (SELECT MIN(w.id) FROM service_window w WHERE w.staff_id = s.id)
        """

    static func staff(_ row: Row) -> Staff {
        let roles = (row[8] as String?).map { $0.split(separator: ",").compactMap { Role(rawValue: String($0)) } } ?? []
        return Staff(id: row[0], name: row[1], department: row[2], active: row[3], roles: roles,
                     approverLevel: (row[4] as String?).flatMap(ApproverLevel.init(rawValue:)), osUser: row[5], hasPassword: row[6],
                     lockedUntil: (row[7] as Int64?).map(Date.init(millisecondsSince1970:)), window: row[9])
    }

    static func fetch(_ db: Database, id: String) throws -> Staff? {
        try db.fetchFirst(cachedSQL: "SELECT \(columns) FROM staff s WHERE s.id = ?", arguments: [id], staff)
    }

    static func require(_ db: Database, id: String) throws -> Staff {
        guard let staff = try fetch(db, id: id) else { throw StaffError.unknownStaff(id) }
        return staff
    }

    /// An active person's name and roles, for the permission check on every write: one indexed read.
    static func activeRoles(_ db: Database, id: String) throws -> (name: String, roles: Set<Role>)? {
        try db.fetchFirst(cachedSQL: """
            SELECT s.name, (SELECT group_concat(role) FROM staff_role r WHERE r.staff_id = s.id) FROM staff s WHERE s.id = ? AND s.active
            """, arguments: [id]) { row in
            (row[0] as String, Set((row[1] as String?)?.split(separator: ",").compactMap { Role(rawValue: String($0)) } ?? []))
        }
    }
}

public enum StaffError: UserFacingError, Equatable {
    case unknownStaff(String)
    case invalidID(String)
    case duplicateID(String)
    case noRoles
    case approverNeedsLevel
    case levelWithoutApprover
    case passwordTooShort(minimum: Int)
    case osUserTaken(user: String, staff: String)
    case inactive(String)
    case alreadyActive(String)
    case lastAdministrator(String)
    case passwordTooLong(maximum: Int)
    case passwordControlCharacters
    case invalidOSUser(String)
    case bindingUnchanged(String)

    public var message: Bilingual {
        switch self {
        case .unknownStaff(let s): .init(en: "No staff member '\(s)'.", zh: "没有工号为“\(s)”的工作人员。")
        case .invalidID(let s):
            .init(en: "'\(s)' is not a staff number (1-16 letters, digits, - or _).", zh: "“\(s)”不是有效的工号（1-16 位字母、数字、- 或 _）。")
        case .duplicateID(let s): .init(en: "Staff number \(s) is already taken.", zh: "工号 \(s) 已被使用。")
        case .noRoles: .init(en: "A staff member needs at least one role.", zh: "工作人员至少须有一个角色。")
        case .approverNeedsLevel:
            .init(en: "An approver needs a level: --approver-level sectionChief or deputyDirector.",
                  zh: "审批人须指定级别：--approver-level sectionChief（科长）或 deputyDirector（副局长）。")
        case .levelWithoutApprover: .init(en: "Only an approver has an approver level.", zh: "只有审批人才有审批级别。")
        case .passwordTooShort(let n): .init(en: "A password needs at least \(Plural.english(n, "character")).", zh: "密码至少须 \(n) 个字符。")
        case .osUserTaken(let u, let s):
            .init(en: "The system account '\(u)' is already bound to \(s).", zh: "系统账户“\(u)”已绑定到 \(s)。")
        case .inactive(let s): .init(en: "Staff member \(s) is deactivated.", zh: "工作人员 \(s) 已停用。")
        case .alreadyActive(let s): .init(en: "Staff member \(s) is already active.", zh: "工作人员 \(s) 已在启用状态。")
        case .lastAdministrator(let s):
            .init(en: "\(s) is the hall's last active administrator; make someone else an administrator first.",
                  zh: "\(s) 是大厅唯一在用的系统管理员，请先为他人授予管理员角色。")
        case .passwordTooLong(let n): .init(en: "A password may have at most \(Plural.english(n, "character")).", zh: "密码最多 \(n) 个字符。")
        case .passwordControlCharacters: .init(en: "A password may not contain control characters.", zh: "密码不能包含控制字符。")
        case .invalidOSUser(let u):
            .init(en: "'\(u)' is not a system account name (letters, digits, . _ - and $, at most 32).",
                  zh: "“\(u)”不是有效的系统账户名（字母、数字、. _ - $，最多 32 个）。")
        case .bindingUnchanged(let s): .init(en: "\(s) is already bound that way; nothing changed.", zh: "\(s) 的绑定未变，未作修改。")
        }
    }
}

/// Who may not do what: exit status 5 on the command line.
public enum AccessError: UserFacingError, Equatable {
    /// No person: this OS account is bound to nobody and no `--staff` was given.
    case notSignedIn(osUser: String)
    case unknownOrInactive(String)
    /// Wrong staff number or password (one message for both, so a guesser learns nothing).
    case wrongCredentials
    case locked(staff: String, until: String)
    case noPassword(String)
    /// A password is needed but there is no terminal to ask on and no `DESK_PASSWORD`.
    case passwordNeeded(String)
    case notPermitted(actor: String, name: String?, action: HallAction, needs: Set<Role>)
    /// `decidePendingIntake` refused: the intake was recorded by another clerk (named), and the actor is no supervisor.
    case notTheRecorder(actor: String, name: String?, reference: String, recordedBy: String, recorderName: String?)
    /// A window holds one person: someone else is signed in there.
    case windowTaken(window: Int, staff: String, name: String)
    /// The person is signed in at another window; moving needs a confirmation.
    case signedInElsewhere(staff: String, window: Int)

    public var message: Bilingual {
        switch self {
        case .notSignedIn(let user):
            return .init(en: "Not signed in: the system account '\(user)' is bound to no staff member. Use --staff ID (password from the prompt or DESK_PASSWORD).",
                         zh: "未登录：系统账户“\(user)”未绑定任何工作人员。请用 --staff 工号（密码从提示输入或 DESK_PASSWORD）。")
        case .unknownOrInactive(let s):
            return .init(en: "Staff member '\(s)' does not exist or is deactivated.", zh: "工作人员“\(s)”不存在或已停用。")
        case .wrongCredentials:
            return .init(en: "Wrong staff number or password.", zh: "工号或密码错误。")
        case .locked(let s, let until):
            return .init(en: "\(s) is locked after too many failed sign-ins, until \(until).", zh: "\(s) 登录失败次数过多，已锁定至 \(until)。")
        case .noPassword(let s):
            return .init(en: "\(s) has no password yet; an administrator sets one with 'desk staff password \(s)'.",
                         zh: "\(s) 尚未设置密码，请管理员运行 desk staff password \(s) 设置。")
        case .passwordNeeded(let s):
            return .init(en: "A password is needed for \(s): run on a terminal, or set DESK_PASSWORD.",
                         zh: "\(s) 需要密码：请在终端中运行，或设置 DESK_PASSWORD。")
        case .notPermitted(let actor, let name, let action, let needs):
            let who = name.map { "\(actor) \($0)" } ?? actor
            let roles = needs.sorted()
            let en = roles.map(\.label.en).joined(separator: " or ")
            let zh = roles.map(\.label.zh).joined(separator: "或")
            let enNeed = roles.isEmpty ? "" : " (needs: \(en)\(action.ownWindowToo ? " or this window's clerk" : ""))"
            let zhNeed = roles.isEmpty ? "" : "（须为\(zh)\(action.ownWindowToo ? "或本窗口签到人员" : "")）"
            return .init(en: "\(who) may not \(action.label.en)\(enNeed).", zh: "\(who) 无权\(action.label.zh)\(zhNeed)。")
        case .notTheRecorder(let actor, let name, let reference, let recordedBy, let recorderName):
            let who = name.map { "\(actor) \($0)" } ?? actor
            let recorder = recorderName.map { "\(recordedBy) \($0)" } ?? recordedBy
            let needs = Role.supervisor.label
            return .init(en: "\(who) may not decide pending intake \(reference): it was recorded by \(recorder); only they or a \(needs.en) decide it.",
                         zh: "\(who) 无权对待决收件 \(reference) 作出决定：该收件由 \(recorder) 登记，须由其本人或\(needs.zh)决定。")
        case .windowTaken(let w, let s, let n):
            return .init(en: "Window \(w) is held by \(s) \(n): they or a supervisor sign out first.",
                         zh: "\(w) 号窗口已由 \(s) \(n) 签到，须其本人或大厅管理先签退。")
        case .signedInElsewhere(let s, let w):
            return .init(en: "\(s) is signed in at window \(w); confirm the move to sign out there and in here.",
                         zh: "\(s) 已在 \(w) 号窗口签到；确认移动后将从该窗口签退并在此签到。")
        }
    }
}

extension HallAction {
    var ownWindowToo: Bool { PermissionPolicy.rule(for: self).windowsOwnClerk }
}
