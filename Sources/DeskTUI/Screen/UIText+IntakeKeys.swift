import Queue

// MARK: The intake form's key tables (`IntakeForm+Keys.swift`): key bar labels and help lines
extension UIText {
    public static let intakeKeyChooseItem = Bilingual(en: "Choose", zh: "选定")
    public static let intakeKeyClose = Bilingual(en: "Close", zh: "关闭")
    public static let intakeKeyNextField = Bilingual(en: "Next", zh: "下一项")
    public static let intakeKeyToOrganisation = Bilingual(en: "Organisation", zh: "改为单位")
    public static let intakeKeyToPerson = Bilingual(en: "Person", zh: "改为个人")
    public static let intakeKeyMark = Bilingual(en: "Mark", zh: "标记")
    public static let intakeKeyNote = Bilingual(en: "Note", zh: "说明")
    public static let intakeKeyDecide = Bilingual(en: "Decide", zh: "去决定")
    public static let intakeKeyChooseDecision = Bilingual(en: "Choose", zh: "选定")
    public static let intakeKeyGoOn = Bilingual(en: "Go on", zh: "下一步")
    public static let intakeKeyConfirm = Bilingual(en: "Confirm", zh: "确认")
    public static let intakeHelpMoveItem = Bilingual(en: "Move in the results", zh: "在结果中移动")
    public static let intakeHelpChooseItem = Bilingual(en: "Choose the selected item", zh: "选定所选事项")
    public static let intakeHelpDeleteLast = Bilingual(en: "Delete the last character of the search", zh: "删除搜索的最后一个字")
    public static let intakeHelpClear = Bilingual(en: "Clear the search", zh: "清空搜索")
    public static let intakeHelpCloseForm = Bilingual(en: "Clear the search; when empty, close the form (nothing written)",
                                                      zh: "清空搜索；已空时关闭表单（不写入）")
    public static let intakeHelpNextField = Bilingual(en: "Next field (leaving the number checks it and finds the applicant); Enter on the last: the checklist",
                                                      zh: "下一项（离开号码栏时校验并查找申请人）；最后一项回车：核对材料")
    public static let intakeHelpPreviousField = Bilingual(en: "Previous field", zh: "上一项")
    public static let intakeHelpSwitchKind = Bilingual(en: "A person or an organisation", zh: "切换个人 / 单位")
    public static let intakeHelpBack = Bilingual(en: "Back a step (nothing written)", zh: "返回上一步（不写入）")
    public static let intakeHelpMoveMaterial = Bilingual(en: "Move in the materials", zh: "在材料中移动")
    public static let intakeHelpMark = Bilingual(en: "Next mark: missing, provided, defective, corrected on the spot",
                                                 zh: "切换标记：缺、已提交、有误、当场更正")
    public static let intakeHelpNote = Bilingual(en: "Note on the material (what is wrong); Enter keeps it, Esc drops it",
                                                 zh: "材料说明（问题所在）；回车保存，Esc 放弃")
    public static let intakeHelpDecide = Bilingual(en: "On to the decision", zh: "进入决定")
    public static let intakeHelpMoveDecision = Bilingual(en: "Move among the decisions", zh: "在决定中移动")
    public static let intakeHelpChooseDecision = Bilingual(en: "Choose the decision (an impossible one says why)", zh: "选定决定（不可作的说明原因）")
    public static let intakeHelpRefusalReason = Bilingual(en: "Refusal: choose the reason", zh: "不予受理：选择理由")
    public static let intakeHelpDetails = Bilingual(en: "Go on to the confirmation", zh: "进入确认")
    public static let intakeHelpConfirm = Bilingual(en: "Record the decision and print its documents", zh: "确认决定并打印文书")
}
