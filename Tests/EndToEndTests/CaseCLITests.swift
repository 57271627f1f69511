import Foundation
import GRDB
import Testing

/// `desk case intake|show|document` and `desk applicant …` through the real binary, on the demo hall (the test's
/// account is bound to S01, the clerk at window 1, also a supervisor).
@Suite struct CaseCLITests {
    /// 企业设立登记: materials 1–3 core, 4–6 tolerable (容缺); promised 1 working day, statutory 20.
    static let item = "11510199MB1530000K4000010001"
    static let person = "11010519491231002X"
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    func desk(_ arguments: [String], at time: String = "09:10", environment: [String: String] = [:]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": "2026-03-02T\(time):00+08:00"].merging(environment) { $1 })
    }

    /// A001 issued, called and started at window 1.
    func serve() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            let r = try desk(step, at: "09:00")
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
    }

    func intake(_ extra: [String]) throws -> Desk.Result {
        try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", Self.person, "--name", "张三丰", "--json"] + extra)
    }

    /// A second intake with a known ID number under another name is refused (exit 1, both names said) unless
    /// --rename confirms it; the rename is in the chain (`intake_decided.renamed_from`).
    @Test func aKnownNumberUnderAnotherNameIsRefusedUnlessRenamed() throws {
        try serve()
        #expect(try intake(["--provided", "1,2,3,4,5,6"]).status == 0)
        let other = ["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", Self.person, "--name", "张三峰",
                     "--provided", "1,2,3,4,5,6"]
        let refused = try desk(other + ["--json"], at: "09:20")
        #expect(refused.status == 1, "\(refused.stdout) \(refused.stderr)")
        #expect((refused.object["error"] as? [String: Any])?["code"] as? String == "intake.applicant_name_differs", "\(refused.stdout)")
        let zh = try desk(other + ["--lang", "zh"], at: "09:20")
        #expect(zh.status == 1 && zh.stderr.contains("“张三丰”") && zh.stderr.contains("“张三峰”") && zh.stderr.contains("--rename"), "\(zh.stderr)")
        #expect(try desk(["applicant", "show", "--person-id", Self.person, "--json"]).stdout.contains("张三丰"))
        let renamed = try desk(other + ["--rename", "--json"], at: "09:30")
        #expect(renamed.status == 0, "\(renamed.stderr)")
        let number = try #require((renamed.object["case"] as? [String: Any])?["number"] as? String)
        let show = try desk(["case", "show", number, "--json"], at: "09:40")
        let events = try #require(show.object["events"] as? [[String: Any]])
        let decided = try #require(events.first { $0["kind"] as? String == "intake_decided" }?["detail"] as? [String: Any])
        #expect(decided["renamed_from"] as? String == "张三丰", "\(decided)")
        #expect(try desk(["audit", "verify"], at: "09:50").status == 0)
    }

    @Test func aToleratedIntakeOpensACaseThatShowShowsMasked() throws {
        try serve()
        let r = try intake(["--provided", "1,2,3,4", "--defective", "5=租赁合同未盖章"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.object
        #expect(out["decision"] as? String == "tolerate")
        let caseObject = try #require(out["case"] as? [String: Any])
        #expect(caseObject["number"] as? String == "HD-20260302-0001")
        let deadlines = try #require(caseObject["deadlines"] as? [String: Any])
        #expect(deadlines["statutory"] as? String == "2026-03-30" && deadlines["promised"] as? String == "2026-03-03")
        #expect(deadlines["supplement"] as? String == "2026-03-03")
        let notice = try #require(out["notice"] as? [String: Any])
        let materials = try #require(notice["materials"] as? [[String: Any]])
        #expect(materials.map { $0["position"] as? Int } == [5, 6])
        #expect(materials.first?["note"] as? String == "租赁合同未盖章")
        #expect((out["documents"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["toleranceNotice", "commitment"])
        #expect(!r.stdout.contains(Self.person))

        let show = try desk(["case", "show", "hd-20260302-0001", "--json"], at: "10:00")
        #expect(show.status == 0, "\(show.stderr)")
        let shown = show.object
        #expect(shown["state"] as? String == "accepted" && shown["light"] as? String == "yellow")
        #expect(shown["working_days_left"] as? Int == 1)
        #expect((shown["applicant"] as? [String: Any])?["number"] as? String == "1101**********002X")
        #expect((shown["deadlines"] as? [String: Any])?["supplement"] as? String == "2026-03-03")
        #expect((shown["materials"] as? [[String: Any]])?.map { $0["status"] as? String }
                == ["provided", "provided", "provided", "provided", "defective", "missing"])
        #expect((shown["events"] as? [[String: Any]])?.map { $0["kind"] as? String }
                == ["intake_decided", "case_opened", "document_issued", "document_issued"])
        #expect(!show.stdout.contains(Self.person))

        let text = try desk(["case", "document", "HD-20260302-0001", "--kind", "commitment"], at: "10:00")
        #expect(text.status == 0 && text.stdout.contains("容缺受理承诺书") && text.stdout.contains("第二联　存档"), "\(text.stderr)")
        // Printed through the hall's print_command, the document on its standard input.
        let printed = folder.appendingPathComponent("printed.txt").path
        #expect(try desk(["settings", "set", "print_command", "cat > '\(printed)'"]).status == 0)
        let print = try desk(["case", "document", "HD-20260302-0001", "--kind", "commitment", "--print"], at: "10:00")
        #expect(print.status == 0, "\(print.stderr)")
        #expect(try String(contentsOfFile: printed, encoding: .utf8) == text.stdout)
        #expect(try desk(["settings", "set", "print_command", "exit 3"]).status == 0)
        #expect(try desk(["case", "document", "HD-20260302-0001", "--print"], at: "10:00").status == 1)
        let html = try desk(["case", "document", "HD-20260302-0001", "--format", "html"], at: "10:00")
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("容缺受理通知书"))

        // The commitment's kept text changed on the file: not reprinted "as issued" (exit 4), and verify names it.
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: "UPDATE case_document SET text = replace(text, '承诺', '保证') WHERE kind = 'commitment'") }
        try queue.close()
        let altered = try desk(["case", "document", "HD-20260302-0001", "--kind", "commitment"], at: "10:00")
        #expect(altered.status == 4 && altered.stdout.isEmpty && altered.stderr.contains("desk audit verify"), "\(altered.stdout) \(altered.stderr)")
        let verify = try desk(["audit", "verify", "--json"], at: "10:00")
        #expect(verify.status == 1 && (verify.object["documents"] as? [[String: Any]])?.first?["kind"] as? String == "commitment")
    }

    @Test func theTextAnswerIsInTheUsersLanguage() throws {
        try serve()
        let zh = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", Self.person, "--name", "张三丰",
                           "--provided", "1,2,3,4", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let rows = zh.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "容缺受理：HD-20260302-0001")
        #expect(rows.contains("申请人  张三丰 1101**********002X"))
        #expect(rows.contains("补齐材料截止 2026-03-03"))
        #expect(rows.contains("  6. 指定代表或者共同委托代理人授权委托书  缺"))
        let en = try desk(["case", "show", "HD-20260302-0001", "--lang", "en"], at: "10:00")
        #expect(en.stdout.hasPrefix("HD-20260302-0001  accepted\n"), "\(en.stdout)")
        #expect(en.stdout.contains("Working days left 1  light: yellow"))
    }

    @Test func aNoticeOpensNoCaseAndTheDefaultDecisionIsTheFirstPossible() throws {
        try serve()
        let r = try intake(["--provided", "1,4"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.object["decision"] as? String == "notice")
        #expect(r.object["case"] is NSNull)
        let materials = try #require((r.object["notice"] as? [String: Any])?["materials"] as? [[String: Any]])
        #expect(materials.map { $0["position"] as? Int } == [2, 3, 5, 6])
        // A notice grants no 容缺: the published 容缺 note is not told (the document leaves it out too).
        #expect(!r.stdout.contains("可容缺受理") && materials.allSatisfy { !(($0["how_to_supply"] as? String) ?? "").contains("容缺") }, "\(r.stdout)")
        let reprint = try desk(["case", "document", "HD-20260302-R000001"], at: "10:00")
        #expect(reprint.status == 0 && reprint.stdout.contains("一次性告知书"), "\(reprint.stderr)")
        let all = try intake(["--provided", "1,2,3,4,5,6"])
        #expect(all.object["decision"] as? String == "accept")
    }

    @Test func refusedByARuleIsOneNotPermittedIsFiveUsageIsSixtyFour() throws {
        try serve()
        let rule = try intake(["--provided", "1,2", "--decision", "accept"])
        #expect(rule.status == 1)
        #expect((rule.object["error"] as? [String: Any])?["code"] as? String == "intake.not_possible")
        let other = try intake(["--provided", "1,2,3,4,5,6", "--staff", "S02"]).status
        // S02 needs a password: none given here, so the sign-in itself is refused.
        #expect(other == 5)
        let notHers = try desk(["case", "intake", "--ticket", "A001", "--item", Self.item, "--person-id", Self.person, "--name", "张三丰",
                                "--provided", "1,2,3,4,5,6", "--staff", "S02"], environment: ["DESK_PASSWORD": "demo-S02"])
        #expect(notHers.status == 5, "\(notHers.stderr)")
        #expect(try intake(["--org-uscc", "91350100M000100Y43"]).status == 64)
        #expect(try intake(["--provided", "9"]).status == 64)
        #expect(try intake(["--decision", "refuse"]).status == 64)
        #expect(try intake(["--decision", "refuse", "--refusal", "notThisOrgan"]).status == 64) // no particulars
        let refused = try intake(["--decision", "refuse", "--refusal", "noLicenceNeeded", "--reason", "备案即可"])
        #expect(refused.status == 0 && (refused.object["documents"] as? [[String: Any]])?.first?["kind"] as? String == "refusalDecision")
    }

    @Test func theSiteLevelSettingRefusesAnItemNotHandledHereAndSaysWhere() throws {
        try serve()
        let set = try desk(["settings", "set", "site_level", "villageStation"])
        #expect(set.status == 0, "\(set.stderr)")
        let r = try intake(["--provided", "1,2,3,4,5,6", "--decision", "accept", "--lang", "zh"])
        #expect(r.status == 1 && r.stdout.contains("本级（村站）不能受理此事项，请到区级办理"), "\(r.stdout)")
        // Without --decision: nothing but a refusal is possible here, so no default is guessed (not even a notice
        // promising acceptance once complete); the rule names the site.
        let guessed = try intake(["--provided", "1", "--lang", "zh"])
        #expect(guessed.status == 1 && guessed.stdout.contains("请到区级办理"), "\(guessed.stdout)")
        #expect(try intake(["--provided", "1", "--decision", "pending"]).status == 1)
        // A town center, every material in, no decision asked: the message says the item is not taken in here at
        // all and where it is, never that some one decision "is not possible".
        #expect(try desk(["settings", "set", "site_level", "townCenter"]).status == 0)
        for decision in [[], ["--decision", "accept"], ["--decision", "notice"]] {
            let r = try intake(["--provided", "1,2,3,4,5,6", "--lang", "en"] + decision)
            #expect(r.status == 1 && r.stdout.contains("This item cannot be taken in at a town center site at all: it is handled at district")
                    && !r.stdout.contains("is not possible:"), "\(r.stdout)")
        }
        #expect(try desk(["settings", "set", "hall_code", "qx-1"]).status == 1)
        #expect(try desk(["settings", "set", "site_level", "district"]).status == 0)
        #expect(try desk(["settings", "set", "hall_code", "QX"]).status == 0)
        let pending = try intake(["--provided", "1,2", "--decision", "pending", "--proxy-agent", "P01"])
        #expect(pending.status == 0 && pending.object["decide_by"] as? String == "2026-03-09", "\(pending.stdout) \(pending.stderr)")
        let reference = try #require(pending.object["reference"] as? String)
        #expect(reference == "QX-20260302-R000001")
        #expect(try desk(["case", "decide", reference, "--decision", "accept", "--json"]).status == 1)
        let decided = try desk(["case", "decide", reference, "--decision", "tolerate", "--provided", "1,2,3", "--json"], at: "11:00")
        #expect(decided.status == 0, "\(decided.stderr)")
        #expect((decided.object["case"] as? [String: Any])?["number"] as? String == "QX-20260302-0001")
        #expect(try desk(["case", "decide", reference, "--decision", "pending"]).status == 64)
        #expect(try intake(["--provided", "1,2,3,4,5,6", "--proxy-agent", "S02"]).status == 64)
        #expect((try intake(["--provided", "1,2,3,4,5,6"]).object["case"] as? [String: Any])?["number"] as? String == "QX-20260302-0002")
    }

    @Test func aFlaggedApplicantIsNotToleratedUntilUnflagged() throws {
        try serve()
        #expect(try intake(["--provided", "1,2,3,4,5,6"]).status == 0)
        let flag = try desk(["applicant", "flag", "--person-id", Self.person, "--reason", "虚假承诺", "--json"])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(flag.object["flagged"] as? Bool == true && flag.object["number"] as? String == "1101**********002X")
        let refused = try intake(["--provided", "1,2,3", "--decision", "tolerate", "--lang", "zh"])
        #expect(refused.status == 1 && refused.stdout.contains("申请人已被列为失信主体"), "\(refused.stdout)")
        // Without --decision the flagged applicant's best is the notice.
        #expect(try intake(["--provided", "1,2,3"]).object["decision"] as? String == "notice")
        #expect(try desk(["applicant", "unflag", "--person-id", Self.person, "--reason", "信用修复"]).status == 0)
        let shown = try desk(["applicant", "show", "--person-id", Self.person, "--json"])
        #expect(shown.object["flagged"] as? Bool == false)
        #expect(try intake(["--provided", "1,2,3", "--decision", "tolerate"]).status == 0)
        let verify = try desk(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }
}
