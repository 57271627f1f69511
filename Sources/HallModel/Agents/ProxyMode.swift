import Queue

/// How an agent helps (the brief's two modes). Stored by `rawValue` (a stable key). In both the applicant stays
/// the legal applicant, and the service is free.
public enum ProxyMode: String, CaseIterable, Codable, Sendable, Hashable {
    /// 帮办: the agent helps prepare the materials and walks the applicant to the window (ticket source `proxy`).
    case accompany
    /// 代办: the applicant hands the materials over with an authorisation (委托书); the agent files the case at a
    /// window as the applicant's representative and follows it to the result.
    case fullProxy

    /// Whether a job of this mode needs the authorisation recorded when it is opened.
    public var needsAuthorisation: Bool { self == .fullProxy }

    public var label: Bilingual {
        switch self {
        case .accompany: Bilingual(en: "accompany", zh: "帮办")
        case .fullProxy: Bilingual(en: "full proxy", zh: "代办")
        }
    }
}
