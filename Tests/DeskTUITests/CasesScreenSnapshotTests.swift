import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The case screen's list and detail on the cell grid, at 80×24 and 100×30, in both languages (CaseScreenSnapshots:
/// reviewed frames). Every line is checked with `DisplayWidth` to fill the width exactly.
@Suite struct CasesScreenSnapshotTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    /// R01's queue, and the 容缺 case's detail after R01 took it (the timeline has the step).
    func frames(_ language: Language, _ width: Int, _ height: Int) throws -> (list: [String], detail: [String]) {
        var (model, screen) = try hall.screen("R01", size: Size(width: width, height: height))
        let list = screen.frame(context: CaseScreenFixture.context(language, width, height)).lines()
        try hall.press([.down, .enter, .char("t"), .enter], on: &screen, &model)
        let detail = screen.frame(context: CaseScreenFixture.context(language, width, height)).lines()
        for line in list + detail { #expect(DisplayWidth.of(line) == width, "\(line)") }
        return (list, detail)
    }

    func check(_ actual: [String], _ expected: [String], _ name: String) {
        if actual != expected {
            print("SNAPSHOT \(name) = [\n" + actual.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]")
        }
        #expect(actual == expected, "\(name)")
    }

    @Test(arguments: [
        (Language.zh, 80, 24, CaseScreenSnapshots.listZh80x24, CaseScreenSnapshots.detailZh80x24),
        (Language.en, 80, 24, CaseScreenSnapshots.listEn80x24, CaseScreenSnapshots.detailEn80x24),
        (Language.zh, 100, 30, CaseScreenSnapshots.listZh100x30, CaseScreenSnapshots.detailZh100x30),
        (Language.en, 100, 30, CaseScreenSnapshots.listEn100x30, CaseScreenSnapshots.detailEn100x30),
    ])
    func listAndDetail(_ language: Language, _ width: Int, _ height: Int, _ list: [String], _ detail: [String]) throws {
        let frames = try frames(language, width, height)
        let size = "\(language == .zh ? "Zh" : "En")\(width)x\(height)"
        check(frames.list, list, "list" + size)
        check(frames.detail, detail, "detail" + size)
    }

    @Test func theLightReadsWithoutColourAndTheFormDrawsOverTheDetail() throws {
        var (model, screen) = try hall.screen("R01")
        let list = screen.frame(context: CaseScreenFixture.context(.zh, 80, 24)).lines()
        // 企业设立登记 promises 1 working day: due tomorrow, yellow — said in words for NO_COLOR.
        #expect(list[3].contains("黄灯") && list[3].contains("张*丰"))
        try hall.press([.enter, .char("t"), .enter, .char("o")], on: &screen, &model)
        let form = screen.frame(context: CaseScreenFixture.context(.en, 80, 24)).lines()
        #expect(form.contains { $0.contains("submit the review: \(hall.numbers[0])") })
        #expect(form.contains { $0.contains("Opinion") })
        #expect(form[22].contains("Enter Confirm") && form[22].contains("Esc Cancel"))
    }

    /// The sign-in form of `desk cases` (the window's form, shared) after a wrong password, and the confirmation of a
    /// one-key action over the detail: 80×24 and 100×30, zh and en.
    @Test(arguments: [(Language.zh, 80, 24), (Language.en, 80, 24), (Language.zh, 100, 30), (Language.en, 100, 30)])
    func signInAndConfirm(_ language: Language, _ width: Int, _ height: Int) throws {
        var signIn = SignInScreen(title: UIText.casesSignInTitle, boundStaffID: nil)
        for key in [Key].typed("R01") + [.enter] + [Key].typed("secret") { _ = signIn.handle(key) }
        signIn.refused(AccessError.wrongCredentials.message)
        for key in [Key].typed("demo") { _ = signIn.handle(key) }
        let form = signIn.frame(context: CaseScreenFixture.context(language, width, height)).lines()
        var (model, screen) = try hall.screen("R01", size: Size(width: width, height: height))
        try hall.press([.enter, .char("t")], on: &screen, &model)
        let confirm = screen.frame(context: CaseScreenFixture.context(language, width, height)).lines()
        for line in form + confirm { #expect(DisplayWidth.of(line) == width, "\(line)") }
        let size = "\(language == .zh ? "Zh" : "En")\(width)x\(height)"
        check(form, CaseScreenSnapshots.signIn[size] ?? [], "signIn" + size)
        check(confirm, CaseScreenSnapshots.confirm[size] ?? [], "confirm" + size)
    }

    /// The item picker's key bar from the moment it opens: typing filters (letters and digits), Up/Down and Enter
    /// choose, Esc cancels (clears what is typed, once something is) — never "1-9", which type. 80×24, both languages;
    /// the state picker, no filter, keeps 1-9.
    @Test(arguments: [Language.zh, Language.en])
    func theItemFiltersKeyBarShowsTheKeysOfTyping(_ language: Language) throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.char("i")], on: &screen, &model)
        let key = language == .zh ? "Zh80x24" : "En80x24"
        let before = Array(screen.frame(context: CaseScreenFixture.context(language, 80, 24)).lines()[21...23])
        check(before, CaseScreenSnapshots.itemFilterBarEmpty[key] ?? [], "itemFilterBarEmpty")
        try hall.press([Key].typed("qysl"), on: &screen, &model)
        let typing = screen.frame(context: CaseScreenFixture.context(language, 80, 24)).lines()
        let bar = Array(typing[21...23])
        check(bar, CaseScreenSnapshots.itemFilterBar[key] ?? [], "itemFilterBar")
        for row in before + bar { #expect(!row.contains("1-9")) }
        try hall.press([.escape], on: &screen, &model)
        #expect(Array(screen.frame(context: CaseScreenFixture.context(language, 80, 24)).lines()[21...23]) == before)
        try hall.press([.escape, .char("s")], on: &screen, &model)
        #expect(screen.frame(context: CaseScreenFixture.context(language, 80, 24)).lines()[22].contains("1-9/Enter"))
    }

    /// After an extension the detail says so among the deadlines: +10 working days, the statutory deadline it gives,
    /// who approved it and when, and the reason (80×24, both languages).
    @Test(arguments: [Language.zh, Language.en])
    func theDetailShowsTheExtension(_ language: Language) throws {
        _ = try hall.database.act(onCase: hall.numbers[0], .extend(reason: "需现场核查经营场所，涉及消防安全"), by: hall.actor("D01"))
        var (model, screen) = try hall.screen("R01")
        // The extension moved its deadlines: the case is the second of the queue now.
        let row = try #require(screen.view.entries.firstIndex { $0.record.number == hall.numbers[0] })
        try hall.press(Array(repeating: .down, count: row) + [.enter], on: &screen, &model)
        #expect(screen.detail?.record.number == hall.numbers[0])
        let lines = screen.frame(context: CaseScreenFixture.context(language, 80, 24)).lines()
        for line in lines { #expect(DisplayWidth.of(line) == 80, "\(line)") }
        check(Array(lines[1...16]), CaseScreenSnapshots.extended[language == .zh ? "Zh80x24" : "En80x24"] ?? [], "extended")
    }

    /// 审管联动: the liaison L01's queue a week after a handover not acknowledged within `handover_ack_days` (3): the
    /// row reads overdue (逾期 in red, the working days late), not "— 办结"; the detail says it too (80×24, both languages).
    @Test(arguments: [Language.zh, Language.en])
    func aLiaisonsOverdueHandoverReadsOverdue(_ language: Language) throws {
        let number = hall.numbers[0]
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全，符合条件", by: hall.actor("R01"))
        _ = try hall.database.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: hall.actor("C01"))
        _ = try hall.database.act(onCase: number, .issueResult, by: DemoActors.clerk(1, hall.database))
        _ = try hall.database.act(onCase: number, .handOver, by: DemoActors.clerk(1, hall.database))
        let later = try hall.reopened(at: HallClock.parseISO8601("2026-03-10T09:30:00+08:00")!)
        var model = try CasesScreenModel(database: later, actor: later.authenticate(staff: "L01", password: "demo-L01", at: .cli))
        var screen = try model.start()
        screen.layout(for: Size(width: 80, height: 24))
        let context = RenderContext(language: language, now: HallClock.parseISO8601("2026-03-10T09:30:00+08:00")!, size: Size(width: 80, height: 24))
        let list = screen.frame(context: context).lines()
        check(Array(list[2...3]), CaseScreenSnapshots.handoverLate[language == .zh ? "Zh80x24" : "En80x24"] ?? [], "handoverLate")
        #expect(!list[3].contains("办结") && !list[3].contains("closed"))
        for effect in screen.handle(.enter) { _ = try model.apply(effect, to: &screen) }
        let detail = screen.frame(context: context).lines()
        #expect(detail.contains { $0.contains(language == .zh ? "逾期未签收：已超期 3 个工作日" : "NOT acknowledged, overdue by 3") }, "\(detail.joined(separator: "\n"))")
        #expect(detail.contains { $0.contains(language == .zh ? "剩余工作日  -3  逾期" : "Days left   -3  LATE") } && !detail.contains { $0.contains("办结") },
                "\(detail.joined(separator: "\n"))")
    }
}
