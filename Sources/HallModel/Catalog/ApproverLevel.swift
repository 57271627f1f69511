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
