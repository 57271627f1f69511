import Foundation
import Testing

/// Who is at the window, in a real terminal (tmux): the sign-in form, moving from another window,
/// signing out, leaving with a ticket at the window, and the idle lock. Every effect is checked from
/// outside as well, the way a supervisor or a script sees it: `desk queue --json` for the windows and
/// `desk audit show --json` for the events.
///
/// The OS account running the tests ran `desk init --demo`, so it is bound to S01 王芳 (clerk, supervisor,
/// admin), who is signed in at window 1. Every demo clerk S0n is signed in at window n; passwords are
/// "demo-" + the staff number.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct WindowSignInTmuxTests {
    let db: String
    init() throws {
        db = try Desk.scratchFolder().appendingPathComponent("hall.sqlite").path
        let r = try Desk.run(["init", "--demo", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
    }

    // MARK: Helpers


    /// The clerk's screen for `window` at 100×30, in English unless `lang` says otherwise.
    func screen(window: Int, _ extra: String = "", lang: String = "en", environment: String = "") throws -> TmuxSession {
        try TmuxSession(width: 100, height: 30,
                        shell: TmuxSession.deskShell("window --window \(window) \(extra) --db \(TmuxSession.quote(db)) --lang \(lang)", environment: environment))
    }

    @discardableResult
    func desk(_ arguments: [String]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db])
    }

    /// `desk queue --json`'s windows by number.
    func windows() throws -> [Int: [String: Any]] {
        let r = try desk(["queue", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = r.object["windows"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.compactMap { w in (w["number"] as? Int).map { ($0, w) } })
    }

    /// "state staff" of one window ("open S03", "closed -"), as a supervisor's script reads it.
    func window(_ number: Int) throws -> String {
        let w = try windows()[number]
        return (w?["state"] as? String ?? "?") + " " + (w?["staff"] as? String ?? "-")
    }

    /// `desk audit show --json`'s events, oldest first.
    func events() throws -> [[String: Any]] {
        let r = try desk(["audit", "show", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.object["events"] as? [[String: Any]] ?? []
    }

    /// Events after the first `skipping` ones, as "kind actor terminal w<window> s<staff> [ticket] detail"
    /// lines that read well in a failure message.
    func eventLines(after skipping: Int) throws -> [String] {
        try events().dropFirst(skipping).map { e in
            [e["kind"] as? String ?? "?", e["actor"] as? String ?? "-", e["terminal"] as? String ?? "-",
             "w" + ((e["window"] as? Int).map(String.init) ?? "-"), "s" + (e["staff"] as? String ?? "-"),
             e["ticket"] as? String ?? "", e["detail"] as? String ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// Polls `condition` until it holds (true) or `timeout` seconds pass (false); for effects another
    /// process writes on its own clock, such as the idle lock's event.
    func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// Window 3 is S03's in the demo: a supervisor (S01, this account) signs S03 out from the command line.
    func closeWindow3() throws {
        let closed = try desk(["window", "close", "--window", "3", "--json"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(try window(3) == "closed -")
    }

    // MARK: Sign-in form

    /// S01's bound account opens window 3 while signed in at window 1: the move is asked, `n` declines and
    /// the form appears. A wrong password is refused (nothing signed in, the failure is an event); the right
    /// one signs S03 in, masked all along.
    @Test func decliningTheMoveGivesTheFormWhereAWrongPasswordIsRefusedAndTheRightOneSignsIn() throws {
        try closeWindow3()
        let before = try events().count
        let tmux = try screen(window: 3)
        #expect(tmux.waitFor("Sign in at window 3", "王芳 (S01) is signed in at window 1. Move to window 3?", "y move here"),
                "\(tmux.screenText)")
        // Asking writes nothing: S01 stays at window 1 until the move is confirmed.
        #expect(try window(1) == "open S01")
        #expect(try window(3) == "closed -")

        try tmux.send("n")
        #expect(tmux.waitFor("Staff no.  _", "Password", "Tab Switch  Enter Confirm  F10 Quit", "nobody signed in"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("Move to window 3?"))

        try tmux.send("-l", "S03")
        try tmux.send("Tab")
        try tmux.send("-l", "not-the-password")
        #expect(tmux.waitFor("Staff no.  S03", "Password   " + String(repeating: "*", count: 16) + "_"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("not-the-password"))
        try tmux.send("Enter")
        #expect(tmux.waitFor("Wrong staff number or password.", "Sign in at window 3", "nobody signed in"), "\(tmux.screenText)")
        #expect(try window(3) == "closed -")
        #expect(try window(1) == "open S01")
        let refused = try eventLines(after: before)
        #expect(refused.contains { $0.hasPrefix("sign_in_failed @unauthenticated window:3 w- sS03") && $0.contains("wrong_password") },
                "\(refused)")
        #expect(!refused.contains { $0.hasPrefix("sign_in ") }, "\(refused)")

        // The form keeps the staff number and waits in the password field.
        #expect(tmux.waitFor("Staff no.  S03", "Password   _"), "\(tmux.screenText)")
        try tmux.send("-l", "demo-S03")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Window 3 企业开办一  张伟 (S03)", "Signed in: 张伟.", "n/F2 Next"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("demo-S03"))
        #expect(try window(3) == "open S03")
        #expect(try window(1) == "open S01")
        let signedIn = try eventLines(after: before)
        #expect(signedIn.suffix(2) == ["authenticated S03 window:3 w- sS03 {\"method\":\"password\"}", "sign_in S03 window:3 w3 sS03"],
                "\(signedIn)")

        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
        #expect(try window(3) == "closed -")
    }

    /// The held-by-someone-else case the form exists for: S01's bound account at S03's window is refused
    /// with the reason, and the form waits with S01 filled in. Nothing is written to the window.
    @Test func someoneElsesWindowIsRefusedWithTheFormShown() throws {
        let tmux = try screen(window: 3)
        #expect(tmux.waitFor("Window 3 is held by S03 张伟", "Sign in at window 3", "Staff no.  S01"), "\(tmux.screenText)")
        #expect(try window(3) == "open S03")
        #expect(try window(1) == "open S01")
        try tmux.send("F10")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
        // F10 on the form quits without touching either window.
        #expect(try window(3) == "open S03")
        #expect(try window(1) == "open S01")
    }

    // MARK: Moving

    /// `y` signs S01 out at window 1 and in at window 3, in one step; the events say where from.
    @Test func confirmingTheMoveSignsOutThereAndInHere() throws {
        try closeWindow3()
        let before = try events().count
        let tmux = try screen(window: 3)
        #expect(tmux.waitFor("王芳 (S01) is signed in at window 1. Move to window 3?", "y Confirm"), "\(tmux.screenText)")
        try tmux.send("y")
        #expect(tmux.waitFor("Window 3 企业开办一  王芳 (S01)", "Signed in: 王芳.", "n/F2 Next"), "\(tmux.screenText)")
        #expect(try window(1) == "closed -")
        #expect(try window(3) == "open S01")
        let moved = try eventLines(after: before)
        #expect(moved == ["sign_out S01 window:3 w1 sS01 {\"reason\":\"moved\"}", "sign_in S01 window:3 w3 sS01 {\"moved_from\":1}"],
                "\(moved)")

        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
        #expect(try window(3) == "closed -")
        #expect(try window(1) == "closed -")
    }

    // MARK: Signing out

    /// `o` signs out and closes the window; the form comes back for the next person. The bound account's own
    /// number then signs in again with no password.
    @Test func signingOutClosesTheWindowAndTheFormReturns() throws {
        let tmux = try screen(window: 1)
        #expect(tmux.waitFor("Window 1 综合受理一  王芳 (S01)", "o Sign out"), "\(tmux.screenText)")
        let before = try events().count
        try tmux.send("o")
        #expect(tmux.waitFor("Signed out; the window is closed.", "Sign in at window 1", "Staff no.  _", "nobody signed in"),
                "\(tmux.screenText)")
        #expect(try window(1) == "closed -")
        #expect(try eventLines(after: before) == ["sign_out S01 window:1 w1 sS01"])

        // The program is still running, waiting for the next person.
        #expect(!tmux.screenText.contains("exit="))
        try tmux.send("-l", "S01")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Window 1 综合受理一  王芳 (S01)", "Signed in: 王芳."), "\(tmux.screenText)")
        #expect(try window(1) == "open S01")
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    /// A supervisor signs the clerk out from elsewhere (`desk window close`): the screen, which polls the
    /// database, should stop offering the window's keys and show the form for the next person.
    @Test func beingSignedOutFromElsewhereBringsBackTheForm() throws {
        let tmux = try screen(window: 2, "--staff S02", environment: "DESK_PASSWORD=demo-S02 ")
        #expect(tmux.waitFor("Window 2 综合受理二  李强 (S02)", "n/F2 Next"), "\(tmux.screenText)")
        let closed = try desk(["window", "close", "--window", "2"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(tmux.waitFor("Sign in at window 2", "Staff no.  S02", "nobody signed in", "You were signed out of this window elsewhere."),
                "\(tmux.screenText)")
        #expect(try window(2) == "closed -")
    }

    /// Quitting a paused window keeps the pause and the clerk: the board and the supervisor keep seeing why
    /// the window is not calling.
    @Test func quittingAPausedWindowKeepsThePause() throws {
        let tmux = try screen(window: 1)
        #expect(tmux.waitFor("Window 1 综合受理一  王芳 (S01)", "p/F9 Pause"), "\(tmux.screenText)")
        try tmux.send("p")
        #expect(tmux.waitFor("Pause: reason", "1  lunch"), "\(tmux.screenText)")
        try tmux.send("1")
        #expect(tmux.waitFor("Calling paused.", "paused (lunch)"), "\(tmux.screenText)")
        let before = try events().count
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
        #expect(try window(1) == "paused S01")
        #expect(try eventLines(after: before) == [])
    }

    // MARK: Leaving with a ticket at the window

    /// `q` with a ticket only called asks first (hold or requeue, not finish); `u` puts it back in the queue,
    /// then the program quits, signing out and closing the window.
    @Test func quittingWithACalledTicketAsksFirstAndURequeuesItThenQuits() throws {
        let tmux = try screen(window: 1)
        #expect(tmux.waitFor("Waiting for this window: 0", "王芳 (S01)"), "\(tmux.screenText)")
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(tmux.waitFor("Waiting for this window: 1", "A001"), "\(tmux.screenText)")
        try tmux.send("n")
        #expect(tmux.waitFor("Current ticket A001", "Called A001."), "\(tmux.screenText)")
        let before = try events().count

        try tmux.send("q")
        #expect(tmux.waitFor("A001 is at the window: before quitting,", "h  hold it", "u  send it back to the queue", "Esc  Cancel"),
                "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("f  finish it"), "only a ticket being served can be finished")
        // Asking is not leaving: still signed in, the ticket still at the window ("serving" in the queue's words).
        #expect(try window(1) == "serving S01")
        #expect(!tmux.screenText.contains("exit="))

        try tmux.send("u")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
        #expect(try window(1) == "closed -")
        let queue = try desk(["queue", "--json"])
        let lines = queue.object["lines"] as? [[String: Any]] ?? []
        #expect(lines.first { $0["prefix"] as? String == "A" }?["waiting"] as? Int == 1, "\(queue.stdout)")
        let left = try eventLines(after: before)
        #expect(left.count == 2 && left[0].hasPrefix("requeue S01 window:1 w1") && left[0].contains("A001") && left[1] == "sign_out S01 window:1 w1 sS01", "\(left)")
    }

    /// Esc keeps the ticket; `o` with a ticket being served offers finish (and hold, not requeue); `f`
    /// finishes it and signs out, and the form comes back.
    @Test func signingOutWithATicketBeingServedOffersFinish() throws {
        let tmux = try screen(window: 1)
        #expect(tmux.waitFor("Waiting for this window: 0", "王芳 (S01)"), "\(tmux.screenText)")
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(tmux.waitFor("Waiting for this window: 1"), "\(tmux.screenText)")
        try tmux.send("n")
        #expect(tmux.waitFor("Called A001."), "\(tmux.screenText)")
        try tmux.send("s")
        #expect(tmux.waitFor("Serving A001."), "\(tmux.screenText)")

        try tmux.send("o")
        #expect(tmux.waitFor("A001 is at the window: before signing out,", "f  finish it", "h  hold it", "Esc  Cancel"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("send it back to the queue"), "a ticket being served is not requeued")
        try tmux.send("Escape")
        #expect(tmux.waitFor("f/F5 Finish", "Current ticket A001"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("is at the window: before"))
        #expect(try window(1) == "serving S01")

        let before = try events().count
        try tmux.send("o")
        #expect(tmux.waitFor("A001 is at the window: before signing out,", "f  finish it"), "\(tmux.screenText)")
        try tmux.send("f")
        #expect(tmux.waitFor("Signed out; the window is closed.", "Sign in at window 1"), "\(tmux.screenText)")
        #expect(try window(1) == "closed -")
        let left = try eventLines(after: before)
        #expect(left.count == 2 && left[0].hasPrefix("finish S01 window:1 w1") && left[0].contains("A001") && left[1] == "sign_out S01 window:1 w1 sS01", "\(left)")
        try tmux.send("F10")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    // MARK: Idle lock

    /// S03 signed in by --staff and DESK_PASSWORD locks after a second idle: the lock hides the tickets, a
    /// wrong password leaves it locked with the error, the right one unlocks. Locking and the attempts are
    /// events.
    @Test func theIdleLockNeedsTheSamePersonsPassword() throws {
        let before = try events().count
        let tmux = try screen(window: 3, "--staff S03 --idle-lock-seconds 1", environment: "DESK_PASSWORD=demo-S03 ")
        #expect(tmux.waitFor("Screen locked", "张伟 (S03)", "Enter unlock"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("Waiting for this window"), "a locked screen shows no tickets")
        #expect(try window(3) == "open S03")
        let locked = try eventually { try eventLines(after: before).contains("screen_locked S03 window:3 w- sS03") }
        let lockedEvents = try eventLines(after: before)
        #expect(locked, "\(lockedEvents)")

        try tmux.send("-l", "demo-S01")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Wrong password.", "Screen locked"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("n/F2 Next"))
        let refused = try eventLines(after: before)
        #expect(refused.contains { $0.hasPrefix("sign_in_failed @unauthenticated window:3 w- sS03") }, "\(refused)")

        try tmux.send("-l", "demo-S03")
        try tmux.send("Enter")
        // Unlocked, until the next idle second locks it again: the status is caught while it shows.
        #expect(tmux.waitFor("Unlocked.", "n/F2 Next"), "\(tmux.screenText)")
        #expect(try window(3) == "open S03")
        // One password check at the start (DESK_PASSWORD), one to unlock; one failure.
        let unlocked = try eventLines(after: before)
        #expect(unlocked.filter { $0 == "authenticated S03 window:3 w- sS03 {\"method\":\"password\"}" }.count == 2, "\(unlocked)")
        #expect(unlocked.filter { $0.hasPrefix("sign_in_failed ") }.count == 1, "\(unlocked)")
        #expect(unlocked.contains("screen_unlocked S03 window:3 w- sS03 {\"method\":\"password\"}"), "\(unlocked)")
        // Idle again after the unlock, it locks again.
        let relocked = try eventually { try eventLines(after: before).filter { $0.hasPrefix("screen_locked ") }.count >= 2 }
        let relockedEvents = try eventLines(after: before)
        #expect(relocked, "\(relockedEvents)")
        #expect(tmux.waitFor("Screen locked"), "\(tmux.screenText)")
    }

    /// The bound account's screen unlocks with Enter alone.
    @Test func theBoundAccountUnlocksWithEnter() throws {
        let tmux = try screen(window: 1, "--idle-lock-seconds 1")
        #expect(tmux.waitFor("Screen locked", "王芳 (S01)", "Press Enter to unlock."), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("Password"))
        try tmux.send("Enter")
        #expect(tmux.waitFor("Unlocked.", "n/F2 Next"), "\(tmux.screenText)")
    }

    /// The lock in Chinese, with the sign-in form's words.
    @Test func theLockAndTheFormInChinese() throws {
        try closeWindow3()
        let tmux = try screen(window: 3, lang: "zh")
        #expect(tmux.waitFor("3 号窗口签到", "王芳 (S01) 已在 1 号窗口签到，移到 3 号窗口？", "y 移到本窗口   n/Esc 取消"), "\(tmux.screenText)")
        try tmux.send("n")
        #expect(tmux.waitFor("工号  _", "密码", "Tab 切换  Enter 确认  F10 退出"), "\(tmux.screenText)")
        try tmux.send("-l", "S03")
        try tmux.send("Tab")
        try tmux.send("-l", "wrong")
        try tmux.send("Enter")
        #expect(tmux.waitFor("工号或密码错误。"), "\(tmux.screenText)")
        try tmux.send("-l", "demo-S03")
        try tmux.send("Enter")
        #expect(tmux.waitFor("张伟 (S03)", "已签到：张伟。"), "\(tmux.screenText)")
        try tmux.send("o")
        #expect(tmux.waitFor("已签退，窗口已关闭。", "3 号窗口签到"), "\(tmux.screenText)")
        #expect(try window(3) == "closed -")

        let locking = try screen(window: 3, "--staff S03 --idle-lock-seconds 1", lang: "zh", environment: "DESK_PASSWORD=demo-S03 ")
        #expect(locking.waitFor("屏幕已锁定", "张伟 (S03)", "Enter 解锁（空闲超时）"), "\(locking.screenText)")
        try locking.send("-l", "demo-S03")
        try locking.send("Enter")
        #expect(locking.waitFor("已解锁。"), "\(locking.screenText)")
    }
}
