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
    }

    public enum Result: Sendable {
        case detail(AgentJobDetail)
        case markedSeen
        case refused(Bilingual)
    }

    public enum Mode: Sendable, Equatable { case list, detail, inbox }

    public private(set) var view: AgentView
    public private(set) var mode = Mode.list
    public private(set) var list = ListState(pageSize: 18)
    public private(set) var inboxList = ListState(pageSize: 18)
    public private(set) var scrollTop = 0
    /// The supervisor's agent picker (nil: the choice of every agent).
    public private(set) var picker: Picker<String?>?
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
        key.leavesWhileTooSmall || (key == .char("q") && picker == nil)
    }

    public mutating func layout(for size: Size) {
        viewport = size
        list.pageSize = max(1, size.height - Self.listChrome)
        inboxList.pageSize = max(1, size.height - Self.listChrome)
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
        if mode == .detail, view.detail == nil { mode = .list }
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
        }
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        if showsHelp { showsHelp = false; return [] }
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
