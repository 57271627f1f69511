import Foundation
import Testing

/// Issue 11 end to end, in real terminals on one file: a ticket finished at window 1 (the clerk's CLI), rated 2 at that
/// window's rating terminal (`desk rate --window 1`, tmux), the bad review on the supervisor's screen (`desk supervise`,
/// tmux), its 回访 recorded and the rectification closed there; `desk rectification show --json` then says so, and the
/// audit chain verifies.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct BadReviewFollowUpTmuxTests {
    static let now = "2026-03-02T10:00:00+08:00"
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": Self.now])
    }

    func terminal(_ arguments: String, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        shell: TmuxSession.deskShell(arguments + " --db \(TmuxSession.quote(db))",
                                                     environment: "DESK_NOW=\(Self.now) DESK_PASSWORD=demo-M01 NO_COLOR=1 "))
    }

    @Test func aTicketRatedTwoIsFollowedUpAndClosedOnTheSupervisorsScreen() throws {
        let rate = try terminal("rate --window 1 --lang zh --thanks-seconds 2")
        #expect(rate.waitFor("服务评价"), "\(rate.screenText)")
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"],
                     ["ticket", "finish", "--window", "1"]] {
            let r = try desk(step)
            #expect(r.status == 0, "\(step) \(r.stderr)")
        }
        // The citizen: 2 不满意, the reason 服务态度, confirmed.
        #expect(rate.waitFor("请对本次服务作出评价", "号码 A001"), "\(rate.screenText)")
        try rate.send("2")
        #expect(rate.waitFor("服务态度"), "\(rate.screenText)")
        try rate.send("3")
        try rate.send("Enter")
        #expect(rate.waitFor("您的评价：不满意"), "\(rate.screenText)")
        try rate.send("Enter")
        #expect(rate.waitFor("感谢您的评价"), "\(rate.screenText)")

        let bad = try desk(["ratings", "list", "--bad", "--json"])
        let ratings = try #require(bad.object["ratings"] as? [[String: Any]], "\(bad.stdout) \(bad.stderr)")
        let number = try #require(ratings.first?["rectification"] as? String, "\(bad.stdout)")

        // The supervisor: panel 4 lists it; open it, record the 回访, close it as rectified.
        let s = try terminal("supervise --staff M01 --lang zh", width: 100, height: 30)
        #expect(s.waitFor("现场监督", "4 差评整改"), "\(s.screenText)")
        try s.send("4")
        #expect(s.waitFor(number, "A001"), "\(s.screenText)")
        try s.send("Enter")
        #expect(s.waitFor("差评整改 \(number)", "2 不满意", "服务态度", "回访：尚无", "v 回访"), "\(s.screenText)")
        try s.send("v")
        #expect(s.waitFor("回访方式", "电话"), "\(s.screenText)")
        try s.send("1")
        #expect(s.waitFor("是否联系上市民？"), "\(s.screenText)")
        try s.send("1")
        #expect(s.waitFor("回访 · 电话 · 联系上", "回访情况"), "\(s.screenText)")
        try s.send("-l", "市民表示理解")
        try s.send("Enter")
        #expect(s.waitFor("\(number) 的回访已登记。", "回访：1 次，联系上 1 次", "市民表示理解", "c 办结"), "\(s.screenText)")
        try s.send("c")
        #expect(s.waitFor("办结结果", "整改到位"), "\(s.screenText)")
        try s.send("1")
        #expect(s.waitFor("办结 \(number)：整改到位", "办理说明"), "\(s.screenText)")
        try s.send("-l", "已对窗口人员批评教育")
        try s.send("Enter")
        #expect(s.waitFor("\(number) 已办结：整改到位。", "已对窗口人员批评教育"), "\(s.screenText)")
        try s.send("Escape")
        #expect(s.waitFor("没有待整改的差评。"), "\(s.screenText)")
        try s.send("F10")
        #expect(s.waitFor("TERMINAL-RESTORED", "exit=0"), "\(s.screenText)")

        let show = try desk(["rectification", "show", number, "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"rectified\"") && show.stdout.contains("市民表示理解"), "\(show.stdout)")
        let verify = try desk(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        try rate.send("C-q")
    }
}
