import HallModel
import Queue

/// The supervisor's screen's key tables, one per mode: `handle` reads them, and so do the key bars and the help
/// overlay. `SupervisorScreenDocTests` checks that docs/TUI.md lists every binding.
extension SupervisorScreen {
    public enum HallCommand: Sendable, Equatable { case quit, signOut, help, nextPanel, previousPanel, panel, move, open }
    public enum LineCommand: Sendable, Equatable { case quit, back, help, move, cancelTicket, reopenTicket, openCloseLine }
    public enum WindowCommand: Sendable, Equatable { case quit, back, help, signClerkOut, resume }
    public enum CaseCommand: Sendable, Equatable { case quit, back, scroll }

    public static var hallKeys: KeyTable<HallCommand, SupervisorScreen> {
        typealias B = KeyBinding<HallCommand, SupervisorScreen>
        return KeyTable([
            B([.tab], .nextPanel, label: UIText.superviseKeyPanel, help: UIText.superviseHelpPanel),
            B([.backTab], .previousPanel, label: nil, help: UIText.superviseHelpPanelBack),
            B([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], .panel, label: nil, help: UIText.superviseHelpPanelNumber),
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.superviseHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.superviseHelpMove),
            B([.enter], .open, label: UIText.superviseKeyOpen, help: UIText.superviseHelpOpen,
              enabled: { [.lines, .windows, .cases].contains($0.panel) && $0.rowCount($0.panel) > 0 }),
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
