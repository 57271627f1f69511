import Foundation
import Testing

/// `desk case take|review|approve|reject|issue|…` and `desk cases list|sweep` through the real binary, on the demo hall:
/// R01 (reviewer) and C01 (section-chief approver) sign in with their passwords; the test's account is S01 (clerk and
/// supervisor).
@Suite struct CaseLifecycleCLITests {
    static let item = "11510199MB1530000K4000010001"
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String], as staff: String? = nil, on day: String = "2026-03-02") throws -> Desk.Result {
        var env = ["DESK_NOW": "\(day)T10:00:00+08:00"]
        var args = arguments + ["--db", db]
        if let staff { env["DESK_PASSWORD"] = "demo-\(staff)"; args += ["--staff", staff] }
        return try Desk.run(args, environment: env)
    }

    /// A001 served at window 1 and a case taken in: the case number.
    func openCase(provided: String = "1,2,3,4,5,6", on day: String = "2026-03-02") throws -> String {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step, on: day).status == 0)
        }
        let r = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", "11010519491231002X", "--name", "张三丰",
                          "--provided", provided, "--json"], on: day)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require((r.object["case"] as? [String: Any])?["number"] as? String)
    }

    func code(_ r: Desk.Result) -> String? { (r.object["error"] as? [String: Any])?["code"] as? String }

    @Test func aReviewerAndAnApproverTakeACaseFromIntakeToResultIssued() throws {
        let number = try openCase()
        let mine = try desk(["cases", "list", "--mine", "--json"], as: "R01")
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(((mine.object["cases"] as? [[String: Any]])?.first?["case"] as? [String: Any])?["number"] as? String == number)
        let review = try desk(["case", "review", number, "--opinion", "材料齐全，符合法定条件", "--json"], as: "R01")
        #expect(review.status == 0 && review.object["state"] as? String == "underApproval", "\(review.stdout) \(review.stderr)")
        let approve = try desk(["case", "approve", number, "--reason", "符合条件，准予许可", "--json"], as: "C01")
        #expect(approve.status == 0 && approve.object["state"] as? String == "approved", "\(approve.stdout) \(approve.stderr)")
        let issue = try desk(["case", "issue", number, "--json"])
        #expect(issue.status == 0 && issue.object["state"] as? String == "resultIssued", "\(issue.stdout) \(issue.stderr)")
        let show = try desk(["case", "show", number, "--json"])
        #expect((show.object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }.suffix(6)
                == ["case_review_started", "case_reviewed", "case_approved", "document_issued", "case_result_issued", "document_issued"])
        #expect(show.object["light"] as? String == "closed")
        // 一审一核 on the record: who reviewed, who decided (JSON and the text).
        #expect(show.object["reviewer"] as? String == "R01" && show.object["approver"] as? String == "C01")
        let text = try desk(["case", "show", number, "--lang", "en"]).stdout
        #expect(text.contains("Reviewer   R01  Approver C01"), "\(text)")
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    /// A long opinion and a long decision reason are wrapped at 80 columns under their labels (a hanging indent), not
    /// printed on one line; every line fits 80 columns (Chinese counts 2).
    @Test func caseShowWrapsALongOpinionUnderItsLabel() throws {
        let number = try openCase()
        let opinion = "经审查，申请人提交的公司章程、股东主体资格证明、法定代表人任职文件及住所使用证明等材料齐全，符合法定形式，"
            + "经营范围不涉及前置审批事项，拟同意设立登记。"
        #expect(try desk(["case", "review", number, "--opinion", opinion], as: "R01").status == 0)
        let reason = "Everything required by the published list is present and valid; the registered address was checked on site "
            + "and matches the lease; approved."
        #expect(try desk(["case", "approve", number, "--reason", reason], as: "C01").status == 0)
        let zh = try desk(["case", "show", number, "--lang", "zh"]).stdout.split(separator: "\n").map(String.init)
        let at = try #require(zh.firstIndex { $0.hasPrefix("审查意见  经审查") }, "\(zh)")
        #expect(zh[at + 1].hasPrefix("          ") && zh[at + 1].contains("符合法定形式"))
        #expect(zh.allSatisfy { Self.columns($0) <= 80 }, "\(zh)")
        #expect(zh.contains { $0.hasPrefix("决定理由  Everything required") })
        let en = try desk(["case", "show", number, "--lang", "en"]).stdout.split(separator: "\n").map(String.init)
        let reasons = try #require(en.firstIndex { $0.hasPrefix("Reasons    Everything required") }, "\(en)")
        #expect(en[reasons + 1].hasPrefix("           ") && en[reasons + 1].trimmingCharacters(in: .whitespaces).first?.isLetter == true)
        #expect(en.allSatisfy { Self.columns($0) <= 80 }, "\(en)")
        #expect(en.joined(separator: " ").replacingOccurrences(of: " +", with: " ", options: .regularExpression).contains(reason))
    }

    /// Display columns: 2 for a CJK character (the test cannot link DeskTUI's `DisplayWidth`).
    static func columns(_ line: String) -> Int { line.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }

    @Test func everyRefusalIsNamed() throws {
        let number = try openCase()
        // A clerk approving: not permitted (5).
        let clerk = try desk(["case", "approve", number, "--reason", "同意", "--json"])
        #expect(clerk.status == 5 && code(clerk) == "access.not_permitted", "\(clerk.stdout)")
        // Out of order: a rule (1), named.
        let early = try desk(["case", "approve", number, "--reason", "同意", "--json"], as: "C01")
        #expect(early.status == 1 && code(early) == "case_rule.illegal_transition", "\(early.stdout)")
        #expect(try desk(["case", "review", number, "--opinion", "同意"], as: "R01").status == 0)
        // Another reviewer cannot take over R01's review; an empty reason is refused; an unknown case is named.
        let rejectEmpty = try desk(["case", "reject", number, "--reason", " ", "--json"], as: "C01")
        #expect(rejectEmpty.status == 1 && code(rejectEmpty) == "case_rule.reason_invalid", "\(rejectEmpty.stdout)")
        let unknown = try desk(["case", "issue", "HD-20260302-0099", "--json"])
        #expect(unknown.status == 1 && code(unknown) == "intake.unknown_case")
        #expect(try desk(["case", "suspend", number, "--reason", "nap"]).status == 64)
        let sweepOnly = try desk(["case", "suspend", number, "--reason", "supplementsOverdue", "--json"])
        #expect(sweepOnly.status == 1 && code(sweepOnly) == "case_rule.only_the_sweep", "\(sweepOnly.stdout)")
    }

    /// `case show` says the extension: the days, who approved it and when, the reason, the statutory deadline before and
    /// after (text), and an `extension` object (JSON; null when not extended), the other keys kept.
    @Test func caseShowSaysTheExtension() throws {
        let number = try openCase()
        let plain = try desk(["case", "show", number, "--json"])
        #expect(plain.object.keys.contains("extension") && plain.object["extension"] is NSNull, "\(plain.stdout)")
        #expect(try desk(["case", "extend", number, "--reason", "需现场核查经营场所"], as: "D01", on: "2026-03-05").status == 0)
        let shown = try desk(["case", "show", number, "--json"], on: "2026-03-05")
        let x = try #require(shown.object["extension"] as? [String: Any], "\(shown.stdout)")
        let after = (shown.object["deadlines"] as? [String: Any])?["statutory"] as? String
        #expect(x["days"] as? Int == 10 && x["approved_by"] as? String == "D01" && x["approved_on"] as? String == "2026-03-05")
        #expect(x["reason"] as? String == "需现场核查经营场所" && x["statutory_before"] as? String == "2026-03-30")
        #expect(after != nil && x["statutory_after"] as? String == after && shown.object["state"] != nil)
        let zh = try desk(["case", "show", number, "--lang", "zh"], on: "2026-03-05").stdout
        #expect(zh.contains("法定时限  20 个工作日，延长 10 个工作日，截止 \(after ?? "")"), "\(zh)")
        #expect(zh.contains("延期  延长 10 个工作日，D01 于 2026-03-05 批准；法定期限截止 2026-03-30 → \(after ?? "")"), "\(zh)")
        #expect(zh.contains("延期理由  需现场核查经营场所"), "\(zh)")
        let en = try desk(["case", "show", number, "--lang", "en"], on: "2026-03-05").stdout
        #expect(en.contains("Statutory  20 working days + 10 working days extended, by \(after ?? "")"), "\(en)")
        #expect(en.contains("Extended   +10 working days, approved by D01 on 2026-03-05; statutory deadline 2026-03-30 -> \(after ?? "")"), "\(en)")
    }

    @Test func anExtensionWhoseDeadlineCannotBeCountedIsRefusedByItsRule() throws {
        // Accepted 1 Dec 2026: the 10 extra working days run into 2027, whose holiday schedule is not loaded.
        let number = try openCase(on: "2026-12-01")
        let refused = try desk(["case", "extend", number, "--reason", "需现场核查", "--json"], as: "D01", on: "2026-12-01")
        #expect(refused.status == 1 && code(refused) == "case_rule.extended_deadline_unknown", "\(refused.stdout)")
        let zh = try desk(["case", "extend", number, "--reason", "需现场核查", "--lang", "zh"], as: "D01", on: "2026-12-01")
        #expect(zh.status == 1 && zh.stderr.contains("延长后的法定期限无法计算") && zh.stderr.contains("2027 年节假日安排未导入"), "\(zh.stderr)")
        let en = try desk(["case", "extend", number, "--reason", "需现场核查", "--lang", "en"], as: "D01", on: "2026-12-01")
        #expect(en.status == 1 && en.stderr.contains("No extension while the extended statutory deadline cannot be counted"), "\(en.stderr)")
        // No letter was served.
        #expect(try desk(["case", "document", number, "--kind", "extensionNotice"], on: "2026-12-01").status == 1)
    }

    @Test func theDocumentHelpListsEveryKind() throws {
        let help = try desk(["case", "document", "--help"])
        #expect(help.status == 0)
        let flat = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for kind in ["acceptanceNotice", "toleranceNotice", "commitment", "oneTimeNotice", "refusalDecision", "approvalDecision",
                     "rejectionDecision", "extensionNotice", "suspensionNotice", "resumptionNotice", "terminationNotice", "serviceRecord"] {
            #expect(flat.contains(kind), "\(kind): \(help.stdout)")
        }
    }

    @Test func theSamePersonReviewingAndApprovingIsRefusedByTheRule() throws {
        // D01 (deputy director) also holds the reviewer role here.
        #expect(try desk(["staff", "set-roles", "D01", "--roles", "reviewer,approver", "--approver-level", "deputyDirector"], as: "A01").status == 0)
        let number = try openCase()
        #expect(try desk(["case", "review", number, "--opinion", "同意"], as: "D01").status == 0)
        let same = try desk(["case", "approve", number, "--reason", "同意", "--json", "--lang", "zh"], as: "D01")
        #expect(same.status == 1 && code(same) == "case_rule.reviewer_cannot_approve", "\(same.stdout)")
        #expect(same.stdout.contains("一审一核"))
    }

    @Test func theSweepAndTheRedList() throws {
        let number = try openCase(provided: "1,2,3,4,6")   // 容缺: material 5 outstanding, due 2026-03-03
        let red = try desk(["cases", "list", "--light", "red", "--json"], on: "2026-03-05")
        #expect(((red.object["cases"] as? [[String: Any]])?.first?["case"] as? [String: Any])?["number"] as? String == number)
        let sweep = try desk(["cases", "sweep", "--json"], on: "2026-03-05")
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let steps = try #require(sweep.object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == ["suspend"] && steps.first?["effective_on"] as? String == "2026-03-04")
        #expect((try desk(["cases", "sweep", "--json"], on: "2026-03-05").object["steps"] as? [Any])?.isEmpty == true)
        let grey = try desk(["cases", "list", "--light", "grey", "--json"], on: "2026-03-05")
        #expect((grey.object["cases"] as? [[String: Any]])?.first?["light"] as? String == "grey")
        #expect(try desk(["cases", "sweep"], as: "R01", on: "2026-03-05").status == 5)
        // A position the item does not have is a usage mistake (64, as intake's --provided 7); a real material that
        // is not outstanding is the rule's refusal (1).
        let nine = try desk(["case", "supplement", number, "--material", "9", "--lang", "en"], on: "2026-03-06")
        #expect(nine.status == 64 && nine.stderr.contains("'9' is not a material of this item (1 to 6)"), "\(nine.stderr)")
        #expect(try desk(["case", "supplement", number, "--material", "1"], on: "2026-03-06").status == 1)
        // The last material recorded: the same write resumes the case (its state back), the next sweep has nothing to do.
        let supplied = try desk(["case", "supplement", number, "--material", "5", "--json"], on: "2026-03-06")
        #expect(supplied.status == 0 && supplied.object["state"] as? String == "accepted", "\(supplied.stdout) \(supplied.stderr)")
        let after = try desk(["cases", "sweep", "--json"], on: "2026-03-06")
        #expect((after.object["steps"] as? [Any])?.isEmpty == true)
    }
}
