import Queue

/// The kiosk's key tables, one per step; `handle` and the key bar read them (`KioskScreenDocTests` checks that
/// docs/kiosk-and-board.md lists every binding). On the slip, any key goes back to the start.
extension KioskScreen {
    public enum Command: Sendable, Equatable { case quit, up, down, first, last, number, choose, back }

    /// The digit keys 1-9: a line by its number.
    static let lineNumberKeys = digitKeys(1...9)
    /// The digit keys of the categories (1-5).
    static let categoryNumberKeys = digitKeys(1...categories.count)

    private static func digitKeys(_ range: ClosedRange<Int>) -> [Key] { range.map { .char(Character(String($0))) } }

    /// In every step: F10 or Ctrl-Q (for hall staff).
    public static var anyStepKeys: KeyTable<Command, KioskScreen> {
        KeyTable([KeyBinding([.f(10), .ctrl("q")], .quit, label: nil, help: UIText.kioskHelpQuit)])
    }

    public static var lineKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([
            B(lineNumberKeys, .number, label: UIText.kioskKeyChoose, help: UIText.kioskHelpLineNumber),
            B([.up], .up, label: UIText.kioskKeyMove, help: UIText.kioskHelpMove),
            B([.down], .down, label: UIText.kioskKeyMove, help: UIText.kioskHelpMove),
            B([.home], .first, label: nil, help: UIText.kioskHelpMove),
            B([.end], .last, label: nil, help: UIText.kioskHelpMove),
            B([.enter], .choose, label: UIText.kioskKeyNext, help: UIText.kioskHelpChooseLine),
        ])
    }

    public static var categoryKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([
            B(categoryNumberKeys, .number, label: UIText.kioskKeyChoose, help: UIText.kioskHelpCategoryNumber),
            B([.up], .up, label: UIText.kioskKeyMove, help: UIText.kioskHelpMove),
            B([.down], .down, label: UIText.kioskKeyMove, help: UIText.kioskHelpMove),
            // The one irreversible key is never a number key.
            B([.enter], .choose, label: UIText.kioskKeyIssue, help: UIText.kioskHelpTakeTicket),
            B([.escape], .back, label: UIText.back, help: UIText.kioskHelpBack),
            B([.backspace, .left], .back, label: nil, help: UIText.kioskHelpBack),
        ])
    }
}
