import Foundation
import Testing

/// "Materials received, checking" and marking materials through the real binary (`desk case intake|decide|document`):
/// the receipt, a limit that cannot be counted, deciding one decided already, `--missing`.
@Suite struct PendingIntakeCLITests {
    let cli: CaseCLITests
    init() throws { cli = try CaseCLITests() }

    @Test func aPendingIntakePrintsAReceiptThatIsReprintedByItsRegistrationNumber() throws {
        try cli.serve()
        let pending = try cli.intake(["--provided", "1,2", "--decision", "pending"])
        #expect(pending.status == 0, "\(pending.stderr)")
        #expect((pending.object["documents"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["intakeReceipt"])
        let reference = try #require(pending.object["reference"] as? String)
        let receipt = try cli.desk(["case", "document", reference, "--kind", "intakeReceipt"], at: "10:00")
        #expect(receipt.status == 0 && receipt.stdout.contains("材料接收凭证") && receipt.stdout.contains("2026年3月9日前"), "\(receipt.stderr)")
        #expect(!receipt.stdout.contains(CaseCLITests.person))
        let html = try cli.desk(["case", "document", reference, "--format", "html"], at: "10:00")
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("材料接收凭证"))
    }

    @Test func aDecideByThatCannotBeCountedSaysSoInTextAndJSON() throws {
        let day = ["DESK_NOW": "2026-12-28T09:00:00+08:00"]
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try Desk.run(step + ["--db", cli.db], environment: day).status == 0)
        }
        let base = ["case", "intake", "--ticket", "A001", "--item", CaseCLITests.item, "--person-id", CaseCLITests.person, "--name", "张三丰",
                    "--provided", "1,2", "--decision", "pending", "--db", cli.db]
        let json = try Desk.run(base + ["--json", "--lang", "en"], environment: day)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.object["decide_by"] is NSNull)
        let unknown = try #require(json.object["decide_by_unknown"] as? String)
        #expect(unknown.contains("holiday schedule for 2027 is not loaded") && unknown.contains("sweep converts it"))
        let text = try Desk.run(base + ["--lang", "en"], environment: day)
        #expect(text.status == 0 && text.stdout.contains("Decide by  unknown: the holiday schedule for 2027 is not loaded"), "\(text.stdout)")
        let zh = try Desk.run(base + ["--lang", "zh"], environment: day)
        #expect(zh.stdout.contains("决定期限  未知：2027 年节假日安排未导入"), "\(zh.stdout)")
        // JSON's message fields follow --lang as the text does (keys and codes stay English).
        let zhJSON = try Desk.run(base + ["--json", "--lang", "zh"], environment: day)
        #expect(zhJSON.status == 0, "\(zhJSON.stderr)")
        let zhUnknown = try #require(zhJSON.object["decide_by_unknown"] as? String)
        #expect(zhUnknown.contains("2027 年节假日安排未导入"), "\(zhUnknown)")
        let accept = ["case", "intake", "--ticket", "A001", "--item", CaseCLITests.item, "--person-id", CaseCLITests.person, "--name", "张三丰",
                      "--provided", "1,2,3,4,5,6", "--decision", "accept", "--db", cli.db]
        let accepted = try Desk.run(accept + ["--json", "--lang", "zh"], environment: day)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let zhProblem = try #require(accepted.object["deadline_problem"] as? String)
        #expect(zhProblem.contains("2027") && !zhProblem.contains("holiday"), "\(zhProblem)")
        // A case accepted on the year's last working day promises a day of 2027: its light is unknown, and the
        // list's light column holds the word whole (it read "unkno~").
        let lastDay = ["DESK_NOW": "2026-12-31T09:00:00+08:00"]
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try Desk.run(step + ["--db", cli.db], environment: lastDay).status == 0)
        }
        #expect(try Desk.run(accept, environment: lastDay).status == 0)
        let list = try Desk.run(["cases", "list", "--lang", "en", "--db", cli.db], environment: lastDay)
        #expect(list.stdout.contains(" unknown ") && !list.stdout.contains("unkno~"), "\(list.stdout)")
    }

    @Test func decidingAnIntakeDecidedAlreadySaysHowWhenAndTheCase() throws {
        try cli.serve()
        let pending = try cli.intake(["--provided", "1,2", "--decision", "pending"])
        let reference = try #require(pending.object["reference"] as? String)
        let accepted = try cli.desk(["case", "decide", reference, "--decision", "accept", "--provided", "1,2,3,4,5,6", "--json"], at: "11:00")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        for extra in [["--provided", "1,2,3,4,5,6"], []] {
            let again = try cli.desk(["case", "decide", reference, "--decision", "accept", "--lang", "en"] + extra, at: "11:30")
            #expect(again.status == 1, "\(again.stderr)")
            #expect(again.stderr.contains("has been decided already: accept on 2026-03-02, it is case HD-20260302-0001"), "\(again.stderr)")
            #expect(!again.stderr.contains("No intake"))
        }
    }

    @Test func missingMarksAMaterialMissingByPositionEvenOneAnotherDepartmentShares() throws {
        try cli.serve()
        // Every material provided but 6, said missing explicitly: 容缺 (6 is tolerable), 6 outstanding.
        let r = try cli.intake(["--provided", "1,2,3,4,5", "--missing", "6", "--decision", "tolerate"])
        #expect(r.status == 0, "\(r.stderr)")
        let notice = try #require(r.object["notice"] as? [String: Any])
        #expect((notice["materials"] as? [[String: Any]])?.map { $0["position"] as? Int } == [6])
        // A position named twice is a usage error, never the later option silently winning.
        let twice = try cli.intake(["--provided", "1,2,3,4,5,6", "--missing", "6", "--lang", "en"])
        #expect(twice.status == 64 && twice.stdout.contains("Material 6 is named by both --provided and --missing"), "\(twice.stdout) \(twice.stderr)")
        #expect(try cli.intake(["--provided", "1,2,3,4,5", "--missing", "9"]).status == 64)
    }
}
