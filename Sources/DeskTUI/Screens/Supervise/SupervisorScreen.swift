import Foundation
import HallModel
import Queue

/// The supervisor's live screen (`desk supervise`): every line and window, the cases at risk, bad reviews and
/// complaints, and the day's charts; a line, a window or a case opened for a closer look, with the supervisor's
/// actions on it (each confirmed, each the `HallDatabase` write with its policy check and event).
///
/// Pure: keys change the state and return effects (`SupervisorScreenModel` performs them); `render` draws the state.
/// Narrow terminals (below `wideSize`) show one panel at a time with a tab row; wide ones every panel at once.
public struct SupervisorScreen: Screen {
    public enum Panel: Int, Sendable, CaseIterable, Equatable {
        case lines, windows, cases, reviews, complaints, charts
    }

    /// A write the supervisor asks for from a drill-down, confirmed first.
    public enum Action: Sendable, Equatable {
        case cancelTicket(String)
        case reopenTicket(String)
        case openLine(String)
        case closeLine(String)
        /// Sign the clerk out and close the window.
        case closeWindow(Int)
        case resumeWindow(Int)
        /// A waiting or held ticket to another line (`moveTicket`).
        case moveTicket(String, toLine: String)
        /// The window's lines and weights, as typed (`WindowProfileText`, checked before the action is made).
        case setWindowLines(Int, String)
        /// Which tickets the window calls: every one, priority only, appointments only.
        case setWindowFilter(Int, WindowFilter)
        case sendMessage(WindowMessageTarget, String)
        /// 回访 of a bad review: how, whether the citizen was reached, what they said.
        case logVisit(String, ContactMethod, reached: Bool, said: String)
        case closeReview(String, RectificationOutcome, note: String)
        case extendReview(String, reason: String)
        case decideAppeal(String, upheld: Bool, note: String)
        case assignComplaint(String, handler: String, unit: String?)
        case answerComplaint(String, reply: String)
        case closeComplaint(String, ComplaintSatisfaction)
    }

    public enum Effect: Sendable, Equatable {
        case quit
        /// `o` on the hall: sign out; the sign-in form comes back for the next person.
        case signOut
        case openLine(String)
        case openCase(String)
        /// A bad review's rectification (ZG-…), a complaint (TS-…).
        case openReview(String)
        case openComplaint(String)
        case act(Action)
    }

    public enum Result: Sendable {
        case line(String, [Ticket])
        case caseDetail(CaseDetail)
        case review(Rectification)
        case complaint(Complaint)
        case done(Bilingual)
        /// A write or read refused, in both languages (the write's own message).
        case refused(Bilingual)
    }

    public enum Mode: Sendable, Equatable {
        case hall
        case line(String)
        case window(Int)
        case caseDetail(String)
        case review(String)
        case complaint(String)
    }

    public private(set) var view: SupervisorView
    public private(set) var desk: CasesDesk
    public private(set) var mode = Mode.hall
    /// The panel shown (narrow) or focused (wide).
    public private(set) var panel = Panel.lines
    public private(set) var lists: [Panel: ListState] = [:]
    /// The line drill-down's tickets and their list.
    public private(set) var lineTickets: [Ticket] = []
    public private(set) var ticketList = ListState(pageSize: 10)
    public private(set) var caseDetail: CaseDetail?
    /// The bad review's rectification, the complaint the drill-down shows.
    public private(set) var review: Rectification?
    public private(set) var complaint: Complaint?
    public private(set) var scrollTop = 0
    /// The action waiting for Enter or Esc (`ConfirmPrompt`).
    public internal(set) var confirming: Action?
    /// An action being put together (`SupervisorScreen+Drafts`): its picker or its form, one at a time.
    public internal(set) var draft: Draft?
    public internal(set) var choice: BilingualPicker<Choice>?
    public internal(set) var form: Form<FormField>?
    var formTitle = Bilingual(en: "", zh: "")
    public private(set) var showsHelp = false
    public internal(set) var status: (text: Bilingual, isError: Bool)?
    public private(set) var viewport = Size(width: 80, height: 24)

    public var minimumSize: Size { Size(width: 80, height: 24) }
    /// From this size on, every panel at once.
    public static let wideSize = Size(width: 160, height: 40)
    public var isWide: Bool { viewport.width >= Self.wideSize.width && viewport.height >= Self.wideSize.height }

    public init(view: SupervisorView, desk: CasesDesk) {
        self.view = view
        self.desk = desk
        for p in Panel.allCases { lists[p] = ListState(count: rowCount(p), pageSize: 10) }
    }

    public func acceptsWhileTooSmall(_ key: Key) -> Bool {
        key.leavesWhileTooSmall || (key == .char("q") && confirming == nil && !takesText && choice == nil)
    }

