import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The supervisor's screen: panels and drill-downs by key, the actions through the hall's writes (confirmed first,
/// allowed by the policy, refused with the write's own message), the chart glyphs' width.
@Suite struct SupervisorScreenTests {
    let hall: SupervisorFixture
    init() throws { hall = try SupervisorFixture() }

    @Test func onlyASupervisorOpensIt() throws {
        for staff in ["S02", "R01", "C01", "P01", "A01", "L01"] {
            #expect(throws: AccessError.self) { _ = try hall.screen(staff) }
        }
        _ = try hall.screen("M01")
        _ = try hall.screen("S01")  // clerk, supervisor and admin
    }

    @Test func tabAndDigitsSwitchThePanelNarrow() throws {
        var (model, screen) = try hall.screen()
        #expect(!screen.isWide && screen.panel == .lines)
        try hall.press([.tab], on: &screen, &model)
        #expect(screen.panel == .windows)
        try hall.press([.char("6")], on: &screen, &model)
        #expect(screen.panel == .charts)
        try hall.press([.tab], on: &screen, &model)
        #expect(screen.panel == .lines)
        try hall.press([.backTab], on: &screen, &model)
        #expect(screen.panel == .charts)
    }

    @Test func aWindowsDrillDownShowsItsPauseAndToday() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.tab, .down, .enter], on: &screen, &model)
        #expect(screen.mode == .window(2))
        let text = screen.frame(context: SupervisorFixture.context(.en, 80, 24)).lines().joined(separator: "\n")
        #expect(text.contains("培训 since 09:10"))
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.mode == .hall)
    }

    @Test func cancellingATicketIsConfirmedThenWrittenWithItsEvent() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.enter], on: &screen, &model)  // line A
        #expect(screen.mode == .line("A"))
        guard let index = screen.lineTickets.firstIndex(where: { $0.state == .waiting }) else { Issue.record("none waiting"); return }
        let code = screen.lineTickets[index].code
        try hall.press(Array(repeating: .down, count: index), on: &screen, &model)
        try hall.press([.char("c")], on: &screen, &model)
        #expect(screen.confirming == .cancelTicket(code))
        try hall.press([.escape], on: &screen, &model)           // Esc: nothing written
        #expect(try hall.database.ticket(code: code).state == .waiting)
        try hall.press([.char("c"), .enter], on: &screen, &model)
        #expect(try hall.database.ticket(code: code).state == .cancelled)
        #expect(screen.status?.isError == false)
        #expect(screen.lineTickets.first { $0.code == code }?.state == .cancelled)
        var kinds: [String] = []
        try hall.database.forEachAuditRecord { kinds.append($0.kind) }
        #expect(kinds.last == "cancel")
        // And reopened from the same list.
        try hall.press([.char("r"), .enter], on: &screen, &model)
        #expect(try hall.database.ticket(code: code).state == .waiting)
    }

    @Test func closingALineAndSigningAClerkOut() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.enter, .char("l"), .enter], on: &screen, &model)
        #expect(try hall.database.lines().first { $0.prefix == "A" }?.isOpen == false)
        try hall.press([.char("l"), .enter, .escape], on: &screen, &model)
        #expect(try hall.database.lines().first { $0.prefix == "A" }?.isOpen == true)
        try hall.press([.tab, .down, .enter, .char("u"), .enter], on: &screen, &model)   // window 2 resumed
        #expect(try hall.database.window(2).state == .open)
        try hall.press([.char("x"), .enter], on: &screen, &model)                        // its clerk signed out
        #expect(try hall.database.window(2).state == .closed)
        #expect(try hall.database.window(2).staffID == nil)
    }

    @Test func aRefusedActionShowsTheWritesMessageAndWritesNothing() throws {
        var (model, screen) = try hall.screen()
        // M01 loses the supervisor role while the screen is open: the write checks the policy again.
        _ = try hall.database.setRoles("M01", roles: [.clerk], approverLevel: nil, by: try hall.actor("A01"))
        try hall.press([.enter], on: &screen, &model)
        guard let index = screen.lineTickets.firstIndex(where: { $0.state == .waiting }) else { Issue.record("none waiting"); return }
        let code = screen.lineTickets[index].code
        try hall.press(Array(repeating: .down, count: index) + [.char("c"), .enter], on: &screen, &model)
        #expect(try hall.database.ticket(code: code).state == .waiting)
        #expect(screen.status?.isError == true)
        #expect(screen.status?.text.zh.contains("作废号票") == true)
    }

    @Test func aCaseAtRiskOpensInTheCaseSheet() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.char("3")], on: &screen, &model)
        guard let first = screen.view.cases.first else { Issue.record("no case at risk"); return }
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.mode == .caseDetail(first.entry.record.number))
        let text = screen.frame(context: SupervisorFixture.context(.zh, 80, 24)).lines().joined(separator: "\n")
        #expect(text.contains(first.entry.record.number))
    }

    @Test func theChartsUseOnlyOneColumnGlyphs() {
        for glyph in SupervisorCharts.glyphs { #expect(DisplayWidth.of(glyph) == 1 && glyph.unicodeScalars.allSatisfy(\.isASCII)) }
    }

    @Test func overdueIsMarkedNotOnlyColoured() throws {
        let (_, screen) = try hall.screen()
        let lines = screen.frame(context: SupervisorFixture.context(.en, 80, 24)).lines()
        // Line A's head has waited past its 15 minutes: "!" on its tab and its row.
        #expect(lines[1].contains("1 Lines!"))
        #expect(lines.contains { $0.contains("!A") })
    }

    @Test func everyPanelFitsItsWidthInBothLayouts() throws {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60), Size(width: 120, height: 40)] {
            var (model, screen) = try hall.screen(size: size)
            for n in 1...6 {
                try hall.press([.char(Character(String(n)))], on: &screen, &model)
                for language in [Language.zh, .en] {
                    for line in screen.frame(context: SupervisorFixture.context(language, size.width, size.height)).lines() {
                        #expect(DisplayWidth.of(line) == size.width, "\(line)")
                    }
                }
            }
        }
    }
}

@Suite struct SupervisorScreenDocTests {
    @Test func everyBindingIsDocumentedAndNothingElse() throws {
        let doc = "docs/TUI.md"
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: hall") == DocumentedKeys.names(SupervisorScreen.hallKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: line") == DocumentedKeys.names(SupervisorScreen.lineKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: window") == DocumentedKeys.names(SupervisorScreen.windowKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: case") == DocumentedKeys.names(SupervisorScreen.caseKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: bad review") == DocumentedKeys.names(SupervisorScreen.reviewKeys))
        #expect(try DocumentedKeys.table(in: doc, under: "### Supervisor's screen keys: complaint") == DocumentedKeys.names(SupervisorScreen.complaintKeys))
    }
}
