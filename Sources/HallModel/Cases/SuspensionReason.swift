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

    public var label: Bilingual {
        switch self {
        case .hearing: Bilingual(en: "hearing", zh: "听证")
        case .testing: Bilingual(en: "testing", zh: "检验检测")
        case .expertReview: Bilingual(en: "expert review", zh: "专家评审")
        case .supplementsOverdue: Bilingual(en: "supplements overdue", zh: "容缺材料逾期未补")
        }
    }
}
