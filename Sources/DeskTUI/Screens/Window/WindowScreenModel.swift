import Foundation
import HallModel
import Queue

/// The window screen's side that touches the database: loads `WindowView`s, performs effects (one
/// engine call, so one transaction, each) and notices other processes' writes. The screen stays pure.
public struct WindowScreenModel: Sendable {
    public let database: HallDatabase
    public let windowID: Int
    /// The `PRAGMA data_version` seen at the last load.
    public private(set) var lastVersion: Int?
    /// The last audit event the view on screen includes: commits after it that concern neither this
    /// window nor its lines are passed over (`HallChanges`).
    public private(set) var lastEventID: Int64?
    /// The lines this window served at the last load.
    private var servedLines: Set<Int64> = []
    /// The published catalog for `i`/F11, loaded at its first open: the window starts no slower for it.
    public private(set) var catalogFeed: CatalogIndexFeed?

    public init(database: HallDatabase, windowID: Int) {
        self.database = database
        self.windowID = windowID
    }

    /// Reads the window's picture. The version is taken first, so a write that lands during the
    /// load makes the next `reloadIfChanged` load again.
    public mutating func load() throws -> WindowView {
        // Both marks before the read: a commit that lands during it is looked at again.
        lastEventID = try database.lastEventID()
        lastVersion = try database.dataVersion()
        let view = try database.windowView(windowID)
        servedLines = Set(view.window.profile.map(\.lineID))
        return view
    }

    /// A fresh view when another process (or this one) wrote something this window shows since the last
    /// load, else nil. Every write appends an event, so the events since the last load say what moved: a
    /// call on a line this window does not serve, at another window, changes nothing here. With 120
    /// windows on one file that skips most reloads, and the CPU goes to the boards that must show the call.
    public mutating func reloadIfChanged() throws -> WindowView? {
        let version = try database.dataVersion()
        guard version != lastVersion else { return nil }
        if let since = lastEventID {
            let changes = try database.changes(after: since)
            if !changes.concern(window: windowID, lines: servedLines) {
                lastVersion = version
                lastEventID = changes.lastEventID
                return nil
            }
        }
        return try load()
    }

    /// One poll tick, as `desk window` runs it: a fresh view when the database changed (also while the
    /// catalog is open over the screen), and for an open catalog its paging size and a new catalog when
    /// another process imported one.
    /// Returns whether the screen changed (the run loop draws only then, or when its clock's second did).
    @discardableResult
    public mutating func poll(_ screen: inout WindowScreen, size: Size) throws -> Bool {
        var changed = false
        if let view = try reloadIfChanged() {
            screen.view = view
            screen.pending = try pendingRows()
            if let result = noticeSignOutElsewhere(screen) { screen.apply(result) }
            changed = true
        }
        if let result = checkIdle(screen) {
            screen.apply(result)
            changed = true
        }
        if let result = checkPrintJobs() {
            screen.apply(result)
            changed = true
        }
        guard screen.catalog != nil, var feed = catalogFeed else { return changed }
        let viewport = WindowScreen.catalogViewport(size)
        if screen.catalog?.viewport != viewport { screen.catalog?.viewport = viewport; changed = true }
        if try feed.refresh(from: database) { screen.catalog?.update(index: feed.index); changed = true }
        catalogFeed = feed
        return changed
    }

    /// Does one effect on `screen`, as `desk window` does: quit, open the catalog, or an engine call
    /// whose result goes to the status line, followed by a fresh view.
    /// The model performs the effect and the screen takes the result (`WindowScreen.apply`); then a fresh
    /// view (our own commits do not move this connection's `data_version`).
    public mutating func apply(_ effect: WindowScreen.Effect, to screen: inout WindowScreen, size: Size) throws -> LoopControl {
        let (result, control) = try perform(effect, on: screen, size: size)
        if let result { screen.apply(result) }
        if effect != .openCatalog, effect != .openIntake, effect != .openPending { screen.view = try load(); screen.pending = try pendingRows() }
        return control
    }

