import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The automatic assignment, without a database: skill (item over department), then load, then the furthest nearest
/// deadline, then the staff number; never an agent on leave; the leave proposal.
@Suite struct AgentAssignmentRuleTests {
    static func agent(_ id: String, _ state: AgentState = .onDuty, skills: [AgentSkill] = [], load: Int = 0,
                      due: String? = nil) -> AgentCandidate {
        AgentCandidate(id: id, state: state, skills: Set(skills), openJobs: load, nearestDeadline: due.map(d))
    }

    func choose(_ candidates: [AgentCandidate], excluding: Set<String> = []) -> AgentAssignmentRule.Choice? {
        AgentAssignmentRule.choose(item: "I1", department: "D1", among: candidates, excluding: excluding)
    }

    @Test func theClosestSkillWinsOverALowerLoad() {
        let team = [Self.agent("P01", load: 0), Self.agent("P02", skills: [.department("D1")], load: 3),
                    Self.agent("P03", skills: [.item("I1")], load: 5)]
        #expect(choose(team)?.agent == "P03")
        #expect(choose(team)?.reason.skill == .item && choose(team)?.reason.decidedBy == .skill)
        // Without the item's own expert, the department's.
        #expect(choose(Array(team.prefix(2)))?.agent == "P02")
        #expect(choose(Array(team.prefix(2)))?.reason.skill == .department)
        // Nobody knows it: the rule still picks (skill none), by load.
        #expect(choose([Self.agent("P04", load: 2), Self.agent("P05", load: 1)])?.agent == "P05")
        #expect(choose([Self.agent("P04", load: 2), Self.agent("P05", load: 1)])?.reason == AssignmentReason(
            skill: .none, decidedBy: .load, openJobs: 1, nearestDeadline: nil))
    }

    @Test func thenTheLowestLoad() {
        let team = [Self.agent("P01", skills: [.department("D1")], load: 4), Self.agent("P02", skills: [.department("D1")], load: 2)]
        #expect(choose(team)?.agent == "P02" && choose(team)?.reason.decidedBy == .load)
    }

    @Test func thenTheFurthestNearestDeadlineAndNoDeadlineIsFurthest() {
        let team = [Self.agent("P01", load: 2, due: "2026-03-05"), Self.agent("P02", load: 2, due: "2026-03-10")]
        #expect(choose(team)?.agent == "P02" && choose(team)?.reason.decidedBy == .deadline)
        #expect(choose(team + [Self.agent("P09", load: 2)])?.agent == "P09")
    }

    @Test func thenTheStaffNumber() {
        let team = [Self.agent("P07", load: 1, due: "2026-03-05"), Self.agent("P03", load: 1, due: "2026-03-05")]
        #expect(choose(team)?.agent == "P03" && choose(team)?.reason.decidedBy == .staffNumber)
        // The order they come in does not matter.
        #expect(choose(team.reversed())?.agent == "P03")
        #expect(choose([Self.agent("P07")])?.reason.decidedBy == .onlyCandidate)
    }

    @Test func neverAnAgentOnLeaveAndNobodyOnDutyIsNoChoice() {
        let team = [Self.agent("P01", .onLeave, skills: [.item("I1")]), Self.agent("P02", .outOnCase, load: 9)]
        #expect(choose(team)?.agent == "P02")
        #expect(choose([Self.agent("P01", .onLeave)]) == nil)
        #expect(choose([]) == nil)
        #expect(choose(team, excluding: ["P02"]) == nil)
    }

    @Test func goingOnLeaveProposesEachJobInTurnCountingTheLoadAsItGoes() {
        let team = [Self.agent("P01", skills: [.department("D1")], load: 2), Self.agent("P02", load: 0), Self.agent("P03", load: 0)]
        let jobs = [(number: "DB-1", item: "I1", department: "D1"), (number: "DB-2", item: "I9", department: "D9"),
                    (number: "DB-3", item: "I9", department: "D9")]
        let proposal = AgentAssignmentRule.leaveProposal(jobs: jobs, from: "P01", among: team)
        // P01 (the leave-taker) is excluded though they know D1; P02 gets the first, P03 the second (P02's load is
        // now 1), P02 the third (both at 1: the staff number).
        #expect(proposal.map(\.job) == ["DB-1", "DB-2", "DB-3"])
        #expect(proposal.map { $0.choice?.agent } == ["P02", "P03", "P02"])
        #expect(AgentAssignmentRule.leaveProposal(jobs: jobs, from: "P01", among: [team[0]]).allSatisfy { $0.choice == nil })
    }
}
