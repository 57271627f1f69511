import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// What a user-level review of the case screen found wrong at 80×24 (issue 9, polish): each test fails without its fix.
@Suite struct CasesScreenWordingTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    /// The 容缺 case (李四: materials 4 and 5 missing) with material 4 supplied by S01, open in R01's detail.
    @Test(arguments: Language.allCases)
    func aMaterialsStateDayAndPersonAreReadWholeAt80Columns(_ language: Language) throws {
        _ = try hall.database.act(onCase: hall.numbers[1], .supplement(materialPosition: 4), by: try hall.actor("S01"))
        var (model, screen) = try hall.screen("R01")
        try hall.press([.down, .enter], on: &screen, &model)
        let detail = try #require(screen.view.detail)
        #expect(detail.record.number == hall.numbers[1])
        let lines = CaseDetailSheet(detail: detail, desk: screen.view.desk, language: language, width: 78).lines
            .map { $0.segments.map(\.text).joined() }
        for line in lines { #expect(DisplayWidth.of(line) <= 78, "\(line)") }
        // The CLI's words (CaseMaterial.stateText: one source), whole on one line under the material's name.
        let supplied = try #require(detail.materials.first { $0.position == 4 })
        let state = supplied.stateText.text(language)
        #expect(state == (language == .zh ? "已补齐：2026-03-02 补交，S01 登记" : "supplied later on 2026-03-02, recorded by S01"))
        let at = try #require(lines.firstIndex { $0.contains(state) })
        #expect(lines[at - 1].contains(supplied.name))
        // A short state stays on its material's line, in its column.
        let five = try #require(detail.materials.first { $0.position == 5 })
        #expect(lines.contains { $0.contains(five.name) && $0.hasSuffix(" " + MaterialStatus.missing.label.text(language)) })
    }

    @Test func everyStateHasAShortLabelThatFitsTheListsColumn() {
        let width = CaseListColumns(width: 80).stateWidth
        for state in CaseState.allCases {
            for language in Language.allCases {
                #expect(DisplayWidth.of(state.shortLabel.text(language)) <= width, "\(state) \(language)")
            }
        }
    }

    @Test func theEnglishListShowsTheStateUncutAt80Columns() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter, .char("t"), .enter, .escape], on: &screen, &model)
        let list = screen.frame(context: CaseScreenFixture.context(.en, 80, 24)).lines()
        #expect(list.contains { $0.contains(" reviewing ") }, "\(list.joined(separator: "\n"))")
        #expect(!list.contains { $0.contains("under rev") })
    }

    @Test func theReasonFormsErrorIsReadWhole() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter, .char("t"), .enter, .char("o"), .enter], on: &screen, &model)
        let lines = screen.frame(context: CaseScreenFixture.context(.en, 80, 24)).lines()
        // It names the field the form asks for (the opinion, not "a reason") and is read whole.
        let at = try #require(lines.firstIndex { $0.contains("The review opinion may not be empty.") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines[at].contains("…") && !lines.contains { $0.contains("A reason may not") })
        // In Chinese: 审查意见不能为空 (it said 原因).
        let zh = screen.frame(context: CaseScreenFixture.context(.zh, 80, 24)).lines()
        #expect(zh.contains { $0.contains("审查意见不能为空。") } && !zh.contains { $0.contains("原因不能为空") })
    }

    @Test func aClosedCasesLightSaysHowItClosed() {
        #expect(UIText.casesLightMark(.closed, state: .terminated).zh == "终止")
        #expect(UIText.casesLightMark(.closed, state: .withdrawn).zh == "撤回")
        #expect(UIText.casesLightMark(.closed, state: .acknowledged).zh == "办结")
        #expect(CaseLightReading.closed.label(in: .terminated).zh == "无（已终止）")
        #expect(!CaseLightReading.closed.label(in: .withdrawn).zh.contains("办结"))
    }

    /// 一审一核's approver is 审批人 everywhere: the role, the screen, the state under approval.
    @Test func theApproverHasOneName() {
        #expect(UIText.casesDetailApprover.zh == Role.approver.label.zh)
        #expect(UIText.casesDetailReviewer.zh == Role.reviewer.label.zh)
        #expect(CaseState.underApproval.label.zh == "审批中")
    }

    /// "不能" glued to a decision's label made "不能材料已收，审查中": every decision's label is quoted.
    @Test(arguments: IntakeDecisionKind.allCases)
    func aRefusedDecisionQuotesItsLabel(_ kind: IntakeDecisionKind) {
        let message = IntakeError.notPossible(kind, []).message
        #expect(message.zh.hasPrefix("“\(kind.label.zh)”不可行") && message.en.hasPrefix("\"\(kind.label.en)\" is not possible"))
        let heading = UIText.intakeObstaclesTo(kind.label)
        #expect(heading.zh == "不能选“\(kind.label.zh)”，因为：" && heading.en == "Why not “\(kind.label.en)”:")
    }

    /// `i` on the list: typing filters the 148 items by name or pinyin (CatalogSearch), Backspace and Esc undo it.
    @Test func theItemPickerFiltersAsYouType() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.char("i")], on: &screen, &model)
        let all = try #require(screen.picker).options.count
        #expect(all == screen.view.desk.items.count + 1)
        try hall.press([Key].typed("qysl"), on: &screen, &model)
        let found = try #require(screen.picker).options
        #expect(!found.isEmpty && found.count < 10)
        #expect(screen.pickerLabels.first?.zh == "企业设立登记")
        let frame = screen.frame(context: CaseScreenFixture.context(.zh, 80, 24)).lines().joined(separator: "\n")
        #expect(frame.contains("按事项筛选：qysl_") && frame.contains("企业设立登记"), "\(frame)")
        // Its rows are not numbered: a digit types here, it does not choose.
        #expect(!frame.contains("| 1  企业设立登记") && frame.contains("|    企业设立登记"), "\(frame)")
        try hall.press([.backspace, .backspace, .backspace, .backspace], on: &screen, &model)
        #expect(screen.picker?.options.count == all)
        try hall.press([Key].typed("企业设立"), on: &screen, &model)
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.picker == nil && screen.pickerFilter == nil)
        #expect(screen.view.query.itemCode == screen.view.desk.items.first { $0.name == "企业设立登记" }?.code)
        // Esc clears typing first, then cancels.
        try hall.press([.char("i"), .char("x"), .escape], on: &screen, &model)
        #expect(screen.picker?.options.count == all)
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.picker == nil && screen.view.query.itemCode == screen.view.desk.items.first { $0.name == "企业设立登记" }?.code)
    }

    /// Every implementation code starts with digits: in the item picker the first digit types (it chose row 4 before),
    /// and the code typed whole finds its item, chosen with Enter. The other pickers keep 1-9.
    @Test func theItemPickerTakesDigitsFromTheFirstKey() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.char("i"), .char("4")], on: &screen, &model)
        #expect(screen.picker != nil && screen.pickerFilter?.text == "4" && screen.view.query.itemCode == nil)
        try hall.press([Key].typed("000010006"), on: &screen, &model)
        #expect(screen.pickerFilter?.text == "4000010006")
        // The items of that code (item numbers repeat across departments), and nothing else.
        let found = try #require(screen.picker).options.map(\.value)
        #expect(!found.isEmpty && found.allSatisfy { if case .item(let code?) = $0 { code.contains("4000010006") } else { false } }, "\(found)")
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.picker == nil && screen.view.query.itemCode.map { found.contains(.item($0)) } == true)
        // The state picker is no filter: 2 chooses its second row (accepted).
        try hall.press([.char("s"), .char("2")], on: &screen, &model)
        #expect(screen.picker == nil && screen.view.query.state == .accepted)
    }
}