    /// Does one effect, reading `screen` (never writing it): what it came to, and whether to go on.
    public mutating func perform(_ effect: WindowScreen.Effect, on screen: WindowScreen, size: Size) throws
        -> (WindowScreen.Result?, LoopControl) {
        switch effect {
        case .quit, .signIn, .confirmMove, .signOut, .unlock: return try performIdentity(effect, on: screen)
        case .openCatalog: return (try openCatalog(size: size), .keepRunning)
        case .openIntake, .lookUpApplicant, .takeIn, .openPending, .decidePending:
            return (try performIntake(effect, on: screen, size: size), .keepRunning)
        default: return (.status(try perform(effect)), .keepRunning)
        }
    }

    /// The intake form's effects: open it (the catalog, as for `i`, and the hall's settings), look an applicant
    /// up, or the one `takeIn` write and the printing of its documents. A refusal keeps the form open with why.
    mutating func performIntake(_ effect: WindowScreen.Effect, on screen: WindowScreen, size: Size) throws -> WindowScreen.Result? {
        guard let actor else { return .status(WindowScreen.Status(UIText.notSignedIn, isError: true)) }
        do {
            switch effect {
            case .openIntake:
                guard let ticket = screen.view.current?.ticket else { return nil }
                return .intakeForm(try intakeSetup(ticket), size)
            case .openPending:
                // The most urgent: the fewest working days left (oldest first among equals).
                guard let first = screen.pending.min(by: { ($0.daysLeft ?? Int.max) < ($1.daysLeft ?? Int.max) }) else { return nil }
                let detail = try database.pendingIntake(reference: first.reference)
                var feed = try catalogFeed ?? CatalogIndexFeed(database: database)
                _ = try feed.refresh(from: database)
                catalogFeed = feed
                let settings = try database.settings()
                let setup = IntakeForm.Setup(index: feed.index, ticketCode: screen.view.current?.ticket.code ?? "",
                                             today: try CivilDate(parsing: database.today()), siteLevel: settings.siteLevel,
                                             supplementDaysCap: settings.supplementDays)
                // The item with its materials as recorded at receipt: the checklist's positions number them (docs/cases.md).
                return .pendingForm(IntakeForm(setup, deciding: detail.pending.reference, item: detail.item, applicant: detail.applicant,
                                               checklist: detail.checklist), size)
            case .decidePending(let reference, let request):
                let outcome = try database.decidePending(PendingDecision(
                    reference: reference, decision: request.decision, checklist: request.checklist, refusal: request.refusal,
                    reason: request.reason, supplementDays: request.supplementDays), by: actor)
                let printing = try startPrinting(outcome)
                return .intakeTaken(WindowScreen.Status(Self.intakeMessage(outcome, printing: printing)))
            case .lookUpApplicant(let kind, let number):
                return .applicantLookup(number: number, try database.applicant(kind: kind, number: number))
            case .takeIn(let request):
                let outcome = try database.takeIn(request, by: actor)
                let printing = try startPrinting(outcome)
                let taken = Self.intakeMessage(outcome, printing: printing)
                // A proxy ticket's batch (issue 10): the form opens again for the agent's next applicant, on the same ticket.
                if outcome.caseRecord != nil, let ticket = screen.view.current?.ticket, ticket.code == request.ticketCode {
                    let setup = try intakeSetup(ticket)
                    if let batch = setup.batch {
                        return .intakeTakenNext(WindowScreen.Status(UIText.intakeBatchNext(taken, ordinal: batch.ordinal)), setup, size)
                    }
                }
                return .intakeTaken(WindowScreen.Status(taken))
            default: return nil
            }
        } catch let error as UserFacingError {
            if case .takeIn = effect { return .intakeRefused(error.message) }
            if case .decidePending = effect { return .intakeRefused(error.message) }
            return .status(WindowScreen.Status(error.message, isError: true))
        }
    }

