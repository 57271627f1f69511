import Foundation
@testable import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The intake form over the window screen (`a`): keys → state, without a database (the demo catalog).
@Suite struct IntakeFormTests {
    static let index = CatalogIndex(DemoCatalog.catalog)
    /// 企业设立登记: materials 1–3 core, 4–6 tolerable (容缺).
    static let companyItem = "11510199MB1530000K4000010001"
    static let person = "11010519491231002X"

    static func setup(siteLevel: SiteLevel = .district, cap: Int = 5) -> IntakeForm.Setup {
        IntakeForm.Setup(index: index, ticketCode: "A004", today: CivilDate(WindowFixture.now, in: WindowFixture.zone), siteLevel: siteLevel,
                         supplementDaysCap: cap)
    }

    static func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    /// Feeds `keys`, returning every request the form made.
    @discardableResult
    static func feed(_ form: inout IntakeForm, _ keys: [Key]) -> [IntakeForm.Request] {
        keys.compactMap { form.handle($0) }
    }

    /// The form on the checklist of 企业设立登记, the applicant a new person (the lookup answered "unknown").
    static func onMaterials(siteLevel: SiteLevel = .district) -> IntakeForm {
        var form = IntakeForm(setup(siteLevel: siteLevel))
        feed(&form, keys("qysl") + [.enter])
        #expect(form.item?.implementationCode == companyItem)
        let requests = feed(&form, keys(person) + [.tab])
        #expect(requests == [.lookUpApplicant(.person, person)])
        form.applicantFound(number: person, nil)
        feed(&form, keys("张三丰") + [.enter, .enter])
        #expect(form.step == .materials)
        return form
    }

    @Test func theItemIsFoundByPinyinAndChosenWithEnter() {
        var form = IntakeForm(Self.setup())
        #expect(form.results.count == Self.index.items.count)
        Self.feed(&form, Self.keys("spjy"))
        #expect(form.selectedItem?.name == "食品经营许可")
        Self.feed(&form, [.backspace, .backspace, .backspace, .backspace])
        #expect(form.query.text.isEmpty && form.results.count == Self.index.items.count)
        Self.feed(&form, Self.keys("食品经营") + [.enter])
        #expect(form.step == .applicant && form.item?.name == "食品经营许可")
        #expect(form.checklist.rows.count == form.item?.materials.count)
    }

    @Test func marksCycleMissingProvidedDefectiveCorrected() {
        var form = Self.onMaterials()
        #expect(form.checklist.rows.map(\.mark) == Array(repeating: .missing, count: 6))
        var seen: [IntakeMaterialMark] = []
        for _ in 0..<4 {
            Self.feed(&form, [.char(" ")])
            seen.append(form.checklist.rows[0].mark)
        }
        #expect(seen == [.provided, .defective, .corrected, .missing])
        #expect(form.intakeChecklist.entries[0].status == .missing)
    }

    @Test func theDecisionsFollowTheMarksWithWhy() throws {
        var form = Self.onMaterials()
        var assessment = try #require(form.assessment)
        #expect(assessment.possible == [.notice, .refuse, .pending])
        #expect(assessment.obstacles(to: .tolerate).contains(.coreMaterialsOutstanding([1, 2, 3])))
        // The three core materials provided: 容缺 becomes possible, accept still is not (4–6 outstanding).
        Self.feed(&form, [.char(" "), .down, .char(" "), .down, .char(" ")])
        assessment = try #require(form.assessment)
        #expect(assessment.possible == [.tolerate, .notice, .refuse, .pending])
        #expect(assessment.obstacles(to: .accept) == [.materialsOutstanding([4, 5, 6])])
        // A defective material needs its note before 容缺 or the notice.
        Self.feed(&form, [.down, .char(" "), .char(" ")])
        #expect(form.checklist.rows[3].mark == .defective)
        #expect(form.assessment?.obstacles(to: .tolerate) == [.defectiveWithoutNote([4])])
        Self.feed(&form, [.enter] + Self.keys("未签字") + [.enter])
        #expect(form.checklist.rows[3].note == "未签字")
        #expect(form.assessment?.isPossible(.tolerate) == true)
        // Everything in: accept, and 容缺 says why not.
        Self.feed(&form, [.char(" "), .down, .char(" "), .down, .char(" ")])
        #expect(form.assessment?.possible == [.accept, .refuse, .pending])
        #expect(form.assessment?.obstacles(to: .tolerate) == [.nothingOutstanding])
    }

    @Test func anImpossibleDecisionSaysWhyAndStaysPut() {
        var form = Self.onMaterials()
        Self.feed(&form, [.tab])
        #expect(form.step == .decision)
        #expect(form.decisionList.selected == 2)  // the first possible one: the one-time notice
        Self.feed(&form, [.home, .enter])
        #expect(form.step == .decision && form.decision == nil)
        #expect(form.message?.isError == true)
        #expect(form.message?.message.zh.hasPrefix("“受理”不可行：材料未齐") == true)
    }

