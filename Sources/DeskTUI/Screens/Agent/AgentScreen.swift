import Foundation
import HallModel
import Queue

/// The agent's screen (`desk agent`): my open proxy jobs by deadline light with the next action of each, a job's
/// detail (the job, then its case as the case screen shows it: deadlines, materials, timeline), and the inbox of what
/// changed in my jobs since I last looked. A supervisor sees every agent's jobs, or one agent's (`a`).
///
/// Pure, as the case screen: keys change the state and return effects (`AgentScreenModel` performs them); `render`
/// draws the state; one key table per mode drives the keys, the key bar and the help.
public struct AgentScreen: Screen {
    public enum Effect: Sendable, Equatable {
        case quit
        case signOut
        /// Show the jobs of this scope (the supervisor's agent filter).
        case reload(AgentJobScope)
        /// Load this job (by number) for the detail.
        case open(String)
        /// The inbox has been seen up to this mark.
        case markSeen(AgentInboxMark)
        /// Record the handover the form confirmed (`recordMaterialHandover`).
        case recordHandover(MaterialHandoverRequest)
        /// Print this receipt (JJ-…) with the hall's `print_command`.
        case printReceipt(String)
        /// Record a contact with the job's applicant (`recordContact`).
        case recordContact(job: String, how: ContactMethod, note: String, next: CivilDate?)
        /// Close the job (`closeProxyJob`).
        case closeJob(String)
    }

    public enum Result: Sendable {
        case detail(AgentJobDetail)
        case markedSeen
        case refused(Bilingual)
        /// The handover was recorded: the form closes, the receipt number is told (and `p` prints it).
        case handoverRecorded(MaterialHandover)
        /// The open form's write was refused: its message in the form, the form kept.
        case formRefused(Bilingual)
        case contactRecorded(ContactEntry)
        case jobClosed(String)
        /// A message for the status row (printing).
        case status(Bilingual, isError: Bool)
    }

    /// What a picker over the detail chooses (the supervisor's agent filter has its own, `picker`).
    public enum Choice: Sendable, Equatable {
        case method(ContactMethod)
        case receipt(String)
    }

    /// The contact form's fields (after its method is chosen).
    public enum ContactField: Sendable, Hashable { case note, next }

    public enum Mode: Sendable, Equatable { case list, detail, inbox }

    public private(set) var view: AgentView
    public private(set) var mode = Mode.list
    public private(set) var list = ListState(pageSize: 18)
    public private(set) var inboxList = ListState(pageSize: 18)
    public private(set) var scrollTop = 0
    /// The supervisor's agent picker (nil: the choice of every agent).
    public private(set) var picker: Picker<String?>?
    /// The detail's picker: the contact's method, or the receipt to reprint; its title and labels in both languages.
    public private(set) var choice: BilingualPicker<Choice>?
    /// The handover form (`h`).
    public private(set) var handoverForm: HandoverForm?
    /// The contact form (`c`, after the method), and the method chosen.
    public private(set) var contactForm: Form<ContactField>?
    public private(set) var contactMethod: ContactMethod?
    /// Closing the job waits for Enter or Esc (`ConfirmPrompt`).
    public private(set) var confirmingClose = false
    public private(set) var showsHelp = false
    public private(set) var status: (text: Bilingual, isError: Bool)?
    public private(set) var viewport = Size(width: 80, height: 24)

    public var minimumSize: Size { Size(width: 80, height: 24) }

    public init(view: AgentView, status: Bilingual? = nil) {
        self.view = view
        list.setCount(view.jobs.count)
        inboxList.setCount(view.inbox?.items.count ?? 0)
        if let status { self.status = (status, false) }
    }

    public func acceptsWhileTooSmall(_ key: Key) -> Bool {
        key.leavesWhileTooSmall || (key == .char("q") && picker == nil && !takesText && choice == nil && !confirmingClose)
    }

    /// A form is open: every printable key is text.
    public var takesText: Bool { handoverForm != nil || contactForm != nil }

    public mutating func layout(for size: Size) {
        viewport = size
        list.pageSize = max(1, size.height - Self.listChrome)
        inboxList.pageSize = max(1, size.height - Self.listChrome)
        handoverForm?.layout(for: size)
    }

    // MARK: Data

