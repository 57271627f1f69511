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
    }

    public enum Effect: Sendable, Equatable {
        case quit
        /// `o` on the hall: sign out; the sign-in form comes back for the next person.
        case signOut
        case openLine(String)
        case openCase(String)
        case act(Action)
    }

    public enum Result: Sendable {
        case line(String, [Ticket])
        case caseDetail(CaseDetail)
        case done(Bilingual)
        /// A write or read refused, in both languages (the write's own message).
        case refused(Bilingual)
    }

    public enum Mode: Sendable, Equatable {
        case hall
        case line(String)
        case window(Int)
        case caseDetail(String)
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
    public private(set) var scrollTop = 0
    /// The action waiting for Enter or Esc (`ConfirmPrompt`).
    public private(set) var confirming: Action?
    public private(set) var showsHelp = false
    public private(set) var status: (text: Bilingual, isError: Bool)?
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
        key.leavesWhileTooSmall || (key == .char("q") && confirming == nil)
    }

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
        case .done(let text): status = (text, false)
        case .refused(let text): status = (text, true)
        }
    }


    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        if showsHelp { showsHelp = false; return [] }
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
        case .reviews, .complaints, .charts: return []
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

    var caseSheetLines: [CaseDetailSheet.Line] {
        guard let caseDetail else { return [] }
        return CaseDetailSheet(detail: caseDetail, desk: desk, language: .zh, width: viewport.width).lines
    }
}

