import HallModel
import Queue

/// Strings of the catalog screen and of the item sheet (`desk catalog show` prints the same sheet).
extension UIText {
    // MARK: Catalog screen
    public static let catalogTitle = Bilingual(en: "Item catalog (published list)", zh: "事项清单（权责清单）")
    public static let catalogSearch = Bilingual(en: "Search: ", zh: "搜索：")
    public static let catalogSearchPlaceholder = Bilingual(en: "type an item name, code or department", zh: "输入事项名称、编码或部门")
    public static func catalogItemCount(_ n: Int) -> Bilingual { Bilingual(en: Plural.english(n, "item"), zh: "共 \(n) 项") }
    public static func catalogMatchCount(_ n: Int, of total: Int) -> Bilingual {
        Bilingual(en: "\(n) of \(total) match", zh: "匹配 \(n) 项（共 \(total) 项）")
    }
    public static func catalogNoMatch(_ query: String) -> Bilingual {
        Bilingual(en: "Nothing matches \"\(query)\". Backspace corrects, Esc clears.", zh: "没有找到“\(query)”。退格键修改，Esc 清空。")
    }
    public static let catalogEmpty = Bilingual(en: "The catalog is empty: load it with 'desk catalog import FILE'.",
                                               zh: "事项清单为空：请用 desk catalog import 文件 导入。")
    public static let catalogColumnCode = Bilingual(en: "Code", zh: "编码")
    public static let catalogColumnName = Bilingual(en: "Item", zh: "事项名称")
    public static let catalogColumnDepartment = Bilingual(en: "Department", zh: "部门")
    public static let catalogColumnType = Bilingual(en: "Type", zh: "类型")
    /// Promised / statutory limit.
    public static let catalogColumnLimits = Bilingual(en: "Days", zh: "时限")
    public static let catalogColumnTolerance = Bilingual(en: "Tol", zh: "容缺")
    public static let catalogToleranceMark = Bilingual(en: "yes", zh: "容缺")
    /// Suffix of a natural-day limit in the list ("5/20日"); working days have none.
    public static let catalogNaturalDaySuffix = Bilingual(en: "d", zh: "日")
    /// A limit of 0 in the list ("即办/20").
    public static let catalogOnTheSpot = Bilingual(en: "now", zh: "即办")
    /// The legend of the list's time-limit column, on the search row.
    public static let catalogLimitsLegend = Bilingual(en: "Days: promised/statutory, working (d natural)",
                                                      zh: "时限：承诺/法定，工作日（日=自然日）")
    public static func catalogPosition(_ n: Int, of total: Int) -> Bilingual {
        Bilingual(en: "\(n) of \(total)", zh: "第 \(n) 项，共 \(total) 项")
    }
    public static func catalogLines(_ first: Int, _ last: Int, of total: Int) -> Bilingual {
        Bilingual(en: "lines \(first)-\(last)/\(total)", zh: "第 \(first)-\(last) 行/共 \(total) 行")
    }

