import Foundation

/// When the rating terminal at a window asks about a visit. Pure: the window's latest finished ticket and the clock in,
/// the answer out.
///
/// The terminal shows the ticket most recently finished at its window (today's business day) from the moment it was
/// finished until it is rated or `timeoutSeconds` have passed, whichever comes first; a newer finish at the window
/// replaces it (the next citizen's visit is the one to rate, and the earlier one is then never asked again). Only
/// that one ticket can be rated from the terminal.
public enum RatingPromptRule {
    /// `rating_timeout_seconds` when the hall sets none.
    public static let defaultTimeoutSeconds = 60
    /// What `desk settings set rating_timeout_seconds` accepts.
    public static let timeoutRange = 10...600

    public enum Status: Sendable, Hashable {
        /// Shown on the terminal until `until`.
        case asking(until: Date)
        /// Already rated (by the terminal, a timeout default or a supervisor's entry).
        case rated
        /// Past the timeout, unrated.
        case timedOut(at: Date)
    }

    public static func status(finishedAt: Date, rated: Bool, now: Date, timeoutSeconds: Int) -> Status {
        if rated { return .rated }
        let end = finishedAt.addingTimeInterval(TimeInterval(timeoutSeconds))
        return now < end ? .asking(until: end) : .timedOut(at: end)
    }
}
