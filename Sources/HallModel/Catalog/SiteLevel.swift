import Queue

/// A level of the three-level platform. Ordered from the district bureau down to the village.
public enum SiteLevel: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case district
    case regionalCenter
    case townCenter
    case villageStation

    public var label: Bilingual {
        switch self {
        case .district: Bilingual(en: "District", zh: "区级")
        case .regionalCenter: Bilingual(en: "Regional center", zh: "片区中心")
        case .townCenter: Bilingual(en: "Town center", zh: "镇街中心")
        case .villageStation: Bilingual(en: "Village station", zh: "村站")
        }
    }

    private var rank: Int { SiteLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: SiteLevel, rhs: SiteLevel) -> Bool { lhs.rank < rhs.rank }
}
