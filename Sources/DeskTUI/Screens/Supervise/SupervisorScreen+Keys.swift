import HallModel
import Queue

/// The supervisor's screen's key tables, one per mode: `handle` reads them, and so do the key bars and the help
/// overlay. `SupervisorScreenDocTests` checks that docs/TUI.md lists every binding.
extension SupervisorScreen {
    public enum HallCommand: Sendable, Equatable { case quit, signOut, help, nextPanel, previousPanel, panel, move, open, messageAll }
    public enum LineCommand: Sendable, Equatable { case quit, back, help, move, cancelTicket, reopenTicket, moveTicket, openCloseLine }
    public enum WindowCommand: Sendable, Equatable { case quit, back, help, signClerkOut, resume, message, profile, filter }
    public enum CaseCommand: Sendable, Equatable { case quit, back, scroll }
    public enum ReviewCommand: Sendable, Equatable { case quit, back, help, scroll, visit, close, extend, decideAppeal }
    public enum ComplaintCommand: Sendable, Equatable { case quit, back, help, scroll, assign, answer, close }

    public static var hallKeys: KeyTable<HallCommand, SupervisorScreen> {
        typealias B = KeyBinding<HallCommand, SupervisorScreen>
        return KeyTable([
            B([.tab], .nextPanel, label: UIText.superviseKeyPanel, help: UIText.superviseHelpPanel),
            B([.backTab], .previousPanel, label: nil, help: UIText.superviseHelpPanelBack),
            B([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], .panel, label: nil, help: UIText.superviseHelpPanelNumber),
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.superviseHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.superviseHelpMove),
            B([.enter], .open, label: UIText.superviseKeyOpen, help: UIText.superviseHelpOpen,
              enabled: { $0.panel != .charts && $0.rowCount($0.panel) > 0 }),
            B([.char("m")], .messageAll, label: UIText.superviseKeyMessageAll, help: UIText.superviseHelpMessageAll),
            B([.char("o")], .signOut, label: UIText.casesKeySignOut, help: UIText.superviseHelpSignOut, optional: true),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.superviseHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }

    public static var lineKeys: KeyTable<LineCommand, SupervisorScreen> {
        typealias B = KeyBinding<LineCommand, SupervisorScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.superviseHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.superviseHelpMove),
            B([.char("c")], .cancelTicket, label: UIText.superviseKeyCancelTicket, help: UIText.superviseHelpCancelTicket,
              enabled: { $0.selectedTicket?.state.isOpen ?? false }),
            B([.char("r")], .reopenTicket, label: UIText.superviseKeyReopenTicket, help: UIText.superviseHelpReopenTicket,
              enabled: { screen in screen.selectedTicket.map { [TicketState.cancelled, .noShow, .unserved].contains($0.state) } ?? false }),
            B([.char("m")], .moveTicket, label: UIText.superviseKeyMoveTicket, help: UIText.superviseHelpMoveTicket,
              enabled: { screen in screen.selectedTicket.map { [TicketState.waiting, .held].contains($0.state) } ?? false }),
            B([.char("l")], .openCloseLine, label: { UIText.superviseKeyOpenCloseLine(open: $0.openLine?.line.isOpen ?? true) },
              help: { _ in UIText.superviseHelpOpenCloseLine }),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.superviseHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.superviseHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }

