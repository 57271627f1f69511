import Foundation

/// Slows down guessing at a kiosk's case lookup. The last four characters of an ID number are a weak secret (about
/// 11,000 values for a resident ID, fewer still for whoever knows the applicant's birth date), so after
/// `freeFailures` failed lookups in a row every further attempt waits: 30 s after the 5th failure, then twice as long
/// after each further one (60, 120, 240, 480 s), at most 10 minutes. A lookup that finds its case clears the count;
/// going back to the kiosk's start after the idle timeout does not (the next "citizen" may be the same person).
/// Pure: the caller passes the time (docs/SECURITY.md, "The kiosk's case lookup").
public struct CaseLookupThrottle: Sendable, Hashable {
    public static let freeFailures = 5
    public static let firstWait: TimeInterval = 30
    public static let longestWait: TimeInterval = 600

    /// Failed lookups since the last one that found its case.
    public private(set) var failuresInRow = 0
    /// No lookup is made before this moment.
    public private(set) var blockedUntil: Date?

    public init() {}

    /// How long the `failures`-th failure in a row makes the next attempt wait (0 before the 5th).
    public static func wait(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 10)
        return min(longestWait, firstWait * Double(1 << doublings))
    }

    /// Whole seconds until a lookup may be made at `now` (rounded up); 0: it may be made now.
    public func secondsToWait(at now: Date) -> Int {
        guard let blockedUntil else { return 0 }
        let left = blockedUntil.timeIntervalSince(now)
        return left > 0 ? Int(left.rounded(.up)) : 0
    }

    /// A lookup at `now` found nothing.
    public mutating func recordFailure(at now: Date) {
        failuresInRow += 1
        let wait = Self.wait(afterFailures: failuresInRow)
        blockedUntil = wait > 0 ? now.addingTimeInterval(wait) : nil
    }

    /// A lookup found its case.
    public mutating func recordSuccess() {
        failuresInRow = 0
        blockedUntil = nil
    }
}
