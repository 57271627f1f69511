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
        /// `a` while a ticket is served: open the intake form. The caller loads the catalog and the hall's
        /// settings and hands them back (`Result.intakeForm`).
        case openIntake
        /// The intake form's number field was left valid: is the applicant known? (`Result.applicantLookup`)
        case lookUpApplicant(ApplicantKind, String)
        /// The intake form was confirmed: the one `takeIn` write (`Result.intakeTaken` / `.intakeRefused`).
        case takeIn(IntakeRequest)
        /// `d`: open the clerk's most urgent "materials received, checking" intake in the intake form
        /// (`Result.pendingForm`).
        case openPending
        /// The form decided a pending intake: the one `decidePending` write (`Result.intakeTaken` / `.intakeRefused`).
        case decidePending(reference: String, IntakeRequest)
        /// `m`: the supervisor's message in the banner (`view.messages.first`) is read at this window.
        case readMessage(id: Int64)
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

    public var view: WindowView { didSet { waitingList.setRows(view.waiting.map(\.ticket.code)) } }
    /// The waiting list's selection, scroll and `/` filter (by ticket code).
    public var waitingList = ScrollingList(filterMode: .startedBy("/"), filterAllowed: .code)
    /// A list key was pressed: the selected row is highlighted (until Esc).
    public var waitingListTouched = false
    public var mode: Mode = .main
    public var status: Status?
    /// The item catalog, open over the screen while set: it takes the keys and the frame, and the window
    /// underneath (`view`, `mode`, `status`) stays as it was. See `WindowScreen+Catalog.swift`.
    public var catalog: CatalogScreen?
    /// The intake form, open over the screen while set (`a`): it takes the keys and the frame below the top row.
    /// See `WindowScreen+Intake.swift`.
    public var intake: IntakeForm?
    /// Who is signed in at this terminal (nil: the sign-in form). Set by `WindowScreenModel`.
    public var signedIn: SignedIn?
    /// The signed-in clerk's "materials received, checking" intakes, oldest first (`WindowScreenModel.load`).
    public var pending: [PendingRow] = []

    /// One pending intake as the window shows it: its registration number and the working days left to decide
    /// (0: today is the last day; nil: cannot be counted).
    public struct PendingRow: Sendable, Equatable {
        public var reference: String
        public var daysLeft: Int?
        public init(reference: String, daysLeft: Int?) { self.reference = reference; self.daysLeft = daysLeft }
    }
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
        waitingList.setRows(view.waiting.map(\.ticket.code))
    }

    /// The terminal's size is known (the run loop calls this before each key when it changed): the waiting
    /// list pages by the rows it shows.
    public mutating func layout(for size: Size) {
        waitingList.state.pageSize = Self.waitingRows(size)
        intake?.layout(for: size)
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

    /// Too small to be seen: F10, Ctrl-Q and Esc as everywhere, and q on the main screen (where it quits, not
    /// while a filter is typed); over it, the catalog's own.
    public func acceptsWhileTooSmall(_ key: Key) -> Bool {
        if let catalog { return catalog.acceptsWhileTooSmall(key) }
        return key.leavesWhileTooSmall || (mode == .main && key == .char("q") && !waitingList.isTypingFilter)
    }

    public mutating func handle(_ key: Key) -> [Effect] {
        keyCount &+= 1
        if catalog != nil {
            handleCatalog(key)
            return []
        }
        if intake != nil && !isGuarded { return handleIntake(key) }
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
            return edit(key, text: text, limit: Self.reasonLimit, allowed: .any, set: { .pauseOther(text: $0) },
                        submit: { .pause(reason: $0) })
        case .callCode(let text):
            return edit(key, text: text, limit: Self.codeLimit, allowed: .code, set: { .callCode(text: $0) },
                        submit: { .callSpecific(code: $0) })
        case .noteEdit(let text): return handleNoteEdit(key, text)
        case .signIn(let form): return handleSignIn(key, form)
        case .confirmMove: return handleConfirmMove(key)
        case .confirmLeave(let quitting): return handleConfirmLeave(key, quitting: quitting)
        case .locked(let password): return handleLocked(key, password)
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
        return edit(key, text: text, limit: Self.noteLimit, allowed: .any, set: { .noteEdit(text: $0) },
                    submit: { .setNote(code: current.code, note: $0) })
    }

    /// A picker's keys: Up/Down move, a digit 1–9 or Enter choose, Esc cancels. Returns the chosen
    /// index, or nil (having updated or left the mode).
    mutating func pick(_ key: Key, selected: Int, count: Int, set: (Int) -> Mode) -> Int? {
        var picker = Picker(title: "", options: (0..<count).map { ("", $0) }, selected: selected)
        switch picker.handle(key) {
        case .cancelled: mode = .main
        case .chosen(let index): return index
        case .moved: mode = set(picker.list.selected)
        case .ignored: if key == .enter { mode = .main }
        }
        return nil
    }

    /// A one-line entry, through the shared `TextField` (typing at the end): characters `allowed` takes are
    /// added up to `limit` columns, Backspace/Delete delete the last one, Enter submits non-blank text, Esc
    /// cancels.
    mutating func edit(_ key: Key, text: String, limit: Int, allowed: TextField.Allowed,
                       set: (String) -> Mode, submit: (String) -> Effect) -> [Effect] {
        var field = TextField(text, maxLength: limit, allowed: allowed)
        switch field.handle(key == .delete ? .backspace : key) {
        case .cancelled: mode = .main
        case .submitted(let trimmed):
            mode = .main
            return [submit(trimmed)]
        case .edited where DisplayWidth.of(field.text) <= limit: mode = set(field.text)
        case .edited, .ignored: break
        }
        return []
    }
}

