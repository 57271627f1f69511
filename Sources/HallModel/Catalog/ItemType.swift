import Foundation
import Queue

/// The national item type coding (行政权力事项类型). The raw value is the 2-digit code as published.
public enum ItemType: String, Codable, Sendable, Hashable, CaseIterable {
    case licensing = "01"
    case penalty = "02"
    case enforcement = "03"
    case levy = "04"
    case benefit = "05"
    case inspection = "06"
    case confirmation = "07"
    case reward = "08"
    case adjudication = "09"
    case otherPower = "10"
    case publicService = "20"

    public var code: String { rawValue }

    public var label: Bilingual {
        switch self {
        case .licensing: Bilingual(en: "Licensing", zh: "行政许可")
        case .penalty: Bilingual(en: "Penalty", zh: "行政处罚")
        case .enforcement: Bilingual(en: "Enforcement", zh: "行政强制")
        case .levy: Bilingual(en: "Levy", zh: "行政征收")
        case .benefit: Bilingual(en: "Benefit payment", zh: "行政给付")
        case .inspection: Bilingual(en: "Inspection", zh: "行政检查")
        case .confirmation: Bilingual(en: "Confirmation", zh: "行政确认")
        case .reward: Bilingual(en: "Reward", zh: "行政奖励")
        case .adjudication: Bilingual(en: "Adjudication", zh: "行政裁决")
        case .otherPower: Bilingual(en: "Other administrative power", zh: "其他行政权力")
        case .publicService: Bilingual(en: "Public service", zh: "公共服务")
        }
    }

    /// Accepts "01", "1" (spreadsheets drop the leading zero; the provincial export writes it so),
    /// or the Chinese label with or without the 行政 prefix.
    public init?(lenient text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let exact = ItemType(rawValue: t) { self = exact; return }
        if let n = Int(t), (0...99).contains(n), let padded = ItemType(rawValue: n < 10 ? "0\(n)" : "\(n)") {
            self = padded; return
        }
        for type in ItemType.allCases {
            let zh = type.label.zh
            if t == zh || (zh.hasPrefix("行政") && t == String(zh.dropFirst(2))) { self = type; return }
        }
        return nil
    }
}
