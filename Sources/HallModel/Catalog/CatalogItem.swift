import Foundation

/// One published item of the 权责清单: what the hall shows clerks and citizens, and what intake checks against.
public struct CatalogItem: Codable, Sendable, Hashable {
    /// 实施编码: the unique key of the item (nonempty, at most 64 characters, no spaces).
    public var implementationCode: String
    public var name: String
    public var itemType: ItemType
    public var departmentCode: String
    /// 设定依据.
    public var legalBasis: String
    /// 受理条件.
    public var conditions: String
    /// 办理流程, in order.
    public var processSteps: [String]
    /// 法定时限.
    public var statutoryLimit: TimeLimit
    /// Extra days (in the statutory unit) the law allows with approval; nil when none.
    public var statutoryExtension: Int?
    /// 承诺时限: what the hall promises; never longer than the statutory limit when both use one unit.
    public var promisedLimit: TimeLimit
    /// nil: free of charge.
    public var fee: Fee?
    /// 到办事现场次数: how many times the applicant must come (0 = fully online).
    public var visitsRequired: Int
    /// 网上可办.
    public var online: Bool
    /// 监督电话 (may be empty in a freshly imported list).
    public var supervisionPhone: String
    public var finalApprover: ApproverLevel
    /// The platform levels that may handle the item; never empty.
    public var allowedSiteLevels: Set<SiteLevel>
    /// 容缺受理 allowed. When false, every material is core.
    public var toleranceAllowed: Bool
    /// The ticket service line (1–2 capital letters, e.g. "A" 综合受理, "B" 企业开办).
    public var linePrefix: String
    /// The material checklist, in published order.
    public var materials: [ItemMaterial]

    public init(
        implementationCode: String,
        name: String,
        itemType: ItemType,
        departmentCode: String,
        legalBasis: String = "",
        conditions: String = "",
        processSteps: [String] = [],
        statutoryLimit: TimeLimit = CatalogItem.defaultStatutoryLimit,
        statutoryExtension: Int? = nil,
        promisedLimit: TimeLimit = CatalogItem.defaultStatutoryLimit,
        fee: Fee? = nil,
        visitsRequired: Int = 1,
        online: Bool = false,
        supervisionPhone: String = "",
        finalApprover: ApproverLevel = .sectionChief,
        allowedSiteLevels: Set<SiteLevel> = [.district],
        toleranceAllowed: Bool = false,
        linePrefix: String = "A",
        materials: [ItemMaterial] = []
    ) {
        self.implementationCode = implementationCode
        self.name = name
        self.itemType = itemType
        self.departmentCode = departmentCode
        self.legalBasis = legalBasis
        self.conditions = conditions
        self.processSteps = processSteps
        self.statutoryLimit = statutoryLimit
        self.statutoryExtension = statutoryExtension
        self.promisedLimit = promisedLimit
        self.fee = fee
        self.visitsRequired = visitsRequired
        self.online = online
        self.supervisionPhone = supervisionPhone
        self.finalApprover = finalApprover
        self.allowedSiteLevels = allowedSiteLevels
        self.toleranceAllowed = toleranceAllowed
        self.linePrefix = linePrefix
        self.materials = materials
    }

    /// The general licensing limit (Administrative Licensing Law art. 42); the default when a list gives none.
    public static let defaultStatutoryLimit = TimeLimit(20, .workingDays)
    public static let maxCodeLength = 64

    /// The one set of bounds for every catalog format (CSV, JSON, the provincial export): a value a
    /// format can carry but the hall cannot mean is refused the same way whichever file brings it.
    /// Stated in docs/catalog-format.md ("Bounds").
    public enum Bounds {
        /// Statutory and promised limits, in days (0 = on the spot, 即办).
        public static let days = 0...999
        public static let extensionDays = 1...999
        public static let visits = 0...99
        public static let copies = 1...99
        /// 99,999,999.99 yuan.
        public static let maxFeeFen = 9_999_999_999
        /// Names (item, material, department) and each process step, in characters.
        public static let nameLength = 200
        /// Legal basis, conditions, fee basis, material notes, in characters.
        public static let textLength = 5_000
        public static let materials = 100
        public static let processSteps = 50
    }
    /// Separates process steps and site levels in one CSV cell, so a step may not contain it.
    public static let listSeparator: Character = "|"

