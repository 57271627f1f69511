import Foundation
import Testing

/// What real terminals send: Home/End in every form PuTTY, xterm and rxvt use, and terminals that cannot
/// address the cursor refused in the user's language.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct TerminalKeysTmuxTests {
    /// The test card (`desk tui-demo`) names each key it gets.
    @Test(arguments: [
        (["1b", "5b", "31", "7e"], "home"), (["1b", "5b", "37", "7e"], "home"), (["1b", "5b", "48"], "home"), (["1b", "4f", "48"], "home"),
        (["1b", "5b", "34", "7e"], "end"), (["1b", "5b", "38", "7e"], "end"), (["1b", "5b", "46"], "end"), (["1b", "4f", "46"], "end"),
    ])
    func homeAndEndSequencesArriveAsHomeAndEnd(bytes: [String], key: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": "xterm"], shell: TmuxSession.deskShell("tui-demo --lang en"))
        #expect(tmux.waitFor("key: -"), "\(tmux.screenText)")
        try tmux.send(["-H"] + bytes)
        #expect(tmux.waitFor("key: \(key)"), "\(bytes): \(tmux.screenText)")
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }

    @Test(arguments: [("en", "desk: terminal type 'dumb' cannot position the cursor"), ("zh", "desk: 终端类型 'dumb' 无法定位光标")])
    func aTerminalThatCannotAddressTheCursorIsRefused(language: String, message: String) throws {
        let db = try Desk.scratchFolder().appendingPathComponent("hall.sqlite").path
        #expect(try Desk.run(["init", "--demo", "--db", db]).status == 0)
        let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": "dumb"],
                                   shell: TmuxSession.deskShell("window --db \(TmuxSession.quote(db)) --lang \(language)"))
        #expect(tmux.waitFor(message, "TERMINAL-RESTORED", "exit=1"), "\(tmux.screenText)")
    }
}
