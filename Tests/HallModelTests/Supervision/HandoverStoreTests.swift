import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The handover ledger on the demo hall: `handOver` writes a line to the item's pairing in the same transaction as the
/// state change (refused, nothing written, without one); `acknowledge` is the named liaison's (or a supervisor's);
/// overdue lines by the clock; the month's report; the chain verifies.
@Suite struct HandoverStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var reviewer: Actor { Actor(staff: "R01", terminal: .cli) }
    var approver: Actor { Actor(staff: "C01", terminal: .cli) }
    /// The liaison of 区市场监督管理局's items in the demo hall, and another one.
    var liaison: Actor { Actor(staff: "L01", terminal: .cli) }
    var otherLiaison: Actor { Actor(staff: "L02", terminal: .cli) }

    /// A 企业设立登记 case (区市场监督管理局) accepted, reviewed, approved and its result issued on `day`.
    func issuedCase(sequence: Int = 1, on day: String = "2026-03-02") throws -> String {
        hall.clock.set("\(day)T09:00:00+08:00")
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        let code = try hall.issue("A").code
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        let applicant = try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: try CivilDate(parsing: day))
        let outcome = try hall.database.takeIn(IntakeRequest(ticketCode: code, itemCode: item.implementationCode, applicant: applicant,
                                                             checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }),
                                                             decision: .accept), by: hall.clerk(1))
        _ = try hall.database.finish(window: 1, by: hall.clerk(1))
        let number = try #require(outcome.caseRecord?.number)
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: approver)
        _ = try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        return number
    }

    @Test func theHandoverWritesALedgerLineToTheDepartmentsLiaisonInTheSameTransaction() throws {
        let number = try issuedCase()
        #expect(try hall.database.act(onCase: number, .handOver, by: hall.clerk(1)).state == .handedOver)
        let line = try #require(try hall.database.handoverLine(caseNumber: number))
        #expect(line.supervisor == "区市场监管综合行政执法大队" && line.liaisonID == "L01" && line.scope == .department)
        #expect(line.handedOverOn == CivilDate(year: 2026, month: 3, day: 2) && line.handedOverBy == "S01" && line.acknowledgedOn == nil)
        let detail = try hall.database.read {
            try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = 'case_handed_over' ORDER BY id DESC LIMIT 1")
        }
        #expect(detail?.contains("\"liaison\":\"L01\"") == true && detail?.contains("\"handover\":\(line.id)") == true)
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
    }

    @Test func anItemWithoutAPairingIsRefusedByNameAndNothingIsWritten() throws {
        let number = try issuedCase()
        try hall.database.perform { try $0.execute(sql: "DELETE FROM supervision_pairing WHERE scope = 'department'") }
        let before = try hall.eventCount()
        #expect(throws: HandoverError.self) { try hall.database.act(onCase: number, .handOver, by: hall.clerk(1)) }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.caseDetail(number: number).record.state == .resultIssued)
        #expect(try hall.database.handoverLine(caseNumber: number) == nil)
    }

    /// A pairing whose liaison was deactivated since: the handover is refused by name (nobody could acknowledge it),
    /// as `supervision set` refuses an inactive liaison; nothing is written.
    @Test func aHandoverToADeactivatedLiaisonIsRefusedByName() throws {
        let number = try issuedCase()
        _ = try hall.database.setStaffActive("L01", false, by: hall.admin)
        let before = try hall.eventCount()
        #expect(throws: HandoverError.liaisonUnavailable(liaison: "L01", supervisor: "区市场监管综合行政执法大队")) {
            try hall.database.act(onCase: number, .handOver, by: hall.clerk(1))
        }
        #expect(try hall.eventCount() == before && hall.database.handoverLine(caseNumber: number) == nil)
        _ = try hall.database.setStaffActive("L01", true, by: hall.admin)
        #expect(try hall.database.act(onCase: number, .handOver, by: hall.clerk(1)).state == .handedOver)
    }

    @Test func theItemsOwnPairingWinsAndAnAdminSetsOne() throws {
        let number = try issuedCase()
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        // Only a liaison can be paired; only an admin pairs.
        #expect(throws: HandoverError.notALiaison("S02")) {
            try hall.database.setSupervisionPairing(SupervisionPairing(scope: .item, code: item.implementationCode, supervisor: "登记监管科",
                                                                       liaisonID: "S02"), by: hall.admin)
        }
        #expect(throws: AccessError.self) {
            try hall.database.setSupervisionPairing(SupervisionPairing(scope: .item, code: item.implementationCode, supervisor: "登记监管科",
                                                                       liaisonID: "L02"), by: hall.supervisor)
        }
        try hall.database.setSupervisionPairing(SupervisionPairing(scope: .item, code: item.implementationCode, supervisor: " 登记监管科 ",
                                                                   liaisonID: "L02"), by: hall.admin)
        #expect(try hall.database.supervisionPairings().contains { $0.pairing.code == item.implementationCode && $0.pairing.supervisor == "登记监管科" })
        _ = try hall.database.act(onCase: number, .handOver, by: hall.clerk(1))
        let line = try #require(try hall.database.handoverLine(caseNumber: number))
        #expect(line.scope == .item && line.liaisonID == "L02" && line.supervisor == "登记监管科")
    }

    @Test func onlyTheNamedLiaisonOrASupervisorAcknowledges() throws {
        let number = try issuedCase()
        _ = try hall.database.act(onCase: number, .handOver, by: hall.clerk(1))
        // It waits in the named liaison's queue, not in another's.
        #expect(try hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(liaison))).map(\.record.number) == [number])
        #expect(try hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(otherLiaison))).isEmpty)
        // A clerk lacks the role (permission; S01 is also a supervisor in the demo, S02 is not); another liaison is not the
        // one named (rule).
        #expect(throws: AccessError.self) { try hall.database.act(onCase: number, .acknowledge, by: hall.clerk(2)) }
        #expect(throws: HandoverError.notTheLiaison(assigned: "L01")) { try hall.database.act(onCase: number, .acknowledge, by: otherLiaison) }
        hall.clock.set("2026-03-04T10:00:00+08:00")
        #expect(try hall.database.act(onCase: number, .acknowledge, by: liaison).state == .acknowledged)
        #expect(try hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(liaison))).isEmpty)
        let line = try #require(try hall.database.handoverLine(caseNumber: number))
        #expect(line.acknowledgedOn == CivilDate(year: 2026, month: 3, day: 4) && line.acknowledgedBy == "L01")
        // A liaison can do nothing else.
        #expect(throws: AccessError.self) { try hall.database.act(onCase: number, .handOver, by: liaison) }
    }

    @Test func overdueHandoversAreListedAfterTheAckDaysAndTheReportCountsTheMonth() throws {
        let late = try issuedCase(on: "2026-03-02")
        _ = try hall.database.act(onCase: late, .handOver, by: hall.clerk(1))       // due 2026-03-05
        let open = try issuedCase(on: "2026-03-03")
        _ = try hall.database.act(onCase: open, .handOver, by: hall.clerk(1))       // due 2026-03-06
        hall.clock.set("2026-03-05T09:00:00+08:00")
        #expect(try hall.database.overdueHandovers().lines.isEmpty)
        hall.clock.set("2026-03-09T09:00:00+08:00")
        _ = try hall.database.act(onCase: late, .acknowledge, by: hall.supervisor)   // a paper receipt, 5 working days on
        let overdue = try hall.database.overdueHandovers()
        #expect(overdue.lines.map(\.line.caseNumber) == [open])
        #expect(overdue.lines.first?.status == .overdue(deadline: CivilDate(year: 2026, month: 3, day: 6)!, workingDaysLate: 1))
        let report = try hall.database.handoverReport(month: try #require(YearMonth(parsing: "2026-03")))
        let row = try #require(report.rows.first)
        #expect(report.rows.count == 1 && row.supervisor == "区市场监管综合行政执法大队")
        #expect(row.handedOver == 2 && row.acknowledged == 1 && row.acknowledgedLate == 1 && row.unacknowledged == [open])
        #expect(row.averageWorkingDaysToAcknowledge == 5)
        #expect(try hall.database.handoverReport(month: try #require(YearMonth(parsing: "2026-02"))).rows.isEmpty)
    }

    @Test func aMigratedHallKeepsItsRolesAndDocumentsAndTakesTheNewKinds() throws {
        // The rebuilt tables took the new keys: a liaison role and a letter kind can be stored.
        let roles = try hall.database.read { try String.fetchAll($0, sql: "SELECT DISTINCT role FROM staff_role ORDER BY role") }
        #expect(roles.contains("liaison") && roles.contains("clerk"))
        let number = try issuedCase()
        let kinds = try hall.database.caseDetail(number: number).documents.map(\.kind)
        #expect(kinds == [.acceptanceNotice, .approvalDecision, .serviceRecord])
    }
}
