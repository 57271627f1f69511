import ArgumentParser
import Foundation
import HallModel
import Queue

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "The staff directory: people, roles, passwords, bound system accounts.",
        subcommands: [StaffList.self, StaffShow.self, StaffAdd.self, StaffSetRoles.self, StaffDeactivate.self, StaffReactivate.self,
                      StaffPassword.self, StaffBind.self])
}

extension Role: ExpressibleByArgument {}
extension ApproverLevel: ExpressibleByArgument {}

/// `--roles clerk,supervisor`.
struct RoleList: ExpressibleByArgument {
    var roles: Set<Role>
    init?(argument: String) {
        var roles: Set<Role> = []
        for part in argument.split(separator: ",") {
            guard let role = Role(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            roles.insert(role)
        }
        guard !roles.isEmpty else { return nil }
        self.roles = roles
    }
    static var allValueStrings: [String] { Role.allCases.map(\.rawValue) }
}

/// One person as `staff list --json` and `staff show --json` print them.
struct StaffJSON: Encodable {
    var id: String, name: String, department: String?, roles: [String], approverLevel: String?, active: Bool
    var osUser: String?, hasPassword: Bool, lockedUntil: String?, window: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, department, roles, approverLevel = "approver_level", active, osUser = "os_user", hasPassword = "has_password"
        case lockedUntil = "locked_until", window
    }

    /// Every key always present (null when unset), so scripts can rely on the shape.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(department, forKey: .department)
        try c.encode(roles, forKey: .roles); try c.encode(approverLevel, forKey: .approverLevel); try c.encode(active, forKey: .active)
        try c.encode(osUser, forKey: .osUser); try c.encode(hasPassword, forKey: .hasPassword)
        try c.encode(lockedUntil, forKey: .lockedUntil); try c.encode(window, forKey: .window)
    }

    /// `now`: a lock that has run out is no lock.
    init(_ s: Staff, calendar: BusinessCalendar, now: Date) {
        id = s.id; name = s.name; department = s.department; roles = s.roles.map(\.rawValue); approverLevel = s.approverLevel?.rawValue
        active = s.active; osUser = s.osUser; hasPassword = s.hasPassword; window = s.window
        lockedUntil = Output.timestamp(s.lockedUntil.flatMap { $0 > now ? $0 : nil }, calendar)
    }
}

/// Staff output: JSON (with `json`), else one line a person.
func printStaff(_ people: [Staff], _ options: GlobalOptions, json: Bool, database: HallDatabase, wrapList: Bool) throws {
    let calendar = try database.settings().businessCalendar
    if json {
        // Plain JSONEncoder keys (the output's keys are spelled in StaffJSON).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let items = people.map { StaffJSON($0, calendar: calendar, now: database.clock.now) }
        let data = wrapList ? try encoder.encode(["staff": items]) : try encoder.encode(items[0])
        Output.line(String(decoding: data, as: UTF8.self))
        return
    }
    let language = options.language
    for s in people {
        let roles = s.roles.map { $0.label.text(language) + ($0 == .approver ? "(" + (s.approverLevel?.label.text(language) ?? "?") + ")" : "") }
            .joined(separator: language == .zh ? "、" : ", ")
        var flags: [String] = []
        if !s.active { flags.append(language == .zh ? "已停用" : "deactivated") }
        if let user = s.osUser { flags.append((language == .zh ? "系统账户 " : "account ") + user) }
        if let w = s.window { flags.append(language == .zh ? "在 \(w) 号窗口" : "at window \(w)") }
        if s.lockedUntil.map({ $0 > database.clock.now }) == true { flags.append(language == .zh ? "已锁定" : "locked") }
        Output.line(pad(s.id, 7) + pad(s.name, 10) + pad(s.department ?? "-", 18) + roles + (flags.isEmpty ? "" : "  [" + flags.joined(separator: "; ") + "]"))
    }
}

struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Everyone on the staff, with their roles.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object: {\"staff\": [...]}.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        try printStaff(try database.staffList(), options, json: json, database: database, wrapList: true)
    }
}

struct StaffShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One staff member.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        try printStaff([try database.staffMember(id)], options, json: json, database: database, wrapList: false)
    }
}

struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a staff member (admin). Set a password with 'desk staff password' or bind an account.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number (工号): 1-16 letters, digits, - or _.") var id: String
    @Option(help: "Name.") var name: String
    @Option(help: "Department.") var department: String?
    @Option(help: "Roles, comma-separated: clerk, reviewer, approver, agent, liaison, supervisor, admin, system.") var roles: RoleList
    @Option(help: "For approvers: sectionChief or deputyDirector.") var approverLevel: ApproverLevel?
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        let added = try database.addStaff(id: id, name: name, department: department, roles: roles.roles, approverLevel: approverLevel,
                                          by: try options.actor(database))
        try printStaff([added], options, json: json, database: database, wrapList: false)
    }
}

struct StaffSetRoles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-roles", abstract: "Replace a staff member's roles (admin).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    @Option(help: "Roles, comma-separated.") var roles: RoleList
    @Option(help: "For approvers: sectionChief or deputyDirector.") var approverLevel: ApproverLevel?
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        let changed = try database.setRoles(id, roles: roles.roles, approverLevel: approverLevel, by: try options.actor(database))
        try printStaff([changed], options, json: json, database: database, wrapList: false)
    }
}

struct StaffDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Stop a staff member from signing in or acting (admin); their history stays.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        let changed = try database.setStaffActive(id, false, by: try options.actor(database))
        try printStaff([changed], options, json: json, database: database, wrapList: false)
    }
}

struct StaffReactivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reactivate", abstract: "Let a deactivated staff member act again (admin).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        let changed = try database.setStaffActive(id, true, by: try options.actor(database))
        try printStaff([changed], options, json: json, database: database, wrapList: false)
    }
}

struct StaffPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Set a password (admin, or your own): typed twice on a terminal, else the first line of standard input.",
        discussion: "Example: printf '%s\\n' \"$NEW\" | desk staff password S03. Also clears a lockout.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let staffID = try Staff.validateID(id)
        let password = try PasswordInput.newPassword(for: staffID, language: options.language)
        try database.setPassword(staffID, password, by: actor)
        Output.line(Bilingual(en: "Password set for \(staffID).", zh: "已为 \(staffID) 设置密码。").text(options.language))
    }
}

struct StaffBind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bind",
        abstract: "Bind a staff member to a system account (admin): a process of that account is that person, without a password.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff number.") var id: String
    @Option(help: "The system (SSH) account, e.g. zhangsan.") var osUser: String?
    @Flag(help: "Remove the binding.") var unbind = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if (osUser == nil) == !unbind { throw UsageError(en: "Give --os-user NAME, or --unbind.", zh: "请给出 --os-user 账户名，或 --unbind。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let changed = try database.bindStaff(id, osUser: unbind ? nil : osUser, by: try options.actor(database))
        try printStaff([changed], options, json: json, database: database, wrapList: false)
    }
}
