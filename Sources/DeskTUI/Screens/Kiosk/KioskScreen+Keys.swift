import Queue

/// The kiosk's key tables, one per step; `handle` reads them. On the slip, any key goes back to the start.
extension KioskScreen {
    public enum Command: Sendable, Equatable { case quit, up, down, first, last, number, choose, back }

    /// The digit keys 1-9: a line (or a category) by its number.
    static let numberKeys: [Key] = (1...9).map { .char(Character(String($0))) }

    /// In every step: F10 or Ctrl-Q (for hall staff).
    public static var anyStepKeys: KeyTable<Command, KioskScreen> {
        KeyTable([KeyBinding([.f(10), .ctrl("q")], .quit, label: nil, help: UIText.kioskHelpQuit)])
    }

    public static var lineKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([
            B(numberKeys, .number, label: nil, help: UIText.kioskHelpLineNumber),
            B([.up], .up, label: nil, help: UIText.kioskHelpMove),
            B([.down], .down, label: nil, help: UIText.kioskHelpMove),
            B([.home], .first, label: nil, help: UIText.kioskHelpMove),
            B([.end], .last, label: nil, help: UIText.kioskHelpMove),
            B([.enter], .choose, label: nil, help: UIText.kioskHelpChooseLine),
        ])
    }

    public static var categoryKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([
            B(numberKeys, .number, label: nil, help: UIText.kioskHelpCategoryNumber),
            B([.up], .up, label: nil, help: UIText.kioskHelpMove),
            B([.down], .down, label: nil, help: UIText.kioskHelpMove),
            B([.escape, .backspace, .left], .back, label: nil, help: UIText.kioskHelpBack),
            // The one irreversible key is never a number key.
            B([.enter], .choose, label: nil, help: UIText.kioskHelpTakeTicket),
        ])
    }
}