    /// The intake form's setup for the ticket served: the catalog (as for `i`), the hall's settings, its agents, and
    /// the batch of a proxy ticket (`ProxyBatch`: the agent and the place of the next case).
    private mutating func intakeSetup(_ ticket: Ticket) throws -> IntakeForm.Setup {
        var feed = try catalogFeed ?? CatalogIndexFeed(database: database)
        _ = try feed.refresh(from: database)
        catalogFeed = feed
        let settings = try database.settings()
        let agents = try database.staffList().filter { $0.active && $0.roles.contains(.agent) }.map { (id: $0.id, name: $0.name) }
        return IntakeForm.Setup(index: feed.index, ticketCode: ticket.code, today: try CivilDate(parsing: database.today()),
                                siteLevel: settings.siteLevel, supplementDaysCap: settings.supplementDays, agents: agents,
                                batch: try database.proxyBatch(ticket: ticket))
    }

    /// "已容缺受理：办件编号 HD-20260302-0001。正在打印文书 2 份…": the case (or the intake's registration number),
    /// and what becomes of the documents: being printed by `print_command` in the background (`printing`; its outcome
    /// comes to the status line at a later poll), or kept with the case when the hall prints nothing.
    static func intakeMessage(_ outcome: IntakeOutcome, printing: PrintJob?) -> Bilingual {
        join([intakeLead(outcome), printing.map { UIText.resultDocumentsPrinting($0.count) } ?? UIText.resultDocumentsSaved])
    }

    /// The case (or the intake's registration number) and, for a pending intake, the art. 32 limit: what the status
    /// line keeps when the print outcome replaces "正在打印".
    static func intakeLead(_ outcome: IntakeOutcome) -> Bilingual {
        join([outcome.caseRecord.map { UIText.resultIntakeCase($0.number, outcome.decision) }
            ?? UIText.resultIntakeRecorded(outcome.reference, outcome.decision), intakeFacts(outcome)])
    }

    /// What the clerk tells the person at the counter after the case (or registration) number: the art. 32 limit of a
    /// pending intake, the 容缺 supplement deadline, the representative. A print failure keeps them after its reprint
    /// command (which names the number).
    static func intakeFacts(_ outcome: IntakeOutcome) -> Bilingual {
        var parts: [Bilingual] = []
        if let decideBy = outcome.decideBy { parts.append(UIText.resultDecideBy(decideBy.description)) }
        // 容缺: the day the missing materials are due (or that it is told once the holiday schedule lets it be
        // counted); then who spoke for the applicant — both what the clerk tells the person at the counter.
        if outcome.decision == .tolerate, let record = outcome.caseRecord {
            parts.append(record.supplementDue.map { UIText.resultSupplementDue($0.description) } ?? UIText.resultSupplementDueUnknown)
        }
        if outcome.representative.kind != .none {
            parts.append(UIText.resultRepresentative(outcome.representative.kind.label, outcome.representative.name ?? ""))
        }
        return join(parts)
    }

    static func join(_ parts: [Bilingual]) -> Bilingual { Bilingual(en: parts.map(\.en).joined(), zh: parts.map(\.zh).joined()) }

    /// The intake's documents handed to `print_command` in the background (nil: the hall prints nothing, or
    /// there is nothing to print).
    mutating func startPrinting(_ outcome: IntakeOutcome) throws -> PrintJob? {
        let command = try database.settings().printCommand
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty, !outcome.documents.isEmpty else { return nil }
        let job = DocumentPrinter(command: command).start(outcome.documents.map(\.text), timeout: printTimeout, now: wallClock())
        printJobs.append(job)
        printLeads[ObjectIdentifier(job)] = (Self.intakeLead(outcome), Self.intakeFacts(outcome), outcome.caseRecord?.number ?? outcome.reference)
        return job
    }

    /// Documents being printed in the background, oldest first (`poll` reports each outcome once).
    public private(set) var printJobs: [PrintJob] = []
    /// What each job's outcome follows on the status line: its intake's case number (the clerk still sees it), what
    /// the clerk tells the applicant (kept after a failure's reprint command), and the number that command names.
    private var printLeads: [ObjectIdentifier: (lead: Bilingual, facts: Bilingual, number: String)] = [:]
    /// How long a print command may run before the screen stops it (`PrintJob.defaultTimeout`).
    public var printTimeout: TimeInterval = PrintJob.defaultTimeout

