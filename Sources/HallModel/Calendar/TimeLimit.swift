import Queue

/// A time limit as an item's published list states it: "20 个工作日", "60 日".
/// Clock suspension (hearings, testing, expert review) is not part of the value; the case accounts for it.
public struct TimeLimit: Sendable, Hashable, CustomStringConvertible {
    public typealias Unit = TimeLimitUnit

    public let count: Int
    public let unit: Unit

    /// Zero is allowed: an on-the-spot item (即办件) is due the day it is accepted.
    public init(count: Int, unit: Unit) throws(TimeLimitError) {
        guard count >= 0 else { throw .negativeCount(count) }
        self.count = count
        self.unit = unit
    }

    /// For literals and already-validated input (the catalog readers report negative counts themselves);
    /// a negative count becomes 0 rather than an invalid value.
    public init(_ count: Int, _ unit: Unit = .workingDays) {
        self.count = max(0, count)
        self.unit = unit
    }

    /// The last day of the limit; the day of acceptance is not counted.
    public func deadline(from acceptanceDate: CivilDate, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        switch unit {
        case .workingDays: try calendar.addingWorkingDays(count, to: acceptanceDate)
        case .naturalDays: try calendar.addingNaturalDays(count, to: acceptanceDate)
        }
    }

    /// "20 个工作日", "60 日"; a limit of 0 is an on-the-spot item: "即办" / "on the spot".
    public var label: Bilingual {
        if count == 0 { return Bilingual(en: "on the spot", zh: "即办") }
        return switch unit {
        case .workingDays:
            Bilingual(en: Plural.english(count, "working day"), zh: "\(count) 个工作日")
        case .naturalDays:
            Bilingual(en: Plural.english(count, "day"), zh: "\(count) 日")
        }
    }

    public var description: String { label.en }
}

/// Stored as `{"count":20,"unit":"workingDays"}`; decoding applies the same check as `init`.
extension TimeLimit: Codable {
    private enum CodingKeys: String, CodingKey { case count, unit }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let count = try container.decode(Int.self, forKey: .count)
        do {
            try self.init(count: count, unit: container.decode(Unit.self, forKey: .unit))
        } catch let error as TimeLimitError {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container, debugDescription: error.message.en)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(unit, forKey: .unit)
    }
}

public enum TimeLimitError: UserFacingError, Equatable {
    case negativeCount(Int)

    public var message: Bilingual {
        switch self {
        case .negativeCount(let count):
            Bilingual(en: "a time limit cannot be negative (\(count))", zh: "时限不能为负数（\(count)）")
        }
    }
}

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