    /// A form is open: every printable key is text.
    public var takesText: Bool { form != nil }

    public mutating func layout(for size: Size) {
        viewport = size
        for p in Panel.allCases {
            let rows = max(1, panelRect(p).height - 3)
            lists[p]?.pageSize = rows
        }
        ticketList.pageSize = max(1, size.height - 9)
    }

    // MARK: Data

    func rowCount(_ p: Panel) -> Int {
        switch p {
        case .lines: view.lines.count
        case .windows: view.windows.count
        case .cases: view.cases.count + view.pendingIntakes.count
        case .reviews: view.badReviews.count
        case .complaints: view.complaints.count
        case .charts: 0
        }
    }

    public func list(_ p: Panel) -> ListState { lists[p] ?? ListState() }

    static func at<T>(_ rows: [T], _ index: Int) -> T? { rows.indices.contains(index) ? rows[index] : nil }

    public var selectedLine: SupervisorView.Line? { Self.at(view.lines, list(.lines).selected) }
    public var selectedWindow: SupervisorView.Window? { Self.at(view.windows, list(.windows).selected) }
    public var selectedCase: SupervisorView.CaseRisk? { Self.at(view.cases, list(.cases).selected) }
    public var selectedTicket: Ticket? { Self.at(lineTickets, ticketList.selected) }

    /// The window the drill-down shows.
    public var openWindow: SupervisorView.Window? {
        if case .window(let id) = mode { return view.windows.first { $0.window.id == id } }
        return nil
    }
    public var openLine: SupervisorView.Line? {
        if case .line(let prefix) = mode { return view.lines.first { $0.line.prefix == prefix } }
        return nil
    }

    public mutating func update(_ newView: SupervisorView, desk newDesk: CasesDesk? = nil) {
        view = newView
        if let newDesk { desk = newDesk }
        for p in Panel.allCases {
            let count = rowCount(p)
            lists[p]?.setCount(count)
        }
        if case .window(let id) = mode, !view.windows.contains(where: { $0.window.id == id }) { mode = .hall }
    }

