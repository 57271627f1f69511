import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The job's detail on the agent's screen: its material ledger and contact log, the handover form (`h`), printing the
/// receipt (`p`, `r`), the contact form (`c`) and closing the job (`x`) — the keys, the writes they make through the
/// store, and a refusal shown on the screen, never thrown.
@Suite struct AgentLedgerScreenTests {
    let hall: AgentScreenFixture
    init() throws { hall = try AgentScreenFixture() }

    /// P01 on 张三丰's job (the first case, accepted in full).
    func openFirstJob(_ staff: String = "P01", size: Size = Size(width: 80, height: 24)) throws -> (AgentScreenModel, AgentScreen) {
        var (model, screen) = try hall.screen(staff, size: size)
        let index = try #require(screen.view.jobs.firstIndex { $0.caseRecord?.number == hall.numbers[0] })
        try hall.press(Array(repeating: Key.down, count: index) + [.enter], on: &screen, &model)
        #expect(screen.mode == .detail)
        return (model, screen)
    }

    var jobNumber: String { "DB-20260302-0001" }

    func text(_ screen: AgentScreen, _ language: Language = .zh, _ width: Int = 80, _ height: Int = 24) -> [String] {
        screen.frame(context: AgentScreenFixture.context(language, width, height)).lines()
    }

    func setPrintCommand(_ command: String) throws {
        var settings = try hall.database.settings()
        settings.printCommand = command
        try hall.database.updateSettings(settings, by: try DemoActors.bound(hall.database))
    }

    /// h, applicant → agent, the first material as an original, the second as 2 copies, the names as prefilled, confirm.
    static let recordTwoLines: [Key] = [.char("h"), .enter, .char(" "), .down, .char(" "), .char(" "), .enter, .backspace, .char("2"), .enter,
                                        .tab, .enter, .enter, .enter]

