import Queue

/// The rating terminal's key tables, one per step; `handle`, the key bar and the help read them (docs/TUI.md, "The
/// rating terminal"). On the thanks, any key goes back at once; idle takes no key.
extension RatingScreen {
    public enum Command: Sendable, Equatable { case quit, up, down, number, choose, back, toggle, nextField }

    private static func digitKeys(_ range: ClosedRange<Int>) -> [Key] { range.map { .char(Character(String($0))) } }

    /// In every step: F10 or Ctrl-Q (for hall staff; not on the key bar, which faces the citizen).
    public static var anyStepKeys: KeyTable<Command, RatingScreen> {
        KeyTable([KeyBinding([.f(10), .ctrl("q")], .quit, label: nil, help: UIText.rateHelpQuit)])
    }

    public static var levelKeys: KeyTable<Command, RatingScreen> {
        typealias B = KeyBinding<Command, RatingScreen>
        return KeyTable([
            B(digitKeys(1...5), .number, label: UIText.rateKeyLevel, help: UIText.rateHelpLevelNumber),
            B([.up], .up, label: UIText.rateKeyMove, help: UIText.rateHelpMove),
            B([.down], .down, label: UIText.rateKeyMove, help: UIText.rateHelpMove),
            B([.enter], .choose, label: UIText.rateKeyChoose, help: UIText.rateHelpChooseLevel),
        ])
    }

    public static var reasonKeys: KeyTable<Command, RatingScreen> {
        typealias B = KeyBinding<Command, RatingScreen>
        return KeyTable([
            B(digitKeys(1...reasons.count), .number, label: UIText.rateKeyTick, help: UIText.rateHelpReasonNumber),
            B([.char(" ")], .toggle, label: nil, help: UIText.rateHelpToggle),
            B([.up], .up, label: UIText.rateKeyMove, help: UIText.rateHelpMove),
            B([.down], .down, label: UIText.rateKeyMove, help: UIText.rateHelpMove),
            B([.tab], .nextField, label: UIText.rateKeyWords, help: UIText.rateHelpWords),
            B([.enter], .choose, label: UIText.rateKeyNext, help: UIText.rateHelpReasonsDone),
            B([.escape], .back, label: UIText.back, help: UIText.rateHelpBackToLevels),
        ])
    }

    public static var confirmKeys: KeyTable<Command, RatingScreen> {
        typealias B = KeyBinding<Command, RatingScreen>
        return KeyTable([
            B([.enter], .choose, label: UIText.rateKeySubmit, help: UIText.rateHelpSubmit),
            B([.escape], .back, label: UIText.back, help: UIText.rateHelpBackToChange),
        ])
    }
}
