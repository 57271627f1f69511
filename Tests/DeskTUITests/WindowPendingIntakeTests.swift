import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The clerk's "materials received, checking" intakes on the window screen: the line with the days left, `d` to
/// decide one through the intake form's checklist and decision, and the art. 32 conversion when the screen loads.
@Suite struct WindowPendingIntakeTests {
    static let size = Size(width: 80, height: 24)

    // MARK: Pure: the line and the key

    @Test func thePendingLineTakesTheHeldBoxsLastRow() {
        var screen = WindowScreen(view: WindowFixture.view())
        screen.pending = [WindowScreen.PendingRow(reference: "HD-20260302-R000001", daysLeft: 0),
                          WindowScreen.PendingRow(reference: "HD-20260302-R000002", daysLeft: 3)]
        let lines = screen.frame(context: WindowFixture.context(.zh)).lines(marking: .bigDigit)
        var expected = WindowScreenSnapshotTests.zh80x24
        expected[19] = "| 待决定 2 件，1 件今日到期 [d]      |" + String(expected[19].dropFirst(38))
        #expect(lines == expected)
        screen.pending.removeFirst()
        let en = screen.frame(context: WindowFixture.context(.en)).lines(marking: .bigDigit)
        #expect(en[19].hasPrefix("| To decide: 1 [d]                   |"))
    }

    @Test func dOpensTheMostUrgentOnlyWhenThereIsOne() {
        var screen = WindowScreen(view: WindowFixture.view())
        #expect(screen.handle(.char("d")).isEmpty)
        #expect(screen.status == WindowScreen.Status(UIText.pendingNone, isError: true))
        screen.pending = [WindowScreen.PendingRow(reference: "HD-20260302-R000001", daysLeft: 2)]
        #expect(screen.handle(.char("d")) == [.openPending])
    }

    // MARK: Against a hall

    /// A demo hall whose clock reads `now`; `printCommand` empty (documents kept only).
    func hall(_ path: String, now: String) throws -> HallDatabase {
        try HallDatabase.open(path: path, clock: .fixed(HallClock.parseISO8601(now)!))
    }

    func newHallPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("hall.sqlite").path
    }

    /// S01 serves a ticket at window 1 and records "received, checking" for 企业设立登记 with every material in.
    func recordPending(_ database: HallDatabase) throws -> String {
        let s01 = try DemoActors.bound(database, at: .window(1))
        let code = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk).ticket.code
        _ = try database.callSpecific(window: 1, code: code, by: s01)
        _ = try database.start(window: 1, by: s01)
        let item = try #require(try database.catalog().items.first { $0.name == "企业设立登记" })
        let today = try CivilDate(parsing: database.today())
        let outcome = try database.takeIn(IntakeRequest(
            ticketCode: code, itemCode: item.implementationCode,
            applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: today),
            checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .pending), by: s01)
        _ = try database.finish(window: 1, by: s01)
        return outcome.reference
    }

    func start(_ database: HallDatabase) throws -> (WindowScreenModel, WindowScreen) {
        var model = WindowScreenModel(database: database, windowID: 1)
        let screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        return (model, screen)
    }

    @Test func dDecidesAPendingIntakeThroughTheFormsChecklistAndDecision() throws {
        let database = try hall(try newHallPath(), now: "2026-03-02T09:30:00+08:00")
        try DemoActors.seed(database)
        var settings = try database.settings()
        settings.printCommand = ""
        try database.updateSettings(settings, by: try DemoActors.bound(database))
        let reference = try recordPending(database)
        var (model, screen) = try start(database)
        // Monday 2026-03-02: 5 working days to decide.
        #expect(screen.pending == [WindowScreen.PendingRow(reference: reference, daysLeft: 5)])
        // d: the form at the checklist, filled in as recorded; Tab to the decisions, Enter accept, Enter confirm.
        for key in [Key.char("d"), .tab, .enter, .enter] {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen, size: Self.size) }
            if key == .char("d") {
                #expect(screen.intake?.deciding == reference && screen.intake?.step == .materials)
                #expect(screen.intake?.item?.name == "企业设立登记")
            }
        }
        #expect(screen.intake == nil)
        #expect(screen.status?.message.zh.hasPrefix("已受理") == true, "\(String(describing: screen.status))")
        #expect(try screen.pending.isEmpty && database.pendingIntakes().isEmpty)
        #expect(try database.cases(CaseListFilter()).count == 1)
    }

    @Test func theChoiceReceivedCheckingIsRefusedWhenDeciding() throws {
        let database = try hall(try newHallPath(), now: "2026-03-02T09:30:00+08:00")
        try DemoActors.seed(database)
        _ = try recordPending(database)
        var (model, screen) = try start(database)
        for effect in screen.handle(.char("d")) { _ = try model.apply(effect, to: &screen, size: Self.size) }
        _ = screen.handle(.tab)
        // The last decision is "received, checking".
        for _ in 0..<IntakeDecisionKind.allCases.count { _ = screen.handle(.down) }
        #expect(screen.handle(.enter).isEmpty)
        #expect(screen.intake?.step == .decision && screen.intake?.message?.isError == true)
        // Esc back to the checklist, Esc again closes: nothing written.
        _ = screen.handle(.escape)
        _ = screen.handle(.escape)
        #expect(try screen.intake == nil && database.pendingIntakes().count == 1)
    }

    @Test func signingInConvertsOverduePendingIntakesOnce() throws {
        let path = try newHallPath()
        let monday = try hall(path, now: "2026-02-23T09:30:00+08:00")
        try DemoActors.seed(monday)
        _ = try recordPending(monday)
        // Five working days after 2026-02-23 is 2026-03-02; on 03-03 the intake counts as accepted (art. 32).
        let later = try hall(path, now: "2026-03-03T09:30:00+08:00")
        let (_, screen) = try start(later)
        #expect(try screen.pending.isEmpty && later.pendingIntakes().isEmpty)
        let cases = try later.cases(CaseListFilter())
        #expect(cases.count == 1 && cases.first?.record.acceptedOn == CivilDate(year: 2026, month: 2, day: 23))
        _ = try start(later)
        #expect(try later.cases(CaseListFilter()).count == 1)
    }
}
