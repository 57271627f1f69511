import Foundation
import Testing

/// Issue 9 in a real terminal: a clerk serving a ticket at window 1 of the demo hall takes a 容缺 intake
/// through the form (`a`), and the case is then in `desk case show` with its supplement deadline.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct WindowIntakeTmuxTests {
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    @Test func aToleratedIntakeThroughTheFormOpensACaseWithItsSupplementDeadline() throws {
        let printed = folder.appendingPathComponent("printed.txt").path
        #expect(try Desk.run(["settings", "set", "print_command", "cat >> \(TmuxSession.quote(printed))", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db]).status == 0)
        let tmux = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell("window --window 1 --db \(TmuxSession.quote(db)) --lang zh"))
        #expect(tmux.waitFor("本窗口等候：1 人", "a 受理"), "\(tmux.screenText)")
        // Only while serving: a called ticket is refused in the status line.
        try tmux.send("n")
        #expect(tmux.waitFor("已叫 A001 号。"), "\(tmux.screenText)")
        try tmux.send("a")
        #expect(tmux.waitFor("不在办理中"), "\(tmux.screenText)")
        try tmux.send("s")
        try tmux.send("a")
        #expect(tmux.waitFor("受理 A001", "1 事项", "共 148 项"), "\(tmux.screenText)")
        // Step 1: the item by its pinyin initials.
        try tmux.send("-l", "qysl")
        #expect(tmux.waitFor("共 1 项", "企业设立登记"), "\(tmux.screenText)")
        try tmux.send("Enter")
        // Step 2: a new person; the number is checked as the field is left.
        #expect(tmux.waitFor("申请人类型：", "身份证号"), "\(tmux.screenText)")
        try tmux.send("-l", "11010519491231002X")
        try tmux.send("Tab")
        #expect(tmux.waitFor("新申请人：请填写其余信息。"), "\(tmux.screenText)")
        try tmux.send("-l", "张三丰")
        try tmux.send("Enter")
        try tmux.send("Enter")
        // Step 3: the three core materials provided; 容缺 becomes possible.
        #expect(tmux.waitFor("核心 1 公司登记", "当前可作的决定："), "\(tmux.screenText)")
        try tmux.send("Space", "Down", "Space", "Down", "Space")
        #expect(tmux.waitFor("材料未齐：第 4, 5, 6 项"), "\(tmux.screenText)")
        try tmux.send("Tab")
        // Step 4: 容缺 is selected (the first possible decision), with its days, then the confirmation.
        #expect(tmux.waitFor("2 容缺受理", "Enter 选定"), "\(tmux.screenText)")
        try tmux.send("Enter")
        #expect(tmux.waitFor("补齐期限：5"), "\(tmux.screenText)")
        try tmux.send("Enter")
        #expect(tmux.waitFor("决定：容缺受理", "回车：确认“容缺受理”并打印文书。"), "\(tmux.screenText)")
        try tmux.send("Enter")
        // The print command runs in the background; its outcome follows the case number on the status line.
        #expect(tmux.waitFor("已容缺受理：办件编号 ", "已送打印：文书 2 份。", "n/F2 叫号"), "\(tmux.screenText)")
        let text = tmux.screenText
        let number = try #require(text.range(of: #"[A-Z]+-\d{8}-\d{4}"#, options: .regularExpression).map { String(text[$0]) }, "\(text)")
        let shown = try Desk.run(["case", "show", number, "--json", "--db", db])
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = shown.object
        #expect(object["number"] as? String == number && object["state"] as? String == "accepted")
        let deadlines = try #require(object["deadlines"] as? [String: Any])
        #expect(deadlines["supplement"] as? String != nil && deadlines["promised"] as? String != nil, "\(shown.stdout)")
        #expect((object["materials"] as? [[String: Any]])?.map { $0["status"] as? String }
                == ["provided", "provided", "provided", "missing", "missing", "missing"])
        #expect(try String(contentsOfFile: printed, encoding: .utf8).contains("容缺受理通知书"))

        // One ticket, several cases: `a` again starts a new form.
        try tmux.send("a")
        #expect(tmux.waitFor("受理 A001", "共 148 项"), "\(tmux.screenText)")
        try tmux.send("Escape")
        #expect(tmux.waitFor("n/F2 叫号"), "\(tmux.screenText)")
        try tmux.send("f")
        try tmux.send("q")
        #expect(tmux.waitFor("TERMINAL-RESTORED", "exit=0"), "\(tmux.screenText)")
    }
}
