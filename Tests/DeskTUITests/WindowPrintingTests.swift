import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The window's message after an intake, and printing the intake's documents, which does not freeze the window:
/// `print_command` runs on a thread of its own, the screen goes on answering keys, and the outcome ("已送打印" / "打印失败: …") reaches the status line at a poll.
@Suite struct WindowPrintingTests {
    let database: HallDatabase
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!
    static let size = Size(width: 80, height: 24)

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: .fixed(Self.now))
        try DemoActors.seed(database)
    }

    /// Window 1 (S01) serving A001 after an intake of 企业设立登记 (accepted with every material, unless `decision`,
    /// `missing` and `representative` say otherwise), its documents printed with `command`.
    func afterIntake(printing command: String, _ decision: IntakeDecisionKind = .accept, missing: [Int] = [],
                     representative: Representative = .none) throws -> (WindowScreenModel, WindowScreen) {
        var settings = try database.settings()
        settings.printCommand = command
        try database.updateSettings(settings, by: try DemoActors.bound(database))
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        var model = WindowScreenModel(database: database, windowID: 1)
        model.wallClock = { Self.now }
        var screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        for key in [Key.char("n"), .f(4)] {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen, size: Self.size) }
        }
        #expect(screen.view.current?.ticket.state == .serving)
        let item = try #require(try database.catalog().items.first { $0.name == "企业设立登记" })
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        for p in missing { checklist[p] = ChecklistEntry(.missing) }
        var request = IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode,
                                    applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil,
                                                                         today: CivilDate(year: 2026, month: 3, day: 2)!),
                                    checklist: checklist, decision: decision)
        request.representative = representative
        _ = try model.apply(.takeIn(request), to: &screen, size: Self.size)
        return (model, screen)
    }

    @Test func aPrintCommandThatHangsLeavesTheScreenAnsweringKeysAndIsStoppedAfterItsTime() throws {
        var (model, screen) = try afterIntake(printing: "sleep 30")
        #expect(screen.status?.message.zh.hasSuffix("正在打印文书 1 份…") == true)
        // The next key's effect happens while the printer still runs: f finishes the ticket.
        for effect in screen.handle(.char("f")) { _ = try model.apply(effect, to: &screen, size: Self.size) }
        #expect(try database.ticket(code: "A001").state == .finished)
        #expect(screen.status?.message == UIText.resultFinished("A001"))
        let job = try #require(model.printJobs.first)
        #expect(job.outcome == nil)
        // Past its time the poll stops it and says so.
        model.wallClock = { Self.now.addingTimeInterval(PrintJob.defaultTimeout + 1) }
        #expect(try model.poll(&screen, size: Self.size))
        #expect(screen.status?.isError == true)
        #expect(screen.status?.message.zh == "打印失败。重印：desk case document HD-20260302-0001。（“sleep 30”超时未完成，已停止。）")
        #expect(job.outcome == .timedOut(command: "sleep 30") && model.printJobs.isEmpty)
    }

    @Test func theOutcomeReachesTheStatusLineAtAPoll() throws {
        var (model, screen) = try afterIntake(printing: "cat > /dev/null")
        try #require(model.printJobs.first).wait()
        #expect(try model.poll(&screen, size: Self.size))
        #expect(screen.status?.isError == false)
        #expect(screen.status?.message.zh == "已受理：办件编号 HD-20260302-0001。已送打印：文书 1 份。")
    }

    @Test func aFailingPrintCommandIsReportedWithItsStatus() throws {
        var (model, screen) = try afterIntake(printing: "exit 3")
        try #require(model.printJobs.first).wait()
        _ = try model.poll(&screen, size: Self.size)
        #expect(screen.status?.isError == true)
        #expect(screen.status?.message.zh == "打印失败。重印：desk case document HD-20260302-0001。（“exit 3”退出状态 3。）")
        // At 80 columns the status line keeps the reprint command whole, in both languages.
        for language in Language.allCases {
            let lines = screen.frame(context: WindowFixture.context(language, 80, 24)).lines()
            #expect(lines.contains { $0.contains("desk case document HD-20260302-0001") }, "\(lines.joined(separator: "\n"))")
        }
    }

    /// The window's message after an intake decision says what the clerk tells the person at the counter: for 容缺 the
    /// day the missing materials are due, and who spoke for the applicant (nothing printed: the documents kept).
    @Test(arguments: [Language.zh, Language.en])
    func aToleratedIntakeSaysTheSupplementDeadlineAndTheRepresentative(_ language: Language) throws {
        let agent = Representative(kind: .authorisedAgent, name: "李四", idNumber: CaseScreenFixture.residentID("11010119900307447"),
                                   authorisation: "代为办理设立登记")
        let (_, screen) = try afterIntake(printing: "", .tolerate, missing: [4, 5], representative: agent)
        let due = try #require(try database.caseDetail(number: "HD-20260302-0001").record.supplementDue)
        let message = try #require(screen.status?.message)
        #expect(message.zh.contains("补齐截止 \(due)") && message.zh.contains("委托代理人 李四"), "\(message.zh)")
        #expect(message.en.contains("Supplements due \(due)") && message.en.contains("Authorised agent 李四"), "\(message.en)")
        // On the status row at 80 columns the date is never cut off; in Chinese the agent fits too (in English the
        // row is cut at a word after the date: the agent is read at 100 columns).
        let row = screen.frame(context: WindowFixture.context(language, 80, 24)).lines()[21]
        #expect(row.contains(due.description) && (language == .en || row.contains("委托代理人 李四")), "\(row)")
        let wide = screen.frame(context: WindowFixture.context(language, 100, 30)).lines()[27]
        #expect(wide.contains(due.description) && wide.contains("李四"), "\(wide)")
    }

    /// Printing failed after a 容缺 intake by an agent: the failure comes first with its reprint command (the thing
    /// to act on), then what the success message said (the 容缺 date, the representative), then what the print
    /// command did. At 80 columns the reprint command is whole and the row is cut at a word; in Chinese the date fits
    /// there and the agent at 100.
    @Test(arguments: [Language.zh, Language.en])
    func aFailedPrintKeepsTheSupplementDeadlineAndTheRepresentative(_ language: Language) throws {
        let agent = Representative(kind: .authorisedAgent, name: "李四", idNumber: CaseScreenFixture.residentID("11010119900307447"),
                                   authorisation: "代为办理设立登记")
        var (model, screen) = try afterIntake(printing: "exit 127", .tolerate, missing: [4, 5], representative: agent)
        try #require(model.printJobs.first).wait()
        _ = try model.poll(&screen, size: Self.size)
        let due = try #require(try database.caseDetail(number: "HD-20260302-0001").record.supplementDue)
        let message = try #require(screen.status).message
        #expect(screen.status?.isError == true)
        #expect(message.zh == "打印失败。重印：desk case document HD-20260302-0001。补齐截止 \(due)。委托代理人 李四。（“exit 127”退出状态 127。）")
        #expect(message.en == "Printing failed. Reprint: desk case document HD-20260302-0001. Supplements due \(due). Authorised agent 李四."
                + " ('exit 127' exited with status 127.)")
        let row = screen.frame(context: WindowFixture.context(language, 80, 24)).lines()[21]
        #expect(row.contains("desk case document HD-20260302-0001") && (language == .en || row.contains("补齐截止 \(due)")), "\(row)")
        // Cut at a word: what is shown before "…" is the message up to a space.
        let shown = row.trimmingCharacters(in: .whitespaces)
        #expect(shown.hasSuffix("…") && message.text(language).hasPrefix(String(shown.dropLast())), "\(row)")
        let wide = screen.frame(context: WindowFixture.context(language, 100, 30)).lines()[27]
        #expect(wide.contains(due.description) && (language == .en || wide.contains("委托代理人 李四")), "\(wide)")
    }

    @Test func anAcceptanceInPersonSaysNeither() throws {
        let (_, screen) = try afterIntake(printing: "")
        let message = try #require(screen.status?.message)
        #expect(message.zh.hasPrefix("已受理：办件编号 HD-20260302-0001。"), "\(message.zh)")
        #expect(!message.zh.contains("补齐截止") && !message.zh.contains("代理人"), "\(message.zh)")
    }
}
