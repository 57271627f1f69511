import Foundation
import Testing

/// Complaints through the real binary on the demo hall: `desk complaint add|assign|answer|close|list|show`, the exit
/// statuses (1 a rule, 5 not permitted, 64 usage), masking in lists, overdue by DESK_NOW. S01 (the test's account) is a
/// supervisor; S02 and S03 are clerks.
@Suite struct ComplaintCLITests {
    /// The case lifecycle's fixture: its demo hall and `desk` (as a staff member, on a day, at 10:00).
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    func desk(_ arguments: [String], as staff: String? = nil, on day: String = "2026-03-02") throws -> Desk.Result {
        try cli.desk(arguments, as: staff, on: day)
    }

    func code(_ r: Desk.Result) -> String? { cli.code(r) }

    func add(_ extra: [String] = ["--source", "phone"]) throws -> String {
        let r = try desk(["complaint", "add", "--name", "张三丰", "--phone", "13800138000", "--window", "3", "--clerk", "S03",
                          "--content", "窗口人员态度生硬", "--json"] + extra)
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        return try #require(r.object["number"] as? String)
    }

    @Test func aHotlineComplaintIsRegisteredAssignedAnsweredAndClosed() throws {
        let add = try desk(["complaint", "add", "--source", "hotline", "--order", "12345-0815", "--name", "张三丰", "--phone", "13800138000",
                            "--window", "3", "--case", "HD-20990101-0001", "--content", "x", "--json"])
        #expect(add.status == 1 && code(add) == "intake.unknown_case", "\(add.stdout)")
        let number = try self.add(["--source", "hotline", "--order", "12345-0815"])
        #expect(number == "TS-20260302-0001")
        let shown = try desk(["complaint", "show", number, "--json"]).object
        #expect(shown["order"] as? String == "12345-0815" && shown["due"] as? String == "2026-03-09" && shown["state"] as? String == "registered")
        #expect(shown["phone"] as? String == "13800138000" && shown["window"] as? Int == 3 && shown["staff"] as? String == "S03")
        #expect(shown["handler"] is NSNull)

        let assign = try desk(["complaint", "assign", number, "--to", "S03", "--unit", "区市场监督管理局", "--json"])
        #expect(assign.status == 0 && assign.object["unit"] as? String == "区市场监督管理局", "\(assign.stderr)")
        // The handler (a clerk) answers; another clerk may not (5).
        let other = try desk(["complaint", "answer", number, "--reply", "已处理", "--json"], as: "S02", on: "2026-03-05")
        #expect(other.status == 5, "\(other.stdout)")
        let answer = try desk(["complaint", "answer", number, "--reply", "已约谈窗口人员并当面致歉", "--json"], as: "S03", on: "2026-03-05")
        #expect(answer.status == 0 && answer.object["on_time"] as? Bool == true, "\(answer.stdout) \(answer.stderr)")
        let again = try desk(["complaint", "answer", number, "--reply", "再次答复", "--json"], as: "S03", on: "2026-03-05")
        #expect(again.status == 1 && code(again) == "complaint.already_answered")
        let close = try desk(["complaint", "close", number, "--satisfaction", "basicallySatisfied", "--json"], on: "2026-03-06")
        #expect(close.status == 0 && close.object["state"] as? String == "closed" && close.object["satisfaction"] as? String == "basicallySatisfied")

        let text = try desk(["complaint", "show", number, "--lang", "zh"])
        #expect(text.stdout.contains("12345 热线转办") && text.stdout.contains("基本满意") && text.stdout.contains("（按期）"), "\(text.stdout)")
    }

    @Test func listsMaskTheComplainantAndShowOverdueByTheClock() throws {
        let late = try add()
        _ = try add(["--source", "visit"])
        let list = try desk(["complaint", "list", "--json"], on: "2026-03-10")
        let rows = try #require(list.object["complaints"] as? [[String: Any]])
        #expect(rows.count == 2 && rows.allSatisfy { $0["name"] as? String == "张*丰" && $0["phone"] as? String == "138****8000" })
        #expect(!list.stdout.contains("13800138000"))
        // Due 2026-03-09: overdue on the 10th, not on the 9th.
        #expect(try #require(try desk(["complaint", "list", "--overdue", "--json"], on: "2026-03-09").object["complaints"] as? [Any]).isEmpty)
        let overdue = try #require(try desk(["complaint", "list", "--overdue", "--json"], on: "2026-03-10").object["complaints"] as? [[String: Any]])
        #expect(overdue.count == 2 && overdue.allSatisfy { $0["overdue"] as? Bool == true })
        let table = try desk(["complaint", "list", "--open", "--lang", "en"], on: "2026-03-10")
        #expect(table.status == 0 && table.stdout.contains(late) && table.stdout.contains("overdue") && !table.stdout.contains("13800138000"))
        for line in table.stdout.split(separator: "\n") { #expect(line.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } <= 80, "\(line)") }
    }

    @Test func refusalsHaveTheirExitStatuses() throws {
        let clerk = try desk(["complaint", "add", "--source", "phone", "--name", "张三", "--phone", "13800138000", "--content", "x", "--json"], as: "S02")
        #expect(clerk.status == 5, "\(clerk.stdout)")
        let noOrder = try desk(["complaint", "add", "--source", "hotline", "--name", "张三", "--phone", "13800138000", "--content", "x", "--json"])
        #expect(noOrder.status == 1 && code(noOrder) == "complaint.work_order_needed", "\(noOrder.stdout)")
        let badSource = try desk(["complaint", "add", "--source", "fax", "--name", "张三", "--phone", "1", "--content", "x"])
        #expect(badSource.status == 64)
        let number = try add()
        let early = try desk(["complaint", "close", number, "--satisfaction", "satisfied", "--json"])
        #expect(early.status == 1 && code(early) == "complaint.not_answered")
        let unknown = try desk(["complaint", "show", "TS-20260302-0099", "--json"])
        #expect(unknown.status == 1 && code(unknown) == "complaint.unknown_complaint")
        let days = try desk(["settings", "set", "complaint_days", "31"])
        #expect(days.status == 1 || days.status == 64, "\(days.stderr)")
        #expect(try desk(["settings", "set", "complaint_days", "10"]).status == 0)
        #expect(try desk(["complaint", "show", try add(), "--json"]).object["due"] as? String == "2026-03-16")
        #expect(try desk(["audit", "verify"]).status == 0)
    }
}
