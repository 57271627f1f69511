@testable import HallModel

/// A small catalog with awkward text: commas, quotes, line breaks, an item without materials,
/// and a department that has no items.
enum CatalogFixtures {
    static let market = Department(code: "11510199MB1530000X", name: "区市场监督管理局")
    static let health = Department(code: "11510199MB1531373Y", name: "区卫生健康委员会")
    static let archive = Department(code: "ARCHIVE-01", name: "区档案馆, \"备用\"")

    static var catalog: Catalog {
        let food = CatalogItem(
            implementationCode: "11510199MB1530000X4000010006",
            name: "食品经营许可",
            itemType: .licensing,
            departmentCode: market.code,
            legalBasis: "《中华人民共和国食品安全法》第三十五条,\n《食品经营许可和备案管理办法》",
            conditions: "申请人具备\"法定\"主体资格；材料齐全。",
            processSteps: ["窗口受理", "审查（一审）", "科长核准（一核）", "办结送达"],
            statutoryLimit: TimeLimit(20), statutoryExtension: 10,
            promisedLimit: TimeLimit(5),
            fee: Fee(amountFen: 1_250, basis: "某收费文件, 第 3 条"),
            visitsRequired: 1, online: true, supervisionPhone: "028-86120000",
            finalApprover: .sectionChief, allowedSiteLevels: [.district, .townCenter],
            toleranceAllowed: true, linePrefix: "A",
            materials: [
                ItemMaterial(name: "食品经营许可申请书", blankFormAvailable: true, sampleAvailable: true),
                ItemMaterial(name: "营业执照", form: .copy, source: .shared, sourceDepartmentCode: market.code,
                             notes: "由市场监管共享,\n无需提交"),
                ItemMaterial(name: "经营场所平面图", kind: .tolerable, copies: 2, notes: "可容缺 \"后补\""),
            ])
        let birth = CatalogItem(
            implementationCode: "11510199MB1531373Y4000200005",
            name: "生育登记",
            itemType: .publicService,
            departmentCode: health.code,
            statutoryLimit: TimeLimit(5, .naturalDays),
            promisedLimit: TimeLimit(0, .naturalDays),
            visitsRequired: 0,
            allowedSiteLevels: [.district, .regionalCenter, .townCenter, .villageStation],
            linePrefix: "D")
        return Catalog(departments: [market, health, archive], items: [food, birth])
    }
}
