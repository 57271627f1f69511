import Queue

/// A document the hall issues at the window or on a case. Stored by `rawValue` (a stable key).
public enum CaseDocumentKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// 受理通知书 (art. 32): the case number, the item and its deadlines.
    case acceptanceNotice
    /// 容缺受理通知书: accepted with deficiency; what is outstanding and by when.
    case toleranceNotice
    /// 容缺受理承诺书: the applicant's commitment to supply the outstanding materials; two copies (applicant, file).
    case commitment
    /// 一次性告知书 (补正材料通知书): every missing or defective material at once, how to supply it, the legal basis.
    case oneTimeNotice
    /// 不予受理决定书: the reason and the applicant's remedies (administrative review, lawsuit).
    case refusalDecision

    public var label: Bilingual {
        switch self {
        case .acceptanceNotice: Bilingual(en: "acceptance notice", zh: "受理通知书")
        case .toleranceNotice: Bilingual(en: "acceptance-with-deficiency notice", zh: "容缺受理通知书")
        case .commitment: Bilingual(en: "applicant's commitment", zh: "容缺受理承诺书")
        case .oneTimeNotice: Bilingual(en: "one-time notice of materials", zh: "一次性告知书")
        case .refusalDecision: Bilingual(en: "decision not to accept", zh: "不予受理决定书")
        }
    }

    /// The documents a decision at the window issues, in printing order.
    public static func issued(for decision: IntakeDecisionKind) -> [CaseDocumentKind] {
        switch decision {
        case .accept: [.acceptanceNotice]
        case .tolerate: [.toleranceNotice, .commitment]
        case .notice: [.oneTimeNotice]
        case .refuse: [.refusalDecision]
        case .pending: []
        }
    }
}
