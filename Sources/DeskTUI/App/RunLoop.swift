import Foundation
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
public struct RunLoop<S: Screen, T: TerminalBackend> {
    public var screen: S
    public let terminal: T
    public var language: Language
    /// How often `poll` runs, whether keys arrive or not.
    public var pollInterval: Duration
    /// The time shown on screen; a fixed clock in tests.
    public var clock: @Sendable () -> Date

    public init(screen: S, terminal: T, language: Language = .fromEnvironment(),
                pollInterval: Duration = .milliseconds(200), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.screen = screen
        self.terminal = terminal
        self.language = language
        self.pollInterval = pollInterval
        self.clock = clock
    }

    /// Runs until `perform` returns `.quit` or the terminal has no more input.
    /// - `poll`: called about every `pollInterval` (and once before the first frame). Check
    ///   `PRAGMA data_version` here and reload the screen's state when another process wrote.
    /// - `perform`: does one effect and may update the screen (e.g. with a result or an error
    ///   message). A thrown error ends the loop and propagates: catch `UserFacingError`s you
    ///   want to show on screen instead.
    public mutating func run(poll: (inout S) throws -> Void = { _ in },
                             perform: (S.Effect, inout S) throws -> LoopControl) throws {
        let pollEvery = Self.milliseconds(pollInterval)
        try poll(&screen)
        var nextPoll = ContinuousClock.now + pollInterval
        var laidOut: Size?
        while true {
            let size = terminal.size
            if laidOut != size { screen.layout(for: size); laidOut = size }
            terminal.draw(screen.frame(context: RenderContext(language: language, now: clock(), size: size)))
            if terminal.isFinished { return }

            let wait = max(0, min(pollEvery, Self.milliseconds(nextPoll - ContinuousClock.now)))
            let key = terminal.readKey(timeoutMs: wait)
            if key == nil || ContinuousClock.now >= nextPoll {
                try poll(&screen)
                nextPoll = ContinuousClock.now + pollInterval
            }
            guard let key, key != .resize else { continue } // a resize just redraws at the new size
            if !terminal.size.contains(screen.minimumSize) && !screen.acceptsWhileTooSmall(key) { continue }
            for effect in screen.handle(key) {
                if try perform(effect, &screen) == .quit {
                    return
                }
            }
        }
    }

    static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
