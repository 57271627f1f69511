import Queue

/// The one table of UI strings. Every text a screen shows is a `Bilingual` here, so it exists in
/// both languages; hall data (names of lines, items, people) is shown as entered instead.
/// Add strings under a `// MARK:` for your screen. Use: `UIText.quit.text(context.language)`.
public enum UIText {
    // MARK: Chrome
    public static let quit = Bilingual(en: "Quit", zh: "退出")
    public static let help = Bilingual(en: "Help", zh: "帮助")
    public static let back = Bilingual(en: "Back", zh: "返回")
    public static let confirm = Bilingual(en: "Confirm", zh: "确认")
    public static let cancel = Bilingual(en: "Cancel", zh: "取消")
    public static let yes = Bilingual(en: "Yes", zh: "是")
    public static let no = Bilingual(en: "No", zh: "否")
    public static let loading = Bilingual(en: "Loading...", zh: "加载中...")
    public static let error = Bilingual(en: "Error", zh: "错误")

    // MARK: Terminal
    public static func terminalTooSmall(minimum: Size, current: Size) -> Bilingual {
        Bilingual(
            en: "Terminal too small: \(current.width)x\(current.height). Enlarge it to at least \(minimum.width)x\(minimum.height).",
            zh: "终端太小：\(current.width)x\(current.height)。请放大到至少 \(minimum.width)x\(minimum.height)。")
    }
}
