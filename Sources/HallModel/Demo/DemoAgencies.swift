import Foundation

/// The demo hall's intermediary-service supermarket (中介服务超市): 103 agencies in the 18 categories (the first 13
/// categories with 6 agencies, the other 5 with 5), each with a valid credit code, its services, published fees and
/// contact; and what the demo catalog's items need of them (`needs`, by item name). Deterministic.
enum DemoAgencies {
    static let count = 103

    /// Trade names (字号), one per agency.
    static let tradeNames: [String] = Array("""
        恒信 华测 中正 天元 宏图 广厦 明远 诚达 正衡 瑞丰 博远 大成 信达 金桥 汇通 安和 合众 泰和 天衡 同创 致远 立信 中衡 弘正 \
        永诚 德信 卓越 新纪元 东方 钱江 之江 西湖 运河 湘湖 富春 良渚 三墩 九堡 下沙 临平 余杭 萧然 滨江 城东 城西 南宋 北山 \
        凤起 庆春 武林 湖滨 吴山 清河 玉泉 灵峰 龙井 虎跑 云栖 梅坞 翠苑 文鼎 求是 启真 紫金 之星 百川 千岛 万象 一诺 双林 \
        三和 四方 五洲 六和 七星 八达 九章 十方 中天 中科 中建 华信 华创 华宇 华夏 浙信 浙建 浙联 杭信 杭联 杭建 新华 新天 新宇 \
        正元 正大 正阳 诚信 诚联 诚通 恒通 恒达 鼎盛
        """.split(whereSeparator: \.isWhitespace).map(String.init).prefix(count))

    static func suffix(_ c: AgencyCategory) -> String {
        switch c {
        case .surveying: "测绘有限公司"
        case .assessment: "资产评估有限公司"
        case .design: "建筑设计研究院有限公司"
        case .testing: "检测技术有限公司"
        case .geotechnical: "岩土工程勘察有限公司"
        case .environmentalImpact: "环境科技有限公司"
        case .safetyEvaluation: "安全技术咨询有限公司"
        case .energySaving: "节能技术服务有限公司"
        case .soilConservation: "水土保持咨询有限公司"
        case .geologicalHazard: "地质工程有限公司"
        case .seismicSafety: "地震工程研究有限公司"
        case .lightningProtection: "防雷技术有限公司"
        case .fireTechnical: "消防技术服务有限公司"
        case .drawingReview: "施工图审查有限公司"
        case .costConsulting: "工程造价咨询有限公司"
        case .engineeringConsulting: "工程咨询有限公司"
        case .auditing: "会计师事务所有限公司"
        case .occupationalHealth: "职业卫生技术服务有限公司"
        }
    }

    static func services(_ c: AgencyCategory) -> String {
        switch c {
        case .surveying: "房产测绘、地籍测绘、规划放线及竣工测量"
        case .assessment: "资产评估、土地估价、房地产估价"
        case .design: "建筑工程设计、消防设计、市政工程设计"
        case .testing: "食品、水质、环境及特种设备检验检测"
        case .geotechnical: "岩土工程勘察、水文地质勘察"
        case .environmentalImpact: "环境影响报告书（表）编制、排污许可申请咨询"
        case .safetyEvaluation: "安全预评价、安全验收评价、安全现状评价"
        case .energySaving: "固定资产投资项目节能评估报告编制"
        case .soilConservation: "生产建设项目水土保持方案编制、监测"
        case .geologicalHazard: "建设用地地质灾害危险性评估"
        case .seismicSafety: "建设工程地震安全性评价"
        case .lightningProtection: "防雷装置设计技术评价、防雷装置检测"
        case .fireTechnical: "消防设施检测、消防安全评估"
        case .drawingReview: "施工图设计文件技术审查（含消防、人防）"
        case .costConsulting: "工程概预算、结算审核、全过程造价咨询"
        case .engineeringConsulting: "项目建议书、可行性研究报告编制、水资源论证"
        case .auditing: "财务审计、验资、资质申报专项审计"
        case .occupationalHealth: "职业病危害预评价、控制效果评价、放射防护评价"
        }
    }

    /// The published fee, varied per agency.
    static func fees(_ c: AgencyCategory, _ index: Int) -> String {
        let discount = [0, 5, 10, 15, 20][index % 5]
        let basis = "按浙江省\(c.label.zh)服务收费参考标准"
        return discount == 0 ? basis + "执行" : basis + "下浮\(discount)%"
    }

    static let areas = ["330102", "330105", "330106", "330108", "330109", "330110", "330113", "330114"]
    static let managers = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"]

    /// The 103 agencies.
    static var agencies: [AgencyInput] {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var result: [AgencyInput] = []
        var index = 0
        for (n, category) in AgencyCategory.allCases.enumerated() {
            for _ in 0..<(n < 13 ? 6 : 5) where index < tradeNames.count {
                // "MA" + six characters from the index: unique per agency.
                var v = index * 7_919 + 104_729, body = "MA"
                for _ in 0..<6 { body.append(alphabet[v % 26 + 5]); v /= 26 }  // digits 5–9 and letters: never I, O, S, V, Z
                let (code, sum) = DemoCreditCode.make(area: areas[index % areas.count], body: body)
                result.append(AgencyInput(name: "浙江" + tradeNames[index] + suffix(category), creditCode: code, category: category,
                                          services: services(category), fees: fees(category, index),
                                          contact: managers[index % managers.count] + "经理 0571-8" + String(format: "%07d", (sum * 7_919 + index) % 10_000_000)))
                index += 1
            }
        }
        return result
    }

    /// What the demo catalog's items need: (item name, category, the agency's time is not counted).
    static let needs: [(item: String, category: AgencyCategory, suspends: Bool)] = [
        ("食品生产许可", .testing, true),
        ("特种设备使用登记", .testing, true),
        ("公共场所卫生许可", .testing, true),
        ("城镇污水排入排水管网许可", .testing, true),
        ("排污许可", .testing, true),
        ("辐射安全许可证核发", .testing, true),
        ("建筑工程施工许可证核发", .drawingReview, false),
        ("建筑工程施工许可证核发", .costConsulting, false),
        ("建设工程消防设计审查", .design, false),
        ("建设工程消防验收", .fireTechnical, true),
        ("商品房预售许可", .surveying, true),
        ("国有建设用地使用权及房屋所有权首次登记", .surveying, true),
        ("建设用地规划许可证核发", .surveying, false),
        ("建设用地规划许可证核发", .geologicalHazard, false),
        ("建设工程规划许可证核发", .surveying, true),
        ("建设工程规划许可证核发", .seismicSafety, false),
        ("临时用地审批", .assessment, false),
        ("建筑业企业资质核准", .auditing, false),
        ("房地产开发企业资质核定", .auditing, false),
        ("建设项目环境影响报告书审批", .environmentalImpact, false),
        ("建设项目环境影响报告表审批", .environmentalImpact, false),
        ("生产建设项目水土保持方案审批", .soilConservation, false),
        ("危险化学品经营许可证核发", .safetyEvaluation, true),
        ("建设项目安全设施设计审查", .safetyEvaluation, false),
        ("水利基建项目初步设计文件审批", .design, false),
        ("取水许可", .engineeringConsulting, false),
        ("放射诊疗许可", .occupationalHealth, true),
        ("烟花爆竹经营（零售）许可", .lightningProtection, true),
        ("建设工程竣工验收备案", .lightningProtection, false),
        ("建设工程竣工验收备案", .energySaving, false),
        ("建设工程竣工验收备案", .geotechnical, false),
    ]
}
