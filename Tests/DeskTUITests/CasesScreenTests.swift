import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The case screen: state + key → state and effects, on a real demo hall (the effects performed by
/// `CasesScreenModel` as the run loop does). Which actions are offered comes from the case rules.
@Suite struct CasesScreenTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    @Test func aReviewersQueueHoldsTheAcceptedCasesNobodyTookEarliestDeadlineFirst() throws {
        let (_, screen) = try hall.screen("R01")
        #expect(screen.mode == .list && screen.view.query.mine)
        #expect(screen.view.entries.map(\.record.number) == hall.numbers)
        #expect(screen.view.entries.first?.applicant == "张*丰")
        // An approver has nothing yet: nothing is under approval.
        let (_, approver) = try hall.screen("C01")
        #expect(approver.view.entries.isEmpty)
    }

    @Test func tabShowsAllCasesAndThePickersFilter() throws {
        var (model, screen) = try hall.screen("C01")
        #expect(screen.handle(.tab) == [.reload(CasesQuery(mine: false))])
        _ = try model.apply(.reload(CasesQuery(mine: false)), to: &screen)
        #expect(screen.view.entries.count == 2)
        // s: the state picker; 3 is underReview (1 = any, 2 = accepted): nobody is reviewing yet.
        #expect(screen.handle(.char("s")).isEmpty && screen.picker != nil)
        let effects = screen.handle(.char("3"))
        #expect(effects == [.reload(CasesQuery(mine: false, state: .underReview))] && screen.picker == nil)
        for effect in effects { _ = try model.apply(effect, to: &screen) }
        #expect(screen.view.entries.isEmpty)
        // c clears the filters, the scope stays.
        #expect(screen.handle(.char("c")) == [.reload(CasesQuery(mine: false))])
        _ = try model.apply(.reload(CasesQuery(mine: false)), to: &screen)
        // The state picker's last choice is the side state "awaiting supplements (容缺)", not a state.
        _ = screen.handle(.char("s"))
        _ = screen.handle(.end)
        var awaiting = CasesQuery(mine: false)
        awaiting.awaitingSupplements = true
        let chosen = screen.handle(.enter)
        #expect(chosen == [.reload(awaiting)])
        for effect in chosen { _ = try model.apply(effect, to: &screen) }
        #expect(screen.view.query.awaitingSupplements && screen.view.query.state == nil && screen.view.query.hasFilters)
        #expect(screen.view.entries.allSatisfy { $0.record.tolerated })
    }

    @Test func theDetailOffersOnlyWhatTheRulesAllowAndARefusedKeySaysTheRule() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.mode == .detail && screen.detail?.record.number == hall.numbers[0])
        #expect(screen.offeredActions == [.startReview])
        // Approving is not possible now (and not a reviewer's): the rule's message, nothing written.
        #expect(screen.handle(.char("a")).isEmpty)
        #expect(screen.status?.isError == true)
        #expect(screen.status?.text == CaseRuleError.illegalTransition(from: .accepted, action: .approve).message)
        #expect(CasesScreen.detailKeys.keyBarItems(screen).filter(\.enabled).map(\.keys) == ["Up/Down", "t", "d", "Esc/Backspace", "?/F1", "q/F10"])
    }

    @Test func aReviewerTakesTheCaseAndSubmitsTheOpinionThroughTheForm() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter], on: &screen, &model)
        let number = hall.numbers[0]
        // t asks first (a stray key never moves a case); Enter takes it.
        #expect(screen.handle(.char("t")).isEmpty && screen.confirming == .startReview)
        #expect(screen.handle(.enter) == [.act(number, .startReview)] && screen.confirming == nil)
        _ = try model.apply(.act(number, .startReview), to: &screen)
        #expect(screen.detail?.record.state == .underReview)
        #expect(screen.status?.text == UIText.casesDone(.startReview, number, .underReview))
        #expect(screen.offeredActions.contains(.submitReview))
        // o opens the form; an empty opinion is refused in the form (the rule's check), nothing sent.
        #expect(screen.handle(.char("o")).isEmpty && screen.formAction == .submitReview)
        #expect(screen.handle(.enter).isEmpty)
        #expect(screen.form?.fields.first?.error != nil)
        for key in [Key].typed("材料齐全") { #expect(screen.handle(key).isEmpty) }
        #expect(screen.handle(.enter) == [.act(number, .submitReview(opinion: "材料齐全"))])
        #expect(screen.form == nil)
        _ = try model.apply(.act(number, .submitReview(opinion: "材料齐全")), to: &screen)
        #expect(screen.detail?.record.state == .underApproval)
        #expect(try hall.database.caseDetail(number: number).events.map(\.kind).suffix(2) == ["case_review_started", "case_reviewed"])
    }

    @Test func escapeLeavesTheFormAndWritesNothing() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter, .char("t"), .enter, .char("o")] + .typed("同意"), on: &screen, &model)
        let before = try hall.database.caseDetail(number: hall.numbers[0]).events.count
        #expect(screen.handle(.escape).isEmpty && screen.form == nil && screen.mode == .detail)
        #expect(try hall.database.caseDetail(number: hall.numbers[0]).events.count == before)
    }

    @Test func anApproverApprovesAndAClerkIssuesButNotWhileMaterialsAreOutstanding() throws {
        for number in hall.numbers { _ = try hall.database.review(caseNumber: number, opinion: "同意", by: hall.actor("R01")) }
        var (model, screen) = try hall.screen("C01")
        #expect(screen.view.entries.count == 2)
        try hall.press([.enter, .char("a")] + .typed("符合条件，准予许可") + [.enter], on: &screen, &model)
        #expect(screen.detail?.record.state == .approved)
        // S01 (clerk at window 1, supervisor) issues the first; the 容缺 case waits for its materials.
        var (clerkModel, clerk) = try hall.screen("S01")
        try hall.press([.tab], on: &clerk, &clerkModel)
        #expect(clerk.view.entries.count == 2)
        // Decided, the first case counts against its result deadline (03-16): the 容缺 case (promised 03-03) comes first.
        #expect(clerk.view.entries.map(\.record.number) == [hall.numbers[1], hall.numbers[0]])
        try hall.press([.down, .enter], on: &clerk, &clerkModel)
        #expect(clerk.detail?.record.number == hall.numbers[0] && clerk.offeredActions.contains(.issueResult))
        try hall.press([.char("i"), .enter], on: &clerk, &clerkModel)
        #expect(clerk.detail?.record.state == .resultIssued)
        try hall.press([.escape, .home, .enter], on: &clerk, &clerkModel)
        #expect(clerk.detail?.record.number == hall.numbers[1])
        #expect(!clerk.offeredActions.contains(.issueResult))
        // Under approval: a clerk may record a supplement; the picker lists the outstanding materials only.
        #expect(clerk.offeredActions.contains(.supplement))
        try hall.press([.char("m")], on: &clerk, &clerkModel)
        #expect(clerk.picker?.options.map(\.value) == [.material(4), .material(5)])
        try hall.press([.char("1")], on: &clerk, &clerkModel)
        #expect(try hall.database.caseDetail(number: hall.numbers[1]).facts.outstandingMaterials == [5])
    }

    @Test func theSuspensionPickerLeavesOutTheSweepsReason() throws {
        var (model, screen) = try hall.screen("S01")
        try hall.press([.tab, .enter, .char("s")], on: &screen, &model)
        #expect(screen.picker?.options.map(\.value) == [.suspension(.hearing), .suspension(.testing), .suspension(.expertReview)])
        try hall.press([.char("3")], on: &screen, &model)
        #expect(screen.detail?.record.state == .suspended)
        #expect(screen.offeredActions.contains(.resume))
    }

    @Test func theDocumentIsReadAndScrolled() throws {
        var (model, screen) = try hall.screen("R01", size: Size(width: 80, height: 24))
        try hall.press([.enter, .char("d")], on: &screen, &model)
        #expect(screen.mode == .document(0))
        let lines = screen.documentLines
        #expect(lines.contains { $0.contains("受理通知书") })
        try hall.press([.pageDown], on: &screen, &model)
        #expect(screen.scrollTop == min(20, max(0, lines.count - 20)))
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.mode == .detail)
    }

    @Test func anotherProcessesCommitIsPickedUpByThePoll() throws {
        var (model, screen) = try hall.screen("R01")
        #expect(try model.poll(&screen) == false)
        // Another connection (another terminal) takes the first case.
        let other = try HallDatabase.open(path: hall.database.path, clock: .fixed(CaseScreenFixture.now))
        _ = try other.act(onCase: hall.numbers[0], .startReview, by: other.authenticate(staff: "R02", password: "demo-R02", at: .cli))
        #expect(try model.poll(&screen) == true)
        #expect(screen.view.entries.map(\.record.number) == [hall.numbers[1]])
    }
}

/// The sweep when the screen opens: run by a person who may (S01, supervisor), not by a reviewer; idempotent.
@Suite struct CasesScreenSweepTests {
    @Test func openingTheScreenSweepsOnlyWhenThePersonMayAndOnlyOnce() throws {
        let hall = try CaseScreenFixture()
        // Thursday 2026-03-05: the 容缺 case's supplements were due on 03-03.
        let later = try HallDatabase.open(path: hall.database.path, clock: .fixed(HallClock.parseISO8601("2026-03-05T09:30:00+08:00")!))
        let reviewer = try CasesScreenModel(database: later, actor: later.authenticate(staff: "R01", password: "demo-R01", at: .cli))
        #expect(try reviewer.sweepOnOpening() == nil)
        #expect(try later.caseDetail(number: hall.numbers[1]).record.state == .accepted)
        var supervisor = try CasesScreenModel(database: later, actor: DemoActors.bound(later))
        let screen = try supervisor.start()
        #expect(screen.status?.text == UIText.casesSwept(converted: 0, steps: 1))
        #expect(try later.caseDetail(number: hall.numbers[1]).record.state == .suspended)
        #expect(try supervisor.sweepOnOpening() == nil)
    }
}
