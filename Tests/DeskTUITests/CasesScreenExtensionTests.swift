import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// `e` (extend, a deputy director) on the case detail: the form says what the extension will do before anything is
/// written — the days added, the statutory (and promised) deadline before and after, that the reason is printed on the
/// 延长审批期限告知书 to the applicant — and the reason is confirmed (`ConfirmPrompt`) before the write.
@Suite struct CasesScreenExtensionTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    /// D01 on the first case's detail (企业设立登记: statutory 20 working days, extension 10).
    func onDetail(_ size: Size = Size(width: 80, height: 24)) throws -> (CasesScreenModel, CasesScreen) {
        var (model, screen) = try hall.screen("D01", size: size)
        if screen.view.query.mine { try hall.press([.tab], on: &screen, &model) }
        let row = try #require(screen.view.entries.firstIndex { $0.record.number == hall.numbers[0] })
        try hall.press(Array(repeating: .down, count: row) + [.enter], on: &screen, &model)
        #expect(screen.detail?.record.number == hall.numbers[0] && screen.offers(.extend))
        return (model, screen)
    }

    func check(_ actual: [String], _ expected: [String], _ name: String) {
        if actual != expected {
            print("SNAPSHOT \(name) = [\n" + actual.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]")
        }
        #expect(actual == expected, "\(name)")
    }

    @Test func thePreviewIsCountedByTheRules() throws {
        let (_, screen) = try onDetail()
        let preview = try #require(screen.extensionPreview)
        #expect(preview.days == TimeLimit(10))
        #expect(preview.statutory.before.description == "2026-03-30" && preview.statutory.after.description == "2026-04-14")
        #expect(preview.promised.before.description == "2026-03-03" && preview.promised.after.description == "2026-03-17")
        #expect(preview.notice.zh == "延长审批期限告知书")
    }

    /// The form over the detail at 80×24 and 100×30, both languages (reviewed frames).
    @Test(arguments: [(Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 100, 30), (Language.en, 100, 30)])
    func theFormSaysWhatWillHappen(_ language: Language, _ width: Int, _ height: Int) throws {
        var (model, screen) = try onDetail(Size(width: width, height: height))
        try hall.press([.char("e")] + .typed("需现场核查经营场所"), on: &screen, &model)
        #expect(screen.formAction == .extend)
        let lines = screen.frame(context: CaseScreenFixture.context(language, width, height)).lines()
        for line in lines { #expect(DisplayWidth.of(line) == width, "\(line)") }
        let text = lines.joined(separator: "\n")
        #expect(text.contains(language == .zh ? "延长 10 个工作日" : "Adds 10 working days"), "\(text)")
        #expect(text.contains(language == .zh ? "法定期限 2026-03-30 延至 2026-04-14" : "Statutory deadline 2026-03-30 -> 2026-04-14"), "\(text)")
        #expect(text.contains(language == .zh ? "《延长审批期限告知书》" : "notice of extension to the applicant"), "\(text)")
        let size = "\(language == .zh ? "Zh" : "En")\(width)x\(height)"
        check(lines, CaseScreenSnapshots.extensionForm[size] ?? [], "extensionForm" + size)
    }

    /// Enter on the reason asks once more (the days and the new deadline), writes nothing; Esc there writes nothing;
    /// Enter takes it: extended by 10 working days with the reason.
    @Test func theReasonIsConfirmedBeforeTheWrite() throws {
        var (model, screen) = try onDetail()
        let number = hall.numbers[0]
        let before = try hall.database.caseDetail(number: number).events.count
        try hall.press([.char("e")] + .typed("需现场核查经营场所") + [.enter], on: &screen, &model)
        #expect(screen.form == nil && screen.confirming == .extend && screen.confirmingAction == .extend(reason: "需现场核查经营场所"))
        let frame = screen.frame(context: CaseScreenFixture.context(.zh, 80, 24)).lines().joined(separator: "\n")
        #expect(frame.contains("确认延期：\(number) 延长 10 个工作日，法定期限至 2026-04-14？"), "\(frame)")
        let en = screen.frame(context: CaseScreenFixture.context(.en, 80, 24)).lines().joined(separator: "\n")
        #expect(en.contains("Extend \(number) by 10 working days, to 2026-04-14?"), "\(en)")
        #expect(try hall.database.caseDetail(number: number).events.count == before)
        // A stray key does nothing; Esc drops it.
        #expect(screen.handle(.char("x")).isEmpty && screen.confirming == .extend)
        #expect(screen.handle(.escape).isEmpty && screen.confirming == nil && screen.confirmingAction == nil)
        #expect(try hall.database.caseDetail(number: number).events.count == before)
        // Again, and Enter: the write.
        try hall.press([.char("e")] + .typed("需现场核查经营场所") + [.enter], on: &screen, &model)
        #expect(screen.handle(.enter) == [.act(number, .extend(reason: "需现场核查经营场所"))])
        try hall.press([], on: &screen, &model)
        _ = try model.apply(.act(number, .extend(reason: "需现场核查经营场所")), to: &screen)
        #expect(screen.detail?.record.extensionDays == 10 && screen.detail?.record.statutoryDue?.description == "2026-04-14")
    }
}
