import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The intake form through the run loop against a real hall: `a` opens it with the catalog and the hall's
/// settings, the number is looked up, the confirmation is one `takeIn`, and the documents go to `print_command`.
extension WindowScreenModelTests {
    /// The keys of a 容缺 intake of 企业设立登记 for a new person: core materials 1–3 provided, 4–6 missing.
    static var toleratedIntakeKeys: [Key?] {
        let text: (String) -> [Key?] = { $0.map { .char($0) } }
        return [.char("n"), .char("s"), .char("a")] + text("qysl") + [.enter] + text(IntakeFormTests.person) + [.tab]
            + text("张三丰") + [.enter, .enter, .char(" "), .down, .char(" "), .down, .char(" "), .tab, .enter, .enter, .enter]
    }

    func setPrintCommand(_ command: String) throws {
        var settings = try database.settings()
        settings.printCommand = command
        try database.updateSettings(settings, by: try DemoActors.bound(database))
    }

    @Test func aToleratedIntakeThroughTheFormOpensTheCaseAndPrintsItsDocuments() throws {
        let printed = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-printed-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: printed) }
        try setPrintCommand("cat >> '\(printed.path)'")
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let (terminal, screen, model) = try runKeepingModel(Self.toleratedIntakeKeys)
        #expect(screen.intake == nil)
        let lines = try #require(terminal.lastFrame).lines()
        // Printing runs in the background (WindowPrintingTests has its outcome on the status line).
        // The outcome may already have come by the last frame's poll.
        // The 容缺 supplement deadline follows the case number (what the clerk tells the applicant), then the printing.
        #expect(lines[21].hasPrefix(" 已容缺受理：办件编号 HD-20260302-0001。补齐截止 2026-03-03。正在打印文书 2 份…")
                || lines[21].hasPrefix(" 已容缺受理：办件编号 HD-20260302-0001。补齐截止 2026-03-03。已送打印：文书 2 份。"), "\(lines[21])")
        model.printJobs.first?.wait()
        let detail = try database.caseDetail(number: "HD-20260302-0001")
        #expect(detail.record.tolerated && detail.ticketCode == "A001")
        #expect(detail.record.supplementDue != nil)
        let text = try String(contentsOf: printed, encoding: .utf8)
        #expect(text.contains("容缺受理通知书") && text.contains("容缺受理承诺书"))
    }

    @Test func aPrintCommandThatFailsIsSaidAndTheCaseStands() throws {
        try setPrintCommand("exit 3")
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let (terminal, _, model) = try runKeepingModel(Self.toleratedIntakeKeys, language: .en)
        let lines = try #require(terminal.lastFrame).lines()
        #expect(lines[21].hasPrefix(" Case HD-20260302-0001: accept with deficiency. Supplements due 2026-03-03.")
                || lines[21].contains("Printing failed: 'exit 3' exited with status 3"),
                "\(lines[21])")
        if let job = model.printJobs.first {
            job.wait()
            #expect(job.check(now: Date()) == .failed(.failed(command: "exit 3", status: 3)))
        }
        #expect(try database.caseDetail(number: "HD-20260302-0001").record.tolerated)
    }

    @Test func aKnownApplicantIsFoundAgainByNumber() throws {
        try setPrintCommand("")
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try run(Self.toleratedIntakeKeys)
        // Another intake on the same ticket: typing the number fills the name and phone from the database.
        let text: (String) -> [Key?] = { $0.map { .char($0) } }
        let (terminal, screen) = try run([.char("a")] + text("qysl") + [.enter] + text(IntakeFormTests.person) + [.tab])
        #expect(screen.intake?.applicantForm.text(.name) == "张三丰")
        #expect(screen.intake?.knownApplicant?.idNumber == IntakeFormTests.person)
        #expect(try #require(terminal.lastFrame).lines()[21].hasPrefix(" 已登记的申请人 张三丰"))
    }

    /// "Received, checking": no case, the registration number, and the day it must be decided by (art. 32).
    @Test func aPendingIntakeSaysTheDayToDecideBy() throws {
        try setPrintCommand("")
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let text: (String) -> [Key?] = { $0.map { .char($0) } }
        let keys: [Key?] = [.char("n"), .char("s"), .char("a")] + text("qysl") + [.enter] + text(IntakeFormTests.person) + [.tab]
            + text("张三丰") + [.enter, .enter, .tab, .down, .down, .enter, .enter]
        let (terminal, screen) = try run(keys)
        #expect(screen.intake == nil)
        let status = try #require(terminal.lastFrame).lines()[21]
        #expect(status.hasPrefix(" 已记录材料已收，审查中：登记号 HD-20260302-R000001。须于 2026-03-09 前决定。"), "\(status)")
        #expect(try database.pendingIntakes().map(\.decideBy?.description) == ["2026-03-09"])
    }
}
