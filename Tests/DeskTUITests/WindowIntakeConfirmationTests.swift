import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The window's message after an intake decision says what the clerk tells the person at the counter: for 容缺 the
/// day the missing materials are due, and who spoke for the applicant (read whole on the status line at 80×24).
@Suite struct WindowIntakeConfirmationTests {
    let database: HallDatabase
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!
    static let size = Size(width: 80, height: 24)

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-confirm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: .fixed(Self.now))
        try DemoActors.seed(database)
    }

    /// Window 1 serving A001, then an intake of 企业设立登记 with `decision`, through the model as the form sends it.
    func afterIntake(_ decision: IntakeDecisionKind, missing: [Int], representative: Representative) throws -> WindowScreen {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        var model = WindowScreenModel(database: database, windowID: 1)
        model.wallClock = { Self.now }
        var screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        for key in [Key.char("n"), .f(4)] {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen, size: Self.size) }
        }
        let item = try #require(try database.catalog().items.first { $0.name == "企业设立登记" })
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        for p in missing { checklist[p] = ChecklistEntry(.missing) }
        var request = IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode,
                                    applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil,
                                                                         today: CivilDate(year: 2026, month: 3, day: 2)!),
                                    checklist: checklist, decision: decision)
        request.representative = representative
        _ = try model.apply(.takeIn(request), to: &screen, size: Self.size)
        return screen
    }

    @Test(arguments: [Language.zh, Language.en])
    func aToleratedIntakeSaysTheSupplementDeadlineAndTheRepresentative(_ language: Language) throws {
        let agent = Representative(kind: .authorisedAgent, name: "李四", idNumber: CaseScreenFixture.residentID("11010119900307447"),
                                   authorisation: "代为办理设立登记")
        let screen = try afterIntake(.tolerate, missing: [4, 5], representative: agent)
        let due = try #require(try database.caseDetail(number: "HD-20260302-0001").record.supplementDue)
        let message = try #require(screen.status?.message)
        #expect(message.zh.contains("补齐截止 \(due)") && message.zh.contains("委托代理人 李四"), "\(message.zh)")
        #expect(message.en.contains("Supplements due \(due)") && message.en.contains("Authorised agent 李四"), "\(message.en)")
        // On the status row at 80 columns the date is never cut off; in Chinese the agent fits too (in English the
        // row is cut at a word after the date: the agent is read at 100 columns).
        let row = screen.frame(context: RenderContext(language: language, now: Self.now, size: Self.size)).lines()[21]
        #expect(row.contains(due.description) && (language == .en || row.contains("委托代理人 李四")), "\(row)")
        let wide = screen.frame(context: RenderContext(language: language, now: Self.now, size: Size(width: 100, height: 30))).lines()[27]
        #expect(wide.contains(due.description) && wide.contains("李四"), "\(wide)")
    }

    @Test func anAcceptanceInPersonSaysNeither() throws {
        let screen = try afterIntake(.accept, missing: [], representative: .none)
        let message = try #require(screen.status?.message)
        #expect(message.zh.hasPrefix("已受理：办件编号 HD-20260302-0001。") || message.zh.contains("办件编号 HD-20260302-0001"))
        #expect(!message.zh.contains("补齐截止") && !message.zh.contains("代理人"), "\(message.zh)")
    }
}
