import Foundation
import Testing

/// Issue 10's agent's screen in a real terminal: P03 signs in on `desk agent` (the screen's own form), a clerk takes in
/// a case with P03 as the applicant's proxy agent through the CLI meanwhile, and P03's screen shows the new case in
/// the job list and the inbox (新), then marks it seen; `desk agent inbox` then has nothing new.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct AgentScreenTmuxTests {
    static let item = "11510199MB1530000K4000010001"
    static let now = "2026-03-02T10:00:00+08:00"
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String], environment: [String: String] = [:]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": Self.now].merging(environment) { $1 })
    }

    /// A clerk at window 1 takes in 张三丰's case with P03 as the proxy agent (CLI, at `now`): its number.
    func fileACaseForP03() throws -> String {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--proxy-agent", "P03", "--provided", "1,2,3,4,5,6", "--json"])
        #expect(intake.status == 0, "\(intake.stderr)")
        return try #require((intake.object["case"] as? [String: Any])?["number"] as? String)
    }

    @Test func anAgentSignsInAndSeesANewCaseInTheInbox() throws {
        let screen = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell(
            "agent --staff P03 --db \(TmuxSession.quote(db)) --lang zh", environment: "DESK_NOW=\(Self.now) "))
        #expect(screen.waitFor("代办员 · 签到", "工号  P03"), "\(screen.screenText)")
        try screen.send("-l", "demo-P03")
        try screen.send("Enter")
        #expect(screen.waitFor("代办件 ·", "P03", "动态 0 条新"), "\(screen.screenText)")

        let number = try fileACaseForP03()

        // The commit wakes the screen: the job is listed, the inbox counts it.
        #expect(screen.waitFor(number, "张*丰", "动态 1 条新"), "\(screen.screenText)")
        try screen.send("i")
        #expect(screen.waitFor("动态：我的代办件有何变化", number, "已受理立案", "m 标为已读"), "\(screen.screenText)")
        try screen.send("m")
        #expect(screen.waitFor("动态已标为已读。", "动态 0 条新"), "\(screen.screenText)")
        try screen.send("F10")
        #expect(screen.waitFor("TERMINAL-RESTORED", "exit=0"), "\(screen.screenText)")

        let inbox = try desk(["agent", "inbox", "--staff", "P03", "--json"], environment: ["DESK_PASSWORD": "demo-P03"])
        #expect(inbox.status == 0, "\(inbox.stderr)")
        #expect(inbox.object["new"] as? Int == 0)
    }

    /// The issue's end-to-end test: the hall prints to a file; P03 signs in (`--staff` with `DESK_PASSWORD`) at 100×30;
    /// a case is filed with P03 as the proxy agent (CLI); the inbox shows it; Enter opens its job, whose detail has an
    /// empty ledger; `h` records the applicant's originals handed to P03 through the form; `p` prints the receipt
    /// (交接单 and its JJ- number in the file); the ledger's line and what is out are on the screen.
    @Test func anAgentRecordsAHandoverOnANewCaseAndTheReceiptPrints() throws {
        let printed = folder.appendingPathComponent("printed.txt").path
        #expect(try desk(["settings", "set", "print_command", "cat > \(TmuxSession.quote(printed))"]).status == 0)
        let screen = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell(
            "agent --staff P03 --db \(TmuxSession.quote(db)) --lang zh", environment: "DESK_NOW=\(Self.now) DESK_PASSWORD=demo-P03 "))
        #expect(screen.waitFor("代办件 ·", "P03", "动态 0 条新"), "\(screen.screenText)")

        let number = try fileACaseForP03()

        #expect(screen.waitFor(number, "动态 1 条新"), "\(screen.screenText)")
        try screen.send("i")
        #expect(screen.waitFor("动态：我的代办件有何变化", number, "已受理立案"), "\(screen.screenText)")
        try screen.send("Enter")
        #expect(screen.waitFor("材料交接台账", "尚无交接记录", "h 交接"), "\(screen.screenText)")

        try screen.send("h")
        #expect(screen.waitFor("由谁交给谁？", "申请人 → 代办员"), "\(screen.screenText)")
        try screen.send("Enter")
        #expect(screen.waitFor("交接：申请人 → 代办员", "1. 公司登记"), "\(screen.screenText)")
        try screen.send("Space", "Down", "Space")
        try screen.send("Tab")
        #expect(screen.waitFor("交出方（申请人）", "张*丰"), "\(screen.screenText)")
        try screen.send("Enter")
        try screen.send("Enter")
        #expect(screen.waitFor("登记以下交接并出具交接单？", "第1项 公司登记（备案）申请书  原件 1 份", "第2项 公司章程  原件 1 份"),
                "\(screen.screenText)")
        try screen.send("Enter")
        #expect(screen.waitFor("交接已登记：交接单 JJ-20260302-0001。按 p 打印。"), "\(screen.screenText)")
        #expect(screen.waitFor("JJ-20260302-0001  申请人 张*丰 → 代办员", "原件在代办员处：第1项 公司登记（备案）申请书；第2项 公司章程"),
                "\(screen.screenText)")

        let job = try #require(Self.jobNumber(in: screen.screenText))
        try screen.send("p")
        #expect(screen.waitFor("交接单 JJ-20260302-0001 已送打印。"), "\(screen.screenText)")
        let receipt = try String(contentsOfFile: printed, encoding: .utf8)
        #expect(receipt.contains("交接单") && receipt.contains("JJ-20260302-0001") && receipt.contains("公司章程"), "\(receipt)")
        try screen.send("F10")
        #expect(screen.waitFor("TERMINAL-RESTORED", "exit=0"), "\(screen.screenText)")

        let ledger = try desk(["handover", "list", "--job", job, "--json"])
        #expect(ledger.status == 0 && (ledger.object["handovers"] as? [Any])?.count == 1, "\(ledger.stderr)")
    }

    /// The job number (DB-…) on the screen.
    static func jobNumber(in text: String) -> String? {
        text.range(of: #"DB-\d{8}-\d{4}"#, options: .regularExpression).map { String(text[$0]) }
    }
}
