import Foundation
import Testing

/// The window clerk's screen in a real terminal (tmux): keys, other processes' writes, resizing,
/// and the errors when there is no usable terminal.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct WindowScreenTmuxTests {
    let db: String
    init() throws {
        db = try Desk.demoHall().db
    }


    @Test func anIssuedTicketAppearsAndNCallsIt() throws {
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 1 --db \(TmuxSession.quote(db)) --lang en"))
        #expect(tmux.waitFor("Waiting for this window: 0", "Nobody is waiting."), "\(tmux.screenText)")
        let issued = try Desk.run(["ticket", "issue", "--line", "A", "--db", db])
        #expect(issued.status == 0)
        // No key pressed: the screen polls the database and shows the new ticket.
        #expect(tmux.waitFor("Waiting for this window: 1", "A001"), "\(tmux.screenText)")
        try tmux.send("n")
        #expect(tmux.waitFor("Current ticket A001", "Called A001."), "\(tmux.screenText)")
        try tmux.send("F3")
        #expect(tmux.waitFor("Recalled A001 (1 time)."), "\(tmux.screenText)")
        // A001 is at the window: q first asks what becomes of it; u sends it back to the queue, then the screen quits.
        try tmux.send("q")
        #expect(tmux.waitFor("A001 is at the window: before quitting,", "send it back to the queue"), "\(tmux.screenText)")
        try tmux.send("u")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    /// Issue 8 in a real terminal: `e` takes a Chinese note for the current ticket, the panel shows it, the
    /// record has it (another process reads it), and the held list says how long the ticket is held.
    @Test func theNoteKeyWritesTheNoteAndTheHeldListShowsTheTimeHeld() throws {
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 1 --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor("本窗口等候：0 人", "e 备注"), "\(tmux.screenText)")
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db]).status == 0)
        #expect(tmux.waitFor("本窗口等候：1 人", "A001"), "\(tmux.screenText)")
        try tmux.send("n")
        #expect(tmux.waitFor("当前号 A001", "已叫 A001 号。"), "\(tmux.screenText)")
        try tmux.send("e")
        #expect(tmux.waitFor("A001 号备注（清空即删除）"), "\(tmux.screenText)")
        try tmux.send("-l", "缺复印件")
        try tmux.send("Enter")
        #expect(tmux.waitFor("A001 号备注已保存。", "备注  缺复印件"), "\(tmux.screenText)")
        let shown = try Desk.run(["ticket", "show", "A001", "--json", "--db", db])
        #expect((shown.object["ticket"] as? [String: Any])?["note"] as? String == "缺复印件", "\(shown.stdout)")
        try tmux.send("h")
        #expect(tmux.waitFor("本窗口挂起：1", "0 分"), "\(tmux.screenText)")
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    /// A clerk looks an item up mid-intake: `i` opens the catalog over the window, typed Chinese
    /// searches it, Enter reads the item, Esc walks back to the window; meanwhile another process's
    /// ticket still reaches the window. F10 in the catalog returns to the window, not to the shell.
    @Test func theCatalogOpensOverTheWindowAndEscComesBack() throws {
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 1 --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor("本窗口等候：0 人", "i/F11 事项"), "\(tmux.screenText)")
        try tmux.send("i")
        #expect(tmux.waitFor("事项清单（权责清单）", "F10 回窗口"), "\(tmux.screenText)")
        try tmux.send("-l", "食品")
        #expect(tmux.waitFor("搜索：食品", "食品经营许可"), "\(tmux.screenText)")
        let issued = try Desk.run(["ticket", "issue", "--line", "A", "--db", db])
        #expect(issued.status == 0)
        #expect(tmux.waitFor("本窗口等候：1 人", "食品经营许可"), "\(tmux.screenText)")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Left/Right 上/下一项  Esc 返回  F10 回窗口"), "\(tmux.screenText)")
        try tmux.send("Escape")
        #expect(tmux.waitFor("搜索：食品", "Esc 清空/返回"), "\(tmux.screenText)")
        try tmux.send("Escape")
        #expect(tmux.waitFor("共 148 项"), "\(tmux.screenText)")
        try tmux.send("Escape")
        #expect(tmux.waitFor("n/F2 叫号", "A001"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("事项清单"))
        try tmux.send("F11")
        #expect(tmux.waitFor("事项清单（权责清单）"), "\(tmux.screenText)")
        try tmux.send("F10")
        #expect(tmux.waitFor("n/F2 叫号", "A001"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("exit="))
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    @Test func tooSmallShowsTheMessageAndTheScreenComesBack() throws {
        // Window 2 is S02's: this account is bound to S01, so S02 signs in with their password.
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 2 --staff S02 --db \(TmuxSession.quote(db)) --lang zh",
                                                                        environment: "DESK_PASSWORD=demo-S02 "))
        #expect(tmux.waitFor("2 号窗口 综合受理二", "本窗口等候：0 人"), "\(tmux.screenText)")
        try tmux.resize(width: 60, height: 15)
        #expect(tmux.waitFor("请放大到至少 80x24"), "\(tmux.screenText)")
        try tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("2 号窗口 综合受理二", "n/F2 叫号"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("请放大"))
    }

    @Test func unknownTerminalIsAClearErrorAndTheTerminalIsLeftSane() throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": "nonexistent"],
                                   shell: TmuxSession.deskShell("window --db \(TmuxSession.quote(db)) --lang en"))
        #expect(tmux.waitFor("desk: unknown terminal type 'nonexistent'", "TERMINAL-RESTORED", "exit=1"), "\(tmux.screenText)")
    }

    @Test func withoutATerminalTheMessageSaysSo() throws {
        for term in ["nonexistent", "xterm-256color"] {
            let r = try Desk.run(["window", "--window", "1", "--db", db, "--lang", "en"], environment: ["TERM": term])
            #expect(r.status == 1)
            #expect(r.stderr == "desk: standard input and output must be a terminal for the screens\n")
        }
        let zh = try Desk.run(["--db", db], environment: ["TERM": "nonexistent", "LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("界面需要在终端中运行"))
    }

    @Test func aBadThemeFileIsAClearError() throws {
        let theme = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("broken.theme")
        try "title = white blue blink\n".write(to: theme, atomically: true, encoding: .utf8)
        let r = try Desk.run(["window", "--db", db, "--theme", theme.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("desk: ") && r.stderr.contains("broken.theme") && r.stderr.contains("line 1"), "\(r.stderr)")
        let missing = try Desk.run(["window", "--db", db, "--theme", "no-such-theme", "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-theme"), "\(missing.stderr)")
    }
}
