/// Estimated wait for a new ticket, in whole minutes:
///
///     ceil(ahead × averageServiceMinutes ÷ max(1, windowsServing))
///
/// `ahead` is the tickets waiting in the line before it; `averageServiceMinutes` is the mean service time of
/// the line's last 20 tickets finished today — the current pace (the line's configured default before the
/// first one finishes);
/// `windowsServing` is the open windows whose profile includes the line. A line no open window serves
/// still gets an estimate as if one window served it: the kiosk says so separately.
public enum WaitEstimate {
    public static func minutes(ahead: Int, averageServiceMinutes: Double, windowsServing: Int) -> Int {
        guard ahead > 0 else { return 0 }
        let raw = Double(ahead) * max(0, averageServiceMinutes) / Double(max(1, windowsServing))
        return Int(raw.rounded(.up))
    }
}
