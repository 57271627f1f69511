import Foundation
import Testing

/// 审管联动 and the decision letters through the real binary on the demo hall: `desk supervision list|set`, `desk case
/// handover|acknowledge`, `desk handover overdue|report`, `desk case document --kind …`. S01 (the test's account) is
/// clerk, supervisor and admin; R01 reviews, C01 approves, L01 is 区市场监督管理局's liaison, L02 another's.
@Suite struct HandoverCLITests {
    /// The case lifecycle's fixture: its demo hall, `desk` (as a staff member, on a day), `code` and `openCase` (A001
    /// served at window 1, a 企业设立登记 case of 区市场监督管理局 taken in).
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    func desk(_ arguments: [String], as staff: String? = nil, on day: String = "2026-03-02") throws -> Desk.Result {
        try cli.desk(arguments, as: staff, on: day)
    }

    func code(_ r: Desk.Result) -> String? { cli.code(r) }

    /// Display columns as a terminal counts them for this text (ASCII 1, everything else here 2).
    func columns(_ line: Substring) -> Int { line.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }

    /// A case taken in, reviewed, approved, its result issued and handed over on 2026-03-02.
    func handedOverCase() throws -> String {
        let number = try cli.openCase()
        #expect(try desk(["case", "review", number, "--opinion", "材料齐全"], as: "R01").status == 0)
        #expect(try desk(["case", "approve", number, "--reason", "符合法定条件"], as: "C01").status == 0)
        #expect(try desk(["case", "issue", number]).status == 0)
        let handover = try desk(["case", "handover", number, "--json"])
        #expect(handover.status == 0 && handover.object["state"] as? String == "handedOver", "\(handover.stdout) \(handover.stderr)")
        return number
    }

