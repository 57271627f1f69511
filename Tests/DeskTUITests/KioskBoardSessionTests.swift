import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The kiosk and board sessions against a real hall file: effects become transactions, and commits from
/// another connection (as from another process) reach the screens through `data_version`.
@Suite struct KioskBoardSessionTests {
    let folder: URL
    let database: HallDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioskboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path)
        try DemoActors.seed(database)
    }

    /// Another connection to the same file: its commits change our `data_version`, as another process's do.
    func otherProcess() throws -> HallDatabase { try HallDatabase.open(path: database.path) }

    @Test func enterIssuesOneTicketAndPrintsTheSlip() throws {
        let slips = folder.appendingPathComponent("slips.txt").path
        let session = KioskSession(database: database, printer: try SlipPrinter(path: slips), pollInterval: .seconds(60))
        let terminal = TestTerminal(size: Size(width: 80, height: 24), script: [.char("1"), .char("2"), .enter])
        let screen = try session.run(on: terminal, language: .zh)
        #expect(screen.step == .slip)
        #expect(screen.slip?.code == "A001")
        #expect(screen.slipPrinted == true)
        let ticket = try database.ticket(code: "A001")
        #expect(ticket.priority == .elderly && ticket.source == .kiosk)
        let printed = try String(contentsOfFile: slips, encoding: .utf8)
        #expect(printed.contains("A001") && printed.contains("综合受理") && printed.contains("类别：老年人"))
        #expect(printed.hasSuffix("\n\n\u{0C}"))
        // The slip on screen shows the same figures.
        #expect(terminal.lastFrame!.lines().contains { $0.contains("A  综合受理") })
        #expect(screen.view.lines.first { $0.line.prefix == "A" }?.waiting == 1) // reloaded after its own commit
    }

    @Test func aCapReachedMeanwhileIsRefusedWithTheReason() throws {
        try database.perform { try $0.execute(sql: "UPDATE service_line SET daily_cap = 1 WHERE prefix = 'B'") }
        let other = try otherProcess()
        let terminal = ActingTerminal(size: Size(width: 80, height: 24), steps: [
            .key(.char("2")),
            // Another kiosk takes the last ticket between this citizen's two keys.
            .act({ _ = try other.issueTicket(IssueRequest(linePrefix: "B"), by: DemoActors.kiosk) }, then: .enter),
        ])
        let screen = try KioskSession(database: database, pollInterval: .seconds(60)).run(on: terminal, language: .en)
        #expect(screen.step == .lines)
        #expect(screen.message == QueueError.dailyCapReached(line: "B", cap: 1).message)
        #expect(screen.view.lines.first { $0.line.prefix == "B" }?.isFull == true)
        #expect(terminal.lastFrame!.lines()[22].contains("Line B has reached today's limit of 1 ticket."))
    }

    @Test func theKioskSeesAnotherProcessClosingALine() throws {
        let other = try otherProcess()
        // S01 through the bound account: a supervisor, who opens and closes lines.
        let supervisor = try DemoActors.bound(other)
        let terminal = ActingTerminal(size: Size(width: 80, height: 24), steps: [
            .act({ try other.setLineOpen("A", false, by: supervisor) }, then: nil),
            .key(.char("1")),
        ])
        let screen = try KioskSession(database: database, pollInterval: .seconds(60)).run(on: terminal, language: .zh)
        #expect(screen.step == .lines)
        #expect(screen.message == UIText.kioskLineClosed("A", "综合受理"))
    }

    @Test func theBoardShowsACallFromAnotherProcessAtTheNextPoll() throws {
        let other = try otherProcess()
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let clerk = try DemoActors.clerk(3, other)
        let terminal = ActingTerminal(size: Size(width: 80, height: 24), steps: [
            .act({ _ = try other.callNext(window: 3, by: clerk) }, then: nil),
            .act({ try other.recall(window: 3, by: clerk) }, then: nil),
        ])
        try BoardSession(database: database).run(on: terminal, language: .zh)
        let frames = terminal.frames.map { $0.lines() }
        #expect(!frames[0].joined().contains("A001"))
        #expect(frames[1][9].contains("A001    3 号窗口"))
        #expect(frames[2][1].contains("再次呼叫"))
        // The recall updates A001's row (with its count) rather than adding one.
        #expect(frames[2][9].contains("A001    3 号窗口") && frames[2][9].contains("重呼"))
        #expect(!frames[2][10].contains("A001"))
    }
}

/// A terminal script that can also act between keys (a write from another connection), for races.
final class ActingTerminal: TerminalBackend {
    enum Step {
        case key(Key?)
        /// Runs `action`, then returns `key` (nil: a timeout, so the loop polls).
        case act(() throws -> Void, then: Key?)
    }

    let size: Size
    private var steps: [Step]
    private(set) var frames: [CellGrid] = []

    init(size: Size, steps: [Step]) { self.size = size; self.steps = steps }

    var lastFrame: CellGrid? { frames.last }
    var isFinished: Bool { steps.isEmpty }
    func draw(_ grid: CellGrid) { frames.append(grid) }

    func readKey(timeoutMs: Int) -> Key? {
        guard !steps.isEmpty else { return nil }
        switch steps.removeFirst() {
        case .key(let key): return key
        case .act(let action, let key):
            try? action()
            return key
        }
    }
}
