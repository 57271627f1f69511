import Foundation
import Queue

/// The day's figures, derived only from the event log (never from the ticket rows' current state), so a
/// figure can always be traced back to what happened.
///
/// - wait = last call − issue (a recall moves the call time; a transfer starts a new wait in the new line
///   from the original issue, as the applicant experiences it);
/// - walk = start − last call; service = finish − start;
/// - service level = share of called tickets whose wait ≤ the line's target;
/// - no-show rate = no-shows ÷ tickets called at least once;
/// - max wait = the longest wait of a called ticket;
/// - hourly (with a time zone): arrivals by the hour of issue, served by the hour of finish, in the hall's zone;
/// - wait distribution: called tickets by wait, in the buckets of `waitBucketMinutes`.
/// Percentiles use the nearest-rank method. The same fold serves a day and a month (a month's percentiles are
/// over all its waits, never averages of days).
public struct DayStatistics: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        public var arrivals = 0
        public var called = 0
        public var served = 0
        public var noShows = 0
        public var cancelled = 0
        public var unserved = 0
        public var averageWaitSeconds: Double?
        public var p90WaitSeconds: Double?
        public var maxWaitSeconds: Double?
        public var averageWalkSeconds: Double?
        public var averageServiceSeconds: Double?
        public var p90ServiceSeconds: Double?
        /// 0…1, nil when nothing was called.
        public var serviceLevel: Double?
        public var noShowRate: Double?
        /// Sum of service times: the window's busy time.
        public var busySeconds: Double = 0
    }

    public var businessDate: String
    public var total: Figures
    public var perLine: [(prefix: String, name: String, figures: Figures)]
    /// Every window of the hall (idle ones too), with the figures of the tickets it called and its times.
    public var perWindow: [(window: Int, name: String, figures: Figures, times: WindowTimes)]
    /// Every staff member who called a ticket that day (the clerk signed in at the calling window), with the time
    /// of the windows they held (`WindowTimes.foldByWindowAndStaff`).
    public var perStaff: [(staff: String, name: String, figures: Figures, times: WindowTimes)]
    /// Hours 0–23 in the hall's zone: tickets issued and tickets finished in each (empty without a time zone).
    public var hourly: [HourCount] = []
    /// Called tickets per wait bucket: `waitBucketMinutes.count + 1` counts (the last: longer than the last bound).
    public var waitDistribution: [Int] = []

    public struct HourCount: Sendable, Equatable {
        public var hour: Int
        public var arrivals: Int
        public var served: Int
    }

    /// The upper bounds (inclusive, minutes) of the wait distribution's buckets: ≤ 5, 5–10, …, 45–60, > 60.
    public static let waitBucketMinutes = [5, 10, 15, 20, 30, 45, 60]

    public static func == (a: DayStatistics, b: DayStatistics) -> Bool {
        a.businessDate == b.businessDate && a.total == b.total && a.hourly == b.hourly && a.waitDistribution == b.waitDistribution
            && a.perLine.map { "\($0.prefix)\($0.figures)" } == b.perLine.map { "\($0.prefix)\($0.figures)" }
            && a.perWindow.map { "\($0.window)\($0.figures)\($0.times)" } == b.perWindow.map { "\($0.window)\($0.figures)\($0.times)" }
            && a.perStaff.map { "\($0.staff)\($0.figures)\($0.times)" } == b.perStaff.map { "\($0.staff)\($0.figures)\($0.times)" }
    }

    /// One event of a ticket, as stored in `hall_event`.
    public struct Event: Sendable {
        public var ticketID: Int64
        public var kind: String
        public var at: Date
        public var window: Int?
        public var lineID: Int64
        /// The person the event concerns: for a call, the clerk signed in at the window.
        public var staff: String?
        public init(ticketID: Int64, kind: String, at: Date, window: Int?, lineID: Int64, staff: String? = nil) {
            self.ticketID = ticketID; self.kind = kind; self.at = at; self.window = window; self.lineID = lineID; self.staff = staff
        }
    }

    /// Folds the events (in log order) of the tickets issued on `businessDate` (or in a month: the label is the caller's).
    /// `windowTimes`: each window's open, paused, occupied and idle time (`WindowTimes.fold`), `staffTimes` each staff
    /// member's; `staffNames` names the staff members in `perStaff`; `timeZone` (the hall's) gives the hourly counts.
    public static func compute(businessDate: String, events: [Event], lines: [ServiceLine], windows: [ServiceWindow],
                               windowTimes: [Int: WindowTimes] = [:], staffTimes: [String: WindowTimes] = [:],
                               staffNames: [String: String] = [:], timeZone: TimeZone? = nil) -> DayStatistics {
        struct Visit {
            var lineID: Int64 = 0
            var issued: Date?
            var lastCall: Date?
            var started: Date?
            var finished: Date?
            var window: Int?
            var staff: String?
            var outcome: String?
        }
        var visits: [Int64: Visit] = [:]
        var order: [Int64] = []
        for e in events {
            if visits[e.ticketID] == nil { order.append(e.ticketID) }
            var v = visits[e.ticketID] ?? Visit()
            v.lineID = e.lineID
            switch e.kind {
            case "issue": v.issued = e.at
            case "call", "recall": v.lastCall = e.at; v.window = e.window ?? v.window; v.staff = e.staff ?? v.staff
            case "start": v.started = e.at
            case "finish": v.finished = e.at; v.outcome = "finish"
            case "no_show": v.outcome = "no_show"
            case "cancel": v.outcome = "cancel"
            case "unserved": v.outcome = "unserved"
            case "transfer": v.started = nil; v.lastCall = nil
            default: break
            }
            visits[e.ticketID] = v
        }
        let targets = Dictionary(lines.map { ($0.id, $0.targetWaitMinutes) }, uniquingKeysWith: { a, _ in a })

        func figures(_ vs: [Visit]) -> Figures {
            var f = Figures()
            var waits: [Double] = [], walks: [Double] = [], services: [Double] = []
            var withinTarget = 0
            for v in vs {
                if v.issued != nil { f.arrivals += 1 }
                if let call = v.lastCall, let issued = v.issued {
                    f.called += 1
                    let wait = call.timeIntervalSince(issued)
                    waits.append(wait)
                    if wait <= Double((targets[v.lineID] ?? 0) * 60) { withinTarget += 1 }
                    if let start = v.started { walks.append(start.timeIntervalSince(call)) }
                }
                switch v.outcome {
                case "finish":
                    f.served += 1
                    if let s = v.started, let e = v.finished { services.append(e.timeIntervalSince(s)) }
                case "no_show": f.noShows += 1
                case "cancel": f.cancelled += 1
                case "unserved": f.unserved += 1
                default: break
                }
            }
            f.averageWaitSeconds = mean(waits)
            f.p90WaitSeconds = percentile90(waits)
            f.maxWaitSeconds = waits.max()
            f.averageWalkSeconds = mean(walks)
            f.averageServiceSeconds = mean(services)
            f.p90ServiceSeconds = percentile90(services)
            f.busySeconds = services.reduce(0, +)
            f.serviceLevel = f.called > 0 ? Double(withinTarget) / Double(f.called) : nil
            f.noShowRate = f.called > 0 ? Double(f.noShows) / Double(f.called) : nil
            return f
        }

        let all = order.compactMap { visits[$0] }
        let perLine = lines.map { line in (line.prefix, line.name, figures(all.filter { $0.lineID == line.id })) }
        let perWindow = windows.map { w in (w.id, w.name, figures(all.filter { $0.window == w.id }), windowTimes[w.id] ?? WindowTimes()) }
        let staff = Set(all.compactMap(\.staff)).sorted()
        let perStaff = staff.map { id in (id, staffNames[id] ?? "", figures(all.filter { $0.staff == id }), staffTimes[id] ?? WindowTimes()) }
        var result = DayStatistics(businessDate: businessDate, total: figures(all), perLine: perLine, perWindow: perWindow, perStaff: perStaff)

        var buckets = [Int](repeating: 0, count: waitBucketMinutes.count + 1)
        for v in all {
            guard let call = v.lastCall, let issued = v.issued else { continue }
            let minutes = call.timeIntervalSince(issued) / 60
            buckets[waitBucketMinutes.firstIndex { minutes <= Double($0) } ?? waitBucketMinutes.count] += 1
        }
        result.waitDistribution = buckets
        if let timeZone {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var hours = (0..<24).map { HourCount(hour: $0, arrivals: 0, served: 0) }
            for v in all {
                if let issued = v.issued { hours[calendar.component(.hour, from: issued)].arrivals += 1 }
                if v.outcome == "finish", let finished = v.finished { hours[calendar.component(.hour, from: finished)].served += 1 }
            }
            result.hourly = hours
        }
        return result
    }

    static func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

    /// Nearest rank: the smallest value with at least 90 % of the values at or below it.
    public static func percentile90(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let sorted = xs.sorted()
        let rank = Int((0.9 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, rank - 1)]
    }
}
