import Foundation
import HallModel
import Queue

/// A screen that shows a view loaded from the hall database and takes back what its effects came to.
/// The screen stays pure: the session loads, performs and hands over; it never assigns the screen's fields.
public protocol SessionScreen: Screen {
    /// What the screen shows from the database (`BoardView`, `KioskView`…).
    associatedtype View
    /// What an effect came to (an issued ticket's slip, a refusal…); `Never` for screens without writes.
    associatedtype Result

    /// New data: another process committed, or this one did.
    mutating func update(_ view: View, at now: Date)
    /// An effect's result.
    mutating func apply(_ result: Result, at now: Date)
    /// Time passed (slip countdowns, flashes, idle timeouts). Returns whether anything shown changed.
    mutating func tick(at now: Date) -> Bool
}

extension SessionScreen where Result == Never {
    public mutating func apply(_ result: Never, at now: Date) {}
}

/// What `perform` made of an effect.
public enum SessionStep<Result> {
    /// Hand this to the screen, then reload its view (our own commits do not move this connection's
    /// `data_version`).
    case result(Result)
    /// Nothing to report; reload.
    case done
    case quit
}

/// One screen against the hall database: the one copy of the `PRAGMA data_version` watch every screen
/// uses. `poll` reloads the view when another process committed and ticks the screen's timers; `run`
/// drives a `RunLoop`, performing effects and handing their results back to the screen.
///
///     var session = ScreenSession<BoardScreen>(database: db, pollInterval: .milliseconds(200),
///                                              load: { try $0.boardView() }, perform: { _, _ in .quit })
///     try session.run(on: terminal, language: .zh)
public struct ScreenSession<S: SessionScreen> {
    public let database: HallDatabase
    public var pollInterval: Duration
    /// Real time for timers (the hall clock may be frozen by DESK_NOW); the screen's clock is `database.clock`.
    public var wallClock: @Sendable () -> Date
    public let load: (HallDatabase) throws -> S.View
    /// Performs one effect (one transaction). It may read the screen, never change it: what it made of
    /// the effect goes back as a `SessionStep`.
    public var performEffect: (S.Effect, S) throws -> SessionStep<S.Result>
    /// The `data_version` of the view on screen (nil: reload at the next poll).
    public private(set) var lastVersion: Int?

    public init(database: HallDatabase, pollInterval: Duration, wallClock: @escaping @Sendable () -> Date = { Date() },
                load: @escaping (HallDatabase) throws -> S.View,
                perform: @escaping (S.Effect, S) throws -> SessionStep<S.Result>) {
        self.database = database; self.pollInterval = pollInterval; self.wallClock = wallClock
        self.load = load; self.performEffect = perform
    }

    /// The first view. The version is read first, so a write that lands during the load is loaded again.
    public mutating func loadView() throws -> S.View {
        lastVersion = try database.dataVersion()
        return try load(database)
    }

    /// One poll step, for the run loop and for headless drivers (the board bench): a fresh view when
    /// another process committed, and the screen's timers. Returns whether the screen changed.
    public mutating func poll(_ screen: inout S) throws -> Bool {
        var changed = false
        if try database.dataVersion() != lastVersion {
            screen.update(try loadView(), at: wallClock())
            changed = true
        }
        return screen.tick(at: wallClock()) || changed
    }

    /// Performs `effect` and hands its result to `screen`, then reloads. A reload that fails after a
    /// committed effect keeps the view on screen (the next poll tries again): the result must be seen.
    public mutating func perform(_ effect: S.Effect, on screen: inout S) throws -> LoopControl {
        let step = try performEffect(effect, screen)
        switch step {
        case .quit: return .quit
        case .result(let result): screen.apply(result, at: wallClock())
        case .done: break
        }
        do { screen.update(try loadView(), at: wallClock()) } catch { lastVersion = nil }
        return .keepRunning
    }

    /// Runs `screen` (the first view already loaded) until quit or the terminal's input ends; returns the
    /// final screen. `afterPoll` sees the screen after each poll, before it is drawn, and may change it (returning
    /// true then): the bench's board uses it to time when a call reaches the wall, the board's voice to hand new
    /// calls to the announcer and show its notice.
    @discardableResult
    public mutating func run<T: TerminalBackend>(_ screen: S, on terminal: T, language: Language,
                                                 afterPoll: @escaping (inout S) -> Bool = { _ in false }) throws -> S {
        let clock = database.clock
        var loop = RunLoop(screen: screen, terminal: terminal, language: language, pollInterval: pollInterval, clock: { clock.now })
        loop.changes = database.changeSignal()
        var session = self
        defer { self = session }
        try loop.run(watch: { screen in let changed = try session.poll(&screen); return afterPoll(&screen) || changed }, perform: { effect, screen in try session.perform(effect, on: &screen) })
        return loop.screen
    }
}
