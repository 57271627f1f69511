import Queue

/// Who gives final approval of an item's cases (一审一核: the verifier's level).
public enum ApproverLevel: String, Codable, Sendable, Hashable, CaseIterable {
    case sectionChief
    case deputyDirector

    public var label: Bilingual {
        switch self {
        case .sectionChief: Bilingual(en: "Section chief", zh: "科长")
        case .deputyDirector: Bilingual(en: "Deputy director", zh: "副局长")
        }
    }
}

extension ApproverLevel {
    /// A deputy director may decide what a section chief may, not the other way round.
    public func covers(_ needed: ApproverLevel) -> Bool {
        switch (self, needed) {
        case (.deputyDirector, _), (.sectionChief, .sectionChief): true
        case (.sectionChief, .deputyDirector): false
        }
    }
}
