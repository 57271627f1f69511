import Foundation
import HallModel
import Queue

/// What `perform` tells the loop after an effect.
public enum LoopControl: Sendable {
    case keepRunning
    case quit
}

/// Owns one screen on one terminal: render → draw the difference → wait for a key (at most until
/// the next poll) → poll when due → hand the key to the screen → perform its effects.
///
/// Everything runs on the calling thread, one step at a time: a key's effects are performed
/// (database writes included) before the next key is read, and `poll` never overlaps them.
///
/// Idle is cheap: with `run(watch:perform:)` a frame is rendered only when a key was handled, `watch`
/// says the screen changed, the terminal changed size, or the clock's second changed (screens show a
/// clock); otherwise a wake-up costs one poll.
public struct RunLoop<S: Screen, T: TerminalBackend> {
    public var screen: S
    public let terminal: T
    public var language: Language
    /// How often `poll` runs, whether keys arrive or not.
    public var pollInterval: Duration
    /// The time shown on screen; a fixed clock in tests.
    public var clock: @Sendable () -> Date
    /// Wakes the loop when a process commits to the hall file (`HallDatabase.changeSignal()`). With it, the
    /// loop sleeps until a key, a commit, the clock's next second or `pollInterval`, whichever comes first,
    /// and `pollInterval` (at least a second) is a safety net; the clock's second wakes the loop for timers too; without it the loop polls every `pollInterval`.
    public var changes: ChangeSignal?
    /// Frames rendered (and handed to the terminal) so far: the idle-cost tests count them.
    public private(set) var framesRendered = 0

    public init(screen: S, terminal: T, language: Language = .fromEnvironment(),
                pollInterval: Duration = .milliseconds(200), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.screen = screen
        self.terminal = terminal
        self.language = language
        self.pollInterval = pollInterval
        self.clock = clock
    }

    /// Runs until `perform` returns `.quit` or the terminal has no more input, drawing a frame on every
    /// wake-up (for screens whose poll cannot tell whether it changed anything; prefer `run(watch:perform:)`).
    /// - `poll`: called about every `pollInterval` (and once before the first frame).
    /// - `perform`: does one effect. A thrown error ends the loop and propagates.
    public mutating func run(poll: (inout S) throws -> Void = { _ in },
                             perform: (S.Effect, inout S) throws -> LoopControl) throws {
        try run(watch: { screen in try poll(&screen); return true }, perform: perform)
    }

    /// Runs until `perform` returns `.quit` or the terminal has no more input.
    /// - `watch`: called about every `pollInterval` (and once before the first frame); returns whether it
    ///   changed the screen (e.g. reloaded after another process committed). `ScreenSession.poll` is one.
    /// - `perform`: does one effect. A thrown error ends the loop and propagates: catch `UserFacingError`s
    ///   you want to show on screen instead.
    public mutating func run(watch: (inout S) throws -> Bool,
                             perform: (S.Effect, inout S) throws -> LoopControl) throws {
        let changes = terminal.wakesOnDescriptor ? self.changes : nil
        let pollEvery = changes == nil ? Self.milliseconds(pollInterval) : max(1000, Self.milliseconds(pollInterval))
        var dirty = try watch(&screen)
        var nextPoll = ContinuousClock.now + .milliseconds(pollEvery)
        var lastWatch = ContinuousClock.now
        var changePending = false
        var laidOut: Size?
        var drawnSecond: Int?
        while true {
            let size = terminal.size
            if laidOut != size { screen.layout(for: size); laidOut = size; dirty = true }
            let now = clock()
            let second = Int(now.timeIntervalSince1970.rounded(.down))
            if dirty || second != drawnSecond {
                terminal.draw(screen.frame(context: RenderContext(language: language, now: now, size: size)))
                framesRendered += 1
                drawnSecond = second
                dirty = false
            }
            if terminal.isFinished { return }

            // Wake for the next poll or the clock's next second, whichever comes first.
            let toNextSecond = max(1, Int((1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)) * 1000))
            let wait = max(0, min(pollEvery, toNextSecond, Self.milliseconds(nextPoll - ContinuousClock.now)))
            let key = terminal.readKey(timeoutMs: wait, wakeOn: changes?.fileDescriptor)
            let woke = ContinuousClock.now
            if let changes, key == nil, woke < nextPoll, changes.drain() {
                // A commit: look a moment later, once, so that a burst of commits (an issue, then a call) costs
                // every screen one reload, not one per commit.
                nextPoll = min(nextPoll, max(woke + Self.settle, lastWatch + Self.minimumReloadGap))
                changePending = true
            } else if key == nil || woke >= nextPoll || changePending {
                // A key after a commit's signal looks first: it must act on what is in the file now.
                changes?.drain()
                dirty = try watch(&screen) || dirty
                lastWatch = woke
                nextPoll = woke + .milliseconds(pollEvery)
                changePending = false
            }
            guard let key, key != .resize else { if key == .resize { dirty = true }; continue } // a resize just redraws
            if !terminal.size.contains(screen.minimumSize) && !screen.acceptsWhileTooSmall(key) { continue }
            dirty = true
            for effect in screen.handle(key) {
                if try perform(effect, &screen) == .quit {
                    return
                }
            }
        }
    }

    /// With a change signal, a screen looks at the database at most this often: a hall's commits come in bursts
    /// (every screen reloading on each commit of a burst would cost N × the burst), and 100 ms still keeps a
    /// call on the board well within its 250 ms.
    static var minimumReloadGap: Duration { .milliseconds(100) }
    /// How long after a commit's signal the screen looks, gathering the commits that follow it.
    static var settle: Duration { .milliseconds(30) }

    static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
