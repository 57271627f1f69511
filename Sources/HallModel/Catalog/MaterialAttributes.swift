import Queue

/// 容缺受理: a core material is never waivable; a tolerable one may be supplied after acceptance.
public enum MaterialKind: String, Codable, Sendable, Hashable, CaseIterable {
    case core
    case tolerable

    public var label: Bilingual {
        switch self {
        case .core: Bilingual(en: "Core", zh: "核心")
        case .tolerable: Bilingual(en: "Tolerable", zh: "容缺")
        }
    }
}

/// Whether the window checks the original or keeps a copy.
public enum MaterialForm: String, Codable, Sendable, Hashable, CaseIterable {
    case original
    case copy

    public var label: Bilingual {
        switch self {
        case .original: Bilingual(en: "Original", zh: "原件")
        case .copy: Bilingual(en: "Copy", zh: "复印件")
        }
    }
}

/// Where the material comes from. A shared material is fetched from another department's data
/// (数据共享), so the applicant need not bring it; `ItemMaterial.sourceDepartmentCode` names that department.
public enum MaterialSource: String, Codable, Sendable, Hashable, CaseIterable {
    case applicant
    case shared

    public var label: Bilingual {
        switch self {
        case .applicant: Bilingual(en: "Applicant", zh: "申请人提供")
        case .shared: Bilingual(en: "Shared by department", zh: "部门共享")
        }
    }
}