    /// The status line for a print job that has finished since the last poll (stopping one past its time), if any.
    mutating func checkPrintJobs() -> WindowScreen.Result? {
        var message: WindowScreen.Status?
        let now = wallClock()
        var finished: [ObjectIdentifier] = []
        printJobs.removeAll { job in
            guard let outcome = job.check(now: now) else { return false }
            let known = printLeads[ObjectIdentifier(job)]
            let lead = known.map { [$0.lead] } ?? []
            // A failure is what to act on: it comes first, with the reprint command naming the number (80 columns keep
            // it whole); then what the success message said after the number (the 容缺 date, the representative); last
            // what the print command did. The status row cuts the rest at a word.
            let reprint = [UIText.printFailed(number: known?.number ?? "")] + (known.map { [$0.facts] } ?? [])
            switch outcome {
            case .printed(let n): message = WindowScreen.Status(Self.join(lead + [UIText.printSent(n)]))
            case .failed(let error): message = WindowScreen.Status(Self.join(reprint + [UIText.printFailure(error)]), isError: true)
            case .timedOut(let command): message = WindowScreen.Status(Self.join(reprint + [UIText.printTimedOut(command)]), isError: true)
            }
            finished.append(ObjectIdentifier(job))
            return true
        }
        for id in finished { printLeads[id] = nil }
        return message.map { .status($0) }
    }

    /// The catalog to open over the screen, loaded the first time. A catalog that cannot be read is
    /// reported in the status line, like a refused action.
    public mutating func openCatalog(size: Size) throws -> WindowScreen.Result {
        do {
            var feed = try catalogFeed ?? CatalogIndexFeed(database: database)
            _ = try feed.refresh(from: database)
            catalogFeed = feed
            return .catalog(feed.index, size)
        } catch let error as UserFacingError {
            return .status(WindowScreen.Status(error.message, isError: true))
        }
    }

    // MARK: Who is at the window

    /// The person signed in at this window from this terminal; every engine call acts as them.
    public private(set) var actor: Actor?
    /// The person bound to this process's OS account, if any: signs in and unlocks without a password.
    public private(set) var boundActor: Actor?
    /// Authenticated, waiting for "move here?" to be confirmed.
    private var pendingActor: Actor?
    /// Idle lock: seconds without a key (0: never), and the wall clock it is measured by.
    public var idleLockSeconds: Double = 0
    public var wallClock: @Sendable () -> Date = { Date() }
    private var lastKeyCount = 0
    private var lastActivity: Date?

    /// Starts the screen: the bound account (or `staff` with `password`) signs in at once; otherwise the
    /// sign-in form is shown, with `staff` filled in when given. Returns the first screen.
    public mutating func start(osUser: String, staff: String?, password: String?) throws -> WindowScreen {
        boundActor = try database.authenticate(osUser: osUser, at: .window(windowID))
        idleLockSeconds = Double(try database.settings().idleLockMinutes) * 60
        var screen = WindowScreen(view: try load())
        screen.boundStaffID = boundActor?.staffID
        let wanted = staff.map { $0.uppercased() }
        if let bound = boundActor, wanted == nil || wanted == bound.staffID {
            screen.apply(signIn(bound, move: false))
        } else if let wanted, let password {
            screen.apply(signIn(staff: wanted, password))
        } else {
            screen.apply(.signInForm(staff: wanted ?? "", nil))
        }
        screen.view = try load()
        screen.pending = try pendingRows()
        return screen
    }

    /// As the screen loads for a signed-in person: the case sweep (a supervisor: 容缺 deadlines and overdue pending
    /// intakes) or the art. 32 conversion alone (a clerk), both idempotent; nothing for anyone else. A refusal or a
    /// failure leaves the screen as it was: `desk cases sweep` from cron does the same.
    func applyCaseSweep() {
        guard let actor else { return }
        _ = try? database.sweepAsAScreenOpens(by: actor)
    }

    /// The signed-in person's pending intakes with the working days left to decide each (0: today is the last).
    func pendingRows() throws -> [WindowScreen.PendingRow] {
        guard let staff = actor?.staffID else { return [] }
        let mine = try database.pendingIntakes().filter { $0.staffID == staff }
        guard !mine.isEmpty else { return [] }
        let calendar = try database.workingCalendar()
        let today = try CivilDate(parsing: database.today())
        return mine.map { intake in
            WindowScreen.PendingRow(reference: intake.reference,
                                    daysLeft: intake.decideBy.flatMap { try? calendar.workingDays(from: today, to: $0) })
        }
    }