    /// `case show` gives the result's due date, the opinion and the reasons, the representative (masked like the
    /// applicant) and the handover ledger's line; each event's detail is an object, not a string.
    @Test func caseShowGivesTheResultDueTheOpinionTheReasonsTheRepresentativeAndTheLedgerLine() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let agent = "110105198001011238"
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", CaseLifecycleCLITests.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--provided", "1,2,3,4,5,6", "--agent-name", "李四", "--agent-id", agent,
                               "--authorisation", "全权委托，2026年3月1日", "--json"])
        let number = try #require((intake.object["case"] as? [String: Any])?["number"] as? String, "\(intake.stdout) \(intake.stderr)")
        #expect(try desk(["case", "review", number, "--opinion", "材料齐全"], as: "R01").status == 0)
        #expect(try desk(["case", "approve", number, "--reason", "符合法定条件"], as: "C01").status == 0)
        let decided = try desk(["case", "show", number, "--json"])
        // Approved on 03-02: the result within 10 working days, by 03-16.
        #expect(decided.object["result_due"] as? String == "2026-03-16", "\(decided.stdout)")
        #expect(decided.object["handover"] is NSNull)
        #expect(try desk(["case", "issue", number]).status == 0)
        #expect(try desk(["case", "handover", number]).status == 0)
        let show = try desk(["case", "show", number, "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let o = show.object
        #expect(o["review_opinion"] as? String == "材料齐全" && o["decision_reason"] as? String == "符合法定条件")
        let representative = try #require(o["representative"] as? [String: Any])
        #expect(representative["kind"] as? String == "authorisedAgent" && representative["name"] as? String == "李四")
        #expect(representative["number"] as? String == "1101**********1238" && representative["authorisation"] as? String == "全权委托，2026年3月1日")
        #expect(!show.stdout.contains(agent))
        let handover = try #require(o["handover"] as? [String: Any])
        #expect(handover["liaison"] as? String == "L01" && handover["handed_over_on"] as? String == "2026-03-02")
        #expect(handover["acknowledged_on"] is NSNull)
        let events = try #require(o["events"] as? [[String: Any]])
        let opened = try #require(events.first { $0["kind"] as? String == "case_opened" }?["detail"] as? [String: Any])
        #expect(opened["case"] as? String == number && opened["tolerated"] as? Bool == false)
        // The representative and the authorisation are in the chain (intake_decided), masked, not only in the intake row.
        let decidedEvent = try #require(events.first { $0["kind"] as? String == "intake_decided" }?["detail"] as? [String: Any])
        let chained = try #require(decidedEvent["representative"] as? [String: Any], "\(decidedEvent)")
        #expect(chained["kind"] as? String == "authorisedAgent" && chained["number"] as? String == "1101**********1238"
                && chained["authorisation"] as? String == "全权委托，2026年3月1日")
        // Every existing key stays.
        for key in ["number", "state", "item", "applicant", "ticket", "accepted_on", "tolerated", "reviewer", "approver", "materials", "deadlines",
                    "working_days_left", "light", "documents", "events"] {
            #expect(o[key] != nil, "\(key)")
        }
        let text = try desk(["case", "show", number, "--lang", "en"]).stdout
        #expect(text.contains("Decided    2026-03-02, result due by 2026-03-16") && text.contains("Opinion    材料齐全")
                && text.contains("Reasons    符合法定条件") && text.contains("authorised agent 李四 1101**********1238")
                && text.contains("Handed over 2026-03-02 to ") && text.contains("(liaison L01), not acknowledged"), "\(text)")
        #expect(!text.contains(agent))
    }

    @Test func theDemoHallPairsEveryDepartment() throws {
        let list = try desk(["supervision", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let pairings = try #require(list.object["pairings"] as? [[String: Any]])
        #expect(pairings.filter { $0["scope"] as? String == "department" }.count == 22)
        #expect(pairings.contains { $0["name"] as? String == "区市场监督管理局" && $0["liaison"] as? String == "L01"
                                    && $0["supervisor"] as? String == "区市场监管综合行政执法大队" })
        #expect(pairings.contains { $0["scope"] as? String == "item" && $0["name"] as? String == "食品经营许可" })
        let text = try desk(["supervision", "list", "--lang", "zh"])
        #expect(text.stdout.split(separator: "\n").allSatisfy { columns($0) <= 80 }, "\(text.stdout)")
    }

    @Test func onlyAnAdminPairsAndOnlyWithALiaison() throws {
        let notLiaison = try desk(["supervision", "set", "--department", "区市场监督管理局", "--supervisor", "执法大队", "--liaison", "S02", "--json"],
                                  as: "A01")
        #expect(notLiaison.status == 1 && code(notLiaison) == "handover.not_a_liaison", "\(notLiaison.stdout)")
        let supervisor = try desk(["supervision", "set", "--item", CaseLifecycleCLITests.item, "--supervisor", "登记监管科", "--liaison", "L02", "--json"], as: "M01")
        #expect(supervisor.status == 5, "\(supervisor.stdout)")
        let set = try desk(["supervision", "set", "--item", CaseLifecycleCLITests.item, "--supervisor", "登记监管科", "--liaison", "L02", "--json"], as: "A01")
        #expect(set.status == 0 && set.object["scope"] as? String == "item" && set.object["liaison"] as? String == "L02", "\(set.stdout) \(set.stderr)")
        #expect(try desk(["supervision", "set", "--supervisor", "x", "--liaison", "L02"], as: "A01").status == 64)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func theLiaisonAcknowledgesAndTheOverdueListAndTheReportSayHowLate() throws {
        let number = try handedOverCase()
        // Due 2026-03-05 (3 working days after the 2nd): on the 6th it is overdue by one working day.
        #expect((try desk(["handover", "overdue", "--json"], on: "2026-03-05").object["handovers"] as? [Any])?.isEmpty == true)
        let overdue = try desk(["handover", "overdue", "--json"], on: "2026-03-06")
        let entry = try #require((overdue.object["handovers"] as? [[String: Any]])?.first, "\(overdue.stdout)")
        #expect(entry["case"] as? String == number && entry["liaison"] as? String == "L01" && entry["deadline"] as? String == "2026-03-05")
        #expect(entry["working_days_late"] as? Int == 1 && entry["status"] as? String == "overdue")
        let text = try desk(["handover", "overdue", "--lang", "zh"], on: "2026-03-06")
        #expect(text.stdout.contains(number) && text.stdout.split(separator: "\n").allSatisfy { columns($0) <= 80 }, "\(text.stdout)")
        // The report before the receipt: one handed over, none acknowledged, one unacknowledged, in the total too.
        let before = try desk(["handover", "report", "--month", "2026-03", "--lang", "zh"], on: "2026-03-06")
        let total = before.stdout.split(separator: "\n").first { $0.hasPrefix("合计") }?.split(whereSeparator: \.isWhitespace)
        #expect(total == ["合计", "1", "0", "0", "1", "-"], "\(before.stdout)")
        #expect(before.stdout.contains("未签收：\(number)"))
        // Another liaison cannot; a clerk is not permitted; L01 can.
        let other = try desk(["case", "acknowledge", number, "--json"], as: "L02", on: "2026-03-06")
        #expect(other.status == 1 && code(other) == "handover.not_the_liaison", "\(other.stdout)")
        #expect(try desk(["case", "acknowledge", number, "--json"], as: "S02", on: "2026-03-06").status == 5)
        let ack = try desk(["case", "ack", number, "--json"], as: "L01", on: "2026-03-06")
        #expect(ack.status == 0 && ack.object["state"] as? String == "acknowledged", "\(ack.stdout) \(ack.stderr)")
        #expect((try desk(["handover", "overdue", "--json"], on: "2026-03-06").object["handovers"] as? [Any])?.isEmpty == true)

        let report = try desk(["handover", "report", "--month", "2026-03", "--json"], on: "2026-03-06")
        #expect(report.status == 0, "\(report.stderr)")
        let row = try #require((report.object["departments"] as? [[String: Any]])?.first)
        #expect(row["supervisor"] as? String == "区市场监管综合行政执法大队" && row["handed_over"] as? Int == 1)
        #expect(row["acknowledged"] as? Int == 1 && row["acknowledged_late"] as? Int == 1 && (row["unacknowledged"] as? [Any])?.isEmpty == true)
        #expect(row["average_working_days_to_acknowledge"] as? Double == 4)
        let csv = try desk(["handover", "report", "--month", "2026-03", "--format", "csv", "--lang", "zh"], on: "2026-03-06")
        #expect(csv.stdout.contains("监管部门,移交,已签收,逾期签收,未签收,平均天数,未签收办件") && csv.stdout.contains("区市场监管综合行政执法大队,1,1,1,0,4.0,"))
        let txt = try desk(["handover", "report", "--month", "2026-03", "--lang", "zh"], on: "2026-03-06")
        #expect(txt.stdout.contains("区市场监管综合行政执法大队") && txt.stdout.contains("合计"))
        #expect(txt.stdout.split(separator: "\n").allSatisfy { columns($0) <= 80 }, "\(txt.stdout)")
        let bad = try desk(["handover", "report", "--month", "2026-3", "--json"])
        #expect(bad.status == 64, "\(bad.stdout)")
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func theDecisionLettersAreReprinted() throws {
        let number = try handedOverCase()
        let decision = try desk(["case", "document", number, "--kind", "approvalDecision"])
        #expect(decision.status == 0 && decision.stdout.contains("准予行政许可决定书") && decision.stdout.contains("符合法定条件"), "\(decision.stderr)")
        let record = try desk(["case", "document", number, "--kind", "serviceRecord", "--format", "html"])
        #expect(record.status == 0 && record.stdout.contains("送达回证") && record.stdout.contains("@page { size: A4;"))
        let none = try desk(["case", "document", number, "--kind", "rejectionDecision", "--lang", "en"])
        #expect(none.status == 1 && none.stderr.contains("has no decision not to license"), "\(none.stderr)")
    }

    @Test func theAckDaysAreASetting() throws {
        _ = try handedOverCase()
        #expect(try desk(["settings", "set", "handover_ack_days", "5"], as: "A01").status == 0)
        #expect((try desk(["settings", "show", "--json"]).object["handover_ack_days"] as? String) == "5")
        #expect((try desk(["handover", "overdue", "--json"], on: "2026-03-06").object["handovers"] as? [Any])?.isEmpty == true)
        #expect((try desk(["handover", "overdue", "--json"], on: "2026-03-10").object["handovers"] as? [Any])?.count == 1)
        #expect(try desk(["settings", "set", "handover_ack_days", "0"], as: "A01").status == 1)
    }
}
