import Foundation
import Testing

/// Options before the command, as users of git or sqlite3 type them; a mistyped command gets a suggestion.
@Suite struct CommandLineOrderTests {
    let db: String
    init() throws {
        db = try Desk.scratchFolder().appendingPathComponent("hall.sqlite").path
        #expect(try Desk.run(["init", "--demo", "--db", db]).status == 0)
    }

    @Test func globalOptionsWorkBeforeTheCommand() throws {
        let issued = try Desk.run(["--db", db, "--lang", "en", "ticket", "issue", "--line", "A", "--json"])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.object["code"] as? String == "A001")
        let queue = try Desk.run(["--db=\(db)", "queue", "--json"])
        let lines = try #require(queue.object["lines"] as? [[String: Any]])
        #expect(lines.first { $0["prefix"] as? String == "A" }?["waiting"] as? Int == 1)
        // --staff too, before the command: S03 may not call at window 1.
        let refused = try Desk.run(["--staff", "S03", "--db", db, "ticket", "call", "--window", "1"],
                                   environment: ["DESK_PASSWORD": "demo-S03"])
        #expect(refused.status == 5 && refused.stderr.contains("S03 张伟"), "\(refused.stderr)")
    }

    /// validate takes --db like every command: the hall's time zone decides what "today" is.
    @Test func validateTakesTheHallsDatabase() throws {
        let valid = try Desk.run(["--db", db, "validate", "id", "11010519491231002X", "--json"])
        #expect(valid.status == 0 && valid.object["valid"] as? Bool == true, "\(valid.stderr)")
        let missing = try Desk.run(["validate", "id", "11010519491231002X", "--db", db + ".missing"])
        #expect(missing.status == 4, "\(missing.stderr)")
    }

    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let typo = try Desk.run(["tickets", "--db", db])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Unknown command 'tickets'. Did you mean 'desk ticket'?"), "\(typo.stderr)")
        let zh = try Desk.run(["--lang", "zh", "stat", "--db", db])
        #expect(zh.status == 64)
        #expect(zh.stderr.contains("未知命令“stat”。是否要用 desk stats？"), "\(zh.stderr)")
        let nonsense = try Desk.run(["xyzzy-plugh", "--db", db])
        #expect(nonsense.status == 64 && !nonsense.stderr.contains("Did you mean"), "\(nonsense.stderr)")
        // Plain desk with the window screen's own options still reaches the window screen.
        let screen = try Desk.run(["--db", db, "--window", "1", "--first-frame-only", "--frame-size", "80x24"])
        #expect(screen.status == 0 && screen.stdout.contains("综合受理一"), "\(screen.stderr)")
    }
}

/// The catalog screen on its own: Esc on an empty search does not drop a citizen to the shell.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct CatalogScreenTmuxTests {
    @Test func escOnAnEmptySearchStaysAndF10Leaves() throws {
        let db = try Desk.scratchFolder().appendingPathComponent("hall.sqlite").path
        #expect(try Desk.run(["init", "--demo", "--db", db]).status == 0)
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("catalog --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor("共 148 项"), "\(tmux.screenText)")
        try tmux.send("Escape")
        try tmux.send("Escape")
        // Still running: what is typed next is searched.
        try tmux.send("-l", "食品")
        #expect(tmux.waitFor("搜索：食品", "食品经营许可"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("exit="))
        try tmux.send("F10")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }
}
