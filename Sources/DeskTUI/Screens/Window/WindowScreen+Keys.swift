import HallModel
import Queue

/// The window screen's key table: `handleMain`, the key bar and the `?` help are all read from it, and
/// `WindowScreenDocTests` checks that docs/window-screen.md lists every binding.
extension WindowScreen {
    /// What a key on the main screen asks for.
    public enum Command: Sendable, Equatable {
        case callNext, recall, start, finish, noShow, transfer, hold, callBack, pause, callSpecific, signOut, catalog
        /// `a`: take in a case for the ticket being served (the intake form).
        case intake
        /// `d`: decide the most urgent of my "materials received, checking" intakes (the intake form's checklist and
        /// decision).
        case decidePending
        /// `e`: edit the current ticket's note.
        case note
        /// `m`: mark the supervisor's message in the banner read.
        case readMessage
        /// `/`: type a code to narrow the waiting list.
        case filterWaiting
        /// Up/Down, PgUp/PgDn, Home/End: scroll the waiting list.
        case scrollWaiting
        case help, quit
        /// Esc: clears the waiting list's filter (in pickers, entries and the help: closes them).
        case cancel
    }

    public static var mainKeys: KeyTable<Command, WindowScreen> {
        typealias B = KeyBinding<Command, WindowScreen>
        func idle(_ s: WindowScreen) -> Bool { s.view.window.state == .open && s.view.current == nil }
        func current(_ s: WindowScreen) -> TicketState? { s.view.current?.ticket.state }
        return KeyTable([
            B([.char("n"), .f(2)], .callNext, label: UIText.keyCallNext, help: UIText.helpCallNext, enabled: idle),
            B([.char("r"), .f(3)], .recall, label: UIText.keyRecall, help: UIText.helpRecall, enabled: { current($0) == .called }),
            B([.char("s"), .f(4)], .start, label: UIText.keyStart, help: UIText.helpStart, enabled: { current($0) == .called }),
            B([.char("f"), .f(5)], .finish, label: UIText.keyFinish, help: UIText.helpFinish, enabled: { current($0) == .serving }),
            B([.char("x"), .f(6)], .noShow, label: { _ in UIText.keyNoShow }, help: { UIText.helpNoShow($0.view.noShowAfterCalls) },
              enabled: { current($0) == .called }),
            B([.char("t"), .f(7)], .transfer, label: UIText.keyTransfer, help: UIText.helpTransfer, enabled: { $0.view.current != nil }),
            B([.char("h"), .f(8)], .hold, label: UIText.keyHold, help: UIText.helpHold,
              enabled: { $0.view.current != nil || !$0.view.held.isEmpty }),
            B([.char("b")], .callBack, label: UIText.keyCallBack, help: UIText.helpCallBack, enabled: { !$0.view.held.isEmpty }),
            B([.char("p"), .f(9)], .pause, label: { $0.view.window.state == .paused ? UIText.keyResume : UIText.keyPause },
              help: { _ in UIText.helpPause }, enabled: { $0.view.window.state != .closed }),
            B([.char("c")], .callSpecific, label: UIText.keyCallSpecific, help: UIText.helpCallSpecific, enabled: idle),
            B([.char("a")], .intake, label: UIText.keyIntake, help: UIText.helpIntake, enabled: { current($0) == .serving }),
            // Not on the key bar (the pending line names it: "[d]"), and in the help only while there is a pending intake.
            { var d = B([.char("d")], .decidePending, label: nil, help: UIText.helpDecidePending, enabled: { !$0.pending.isEmpty })
              d.inHelp = { !$0.pending.isEmpty }
              return d }(),
            B([.char("e")], .note, label: UIText.keyNote, help: UIText.helpNote, optional: true, enabled: { $0.view.current != nil }),
            // On the key bar and in the help only while a message is unread (the banner names the key too).
            { var m = B([.char("m")], .readMessage, label: { $0.view.messages.isEmpty ? nil : UIText.keyReadMessage },
                        help: { _ in UIText.helpReadMessage }, enabled: { !$0.view.messages.isEmpty })
              m.inHelp = { !$0.view.messages.isEmpty }
              return m }(),
            B([.char("o")], .signOut, label: UIText.keySignOut, help: UIText.helpSignOut),
            B([.char("i"), .f(11)], .catalog, label: UIText.keyCatalog, help: UIText.helpCatalog, optional: true),
            B([.char("/")], .filterWaiting, label: nil, help: UIText.helpFilterWaiting),
            B([.up, .down, .pageUp, .pageDown, .home, .end], .scrollWaiting, label: nil, help: UIText.helpScrollWaiting),
            B([.char("?"), .f(1)], .help, label: UIText.help, help: UIText.helpHelp),
            B([.char("q"), .f(10)], .quit, label: UIText.quit, help: UIText.helpQuit),
            B([.escape], .cancel, label: nil, help: UIText.helpEscape),
        ])
    }

