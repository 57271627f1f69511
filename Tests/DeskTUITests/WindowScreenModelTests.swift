import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The screen driven through the run loop against a real hall database: effects are engine calls,
/// refusals reach the status line and write nothing, other connections' writes are picked up by polling.
@Suite struct WindowScreenModelTests {
    let database: HallDatabase
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!

    init() throws { database = try DemoActors.demoDatabase(at: Self.now) }

    /// A model for window 1 whose idle lock reads the fixed clock (a slow run never locks the screen).
    func model() -> WindowScreenModel {
        var model = WindowScreenModel(database: database, windowID: 1)
        model.wallClock = { Self.now }
        return model
    }

    /// Runs the screen for window 1 over `script` as `desk window` does (started by the bound account, S01,
    /// unless `osUser`/`staff`/`password` say otherwise), returning the terminal and the model.
    func run(_ script: [Key?], language: Language = .zh, osUser: String = DemoActors.osUser, staff: String? = nil,
             password: String? = nil) throws -> (TestTerminal, WindowScreen) {
        let (terminal, screen, _) = try runKeepingModel(script, language: language, osUser: osUser, staff: staff, password: password)
        return (terminal, screen)
    }

    /// `run`, also handing back the model (its print jobs).
    func runKeepingModel(_ script: [Key?], language: Language = .zh, osUser: String = DemoActors.osUser, staff: String? = nil,
                         password: String? = nil) throws -> (TestTerminal, WindowScreen, WindowScreenModel) {
        var model = model()
        let terminal = TestTerminal(size: Size(width: 80, height: 24), script: script)
        let first = try model.start(osUser: osUser, staff: staff, password: password)
        var loop = RunLoop(screen: first, terminal: terminal, language: language, clock: { Self.now })
        try loop.run(poll: { screen in try model.poll(&screen, size: terminal.size) },
                     perform: { effect, screen in try model.apply(effect, to: &screen, size: terminal.size) })
        return (terminal, loop.screen, model)
    }

    func type(_ text: String) -> [Key?] { text.map { .char($0) } }

