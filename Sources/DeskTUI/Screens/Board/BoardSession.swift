import Foundation
import HallModel
import Queue

/// The board against the hall database: asks `PRAGMA data_version` every `pollInterval` and reloads when
/// another process committed, so a call made at a window shows within one interval plus a read.
public struct BoardSession {
    /// 100 ms: a call must be on the wall within a second, and one PRAGMA costs microseconds.
    public static let pollInterval: Duration = .milliseconds(100)

    public let database: HallDatabase
    public var wallClock: @Sendable () -> Date

    public init(database: HallDatabase, wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.wallClock = wallClock
    }

    /// A board with its first data, and a poll step for any driver (the terminal loop, the bench watcher).
    public func start() throws -> (screen: BoardScreen, poll: (inout BoardScreen) throws -> Void) {
        let database = database, wallClock = wallClock
        var lastVersion = try database.dataVersion()
        var screen = BoardScreen(now: wallClock())
        screen.update(try database.boardView(), at: wallClock())
        let poll: (inout BoardScreen) throws -> Void = { screen in
            let version = try database.dataVersion()
            if version != lastVersion {
                lastVersion = version
                screen.update(try database.boardView(), at: wallClock())
            } else {
                screen.tick(at: wallClock())
            }
        }
        return (screen, poll)
    }

    /// Runs until q, Esc or F10, or until the terminal's input ends. `afterPoll` sees the screen after each
    /// poll, before it is drawn (`desk bench` uses it to time when a call reaches the wall).
    public func run<T: TerminalBackend>(on terminal: T, language: Language, afterPoll: (BoardScreen) -> Void = { _ in }) throws {
        let (screen, poll) = try start()
        let clock = database.clock
        var loop = RunLoop(screen: screen, terminal: terminal, language: language, pollInterval: Self.pollInterval, clock: { clock.now })
        try loop.run(poll: { screen in try poll(&screen); afterPoll(screen) }, perform: { _, _ in .quit })
    }
}
