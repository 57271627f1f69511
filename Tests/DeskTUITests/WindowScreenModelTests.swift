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

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-window-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: .fixed(Self.now))
        try DemoHall.seed(database)
    }

    /// Runs the screen for window 1 over `script` as `desk window` does, returning the terminal and the model.
    func run(_ script: [Key?], language: Language = .zh) throws -> (TestTerminal, WindowScreen) {
        var model = WindowScreenModel(database: database, windowID: 1)
        let terminal = TestTerminal(size: Size(width: 80, height: 24), script: script)
        var loop = RunLoop(screen: WindowScreen(view: try model.load()), terminal: terminal, language: language, clock: { Self.now })
        try loop.run(poll: { screen in try model.poll(&screen, size: terminal.size) },
                     perform: { effect, screen in try model.apply(effect, to: &screen, size: terminal.size) })
        return (terminal, loop.screen)
    }

    @Test func callNextShowsTheTicketAndARefusalWritesNothing() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"))
        let (terminal, screen) = try run([.char("n"), .char("x")])
        #expect(screen.view.current?.ticket.code == "A001")
        let lines = try #require(terminal.lastFrame).lines()
        #expect(lines[1].contains("当前号 A001"))
        #expect(lines[21].hasPrefix(" A001 号只叫了 1 次；叫满 2 次后才能过号。"))
        #expect(try database.ticket(code: "A001").state == .called)
    }

    @Test func aWholeVisitThroughTheKeys() throws {
        for prefix in ["A", "D", "B"] { _ = try database.issueTicket(IssueRequest(linePrefix: prefix)) }
        // Call A001, recall, no-show; call D001, hold; call back D001 through the held list; start, finish.
        let (terminal, screen) = try run([.char("n"), .char("r"), .char("x"), .f(2), .f(8), .char("h"), .enter, .f(4), .char("f")], language: .en)
        #expect(try database.ticket(code: "A001").state == .noShow)
        #expect(try database.ticket(code: "D001").state == .finished)
        #expect(screen.view.current == nil && screen.view.held.isEmpty)
        #expect(try #require(terminal.lastFrame).lines()[21].hasPrefix(" Finished D001."))
    }

    @Test func transferAndPauseGoThroughTheirPickers() throws {
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"))
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

    @Test func callSpecificAndSignIn() throws {
        for _ in 0..<3 { _ = try database.issueTicket(IssueRequest(linePrefix: "A")) }
        _ = try run([.char("c"), .char("a"), .char("0"), .char("0"), .char("3"), .enter])
        #expect(try database.ticket(code: "A003").state == .called)
        let (terminal, _) = try run([.char("o"), .char("S"), .char("0"), .char("9"), .enter])
        #expect(try #require(terminal.lastFrame).lines()[21].contains("没有工号为“S09”的工作人员。"))
        _ = try run([.char("o"), .char("S"), .char("0"), .char("2"), .enter])
        #expect(try database.window(1).staffID == "S02")
    }

    @Test func anotherProcessesWriteAppearsWithoutAKey() throws {
        var model = WindowScreenModel(database: database, windowID: 1)
        _ = try model.load()
        #expect(try model.reloadIfChanged() == nil)
        // A second pool on the same file stands for another `desk` process.
        let other = try HallDatabase.open(path: database.path, clock: .fixed(Self.now))
        _ = try other.issueTicket(IssueRequest(linePrefix: "D", priority: .elderly))
        let view = try #require(try model.reloadIfChanged())
        #expect(view.waiting.map(\.ticket.code) == ["D001"])
        #expect(try model.reloadIfChanged() == nil)
    }

    @Test func signInAtStart() throws {
        let model = WindowScreenModel(database: database, windowID: 1)
        try database.closeWindow(1)
        try model.signInAtStart(staff: nil)
        #expect(try database.window(1).state == .closed) // nobody to sign in: the screen says press o
        try model.signInAtStart(staff: "S05")
        let signedIn = try database.window(1)
        #expect(signedIn.state == .open && signedIn.staffID == "S05")
        try database.pauseWindow(1, reason: "午休")
        try model.signInAtStart(staff: nil)
        #expect(try database.window(1).state == .paused) // a paused window is left as the clerk left it
        #expect(throws: StaffError.unknownStaff("X")) { try model.signInAtStart(staff: "X") }
    }
}