    /// The keys of the pickers (transfer, held list, pause reason): in the key bar while one is open.
    static var pickerKeyBar: [KeyBarItem] {
        [KeyBarItem(keys: "Up/Down", compactKeys: "Up/Dn", label: UIText.keySelect), KeyBarItem(keys: "1-9", label: UIText.keyByNumber),
         KeyBarItem(keys: "Enter", label: UIText.confirm), KeyBarItem(keys: "Esc", label: UIText.cancel)]
    }

    mutating func handleMain(_ key: Key) -> [Effect] {
        // While a filter is typed, printable keys are the filter's; F-keys and Esc still work.
        if waitingList.isTypingFilter {
            if case .char = key { _ = waitingList.handle(key); return [] }
            if [.backspace, .delete, .left, .right, .enter, .escape].contains(key) {
                if waitingList.handle(key) != .ignored { return [] }
            }
        }
        guard let command = Self.mainKeys.command(for: key) else { return [] }
        // Before the status is cleared: looking something up leaves the window exactly as it was.
        if command == .catalog { return [.openCatalog] }
        status = nil
        switch command {
        case .callNext: return [.callNext]
        case .recall: return [.recall]
        case .start: return [.start]
        case .finish: return [.finish]
        case .noShow: return [.noShow]
        case .transfer:
            if view.current == nil {
                status = Status(QueueError.noActiveTicket(window: view.window.id).message, isError: true)
            } else if transferTargets.isEmpty {
                status = Status(UIText.noOtherLine, isError: true)
            } else {
                mode = .transferLine(selected: 0)
            }
            return []
        case .hold:
            // With nobody at the window, the hold key is the way back to what is held.
            if view.current == nil && !view.held.isEmpty {
                mode = .heldList(selected: 0)
                return []
            }
            return [.hold]
        case .callBack:
            if view.held.isEmpty { status = Status(UIText.nothingHeld, isError: true) } else { mode = .heldList(selected: 0) }
            return []
        case .pause:
            switch view.window.state {
            case .paused: return [.resume]
            case .closed: status = Status(QueueError.windowClosed(view.window.id).message, isError: true)
            case .open: mode = .pauseReason(selected: 0)
            }
            return []
        case .callSpecific: mode = .callCode(text: ""); return []
        case .note:
            if let current = view.current { mode = .noteEdit(text: current.ticket.note ?? "") } else {
                status = Status(QueueError.noActiveTicket(window: view.window.id).message, isError: true)
            }
            return []
        case .signOut:
            if view.current != nil { mode = .confirmLeave(quitting: false); return [] }
            return [.signOut]
        case .catalog: return [.openCatalog]
        case .readMessage:
            guard let message = view.messages.first else { status = Status(UIText.noUnreadMessage, isError: true); return [] }
            return [.readMessage(id: message.id)]
        case .intake:
            guard let ticket = view.current?.ticket else {
                status = Status(QueueError.noActiveTicket(window: view.window.id).message, isError: true)
                return []
            }
            guard ticket.state == .serving else {
                status = Status(IntakeError.ticketNotServed(code: ticket.code, state: ticket.state).message, isError: true)
                return []
            }
            return [.openIntake]
        case .decidePending:
            if pending.isEmpty { status = Status(UIText.pendingNone, isError: true); return [] }
            return [.openPending]
        case .filterWaiting, .scrollWaiting:
            if waitingList.handle(key) != .ignored { waitingListTouched = true }
            return []
        case .cancel:
            _ = waitingList.handle(key)
            waitingListTouched = false
            return []
        case .help: mode = .help; return []
        case .quit:
            // Nobody leaves a citizen standing at the window: the ticket is finished, held or requeued first.
            if view.current != nil { mode = .confirmLeave(quitting: true); return [] }
            return [.quit]
        }
    }
}
