import Foundation
import Testing

/// `desk handover add|list|receipt` and `desk contact add|list` through the real binary on the demo hall: P03 files a
/// case for 张三丰 at window 1 (the case opens its proxy job), the originals go to the window and back, the case
/// cannot be served while one is out, the result goes back to the applicant, the ledger balances; refusals exit 5.
@Suite struct MaterialLedgerCLITests {
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    func desk(_ arguments: [String], as staff: String? = nil) throws -> Desk.Result { try cli.desk(arguments, as: staff) }

    @Test func aProxyCaseFromHandoverToTheResultHandedBackBalanced() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", CaseLifecycleCLITests.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--provided", "1,2,3,4,5,6", "--proxy-agent", "P03", "--json"])
        let number = try #require((intake.object["case"] as? [String: Any])?["number"] as? String, "\(intake.stdout) \(intake.stderr)")
        // The applicant's originals to the agent, then to the window (S01 signs for it).
        let given = try desk(["handover", "add", "--case", number, "--from", "applicant", "--to", "agent", "--material", "1",
                              "--material", "2:copy:2", "--json"], as: "P03")
        #expect(given.status == 0, "\(given.stderr)")
        let job = try #require(given.object["job"] as? String)
        #expect(job.hasPrefix("DB-") && given.object["from_name"] as? String == "张*丰" && (given.object["lines"] as? [Any])?.count == 2)
        #expect(try desk(["handover", "add", "--job", job, "--from", "agent", "--to", "window", "--to-name", "张伟", "--material", "1"],
                         as: "P03").status == 0)
        // Someone else's job, a liaison: exit 5.
        #expect(try desk(["handover", "add", "--job", job, "--from", "agent", "--to", "applicant", "--material", "1"], as: "P04").status == 5)
        #expect(try desk(["contact", "add", job, "--how", "phone", "--note", "约定周三来取"], as: "L01").status == 5)
        #expect(try desk(["case", "review", number, "--opinion", "材料齐全"], as: "R01").status == 0)
        #expect(try desk(["case", "approve", number, "--reason", "符合法定条件"], as: "C01").status == 0)
        // An original is with the hall: the result is not served (exit 1, named).
        let refused = try desk(["case", "issue", number, "--json"])
        #expect(refused.status == 1 && cli.code(refused) == "material_ledger.originals_out", "\(refused.stdout)")
        let open = try desk(["handover", "list", "--case", number, "--json"])
        #expect(open.object["balanced"] as? Bool == false && (open.object["originals_out"] as? [[String: Any]])?.first?["holder"] as? String == "window")
        #expect(try desk(["handover", "add", "--case", number, "--from", "window", "--to", "applicant", "--material", "1"]).status == 0)
        #expect(try desk(["case", "issue", number]).status == 0)
        let back = try desk(["handover", "add", "--job", job, "--from", "window", "--to", "applicant", "--result", "营业执照", "--json"])
        #expect(back.status == 0, "\(back.stderr)")
        let list = try desk(["handover", "list", "--agent", "P03", "--open", "--json"])
        #expect(list.object["balanced"] as? Bool == true && (list.object["handovers"] as? [Any])?.count == 4, "\(list.stdout)")
        #expect(try desk(["handover", "list", "--job", job, "--lang", "en"]).stdout.contains("Balanced"))
        // The contact log.
        #expect(try desk(["contact", "add", job, "--how", "phone", "--note", "约定周三来取", "--next", "2026-03-04"], as: "P03").status == 0)
        let contacts = try desk(["contact", "list", "--agent", "P03", "--json"])
        #expect((contacts.object["contacts"] as? [[String: Any]])?.first?["next"] as? String == "2026-03-04")
        // The receipt prints again, as issued; the HTML too.
        let receiptNumber = try #require(back.object["number"] as? String)
        let receipt = try desk(["handover", "receipt", receiptNumber])
        #expect(receipt.status == 0 && receipt.stdout.contains("材料交接单") && receipt.stdout.contains("代办服务免费") && receipt.stdout.contains(job))
        #expect(try desk(["handover", "receipt", receiptNumber, "--html"]).stdout.contains("<h1>材料交接单</h1>"))
        #expect(try desk(["audit", "verify"]).status == 0)
    }
}