    @Test func toleranceAsksForTheDaysWithinTheCap() throws {
        var form = Self.onMaterials()
        Self.feed(&form, [.char(" "), .down, .char(" "), .down, .char(" "), .tab])
        #expect(form.decisionList.selected == 1)
        Self.feed(&form, [.enter])
        #expect(form.step == .details && form.decision == .tolerate && form.supplementDays.text == "5")
        Self.feed(&form, [.backspace, .char("9"), .enter])
        #expect(form.step == .details && form.message?.message == UIText.intakeSupplementDaysRange(5))
        Self.feed(&form, [.backspace, .char("x"), .char("3"), .enter])
        #expect(form.step == .confirm && form.supplementDays.text == "3")
        let requests = Self.feed(&form, [.enter])
        let request = try #require(form.request)
        #expect(requests == [.takeIn(request)])
        #expect(request.decision == .tolerate && request.supplementDays == 3 && request.itemCode == Self.companyItem)
        #expect(request.ticketCode == "A004" && request.applicant.idNumber == Self.person && request.applicant.name == "张三丰")
        #expect(request.checklist.entries.map(\.status) == [.provided, .provided, .provided, .missing, .missing, .missing])
    }

    @Test func aRefusalNeedsItsReasonAndText() throws {
        var form = Self.onMaterials()
        Self.feed(&form, [.tab, .down, .enter])
        #expect(form.step == .details && form.decision == .refuse)
        Self.feed(&form, [.enter])
        #expect(form.step == .details && form.message?.message == UIText.intakeRefusalTextNeeded)
        Self.feed(&form, [.down] + Self.keys("属税务部门职权") + [.enter])
        #expect(form.step == .confirm)
        let request = try #require(form.request)
        #expect(request.refusal == .noLicenceNeeded && request.reason == "属税务部门职权" && request.supplementDays == nil)
    }

    @Test func theNumberIsCheckedAsTheFieldIsLeftAndAKnownApplicantFillsTheRest() throws {
        var form = IntakeForm(Self.setup())
        Self.feed(&form, Self.keys("qysl") + [.enter] + Self.keys("110105194912310021") + [.tab])
        let error = try #require(form.applicantForm.fields.first?.error)
        #expect(error.zh.contains("校验") || error.zh.contains("有误"), "\(error.zh)")
        #expect(form.applicantForm.focus == .name)
        // Corrected: looked up once; the known applicant fills the name and phone.
        let requests = Self.feed(&form, [.backTab, .backspace, .char("x"), .tab])
        #expect(requests == [.lookUpApplicant(.person, Self.person)])
        #expect(form.applicantForm.fields.first?.error == nil)
        let known = Applicant(id: 7, kind: .person, idNumber: Self.person, name: "张三丰", phone: "13800138000", legalRepresentative: nil,
                              contact: nil, flag: Applicant.CreditFlag(on: try CivilDate(parsing: "2026-01-05"), reason: "失信"),
                              createdAt: Date(timeIntervalSince1970: 0))
        form.applicantFound(number: Self.person, known)
        #expect(form.applicantForm.text(.name) == "张三丰" && form.applicantForm.text(.phone) == "13800138000")
        #expect(form.message == WindowScreen.Status(UIText.intakeFlaggedApplicant("张三丰"), isError: true))
        // Leaving the number again asks nothing more; a flagged applicant cannot have 容缺.
        #expect(Self.feed(&form, [.backTab, .tab, .enter, .enter]) == [])
        #expect(form.step == .materials)
        #expect(form.assessment?.obstacles(to: .tolerate).contains(.applicantFlagged) == true)
    }

    /// A known number typed with another name: the form shows both names and stays; a second submit with the same
    /// name confirms the rename, which the request carries (the store refuses a rename not confirmed).
    @Test func aKnownNumberTypedWithAnotherNameAsksBeforeRenaming() throws {
        var form = IntakeForm(Self.setup())
        #expect(Self.feed(&form, Self.keys("qysl") + [.enter] + Self.keys(Self.person) + [.tab]) == [.lookUpApplicant(.person, Self.person)])
        let known = Applicant(id: 7, kind: .person, idNumber: Self.person, name: "张三丰", phone: nil, legalRepresentative: nil,
                              contact: nil, flag: nil, createdAt: Date(timeIntervalSince1970: 0))
        form.applicantFound(number: Self.person, known)
        Self.feed(&form, [.backspace] + Self.keys("峰") + [.enter, .enter])
        #expect(form.step == .applicant)
        #expect(form.message == WindowScreen.Status(UIText.intakeNameDiffers(stored: "张三丰", typed: "张三峰"), isError: true))
        #expect(form.message?.message.zh.contains("再按回车确认更名") == true)
        Self.feed(&form, [.enter, .enter])
        #expect(form.step == .materials && form.renameConfirmed == "张三峰")
        Self.feed(&form, [.tab, .enter])
        let request = try #require(form.request)
        #expect(request.rename && request.applicant.name == "张三峰")
    }