    @Test func theDetailShowsTheLedgerWithWhatIsOutAndTheContactLog() throws {
        let p01 = try hall.actor("P01")
        _ = try hall.database.recordMaterialHandover(try MaterialHandoverRequest(
            jobNumber: jobNumber, from: .applicant, to: .agent, lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2), form: .copy, copies: 2)]),
            by: p01)
        _ = try hall.database.recordContact(jobNumber: jobNumber, how: .phone, note: "约定周三上午交营业执照原件",
                                            next: CivilDate(year: 2026, month: 3, day: 4), by: p01)
        let (_, screen) = try openFirstJob()
        #expect(screen.view.detail?.ledger.count == 1 && screen.view.detail?.contacts.count == 1)
        let lines = text(screen)
        #expect(lines.contains { $0.contains("材料交接台账") })
        #expect(lines.contains { $0.contains("2026-03-02 09:30  JJ-20260302-0001  申请人 张*丰 → 代办员 吴晓燕") })
        #expect(lines.contains { $0.contains("第2项") && $0.contains("复印件 2 份") })
        #expect(lines.contains { $0.contains("原件在代办员处：第1项") })
        let all = AgentJobSheet(detail: try #require(screen.view.detail), desk: screen.view.desk, language: .en, width: 78).lines.map(\.text)
        #expect(all.contains { $0.contains("Contact log") })
        #expect(all.contains { $0.contains("phone  P01  next 2026-03-04") })
        #expect(all.contains { $0.contains("约定周三上午交营业执照原件") })
        #expect(all.contains { $0.contains("Originals with the agent: No. 1") })
    }

    @Test func hRecordsAHandoverThroughTheFormAndTellsTheReceiptNumber() throws {
        var (model, screen) = try openFirstJob()
        try hall.press([.char("h")], on: &screen, &model)
        #expect(screen.handoverForm?.step == .direction)
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.handoverForm?.step == .materials && screen.handoverForm?.direction == .init(from: .applicant, to: .agent))
        // Tab with nothing marked: the ledger's own message, the form stays.
        try hall.press([.tab], on: &screen, &model)
        #expect(screen.handoverForm?.step == .materials && screen.handoverForm?.message == MaterialLedgerError.noLines.message)
        try hall.press([.char(" "), .down, .char(" "), .char(" "), .enter, .backspace, .char("2"), .enter, .tab], on: &screen, &model)
        let form = try #require(screen.handoverForm)
        #expect(form.step == .names && form.names.text(.from) == "张*丰" && form.names.text(.to) == "吴晓燕")
        try hall.press([.enter, .enter], on: &screen, &model)
        #expect(screen.handoverForm?.step == .confirm)
        #expect(screen.handoverForm?.summary(.zh) == ["申请人 张*丰 → 代办员 吴晓燕", "  第1项 公司登记（备案）申请书  原件 1 份",
                                                      "  第2项 公司章程  复印件 2 份"])
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.handoverForm == nil)
        #expect(screen.status?.text == UIText.agentHandoverRecorded("JJ-20260302-0001") && screen.status?.isError == false)
        let ledger = try hall.database.materialLedger(jobNumber: jobNumber)
        #expect(ledger.count == 1 && ledger[0].lines.map(\.copies) == [1, 2] && ledger[0].lines.map(\.form) == [.original, .copy])
        #expect(screen.view.detail?.ledger.count == 1 && screen.mode == .detail)
        #expect(text(screen).contains { $0.contains("原件在代办员处：第1项 公司登记（备案）申请书") })
    }

    @Test func theFormMarksTheOriginalsTheGiverHoldsWhenTheyGoBack() throws {
        var (model, screen) = try openFirstJob()
        try hall.press(Self.recordTwoLines, on: &screen, &model)
        // Agent → applicant (the 4th direction): the original the agent holds is marked already.
        try hall.press([.char("h"), .down, .down, .down, .enter], on: &screen, &model)
        let rows = try #require(screen.handoverForm?.checklist.rows)
        #expect(rows.map(\.mark).prefix(3) == [.original, .notHanded, .notHanded])
        try hall.press([.tab, .enter, .enter, .enter], on: &screen, &model)
        #expect(try MaterialLedger.originalsOut(hall.database.materialLedger(jobNumber: jobNumber)).isEmpty)
        #expect(text(screen).contains { $0.contains("已平衡：没有原件留在大厅或代办员处。") })
    }

    @Test func aRefusedHandoverIsShownInTheFormNeverThrown() throws {
        var (model, screen) = try openFirstJob()
        // Agent → window with the window's name left empty: the store asks who signed for the window.
        try hall.press([.char("h"), .down, .enter, .char(" "), .tab, .enter, .enter, .enter], on: &screen, &model)
        #expect(screen.handoverForm?.step == .confirm)
        #expect(screen.handoverForm?.message == MaterialLedgerError.nameNeeded(.window).message)
        #expect(try hall.database.materialLedger(jobNumber: jobNumber).isEmpty)
        #expect(text(screen).contains { $0.contains("请写明窗口签字人的姓名。") })
        // Back to the names (the window's field has the focus), the clerk's name typed: recorded.
        try hall.press([.escape] + "王窗口".map { Key.char($0) } + [.enter, .enter], on: &screen, &model)
        #expect(screen.handoverForm == nil && screen.status?.isError == false)
        #expect(try hall.database.materialLedger(jobNumber: jobNumber).first?.toName == "王窗口")
    }

    @Test func pPrintsTheReceiptWithThePrintCommandAndAFailureKeepsItsNumber() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-receipt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let printed = folder.appendingPathComponent("printed.txt").path
        try setPrintCommand("cat > '\(printed)'")
        var (model, screen) = try openFirstJob()
        try hall.press([.char("p")], on: &screen, &model)
        #expect(screen.status?.text == UIText.agentNoReceipt && screen.status?.isError == true)
        try hall.press(Self.recordTwoLines + [.char("p")], on: &screen, &model)
        #expect(screen.status?.text == UIText.agentReceiptPrinting("JJ-20260302-0001"))
        for job in model.printJobs { job.job.wait() }
        #expect(try model.poll(&screen))
        #expect(screen.status?.text == UIText.agentReceiptPrinted("JJ-20260302-0001") && screen.status?.isError == false)
        let receipt = try String(contentsOfFile: printed, encoding: .utf8)
        #expect(receipt.contains("交接单") && receipt.contains("JJ-20260302-0001"))

        // r: the ledger's receipts, newest first; a failing command says so, the number and the reprint command first.
        try setPrintCommand("exit 3")
        try hall.press([.char("r")], on: &screen, &model)
        #expect(screen.choice?.options.map(\.value) == [.receipt("JJ-20260302-0001")])
        try hall.press([.enter], on: &screen, &model)
        for job in model.printJobs { job.job.wait() }
        #expect(try model.poll(&screen))
        let status = try #require(screen.status)
        #expect(status.isError && status.text.zh.hasPrefix("交接单 JJ-20260302-0001 打印失败。重印：desk handover receipt JJ-20260302-0001。"))
    }

    @Test func cRecordsAContactAndABadDayIsTheFieldsError() throws {
        var (model, screen) = try openFirstJob()
        try hall.press([.char("c")], on: &screen, &model)
        #expect(screen.choice?.options.map(\.value) == ContactMethod.allCases.map { .method($0) })
        try hall.press([.char("2")] + "约定明日面交原件".map { Key.char($0) } + [.enter] + "2026-3-x".map { Key.char($0) } + [.enter],
                       on: &screen, &model)
        #expect(screen.contactForm?.fields.last?.error == UIText.agentContactBadDate)
        try hall.press([.ctrl("u")] + "2026-03-03".map { Key.char($0) } + [.enter], on: &screen, &model)
        #expect(screen.contactForm == nil && screen.status?.text == UIText.agentContactRecorded(.visit))
        let log = try hall.database.contacts(jobNumber: jobNumber)
        #expect(log.count == 1 && log[0].how == .visit && log[0].note == "约定明日面交原件" && log[0].next == CivilDate(year: 2026, month: 3, day: 3))
        #expect(screen.view.detail?.contacts.count == 1)
    }

    @Test func xClosesTheJobOnlyOnceItsCaseIsFinishedAndTheOriginalsAreBack() throws {
        var (model, screen) = try openFirstJob()
        try hall.press(Self.recordTwoLines + [.char("x")], on: &screen, &model)
        #expect(screen.confirmingClose)
        try hall.press([.enter], on: &screen, &model)
        let refusal = try #require(screen.status)
        #expect(refusal.isError && refusal.text.zh.contains("尚未办结") && refusal.text.zh.contains("第1项 公司登记（备案）申请书"),
                "\(refusal.text.zh)")
        #expect(screen.mode == .detail)
        // The original back to the applicant: still refused, now only because the case is not finished.
        try hall.press([.char("h"), .down, .down, .down, .enter, .tab, .enter, .enter, .enter, .char("x"), .enter], on: &screen, &model)
        let stillOpen = try #require(screen.status)
        #expect(stillOpen.isError && stillOpen.text.zh.contains("尚未办结") && !stillOpen.text.zh.contains("第1项"), "\(stillOpen.text.zh)")
        // The applicant withdraws (a withdrawn case has no result to hand back): the job closes and leaves the list.
        _ = try hall.database.act(onCase: hall.numbers[0], .withdraw(reason: "申请人书面撤回"), by: try DemoActors.clerk(1, hall.database))
        try hall.press([.char("x"), .enter], on: &screen, &model)
        #expect(screen.status?.text == UIText.agentJobClosed(jobNumber))
        #expect(screen.mode == .list && !screen.view.jobs.contains { $0.job.number == jobNumber })
    }

    @Test func aSupervisorSeesTheSameAndAWriteTheStoreRefusesIsShown() throws {
        _ = try hall.database.recordMaterialHandover(try MaterialHandoverRequest(
            jobNumber: jobNumber, from: .applicant, to: .agent, lines: [MaterialLineInput(.listed(1))]), by: try hall.actor("P01"))
        var (agentModel, agentScreen) = try openFirstJob()
        // The supervisor: P01's job with its ledger; a contact recorded as M01.
        var (model, screen) = try openFirstJob("M01", size: Size(width: 100, height: 30))
        #expect(text(screen, .zh, 100, 30).contains { $0.contains("JJ-20260302-0001  申请人 张*丰 → 代办员 吴晓燕") })
        try hall.press([.char("c"), .char("1")] + "督办：请本周内送还原件".map { Key.char($0) } + [.enter, .enter], on: &screen, &model)
        #expect(try hall.database.contacts(jobNumber: jobNumber).last?.by == "M01")
        // The job moves to P02 while P01's screen shows it: P01's write is refused, and the form says why.
        _ = try hall.database.reassignProxyJob(jobNumber, to: .agent("P02"), reason: "调整", by: try hall.actor("M01"))
        try hall.press([.char("c"), .char("1")] + "已联系".map { Key.char($0) } + [.enter, .enter], on: &agentScreen, &agentModel)
        let refusal = try #require(agentScreen.status)
        #expect(refusal.isError && refusal.text.zh.contains("登记与申请人的联系") && agentScreen.mode == .list)
        #expect(try hall.database.contacts(jobNumber: jobNumber).count == 1)
    }
}
