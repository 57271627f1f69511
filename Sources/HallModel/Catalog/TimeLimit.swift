import Queue

/// Legal time limits are counted in working days (Administrative Licensing Law art. 82);
/// a few items publish natural days.
public enum TimeLimitUnit: String, Codable, Sendable, Hashable, CaseIterable {
    case workingDays
    case naturalDays

    public var label: Bilingual {
        switch self {
        case .workingDays: Bilingual(en: "working days", zh: "工作日")
        case .naturalDays: Bilingual(en: "natural days", zh: "自然日")
        }
    }
}

/// A count of days in a unit. A count of 0 is an on-the-spot item (即办件).
public struct TimeLimit: Codable, Sendable, Hashable {
    public var count: Int
    public var unit: TimeLimitUnit

    public init(_ count: Int, _ unit: TimeLimitUnit = .workingDays) {
        self.count = count
        self.unit = unit
    }
}
