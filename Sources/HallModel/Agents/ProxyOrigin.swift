import Queue

/// Where a proxy job was asked for. Stored by `rawValue` (a stable key); a job from a `site` also keeps the
/// requesting site's name (`ProxyJob.originSite`), the others none.
public enum ProxyOrigin: String, CaseIterable, Codable, Sendable, Hashable {
    /// 大厅导服台: the hall's reception.
    case reception
    /// 窗口转办: a window clerk asking for an agent (a case that needs more help than the window can give).
    case window
    /// 基层站点: a lower-level site's request for an item handled here (the agent carries it).
    case site

    public var needsSiteName: Bool { self == .site }

    public var label: Bilingual {
        switch self {
        case .reception: Bilingual(en: "reception", zh: "大厅导服台")
        case .window: Bilingual(en: "window referral", zh: "窗口转办")
        case .site: Bilingual(en: "lower-level site", zh: "基层站点")
        }
    }
}
