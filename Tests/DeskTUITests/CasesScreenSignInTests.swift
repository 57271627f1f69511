import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// `desk cases` with nobody signed in: the window screen's sign-in form (`SignInForm`, shared), its checks and
/// messages (`ScreenSignIn`, shared), and `o` to sign out for the next person (`CasesScreenSession`).
@Suite struct CasesScreenSignInTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    @Test func theFormTakesANumberThenAPasswordAsTheWindowsDoes() {
        var screen = SignInScreen(title: UIText.casesSignInTitle, boundStaffID: "S01")
        for key in [Key].typed("R01") { #expect(screen.handle(key).isEmpty) }
        #expect(screen.form == SignInForm(staff: "R01", focus: .staff))
        #expect(screen.handle(.enter).isEmpty && screen.form.focus == .password)
        // Enter on an empty password sends nothing.
        #expect(screen.handle(.enter).isEmpty)
        for key in [Key].typed("demo-R01") { #expect(screen.handle(key).isEmpty) }
        #expect(screen.form.password == "demo-R01")
        #expect(screen.handle(.enter) == [.signIn(staff: "R01", password: "demo-R01")])
        // Esc clears the form; the bound account's own number needs no password; F10 quits.
        #expect(screen.handle(.escape).isEmpty && screen.form == SignInForm())
        for key in [Key].typed("S01") { _ = screen.handle(key) }
        #expect(screen.handle(.enter) == [.signIn(staff: "S01", password: "")])
        #expect(screen.handle(.f(10)) == [.quit])
    }

    @Test func aRefusalKeepsTheNumberClearsThePasswordAndSaysWhy() {
        var screen = SignInScreen(title: UIText.casesSignInTitle, boundStaffID: nil)
        for key in [Key].typed("R01") + [.enter] + [Key].typed("x") { _ = screen.handle(key) }
        screen.refused(AccessError.wrongCredentials.message)
        #expect(screen.form == SignInForm(staff: "R01", focus: .password))
        #expect(screen.status?.isError == true && screen.status?.text == AccessError.wrongCredentials.message)
    }

    @Test func aWrongPasswordGetsTheWindowsMessageAndTheSameLockout() throws {
        let wrong = ScreenSignIn.check(staff: "R01", password: "nope", bound: nil, database: hall.database, at: .cli)
        #expect(wrong == .refused(AccessError.wrongCredentials.message))
        // The lockout of the engine (lockout_attempts, lockout_minutes): the attempt that reaches it says "locked".
        let attempts = try hall.database.settings().lockoutAttempts
        var last = wrong
        for _ in 1..<attempts { last = ScreenSignIn.check(staff: "R01", password: "nope", bound: nil, database: hall.database, at: .cli) }
        guard case .refused(let message) = last else { Issue.record("signed in with a wrong password"); return }
        #expect(message != AccessError.wrongCredentials.message && message.en.contains("ocked"), "\(message)")
        // Even the right password is refused while locked.
        if case .signedIn = ScreenSignIn.check(staff: "R01", password: "demo-R01", bound: nil, database: hall.database, at: .cli) {
            Issue.record("a locked account signed in")
        }
        // The bound account's own number with no password is that account.
        let bound = try DemoActors.bound(hall.database)
        #expect(ScreenSignIn.check(staff: "s01", password: "", bound: bound, database: hall.database, at: .cli) == .signedIn(bound))
    }

    /// Nobody bound: the form; a wrong password says so; R01 signs in and sees their queue; `o` signs out and the form
    /// comes back saying who left; F10 quits.
    @Test func nobodySignedInOpensTheFormAndOSignsOutForTheNextPerson() throws {
        let keys: [Key?] = [Key].typed("R01") + [.enter] + [Key].typed("bad") + [.enter, nil]
            + [Key].typed("demo-R01") + [.enter, nil, .char("o"), nil, .f(10)]
        let terminal = TestTerminal(size: Size(width: 80, height: 24), script: keys)
        var session = CasesScreenSession(database: hall.database, bound: nil)
        session.pollInterval = .milliseconds(1)
        try session.run(on: terminal, language: .zh)
        let frames = terminal.frames.map { $0.lines().joined(separator: "\n") }
        #expect(frames.first?.contains("办件 · 签到") == true)
        #expect(frames.contains { $0.contains("工号或密码错误。") })
        let queue = try #require(frames.firstIndex { $0.contains("（R01）· 我的待办") })
        #expect(frames[queue].contains(hall.numbers[0]))
        let signedOut = try #require(frames.lastIndex { $0.contains("已签退") })
        #expect(signedOut > queue && frames[signedOut].contains("办件 · 签到"))
        #expect(terminal.isFinished)
    }

    @Test func theBoundAccountOpensTheQueueAtOnce() throws {
        let terminal = TestTerminal(size: Size(width: 80, height: 24), script: [nil, .char("q")])
        let session = CasesScreenSession(database: hall.database, bound: try DemoActors.bound(hall.database))
        try session.run(on: terminal, language: .en)
        #expect(terminal.frames.first?.lines()[0].contains("(S01) · My queue") == true)
    }

    @Test func theFormAndTheSignOutKeyAreInTheKeyBars() throws {
        let (_, screen) = try hall.screen("R01")
        #expect(CasesScreen.listKeys.keyBarItems(screen).contains { $0.keys == "o" && $0.label == UIText.casesKeySignOut })
        #expect(SignInForm.keyBarItems.map(\.keys) == ["Tab", "Enter", "F10"])
    }

    // MARK: One-key actions ask first

    @Test func aOneKeyActionAsksFirstAndAStrayKeyNeverMovesTheCase() throws {
        var (model, screen) = try hall.screen("R01")
        try hall.press([.enter], on: &screen, &model)
        let number = hall.numbers[0]
        #expect(screen.handle(.char("t")).isEmpty && screen.confirming == .startReview)
        for key: Key in [.char("t"), .char("a"), .char("q"), .down, .tab, .char(" ")] {
            #expect(screen.handle(key).isEmpty && screen.confirming == .startReview)
        }
        let zh = screen.frame(context: CaseScreenFixture.context(.zh, 80, 24)).lines()
        #expect(zh.contains { $0.contains("确认开始审查 案件 \(number)？") })
        #expect(zh.contains { $0.contains("Enter 确认 / Esc 取消") })
        #expect(zh[22].contains("Enter 确认") && zh[22].contains("Esc 取消"))
        let en = screen.frame(context: CaseScreenFixture.context(.en, 80, 24)).lines()
        #expect(en.contains { $0.contains("Start review: case \(number)?") })
        #expect(screen.handle(.escape).isEmpty && screen.confirming == nil && screen.mode == .detail)
        #expect(try hall.database.caseDetail(number: number).record.state == .accepted)
        // Every action without a reason form asks; those with one open their form.
        for kind in CaseActionKind.allCases {
            #expect((CasesScreen.oneKeyAction(kind) != nil) == [.startReview, .issueResult, .handOver, .acknowledge, .resume].contains(kind))
        }
    }

    // MARK: An empty queue says why, in the words of the role

    @Test func anEmptyQueueSaysWhatTheRolesQueueHolds() throws {
        #expect(UIText.casesEmptyMine(roles: [.agent]) == UIText.casesEmptyAgent)
        #expect(UIText.casesEmptyMine(roles: [.agent]).zh.contains("desk agent 查看"))
        #expect(UIText.casesEmptyMine(roles: [.supervisor]) == UIText.casesEmptyAtRisk)
        #expect(UIText.casesEmptyMine(roles: [.supervisor, .clerk]) == UIText.casesEmptyAtRisk)
        for role: Role in [.reviewer, .approver, .clerk, .liaison] { #expect(UIText.casesEmptyMine(roles: [role]) == UIText.casesEmptyMine) }
        #expect(UIText.casesEmptyMine(roles: [.admin]) == UIText.casesEmptyNoQueue)
        // P01 (a proxy agent) on the screen: the message, whole, at 80 columns in both languages.
        let (_, agent) = try hall.screen("P01")
        #expect(agent.view.entries.isEmpty)
        for language in Language.allCases {
            let text = agent.frame(context: CaseScreenFixture.context(language, 80, 24)).lines().joined()
            #expect(text.replacingOccurrences(of: " ", with: "").contains(UIText.casesEmptyAgent.text(language).replacingOccurrences(of: " ", with: "")))
        }
    }
}
