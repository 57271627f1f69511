import Foundation
import Testing

/// `desk ticket show CODE` and `desk ticket note CODE TEXT`, through the real binary, on the demo hall
/// (the test's account is bound to S01, the demo's clerk at window 1, also a supervisor).
@Suite struct TicketShowCLITests {
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    /// Runs desk at a fixed time of 2026-03-02 in the hall (`DESK_NOW`, allowed on a demo hall).
    func desk(_ arguments: [String], at time: String) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": "2026-03-02T\(time):00+08:00"])
    }

    func lifecycle() throws {
        #expect(try desk(["ticket", "issue", "--line", "A", "--priority", "elderly"], at: "09:00").status == 0)
        #expect(try desk(["ticket", "call", "--window", "1"], at: "09:05").status == 0)
        #expect(try desk(["ticket", "recall", "--window", "1"], at: "09:06").status == 0)
        let noted = try desk(["ticket", "note", "a001", "缺营业执照副本", "--lang", "zh"], at: "09:07")
        #expect(noted.status == 0 && noted.stdout == "A001  备注：缺营业执照副本\n", "\(noted.stderr)")
        #expect(try desk(["ticket", "transfer", "--window", "1", "--line", "B", "--placement", "front"], at: "09:08").status == 0)
        #expect(try desk(["ticket", "call", "--window", "4"], at: "09:10").status == 0)
        #expect(try desk(["ticket", "start", "--window", "4"], at: "09:11").status == 0)
        #expect(try desk(["ticket", "hold", "--window", "4"], at: "09:12").status == 0)
        #expect(try desk(["ticket", "resume", "--window", "4", "--code", "A001"], at: "09:24").status == 0)
        #expect(try desk(["ticket", "start", "--window", "4"], at: "09:25").status == 0)
        #expect(try desk(["ticket", "finish", "--window", "4"], at: "09:40").status == 0)
    }

    @Test func showPrintsLineClassWindowTimesCallsTransfersHoldsNoteAndState() throws {
        try lifecycle()
        let zh = try desk(["ticket", "show", "A001", "--lang", "zh"], at: "10:00")
        #expect(zh.status == 0, "\(zh.stderr)")
        let rows = zh.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "A001  已办结")
        #expect(rows.contains { $0.hasPrefix("号段") && $0.hasSuffix("B 企业开办（取号于 A 综合受理）") }, "\(zh.stdout)")
        #expect(rows.contains { $0.hasPrefix("类别") && $0.hasSuffix("老年人") })
        #expect(rows.contains { $0.hasPrefix("来源") && $0.hasSuffix("前台（命令行）") })
        #expect(rows.contains { $0.hasPrefix("窗口") && $0.hasSuffix("4 号窗口 企业开办二") })
        #expect(rows.contains { $0.hasPrefix("工作人员") && $0.hasSuffix("(S04)") })
        #expect(rows.contains { $0.hasPrefix("取号 ") && $0.hasSuffix("2026-03-02 09:00") })
        #expect(rows.contains { $0.hasPrefix("结束") && $0.hasSuffix("09:40") })
        #expect(rows.contains { $0.hasPrefix("叫号次数") && $0.hasSuffix(" 4") })
        #expect(rows.contains { $0.hasPrefix("备注") && $0.hasSuffix("缺营业执照副本") })
        #expect(rows.contains("  09:05  叫号  1 号窗口 综合受理一  优先"), "\(zh.stdout)")
        #expect(rows.contains("  09:06  重呼  1 号窗口 综合受理一"))
        #expect(rows.contains("  09:08  转移  1 号窗口 综合受理一  A -> B  排到队首  备注：缺营业执照副本"), "\(zh.stdout)")
        // S01 (also a supervisor) acted at window 4, whose clerk is S04: the row says who acted.
        #expect(rows.contains("  09:12  挂起  4 号窗口 企业开办二  12 分钟  操作：S01"), "\(zh.stdout)")
        #expect(rows.contains("  09:24  回呼  4 号窗口 企业开办二  操作：S01"))

        let en = try desk(["ticket", "show", "A001", "--lang", "en"], at: "10:00")
        #expect(en.stdout.contains("  09:08  transferred  Window 1 综合受理一  A -> B  Front of the line  note: 缺营业执照副本"), "\(en.stdout)")
        #expect(en.stdout.contains("  09:12  put on hold  Window 4 企业开办二  12 min  by S01"))

        let json = try desk(["ticket", "show", "A001", "--json"], at: "10:00")
        let object = json.object
        let ticket = try #require(object["ticket"] as? [String: Any])
        #expect(ticket["state"] as? String == "finished" && ticket["line"] as? String == "B" && ticket["source"] as? String == "desk")
        #expect(ticket["note"] as? String == "缺营业执照副本" && ticket["window"] as? Int == 4)
        #expect(object["origin_line"] as? String == "A" && object["staff"] as? String == "S04")
        #expect(object["calls"] as? Int == 4 && object["recalls"] as? Int == 1)
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["issue", "call", "recall", "ticket_note", "transfer", "call", "start", "hold",
                                                         "resume", "start", "finish"])
        let transfer = try #require(steps.first { $0["kind"] as? String == "transfer" })
        #expect(transfer["from_line"] as? String == "A" && transfer["line"] as? String == "B" && transfer["note"] as? String == "缺营业执照副本")
        let holds = try #require(object["holds"] as? [[String: Any]])
        #expect(holds.count == 1 && holds.first?["minutes"] as? Int == 12 && holds.first?["ended_by"] as? String == "resume")

        // The note and its transfer leave the chain intact.
        #expect(try desk(["audit", "verify"], at: "10:00").status == 0)
    }

    @Test func showByDateAndUnknownTickets() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"], at: "09:00").status == 0)
        #expect(try desk(["ticket", "show", "A001", "--date", "2026-03-02", "--json"], at: "09:01").object["ticket"] != nil)
        let otherDay = try desk(["ticket", "show", "A001", "--date", "2026-03-01", "--lang", "en"], at: "09:01")
        #expect(otherDay.status == 1 && otherDay.stderr.contains("No ticket A001 on 2026-03-01."), "\(otherDay.stderr)")
        let badDate = try desk(["ticket", "show", "A001", "--date", "2026-02-30", "--lang", "en"], at: "09:01")
        #expect(badDate.status != 0 && badDate.stderr.contains("2026-02-30 is not a real date"), "\(badDate.stderr)")
        #expect(try desk(["ticket", "show", "Z009"], at: "09:01").status == 1)
        #expect(try desk(["ticket", "show"], at: "09:01").status == 64)
    }

    @Test func noteSetsClearsAndRefuses() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"], at: "09:00").status == 0)
        #expect(try desk(["ticket", "call", "--window", "1"], at: "09:01").status == 0)
        let set = try desk(["ticket", "note", "A001", "请先复印身份证", "--json"], at: "09:02")
        #expect(set.status == 0 && set.object["note"] as? String == "请先复印身份证", "\(set.stderr)")
        let cleared = try desk(["ticket", "note", "A001", "--clear", "--lang", "en"], at: "09:03")
        #expect(cleared.status == 0 && cleared.stdout == "A001  note cleared\n")
        // Usage: text or --clear, exactly one.
        #expect(try desk(["ticket", "note", "A001"], at: "09:04").status == 64)
        #expect(try desk(["ticket", "note", "A001", "x", "--clear"], at: "09:04").status == 64)
        // Refused by a rule: nothing to clear, a control character, a finished ticket.
        let unchanged = try desk(["ticket", "note", "A001", "--clear", "--lang", "en"], at: "09:05")
        #expect(unchanged.status == 1 && unchanged.stderr.contains("Ticket A001 already has that note."), "\(unchanged.stderr)")
        #expect(try desk(["ticket", "note", "A001", "a\u{7}b"], at: "09:05").status == 1)
        #expect(try desk(["ticket", "start", "--window", "1"], at: "09:06").status == 0)
        #expect(try desk(["ticket", "finish", "--window", "1"], at: "09:07").status == 0)
        let closed = try desk(["ticket", "note", "A001", "迟到", "--lang", "zh"], at: "09:08")
        #expect(closed.status == 1 && closed.stderr.contains("A001 号已是“已办结”，备注不能再改。"), "\(closed.stderr)")
    }

    @Test func callingATicketAtAnotherWindowNamesIt() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"], at: "09:00").status == 0)
        #expect(try desk(["ticket", "call", "--window", "1"], at: "09:01").status == 0)
        let r = try desk(["ticket", "call", "--window", "2", "--code", "A001", "--lang", "zh"], at: "09:02")
        #expect(r.status == 1 && r.stderr.contains("A001 号已被 1 号窗口（综合受理一）叫号。"), "\(r.stderr)")
    }
}
