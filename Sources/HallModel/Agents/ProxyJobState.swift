import Queue

/// Where a proxy job (代办件) stands. Stored by `rawValue` (a stable key). A job is `open` from its request until
/// the agent's work ends: the result handed back to the applicant (`closed`), or the request withdrawn before a
/// case was filed (`cancelled`). Only open jobs count in an agent's load.
public enum ProxyJobState: String, CaseIterable, Codable, Sendable, Hashable {
    case open
    case closed
    case cancelled

    public var isOpen: Bool { self == .open }

    public var label: Bilingual {
        switch self {
        case .open: Bilingual(en: "open", zh: "办理中")
        case .closed: Bilingual(en: "closed", zh: "已办结")
        case .cancelled: Bilingual(en: "cancelled", zh: "已撤销")
        }
    }
}
