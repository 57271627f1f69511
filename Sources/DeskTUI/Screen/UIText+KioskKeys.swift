import Queue

// MARK: - Kiosk: what each key does (`KioskScreen.lineKeys`, `categoryKeys`)

extension UIText {
    public static let kioskHelpQuit = Bilingual(en: "Quit (hall staff)", zh: "退出（工作人员）")
    public static let kioskHelpLineNumber = Bilingual(en: "Choose a service by its number", zh: "按编号选择业务")
    public static let kioskHelpCategoryNumber = Bilingual(en: "Select a category by its number", zh: "按编号选择类别")
    public static let kioskHelpMove = Bilingual(en: "Move the selection", zh: "移动选择")
    public static let kioskHelpChooseLine = Bilingual(en: "Choose the selected service", zh: "选择所选业务")
    public static let kioskHelpBack = Bilingual(en: "Back to the services", zh: "返回业务列表")
    public static let kioskHelpTakeTicket = Bilingual(en: "Take the ticket", zh: "取号")
}

// MARK: - Kiosk: case progress and the service guide (`KioskScreen.progressFormKeys`, `progressResultKeys`, `guideKeys`)

extension UIText {
    public static let kioskHelpNextField = Bilingual(en: "The next field", zh: "下一个输入项")
    public static let kioskHelpPreviousField = Bilingual(en: "The previous field", zh: "上一个输入项")
    public static let kioskHelpLookUp = Bilingual(en: "Next field; on the last one, look the case up", zh: "下一个输入项；在最后一项时查询")
    public static let kioskHelpDeleteLast = Bilingual(en: "Delete the character before the cursor", zh: "删除光标前的字符")
    public static let kioskHelpBackToStart = Bilingual(en: "Back to the start", zh: "返回首页")
    public static let kioskHelpTakeForItem = Bilingual(en: "On an item's page: take a ticket for its line", zh: "在事项详情页：取该事项所属业务的号")
    public static let kioskHelpGuideSearchQ = Bilingual(en: "Typed into the search, as every letter", zh: "与其他字母一样输入搜索框")
}
