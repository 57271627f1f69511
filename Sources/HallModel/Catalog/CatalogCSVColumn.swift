import Foundation

/// The columns of the catalog CSV, in the order the writer puts them. A header cell may be either the
/// key (`implementation_code`) or the Chinese title (`实施编码`); the writer uses Chinese titles by default.
public enum CatalogCSVColumn: String, CaseIterable, Sendable, Hashable {
    case implementationCode = "implementation_code"
    case itemName = "item_name"
    case itemType = "item_type"
    case departmentCode = "department_code"
    case departmentName = "department_name"
    case legalBasis = "legal_basis"
    case conditions = "conditions"
    case processSteps = "process_steps"
    case statutoryLimit = "statutory_limit"
    case statutoryUnit = "statutory_unit"
    case statutoryExtension = "statutory_extension"
    case promisedLimit = "promised_limit"
    case promisedUnit = "promised_unit"
    case feeYuan = "fee_yuan"
    case feeBasis = "fee_basis"
    case visitsRequired = "visits_required"
    case online = "online"
    case supervisionPhone = "supervision_phone"
    case finalApprover = "final_approver"
    case siteLevels = "site_levels"
    case toleranceAllowed = "tolerance_allowed"
    case linePrefix = "line_prefix"
    case materialName = "material_name"
    case materialKind = "material_kind"
    case materialForm = "material_form"
    case materialCopies = "material_copies"
    case blankForm = "blank_form"
    case sample = "sample"
    case materialSource = "material_source"
    case sourceDepartmentCode = "source_department_code"
    case materialNotes = "material_notes"

    public var key: String { rawValue }

    public var chineseTitle: String {
        switch self {
        case .implementationCode: "实施编码"
        case .itemName: "事项名称"
        case .itemType: "事项类型"
        case .departmentCode: "部门编码"
        case .departmentName: "部门名称"
        case .legalBasis: "设定依据"
        case .conditions: "受理条件"
        case .processSteps: "办理流程"
        case .statutoryLimit: "法定时限"
        case .statutoryUnit: "法定时限单位"
        case .statutoryExtension: "法定可延长"
        case .promisedLimit: "承诺时限"
        case .promisedUnit: "承诺时限单位"
        case .feeYuan: "收费金额（元）"
        case .feeBasis: "收费依据"
        case .visitsRequired: "到现场次数"
        case .online: "网上可办"
        case .supervisionPhone: "监督电话"
        case .finalApprover: "终审层级"
        case .siteLevels: "可办层级"
        case .toleranceAllowed: "容缺受理"
        case .linePrefix: "业务线"
        case .materialName: "材料名称"
        case .materialKind: "材料类别"
        case .materialForm: "原件或复印件"
        case .materialCopies: "份数"
        case .blankForm: "空白表格"
        case .sample: "示例样表"
        case .materialSource: "材料来源"
        case .sourceDepartmentCode: "共享部门编码"
        case .materialNotes: "材料备注"
        }
    }

    /// Columns that a file must have; every other column may be left out and takes its default.
    public var isRequired: Bool {
        switch self {
        case .implementationCode, .itemName, .itemType, .departmentCode, .departmentName: true
        default: false
        }
    }

    /// Material columns describe the row's material; the others describe the item and repeat on its rows.
    public var isMaterialColumn: Bool {
        switch self {
        case .materialName, .materialKind, .materialForm, .materialCopies, .blankForm, .sample,
             .materialSource, .sourceDepartmentCode, .materialNotes: true
        default: false
        }
    }

    /// Columns whose cells are codes, numbers or choices: surrounding spaces are dropped.
    /// Free text (names, legal basis, conditions, notes) is kept exactly as written.
    var isTrimmed: Bool {
        switch self {
        case .itemName, .departmentName, .legalBasis, .conditions, .feeBasis, .materialName, .materialNotes: false
        default: true
        }
    }

    /// Matches a header cell by key (any case) or Chinese title.
    public init?(header: String) {
        let h = header.trimmed
        guard let column = CatalogCSVColumn.allCases.first(where: {
            $0.key.caseInsensitiveCompare(h) == .orderedSame || $0.chineseTitle == h
        }) else { return nil }
        self = column
    }
}
