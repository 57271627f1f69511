/// A terminal for tests: plays back a script of keys (nil = a timeout, which runs `poll`) and
/// records every frame drawn. When the script is used up, `isFinished` ends the run loop.
///
///     let terminal = TestTerminal(size: Size(width: 80, height: 24), script: [.char("n"), nil, .f(10)])
///     try RunLoop(screen: screen, terminal: terminal).run(...)
///     #expect(terminal.lastFrame?.lines()[0] == "...")
public final class TestTerminal: TerminalBackend {
    public var size: Size
    public private(set) var frames: [CellGrid] = []
    private var script: [ScriptStep]

    public enum ScriptStep {
        case key(Key?)
        /// The terminal changes size; the loop then sees `.resize`.
        case resize(Size)
    }

    public init(size: Size, script: [Key?]) {
        self.size = size
        self.script = script.map { .key($0) }
    }

    public init(size: Size, steps: [ScriptStep]) {
        self.size = size
        self.script = steps
    }

    public var lastFrame: CellGrid? { frames.last }
    public var isFinished: Bool { script.isEmpty }

    public func draw(_ grid: CellGrid) { frames.append(grid) }

    public func readKey(timeoutMs: Int) -> Key? {
        guard !script.isEmpty else { return nil }
        switch script.removeFirst() {
        case .key(let key): return key
        case .resize(let newSize):
            size = newSize
            return .resize
        }
    }
}
