/// What the run loop needs from a terminal. `CursesTerminal` is the real one; `TestTerminal`
/// replays keys and keeps the frames, like ratatui's `TestBackend`.
public protocol TerminalBackend: AnyObject {
    /// The current size; reread after `.resize`.
    var size: Size { get }
    /// Shows `grid`, writing only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// The next key, or nil when `timeoutMs` passes without one.
    func readKey(timeoutMs: Int) -> Key?
    /// True when no more input will come (a script ran out): the run loop stops.
    var isFinished: Bool { get }
}
