import Queue

/// Where a complaint came from (GB/T 36113: 来电, 来访, 网上, 12345 热线转办). Stored by `rawValue` (a stable key).
public enum ComplaintSource: String, CaseIterable, Codable, Sendable, Hashable {
    case phone
    case visit
    case online
    /// A transfer from the 12345 government service hotline: it carries the hotline's work-order number (工单号).
    case hotline

    public var label: Bilingual {
        switch self {
        case .phone: Bilingual(en: "phone", zh: "来电")
        case .visit: Bilingual(en: "visit", zh: "来访")
        case .online: Bilingual(en: "online", zh: "网上")
        case .hotline: Bilingual(en: "12345 hotline", zh: "12345 热线转办")
        }
    }

    /// For a list's narrow column.
    public var shortLabel: Bilingual {
        switch self {
        case .hotline: Bilingual(en: "12345", zh: "12345")
        default: label
        }
    }

    /// Whether a complaint from this source carries a 12345 work-order number (and only such one does).
    public var carriesWorkOrder: Bool { self == .hotline }
}
