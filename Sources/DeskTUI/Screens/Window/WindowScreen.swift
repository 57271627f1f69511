import Foundation
import HallModel
import Queue

/// The window clerk's screen: what a clerk uses all day. Pure: a key changes `mode` and returns
/// effects (each one engine call, performed by `WindowScreenModel`); `view` is replaced by the
/// caller after every effect and whenever another process writes. Drawing is in
/// `WindowScreen+Render.swift`. Key map: docs/window-screen.md and the `?` overlay.
public struct WindowScreen: Screen {
    public enum Effect: Sendable, Equatable {
        case callNext, recall, start, finish, noShow, hold, requeue, resume, quit
        /// `i`/F11: open the catalog over the screen. No engine call: the caller loads the catalog (at
        /// the first open) and calls `openCatalog(index:size:)`.
        case openCatalog
        case transfer(line: String, placement: TransferPlacement)
        case callBack(code: String)
        case pause(reason: String)
        case callSpecific(code: String)
        /// `e`: the note on the current ticket `code` (nil: clear it).
        case setNote(code: String, note: String?)
        /// The sign-in form was submitted (an empty password: the staff number of the bound account).
        case signIn(staff: String, password: String)
        /// "Yes, move me here" after the person was found signed in at another window.
        case confirmMove
        /// `o`: sign out and close the window; the form comes back for the next person.
        case signOut
        /// Unlock the idle-locked screen.
        case unlock(password: String)
    }

    /// What the keys act on: the main screen, an overlay, a picker or a one-line entry.
    public enum Mode: Sendable, Equatable {
        case main
        case help
        case transferLine(selected: Int)
        case transferPlacement(line: String, selected: Int)
        case heldList(selected: Int)
        case pauseReason(selected: Int)
        case pauseOther(text: String)
        case callCode(text: String)
        /// `e`: the note on the current ticket, starting from the note it has.
        case noteEdit(text: String)
        /// Nobody is signed in here: the sign-in form takes the keys.
        case signIn(SignInForm)
        /// The person (`name`) is signed in at another window: move here (y) or not (n, Esc).
        case confirmMove(from: Int, name: String)
        /// `q` or `o` with a ticket at the window: finish, hold or requeue it first, then quit or sign out.
        case confirmLeave(quitting: Bool)
        /// Locked after the idle time: only the same person's password (or the bound account) unlocks.
        case locked(password: String)
    }

    /// The last result or refusal, shown in the status line until the next key.
    public struct Status: Sendable, Equatable {
        public var message: Bilingual
        public var isError: Bool
        public init(_ message: Bilingual, isError: Bool = false) { self.message = message; self.isError = isError }
    }

    public var view: WindowView
    public var mode: Mode = .main
    public var status: Status?
    /// The item catalog, open over the screen while set: it takes the keys and the frame, and the window
    /// underneath (`view`, `mode`, `status`) stays as it was. See `WindowScreen+Catalog.swift`.
    public var catalog: CatalogScreen?
    /// Who is signed in at this terminal (nil: the sign-in form). Set by `WindowScreenModel`.
    public var signedIn: SignedIn?
    /// The staff number of the person bound to this OS account (signs in without a password).
    public var boundStaffID: String?
    /// Counts keys handled, so the model can tell an idle screen without the screen reading a clock.
    public private(set) var keyCount = 0

    public struct SignedIn: Sendable, Equatable {
        public var staffID: String
        public var name: String
        /// Signed in by the bound operating-system account: no password to unlock.
        public var byAccount: Bool
        public init(staffID: String, name: String, byAccount: Bool) { self.staffID = staffID; self.name = name; self.byAccount = byAccount }
    }

