/// Estimated wait for a new ticket, in whole minutes (docs/kiosk-and-board.md, "The wait estimate"):
///
///     minutes = ceil(ahead × serviceMinutes ÷ windowsServing)          (nil when windowsServing = 0)
///     serviceMinutes = max(floor, w × median + (1 − w) × configured)
///     w = min(samples, fullWeightSamples) ÷ fullWeightSamples
///     floor = max(1, configured × floorShare)
///
/// `ahead` is the tickets waiting in the line before it; the samples are the service times (end − start) of
/// the line's last `recentSamples` tickets finished today; `configured` is the line's configured service
/// time. The median ignores a few outliers (one 3-second service moves nothing), the blend trusts today's
/// figures only once there are enough of them, and the floor keeps a run of quick services from promising
/// "no wait" to a long queue. `windowsServing` is the open windows whose profile includes the line: with
/// none, there is no estimate at all (the kiosk says why instead).
public enum WaitEstimate {
    /// How many recent service times are read.
    public static let recentSamples = 20
    /// Samples needed before the median alone decides.
    public static let fullWeightSamples = 10
    /// The floor, as a share of the configured time (and never under one minute).
    public static let floorShare = 0.25

    /// The service time to assume, in minutes, from recent service times in seconds and the configured minutes.
    public static func serviceMinutes(recentSeconds: [Double], configuredMinutes: Double) -> Double {
        let configured = max(0, configuredMinutes)
        let floor = max(1, configured * floorShare)
        let samples = recentSeconds.filter { $0.isFinite && $0 >= 0 }.prefix(recentSamples)
        guard !samples.isEmpty else { return max(floor, configured) }
        let weight = Double(min(samples.count, fullWeightSamples)) / Double(fullWeightSamples)
        let blended = weight * median(Array(samples)) / 60 + (1 - weight) * configured
        return max(floor, blended)
    }

    /// Minutes until a new ticket is called; nil when no window serves the line.
    public static func minutes(ahead: Int, serviceMinutes: Double, windowsServing: Int) -> Int? {
        guard windowsServing > 0 else { return nil }
        guard ahead > 0 else { return 0 }
        let raw = Double(ahead) * max(0, serviceMinutes) / Double(windowsServing)
        return Int(raw.rounded(.up))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
