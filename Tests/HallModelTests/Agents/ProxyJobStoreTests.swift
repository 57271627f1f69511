import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Proxy jobs (代办件) in the store: opened on request with the authorisation, numbered per day, and joined by the case
/// filed at the window (代办: the agent as representative; 帮办: the ticket issued with source `proxy`).
@Suite struct ProxyJobStoreTests {
    static let today = CivilDate(year: 2026, month: 3, day: 2)!
    static func zhang() throws -> ApplicantInput {
        try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: today)
    }

    @Test func aFullProxyJobIsOpenedAndTheCaseFiledByItsAgentJoinsIt() throws {
        let hall = try TestHall()
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        // 代办 needs the authorisation recorded; a site request names its site.
        #expect(throws: ProxyJobError.authorisationNeeded) {
            try ProxyJobRequest(mode: .fullProxy, origin: .reception, applicant: try Self.zhang(), itemCode: item.implementationCode)
        }
        #expect(throws: ProxyJobError.siteNameNeeded) {
            try ProxyJobRequest(mode: .accompany, origin: .site, applicant: try Self.zhang(), itemCode: item.implementationCode)
        }
        let request = try ProxyJobRequest(mode: .fullProxy, origin: .site, originSite: "青石镇便民服务中心", applicant: try Self.zhang(),
                                          itemCode: item.implementationCode, authorisation: "委托办理企业设立登记，2026-03-01")
        // A liaison may not open one (exit 5 at the CLI).
        #expect(throws: AccessError.self) { try hall.database.openProxyJob(request, by: Actor(staff: "L01", terminal: .cli)) }
        let events = try hall.eventCount()
        let job = try hall.database.openProxyJob(request, by: Actor(staff: "P01", terminal: .cli))
        #expect(job.number == "DB-20260302-0001" && job.state == .open && job.agentID == nil && job.caseID == nil)
        #expect(job.departmentCode == item.departmentCode && job.originSite == "青石镇便民服务中心")
        #expect(try hall.eventCount() == events + 1)
        #expect(try hall.database.proxyJob(number: job.number) == job)
        let second = try hall.database.openProxyJob(request, by: hall.supervisor)
        #expect(second.number == "DB-20260302-0002")

        // P01 files it at window 1 as the applicant's representative: the first open job of that applicant and item joins
        // the case and gets P01 as its agent (the assignment's history keeps how).
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        let outcome = try hall.database.takeIn(IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode, applicant: try Self.zhang(),
            representative: Representative(kind: .proxyAgent, name: "代办员", idNumber: "P01"),
            checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept), by: hall.clerk(1))
        let record = try #require(outcome.caseRecord)
        let joined = try #require(try hall.database.proxyJob(caseID: record.id))
        #expect(joined.number == job.number && joined.agentID == "P01" && joined.mode == .fullProxy)
        #expect(try hall.database.proxyJobs(agent: "P01").map(\.number) == [job.number])
        let history = try hall.database.read { try String.fetchAll($0, sql: "SELECT how FROM proxy_assignment WHERE job_id = ?", arguments: [job.id]) }
        #expect(history == [AssignmentMethod.intake.rawValue])
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event ORDER BY id DESC LIMIT 8") }
        #expect(kinds.contains(EventKind.proxyJobCaseLinked.rawValue))
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func anAccompanyTicketOpensTheJobWithTheCase() throws {
        let hall = try TestHall()
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        _ = try hall.database.issueTicket(IssueRequest(linePrefix: "A", source: .proxy, proxyAgentID: "P02"),
                                          by: Actor(staff: "P02", terminal: .cli))
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        let outcome = try hall.database.takeIn(IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode, applicant: try Self.zhang(),
            checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept), by: hall.clerk(1))
        let record = try #require(outcome.caseRecord)
        let job = try #require(try hall.database.proxyJob(caseID: record.id))
        #expect(job.mode == .accompany && job.origin == .reception && job.agentID == "P02" && job.ticketID == record.ticketID)
        #expect(job.authorisation == nil)
    }
}
