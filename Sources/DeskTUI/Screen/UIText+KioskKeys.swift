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
