import HallModel
import Queue

/// The case screen's key tables, one per mode: `handle` reads them, and so do the key bars and the help overlay.
/// `CasesScreenDocTests` checks that docs/TUI.md lists every binding. The detail's action keys are dimmed — and left
/// out of its key bar — unless the case rules let the signed-in person take the action now (`offers`).
extension CasesScreen {
    public enum ListCommand: Sendable, Equatable {
        case quit, move, open, scope, filterState, filterLight, filterDepartment, filterItem, clearFilters, help, signOut
    }
    public enum DetailCommand: Sendable, Equatable { case quit, back, scroll, documents, help, act(CaseActionKind) }
    public enum DocumentCommand: Sendable, Equatable { case quit, back, scroll }
    public enum FormCommand: Sendable, Equatable { case submit, cancel, edit }
    public enum PickerCommand: Sendable, Equatable { case move, choose, cancel, erase }

    /// The key of each action on the detail view.
    public static let actionKeys: [(CaseActionKind, Character)] = [
        (.startReview, "t"), (.submitReview, "o"), (.approve, "a"), (.reject, "n"), (.issueResult, "i"), (.handOver, "h"),
        (.acknowledge, "k"), (.suspend, "s"), (.resume, "u"), (.extend, "e"), (.supplement, "m"), (.withdraw, "w"), (.terminate, "x"),
    ]

    public static var listKeys: KeyTable<ListCommand, CasesScreen> {
        typealias B = KeyBinding<ListCommand, CasesScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.casesHelpMove),
            B([.enter], .open, label: UIText.casesKeyOpen, help: UIText.casesHelpOpen, enabled: { $0.selectedEntry != nil }),
            B([.tab], .scope, label: { UIText.casesKeyScope(mine: $0.view.query.mine) }, help: { _ in UIText.casesHelpScope }),
            B([.char("s")], .filterState, label: UIText.casesKeyFilterState, help: UIText.casesHelpFilterState, optional: true),
            B([.char("l")], .filterLight, label: UIText.casesKeyFilterLight, help: UIText.casesHelpFilterLight, optional: true),
            B([.char("d")], .filterDepartment, label: UIText.casesKeyFilterDepartment, help: UIText.casesHelpFilterDepartment,
              optional: true),
            B([.char("i")], .filterItem, label: UIText.casesKeyFilterItem, help: UIText.casesHelpFilterItem, optional: true),
            B([.char("c")], .clearFilters, label: nil, help: UIText.casesHelpClearFilters),
            B([.char("o")], .signOut, label: UIText.casesKeySignOut, help: UIText.casesHelpSignOut, optional: true),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.casesHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ])
    }

    public static var detailKeys: KeyTable<DetailCommand, CasesScreen> {
        typealias B = KeyBinding<DetailCommand, CasesScreen>
        var bindings: [B] = [
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
        ]
        bindings += actionKeys.map { kind, key in
            B([.char(key)], .act(kind), label: UIText.casesKeyAction(kind), help: UIText.casesHelpAction(kind),
              enabled: { $0.offers(kind) })
        }
        bindings += [
            B([.char("d")], .documents, label: UIText.casesKeyDocuments, help: UIText.casesHelpDocuments, optional: true,
              enabled: { !($0.view.detail?.documents.isEmpty ?? true) }),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.casesHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.casesHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ]
        return KeyTable(bindings)
    }

    public static var documentKeys: KeyTable<DocumentCommand, CasesScreen> {
        typealias B = KeyBinding<DocumentCommand, CasesScreen>
        return KeyTable([
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.casesHelpBackToCase),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ])
    }

    /// The reason form: Enter submits (the rules check the text first), Esc cancels; other keys edit the field.
    public static var formKeys: KeyTable<FormCommand, CasesScreen> {
        typealias B = KeyBinding<FormCommand, CasesScreen>
        return KeyTable([
            B([.enter], .submit, label: UIText.confirm, help: UIText.casesHelpSubmit),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
            B([.left, .right, .home, .end, .backspace, .delete], .edit, label: nil, help: UIText.casesHelpEdit),
        ])
    }

    /// The pickers (filters, suspension reason, material, document): the `Picker` widget's keys.
    public static var pickerKeys: KeyTable<PickerCommand, CasesScreen> {
        typealias B = KeyBinding<PickerCommand, CasesScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9"), .enter],
              .choose, label: UIText.casesKeyChoose, help: UIText.casesHelpChoose),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
        ])
    }

    /// The item picker, a filterable one: letters and digits type into the filter from the first key (no "1-9":
    /// implementation codes start with digits), so its bar says typing filters and shows what chooses (Up/Down,
    /// Enter); Esc clears what is typed, or cancels when nothing is.
    public static var pickerFilterKeys: KeyTable<PickerCommand, CasesScreen> {
        typealias B = KeyBinding<PickerCommand, CasesScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.enter], .choose, label: UIText.casesKeyChoose, help: UIText.casesHelpChoose),
            B([.backspace], .erase, label: UIText.casesKeyErase, help: UIText.casesHelpErase),
            B([.escape], .cancel, label: { ($0.pickerFilter?.isEmpty ?? true) ? UIText.cancel : UIText.casesKeyClearFilter },
              help: { _ in UIText.casesHelpClearFilter }),
        ])
    }

    /// The filterable picker's key bar: first that typing filters (no key of the table: every printable key), then its keys.
    var pickerFilterBarItems: [KeyBarItem] {
        [KeyBarItem(keys: UIText.casesKeyTypingKeys, label: UIText.casesKeyTypeToFilter)] + Self.pickerFilterKeys.keyBarItems(self)
    }
}