    public init(view: WindowView, mode: Mode = .main, status: Status? = nil) {
        self.view = view; self.mode = mode; self.status = status
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    /// Lines the current ticket can be transferred to (all but its own).
    public var transferTargets: [ServiceLine] {
        view.lines.filter { $0.id != view.current?.ticket.lineID }
    }

    static let codeLimit = 8
    static let reasonLimit = 24
    /// Display columns of the note entry (the model bounds the note in characters: `FreeText.ticketNoteLimit`).
    static let noteLimit = 60

    public mutating func handle(_ key: Key) -> [Effect] {
        keyCount &+= 1
        if catalog != nil {
            handleCatalog(key)
            return []
        }
        switch mode {
        case .main: return handleMain(key)
        case .help:
            if key == .escape || key == .char("?") || key == .f(1) || key == .char("q") || key == .enter { mode = .main }
            return []
        case .transferLine(let selected):
            let targets = transferTargets
            guard let choice = pick(key, selected: selected, count: targets.count, set: { .transferLine(selected: $0) }) else { return [] }
            mode = .transferPlacement(line: targets[choice].prefix, selected: 0)
            return []
        case .transferPlacement(let line, let selected):
            let placements = TransferPlacement.allCases
            guard let choice = pick(key, selected: selected, count: placements.count, set: { .transferPlacement(line: line, selected: $0) }) else {
                return []
            }
            mode = .main
            return [.transfer(line: line, placement: placements[choice])]
        case .heldList(let selected):
            guard let choice = pick(key, selected: selected, count: view.held.count, set: { .heldList(selected: $0) }) else { return [] }
            mode = .main
            return [.callBack(code: view.held[choice].ticket.code)]
        case .pauseReason(let selected):
            let reasons = PauseReason.allCases
            guard let choice = pick(key, selected: selected, count: reasons.count, set: { .pauseReason(selected: $0) }) else { return [] }
            if let stored = reasons[choice].stored {
                mode = .main
                return [.pause(reason: stored)]
            }
            mode = .pauseOther(text: "")
            return []
        case .pauseOther(let text):
            return edit(key, text: text, limit: Self.reasonLimit, accepts: { _ in true }, set: { .pauseOther(text: $0) },
                        submit: { .pause(reason: $0) })
        case .callCode(let text):
            return edit(key, text: text, limit: Self.codeLimit, accepts: { $0.isASCII && ($0.isLetter || $0.isNumber) },
                        set: { .callCode(text: $0.uppercased()) }, submit: { .callSpecific(code: $0) })
        case .noteEdit(let text): return handleNoteEdit(key, text)
        case .signIn(let form): return handleSignIn(key, form)
        case .confirmMove: return handleConfirmMove(key)
        case .confirmLeave(let quitting): return handleConfirmLeave(key, quitting: quitting)
        case .locked(let password): return handleLocked(key, password)
        }
    }

    private mutating func handleMain(_ key: Key) -> [Effect] {
        // Before the status is cleared: looking something up leaves the window exactly as it was.
        if key == .char("i") || key == .f(11) { return [.openCatalog] }
        status = nil
        switch key {
        case .char("n"), .f(2): return [.callNext]
        case .char("r"), .f(3): return [.recall]
        case .char("s"), .f(4): return [.start]
        case .char("f"), .f(5): return [.finish]
        case .char("x"), .f(6): return [.noShow]
        case .char("t"), .f(7):
            if view.current == nil {
                status = Status(QueueError.noActiveTicket(window: view.window.id).message, isError: true)
            } else if transferTargets.isEmpty {
                status = Status(UIText.noOtherLine, isError: true)
            } else {
                mode = .transferLine(selected: 0)
            }
            return []
        case .char("h"), .f(8):
            // With nobody at the window, the hold key is the way back to what is held.
            if view.current == nil && !view.held.isEmpty {
                mode = .heldList(selected: 0)
                return []
            }
            return [.hold]
        case .char("b"):
            if view.held.isEmpty { status = Status(UIText.nothingHeld, isError: true) } else { mode = .heldList(selected: 0) }
            return []
        case .char("p"), .f(9):
            switch view.window.state {
            case .paused: return [.resume]
            case .closed: status = Status(QueueError.windowClosed(view.window.id).message, isError: true)
            case .open: mode = .pauseReason(selected: 0)
            }
            return []
        case .char("c"): mode = .callCode(text: ""); return []
        case .char("e"):
            if let current = view.current { mode = .noteEdit(text: current.ticket.note ?? "") } else {
                status = Status(QueueError.noActiveTicket(window: view.window.id).message, isError: true)
            }
            return []
        case .char("o"):
            if view.current != nil { mode = .confirmLeave(quitting: false); return [] }
            return [.signOut]
        case .char("?"), .f(1): mode = .help; return []
        case .char("q"), .f(10):
            // Nobody leaves a citizen standing at the window: the ticket is finished, held or requeued first.
            if view.current != nil { mode = .confirmLeave(quitting: true); return [] }
            return [.quit]
        default: return []
        }
    }

    /// The note entry: like the other entries, but Enter on an emptied note clears it, and a note left as it
    /// was sends nothing.
    private mutating func handleNoteEdit(_ key: Key, _ text: String) -> [Effect] {
        guard let current = view.current?.ticket else { mode = .main; return [] }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if key == .enter && (trimmed.isEmpty || trimmed == current.note) {
            mode = .main
            return trimmed.isEmpty && current.note != nil ? [.setNote(code: current.code, note: nil)] : []
        }
        return edit(key, text: text, limit: Self.noteLimit, accepts: { _ in true }, set: { .noteEdit(text: $0) },
                    submit: { .setNote(code: current.code, note: $0) })
    }

    /// A picker's keys: Up/Down move, a digit 1–9 or Enter choose, Esc cancels. Returns the chosen
    /// index, or nil (having updated or left the mode).
    mutating func pick(_ key: Key, selected: Int, count: Int, set: (Int) -> Mode) -> Int? {
        let current = min(max(0, selected), max(0, count - 1))
        switch key {
        case .escape: mode = .main
        case .up, .char("k"): mode = set(count == 0 ? 0 : (current + count - 1) % count)
        case .down, .char("j"), .tab: mode = set(count == 0 ? 0 : (current + 1) % count)
        case .home: mode = set(0)
        case .end: mode = set(max(0, count - 1))
        case .enter:
            if count > 0 { return current }
            mode = .main
        case .char(let c):
            if let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, count) { return digit - 1 }
        default: break
        }
        return nil
    }

    /// A one-line entry: printable keys that `accepts` allows are added (up to `limit` columns),
    /// Backspace deletes, Enter submits non-blank text, Esc cancels.
    mutating func edit(_ key: Key, text: String, limit: Int, accepts: (Character) -> Bool,
                               set: (String) -> Mode, submit: (String) -> Effect) -> [Effect] {
        switch key {
        case .escape: mode = .main
        case .backspace, .delete: mode = set(String(text.dropLast()))
        case .enter:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return [] }
            mode = .main
            return [submit(trimmed)]
        case .char(let c):
            if accepts(c), !DisplayWidth.isControl(c), DisplayWidth.of(text) + DisplayWidth.of(c) <= limit { mode = set(text + String(c)) }
        default: break
        }
        return []
    }
}