    private mutating func signIn(staff: String, _ password: String) -> WindowScreen.Result {
        switch ScreenSignIn.check(staff: staff, password: password, bound: boundActor, database: database, at: .window(windowID)) {
        case .signedIn(let person): return signIn(person, move: false)
        case .refused(let why): return .signInForm(staff: staff.uppercased(), WindowScreen.Status(why, isError: true))
        }
    }

    private mutating func signIn(_ person: Actor, move: Bool) -> WindowScreen.Result {
        do {
            try database.openWindow(windowID, by: person, move: move)
            actor = person
            pendingActor = nil
            applyCaseSweep()
            let staff = try database.staffMember(person.staffID ?? "")
            lastActivity = wallClock()
            return .signedIn(WindowScreen.SignedIn(staffID: staff.id, name: staff.name, byAccount: person == boundActor),
                             WindowScreen.Status(UIText.resultSignedIn(staff.name)))
        } catch AccessError.signedInElsewhere(let id, let other) {
            pendingActor = person
            let name = (try? database.staffMember(id)).map { "\($0.name) (\($0.id))" } ?? id
            return .askMove(from: other, name: name)
        } catch let error as UserFacingError {
            return .signInForm(staff: person.staffID ?? "", WindowScreen.Status(error.message, isError: true))
        } catch {
            return .signInForm(staff: person.staffID ?? "", WindowScreen.Status(HallDatabaseError.message(for: error), isError: true))
        }
    }

    /// A supervisor (or day close, or a move made at another terminal) signed this person out: the screen
    /// stops acting for them and shows the sign-in form.
    mutating func noticeSignOutElsewhere(_ screen: WindowScreen) -> WindowScreen.Result? {
        guard let person = actor, screen.view.window.staffID != person.staffID else { return nil }
        actor = nil
        return .signInForm(staff: person.staffID ?? "", WindowScreen.Status(UIText.resultSignedOutElsewhere, isError: true))
    }

    /// Locks the screen after `idleLockSeconds` without a key (checked on every poll). The catalog, help or a
    /// picker open over the window are closed: a locked screen shows nothing but the lock.
    public mutating func checkIdle(_ screen: WindowScreen) -> WindowScreen.Result? {
        let now = wallClock()
        if screen.keyCount != lastKeyCount || lastActivity == nil {
            lastKeyCount = screen.keyCount
            lastActivity = now
            return nil
        }
        guard idleLockSeconds > 0, let actor, let since = lastActivity, now.timeIntervalSince(since) >= idleLockSeconds else { return nil }
        switch screen.mode {
        case .signIn, .confirmMove, .locked: return nil
        default: break
        }
        // The lock itself must happen even if recording it fails (a busy database): the event is secondary.
        try? database.recordScreenLocked(by: actor)
        return .locked
    }

    /// Performs one effect and returns what the status line says: the result, or the engine's refusal
    /// (nothing was written then). A database that is busy or broken is reported the same way, so
    /// the clerk keeps the screen; errors no person can read propagate and end it.
    public func perform(_ effect: WindowScreen.Effect) throws -> WindowScreen.Status {
        do {
            return try WindowScreen.Status(run(effect))
        } catch let error as UserFacingError {
            return WindowScreen.Status(error.message, isError: true)
        }
    }

