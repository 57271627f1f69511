import Foundation
import Testing

/// Issue 11 (hallops11) in a real terminal: a message sent from the command line appears on a running `desk window`
/// without a key press, and `m` there records it read (the list says who read it).
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct WindowMessageTmuxTests {
    let db: String
    init() throws {
        db = try Desk.demoHall().db
    }

    @Test func aMessageFromTheCommandLineAppearsOnTheWindowAndMMarksItRead() throws {
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 1 --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor("本窗口等候：0 人", "n/F2 叫号"), "\(tmux.screenText)")
        let sent = try Desk.run(["message", "send", "--window", "1", "请1号窗口暂停叫号，到服务台", "--db", db, "--staff", "M01"],
                                environment: ["DESK_PASSWORD": "demo-M01"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(tmux.waitFor("督导消息 · m 已读", "周建国（M01）", "请1号窗口暂停叫号，到服务台", "m 已读"), "\(tmux.screenText)")
        try tmux.send("m")
        #expect(tmux.waitFor("消息已确认。"), "\(tmux.screenText)")
        #expect(!tmux.screenText.contains("督导消息"))
        let list = try Desk.run(["message", "list", "--json", "--db", db])
        let reads = (list.object["messages"] as? [[String: Any]])?.first?["reads"] as? [[String: Any]]
        #expect(reads?.first?["window"] as? Int == 1 && reads?.first?["staff"] as? String == "S01", "\(list.stdout)")
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }
}
