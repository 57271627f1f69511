import Queue

/// What the window decides on the materials it was handed (Administrative Licensing Law art. 32).
/// Stored by `rawValue` (a stable key); each decision is a printed, dated document and an event.
public enum IntakeDecisionKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// 受理: every material in; a case opens.
    case accept
    /// 容缺受理: core materials in, only tolerable ones missing or defective; a case opens with supplements due.
    case tolerate
    /// 一次性告知 (补正材料通知书): no case; every missing or defective material listed at once.
    case notice
    /// 不予受理: not this organ's matter, or no licence needed; the reason and the remedies.
    case refuse
    /// "Materials received, checking": to be decided within 5 working days, or it counts as accepted from the
    /// day the materials arrived (art. 32).
    case pending

    public var label: Bilingual {
        switch self {
        case .accept: Bilingual(en: "accept", zh: "受理")
        case .tolerate: Bilingual(en: "accept with deficiency", zh: "容缺受理")
        case .notice: Bilingual(en: "one-time notice", zh: "一次性告知")
        case .refuse: Bilingual(en: "refuse", zh: "不予受理")
        case .pending: Bilingual(en: "received, checking", zh: "材料已收，审查中")
        }
    }

    /// The decision opens a case.
    public var opensCase: Bool { self == .accept || self == .tolerate }
}
