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
            and needs an administrator of it.
            """)

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Seed a demo hall: five service lines, eight windows, staff of every role, the demo catalog.") var demo = false
    @Flag(help: "Create an empty test hall, which accepts DESK_NOW (a fixed clock) like the demo hall.") var test = false
    @Flag(help: "Replace an existing hall (its data is lost). Needs an administrator of that hall.") var force = false

    func validate() throws {
        if demo && test { throw ValidationError("--demo and --test exclude each other.") }
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
        if force && FileManager.default.fileExists(atPath: path) {
            // Only the hall's own administrator may throw it away; a real hall is never swapped for a demo or
            // test one in place (that would also let DESK_NOW date its events); and the old file is kept.
            let existing = try options.openDatabase()
            if try existing.isSetUp() {
                try existing.authorize(.replaceHall, by: try options.actor(existing))
                if try existing.settings().hallKind == .production && kind != .production { throw InitError.productionToDemo(path) }
            }
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let kept = path + ".replaced-" + stamp
            try existing.backup(to: kept)
            Output.line(Bilingual(en: "The replaced hall is kept as \(kept).", zh: "被替换的大厅已另存为 \(kept)。").text(language))
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        let database = try HallDatabase.open(path: path, clock: try HallClock.fromEnvironment())
        let user = OSAccount.current()
        if demo {
            try DemoHall.seed(database, osUser: user)
        } else if test {
            try database.setUpNewHall(kind: .test, osUser: user)
        } else {
            // "Create or migrate": a hall that exists (or that another `desk init` set up a moment ago) is kept.
            do { try database.setUpNewHall(kind: kind, osUser: user) } catch SetupError.alreadyConfigured {}
        }
        if HallClock.isFixedByEnvironment(), !(try database.settings().hallKind.allowsFixedClock) { throw ClockError.fixedClockRefused }
        Output.line(Bilingual(en: "Hall database ready: \(path)\(demo ? " (demo hall)" : test ? " (test hall)" : "")",
                              zh: "大厅数据库已就绪：\(path)\(demo ? "（演示大厅）" : test ? "（测试大厅）" : "")").text(language))
    }
}

enum InitError: UserFacingError {
    case productionToDemo(String)
    var message: Bilingual {
        switch self {
        case .productionToDemo(let p):
            Bilingual(en: "'\(p)' is a real hall: it is not replaced by a demo or test hall. Move it away first if you mean it.",
                      zh: "“\(p)”是正式大厅，不能替换为演示或测试大厅；确需如此，请先将其移走。")
        }
    }
}
