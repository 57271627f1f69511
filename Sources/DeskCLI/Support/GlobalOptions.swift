import ArgumentParser
import Foundation
import HallModel
import Queue

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The hall database file (default: $DESK_DB, else $XDG_DATA_HOME/halldesk/hall.sqlite).")
    var db: String?

    @Option(name: .long, help: "Language of messages and screens: zh or en (default: from LANG).", completion: HallCompletions.languages)
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(
        "Act as this staff member (password from the prompt, or DESK_PASSWORD for scripts).",
        discussion: "Default: the staff member bound to your system account (desk staff bind)."))
    var staff: String?

    var language: Language { lang.flatMap(Language.init(option:)) ?? .fromEnvironment() }

    func validate() throws {
        // An empty --db (an unset shell variable) must not quietly fall back to the default demo hall.
        try UsageError.rejectBlank(db, "--db")
        if let lang, Language(option: lang) == nil {
            throw UsageError(en: "--lang must be zh or en, not '\(lang)'", zh: "--lang 只能是 zh 或 en，不能是“\(lang)”。")
        }
    }

    /// Opens the hall database. The default database is created with the demo hall when missing, so a newcomer
    /// sees a working hall at once; an explicit path must exist (`desk init` creates it). `DESK_NOW` is refused
    /// on a production hall: nobody may date an event at will. Screens check the file's integrity first
    /// (`PRAGMA quick_check`, `HallDatabase.checkIntegrity`): a damaged hall is refused with the recovery steps.
    func openDatabase(checkingIntegrity: Bool = false) throws -> HallDatabase {
        let database = try openDatabaseAllowingAnyClock()
        if checkingIntegrity { try database.checkIntegrity() }
        if HallClock.isFixedByEnvironment(), !(try database.settings().hallKind.allowsFixedClock) {
            throw ClockError.fixedClockRefused
        }
        return database
    }

    /// Who acts: `--staff` (with that person's password, unless it is the bound account's own number), else
    /// the person bound to this OS account. Refused (exit 5) when there is nobody.
    func actor(_ database: HallDatabase, at terminal: Terminal = .cli) throws -> Actor {
        let user = OSAccount.current()
        let bound = try database.authenticate(osUser: user, at: terminal)
        guard let staff else {
            guard let bound else {
                if let inactive = try database.staffList().first(where: { $0.osUser == user && !$0.active }) {
                    throw AccessError.unknownOrInactive(inactive.id)
                }
                throw AccessError.notSignedIn(osUser: user)
            }
            return bound
        }
        let id = try Staff.validateID(staff)
        if let bound, bound.staffID == id { return bound }
        return try database.authenticate(staff: id, password: try PasswordInput.forSignIn(staff: id, language: language), at: terminal)
    }

    private func openDatabaseAllowingAnyClock() throws -> HallDatabase {
        let clock = try HallClock.fromEnvironment()
        let (path, isDefault) = DatabaseLocation.resolve(option: db)
        if isDefault && !FileManager.default.fileExists(atPath: path) {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw HallDatabaseError.cannotOpen(path: path, detail: FileProblem.reason(error, path: directory))
            }
            // Built whole under a temporary name (a full disk leaves nothing behind); another process may have
            // made it a moment ago: that is fine.
            let user = OSAccount.current()
            if let made = try HallDatabase.createAtomically(path: path, clock: clock, setUp: { try DemoHall.seed($0, osUser: user, cases: true) }) {
                return made
            }
        }
        return try HallDatabase.open(path: path, clock: clock, create: false)
    }
}

/// Exit statuses scripts can rely on (documented in the README).
enum DeskExit {
    /// The action was refused or the input is invalid.
    static let refused: Int32 = 1
    /// `ticket call`: nothing is waiting for that window.
    static let nothingWaiting: Int32 = 3
    /// The database cannot be used (missing, locked, corrupt, read-only, newer version).
    static let database: Int32 = 4
    /// Not signed in, wrong password, locked account, or the person lacks the right.
    static let notPermitted: Int32 = 5
}
