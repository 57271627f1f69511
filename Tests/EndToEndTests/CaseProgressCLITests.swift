import Foundation
import Testing

/// `desk case progress NUMBER --last4 XXXX` through the real binary: what the kiosk tells a citizen, for the phone line.
@Suite struct CaseProgressCLITests {
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    func desk(_ arguments: [String], at time: String = "09:10") throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": "2026-03-02T\(time):00+08:00"])
    }

    /// A001 served at window 1 and a 容缺 intake of 企业设立登记 for 张三丰 (materials 5 and 6 missing): HD-20260302-0001.
    func openCase() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            let r = try desk(step, at: "09:00")
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let r = try desk(["case", "intake", "--ticket", "A001", "--item", CaseCLITests.item, "--person-id", CaseCLITests.person,
                          "--name", "张三丰", "--phone", "13800000000", "--provided", "1,2,3,4", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func theRightNumberAndLastFourGiveTheCaseAndNothingOfTheApplicant() throws {
        try openCase()
        let r = try desk(["case", "progress", "hd-20260302-0001", "--last4", "002x", "--json"], at: "10:00")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.object
        #expect(out["number"] as? String == "HD-20260302-0001" && out["item"] as? String == "企业设立登记")
        #expect(out["state"] as? String == "accepted" && out["status"] as? String == "awaitingSupplements")
        #expect(out["accepted_on"] as? String == "2026-03-02" && out["promised_due"] as? String == "2026-03-03")
        #expect(out["working_days_left"] as? Int == 1)
        let supplement = try #require(out["supplement"] as? [String: Any])
        #expect(supplement["due"] as? String == "2026-03-03" && (supplement["materials"] as? [String])?.count == 2)
        #expect(out["suspension"] is NSNull)
        #expect((out["steps"] as? [[String: Any]])?.map { $0["step"] as? String } == ["accepted"])
        for secret in ["张三丰", CaseCLITests.person, "1101", "13800000000", "002X"] {
            #expect(!r.stdout.contains(secret), "\(secret)")
        }

        let text = try desk(["case", "progress", "HD-20260302-0001", "--last4", "002X", "--lang", "zh"], at: "10:00")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("等待您补交材料") && text.stdout.contains("请于 2026-03-03 前补交"))
        #expect(text.stdout.contains("承诺办结日期：2026-03-03，还剩 1 个工作日"))
        #expect(!text.stdout.contains("张三丰"))
    }

    @Test func aWrongNumberAndAWrongLastFourGetTheSameAnswer() throws {
        try openCase()
        let wrongFour = try desk(["case", "progress", "HD-20260302-0001", "--last4", "0021", "--json"])
        let wrongNumber = try desk(["case", "progress", "HD-20260302-0009", "--last4", "002X", "--json"])
        #expect(wrongFour.status == 1 && wrongNumber.status == 1)
        #expect(wrongFour.stdout == wrongNumber.stdout)
        #expect((wrongFour.object["error"] as? [String: Any])?["code"] as? String == "case_progress.no_match")
        let text = try desk(["case", "progress", "HD-20260302-0001", "--last4", "0021", "--lang", "en"])
        #expect(text.status == 1 && text.stderr.contains("No case matches this number and these four characters"))
    }

    @Test func aLastFourThatCannotBeOneIsAUsageError() throws {
        let r = try desk(["case", "progress", "HD-20260302-0001", "--last4", "02X", "--lang", "zh"])
        #expect(r.status == 64 && r.stderr.contains("后四位"))
    }
}
