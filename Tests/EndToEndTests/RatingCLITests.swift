import Foundation
import Testing

/// 好差评 and 整改 through the real binary on the demo hall: `desk rating add`, `desk ratings list|summary`, `desk
/// rectification list|show|visit|close|extend|appeal|decide`, the settings. The test's account is S01 (clerk, supervisor,
/// admin); S02 is a clerk only (window 2), M01 a supervisor only.
@Suite struct RatingCLITests {
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String], as staff: String? = nil, on day: String = "2026-03-02", at time: String = "10:00:00") throws -> Desk.Result {
        var env = ["DESK_NOW": "\(day)T\(time)+08:00"]
        var args = arguments + ["--db", db]
        if let staff { env["DESK_PASSWORD"] = "demo-\(staff)"; args += ["--staff", staff] }
        return try Desk.run(args, environment: env)
    }

    func errorCode(_ r: Desk.Result) -> String? { (r.object["error"] as? [String: Any])?["code"] as? String }

    /// A ticket of line A issued, called, started and finished at `window` (S01 acts there as supervisor): its code.
    @discardableResult
    func finishedTicket(at window: Int = 2, on day: String = "2026-03-02") throws -> String {
        let issued = try desk(["ticket", "issue", "--line", "A", "--json"], on: day)
        let code = try #require((issued.object["ticket"] as? [String: Any])?["code"] as? String ?? issued.object["code"] as? String,
                                "\(issued.stdout)")
        for step in ["call", "start", "finish"] {
            var args = ["ticket", step, "--window", String(window)]
            if step == "call" { args += ["--code", code] }
            let r = try desk(args, on: day)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        return code
    }

    @Test func oneRatingPerVisitAClerkRefusedAnUnfinishedTicketRefused() throws {
        let code = try finishedTicket(at: 2)
        let added = try desk(["rating", "add", "--ticket", code, "--level", "2", "--reason", "attitude", "--reason", "efficiency",
                              "--note", "窗口人员态度生硬", "--json"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.object["staff"] as? String == "S02" && added.object["window"] as? Int == 2 && added.object["level"] as? Int == 2)
        #expect(added.object["reasons"] as? [String] == ["serviceEfficiency", "serviceAttitude"] && added.object["source"] as? String == "staffEntry")
        #expect(added.object["rectification"] as? String == "ZG-20260302-0001")
        let again = try desk(["rating", "add", "--ticket", code, "--level", "5", "--json"])
        #expect(again.status == 1 && errorCode(again) == "rating.already_rated", "\(again.stdout)")
        let text = try desk(["rating", "add", "--ticket", code, "--level", "5", "--lang", "en"])
        #expect(text.stderr.contains("has been rated already: one rating per visit"), "\(text.stderr)")
        let clerk = try desk(["rating", "add", "--ticket", code, "--level", "5", "--json"], as: "S02")
        #expect(clerk.status == 5, "\(clerk.stdout)")
        #expect(try desk(["ratings", "list", "--json"], as: "S02").status == 5)
        _ = try desk(["ticket", "issue", "--line", "A"])
        let waiting = try desk(["rating", "add", "--ticket", "A002", "--level", "5", "--json"])
        #expect(waiting.status == 1 && errorCode(waiting) == "rating.not_finished", "\(waiting.stdout)")
        #expect(try desk(["rating", "add", "--ticket", code, "--level", "6"]).status == 64)
        #expect(try desk(["rating", "add", "--ticket", code, "--level", "2", "--reason", "mood"]).status == 64)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func ratingsListGivesTheBadReviewsWithTheirCasesAndRectification() throws {
        let good = try finishedTicket(at: 3)
        #expect(try desk(["rating", "add", "--ticket", good, "--level", "5"]).status == 0)
        let bad = try finishedTicket(at: 2)
        let reasonless = try desk(["rating", "add", "--ticket", bad, "--level", "1", "--json"])
        #expect(reasonless.status == 1 && errorCode(reasonless) == "rating.reason_needed")
        #expect(try desk(["rating", "add", "--ticket", bad, "--level", "1", "--reason", "level"]).status == 0)
        let all = try desk(["ratings", "list", "--date", "2026-03-02", "--json"])
        #expect((all.object["ratings"] as? [[String: Any]])?.count == 2, "\(all.stdout)")
        let list = try desk(["ratings", "list", "--bad", "--json"], as: "M01")
        let ratings = try #require(list.object["ratings"] as? [[String: Any]], "\(list.stdout) \(list.stderr)")
        #expect(ratings.count == 1)
        let r = try #require(ratings.first)
        for key in ["ticket", "window", "staff", "level", "reasons", "note", "source", "at", "cases"] { #expect(r[key] != nil, "\(key)") }
        #expect(r["ticket"] as? String == bad && r["cases"] as? [String] == [] && r["at"] as? String == "2026-03-02T10:00:00+08:00")
        #expect(try desk(["ratings", "list", "--window", "3", "--json"]).object["ratings"].map { ($0 as? [Any])?.count } == 1)
        let servedBy = try desk(["ratings", "list", "--served-by", "S02", "--json"])
        #expect((servedBy.object["ratings"] as? [[String: Any]])?.map { $0["ticket"] as? String } == [bad], "\(servedBy.stdout)")
        let text = try desk(["ratings", "list", "--lang", "zh"]).stdout
        #expect(text.contains("1 非常不满意") && text.contains("服务水平") && text.contains("ZG-20260302-0001"), "\(text)")
        #expect(try desk(["ratings", "list", "--date", "3/2"]).status == 64)
    }

    @Test func aBadReviewIsFollowedUpAndClosed() throws {
        let code = try finishedTicket(at: 2)
        #expect(try desk(["rating", "add", "--ticket", code, "--level", "2", "--reason", "attitude"]).status == 0)
        let number = "ZG-20260302-0001"
        let open = try desk(["rectification", "list", "--open", "--json"])
        let first = try #require((open.object["rectifications"] as? [[String: Any]])?.first, "\(open.stdout)")
        #expect(first["number"] as? String == number && first["due"] as? String == "2026-03-09" && first["state"] as? String == "open")
        #expect(first["unit"] as? String == "综合受理科" && first["overdue"] as? Bool == false)
        let early = try desk(["rectification", "close", number, "--outcome", "rectified", "--note", "已整改", "--json"])
        #expect(early.status == 1 && errorCode(early) == "rectification.no_visit_yet", "\(early.stdout)")
        #expect(try desk(["rectification", "visit", number, "--how", "phone", "--said", "无人接听", "--unreached"]).status == 0)
        let visit = try desk(["rectification", "visit", number, "--how", "phone", "--said", "对等候时间不满，已致歉", "--json"], on: "2026-03-03")
        #expect(visit.status == 0 && visit.object["visits"] as? Int == 2 && visit.object["reached"] as? Int == 1, "\(visit.stdout)")
        let closed = try desk(["rectification", "close", number, "--outcome", "rectified", "--note", "已对窗口人员进行服务规范培训", "--json"],
                              on: "2026-03-03")
        #expect(closed.status == 0 && closed.object["state"] as? String == "rectified" && closed.object["closed_by"] as? String == "S01")
        let show = try desk(["rectification", "show", number, "--lang", "en"])
        #expect(show.stdout.contains("rectified") && show.stdout.contains("not reached: 无人接听") && show.stdout.contains("reached: 对等候时间不满"),
                "\(show.stdout)")
        let summary = try desk(["ratings", "summary", "--from", "2026-03-02", "--json"])
        #expect(summary.object["bad"] as? Int == 1 && summary.object["visited"] as? Int == 1 && summary.object["visit_rate_permille"] as? Int == 1000,
                "\(summary.stdout)")
        #expect(try desk(["rectification", "list", "--open", "--json"]).object["rectifications"].map { ($0 as? [Any])?.count } == 0)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func overdueTheDayAfterOneExtensionAndAnAppealDecidedByAnother() throws {
        let code = try finishedTicket(at: 2)
        #expect(try desk(["rating", "add", "--ticket", code, "--level", "1", "--reason", "efficiency"]).status == 0)
        let number = "ZG-20260302-0001"
        #expect((try desk(["rectification", "list", "--overdue", "--json"], on: "2026-03-09").object["rectifications"] as? [Any])?.count == 0)
        let overdue = try desk(["rectification", "list", "--overdue", "--json"], on: "2026-03-10")
        #expect((overdue.object["rectifications"] as? [[String: Any]])?.first?["overdue"] as? Bool == true, "\(overdue.stdout)")
        #expect(try desk(["rectification", "list", "--lang", "en"], on: "2026-03-10").stdout.contains("OVERDUE"))
        let extended = try desk(["rectification", "extend", number, "--reason", "当事人出差", "--json"], on: "2026-03-10")
        #expect(extended.object["due"] as? String == "2026-03-16" && extended.object["extended"] as? Bool == true, "\(extended.stdout)")
        let twice = try desk(["rectification", "extend", number, "--reason", "再次延期", "--json"], on: "2026-03-10")
        #expect(twice.status == 1 && errorCode(twice) == "rectification.already_extended")
        #expect(try desk(["rectification", "appeal", number, "--ground", "malicious", "--note", "与服务无关"]).status == 0)
        let self_ = try desk(["rectification", "decide", number, "--uphold", "--note", "同意", "--json"])
        #expect(self_.status == 1 && errorCode(self_) == "rectification.decided_by_appellant", "\(self_.stdout)")
        #expect(try desk(["rectification", "decide", number, "--note", "x"], as: "M01").status == 64)
        let decided = try desk(["rectification", "decide", number, "--uphold", "--note", "监控录像证实", "--json"], as: "M01")
        #expect(decided.status == 0 && decided.object["state"] as? String == "appealUpheld", "\(decided.stdout) \(decided.stderr)")
        #expect((decided.object["rating"] as? [String: Any])?["excluded"] as? Bool == true)
        let summary = try desk(["ratings", "summary", "--json"])
        #expect(summary.object["bad"] as? Int == 0 && summary.object["excluded"] as? Int == 1 && summary.object["visit_rate_permille"] is NSNull)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func theSettings() throws {
        for (key, value) in [("rating_timeout_seconds", "90"), ("rating_timeout_counts_as", "satisfied"), ("rectification_days", "15")] {
            let r = try desk(["settings", "set", key, value])
            #expect(r.status == 0 && r.stdout.contains("\(key) = \(value)"), "\(r.stderr)")
        }
        #expect(try desk(["settings", "set", "rectification_days", "31"]).status == 1)
        #expect(try desk(["settings", "set", "rating_timeout_counts_as", "4"]).status == 1)
        let shown = try desk(["settings", "show", "--json"]).object
        #expect(shown["rectification_days"] as? String == "15" && shown["rating_timeout_counts_as"] as? String == "satisfied")
    }
}