    public mutating func apply(_ result: Result) {
        switch result {
        case .line(let prefix, let tickets):
            let keep = selectedTicket?.id
            lineTickets = tickets
            ticketList.setCount(tickets.count)
            if mode != .line(prefix) { mode = .line(prefix); ticketList.select(0); status = nil }
            else if let keep, let at = tickets.firstIndex(where: { $0.id == keep }) { ticketList.select(at) }
        case .caseDetail(let detail):
            if mode != .caseDetail(detail.record.number) { scrollTop = 0; status = nil }
            caseDetail = detail
            mode = .caseDetail(detail.record.number)
        case .review(let r):
            if mode != .review(r.number) { scrollTop = 0; status = nil }
            review = r
            mode = .review(r.number)
        case .complaint(let c):
            if mode != .complaint(c.number) { scrollTop = 0; status = nil }
            complaint = c
            mode = .complaint(c.number)
        case .done(let text):
            closeDraft()
            status = (text, false)
        case .refused(let text):
            // A form's write refused: the form stays, with the reason under its first field.
            if var open = form {
                open.setError(text, for: open.fields.first?.id ?? .text)
                form = open
            } else {
                status = (text, true)
            }
        }
    }


    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        if showsHelp { showsHelp = false; return [] }
        if form != nil { return handleForm(key) }
        if choice != nil { return handleChoice(key) }
        if let action = confirming {
            switch ConfirmPrompt().handle(key) {
            case .confirmed: confirming = nil; return [.act(action)]
            case .cancelled: confirming = nil
            case .ignored: break
            }
            return []
        }
        switch mode {
        case .hall: return handleHall(key)
        case .line(let prefix): return handleLine(key, prefix)
        case .window(let id): return handleWindow(key, id)
        case .caseDetail: return handleCase(key)
        case .review: return handleReview(key)
        case .complaint: return handleComplaint(key)
        }
    }

    private mutating func handleHall(_ key: Key) -> [Effect] {
        guard let command = Self.hallKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .signOut: return [.signOut]
        case .help: showsHelp = true
        case .nextPanel: panel = Panel(rawValue: (panel.rawValue + 1) % Panel.allCases.count) ?? .lines
        case .previousPanel: panel = Panel(rawValue: (panel.rawValue + Panel.allCases.count - 1) % Panel.allCases.count) ?? .lines
        case .panel:
            if case .char(let c) = key, let n = c.wholeNumberValue, let p = Panel(rawValue: n - 1) { panel = p }
        case .move: _ = lists[panel]?.handle(key)
        case .open: return openSelected()
        case .messageAll: status = nil; return start(.message(.all))
        }
        return []
    }

    private mutating func openSelected() -> [Effect] {
        switch panel {
        case .lines: return selectedLine.map { [.openLine($0.line.prefix)] } ?? []
        case .windows:
            guard let w = selectedWindow else { return [] }
            mode = .window(w.window.id)
            status = nil
            return []
        case .cases: return selectedCase.map { [.openCase($0.entry.record.number)] } ?? []
        case .reviews: return Self.at(view.badReviews, list(.reviews).selected).map { [.openReview($0.reference)] } ?? []
        case .complaints: return Self.at(view.complaints, list(.complaints).selected).map { [.openComplaint($0.reference)] } ?? []
        case .charts: return []
        }
    }

    private mutating func handleLine(_ key: Key, _ prefix: String) -> [Effect] {
        guard let command = Self.lineKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .hall; status = nil
        case .help: showsHelp = true
        case .move: _ = ticketList.handle(key)
        case .cancelTicket:
            guard let t = selectedTicket else { status = (UIText.superviseNoTicket, true); return [] }
            confirming = .cancelTicket(t.code)
        case .reopenTicket:
            guard let t = selectedTicket else { status = (UIText.superviseNoTicket, true); return [] }
            confirming = .reopenTicket(t.code)
        case .openCloseLine:
            guard let line = openLine else { return [] }
            confirming = line.line.isOpen ? .closeLine(prefix) : .openLine(prefix)
        case .moveTicket:
            guard let t = selectedTicket, [TicketState.waiting, .held].contains(t.state) else { status = (UIText.superviseNotMovable, true); return [] }
            return start(.moveTicket(t.code))
        }
        return []
    }

    private mutating func handleWindow(_ key: Key, _ id: Int) -> [Effect] {
        guard let command = Self.windowKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .hall; status = nil
        case .help: showsHelp = true
        case .signClerkOut:
            guard openWindow?.window.state != .closed else { status = (UIText.superviseWindowAlreadyClosed, true); return [] }
            confirming = .closeWindow(id)
        case .resume:
            guard openWindow?.window.state == .paused else { status = (UIText.superviseWindowNotPaused, true); return [] }
            confirming = .resumeWindow(id)
        case .message: status = nil; return start(.message(.window(id)))
        case .profile: status = nil; return start(.windowLines(id))
        case .filter: status = nil; return start(.windowFilter(id))
        }
        return []
    }

    private mutating func handleCase(_ key: Key) -> [Effect] {
        guard let command = Self.caseKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .hall; status = nil
        case .scroll:
            scrollTop = SheetScreenChrome.scrolled(scrollTop, by: key, lines: caseSheetLines.count, viewportHeight: viewport.height)
        }
        return []
    }

    private mutating func handleReview(_ key: Key) -> [Effect] {
        guard let command = Self.reviewKeys.command(for: key), let r = review else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .hall; status = nil
        case .help: showsHelp = true
        case .scroll: scrollTop = SheetScreenChrome.scrolled(scrollTop, by: key, lines: reviewLines(.zh).count, viewportHeight: viewport.height)
        case .visit: status = nil; return start(.visit(r.number, how: nil, reached: nil))
        case .close:
            guard r.state == .open else { status = (UIText.superviseReviewNotOpen, true); return [] }
            guard r.visitCount > 0 else { status = (UIText.superviseVisitFirst, true); return [] }
            status = nil; return start(.closeReview(r.number, outcome: nil))
        case .extend:
            guard r.state == .open, !r.extended else { status = (UIText.superviseCannotExtend, true); return [] }
            status = nil; return start(.extendReview(r.number))
        case .decideAppeal:
            guard r.state == .appealed else { status = (UIText.superviseNoAppeal, true); return [] }
            status = nil; return start(.decideAppeal(r.number, upheld: nil))
        }
        return []
    }

    private mutating func handleComplaint(_ key: Key) -> [Effect] {
        guard let command = Self.complaintKeys.command(for: key), let c = complaint else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .hall; status = nil
        case .help: showsHelp = true
        case .scroll: scrollTop = SheetScreenChrome.scrolled(scrollTop, by: key, lines: complaintLines(.zh).count, viewportHeight: viewport.height)
        case .assign:
            guard c.state.awaitsAnswer else { status = (UIText.superviseComplaintAnswered, true); return [] }
            status = nil; return start(.assignComplaint(c.number))
        case .answer:
            guard c.state == .assigned else { status = (UIText.superviseComplaintAssignFirst, true); return [] }
            status = nil; return start(.answerComplaint(c.number))
        case .close:
            guard c.state == .answered else { status = (UIText.superviseComplaintAnswerFirst, true); return [] }
            status = nil; return start(.closeComplaint(c.number))
        }
        return []
    }

    var caseSheetLines: [CaseDetailSheet.Line] {
        guard let caseDetail else { return [] }
        return CaseDetailSheet(detail: caseDetail, desk: desk, language: .zh, width: viewport.width).lines
    }
}

