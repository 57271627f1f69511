import Foundation
import Testing

/// `desk agent list|show|state|request|assign|reassign` through the real binary on the demo hall (no demo jobs: the
/// tests' hall is seeded without --cases). S01 (the test's account) is clerk, supervisor and admin; P01–P20 are agents.
@Suite struct AgentCLITests {
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    func desk(_ arguments: [String], as staff: String? = nil) throws -> Desk.Result { try cli.desk(arguments, as: staff) }

    /// A 代办 job for a lower-level site, opened as S01: its number.
    func request(_ extra: [String] = []) throws -> Desk.Result {
        try desk(["agent", "request", "--mode", "full-proxy", "--origin", "site", "--site", "青石镇便民服务中心",
                  "--person-id", "11010519491231002X", "--name", "张三丰", "--item", CaseLifecycleCLITests.item,
                  "--authorisation", "委托办理企业设立登记，2026-03-01", "--json"] + extra)
    }

    @Test func assignAutoGivesTheAgentAndTheReasonAndListGivesTheLoad() throws {
        #expect(try desk(["agent", "state", "P01", "--out", "--note", "送件到区市场监管局"]).status == 0)
        let leave = try desk(["agent", "state", "P02", "--leave", "--until", "2026-03-09", "--json"])
        #expect(leave.status == 0 && (leave.object["agent"] as? [String: Any])?["back_on"] as? String == "2026-03-09", "\(leave.stdout) \(leave.stderr)")
        // Leave needs a day back after today.
        #expect(try desk(["agent", "state", "P03", "--leave"]).status == 1)
        #expect(try desk(["agent", "state", "P03", "--leave", "--until", "2026-03-02"]).status == 1)

        let opened = try request()
        #expect(opened.status == 0, "\(opened.stderr)")
        let job = try #require((opened.object["job"] as? [String: Any])?["number"] as? String)
        #expect(job == "DB-20260302-0001")
        // Nobody knows the item and nobody has a job: all equal, the lower staff number — P01, out on a case, still takes
        // jobs; P02 is on leave.
        let auto = try desk(["agent", "assign", job, "--auto", "--json"])
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(auto.object["agent"] as? String == "P01")
        let reason = try #require(auto.object["reason"] as? [String: Any])
        #expect(reason["skill"] as? String == "none" && reason["decided_by"] as? String == "staffNumber" && reason["open_cases"] as? Int == 0)
        // Assigned already: reassign, not assign (a rule, 1).
        #expect(try desk(["agent", "assign", job, "--auto", "--json"]).status == 1)
        // The next job by the rule: P01 has one now, P02 is on leave: P03.
        let second = try request(["--auto"])
        #expect((second.object["assignment"] as? [String: Any])?["agent"] as? String == "P03", "\(second.stdout)")
        // A manual assignment to an agent on leave is refused.
        let third = try #require((try request().object["job"] as? [String: Any])?["number"] as? String)
        #expect(try desk(["agent", "assign", third, "--agent", "P02"]).status == 1)

        let list = try desk(["agent", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let agents = try #require(list.object["agents"] as? [[String: Any]])
        #expect(agents.count == 20)
        let p01 = try #require(agents.first { $0["id"] as? String == "P01" })
        for key in ["id", "name", "state", "skills", "open_cases", "nearest_deadline"] { #expect(p01.keys.contains(key), "\(key)") }
        #expect(p01["state"] as? String == "outOnCase" && p01["open_cases"] as? Int == 1 && p01["nearest_deadline"] is NSNull)
        #expect(agents.first { $0["id"] as? String == "P02" }?["state"] as? String == "onLeave")
        #expect(try desk(["agent", "list", "--lang", "zh"]).stdout.contains("外出办件"))
    }

    @Test func anAgentSeesOnlyTheirOwnJobsAndSetsOnlyTheirOwnState() throws {
        let job = try #require((try request(["--agent", "P01"]).object["job"] as? [String: Any])?["number"] as? String)
        let own = try desk(["agent", "show", "P01", "--json"], as: "P01")
        #expect(own.status == 0, "\(own.stderr)")
        #expect((own.object["jobs"] as? [[String: Any]])?.map { $0["number"] as? String } == [job])
        // The applicant's name is masked for the agent's list too.
        #expect(!own.stdout.contains("张三丰"))
        let other = try desk(["agent", "show", "P01", "--json"], as: "P02")
        #expect(other.status == 5 && cli.code(other) == "access.not_permitted", "\(other.stdout)")
        #expect(try desk(["agent", "show", "P01", "--json"]).status == 0)   // S01, a supervisor
        #expect(try desk(["agent", "state", "P01", "--out"], as: "P02").status == 5)
        #expect(try desk(["agent", "state", "P01", "--out"], as: "P01").status == 0)
        #expect(try desk(["agent", "reassign", job, "--agent", "P04", "--reason", "熟悉该事项"], as: "P01").status == 5)
    }

    @Test func goingOnLeaveProposesAndTheSupervisorConfirmsKeepingTheHistory() throws {
        let first = try #require((try request(["--agent", "P05"]).object["job"] as? [String: Any])?["number"] as? String)
        _ = try request(["--agent", "P05"])
        // P05 goes on leave themself: the proposal is printed, nothing moves yet.
        let leave = try desk(["agent", "state", "P05", "--leave", "--until", "2026-03-09", "--json"], as: "P05")
        #expect(leave.status == 0, "\(leave.stderr)")
        let proposal = try #require(leave.object["proposal"] as? [[String: Any]])
        #expect(proposal.map { $0["agent"] as? String } == ["P01", "P02"], "\(leave.stdout)")
        #expect((try desk(["agent", "show", "P05", "--json"]).object["jobs"] as? [[String: Any]])?.count == 2)
        let confirmed = try desk(["agent", "reassign", "--from", "P05", "--confirm", "--json"])
        #expect(confirmed.status == 0 && confirmed.object["confirmed"] as? Bool == true, "\(confirmed.stdout) \(confirmed.stderr)")
        #expect((try desk(["agent", "show", "P05", "--json"]).object["jobs"] as? [[String: Any]])?.isEmpty == true)
        let p01 = try desk(["agent", "show", "P01", "--json"])
        #expect((p01.object["jobs"] as? [[String: Any]])?.map { $0["number"] as? String } == [first])
        // A reassignment by hand needs a reason, and keeps the history in the chain.
        #expect(try desk(["agent", "reassign", first, "--agent", "P03"]).status == 64)
        let moved = try desk(["agent", "reassign", first, "--agent", "P03", "--reason", "就近办理", "--json"])
        #expect(moved.status == 0 && moved.object["from"] as? String == "P01" && moved.object["agent"] as? String == "P03", "\(moved.stdout)")
        #expect(try desk(["audit", "verify"]).status == 0)
    }
}
