import Queue

/// How an agent was in touch with the applicant (the contact log). Stored by `rawValue` (a stable key).
public enum ContactMethod: String, CaseIterable, Codable, Sendable, Hashable {
    case phone
    case visit
    case message
    case other

    public var label: Bilingual {
        switch self {
        case .phone: Bilingual(en: "phone", zh: "电话")
        case .visit: Bilingual(en: "visit", zh: "面谈")
        case .message: Bilingual(en: "message", zh: "短信/微信")
        case .other: Bilingual(en: "other", zh: "其他")
        }
    }
}
