import Queue

/// Why a case's clock stands still (art. 45: hearings, testing, expert review… are not counted; and an overdue
/// 容缺 supplement). Stored by `rawValue` (a stable key).
public enum SuspensionReason: String, Codable, Sendable, Hashable, CaseIterable {
    /// 听证.
    case hearing
    /// 检验、检测、检疫.
    case testing
    /// 专家评审.
    case expertReview
    /// 容缺 materials not supplied by the supplement deadline (set by the sweep only).
    case supplementsOverdue
    /// 中介服务: an intermediary agency's work the item leaves out of the clock (surveying, testing, assessment…), from
    /// the referral to the delivery (set and lifted by the supermarket's rules only).
    case intermediaryService

    public var label: Bilingual {
        switch self {
        case .hearing: Bilingual(en: "hearing", zh: "听证")
        case .testing: Bilingual(en: "testing", zh: "检验检测")
        case .expertReview: Bilingual(en: "expert review", zh: "专家评审")
        case .supplementsOverdue: Bilingual(en: "supplements overdue", zh: "容缺材料逾期未补")
        case .intermediaryService: Bilingual(en: "intermediary service", zh: "中介服务")
        }
    }
}
