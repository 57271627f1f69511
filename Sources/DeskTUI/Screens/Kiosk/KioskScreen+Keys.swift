import Queue

/// The kiosk's key tables, one per step; `handle` and the key bar read them (`KioskScreenDocTests` checks that
/// docs/kiosk-and-board.md lists every binding). On the slip, any key goes back to the start.
extension KioskScreen {
    public enum Command: Sendable, Equatable { case quit, up, down, first, last, number, choose, back, takeForItem, deleteLast }

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

    /// The case progress form: the shared `Form` moves between the two fields and edits them; Esc leaves.
    public static var progressFormKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([
            B([.tab, .down], .down, label: UIText.kioskKeyNextField, help: UIText.kioskHelpNextField),
            B([.backTab, .up], .up, label: nil, help: UIText.kioskHelpPreviousField),
            B([.enter], .choose, label: UIText.kioskKeyLookUp, help: UIText.kioskHelpLookUp),
            B([.backspace], .deleteLast, label: nil, help: UIText.kioskHelpDeleteLast),
            B([.escape], .back, label: UIText.back, help: UIText.kioskHelpBackToStart),
        ])
    }

    /// A case's progress on screen: Enter or Esc back to the start (other keys do nothing: the citizen reads).
    public static var progressResultKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([B([.enter, .escape, .backspace], .back, label: UIText.back, help: UIText.kioskHelpBackToStart)])
    }

    /// The service guide's own key; every other key goes to the catalog screen (its list and sheet keys, docs/TUI.md).
    public static var guideKeys: KeyTable<Command, KioskScreen> {
        typealias B = KeyBinding<Command, KioskScreen>
        return KeyTable([B([.char("1")], .takeForItem, label: UIText.kioskKeyTakeForItem, help: UIText.kioskHelpTakeForItem)])
    }

    /// The lines step's key bar: the number keys as far as there are entries ("1-7 选择" with five lines and the two
    /// entries; never more than 1-9).
    var lineKeyBarItems: [KeyBarItem] {
        let names = KeyBinding<Command, KioskScreen>(Self.digitKeys(1...max(1, min(9, entryCount))), .number, label: nil,
                                                     help: UIText.kioskHelpLineNumber)
        return Self.lineKeys.keyBarItems(self).map { item in
            guard item.label == UIText.kioskKeyChoose else { return item }
            var item = item
            item.keys = names.barKeys
            item.compactKeys = names.compactKeys
            return item
        }
    }
}