    public static var windowKeys: KeyTable<WindowCommand, SupervisorScreen> {
        typealias B = KeyBinding<WindowCommand, SupervisorScreen>
        return KeyTable([
            B([.char("x")], .signClerkOut, label: UIText.superviseKeySignClerkOut, help: UIText.superviseHelpSignClerkOut,
              enabled: { $0.openWindow.map { $0.window.state != .closed } ?? false }),
            B([.char("u")], .resume, label: UIText.superviseKeyResume, help: UIText.superviseHelpResume,
              enabled: { $0.openWindow?.window.state == .paused }),
            B([.char("s")], .message, label: UIText.superviseKeyMessage, help: UIText.superviseHelpMessage),
            B([.char("p")], .profile, label: UIText.superviseKeyProfile, help: UIText.superviseHelpProfile),
            B([.char("f")], .filter, label: UIText.superviseKeyFilter, help: UIText.superviseHelpFilter),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.superviseHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.superviseHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }

    public static var caseKeys: KeyTable<CaseCommand, SupervisorScreen> {
        typealias B = KeyBinding<CaseCommand, SupervisorScreen>
        return KeyTable([
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.superviseHelpBack),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }
}

extension SupervisorScreen {
    public static var reviewKeys: KeyTable<ReviewCommand, SupervisorScreen> {
        typealias B = KeyBinding<ReviewCommand, SupervisorScreen>
        return KeyTable([
            B([.char("v")], .visit, label: UIText.superviseKeyVisit, help: UIText.superviseHelpVisit,
              enabled: { $0.review?.state.isPending ?? false }),
            B([.char("c")], .close, label: UIText.superviseKeyCloseReview, help: UIText.superviseHelpCloseReview,
              enabled: { $0.review.map { $0.state == .open && $0.visitCount > 0 } ?? false }),
            B([.char("e")], .extend, label: UIText.superviseKeyExtend, help: UIText.superviseHelpExtend,
              enabled: { $0.review.map { $0.state == .open && !$0.extended } ?? false }),
            B([.char("a")], .decideAppeal, label: UIText.superviseKeyDecideAppeal, help: UIText.superviseHelpDecideAppeal,
              enabled: { $0.review?.state == .appealed }),
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.superviseHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.superviseHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }

    public static var complaintKeys: KeyTable<ComplaintCommand, SupervisorScreen> {
        typealias B = KeyBinding<ComplaintCommand, SupervisorScreen>
        return KeyTable([
            B([.char("a")], .assign, label: UIText.superviseKeyAssign, help: UIText.superviseHelpAssign,
              enabled: { $0.complaint?.state.awaitsAnswer ?? false }),
            B([.char("r")], .answer, label: UIText.superviseKeyAnswer, help: UIText.superviseHelpAnswer,
              enabled: { $0.complaint?.state == .assigned }),
            B([.char("c")], .close, label: UIText.superviseKeyCloseComplaint, help: UIText.superviseHelpCloseComplaint,
              enabled: { $0.complaint?.state == .answered }),
            B([.up, .down], .scroll, label: UIText.casesKeyScroll, help: UIText.casesHelpScroll),
            B([.pageUp, .pageDown, .char(" "), .home, .end], .scroll, label: nil, help: UIText.casesHelpScroll),
            B([.escape, .backspace], .back, label: UIText.back, help: UIText.superviseHelpBack),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.superviseHelpHelp, optional: true),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.superviseHelpQuit),
        ])
    }

    /// A draft's form: the `Form` widget's keys.
    public static var formKeys: KeyTable<AgentScreen.FormCommand, SupervisorScreen> {
        typealias B = KeyBinding<AgentScreen.FormCommand, SupervisorScreen>
        return KeyTable([
            B([.tab, .down, .enter], .next, label: UIText.superviseKeyFormNext, help: UIText.superviseHelpFormNext),
            B([.backTab, .up], .previous, label: nil, help: UIText.intakeHelpPreviousField),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
        ])
    }

    /// A draft's picker: the `Picker` widget's keys.
    public static var pickerKeys: KeyTable<CasesScreen.PickerCommand, SupervisorScreen> {
        typealias B = KeyBinding<CasesScreen.PickerCommand, SupervisorScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.casesHelpMove),
            B([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9"), .enter],
              .choose, label: UIText.casesKeyChoose, help: UIText.casesHelpChoose),
            B([.escape], .cancel, label: UIText.cancel, help: UIText.casesHelpCancel),
        ])
    }
}
