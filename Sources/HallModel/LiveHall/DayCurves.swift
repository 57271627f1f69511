import Foundation

/// The day's charts, folded from the same events as `DayStatistics` (a ticket's events in log order): arrivals and
/// served per hour — an arrival at its `issue`, served at its `finish` when finishing is the ticket's outcome, as
/// `DayStatistics` counts them — and how many tickets were waiting at the end of each bucket of the day (a ticket
/// waits after the events whose `EventKind.ticketStateAfter` is `.waiting`: issue, transfer, requeue, reopen). Pure.
public struct DayCurves: Sendable, Equatable {
    public struct Hour: Sendable, Equatable {
        /// 0…23, in the hall's time zone (hours from the business day's midnight).
        public var hour: Int
        public var arrivals: Int
        public var served: Int
        public init(hour: Int, arrivals: Int, served: Int) { self.hour = hour; self.arrivals = arrivals; self.served = served }
    }

    /// Every hour of the day, 0 to 23.
    public var hours: [Hour]
    /// The waiting count at the end of each bucket from midnight up to the bucket holding `until` (at most a day's).
    public var waiting: [Int]
    public var bucketMinutes: Int

    public init(hours: [Hour], waiting: [Int], bucketMinutes: Int) {
        self.hours = hours; self.waiting = waiting; self.bucketMinutes = bucketMinutes
    }

    public static let defaultBucketMinutes = 15

    /// Folds `events` (in log order) of the day that starts at `dayStart`, up to `until`.
    public static func compute(events: [DayStatistics.Event], dayStart: Date, until: Date,
                               bucketMinutes: Int = defaultBucketMinutes) -> DayCurves {
        let bucketSeconds = Double(max(1, bucketMinutes) * 60)
        let perDay = Int((86_400 / bucketSeconds).rounded(.up))
        let elapsed = until.timeIntervalSince(dayStart)
        let buckets = max(0, min(perDay, Int((elapsed / bucketSeconds).rounded(.down)) + 1))
        func hour(_ at: Date) -> Int? {
            let h = Int((at.timeIntervalSince(dayStart) / 3600).rounded(.down))
            return (0..<24).contains(h) ? h : nil
        }
        var arrivals = [Int](repeating: 0, count: 24)
        var finishedAt: [Int64: Date] = [:]
        var outcome: [Int64: String] = [:]
        // +1 / -1 on the waiting count at a bucket, then a running sum.
        var delta = [Int](repeating: 0, count: buckets)
        var waits: [Int64: Bool] = [:]
        for e in events {
            if e.kind == EventKind.issue.rawValue, let h = hour(e.at) { arrivals[h] += 1 }
            if e.kind == EventKind.finish.rawValue { finishedAt[e.ticketID] = e.at }
            if [EventKind.finish, .noShow, .cancel, .unserved].map(\.rawValue).contains(e.kind) { outcome[e.ticketID] = e.kind }
            guard let state = EventKind(rawValue: e.kind)?.ticketStateAfter else { continue }
            let nowWaiting = state == .waiting
            guard nowWaiting != (waits[e.ticketID] ?? false) else { continue }
            waits[e.ticketID] = nowWaiting
            let at = max(0, e.at.timeIntervalSince(dayStart))
            let bucket = Int((at / bucketSeconds).rounded(.down))
            if bucket < buckets { delta[bucket] += nowWaiting ? 1 : -1 }
        }
        var served = [Int](repeating: 0, count: 24)
        for (ticket, at) in finishedAt where outcome[ticket] == EventKind.finish.rawValue {
            if let h = hour(at) { served[h] += 1 }
        }
        var running = 0
        let waiting = delta.map { d -> Int in running += d; return max(0, running) }
        return DayCurves(hours: (0..<24).map { Hour(hour: $0, arrivals: arrivals[$0], served: served[$0]) }, waiting: waiting,
                         bucketMinutes: max(1, bucketMinutes))
    }
}
