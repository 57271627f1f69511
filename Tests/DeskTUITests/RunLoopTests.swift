import Foundation
import Queue
import Testing
@testable import DeskTUI

/// A counter screen, as small as a screen gets: "+" counts, "s" asks to save, "q" quits.
struct CounterScreen: Screen {
    enum Effect: Equatable { case save(Int), quit }
    var count = 0
    var reloads = 0
    var saved: [Int] = []
    var minimumSize: Size { Size(width: 20, height: 3) }

    mutating func handle(_ key: Key) -> [Effect] {
        switch key {
        case .char("+"): count += 1; return []
        case .char("s"): return [.save(count)]
        case .char("q"), .escape: return [.quit]
        default: return []
        }
    }

    func render(into grid: inout CellGrid, context: RenderContext) {
        grid.put(UIText.quit.text(context.language), x: 0, y: 0, role: .keyHint)
        grid.put("n=\(count) 已存\(saved.count)", x: 0, y: 1)
    }
}

@Suite struct RunLoopTests {
    static let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 0) }

    @Test func keysUpdateTheScreenAndEffectsArePerformed() throws {
        let terminal = TestTerminal(size: Size(width: 20, height: 3), script: [.char("+"), .char("+"), .char("s"), .char("+"), .char("q"), .char("+")])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .zh, clock: Self.fixedClock)
        var performed: [CounterScreen.Effect] = []
        try loop.run { effect, screen in
            performed.append(effect)
            if case .save(let n) = effect { screen.saved.append(n) }
            return effect == .quit ? .quit : .keepRunning
        }
        #expect(performed == [.save(2), .quit])
        #expect(loop.screen.count == 3) // the "+" after "q" is never read
        #expect(terminal.lastFrame?.lines() == ["退出                ", "n=3 已存1           ", "                    "])
    }

    @Test func timeoutsPoll() throws {
        let terminal = TestTerminal(size: Size(width: 20, height: 3), script: [nil, .char("+"), nil])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .en, pollInterval: .seconds(60), clock: Self.fixedClock)
        try loop.run(poll: { $0.reloads += 1 }, perform: { _, _ in .keepRunning })
        #expect(loop.screen.reloads == 3) // once before the first frame, once per timeout
        #expect(terminal.frames.count == 4)
    }

    @Test func tooSmallShowsTheMessageHoldsKeysAndRecovers() throws {
        let terminal = TestTerminal(size: Size(width: 16, height: 5), steps: [
            .key(.char("+")),                         // dropped: the screen is not visible
            .resize(Size(width: 20, height: 3)),
            .key(.char("+")),
        ])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .en, clock: Self.fixedClock)
        try loop.run { _, _ in .keepRunning }
        let first = terminal.frames[0].lines()
        #expect(first == [
            "  Terminal too  ",
            "  small: 16x5.  ",
            "Enlarge it to at",
            "  least 20x3.   ",
            "                ",
        ])
        #expect(terminal.frames[0][0, 0].role == .warning)
        #expect(loop.screen.count == 1)
        #expect(terminal.lastFrame?.lines()[1] == "n=1 已存0           ")
    }

    @Test func tooSmallMessageInChineseIsCentred() {
        var grid = CellGrid(size: Size(width: 30, height: 3))
        TooSmallScreen(minimumSize: Size(width: 80, height: 24))
            .render(into: &grid, context: RenderContext(language: .zh, now: Date(), size: grid.size))
        #expect(grid.lines() == [
            " 终端太小：30x3。请放大到至少 ",
            "           80x24。            ",
            "                              ",
        ])
    }

    @Test func escapeStillQuitsWhileTooSmall() throws {
        let terminal = TestTerminal(size: Size(width: 5, height: 1), script: [.char("q"), .escape, .char("+")])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, clock: Self.fixedClock)
        var quits = 0
        try loop.run { effect, _ in quits += 1; return .quit }
        #expect(quits == 1)
        #expect(!terminal.isFinished)
    }
}

/// An idle screen costs a poll per wake-up, not a frame: frames are rendered for keys, for changes `watch`
/// reports, for a resize and for a new clock second.
@Suite struct RunLoopIdleTests {
    final class Ticking: @unchecked Sendable {
        var seconds: [Double]
        init(_ seconds: [Double]) { self.seconds = seconds }
        func next() -> Date { Date(timeIntervalSince1970: seconds.count > 1 ? seconds.removeFirst() : seconds[0]) }
    }

    @Test func nothingChangedNothingRendered() throws {
        let terminal = TestTerminal(size: Size(width: 20, height: 3), script: [nil, nil, nil, nil])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .en, clock: RunLoopTests.fixedClock)
        var polls = 0
        try loop.run(watch: { _ in polls += 1; return false }, perform: { _, _ in .keepRunning })
        #expect(polls == 5) // before the first frame and at each timeout
        #expect(terminal.frames.count == 1 && loop.framesRendered == 1)
    }

    @Test func aReportedChangeAKeyAndAResizeAreDrawn() throws {
        let terminal = TestTerminal(size: Size(width: 20, height: 3), steps: [
            .key(nil), .key(nil), .key(.char("+")), .key(nil), .resize(Size(width: 22, height: 3)), .key(nil),
        ])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .en, clock: RunLoopTests.fixedClock)
        var polls = 0
        try loop.run(watch: { screen in
            polls += 1
            guard polls == 3 else { return false }
            screen.reloads += 1
            return true
        }, perform: { _, _ in .keepRunning })
        // first frame; the poll that changed; the key; the resize.
        #expect(terminal.frames.count == 4)
        #expect(terminal.frames.last?.size == Size(width: 22, height: 3))
    }

    @Test func aNewClockSecondIsDrawn() throws {
        let clock = Ticking([100.0, 100.2, 100.7, 101.1, 101.5, 102.0])
        let terminal = TestTerminal(size: Size(width: 20, height: 3), script: [nil, nil, nil, nil, nil])
        var loop = RunLoop(screen: CounterScreen(), terminal: terminal, language: .en, clock: { clock.next() })
        try loop.run(watch: { _ in false }, perform: { _, _ in .keepRunning })
        #expect(terminal.frames.count == 3) // seconds 100, 101, 102
    }
}
