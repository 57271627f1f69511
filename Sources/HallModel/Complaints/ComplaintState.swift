import Queue

/// Where a complaint stands (GB/T 36113: 受理登记 → 交办 → 答复 → 办结). Stored by `rawValue` (a stable key).
public enum ComplaintState: String, CaseIterable, Codable, Sendable, Hashable {
    /// Registered, not yet given to a unit and a handler.
    case registered
    /// Assigned to a unit and a handler; not answered yet (it may be assigned again).
    case assigned
    /// The reply was given to the complainant; waiting for their satisfaction to be recorded.
    case answered
    /// Closed with the complainant's satisfaction.
    case closed

    /// Not answered yet: the limit runs (overdue past its due date).
    public var awaitsAnswer: Bool { self == .registered || self == .assigned }
    /// Not closed.
    public var isOpen: Bool { self != .closed }

    public var label: Bilingual {
        switch self {
        case .registered: Bilingual(en: "registered", zh: "已登记")
        case .assigned: Bilingual(en: "assigned", zh: "已交办")
        case .answered: Bilingual(en: "answered", zh: "已答复")
        case .closed: Bilingual(en: "closed", zh: "已办结")
        }
    }
}

/// The complainant's satisfaction with the reply, recorded when the complaint is closed. Stored by `rawValue`.
public enum ComplaintSatisfaction: String, CaseIterable, Codable, Sendable, Hashable {
    case satisfied
    case basicallySatisfied
    case dissatisfied
    /// The complainant could not be reached to ask.
    case unreachable

    public var label: Bilingual {
        switch self {
        case .satisfied: Bilingual(en: "satisfied", zh: "满意")
        case .basicallySatisfied: Bilingual(en: "basically satisfied", zh: "基本满意")
        case .dissatisfied: Bilingual(en: "dissatisfied", zh: "不满意")
        case .unreachable: Bilingual(en: "unreachable", zh: "联系不上")
        }
    }
}