extension WindowScreen {
    /// What an effect (or the model's poll) came to, handed back by `WindowScreenModel`: the screen changes
    /// itself by it, so the model never writes the screen's fields.
    public enum Result {
        /// An engine call's result for the status line, or its refusal (`isError`; nothing was written).
        case status(Status)
        /// Signed in (by the form, the bound account or a move): the window is theirs.
        case signedIn(SignedIn, Status)
        /// Nobody is signed in here now: the sign-in form (with the staff number), and why.
        case signInForm(staff: String, Status?)
        /// The person is signed in at window `from`: ask whether to move here.
        case askMove(from: Int, name: String)
        case unlocked(Status)
        /// A wrong password at the lock.
        case stillLocked(Status)
        /// Locked after the idle time.
        case locked
        /// The catalog, loaded, to open over the screen.
        case catalog(CatalogIndex, Size)
        /// The intake form's catalog and settings: open it.
        case intakeForm(IntakeForm.Setup, Size)
        /// A pending intake's form, filled in from the intake: open it.
        case pendingForm(IntakeForm, Size)
        /// The applicant known by `number`, or nil (new).
        case applicantLookup(number: String, Applicant?)
        /// The intake was written: the form closes and the status line says what it came to.
        case intakeTaken(Status)
        /// The intake was refused (nothing written): the form stays, saying why.
        case intakeRefused(Bilingual)
        /// A case of a proxy ticket's batch was written: the form opens again, empty, for the agent's next applicant,
        /// saying what the last one came to (Esc ends the batch).
        case intakeTakenNext(Status, IntakeForm.Setup, Size)
    }

    public mutating func apply(_ result: Result) {
        switch result {
        case .status(let newStatus): status = newStatus
        case .signedIn(let person, let newStatus):
            signedIn = person
            mode = .main
            status = newStatus
        case .signInForm(let staff, let newStatus):
            signedIn = nil
            catalog = nil
            intake = nil
            mode = .signIn(SignInForm(staff: staff))
            status = newStatus
        case .askMove(let from, let name):
            mode = .confirmMove(from: from, name: name)
            status = nil
        case .unlocked(let newStatus):
            mode = .main
            status = newStatus
        case .stillLocked(let newStatus):
            mode = .locked(password: "")
            status = newStatus
        case .locked:
            catalog = nil
            mode = .locked(password: "")
            status = nil
        case .catalog(let index, let size): openCatalog(index: index, size: size)
        case .intakeForm(let setup, let size):
            intake = IntakeForm(setup)
            intake?.layout(for: size)
            status = nil
        case .pendingForm(let form, let size):
            intake = form
            intake?.layout(for: size)
            status = nil
        case .applicantLookup(let number, let found): intake?.applicantFound(number: number, found)
        case .intakeTaken(let newStatus):
            intake = nil
            status = newStatus
        case .intakeRefused(let why): intake?.refused(why)
        case .intakeTakenNext(let taken, let setup, let size):
            intake = IntakeForm(setup)
            intake?.layout(for: size)
            intake?.say(taken)
            status = taken
        }
    }
}
