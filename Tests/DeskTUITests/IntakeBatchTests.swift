import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Issue 10, "Batch work": an agent who came on a proxy ticket with several applicants' cases is served once — after a
/// case is taken in on the ticket the form opens again for the next applicant, its title saying "代办员 P03 — 第 2 件",
/// and each case is taken in under its own applicant and joins the agent's jobs.
extension WindowScreenModelTests {
    @Test func aProxyTicketsBatchIsTakenInCaseAfterCaseEachUnderItsOwnApplicant() throws {
        var settings = try database.settings()
        settings.printCommand = ""
        try database.updateSettings(settings, by: try DemoActors.bound(database))
        _ = try database.issueTicket(IssueRequest(linePrefix: "A", source: .proxy, proxyAgentID: "P03"),
                                     by: try database.authenticate(staff: "P03", password: "demo-P03", at: .cli))
        let text: (String) -> [Key?] = { $0.map { .char($0) } }
        let second = CaseScreenFixture.residentID("11010119900307447")
        let secondCase: [Key?] = text("qysl") + [.enter] + text(second) + [.tab] + text("李四")
            + [.enter, .enter, .char(" "), .down, .char(" "), .down, .char(" "), .tab, .enter, .enter, .enter]
        // The first case: the form opens again, for the agent's second case.
        let (terminal, screen) = try run(Self.toleratedIntakeKeys)
        let form = try #require(screen.intake)
        #expect(form.setup.batch == ProxyBatch(agentID: "P03", taken: 1))
        let lines = try #require(terminal.lastFrame).lines()
        #expect(lines.contains { $0.contains("受理 A001 · 代办员 P03 — 第 2 件") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("下一件：代办员的第 2 件") })
        // The second, under its own applicant: the third is offered; Esc ends the batch.
        let (after, again) = try run([.char("a")] + secondCase + [.escape])
        let shown = after.lastFrame?.lines().joined(separator: "\n") ?? ""
        #expect(again.intake == nil, "\(shown)")
        let first = try database.caseDetail(number: "HD-20260302-0001"), next = try database.caseDetail(number: "HD-20260302-0002")
        #expect(first.ticketCode == "A001" && next.ticketCode == "A001")
        #expect(first.applicant.name == "张三丰" && next.applicant.name == "李四")
        #expect(try database.proxyJobs(agent: "P03").compactMap(\.caseID) == [first.record.id, next.record.id])
        #expect(try database.proxyBatch(ticket: database.ticket(code: "A001")) == ProxyBatch(agentID: "P03", taken: 2))
    }
}