    // MARK: Item sheet (the published list of one item)
    public static let sheetCode = Bilingual(en: "Implementation code", zh: "实施编码")
    public static let sheetType = Bilingual(en: "Item type", zh: "事项类型")
    public static let sheetDepartment = Bilingual(en: "Department", zh: "实施部门")
    public static let sheetLegalBasis = Bilingual(en: "Legal basis", zh: "设定依据")
    public static let sheetConditions = Bilingual(en: "Conditions", zh: "受理条件")
    public static let sheetProcess = Bilingual(en: "Process", zh: "办理流程")
    public static let sheetStatutory = Bilingual(en: "Statutory limit", zh: "法定时限")
    public static let sheetPromised = Bilingual(en: "Promised limit", zh: "承诺时限")
    public static let sheetFee = Bilingual(en: "Fee", zh: "收费标准")
    public static let sheetVisits = Bilingual(en: "Visits required", zh: "到现场次数")
    public static let sheetOnline = Bilingual(en: "Online", zh: "网上可办")
    public static let sheetPhone = Bilingual(en: "Supervision phone", zh: "监督电话")
    public static let sheetApprover = Bilingual(en: "Final approval", zh: "终审层级")
    public static let sheetLevels = Bilingual(en: "Handled at", zh: "可办层级")
    public static let sheetTolerance = Bilingual(en: "Deficiency-tolerant", zh: "容缺受理")
    public static let sheetLine = Bilingual(en: "Service line", zh: "业务线")
    public static let sheetNone = Bilingual(en: "(none)", zh: "（无）")
    public static let sheetFree = Bilingual(en: "Free of charge", zh: "不收费")
    public static let sheetToleranceAllowed = Bilingual(en: "Allowed: accepted with core materials, the rest supplied later",
                                                        zh: "允许：核心材料齐全即可受理，容缺材料限期补齐")
    public static let sheetToleranceNotAllowed = Bilingual(en: "Not allowed: every material is required", zh: "不允许：所有材料须齐全")
    public static func sheetFeeAmount(_ yuan: String, basis: String) -> Bilingual {
        Bilingual(en: "\(yuan) yuan (basis: \(basis))", zh: "\(yuan) 元（依据：\(basis)）")
    }
    public static func sheetExtension(_ limit: TimeLimit, extension days: Int) -> Bilingual {
        let extra = TimeLimit(days, limit.unit).label
        return Bilingual(en: "\(limit.label.en), extendable by \(extra.en) with approval",
                         zh: "\(limit.label.zh)（经批准可延长 \(extra.zh)）")
    }
    public static func sheetVisitCount(_ n: Int) -> Bilingual {
        n == 0 ? Bilingual(en: "0 (fully online)", zh: "0 次（全程网办）") : Bilingual(en: "\(n)", zh: "\(n) 次")
    }
    public static func sheetMaterialsHeading(_ total: Int, core: Int, tolerable: Int) -> Bilingual {
        Bilingual(en: "Materials (\(total): \(core) core, \(tolerable) tolerable)",
                  zh: "申请材料（\(total) 项：核心 \(core) 项，容缺 \(tolerable) 项）")
    }
    public static let sheetNoMaterials = Bilingual(en: "No materials listed.", zh: "未列出申请材料。")
    public static func sheetCopies(_ n: Int) -> Bilingual { Bilingual(en: Plural.english(n, "copy", "copies"), zh: "\(n) 份") }
    public static let sheetBlankForm = Bilingual(en: "[blank form]", zh: "[空白表格]")
    public static let sheetSample = Bilingual(en: "[sample]", zh: "[示例样表]")
    public static func sheetSharedBy(_ department: String) -> Bilingual {
        Bilingual(en: "Shared by \(department); the applicant need not bring it", zh: "由\(department)共享，申请人无需提交")
    }
    public static let sheetNotes = Bilingual(en: "Notes: ", zh: "备注：")

    /// The list's short type names (8 columns at most).
    public static func shortTypeLabel(_ type: ItemType) -> Bilingual {
        switch type {
        case .licensing: Bilingual(en: "Licence", zh: "许可")
        case .penalty: Bilingual(en: "Penalty", zh: "处罚")
        case .enforcement: Bilingual(en: "Enforce", zh: "强制")
        case .levy: Bilingual(en: "Levy", zh: "征收")
        case .benefit: Bilingual(en: "Benefit", zh: "给付")
        case .inspection: Bilingual(en: "Inspect", zh: "检查")
        case .confirmation: Bilingual(en: "Confirm", zh: "确认")
        case .reward: Bilingual(en: "Reward", zh: "奖励")
        case .adjudication: Bilingual(en: "Adjudge", zh: "裁决")
        case .otherPower: Bilingual(en: "Other", zh: "其他权力")
        case .publicService: Bilingual(en: "Service", zh: "公共服务")
        }
    }
}
