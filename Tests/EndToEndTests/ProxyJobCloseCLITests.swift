import Foundation
import Testing

/// Issue 10's required tests through the real binary on the demo hall: "a 代办 case from handover to the result handed
/// back, with the ledger balanced (nothing left with the hall or the agent)", closed with `desk agent close`; and "a case
/// that cannot close while an original is out". S01 (the test's account) is the clerk at window 1 and a supervisor.
@Suite struct ProxyJobCloseCLITests {
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    func desk(_ arguments: [String], as staff: String? = nil) throws -> Desk.Result { try cli.desk(arguments, as: staff) }

    /// A 代办 request for 张三丰 (S01 at the reception), assigned by the rule: the job's number and its agent.
    func requestAndAssign() throws -> (job: String, agent: String) {
        let opened = try desk(["agent", "request", "--mode", "full-proxy", "--origin", "reception", "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--item", CaseLifecycleCLITests.item, "--authorisation", "委托办理企业设立登记，2026-03-01", "--json"])
        let job = try #require((opened.object["job"] as? [String: Any])?["number"] as? String, "\(opened.stdout) \(opened.stderr)")
        let assigned = try desk(["agent", "assign", job, "--auto", "--json"])
        return (job, try #require(assigned.object["agent"] as? String, "\(assigned.stdout) \(assigned.stderr)"))
    }

    /// The agent brings the case to window 1 as the applicant's representative: the case joins the job.
    func fileAtTheWindow(agent: String) throws -> String {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        let intake = try desk(["case", "intake", "--ticket", "A001", "--item", CaseLifecycleCLITests.item, "--person-id", "11010519491231002X",
                               "--name", "张三丰", "--provided", "1,2,3,4,5,6", "--proxy-agent", agent, "--json"])
        return try #require((intake.object["case"] as? [String: Any])?["number"] as? String, "\(intake.stdout) \(intake.stderr)")
    }

    func handover(_ arguments: [String], as staff: String? = nil) throws -> Desk.Result {
        let r = try desk(["handover", "add"] + arguments + ["--json"], as: staff)
        #expect(r.status == 0, "\(arguments) \(r.stdout) \(r.stderr)")
        return r
    }

    @Test func aFullProxyCaseFromHandoverToTheResultHandedBackLeavesTheLedgerBalancedAndTheJobCloses() throws {
        let (job, agent) = try requestAndAssign()
        // The applicant's originals (1, 2) and copies of 3 to the agent, before the case is filed.
        try handover(["--job", job, "--from", "applicant", "--to", "agent", "--material", "1", "--material", "2", "--material", "3:copy:2"],
                     as: agent)
        let number = try fileAtTheWindow(agent: agent)
        #expect((try desk(["agent", "show", agent, "--json"]).object["jobs"] as? [[String: Any]])?.first?["case"] as? String == number)
        // The agent hands them to the window at intake (S01 signs for it).
        try handover(["--case", number, "--from", "agent", "--to", "window", "--material", "1", "--material", "2", "--material", "3:copy:2"])
        // Not closable: the case is being decided and two originals are with the window. Exit 1, every reason named.
        let early = try desk(["agent", "close", job, "--lang", "zh"], as: agent)
        #expect(early.status == 1 && early.stderr.contains("尚未办结") && early.stderr.contains("第1项")
                && early.stderr.contains("第2项") && early.stderr.contains("在窗口处"), "\(early.stderr)")
        #expect(try desk(["case", "review", number, "--opinion", "材料齐全"], as: "R01").status == 0)
        #expect(try desk(["case", "approve", number, "--reason", "符合法定条件"], as: "C01").status == 0)
        // The window gives the originals back through the agent; the case's result waits until the applicant has them.
        try handover(["--case", number, "--from", "window", "--to", "agent", "--material", "1", "--material", "2"])
        let withTheAgent = try desk(["agent", "close", job, "--json", "--lang", "en"], as: agent)
        let report = try #require(withTheAgent.object["error"] as? [String: Any])
        #expect(withTheAgent.status == 1 && report["code"] as? String == "material_ledger.job_cannot_close")
        #expect((report["message"] as? String)?.contains("(original, 1) with the agent") == true, "\(report)")
        #expect(try desk(["case", "issue", number]).status == 1)
        try handover(["--job", job, "--from", "agent", "--to", "applicant", "--material", "1", "--material", "2"], as: agent)
        #expect(try desk(["case", "issue", number]).status == 0)
        // The result issued but not yet handed back: still not closable.
        let noResult = try desk(["agent", "close", job, "--lang", "zh"], as: agent)
        #expect(noResult.status == 1 && noResult.stderr.contains("办理结果尚未交还申请人"), "\(noResult.stderr)")
        try handover(["--case", number, "--from", "window", "--to", "agent", "--result", "营业执照"])
        try handover(["--job", job, "--from", "agent", "--to", "applicant", "--result", "营业执照"], as: agent)
        let ledger = try desk(["handover", "list", "--job", job, "--json"])
        #expect(ledger.object["balanced"] as? Bool == true && (ledger.object["originals_out"] as? [Any])?.isEmpty == true
                && (ledger.object["handovers"] as? [Any])?.count == 6, "\(ledger.stdout)")
        #expect(try desk(["handover", "list", "--job", job, "--lang", "zh"]).stdout.contains("已平衡：没有原件留在大厅或代办员处。"))
        // Another agent may not close it (5); its own agent does, and the job is printed.
        #expect(try desk(["agent", "close", job], as: agent == "P02" ? "P04" : "P02").status == 5)
        let closed = try desk(["agent", "close", job, "--json"], as: agent)
        #expect(closed.status == 0 && closed.object["number"] as? String == job && closed.object["state"] as? String == "closed"
                && closed.object["case"] as? String == number && closed.object["case_state"] as? String == "resultIssued", "\(closed.stdout) \(closed.stderr)")
        #expect(try desk(["agent", "close", job]).status == 1)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func aCaseCannotCloseWhileAnOriginalIsOut() throws {
        let (job, agent) = try requestAndAssign()
        let number = try fileAtTheWindow(agent: agent)
        try handover(["--job", job, "--from", "applicant", "--to", "agent", "--material", "2"], as: agent)
        // The original of material 2 is with the agent: the case is neither withdrawn nor terminated, the job not closed.
        let withdraw = try desk(["case", "withdraw", number, "--reason", "申请人书面撤回", "--lang", "zh"])
        #expect(withdraw.status == 1 && withdraw.stderr.contains("第2项") && withdraw.stderr.contains("在代办员处"), "\(withdraw.stderr)")
        #expect(try desk(["case", "terminate", number, "--reason", "终止办理"]).status == 1)
        let close = try desk(["agent", "close", job, "--lang", "en"], as: agent)
        #expect(close.status == 1 && close.stderr.contains("not finished") && close.stderr.contains("with the agent"), "\(close.stderr)")
        #expect(try desk(["case", "show", number, "--json"]).object["state"] as? String == "accepted")
        // Returned to the applicant: the case is withdrawn and the job closes (a withdrawn case has no result to hand back).
        try handover(["--job", job, "--from", "agent", "--to", "applicant", "--material", "2"], as: agent)
        #expect(try desk(["case", "withdraw", number, "--reason", "申请人书面撤回"]).status == 0)
        let closed = try desk(["agent", "close", job, "--lang", "zh"])
        #expect(closed.status == 0 && closed.stdout.contains("已办结") && closed.stdout.contains("已撤回"), "\(closed.stdout) \(closed.stderr)")
    }
}
