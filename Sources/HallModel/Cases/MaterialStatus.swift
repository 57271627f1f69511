import Queue

/// What the window found for one material of the item's checklist at intake, and later.
/// Stored by `rawValue` (a stable key).
public enum MaterialStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Brought and in order.
    case provided
    /// Not brought.
    case missing
    /// Brought but not in order (the note says what is wrong).
    case defective
    /// Wrong at first, corrected at the window on the spot (当场更正): counts as provided.
    case corrected
    /// Missing or defective at a 容缺 intake, brought later (a supplement, with when and who).
    case supplied

    /// The material is in and in order.
    public var isIn: Bool {
        switch self {
        case .provided, .corrected, .supplied: true
        case .missing, .defective: false
        }
    }

    public var label: Bilingual {
        switch self {
        case .provided: Bilingual(en: "provided", zh: "已提交")
        case .missing: Bilingual(en: "missing", zh: "缺")
        case .defective: Bilingual(en: "defective", zh: "有误")
        case .corrected: Bilingual(en: "corrected on the spot", zh: "当场更正")
        case .supplied: Bilingual(en: "supplied later", zh: "已补齐")
        }
    }
}
