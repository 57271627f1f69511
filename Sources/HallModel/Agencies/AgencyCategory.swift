import Queue

/// The 18 categories of the intermediary-service supermarket (中介服务超市), as the district's directory lists the
/// intermediary services approval items require. Stored by `rawValue` (a stable key, never a label).
public enum AgencyCategory: String, Codable, Sendable, Hashable, CaseIterable {
    /// 测绘 (cadastral, planning and as-built surveys).
    case surveying
    /// 资产评估、土地估价.
    case assessment
    /// 工程设计.
    case design
    /// 检验检测.
    case testing
    /// 工程勘察.
    case geotechnical
    /// 环境影响评价.
    case environmentalImpact
    /// 安全评价.
    case safetyEvaluation
    /// 节能评估.
    case energySaving
    /// 水土保持方案编制.
    case soilConservation
    /// 地质灾害危险性评估.
    case geologicalHazard
    /// 地震安全性评价.
    case seismicSafety
    /// 防雷装置检测.
    case lightningProtection
    /// 消防技术服务.
    case fireTechnical
    /// 施工图审查.
    case drawingReview
    /// 工程造价咨询.
    case costConsulting
    /// 工程咨询（可行性研究报告编制）.
    case engineeringConsulting
    /// 审计、验资.
    case auditing
    /// 职业病危害评价.
    case occupationalHealth

    public var label: Bilingual {
        switch self {
        case .surveying: Bilingual(en: "surveying", zh: "测绘")
        case .assessment: Bilingual(en: "asset and land assessment", zh: "资产评估、土地估价")
        case .design: Bilingual(en: "engineering design", zh: "工程设计")
        case .testing: Bilingual(en: "inspection and testing", zh: "检验检测")
        case .geotechnical: Bilingual(en: "geotechnical investigation", zh: "工程勘察")
        case .environmentalImpact: Bilingual(en: "environmental impact assessment", zh: "环境影响评价")
        case .safetyEvaluation: Bilingual(en: "safety evaluation", zh: "安全评价")
        case .energySaving: Bilingual(en: "energy-saving assessment", zh: "节能评估")
        case .soilConservation: Bilingual(en: "soil and water conservation plan", zh: "水土保持方案编制")
        case .geologicalHazard: Bilingual(en: "geological hazard assessment", zh: "地质灾害危险性评估")
        case .seismicSafety: Bilingual(en: "seismic safety evaluation", zh: "地震安全性评价")
        case .lightningProtection: Bilingual(en: "lightning protection testing", zh: "防雷装置检测")
        case .fireTechnical: Bilingual(en: "fire protection technical services", zh: "消防技术服务")
        case .drawingReview: Bilingual(en: "construction drawing review", zh: "施工图审查")
        case .costConsulting: Bilingual(en: "cost consulting", zh: "工程造价咨询")
        case .engineeringConsulting: Bilingual(en: "engineering consulting (feasibility studies)", zh: "工程咨询")
        case .auditing: Bilingual(en: "auditing and capital verification", zh: "审计、验资")
        case .occupationalHealth: Bilingual(en: "occupational health evaluation", zh: "职业病危害评价")
        }
    }
}
