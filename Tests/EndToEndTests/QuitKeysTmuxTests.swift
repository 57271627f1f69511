import Foundation
import Testing

/// Leaving a screen in a real terminal (tmux): at a terminal too small to show it (60×20) the quit keys still
/// work — q and F10 on the window screen (which signs out on the way), F10 and q on the catalog — and Ctrl-Q
/// reaches the screens (the terminal's flow control is off while they run, and back on after).
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct QuitKeysTmuxTests {
    let db: String
    init() throws {
        db = try Desk.demoHall().db
    }

    /// Whether window `n` has someone signed in, from `desk queue --json`.
    func signedIn(_ n: Int) throws -> Bool {
        let windows = try #require(try Desk.run(["queue", "--json", "--db", db]).object["windows"] as? [[String: Any]])
        let window = try #require(windows.first { $0["number"] as? Int == n })
        return window["staff"] as? String != nil
    }

    @Test(arguments: ["q", "F10"])
    func theWindowScreenQuitsWhileTooSmallAndSignsOut(key: String) throws {
        let tmux = try TmuxSession(width: 60, height: 20, shell: TmuxSession.deskShell(
            "window --window 2 --staff S02 --db \(TmuxSession.quote(db)) --lang zh", environment: "DESK_PASSWORD=demo-S02 "))
        #expect(tmux.waitFor("请放大到至少 80x24"), "\(tmux.screenText)")
        #expect(try signedIn(2))
        try tmux.send(key)
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(key): \(tmux.screenText)")
        #expect(try !signedIn(2), "\(key): the quit signed out")
    }

    @Test(arguments: ["q", "F10", "C-q"])
    func theCatalogQuitsWhileTooSmall(key: String) throws {
        let tmux = try TmuxSession(width: 60, height: 20, shell: TmuxSession.deskShell("catalog --db \(TmuxSession.quote(db)) --lang en"))
        #expect(tmux.waitFor("Terminal too small"), "\(tmux.screenText)")
        try tmux.send(key)
        if key == "C-q" {
            // Ctrl-Q arrives (no flow control) but is no catalog key: the screen stays, F10 then leaves.
            try tmux.send("F10")
        }
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(key): \(tmux.screenText)")
    }

    /// The kiosk's staff key Ctrl-Q quits: at full size and while too small; the terminal's settings
    /// (flow control included) are as before afterwards.
    @Test(arguments: [(80, 24), (60, 20)])
    func ctrlQReachesTheKiosk(size: (Int, Int)) throws {
        let tmux = try TmuxSession(width: size.0, height: size.1, shell: TmuxSession.deskShell("kiosk --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor(size.0 >= 80 ? "请选择业务" : "请放大到至少 80x24"), "\(tmux.screenText)")
        try tmux.send("C-q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(size): \(tmux.screenText)")
    }
}