    @Test func callNextShowsTheTicketAndARefusalWritesNothing() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let (terminal, screen) = try run([.char("n"), .char("x")])
        #expect(screen.view.current?.ticket.code == "A001")
        let lines = try #require(terminal.lastFrame).lines()
        #expect(lines[1].contains("当前号 A001"))
        #expect(lines[21].hasPrefix(" A001 号只叫了 1 次；叫满 2 次后才能过号。"))
        #expect(try database.ticket(code: "A001").state == .called)
    }

    /// The model performs and hands back a result; only `WindowScreen.apply` changes the screen.
    @Test func effectsComeBackAsResults() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        var model = model()
        let screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        let (called, control) = try model.perform(.callNext, on: screen, size: Size(width: 80, height: 24))
        guard case .status(let status)? = called else { Issue.record("\(String(describing: called))"); return }
        #expect(status == WindowScreen.Status(UIText.resultCalled("A001")) && control == .keepRunning)
        #expect(screen.status?.message != status.message) // not written by the model
        let (refused, _) = try model.perform(.finish, on: screen, size: Size(width: 80, height: 24))
        guard case .status(let refusal)? = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(refusal.isError)
        var after = screen
        after.apply(.locked)
        #expect(after.isLocked && after.status == nil)
        after.apply(.signInForm(staff: "S01", WindowScreen.Status(UIText.resultSignedOutElsewhere, isError: true)))
        #expect(after.mode == .signIn(SignInForm(staff: "S01")) && after.signedIn == nil)
    }

    @Test func aWholeVisitThroughTheKeys() throws {
        for prefix in ["A", "D", "B"] { _ = try database.issueTicket(IssueRequest(linePrefix: prefix), by: DemoActors.kiosk) }
        // Call A001, recall, no-show; call D001, hold; call back D001 through the held list; start, finish.
        let (terminal, screen) = try run([.char("n"), .char("r"), .char("x"), .f(2), .f(8), .char("h"), .enter, .f(4), .char("f")], language: .en)
        #expect(try database.ticket(code: "A001").state == .noShow)
        #expect(try database.ticket(code: "D001").state == .finished)
        #expect(screen.view.current == nil && screen.view.held.isEmpty)
        #expect(try #require(terminal.lastFrame).lines()[21].hasPrefix(" Finished D001."))
    }

    @Test func transferAndPauseGoThroughTheirPickers() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try run([.char("n"), .char("t"), .char("2"), .char("3"), .char("p"), .char("2")])
        let moved = try database.ticket(code: "A001")
        let lineC = try database.lines().first { $0.prefix == "C" }?.id
        #expect(moved.state == .waiting && moved.lineID == lineC)
        let window = try database.window(1)
        #expect(window.state == .paused && window.pauseReason == "会议")
        let (terminal, _) = try run([.char("p")])
        #expect(try database.window(1).state == .open)
        #expect(try #require(terminal.lastFrame).lines()[21].hasPrefix(" 已恢复叫号。"))
    }

    /// `e` writes the note on the current ticket (an audited engine call); after a transfer the next window's
    /// panel shows it with where the ticket came from; `c` for a ticket at another window names that window.
    @Test func theNoteAndTheOriginReachTheNextWindow() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let (noted, _) = try run([.char("n"), .char("e")] + type("缺复印件") + [.enter])
        #expect(try database.ticket(code: "A001").note == "缺复印件")
        #expect(try #require(noted.lastFrame).lines()[21].hasPrefix(" A001 号备注已保存。"))
        // Transfer to B (the first other line), by its original time; window 3 serves B first.
        _ = try run([.char("t"), .char("1"), .char("1")])
        var model = WindowScreenModel(database: database, windowID: 3)
        model.wallClock = { Self.now }
        let clerk3 = try DemoActors.clerk(3, database)
        _ = try database.callNext(window: 3, by: clerk3)
        let view = try model.load()
        #expect(view.current?.origin?.window == 1 && view.current?.ticket.note == "缺复印件")
        let panel = WindowScreen(view: view).frame(context: RenderContext(language: .zh, now: Self.now, size: Size(width: 80, height: 24))).lines()
        #expect(panel.contains { $0.contains("转自  1 号窗口, A 综合受理") }, "\(panel)")
        #expect(panel.contains { $0.contains("备注  缺复印件") })
        let (refused, _) = try run([.char("c")] + type("A001") + [.enter])
        #expect(try #require(refused.lastFrame).lines()[21].hasPrefix(" A001 号已被 3 号窗口（企业开办一）叫号。"))
    }

    /// `c` calls a ticket by its number; `o` signs out (first asking what becomes of the ticket at the
    /// window), and the form that comes back signs the next person in: an unknown number is refused
    /// like a wrong password, and a clerk signed in at another window is asked to confirm the move.
    @Test func callSpecificAndSignIn() throws {
        for _ in 0..<3 { _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk) }
        _ = try run([.char("c"), .char("a"), .char("0"), .char("0"), .char("3"), .enter])
        #expect(try database.ticket(code: "A003").state == .called)
        let (terminal, refused) = try run([.char("o"), .char("u")] + type("S09") + [.enter] + type("demo-S09") + [.enter])
        #expect(try database.ticket(code: "A003").state == .waiting) // sent back to the queue before signing out
        #expect(try #require(terminal.lastFrame).lines()[21].contains("工号或密码错误。"))
        #expect(refused.mode == .signIn(SignInForm(staff: "S09")) && refused.signedIn == nil)
        #expect(try database.window(1).state == .closed && database.window(1).staffID == nil)
        // Nobody is signed in at window 1 now: the bound account (S01) signs in again at start, then signs out for S02.
        let (_, moved) = try run([.char("o")] + type("S02") + [.enter] + type("demo-S02") + [.enter, .char("y")])
        #expect(try database.window(1).staffID == "S02")
        #expect(try database.window(2).state == .closed && database.window(2).staffID == nil) // S02 moved from window 2
        #expect(moved.signedIn == WindowScreen.SignedIn(staffID: "S02", name: "李强", byAccount: false) && moved.mode == .main)
    }

    @Test func anotherProcessesWriteAppearsWithoutAKey() throws {
        var model = WindowScreenModel(database: database, windowID: 1)
        _ = try model.load()
        #expect(try model.reloadIfChanged() == nil)
        // A second pool on the same file stands for another `desk` process.
        let other = try HallDatabase.open(path: database.path, clock: .fixed(Self.now))
        _ = try other.issueTicket(IssueRequest(linePrefix: "D", priority: .elderly), by: DemoActors.kiosk)
        let view = try #require(try model.reloadIfChanged())
        #expect(view.waiting.map(\.ticket.code) == ["D001"])
        #expect(try model.reloadIfChanged() == nil)
    }

    /// Window 1 serves lines A and D. A commit that concerns neither (a ticket on line E called at window 7)
    /// is passed over without a reload; one on its lines, one at window 1, or one for the whole hall reloads.
    @Test func commitsElsewhereInTheHallAreNotReloaded() throws {
        var model = WindowScreenModel(database: database, windowID: 1)
        _ = try model.load()
        let other = try HallDatabase.open(path: database.path, clock: .fixed(Self.now))
        let supervisor = try DemoActors.bound(other)
        _ = try other.issueTicket(IssueRequest(linePrefix: "E"), by: DemoActors.kiosk)
        _ = try other.callNext(window: 7, by: supervisor)
        #expect(try model.reloadIfChanged() == nil)
        let seen = try #require(model.lastEventID)
        #expect(seen == (try other.lastEventID())) // passed over, not looked at again
        _ = try other.issueTicket(IssueRequest(linePrefix: "D"), by: DemoActors.kiosk)
        #expect(try model.reloadIfChanged()?.waiting.map(\.ticket.code) == ["D001"])
        _ = try other.pauseWindow(1, reason: "开会", by: supervisor)
        #expect(try model.reloadIfChanged()?.window.state == .paused)
        try other.setLineOpen("E", false, by: supervisor)
        #expect(try model.reloadIfChanged()?.lines.first { $0.prefix == "E" }?.isOpen == false)
    }

    /// Who is at the window when the screen starts: the person bound to the OS account at once; a named
    /// person with a password; else the sign-in form.
    @Test func signInAtStart() throws {
        let s01 = try DemoActors.bound(database, at: .window(1))
        try database.closeWindow(1, by: s01)
        // An account bound to nobody and no staff number: nobody to sign in, the form is shown.
        var stranger = model()
        let form = try stranger.start(osUser: "nobody-here", staff: nil, password: nil)
        #expect(form.mode == .signIn(SignInForm()) && form.signedIn == nil && stranger.actor == nil)
        #expect(try database.window(1).state == .closed)
        // The bound account signs in at once, without a password.
        var bound = model()
        let screen = try bound.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        #expect(screen.mode == .main && screen.signedIn == WindowScreen.SignedIn(staffID: "S01", name: "王芳", byAccount: true))
        #expect(try database.window(1).state == .open && database.window(1).staffID == "S01")
        try database.closeWindow(1, by: s01)
        // A named person with a password; S05 is signed in at window 5, so the move is confirmed first.
        var named = model()
        var moving = try named.start(osUser: "nobody-here", staff: "s05", password: "demo-S05")
        #expect(moving.mode == .confirmMove(from: 5, name: "陈静 (S05)"))
        #expect(try database.window(1).state == .closed)
        _ = try named.apply(.confirmMove, to: &moving, size: Size(width: 80, height: 24))
        let signedIn = try database.window(1)
        #expect(signedIn.state == .open && signedIn.staffID == "S05")
        #expect(try database.window(5).state == .closed)
        // A paused window is left as the clerk left it when they sign in again.
        try database.pauseWindow(1, reason: "午休", by: #require(named.actor))
        var again = model()
        _ = try again.start(osUser: "nobody-here", staff: "S05", password: "demo-S05")
        #expect(try database.window(1).state == .paused)
        // An unknown number is refused like a wrong password, on the form, and writes no sign-in.
        var unknown = model()
        let refused = try unknown.start(osUser: "nobody-here", staff: "X", password: "whatever")
        #expect(refused.mode == .signIn(SignInForm(staff: "X")))
        #expect(refused.status == WindowScreen.Status(AccessError.wrongCredentials.message, isError: true))
        #expect(try database.window(1).staffID == "S05")
    }
}
