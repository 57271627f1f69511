import Queue

/// 好差评: the five levels a citizen gives a visit. Stored by `rawValue` (1…5, a stable key); 1 and 2 are bad reviews
/// (差评), each of which opens a rectification (整改).
public enum RatingLevel: Int, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case veryDissatisfied = 1, dissatisfied, basicallySatisfied, satisfied, verySatisfied

    /// 1–2: a bad review, with its reasons, followed up and rectified.
    public var isBad: Bool { rawValue <= 2 }

    public static func < (a: RatingLevel, b: RatingLevel) -> Bool { a.rawValue < b.rawValue }

    public var label: Bilingual {
        switch self {
        case .verySatisfied: Bilingual(en: "very satisfied", zh: "非常满意")
        case .satisfied: Bilingual(en: "satisfied", zh: "满意")
        case .basicallySatisfied: Bilingual(en: "basically satisfied", zh: "基本满意")
        case .dissatisfied: Bilingual(en: "dissatisfied", zh: "不满意")
        case .veryDissatisfied: Bilingual(en: "very dissatisfied", zh: "非常不满意")
        }
    }
}

/// Why a visit was rated 1–2: the national offline rating items (a set: one or more). Stored by `rawValue`.
public enum RatingReason: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case serviceEfficiency, serviceLevel, serviceAttitude

    public static func < (a: RatingReason, b: RatingReason) -> Bool { (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0) }

    /// The short word the command line takes (`--reason efficiency|level|attitude`).
    public var shortKey: String {
        switch self {
        case .serviceEfficiency: "efficiency"
        case .serviceLevel: "level"
        case .serviceAttitude: "attitude"
        }
    }

    public init?(shortKey: String) {
        guard let reason = Self.allCases.first(where: { $0.shortKey == shortKey || $0.rawValue == shortKey }) else { return nil }
        self = reason
    }

    public var label: Bilingual {
        switch self {
        case .serviceEfficiency: Bilingual(en: "service efficiency", zh: "服务效率")
        case .serviceLevel: Bilingual(en: "service level", zh: "服务水平")
        case .serviceAttitude: Bilingual(en: "service attitude", zh: "服务态度")
        }
    }
}

/// Where a rating came from. Stored by `rawValue`.
public enum RatingSource: String, CaseIterable, Codable, Sendable, Hashable {
    /// The citizen pressed it on the rating terminal facing them (the device `.rating` of the window).
    case ratingTerminal
    /// Entered by a supervisor from a paper form (or a script, `desk rating add`).
    case staffEntry
    /// Left unrated past `rating_timeout_seconds` where the local rule counts that as 4 满意 (`rating_timeout_counts_as`).
    case timeoutDefault

    public var label: Bilingual {
        switch self {
        case .ratingTerminal: Bilingual(en: "rating terminal", zh: "评价器")
        case .staffEntry: Bilingual(en: "entered by staff", zh: "人工录入")
        case .timeoutDefault: Bilingual(en: "no rating (counted as satisfied)", zh: "超时未评（默认满意）")
        }
    }
}

/// What a visit left unrated on the terminal counts as (`rating_timeout_counts_as`). Stored by `rawValue`.
public enum RatingTimeoutRule: String, CaseIterable, Codable, Sendable, Hashable {
    /// No rating (the national default).
    case none
    /// 4 满意, recorded with the source `timeoutDefault` by the rating terminal (a local rule).
    case satisfied
}