    /// The rename prompt stands for the name it quotes: edited back to the stored name it goes at once (the known
    /// applicant's note returns), nothing is renamed, and Enter goes on; edited to yet another name, it goes too and
    /// Enter asks again, quoting the new one.
    @Test func theRenamePromptGoesWhenTheNameIsEditedBack() throws {
        var form = IntakeForm(Self.setup())
        Self.feed(&form, Self.keys("qysl") + [.enter] + Self.keys(Self.person) + [.tab])
        let known = Applicant(id: 7, kind: .person, idNumber: Self.person, name: "张三丰", phone: nil, legalRepresentative: nil,
                              contact: nil, flag: nil, createdAt: Date(timeIntervalSince1970: 0))
        form.applicantFound(number: Self.person, known)
        Self.feed(&form, [.backspace] + Self.keys("峰") + [.enter, .enter])
        #expect(form.message == WindowScreen.Status(UIText.intakeNameDiffers(stored: "张三丰", typed: "张三峰"), isError: true))
        // Another name: the prompt goes; Enter asks again about that name.
        Self.feed(&form, [.backspace] + Self.keys("疯"))
        #expect(form.message == WindowScreen.Status(UIText.intakeKnownApplicant("张三丰")) && form.renameConfirmed == nil)
        Self.feed(&form, [.enter, .enter])
        #expect(form.step == .applicant && form.message == WindowScreen.Status(UIText.intakeNameDiffers(stored: "张三丰", typed: "张三疯"), isError: true))
        // Back to the stored name: the prompt goes with the edit, and Enter goes on with no rename.
        Self.feed(&form, [.backspace] + Self.keys("丰"))
        #expect(form.message == WindowScreen.Status(UIText.intakeKnownApplicant("张三丰")) && form.renameConfirmed == nil)
        let frame = IntakeFormSnapshotTests.lines(form)
        #expect(!frame.contains { $0.contains("登记名为") }, "\(frame.joined(separator: "\n"))")
        Self.feed(&form, [.enter, .enter])
        #expect(form.step == .materials)
        Self.feed(&form, [.tab, .enter])
        let request = try #require(form.request)
        #expect(!request.rename && request.applicant.name == "张三丰")
    }

    @Test func f2SwitchesToAnOrganisation() {
        var form = IntakeForm(Self.setup())
        Self.feed(&form, Self.keys("qysl") + [.enter, .f(2)])
        #expect(form.applicantKind == .organisation)
        #expect(form.applicantForm.fields.map(\.id) == [.number, .name, .legalRepresentative, .contact])
        #expect(Self.feed(&form, Self.keys("91350100M000100Y43") + [.tab]) == [.lookUpApplicant(.organisation, "91350100M000100Y43")])
        Self.feed(&form, [.f(2)])
        #expect(form.applicantKind == .person && form.applicantForm.text(.number).isEmpty)
    }

    @Test func anItemNotHandledAtThisLevelSaysWhere() throws {
        var form = IntakeForm(Self.setup(siteLevel: .villageStation))
        Self.feed(&form, Self.keys("qysl"))
        let obstacle = try #require(form.siteObstacle(form.selectedItem))
        #expect(obstacle.message.zh.contains("请到"))
        form = Self.onMaterials(siteLevel: .villageStation)
        #expect(form.assessment?.obstacles(to: .accept).first == obstacle)
        #expect(form.assessment?.obstacles(to: .tolerate).first == obstacle)
    }

    @Test func escStepsBackAndClosesWithNothingWritten() {
        var form = Self.onMaterials()
        Self.feed(&form, [.char(" "), .tab, .enter])
        #expect(form.step == .confirm)
        var steps: [IntakeForm.Step] = []
        var requests: [IntakeForm.Request] = []
        for _ in 0..<6 {
            if let request = form.handle(.escape) { requests.append(request) }
            steps.append(form.step)
        }
        // Back step by step; on the item, the first Esc clears the search ("qysl"), the next closes the form.
        #expect(steps == [.decision, .materials, .applicant, .item, .item, .item])
        #expect(requests == [.close] && form.query.text.isEmpty)
        // The marks and the applicant were kept while stepping back.
        #expect(form.checklist.rows[0].mark == .provided && form.applicantForm.text(.name) == "张三丰")
    }

