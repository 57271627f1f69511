import Foundation
import HallModel
import Queue

extension RatingScreen: SessionScreen {
    /// What a `.rate` came to.
    public enum Result: Sendable {
        case recorded
        /// Refused (already rated, no longer asked about…): the reason.
        case refused(Bilingual)
    }

    public mutating func update(_ view: RatingView, at now: Date) { update(view) }

    public mutating func apply(_ result: Result, at now: Date) {
        switch result {
        case .recorded: recorded(nil, at: now)
        case .refused(let reason): recorded(reason, at: now)
        }
    }
}

/// The rating terminal against the hall database (a `ScreenSession`): it acts as the device `.rating` of its window
/// (`Terminal.rating(window:)`, `@rating` in the audit trail), reloads when another process commits (a ticket finished
/// at the window), records the citizen's rating on Enter (one transaction), and records the timeout rule (rating11's
/// `recordRatingTimeout`: nothing, or 4 满意) once for each visit left unrated.
public struct RatingSession {
    public let database: HallDatabase
    public let window: Int
    public var thanksSeconds: Double
    public var pollInterval: Duration
    /// Real time for the timeout and the thanks (the hall clock may be frozen by DESK_NOW).
    public var wallClock: @Sendable () -> Date

    public init(database: HallDatabase, window: Int, thanksSeconds: Double = 5, pollInterval: Duration = .milliseconds(250),
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database; self.window = window; self.thanksSeconds = thanksSeconds; self.pollInterval = pollInterval
        self.wallClock = wallClock
    }

    /// The device this terminal acts as.
    public var actor: Actor { .device(.rating, terminal: .rating(window: window)) }

    /// What the terminal shows: the hall, the window, the visit to rate and the timeout.
    public static func loadView(_ database: HallDatabase, window: Int) throws -> RatingView {
        let settings = try database.settings()
        return RatingView(hallName: settings.hallName, window: window, timeZone: settings.businessCalendar.timeZone,
                          prompt: try database.ratingPrompt(window: window), timeoutSeconds: settings.ratingTimeoutSeconds)
    }

    /// Runs until quit (F10, Ctrl-Q) or the terminal's input ends; returns the final screen.
    @discardableResult
    public func run<T: TerminalBackend>(on terminal: T, language: Language) throws -> RatingScreen {
        let database = database, window = window, actor = actor
        var session = ScreenSession<RatingScreen>(
            database: database, pollInterval: pollInterval, wallClock: wallClock, load: { try Self.loadView($0, window: window) },
            perform: { effect, _ in
                switch effect {
                case .quit: return .quit
                case .rate(let request):
                    do {
                        _ = try database.recordRating(request, by: actor)
                        return .result(.recorded)
                    } catch let error as UserFacingError {
                        return .result(.refused(error.message))
                    }
                }
            })
        var written = Set<Int64>()
        let first = RatingScreen(view: try session.loadView(), thanksSeconds: thanksSeconds)
        return try session.run(first, on: terminal, language: language, afterPoll: { screen in
            for ticket in screen.timedOut where !written.contains(ticket) {
                written.insert(ticket)
                // The rule `none` writes nothing; a refusal (the hall clock still asking) leaves the visit unrated.
                _ = try? database.recordRatingTimeout(window: window, ticket: ticket, by: actor)
            }
            return false
        })
    }
}
