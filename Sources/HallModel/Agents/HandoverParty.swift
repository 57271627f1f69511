import Queue

/// Who gives or receives a material in the handover ledger (材料交接台账). Stored by `rawValue` (a stable key).
public enum HandoverParty: String, CaseIterable, Codable, Sendable, Hashable {
    /// The applicant (or the person signing for them): where originals come from and go back to.
    case applicant
    /// The job's proxy agent (代办员).
    case agent
    /// A window of the hall (the clerk signing for it).
    case window

    /// Holding an original here counts as "still with the hall or the agent".
    public var holdsForTheApplicant: Bool { self != .applicant }

    public var label: Bilingual {
        switch self {
        case .applicant: Bilingual(en: "applicant", zh: "申请人")
        case .agent: Bilingual(en: "agent", zh: "代办员")
        case .window: Bilingual(en: "window", zh: "窗口")
        }
    }
}
