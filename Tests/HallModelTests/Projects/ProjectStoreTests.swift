import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Major projects on the demo hall: created by an agent, three parallel cases of the investor, the critical path from
/// the stored cases, the joint acceptance (all pass; one fail), the refusals, and the chain still verifies.
@Suite struct ProjectStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var agent: Actor { Actor(staff: "P01", terminal: .cli) }
    var otherAgent: Actor { Actor(staff: "P02", terminal: .cli) }

    /// A valid unified social credit code (GB 32100 check character computed).
    static func creditCode(_ first17: String) -> String {
        first17 + String(CreditCode.checkCharacter(forValues: first17.map { CreditCode.alphabet.firstIndex(of: $0) ?? 0 }))
    }
    static let investorCode = creditCode("91330110MA2D4M2X1")

    var investor: ApplicantInput {
        get throws { try ApplicantInput.organisation(name: "杭州禾润食品有限公司", creditCode: Self.investorCode, legalRepresentative: "林淑芬", contact: nil) }
    }

    func project() throws -> Project {
        try hall.database.createProject(ProjectRequest(name: "年产5万吨食品加工项目", investorName: "杭州禾润食品有限公司",
                                                       investorCode: Self.investorCode, leadAgentID: "P01"), by: agent)
    }

    /// Three cases in parallel: 企业设立登记 (promised 1 working day), 食品生产许可 (10), 建设工程消防设计审查 (12).
    func threeCases(in project: Project) throws -> [String] {
        let numbers = try ["企业设立登记", "食品生产许可", "建设工程消防设计审查"].map { try hall.openCase(investor, item: $0) }
        for n in numbers { try hall.database.addCase(n, toProject: project.number, by: agent) }
        return numbers
    }

    @Test func aProjectWithThreeParallelCasesHasTheLatestPromisedResultAsItsCriticalPath() throws {
        let p = try project()
        #expect(p.number == "XM-2026-001" && p.state == .open && p.leadAgentID == "P01")
        let numbers = try threeCases(in: p)
        let view = try hall.database.projectView(number: p.number)
        #expect(view.cases.map(\.record.number) == numbers)
        let fire = try #require(view.cases.last)
        #expect(view.criticalPath.caseNumber == numbers[2] && view.criticalPath.date == fire.record.promisedDue)
        #expect(view.criticalPath.basis == .promisedDeadline && view.criticalPath.onTime)
        #expect(view.acceptance.departments.count == 2 && !view.acceptance.isAccepted)
        #expect(try hall.database.projects().map(\.openCaseCount) == [3])
        // Past the 1-day promise of 企业设立登记 the project is late, the path unchanged.
        hall.clock.set("2026-03-06T09:00:00+08:00")
        let later = try hall.database.projectView(number: p.number)
        #expect(!later.criticalPath.onTime && later.criticalPath.late == [numbers[0]] && later.criticalPath.caseNumber == numbers[2])
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE kind LIKE 'project%' ORDER BY id") }
        #expect(kinds == ["project_created", "project_case_added", "project_case_added", "project_case_added"])
    }

    @Test func aCaseJoinsAtMostOneProjectAndOnlyTheInvestorsCases() throws {
        let p = try project()
        let second = try hall.database.createProject(ProjectRequest(name: "二期", investorName: "杭州禾润食品有限公司",
                                                                    investorCode: Self.investorCode, leadAgentID: "P01"), by: agent)
        #expect(second.number == "XM-2026-002")
        let number = try hall.openCase(investor)
        try hall.database.addCase(number, toProject: p.number, by: agent)
        #expect(throws: ProjectError.caseInAnotherProject(case: number, project: p.number)) {
            try hall.database.addCase(number, toProject: second.number, by: agent)
        }
        let someoneElse = try hall.openCase()
        #expect(throws: ProjectError.applicantIsNotTheInvestor(case: someoneElse)) {
            try hall.database.addCase(someoneElse, toProject: p.number, by: agent)
        }
    }

    @Test func refusals() throws {
        // A clerk (S03) may not create one (exit 5); the lead must be an active agent; a bad credit code is refused.
        #expect(throws: AccessError.self) {
            try hall.database.createProject(ProjectRequest(name: "x", investorName: "y", investorCode: Self.investorCode, leadAgentID: "P01"),
                                            by: hall.clerk(3))
        }
        #expect(throws: ProjectError.notAnAgent("S01")) {
            try hall.database.createProject(ProjectRequest(name: "x", investorName: "y", investorCode: Self.investorCode, leadAgentID: "S01"),
                                            by: hall.supervisor)
        }
        #expect(throws: CreditCodeError.self) {
            try hall.database.createProject(ProjectRequest(name: "x", investorName: "y", investorCode: "91330110MA2D4M2X10", leadAgentID: "P01"),
                                            by: agent)
        }
        let p = try project()
        let number = try hall.openCase(investor)
        #expect(throws: ProjectError.notTheLeadAgent(lead: "P01")) { try hall.database.addCase(number, toProject: p.number, by: otherAgent) }
        try hall.database.addCase(number, toProject: p.number, by: hall.supervisor)
        // The joint acceptance waits for the case's decision.
        #expect(throws: ProjectError.casesStillOpen([number])) {
            try hall.database.signJointAcceptance(project: p.number, department: "x", verdict: .pass, opinion: "ok", by: hall.supervisor)
        }
    }

    /// Every case of the project reviewed, approved and its result issued.
    func decideAll(_ numbers: [String]) throws {
        for n in numbers {
            let reviewer = Actor(staff: "R01", terminal: .cli), approver = Actor(staff: "C01", terminal: .cli)
            _ = try hall.database.review(caseNumber: n, opinion: "材料齐全", by: reviewer)
            _ = try hall.database.act(onCase: n, .approve(reason: "符合条件，准予许可"), by: approver)
        }
    }

    @Test func theJointAcceptanceAcceptsWhenEveryDepartmentSignedPassAndNotWithOneFail() throws {
        let p = try project()
        let numbers = try threeCases(in: p)
        try decideAll(numbers)
        let departments = try hall.database.projectView(number: p.number).acceptance.departments
        #expect(departments.count == 2)
        // R01 reviewed them all: signs for the first department; a reviewer who handled none is refused.
        let reviewer = Actor(staff: "R01", terminal: .cli)
        #expect(throws: ProjectError.notOfDepartment(staff: "R02", department: departments[0])) {
            try hall.database.signJointAcceptance(project: p.number, department: departments[0], verdict: .pass, opinion: "合格",
                                                  by: Actor(staff: "R02", terminal: .cli))
        }
        #expect(throws: AccessError.self) {
            try hall.database.signJointAcceptance(project: p.number, department: departments[0], verdict: .pass, opinion: "合格", by: agent)
        }
        try hall.database.signJointAcceptance(project: p.number, department: departments[0], verdict: .pass, opinion: "符合验收条件", by: reviewer)
        let failed = try hall.database.signJointAcceptance(project: p.number, department: departments[1], verdict: .fail,
                                                           opinion: "消防设施未完成", by: hall.supervisor)
        #expect(!failed.isAccepted && failed.failed == [departments[1]])
        #expect(try hall.database.projectView(number: p.number).project.state == .open)
        let accepted = try hall.database.signJointAcceptance(project: p.number, department: departments[1], verdict: .pass,
                                                             opinion: "整改完成", by: hall.supervisor)
        #expect(accepted.isAccepted)
        let view = try hall.database.projectView(number: p.number)
        #expect(view.project.state == .accepted && view.project.acceptedOn == CivilDate(year: 2026, month: 3, day: 2))
        #expect(view.signOffs.map(\.verdict) == [.pass, .fail, .pass])
        #expect(throws: ProjectError.alreadyAccepted(p.number)) {
            try hall.database.signJointAcceptance(project: p.number, department: departments[0], verdict: .pass, opinion: "x", by: hall.supervisor)
        }
        #expect(try hall.database.projects(state: .accepted).count == 1)
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
    }
}
