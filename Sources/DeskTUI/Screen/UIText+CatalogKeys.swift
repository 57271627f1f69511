import Queue

// MARK: - Catalog screen: what each key does and its key-bar label (`CatalogScreen.listKeys`, `detailKeys`)

extension UIText {
    public static let catalogHelpQuit = Bilingual(en: "Quit", zh: "退出")
    public static let catalogHelpQuitWhenEmpty = Bilingual(en: "Quit while the search is empty (else typed)", zh: "搜索为空时退出（否则作为输入）")
    public static let catalogHelpDeleteLast = Bilingual(en: "Delete the last character", zh: "删除最后一个字")
    public static let catalogHelpClear = Bilingual(en: "Clear the search", zh: "清空搜索")
    public static let catalogHelpBack = Bilingual(en: "Clear the search; when empty, leave", zh: "清空搜索；为空时返回")
    public static let catalogHelpMove = Bilingual(en: "Move the selection", zh: "移动选择")
    public static let catalogHelpOpen = Bilingual(en: "Open the selected item", zh: "打开所选事项")
    public static let catalogHelpClose = Bilingual(en: "Back to the list", zh: "返回列表")
    public static let catalogHelpScroll = Bilingual(en: "Scroll the item's list", zh: "滚动事项清单")
    public static let catalogHelpPrevious = Bilingual(en: "Previous item of the results", zh: "上一个结果")
    public static let catalogHelpNext = Bilingual(en: "Next item of the results", zh: "下一个结果")
    /// Over the window screen (`CatalogScreen.Host.window`), F10 and q close only the catalog.
    public static let catalogHelpToWindow = Bilingual(en: "Back to the window", zh: "回到窗口")
    public static let catalogHelpToWindowWhenEmpty = Bilingual(en: "Back to the window while the search is empty (else typed)",
                                                               zh: "搜索为空时回到窗口（否则作为输入）")

    // The key bar's labels (the keys come from the tables).
    public static let catalogKeyDetails = Bilingual(en: "Details", zh: "详情")
    public static let catalogKeyClearBack = Bilingual(en: "Clear/back", zh: "清空/返回")
    public static let catalogKeyScroll = Bilingual(en: "Scroll", zh: "滚动")
    public static let catalogKeyPreviousNext = Bilingual(en: "Prev/next", zh: "上/下一项")
    public static let catalogKeyToWindow = Bilingual(en: "Window", zh: "回窗口")
}
