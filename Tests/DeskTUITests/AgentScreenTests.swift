import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The agent's screen's keys and what they show: my jobs only for an agent, every agent's (and the filter) for a
/// supervisor, the job's detail with its case, the inbox with its count, and marking it seen.
@Suite struct AgentScreenTests {
    let hall: AgentScreenFixture
    init() throws { hall = try AgentScreenFixture() }

    @Test func anAgentSeesOnlyTheirOwnJobsAndASupervisorEveryAgentsWithAFilter() throws {
        let (_, mine) = try hall.screen("P01")
        #expect(mine.view.jobs.compactMap(\.caseRecord?.number) == [hall.numbers[0], hall.numbers[1]].sorted())
        #expect(mine.view.scope == .agent("P01") && !mine.view.mayChooseAgent)
        // `a` does nothing for an agent: their list stays theirs.
        var agent = mine
        #expect(agent.handle(.char("a")).isEmpty && agent.picker == nil)

        var (model, screen) = try hall.screen("M01")
        #expect(screen.view.jobs.count == 4 && screen.view.scope == .everyAgent && screen.view.inbox == nil)
        let text = screen.frame(context: AgentScreenFixture.context(.zh, 100, 30)).lines().joined(separator: "\n")
        #expect(text.contains("P02") && text.contains("未立案"))
        // The filter: P02's jobs only.
        let p02 = try #require(screen.view.agents.firstIndex(of: "P02"))
        try hall.press([.char("a")] + Array(repeating: Key.down, count: p02 + 1) + [.enter], on: &screen, &model)
        #expect(screen.view.scope == .agent("P02") && screen.view.jobs.compactMap(\.caseRecord?.number) == [hall.numbers[2]])
    }

    @Test func enterOpensTheJobWithItsCaseAndEscGoesBack() throws {
        var (model, screen) = try hall.screen("P01")
        let tolerated = try #require(screen.view.jobs.firstIndex { $0.caseRecord?.number == hall.numbers[1] })
        try hall.press(Array(repeating: Key.down, count: tolerated) + [.enter], on: &screen, &model)
        #expect(screen.mode == .detail && screen.detail?.caseDetail?.record.number == hall.numbers[1])
        #expect(screen.detail?.entry.next == .supplementsDue)
        let lines = screen.frame(context: AgentScreenFixture.context(.zh, 80, 24)).lines()
        #expect(lines.contains { $0.contains("代办") && $0.contains("DB-20260302-") })
        #expect(lines.contains { $0.contains("容缺补正") })
        #expect(lines.contains { $0.contains("李*") })
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.mode == .list)
    }

    @Test func theInboxCountsWhatIsNewAndMarkingItSeenClearsIt() throws {
        var (model, screen) = try hall.screen("P01")
        #expect(screen.newCount == 2)
        #expect(screen.frame(context: AgentScreenFixture.context(.en, 80, 24)).lines()[0].contains("inbox 2 new"))
        try hall.press([.char("i")], on: &screen, &model)
        #expect(screen.mode == .inbox)
        let inbox = screen.frame(context: AgentScreenFixture.context(.zh, 80, 24)).lines()
        #expect(inbox.filter { $0.contains("新") && $0.contains("HD-") }.count == 2)
        try hall.press([.char("m")], on: &screen, &model)
        #expect(screen.newCount == 0 && screen.status?.text == UIText.agentInboxMarked)
        // A decision after the mark is new again (the tmux test has the commit wake the screen; here it is loaded).
        _ = try hall.database.review(caseNumber: hall.numbers[0], opinion: "材料齐全", by: try hall.actor("R01"))
        _ = try hall.database.act(onCase: hall.numbers[0], .approve(reason: "准予"), by: try hall.actor("C01"))
        screen.update(try model.load())
        #expect(screen.newCount == 1 && screen.view.inbox?.items.first?.change == .approved)
        // Enter on the item opens its job.
        try hall.press([.home, .enter], on: &screen, &model)
        #expect(screen.mode == .detail && screen.detail?.entry.caseRecord?.number == hall.numbers[0])
        #expect(screen.detail?.entry.next == .handBackResult)
    }

    @Test func aClerkIsToldTheScreenIsNotTheirs() throws {
        #expect(throws: AgentError.notAnAgent("S02")) { try AgentScreenModel(database: hall.database, actor: try hall.actor("S02")) }
    }
}

/// docs/TUI.md lists exactly the agent's screen's bindings, per mode.
@Suite struct AgentScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let doc = "docs/TUI.md"
        #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: list") == DocumentedKeys.names(AgentScreen.listKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: detail") == DocumentedKeys.names(AgentScreen.detailKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: inbox") == DocumentedKeys.names(AgentScreen.inboxKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: picker") == DocumentedKeys.names(AgentScreen.pickerKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: contact form") == DocumentedKeys.names(AgentScreen.contactKeys))
        for (heading, table) in [("direction", HandoverForm.directionKeys), ("materials", HandoverForm.materialKeys),
                                 ("names", HandoverForm.nameKeys), ("summary", HandoverForm.confirmKeys)] {
            #expect(try DocumentedKeys.table(in: doc, under: "### Agent screen keys: handover form, \(heading)") == DocumentedKeys.names(table))
        }
    }
}
