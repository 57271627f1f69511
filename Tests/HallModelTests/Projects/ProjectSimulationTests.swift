import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// 模拟审批: a reviewer records the simulated review of an item for a project; the formal application's case, added to the
/// project, is converted — the simulation attached, the review completed with the simulated opinion quoted, in one write.
@Suite struct ProjectSimulationTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var reviewer: Actor { Actor(staff: "R01", terminal: .cli) }

    @Test func theFormalApplicationIsReviewedAsSimulated() throws {
        let project = try hall.database.createProject(ProjectRequest(name: "食品加工项目", investorName: "杭州禾润食品有限公司",
                                                                     investorCode: ProjectStoreTests.investorCode, leadAgentID: "P01"),
                                                      by: hall.supervisor)
        let item = try #require(try hall.database.catalog().items.first { $0.name == "食品生产许可" })
        hall.clock.set("2026-02-27T09:00:00+08:00")
        let simulation = try hall.database.simulateApproval(project: project.number, itemCode: item.implementationCode,
                                                            checkedMaterials: [4, 1, 3, 3], opinion: "材料基本齐全，待取得营业执照后正式申报",
                                                            by: reviewer)
        #expect(simulation.checkedMaterials == [1, 3, 4] && simulation.caseNumber == nil)
        #expect(throws: SimulationError.materialOutOfRange(position: 99, count: item.materials.count)) {
            try hall.database.simulateApproval(project: project.number, itemCode: item.implementationCode, checkedMaterials: [99], opinion: "x",
                                               by: reviewer)
        }
        hall.clock.set("2026-03-02T09:00:00+08:00")
        let number = try hall.openCase(try ApplicantInput.organisation(name: "杭州禾润食品有限公司", creditCode: ProjectStoreTests.investorCode,
                                                                         legalRepresentative: nil, contact: nil), item: "食品生产许可")
        #expect(throws: SimulationError.caseNotInProject(case: number, project: project.number)) {
            try hall.database.convertSimulation(project: project.number, caseNumber: number, by: reviewer)
        }
        try hall.database.addCase(number, toProject: project.number, by: hall.supervisor)
        let record = try hall.database.convertSimulation(project: project.number, caseNumber: number, by: reviewer)
        #expect(record.state == .underApproval)
        let detail = try hall.database.caseDetail(number: number)
        #expect(detail.reviewOpinion == "按模拟审批意见（R01，2026-02-27）：材料基本齐全，待取得营业执照后正式申报")
        let shown = try #require(try hall.database.projectView(number: project.number).simulations.first)
        #expect(shown.caseNumber == number && shown.convertedOn == CivilDate(year: 2026, month: 3, day: 2))
        #expect(throws: SimulationError.alreadyConverted(case: number)) {
            try hall.database.convertSimulation(project: project.number, caseNumber: number, by: reviewer)
        }
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
    }
}