    public var selectedJob: AgentJobEntry? { view.jobs.indices.contains(list.selected) ? view.jobs[list.selected] : nil }
    public var selectedInboxItem: AgentInboxItem? {
        guard let items = view.inbox?.items, items.indices.contains(inboxList.selected) else { return nil }
        return items[inboxList.selected]
    }
    public var detail: AgentJobDetail? { mode == .detail ? view.detail : nil }
    public var newCount: Int { view.inbox?.newCount ?? 0 }

    public mutating func update(_ newView: AgentView) {
        let keep = selectedJob?.job.number
        view = newView
        list.setCount(view.jobs.count)
        inboxList.setCount(view.inbox?.items.count ?? 0)
        if let keep, let at = view.jobs.firstIndex(where: { $0.job.number == keep }) { list.select(at) }
        if mode == .detail, view.detail == nil { mode = .list; closeOverlays() }
    }

    private mutating func closeOverlays() {
        handoverForm = nil; contactForm = nil; contactMethod = nil; choice = nil; confirmingClose = false
    }

    public mutating func apply(_ result: Result) {
        switch result {
        case .detail(let detail):
            view.detail = detail
            mode = .detail
            scrollTop = 0
            status = nil
        case .markedSeen: status = (UIText.agentInboxMarked, false)
        case .refused(let message): status = (message, true)
        case .handoverRecorded(let handover):
            handoverForm = nil
            status = (UIText.agentHandoverRecorded(handover.number), false)
        case .formRefused(let message):
            if handoverForm != nil { handoverForm?.refuse(message) } else if contactForm != nil { contactForm?.setError(message, for: .note) }
            else { status = (message, true) }
        case .contactRecorded(let entry):
            contactForm = nil; contactMethod = nil
            status = (UIText.agentContactRecorded(entry.how), false)
        case .jobClosed(let number):
            status = (UIText.agentJobClosed(number), false)
        case .status(let message, let isError): status = (message, isError)
        }
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        if showsHelp { showsHelp = false; return [] }
        if handoverForm != nil { return handleHandoverForm(key) }
        if contactForm != nil { return handleContactForm(key) }
        if choice != nil { return handleChoice(key) }
        if confirmingClose { return handleConfirmClose(key) }
        if picker != nil { return handlePicker(key) }
        switch mode {
        case .list: return handleList(key)
        case .detail: return handleDetail(key)
        case .inbox: return handleInbox(key)
        }
    }