    /// Field names as stored (JSON keys, future column names).
    public enum Field: String, Sendable, Hashable, CaseIterable, CodingKey {
        case implementationCode, name, itemType, departmentCode, legalBasis, conditions, processSteps
        case statutoryLimit, statutoryExtension, promisedLimit, fee, visitsRequired, online, supervisionPhone
        case finalApprover, allowedSiteLevels, toleranceAllowed, linePrefix, materials
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        implementationCode = try c.decode(String.self, forKey: .implementationCode)
        name = try c.decode(String.self, forKey: .name)
        itemType = try c.decode(ItemType.self, forKey: .itemType)
        departmentCode = try c.decode(String.self, forKey: .departmentCode)
        legalBasis = try c.decode(String.self, forKey: .legalBasis)
        conditions = try c.decode(String.self, forKey: .conditions)
        processSteps = try c.decode([String].self, forKey: .processSteps)
        statutoryLimit = try c.decode(TimeLimit.self, forKey: .statutoryLimit)
        statutoryExtension = try c.decodeIfPresent(Int.self, forKey: .statutoryExtension)
        promisedLimit = try c.decode(TimeLimit.self, forKey: .promisedLimit)
        fee = try c.decodeIfPresent(Fee.self, forKey: .fee)
        visitsRequired = try c.decode(Int.self, forKey: .visitsRequired)
        online = try c.decode(Bool.self, forKey: .online)
        supervisionPhone = try c.decode(String.self, forKey: .supervisionPhone)
        finalApprover = try c.decode(ApproverLevel.self, forKey: .finalApprover)
        allowedSiteLevels = Set(try c.decode([SiteLevel].self, forKey: .allowedSiteLevels))
        toleranceAllowed = try c.decode(Bool.self, forKey: .toleranceAllowed)
        linePrefix = try c.decode(String.self, forKey: .linePrefix)
        materials = try c.decode([ItemMaterial].self, forKey: .materials)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        try c.encode(implementationCode, forKey: .implementationCode)
        try c.encode(name, forKey: .name)
        try c.encode(itemType, forKey: .itemType)
        try c.encode(departmentCode, forKey: .departmentCode)
        try c.encode(legalBasis, forKey: .legalBasis)
        try c.encode(conditions, forKey: .conditions)
        try c.encode(processSteps, forKey: .processSteps)
        try c.encode(statutoryLimit, forKey: .statutoryLimit)
        try c.encodeIfPresent(statutoryExtension, forKey: .statutoryExtension)
        try c.encode(promisedLimit, forKey: .promisedLimit)
        try c.encodeIfPresent(fee, forKey: .fee)
        try c.encode(visitsRequired, forKey: .visitsRequired)
        try c.encode(online, forKey: .online)
        try c.encode(supervisionPhone, forKey: .supervisionPhone)
        try c.encode(finalApprover, forKey: .finalApprover)
        // Sorted: a Set's order changes from run to run, and exports must be reproducible.
        try c.encode(sortedSiteLevels, forKey: .allowedSiteLevels)
        try c.encode(toleranceAllowed, forKey: .toleranceAllowed)
        try c.encode(linePrefix, forKey: .linePrefix)
        try c.encode(materials, forKey: .materials)
    }

    /// Site levels from district down, for display and export.
    public var sortedSiteLevels: [SiteLevel] { allowedSiteLevels.sorted() }

    public var coreMaterials: [ItemMaterial] { materials.filter { $0.kind == .core } }
    public var tolerableMaterials: [ItemMaterial] { materials.filter { $0.kind == .tolerable } }
}
