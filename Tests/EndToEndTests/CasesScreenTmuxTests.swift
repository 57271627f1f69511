import Foundation
import Testing

/// Issue 9's case screen in a real terminal: a case taken in by the CLI; reviewer R01 signs in through the screen's own
/// sign-in form (a wrong password first), takes the case (confirmed with Enter) and submits the review with an opinion
/// through the form, then signs out with `o` (the form comes back); approver C01 approves it with a reason; S01 (the
/// test account's clerk) issues the result; `desk case show --json` then shows the result issued.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct CasesScreenTmuxTests {
    static let item = "11510199MB1530000K4000010001"
    static let now = "2026-03-02T10:00:00+08:00"
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": Self.now])
    }

    /// `desk cases` for `staff` (nil: the test's bound account, S01) in tmux; `password`: with DESK_PASSWORD (else the
    /// screen's sign-in form asks).
    func screen(_ staff: String?, password: Bool = true, lang: String, width: Int, height: Int) throws -> TmuxSession {
        let who = staff.map { " --staff \($0)" } ?? ""
        let env = "DESK_NOW=\(Self.now) " + (password ? staff.map { "DESK_PASSWORD=demo-\($0) " } ?? "" : "")
        return try TmuxSession(width: width, height: height,
                               shell: TmuxSession.deskShell("cases\(who) --db \(TmuxSession.quote(db)) --lang \(lang)", environment: env))
    }

    @Test func aReviewerAndAnApproverTakeACaseToItsResultOnTheScreen() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--provided", "1,2,3,4,5,6", "--json"])
        #expect(intake.status == 0, "\(intake.stderr)")
        let number = try #require((intake.object["case"] as? [String: Any])?["number"] as? String)

        // R01 (zh, 100×30) with no password given: the sign-in form, R01 filled in. A wrong password is refused with
        // the window's message; the right one opens the queue, with the case in it.
        let reviewer = try screen("R01", password: false, lang: "zh", width: 100, height: 30)
        #expect(reviewer.waitFor("办件 · 签到", "工号  R01", "Tab 切换"), "\(reviewer.screenText)")
        try reviewer.send("-l", "not-my-password")
        try reviewer.send("Enter")
        #expect(reviewer.waitFor("工号或密码错误。"), "\(reviewer.screenText)")
        try reviewer.send("-l", "demo-R01")
        try reviewer.send("Enter")
        #expect(reviewer.waitFor("我的待办", number, "张*丰", "企业设立登记"), "\(reviewer.screenText)")
        // Enter opens it; t asks first (a stray key does nothing), Enter takes it; o and the opinion submit the review.
        try reviewer.send("Enter")
        #expect(reviewer.waitFor("t 领取审查", "办理经过", "受理通知书"), "\(reviewer.screenText)")
        try reviewer.send("t")
        #expect(reviewer.waitFor("确认开始审查 案件 \(number)？", "Enter 确认 / Esc 取消"), "\(reviewer.screenText)")
        try reviewer.send("x")
        try reviewer.send("Enter")
        #expect(reviewer.waitFor("现为“审查中”", "o 审查意见"), "\(reviewer.screenText)")
        try reviewer.send("o")
        #expect(reviewer.waitFor("提交审查意见：\(number)", "Enter 确认"), "\(reviewer.screenText)")
        try reviewer.send("-l", "材料齐全，符合法定条件")
        try reviewer.send("Enter")
        #expect(reviewer.waitFor("现为“审批中”", "意见：材料齐全，符合法定条件"), "\(reviewer.screenText)")
        // Back to the list, o signs out: the form again for the next person; q... F10 quits from the form.
        try reviewer.send("Escape")
        #expect(reviewer.waitFor("o 签退"), "\(reviewer.screenText)")
        try reviewer.send("o")
        #expect(reviewer.waitFor("办件 · 签到", "孙志刚 已签退。"), "\(reviewer.screenText)")
        try reviewer.send("F10")
        #expect(reviewer.waitFor("TERMINAL-RESTORED", "exit=0"), "\(reviewer.screenText)")

        // C01 (en, 80×24): approve with a reason.
        let approver = try screen("C01", lang: "en", width: 80, height: 24)
        #expect(approver.waitFor("My queue", number), "\(approver.screenText)")
        try approver.send("Enter")
        #expect(approver.waitFor("a Approve", "n Reject"), "\(approver.screenText)")
        try approver.send("a")
        #expect(approver.waitFor("approve: \(number)"), "\(approver.screenText)")
        try approver.send("-l", "符合条件，准予许可")
        try approver.send("Enter")
        #expect(approver.waitFor("approval given; now approved."), "\(approver.screenText)")
        try approver.send("F10")
        #expect(approver.waitFor("TERMINAL-RESTORED", "exit=0"), "\(approver.screenText)")

        // S01, the clerk at window 1 (the bound account): all cases (Tab), the case, i issues the result.
        let clerk = try screen(nil, lang: "zh", width: 80, height: 24)
        #expect(clerk.waitFor("Tab 全部办件"), "\(clerk.screenText)")
        try clerk.send("Tab")
        #expect(clerk.waitFor(number, "准予许可"), "\(clerk.screenText)")
        try clerk.send("Enter")
        #expect(clerk.waitFor("i 送达"), "\(clerk.screenText)")
        try clerk.send("i")
        #expect(clerk.waitFor("确认送达结果 案件 \(number)？"), "\(clerk.screenText)")
        try clerk.send("Enter")
        #expect(clerk.waitFor("现为“已送达”", "h 移交"), "\(clerk.screenText)")
        try clerk.send("q")
        #expect(clerk.waitFor("TERMINAL-RESTORED", "exit=0"), "\(clerk.screenText)")

        let shown = try desk(["case", "show", number, "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.object["state"] as? String == "resultIssued", "\(shown.stdout)")
    }
}