    /// Identity effects change the model (who is signed in); the others are one engine call as that person.
    public mutating func performIdentity(_ effect: WindowScreen.Effect, on screen: WindowScreen) throws -> (WindowScreen.Result?, LoopControl) {
        switch effect {
        case .signIn(let staff, let password):
            return (signIn(staff: staff, password), .keepRunning)
        case .confirmMove:
            guard let person = pendingActor else { return (.signInForm(staff: "", nil), .keepRunning) }
            return (signIn(person, move: true), .keepRunning)
        case .signOut:
            guard let person = actor else { return (.signInForm(staff: "", nil), .keepRunning) }
            do {
                try database.closeWindow(windowID, by: person)
                actor = nil
                // What became of the ticket just before (finished, held, requeued) stays in view.
                let before = screen.status.flatMap { $0.isError ? nil : $0.message }
                return (.signInForm(staff: "", WindowScreen.Status(before.map {
                    Bilingual(en: $0.en + " " + UIText.resultSignedOut.en, zh: $0.zh + UIText.resultSignedOut.zh)
                } ?? UIText.resultSignedOut)), .keepRunning)
            } catch let error as UserFacingError {
                return (.status(WindowScreen.Status(error.message, isError: true)), .keepRunning)
            }
        case .unlock(let password):
            guard let person = actor, let id = person.staffID else { return (.signInForm(staff: "", nil), .keepRunning) }
            do {
                let byAccount = person == boundActor && password.isEmpty
                if !byAccount { _ = try database.authenticate(staff: id, password: password, at: .window(windowID)) }
                try? database.recordScreenUnlocked(by: person, method: byAccount ? "account" : "password")
                lastActivity = wallClock()
                return (.unlocked(WindowScreen.Status(UIText.resultUnlocked)), .keepRunning)
            } catch AccessError.wrongCredentials {
                return (.stillLocked(WindowScreen.Status(UIText.wrongPassword, isError: true)), .keepRunning)
            } catch let error as UserFacingError {
                return (.stillLocked(WindowScreen.Status(error.message, isError: true)), .keepRunning)
            }
        case .quit:
            // Quitting signs the person out and closes the window; a pause stays a pause (the board and the
            // supervisor keep seeing why the window is not calling).
            if let person = actor, let window = try? database.window(windowID), window.state == .open, window.staffID == person.staffID {
                if (try? database.activeTicket(window: windowID)) ?? nil != nil { return (nil, .keepRunning) }
                _ = try? database.closeWindow(windowID, by: person)
            }
            return (nil, .quit)
        default: return (nil, .keepRunning)
        }
    }

    private func run(_ effect: WindowScreen.Effect) throws -> Bilingual {
        let w = windowID
        guard let actor else { return UIText.notSignedIn }
        switch effect {
        case .quit, .openCatalog, .signIn, .confirmMove, .signOut, .unlock, .openIntake, .lookUpApplicant, .takeIn, .openPending,
             .decidePending:
            return Bilingual(en: "", zh: "")  // `apply` handles them
        case .readMessage(let id):
            try database.markWindowMessageRead(id, window: w, by: actor)
            return UIText.resultMessageRead
        case .callNext:
            guard let called = try database.callNext(window: w, by: actor) else { return UIText.resultNothingWaiting }
            return UIText.resultCalled(called.ticket.code)
        case .recall:
            let t = try database.recall(window: w, by: actor)
            return UIText.resultRecalled(t.code, max(0, t.callCount - 1))
        case .start: return UIText.resultStarted(try database.start(window: w, by: actor).code)
        case .finish: return UIText.resultFinished(try database.finish(window: w, by: actor).code)
        case .noShow: return UIText.resultNoShow(try database.noShow(window: w, by: actor).code)
        case .hold: return UIText.resultHeld(try database.hold(window: w, by: actor).code)
        case .requeue: return UIText.resultRequeued(try database.requeue(window: w, by: actor).code)
        case .callBack(let code): return UIText.resultCalledBack(try database.resumeHeld(window: w, code: code, by: actor).code)
        case .transfer(let line, let placement):
            return UIText.resultTransferred(try database.transfer(window: w, toLine: line, placement: placement, by: actor).code, line)
        case .pause(let reason):
            try database.pauseWindow(w, reason: reason, by: actor)
            return UIText.resultPaused
        case .resume:
            try database.resumeWindow(w, by: actor)
            return UIText.resultResumed
        case .callSpecific(let code): return UIText.resultCalled(try database.callSpecific(window: w, code: code, by: actor).ticket.code)
        case .setNote(let code, let note):
            let t = try database.setTicketNote(code: code, note: note, by: actor)
            return t.note == nil ? UIText.resultNoteCleared(t.code) : UIText.resultNoteSet(t.code)
        }
    }
}
