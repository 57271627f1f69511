import Foundation
import HallModel
import Queue

extension BoardScreen: SessionScreen {
    public typealias Result = Never
}

/// The board against the hall database (a `ScreenSession`): asks `PRAGMA data_version` every `pollInterval`
/// and reloads when another process committed, so a call made at a window shows within one interval plus a
/// read. Idle, a wake-up costs one PRAGMA; a frame is drawn only when the board changed or its clock did.
public struct BoardSession {
    /// 200 ms: a call is on the wall within about 250 ms, and an idle board wakes five times a second.
    public static let pollInterval: Duration = .milliseconds(200)

    public let database: HallDatabase
    public var wallClock: @Sendable () -> Date

    public init(database: HallDatabase, wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.wallClock = wallClock
    }

    func session() -> ScreenSession<BoardScreen> {
        ScreenSession(database: database, pollInterval: Self.pollInterval, wallClock: wallClock,
                      load: { try $0.boardView() }, perform: { _, _ in .quit })
    }

    /// A board with its first data, and a poll step for any driver (the terminal loop, the bench watcher).
    public func start() throws -> (screen: BoardScreen, poll: (inout BoardScreen) throws -> Void) {
        var session = session()
        var screen = BoardScreen(now: wallClock())
        screen.update(try session.loadView(), at: wallClock())
        return (screen, { screen in _ = try session.poll(&screen) })
    }

    /// Runs until q, Esc or F10, or until the terminal's input ends; returns the last screen. `afterPoll` sees the
    /// screen after each poll, before it is drawn (`desk bench` uses it to time when a call reaches the wall). With a
    /// `voice` (`desk board --voice`), each poll hands the new calls to its announcer (which never blocks the loop)
    /// and the footer shows once that the voice is off.
    @discardableResult
    public func run<T: TerminalBackend>(on terminal: T, language: Language, voice: BoardVoice? = nil,
                                        afterPoll: @escaping (BoardScreen) -> Void = { _ in }) throws -> BoardScreen {
        var session = session()
        var screen = BoardScreen(now: wallClock())
        screen.update(try session.loadView(), at: wallClock())
        var voice = voice
        let wallClock = wallClock
        _ = voice?.observe(&screen, at: wallClock())
        return try session.run(screen, on: terminal, language: language, afterPoll: { screen in
            let changed = voice?.observe(&screen, at: wallClock()) ?? false
            afterPoll(screen)
            return changed
        })
    }
}