    private mutating func handleList(_ key: Key) -> [Effect] {
        guard let command = Self.listKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .move: _ = list.handle(key)
        case .open:
            guard let job = selectedJob else { return [] }
            return [.open(job.job.number)]
        case .inbox:
            guard view.inbox != nil else { return [] }
            mode = .inbox
            inboxList.select(0)
            status = nil
        case .chooseAgent:
            guard view.mayChooseAgent else { return [] }
            let options = [Picker<String?>.Option(label: UIText.agentPickEveryAgent.zh, value: nil)]
                + view.agents.map { Picker<String?>.Option(label: $0, value: $0) }
            let selected = options.firstIndex { $0.value == view.scope.agentID } ?? 0
            picker = Picker(title: UIText.agentPickAgent.zh, options: options, selected: selected)
        case .help: showsHelp = true
        case .signOut: return [.signOut]
        }
        return []
    }

    private mutating func handleDetail(_ key: Key) -> [Effect] {
        guard let command = Self.detailKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .list; status = nil
        case .help: showsHelp = true
        case .scroll: scroll(key)
        case .handover:
            guard let detail = view.detail else { return [] }
            status = nil
            var form = HandoverForm(detail.handoverSetup)
            form.layout(for: viewport)
            handoverForm = form
        case .contact:
            status = nil
            openChoice(UIText.agentPickMethod, ContactMethod.allCases.map { ($0.label, Choice.method($0)) })
        case .print:
            guard let newest = view.detail?.ledger.last else { status = (UIText.agentNoReceipt, true); return [] }
            return [.printReceipt(newest.number)]
        case .reprint:
            guard let ledger = view.detail?.ledger, !ledger.isEmpty else { status = (UIText.agentNoReceipt, true); return [] }
            openChoice(UIText.agentPickReceipt, ledger.reversed().map { h in
                (UIText.agentReceiptOption(h, time: ClockText.dateTime(h.at, timeZone: view.desk.timeZone)), Choice.receipt(h.number))
            })
        case .close:
            guard view.detail != nil else { return [] }
            status = nil
            confirmingClose = true
        }
        return []
    }

    // MARK: The detail's forms

    private mutating func handleHandoverForm(_ key: Key) -> [Effect] {
        guard var form = handoverForm else { return [] }
        switch form.handle(key) {
        case .none: handoverForm = form
        case .close: handoverForm = nil
        case .record(let request):
            handoverForm = form
            return [.recordHandover(request)]
        }
        return []
    }

    private mutating func handleContactForm(_ key: Key) -> [Effect] {
        guard var form = contactForm, let how = contactMethod, let job = view.detail?.entry.job.number else {
            contactForm = nil; contactMethod = nil
            return []
        }
        switch form.handle(key) {
        case .cancelled:
            contactForm = nil; contactMethod = nil
            return []
        case .submitted:
            let nextText = form.text(.next).trimmingCharacters(in: .whitespaces)
            var next: CivilDate?
            if !nextText.isEmpty {
                guard let day = try? CivilDate(parsing: nextText) else {
                    form.setError(UIText.agentContactBadDate, for: .next)
                    contactForm = form
                    return []
                }
                next = day
            }
            contactForm = form
            return [.recordContact(job: job, how: how, note: form.text(.note), next: next)]
        case .edited, .moved, .ignored:
            contactForm = form
        }
        return []
    }

    private mutating func openChoice(_ title: Bilingual, _ options: [(Bilingual, Choice)]) {
        choice = BilingualPicker(title: title, options: options)
    }

    private mutating func handleChoice(_ key: Key) -> [Effect] {
        guard var current = choice else { return [] }
        switch current.handle(key) {
        case .cancelled: choice = nil
        case .moved, .ignored: choice = current
        case .chosen(.method(let how)):
            choice = nil
            contactMethod = how
            contactForm = Form(fields: [
                .init(id: .note, label: UIText.agentContactNote, input: TextField(maxLength: 200)),
                .init(id: .next, label: UIText.agentContactNext, input: TextField(maxLength: 10)),
            ])
        case .chosen(.receipt(let number)):
            choice = nil
            return [.printReceipt(number)]
        }
        return []
    }

    private mutating func handleConfirmClose(_ key: Key) -> [Effect] {
        switch ConfirmPrompt().handle(key) {
        case .confirmed:
            confirmingClose = false
            guard let number = view.detail?.entry.job.number else { return [] }
            return [.closeJob(number)]
        case .cancelled: confirmingClose = false
        case .ignored: break
        }
        return []
    }

    private mutating func handleInbox(_ key: Key) -> [Effect] {
        guard let command = Self.inboxKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .list; status = nil
        case .help: showsHelp = true
        case .move: _ = inboxList.handle(key)
        case .open:
            guard let item = selectedInboxItem else { return [] }
            guard view.jobs.contains(where: { $0.job.number == item.jobNumber }) else {
                status = (UIText.agentNotYours, true)
                return []
            }
            return [.open(item.jobNumber)]
        case .markSeen:
            guard let inbox = view.inbox, inbox.newCount > 0 else { return [] }
            return [.markSeen(inbox.readUpTo)]
        }
        return []
    }

    private mutating func handlePicker(_ key: Key) -> [Effect] {
        guard var current = picker else { return [] }
        switch current.handle(key) {
        case .cancelled: picker = nil
        case .moved, .ignored: picker = current
        case .chosen(let agent):
            picker = nil
            let scope = AgentJobScope.allowed(for: view.desk.me, requested: agent)
            view.scope = scope
            list.select(0)
            return [.reload(scope)]
        }
        return []
    }

    private mutating func scroll(_ key: Key) {
        scrollTop = SheetScreenChrome.scrolled(scrollTop, by: key, lines: detailLineCount, viewportHeight: viewport.height)
    }

    // MARK: Layout

    /// Title and column header above the list; status and two key-bar rows below.
    static let listChrome = 5
    /// Title above the sheet; status and two key-bar rows below.
    static let detailChrome = SheetScreenChrome.sheetChrome

    var detailLineCount: Int {
        guard let detail = view.detail else { return 0 }
        return Language.allCases.map { AgentJobSheet(detail: detail, desk: view.desk, language: $0, width: viewport.width - 2).lines.count }
            .max() ?? 0
    }
}
