/// What the run loop needs from a terminal. `CursesTerminal` is the real one; `TestTerminal`
/// replays keys and keeps the frames, like ratatui's `TestBackend`.
public protocol TerminalBackend: AnyObject {
    /// The current size; reread after `.resize`.
    var size: Size { get }
    /// Shows `grid`, writing only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// The next key, or nil when `timeoutMs` passes without one.
    func readKey(timeoutMs: Int) -> Key?
    /// The same, but also returns nil as soon as `fd` is readable (a `ChangeSignal`: another process
    /// committed), so a screen wakes on a commit instead of polling for it.
    func readKey(timeoutMs: Int, wakeOn fd: Int32?) -> Key?
    /// Whether `readKey(timeoutMs:wakeOn:)` really waits on `fd`. Scripted terminals do not: their nil is a
    /// timeout, after which the loop looks at the database as a polling loop would.
    var wakesOnDescriptor: Bool { get }
    /// True when no more input will come (a script ran out): the run loop stops.
    var isFinished: Bool { get }
}

extension TerminalBackend {
    /// Terminals without a file descriptor to wait on (tests, wrappers) ignore `fd`: the loop's poll still runs.
    public func readKey(timeoutMs: Int, wakeOn fd: Int32?) -> Key? { readKey(timeoutMs: timeoutMs) }
    public var wakesOnDescriptor: Bool { false }
}
