import HallModel
import Queue

/// The agent's screen's key tables, one per mode: `handle` reads them, and so do the key bars and the help overlay.
/// `AgentScreenDocTests` checks that docs/TUI.md lists every binding.
extension AgentScreen {
    public enum ListCommand: Sendable, Equatable { case quit, move, open, inbox, chooseAgent, help, signOut }
    public enum DetailCommand: Sendable, Equatable { case quit, back, scroll, handover, contact, print, reprint, close, help }
    public enum FormCommand: Sendable, Equatable { case next, previous, cancel }
    public enum InboxCommand: Sendable, Equatable { case quit, back, move, open, markSeen, help }

    public static var listKeys: KeyTable<ListCommand, AgentScreen> {
        typealias B = KeyBinding<ListCommand, AgentScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.casesHelpMove),
            B([.enter], .open, label: UIText.agentKeyOpen, help: UIText.agentHelpOpen, enabled: { $0.selectedJob != nil }),
            B([.char("i")], .inbox, label: { UIText.agentKeyInbox(new: $0.newCount) },
              help: { _ in UIText.agentHelpInbox }, enabled: { $0.view.inbox != nil }),
            B([.char("a")], .chooseAgent, label: UIText.agentKeyAgent, help: UIText.agentHelpAgent, optional: true,
              enabled: { $0.view.mayChooseAgent }),
            B([.char("o")], .signOut, label: UIText.casesKeySignOut, help: UIText.casesHelpSignOut, optional: true),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.casesHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ])
    }

    public static var detailKeys: KeyTable<DetailCommand, AgentScreen> {
        typealias B = KeyBinding<DetailCommand, AgentScreen>
        return KeyTable([
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
            B([.char("h")], .handover, label: UIText.agentKeyHandover, help: UIText.agentHelpHandover),
            B([.char("p")], .print, label: UIText.agentKeyPrint, help: UIText.agentHelpPrint, enabled: { !($0.view.detail?.ledger.isEmpty ?? true) }),
            B([.char("r")], .reprint, label: UIText.agentKeyReprint, help: UIText.agentHelpReprint, optional: true,
              enabled: { !($0.view.detail?.ledger.isEmpty ?? true) }),
            B([.char("c")], .contact, label: UIText.agentKeyContact, help: UIText.agentHelpContact),
            B([.char("x")], .close, label: UIText.agentKeyClose, help: UIText.agentHelpClose, optional: true),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.agentHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.casesHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ])
    }

    public static var inboxKeys: KeyTable<InboxCommand, AgentScreen> {
        typealias B = KeyBinding<InboxCommand, AgentScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.casesHelpMove),
            B([.enter], .open, label: UIText.agentKeyOpen, help: UIText.agentHelpOpenItem, enabled: { $0.selectedInboxItem != nil }),
            B([.char("m")], .markSeen, label: UIText.agentKeyMarkSeen, help: UIText.agentHelpMarkSeen, enabled: { $0.newCount > 0 }),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.agentHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.casesHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.casesHelpQuit),
        ])
    }

    /// The contact form (after its method): Tab/Down/Enter to the next field, Enter on the last records; Esc cancels.
    public static var contactKeys: KeyTable<FormCommand, AgentScreen> {
        typealias B = KeyBinding<FormCommand, AgentScreen>
        return KeyTable([
            B([.tab, .down, .enter], .next, label: UIText.agentKeyContactNext, help: UIText.agentHelpContactNext),
            B([.backTab, .up], .previous, label: nil, help: UIText.intakeHelpPreviousField),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
        ])
    }

    /// The agent picker: the `Picker` widget's keys, as on the case screen.
    public static var pickerKeys: KeyTable<CasesScreen.PickerCommand, AgentScreen> {
        typealias B = KeyBinding<CasesScreen.PickerCommand, AgentScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9"), .enter],
              .choose, label: UIText.casesKeyChoose, help: UIText.casesHelpChoose),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
        ])
    }
}