    // MARK: On the window screen

    static func servingView() -> WindowView {
        var view = WindowFixture.view()
        view.current?.ticket.state = .serving
        view.current?.ticket.startedAt = WindowFixture.at("09:25")
        return view
    }

    @Test func aOpensTheFormOnlyWhileServing() {
        var called = WindowScreen(view: WindowFixture.view())
        #expect(called.handle(.char("a")) == [])
        #expect(called.status == WindowScreen.Status(IntakeError.ticketNotServed(code: "A004", state: .called).message, isError: true))
        var idle = WindowScreen(view: WindowFixture.view(current: false))
        #expect(idle.handle(.char("a")) == [] && idle.status?.isError == true)
        var serving = WindowScreen(view: Self.servingView())
        #expect(serving.handle(.char("a")) == [.openIntake])
    }

    @Test func theWindowForwardsKeysAndOnlyTheConfirmationWrites() {
        var screen = WindowScreen(view: Self.servingView())
        screen.apply(.intakeForm(Self.setup(), Size(width: 80, height: 24)))
        var effects: [WindowScreen.Effect] = []
        for key in Self.keys("qysl") + [.enter] + Self.keys(Self.person) + [.tab] { effects += screen.handle(key) }
        #expect(effects == [.lookUpApplicant(.person, Self.person)])
        screen.apply(.applicantLookup(number: Self.person, nil))
        effects = []
        for key in Self.keys("张三丰") + [.enter, .enter, .char(" "), .down, .char(" "), .down, .char(" "), .tab, .enter, .enter] {
            effects += screen.handle(key)
        }
        #expect(effects == [] && screen.intake?.step == .confirm)
        // Refused: the form stays at the confirmation and says why.
        let refusal = IntakeError.ticketNotServed(code: "A004", state: .finished).message
        screen.apply(.intakeRefused(refusal))
        #expect(screen.intake?.message == WindowScreen.Status(refusal, isError: true))
        guard case .takeIn(let request)? = screen.handle(.enter).first else { Issue.record("no write"); return }
        #expect(request.decision == .tolerate)
        screen.apply(.intakeTaken(WindowScreen.Status(UIText.resultIntakeCase("HD-20260302-0001", .tolerate))))
        #expect(screen.intake == nil && screen.status?.message.zh == "已容缺受理：办件编号 HD-20260302-0001。")
        // Esc all the way out of a new form: no effect at all.
        screen.apply(.intakeForm(Self.setup(), Size(width: 80, height: 24)))
        effects = []
        for key in Self.keys("qysl") + [.enter, .escape, .escape, .escape, .escape] { effects += screen.handle(key) }
        #expect(effects == [] && screen.intake == nil)
    }
}

/// The form pages by what it shows, and the idle lock hides it without losing it.
@Suite struct IntakeFormLayoutTests {
    @Test func theListsPageByTheRowsTheyShow() {
        var screen = WindowScreen(view: IntakeFormTests.servingView())
        screen.apply(.intakeForm(IntakeFormTests.setup(), Size(width: 80, height: 24)))
        // 24 rows: the window's row, the title, 16 result rows, the summary, the message and the key bar.
        #expect(screen.intake?.resultList.pageSize == 16)
        _ = screen.handle(.pageDown)
        #expect(screen.intake?.resultList.selected == 16)
        screen.layout(for: Size(width: 100, height: 30))
        #expect(screen.intake?.resultList.pageSize == 22)
        let lines = screen.frame(context: WindowFixture.context(.zh, 100, 30)).lines()
        #expect(lines.filter { $0.contains("区") && $0.contains("/") }.count == 22)
    }

    @Test func theLockHidesTheFormAndUnlockingBringsItBack() {
        var screen = WindowScreen(view: IntakeFormTests.servingView())
        screen.apply(.intakeForm(IntakeFormTests.setup(), Size(width: 80, height: 24)))
        for key in IntakeFormTests.keys("qysl") + [.enter] + IntakeFormTests.keys(IntakeFormTests.person) { _ = screen.handle(key) }
        screen.apply(.locked)
        let locked = screen.frame(context: WindowFixture.context(.zh)).lines().joined(separator: "\n")
        #expect(!locked.contains(IntakeFormTests.person) && !locked.contains("企业设立登记"))
        // Keys go to the lock's password, not the form.
        _ = screen.handle(.char("9"))
        #expect(screen.intake?.applicantForm.text(.number) == IntakeFormTests.person)
        screen.apply(.unlocked(WindowScreen.Status(UIText.resultUnlocked)))
        #expect(screen.intake?.step == .applicant)
        // Signed out (elsewhere): the form goes, with whatever was typed.
        screen.apply(.signInForm(staff: "S01", nil))
        #expect(screen.intake == nil)
    }
}
