import ArgumentParser
import Foundation
import HallModel
import Queue

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or migrate the hall database; --demo seeds the demo hall.",
        discussion: """
            A new hall binds the system account that creates it to its administrator (staff number ADMIN, or \
            S01 王芳 in the demo hall), who needs no password from that account. --force replaces an existing hall \
            and needs an administrator of it and --yes; it is refused while any other process has the hall open, and \
            keeps the replaced file as PATH.replaced-DATE. A new hall is built under a temporary name and named only when \
            complete.
            """)

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Seed a demo hall: five service lines, eight windows, staff of every role, the demo catalog.") var demo = false
    @Flag(help: "With --demo: also seed the demo cases in flight, dated back from today (what `desk` seeds into its default database).")
    var cases = false
    @Flag(help: "Create an empty test hall, which accepts DESK_NOW (a fixed clock) like the demo hall.") var test = false
    @Flag(help: "Replace an existing hall (its data is lost; a dated copy is kept). Needs an administrator of that hall and --yes.") var force = false
    @Flag(help: "Confirm --force: yes, replace the hall.") var yes = false

    func validate() throws {
        if demo && test { throw UsageError(en: "--demo and --test exclude each other.", zh: "--demo 与 --test 不能同时使用。") }
        if cases && !demo { throw UsageError(en: "--cases seeds the demo hall's cases: give it with --demo.", zh: "--cases 用于演示大厅的办件，须与 --demo 同时使用。") }
        if yes && !force { throw UsageError(en: "--yes confirms --force; give both.", zh: "--yes 用于确认 --force，须同时给出。") }
    }

    func run() throws {
        let language = options.language
        let (path, _) = DatabaseLocation.resolve(option: options.db)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if options.db == nil { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let kind: HallKind = demo ? .demo : test ? .test : .production
        // A real hall's first events must carry the real time.
        if HallClock.isFixedByEnvironment(), !kind.allowsFixedClock, !FileManager.default.fileExists(atPath: path) {
            throw ClockError.fixedClockRefused
        }
        if force && FileManager.default.fileExists(atPath: path) { try replace(path, with: kind, language) }
        let clock = try HallClock.fromEnvironment()
        let user = OSAccount.current()
        var database: HallDatabase
        if !FileManager.default.fileExists(atPath: path) {
            // Built under a temporary name and named when complete: a full disk leaves no half-made hall.
            let made = try HallDatabase.createAtomically(path: path, clock: clock) { building in
                if demo { try DemoHall.seed(building, osUser: user, cases: cases) } else { try building.setUpNewHall(kind: kind, osUser: user) }
            }
            if let made {
                database = made
            } else {
                // Another `desk init` made it a moment ago: set up like an existing hall below.
                database = try HallDatabase.open(path: path, clock: clock)
                try setUpExisting(database, kind: kind, user: user)
            }
        } else {
            database = try HallDatabase.open(path: path, clock: clock)
            // A damaged file is not declared ready (nor written to).
            try database.checkIntegrity()
            try setUpExisting(database, kind: kind, user: user)
        }
        if HallClock.isFixedByEnvironment(), !(try database.settings().hallKind.allowsFixedClock) { throw ClockError.fixedClockRefused }
        Output.line(Bilingual(en: "Hall database ready: \(path)\(demo ? " (demo hall)" : test ? " (test hall)" : "")",
                              zh: "大厅数据库已就绪：\(path)\(demo ? "（演示大厅）" : test ? "（测试大厅）" : "")").text(language))
    }

    /// "Create or migrate": a hall that exists is kept; a demo or test hall is only seeded into an empty one.
    private func setUpExisting(_ database: HallDatabase, kind: HallKind, user: String) throws {
        if demo {
            try DemoHall.seed(database, osUser: user, cases: cases)
        } else if test {
            try database.setUpNewHall(kind: .test, osUser: user)
        } else {
            do { try database.setUpNewHall(kind: kind, osUser: user) } catch SetupError.alreadyConfigured {}
        }
    }

    /// Throws the hall at `path` away, keeping a dated copy. Refused while any other process has it open (a
    /// running screen would go on writing into the deleted file: two halls), and without --yes.
    private func replace(_ path: String, with kind: HallKind, _ language: Language) throws {
        // Only the hall's own administrator may throw it away; a real hall is never swapped for a demo or
        // test one in place (that would also let DESK_NOW date its events).
        let existing = try options.openDatabase()
        if try existing.isSetUp() {
            try existing.authorize(.replaceHall, by: try options.actor(existing))
            if try existing.settings().hallKind == .production && kind != .production { throw InitError.productionToDemo(path) }
        }
        let users = HallDatabase.otherProcessesUsing(path: path)
        if !users.isEmpty { throw InitError.inUse(path, processes: users) }
        guard yes else { throw InitError.needsConfirmation(path) }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let kept = path + ".replaced-" + stamp
        try existing.backup(to: kept)
        try existing.close()
        Output.line(Bilingual(en: "The replaced hall is kept as \(kept).", zh: "被替换的大厅已另存为 \(kept)。").text(language))
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.removeItem(atPath: path + suffix)
            } catch {
                throw HallDatabaseError.cannotOpen(path: path + suffix, detail: FileProblem.reason(error, path: path + suffix))
            }
        }
    }
}

enum InitError: UserFacingError {
    case productionToDemo(String)
    case inUse(String, processes: [Int32])
    case needsConfirmation(String)
    var message: Bilingual {
        switch self {
        case .productionToDemo(let p):
            Bilingual(en: "'\(p)' is a real hall: it is not replaced by a demo or test hall. Move it away first if you mean it.",
                      zh: "“\(p)”是正式大厅，不能替换为演示或测试大厅；确需如此，请先将其移走。")
        case .inUse(let p, let processes):
            Bilingual(en: "'\(p)' is open in \(Plural.english(processes.count, "other process", "other processes")) (\(processes.map(String.init).joined(separator: ", "))): close every screen and command using it, then replace it. Nothing was changed.",
                      zh: "“\(p)”正被另外 \(processes.count) 个进程使用（\(processes.map(String.init).joined(separator: "、"))）：请先关闭使用它的所有界面和命令，再替换。未做任何改动。")
        case .needsConfirmation(let p):
            Bilingual(en: "Replacing '\(p)' throws its data away (a dated copy is kept beside it). Add --yes to confirm.",
                      zh: "替换“\(p)”将丢弃其中的数据（会在旁边保留一份带日期的副本）。确认请加 --yes。")
        }
    }
}
