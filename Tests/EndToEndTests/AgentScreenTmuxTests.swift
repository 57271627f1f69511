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

    @Test func anAgentSignsInAndSeesANewCaseInTheInbox() throws {
        let screen = try TmuxSession(width: 100, height: 30, shell: TmuxSession.deskShell(
            "agent --staff P03 --db \(TmuxSession.quote(db)) --lang zh", environment: "DESK_NOW=\(Self.now) "))
        #expect(screen.waitFor("代办员 · 签到", "工号  P03"), "\(screen.screenText)")
        try screen.send("-l", "demo-P03")
        try screen.send("Enter")
        #expect(screen.waitFor("代办件 ·", "P03", "动态 0 条新"), "\(screen.screenText)")

        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--proxy-agent", "P03", "--provided", "1,2,3,4,5,6", "--json"])
        #expect(intake.status == 0, "\(intake.stderr)")
        let number = try #require((intake.object["case"] as? [String: Any])?["number"] as? String)

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
}
