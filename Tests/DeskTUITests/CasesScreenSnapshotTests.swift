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
}
