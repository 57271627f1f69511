import Foundation
import HallModel
import Queue

/// The case screen (`desk cases`): my queue as reviewer or approver by deadline (or all cases), filtered by state,
/// light, department and item; a case's detail (deadlines, materials, timeline, documents) with the actions of the
/// state machine that the signed-in person may take, each with its reason form; a document's text.
///
/// Pure: keys change the state and return effects (`CasesScreenModel` performs them: the list's query, opening a
/// case, `HallDatabase.act(onCase:_:by:)`); `render` draws the state. Which actions are offered is asked of the
/// case rules (`CaseTransition.apply` on the case's facts, as the signed-in person, today): nothing is re-coded here.
public struct CasesScreen: Screen {
    public enum Effect: Sendable, Equatable {
        case quit
        /// `o` on the list: sign out; the sign-in form comes back for the next person (`CasesScreenSession`).
        case signOut
        /// The query changed: load the list again.
        case reload(CasesQuery)
        /// Load this case for the detail view.
        case open(String)
        /// Take this action on this case (one transaction, the same write as the CLI).
        case act(String, CaseAction)
    }

    public enum Result: Sendable {
        case detail(CaseDetail)
        case acted(CaseActionKind, CaseRecord)
        /// A write or read the rules refused, in both languages.
        case refused(Bilingual)
    }

    public enum Mode: Sendable, Equatable {
        case list
        case detail
        /// The text of the detail's document at this index.
        case document(Int)
    }

    /// The one field of the reason form.
    public enum ReasonField: Sendable, Hashable { case reason }

    /// What a picker over the screen chooses.
    public enum Choice: Sendable, Equatable {
        case state(CaseState?)
        case awaitingSupplements
        case light(CaseLight?)
        case department(String?)
        case item(String?)
        case suspension(SuspensionReason)
        case material(Int)
        case document(Int)
    }

    public private(set) var view: CasesView
    public private(set) var mode = Mode.list
    public private(set) var list = ListState(pageSize: 18)
    /// The first line of the detail sheet or the document shown.
    public private(set) var scrollTop = 0
    public private(set) var picker: Picker<Choice>?
    /// The reason form, and the action it is for.
    public private(set) var form: Form<ReasonField>?
    public private(set) var formAction: CaseActionKind?
    /// A one-key action (no reason to write) waiting for Enter or Esc (`ConfirmPrompt`): a stray key never moves a case.
    public private(set) var confirming: CaseActionKind?
    /// The action the confirmation takes when its form gave it (the extension, with its reason); nil: the one-key action.
    public private(set) var confirmingAction: CaseAction?
    public private(set) var showsHelp = false
    /// The status line: what the last action came to, or why it was refused.
    public private(set) var status: (text: Bilingual, isError: Bool)?
    /// The terminal's size, for paging (a key does not know it).
    public private(set) var viewport = Size(width: 80, height: 24)

    public var minimumSize: Size { Size(width: 80, height: 24) }

    public init(view: CasesView, status: Bilingual? = nil) {
        self.view = view
        list.setCount(view.entries.count)
        if let status { self.status = (status, false) }
    }

    /// Too small: the keys that leave, and q where it quits (never while a form takes text).
    public func acceptsWhileTooSmall(_ key: Key) -> Bool {
        key.leavesWhileTooSmall || (key == .char("q") && form == nil && picker == nil && confirming == nil)
    }

    public mutating func layout(for size: Size) {
        viewport = size
        list.pageSize = max(1, size.height - Self.listChrome)
    }

    // MARK: Data

    public var selectedEntry: CaseListEntry? {
        view.entries.indices.contains(list.selected) ? view.entries[list.selected] : nil
    }

    /// The case the detail shows (nil in the list).
    public var detail: CaseDetail? { mode == .list ? nil : view.detail }

    public mutating func update(_ newView: CasesView, at now: Date) {
        let keep = selectedEntry?.record.number
        view = newView
        list.setCount(view.entries.count)
        if let keep, let at = view.entries.firstIndex(where: { $0.record.number == keep }) { list.select(at) }
        if mode != .list, view.detail == nil { mode = .list }
        if case .document(let i) = mode, !(view.detail?.documents.indices.contains(i) ?? false) { mode = .detail }
    }

    public mutating func apply(_ result: Result, at now: Date) {
        switch result {
        case .detail(let detail):
            view.detail = detail
            mode = .detail
            scrollTop = 0
            status = nil
        case .acted(let kind, let record):
            status = (UIText.casesDone(kind, record.number, record.state), false)
        case .refused(let message):
            status = (message, true)
        }
    }

    public mutating func tick(at now: Date) -> Bool { false }

    // MARK: What the rules allow

    /// The action as the rules are asked about it before the person has chosen its details (a reason, a material).
    static func probe(_ kind: CaseActionKind, _ facts: CaseFacts) -> CaseAction {
        switch kind {
        case .startReview: .startReview
        case .submitReview: .submitReview(opinion: "-")
        case .approve: .approve(reason: "-")
        case .reject: .reject(reason: "-")
        case .issueResult: .issueResult
        case .handOver: .handOver
        case .acknowledge: .acknowledge
        case .suspend: .suspend(SuspensionReason.allCases.first { $0 != .supplementsOverdue } ?? .hearing)
        case .resume: .resume
        case .extend: .extend(reason: "-")
        case .supplement: .supplement(materialPosition: facts.outstandingMaterials.min() ?? 0)
        case .withdraw: .withdraw(reason: "-")
        case .terminate: .terminate(reason: "-")
        }
    }

    /// Why the signed-in person may not take `action` on the open case today (the rule's refusal), or nil.
    public func refusal(_ action: CaseAction) -> CaseRuleError? {
        guard let detail = view.detail else { return .illegalTransition(from: .accepted, action: action.kind) }
        do {
            _ = try CaseTransition.apply(action, to: detail.facts, by: view.desk.me, on: detail.today, calendar: view.desk.calendar)
            return nil
        } catch {
            return error
        }
    }

    /// The action kinds offered on the open case: those the rules let the signed-in person take now.
    public var offeredActions: [CaseActionKind] {
        guard let detail = view.detail else { return [] }
        return CaseActionKind.allCases.filter { refusal(Self.probe($0, detail.facts)) == nil }
    }

    public func offers(_ kind: CaseActionKind) -> Bool {
        guard let detail = view.detail else { return false }
        return refusal(Self.probe(kind, detail.facts)) == nil
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        if showsHelp { showsHelp = false; return [] }
        if form != nil { return handleForm(key) }
        if picker != nil { return handlePicker(key) }
        if confirming != nil { return handleConfirm(key) }
        switch mode {
        case .list: return handleList(key)
        case .detail: return handleDetail(key)
        case .document: return handleDocument(key)
        }
    }

    private mutating func handleList(_ key: Key) -> [Effect] {
        guard let command = Self.listKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .move: _ = list.handle(key)
        case .open:
            guard let entry = selectedEntry else { return [] }
            return [.open(entry.record.number)]
        case .scope:
            var query = view.query
            query.mine.toggle()
            return requery(query)
        case .filterState:
            openPicker(UIText.casesPickState, [(UIText.casesFilterAny, Choice.state(nil))]
                + CaseState.allCases.map { ($0.label, Choice.state($0)) } + [(UIText.casesAwaitingSupplements, Choice.awaitingSupplements)],
                       current: view.query.awaitingSupplements ? .awaitingSupplements : .state(view.query.state))
        case .filterLight:
            openPicker(UIText.casesPickLight, [(UIText.casesFilterAny, Choice.light(nil))]
                + CaseLight.allCases.map { ($0.label, Choice.light($0)) }, current: .light(view.query.light))
        case .filterDepartment:
            openPicker(UIText.casesPickDepartment, [(UIText.casesFilterAny, Choice.department(nil))]
                + view.desk.departments.map { (Bilingual(en: $0.name, zh: $0.name), Choice.department($0.code)) },
                       current: .department(view.query.departmentCode))
        case .filterItem:
            pickerFilter = TextField(maxLength: 32)
            openPicker(UIText.casesPickItem, itemOptions(matching: ""), current: .item(view.query.itemCode))
        case .clearFilters:
            return requery(CasesQuery(mine: view.query.mine))
        case .help: showsHelp = true
        case .signOut: return [.signOut]
        }
        return []
    }

    private mutating func requery(_ query: CasesQuery) -> [Effect] {
        view.query = query
        list.select(0)
        status = nil
        return [.reload(query)]
    }

    private mutating func handleDetail(_ key: Key) -> [Effect] {
        guard let command = Self.detailKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .list; status = nil
        case .help: showsHelp = true
        case .scroll: scroll(key, lines: detailLineCount)
        case .documents:
            guard let documents = view.detail?.documents, !documents.isEmpty else {
                status = (UIText.casesNoDocument, true)
                return []
            }
            if documents.count == 1 { mode = .document(0); scrollTop = 0; return [] }
            openPicker(UIText.casesPickDocument, documents.enumerated().map { i, d in
                (Bilingual(en: "\(d.label.en)  \(ClockText.dateTime(d.issuedAt, timeZone: view.desk.timeZone))",
                           zh: "\(d.label.zh)  \(ClockText.dateTime(d.issuedAt, timeZone: view.desk.timeZone))"), Choice.document(i))
            }, current: nil)
        case .act(let kind): return startAction(kind)
        }
        return []
    }

    private mutating func handleDocument(_ key: Key) -> [Effect] {
        guard let command = Self.documentKeys.command(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: mode = .detail; scrollTop = 0
        case .scroll: scroll(key, lines: documentLines.count)
        }
        return []
    }

    private mutating func scroll(_ key: Key, lines: Int) {
        scrollTop = SheetScreenChrome.scrolled(scrollTop, by: key, lines: lines, viewportHeight: viewport.height)
    }

    /// An action key on the detail: refused with the rule's message when the rules say no; else its form or
    /// picker when it carries a reason, a suspension reason or a material; else the confirmation (`ConfirmPrompt`).
    private mutating func startAction(_ kind: CaseActionKind) -> [Effect] {
        guard let detail = view.detail else { return [] }
        if let refusal = refusal(Self.probe(kind, detail.facts)) {
            status = (refusal.message, true)
            return []
        }
        status = nil
        switch kind {
        case .submitReview, .approve, .reject, .extend, .withdraw, .terminate:
            let label = kind == .submitReview ? UIText.casesFieldOpinion : UIText.casesFieldReason
            form = Form(fields: [.init(id: .reason, label: label, input: TextField(maxLength: CaseTransition.reasonLimit))])
            formAction = kind
            return []
        case .suspend:
            let reasons = SuspensionReason.allCases.filter { refusal(.suspend($0)) == nil }
            openPicker(UIText.casesPickSuspension, reasons.map { ($0.label, Choice.suspension($0)) }, current: nil)
            return []
        case .supplement:
            let outstanding = detail.materials.filter { detail.facts.outstandingMaterials.contains($0.position) }
            openPicker(UIText.casesPickMaterial, outstanding.map {
                (Bilingual(en: "\($0.position). \($0.name)", zh: "\($0.position). \($0.name)"), Choice.material($0.position))
            }, current: nil)
            return []
        case .startReview, .issueResult, .handOver, .acknowledge, .resume:
            confirming = kind
            return []
        }
    }

    /// The one-key action's action (nil: the kind carries a reason or a choice, and has its form or picker).
    static func oneKeyAction(_ kind: CaseActionKind) -> CaseAction? {
        switch kind {
        case .startReview: .startReview
        case .issueResult: .issueResult
        case .handOver: .handOver
        case .acknowledge: .acknowledge
        case .resume: .resume
        case .submitReview, .approve, .reject, .suspend, .extend, .supplement, .withdraw, .terminate: nil
        }
    }

    /// Enter takes the action waiting for confirmation; Esc drops it; any other key is ignored.
    private mutating func handleConfirm(_ key: Key) -> [Effect] {
        guard let kind = confirming, let action = confirmingAction ?? Self.oneKeyAction(kind), let number = view.detail?.record.number else {
            confirming = nil; confirmingAction = nil
            return []
        }
        switch ConfirmPrompt().handle(key) {
        case .confirmed:
            confirming = nil; confirmingAction = nil
            return [.act(number, action)]
        case .cancelled:
            confirming = nil; confirmingAction = nil
        case .ignored:
            break
        }
        return []
    }

    /// What an extension of the open case would do, as the rules count it (`CaseTransition.apply` on its facts):
    /// the days added and both deadlines before and after; nil when the rules refuse it or a deadline is unknown.
    public var extensionPreview: ExtensionPreview? {
        guard let detail = view.detail,
              let next = try? CaseTransition.apply(.extend(reason: "-"), to: detail.facts, by: view.desk.me, on: detail.today,
                                                   calendar: view.desk.calendar),
              let statutory = try? detail.facts.clock.statutoryDeadline(calendar: view.desk.calendar),
              let promised = try? detail.facts.clock.promisedDeadline(calendar: view.desk.calendar),
              let newStatutory = try? next.clock.statutoryDeadline(calendar: view.desk.calendar),
              let newPromised = try? next.clock.promisedDeadline(calendar: view.desk.calendar)
        else { return nil }
        return ExtensionPreview(days: TimeLimit(next.clock.extensionDays, detail.facts.clock.statutoryLimit.unit),
                                statutory: (statutory, newStatutory), promised: (promised, newPromised),
                                notice: CaseDocumentKind.extensionNotice.label(licence: detail.documents.first?.licence ?? true))
    }

    private mutating func handleForm(_ key: Key) -> [Effect] {
        guard var current = form, let kind = formAction, let number = view.detail?.record.number else {
            form = nil; formAction = nil
            return []
        }
        if Self.formKeys.command(for: key) == .cancel {
            form = nil; formAction = nil
            return []
        }
        switch current.handle(key) {
        case .submitted:
            let text = current.text(.reason)
            do {
                _ = try CaseTransition.cleanReason(text, for: kind)
            } catch {
                current.setError(error.message, for: .reason)
                form = current
                return []
            }
            form = nil; formAction = nil
            if kind == .extend {
                // The extension moves the deadlines and writes to the applicant: it asks once more, saying so.
                confirming = .extend
                confirmingAction = .extend(reason: text)
                return []
            }
            let action: CaseAction
            switch kind {
            case .submitReview: action = .submitReview(opinion: text)
            case .approve: action = .approve(reason: text)
            case .reject: action = .reject(reason: text)
            case .extend: action = .extend(reason: text)
            case .withdraw: action = .withdraw(reason: text)
            default: action = .terminate(reason: text)
            }
            return [.act(number, action)]
        case .cancelled:
            form = nil; formAction = nil
        case .edited, .moved, .ignored:
            form = current
        }
        return []
    }

    private mutating func handlePicker(_ key: Key) -> [Effect] {
        if var filter = pickerFilter {
            // The item picker: every printable key types into the filter (digits too: implementation codes start
            // with digits), so choosing is Up/Down and Enter; Backspace erases, Esc clears what is typed before it
            // cancels.
            switch key {
            case .char:
                if filter.handle(key) == .edited { refilterItems(filter) }
                return []
            case .backspace:
                if filter.handle(key) == .edited { refilterItems(filter) }
                return []
            case .escape where !filter.isEmpty:
                filter.set("")
                refilterItems(filter)
                return []
            default: break
            }
        }
        guard var current = picker else { return [] }
        switch current.handle(key) {
        case .cancelled: closePicker()
        case .moved, .ignored: picker = current
        case .chosen(let choice):
            closePicker()
            return choose(choice)
        }
        return []
    }

    private mutating func closePicker() {
        picker = nil
        pickerFilter = nil
    }

    /// The item picker's rows for what is typed: "any" and every item (of the department filtered on) when
    /// nothing is, else the items `CatalogSearch` finds by name, code or pinyin, best first.
    private func itemOptions(matching text: String) -> [(Bilingual, Choice)] {
        let items = view.desk.items
        let inDepartment = { (i: CasesItemChoice) in view.query.departmentCode == nil || i.departmentCode == view.query.departmentCode }
        let query = text.trimmingCharacters(in: .whitespaces)
        let found = query.isEmpty ? items.filter(inDepartment)
            : view.desk.search.search(query).compactMap { items.indices.contains($0.index) ? items[$0.index] : nil }.filter(inDepartment)
        return (query.isEmpty ? [(UIText.casesFilterAny, Choice.item(nil))] : [])
            + found.map { (Bilingual(en: $0.name, zh: $0.name), Choice.item($0.code)) }
    }

    private mutating func refilterItems(_ filter: TextField) {
        pickerFilter = filter
        openPicker(UIText.casesPickItem, itemOptions(matching: filter.text), current: nil)
    }

    private mutating func choose(_ choice: Choice) -> [Effect] {
        var query = view.query
        switch choice {
        case .state(let s): query.state = s; query.awaitingSupplements = false
        case .awaitingSupplements: query.state = nil; query.awaitingSupplements = true
        case .light(let l): query.light = l
        case .department(let d):
            query.departmentCode = d
            if let item = query.itemCode, let d, view.desk.items.first(where: { $0.code == item })?.departmentCode != d { query.itemCode = nil }
        case .item(let i): query.itemCode = i
        case .suspension(let reason):
            guard let number = view.detail?.record.number else { return [] }
            return [.act(number, .suspend(reason))]
        case .material(let position):
            guard let number = view.detail?.record.number else { return [] }
            return [.act(number, .supplement(materialPosition: position))]
        case .document(let i):
            mode = .document(i)
            scrollTop = 0
            return []
        }
        return requery(query)
    }

    private mutating func openPicker(_ title: Bilingual, _ options: [(Bilingual, Choice)], current: Choice?) {
        // The title is drawn in the frame's language; the labels are kept in both and chosen at render.
        pickerLabels = options.map(\.0)
        pickerTitle = title
        let selected = current.flatMap { c in options.firstIndex { $0.1 == c } } ?? 0
        picker = Picker(title: title.zh, options: options.map { Picker<Choice>.Option(label: $0.0.zh, value: $0.1) }, selected: selected)
    }

    /// What is typed in the item picker to filter it (nil: the open picker does not filter).
    public private(set) var pickerFilter: TextField?

    /// The picker's title and labels in both languages (the widget holds one string each).
    private(set) var pickerTitle = UIText.casesPickState
    private(set) var pickerLabels: [Bilingual] = []

    // MARK: Layout

    /// Title, filters and column header above the list; status and two key-bar rows below.
    static let listChrome = 6
    /// Title above the sheet; status and two key-bar rows below.
    static let detailChrome = SheetScreenChrome.sheetChrome

    var detailLineCount: Int {
        guard let detail = view.detail else { return 0 }
        return Language.allCases.map { CaseDetailSheet(detail: detail, desk: view.desk, language: $0, width: viewport.width - 2).lines.count }
            .max() ?? 0
    }

    var documentLines: [String] {
        guard case .document(let i) = mode, let detail = view.detail, detail.documents.indices.contains(i) else { return [] }
        return detail.documents[i].text.components(separatedBy: "\n")
    }
}

/// What an extension would do (the extension form and its confirmation show it before anything is written): the days
/// it adds, the statutory and promised deadlines before and after, and the notice that tells the applicant the reason.
public struct ExtensionPreview: Sendable {
    public var days: TimeLimit
    public var statutory: (before: CivilDate, after: CivilDate)
    public var promised: (before: CivilDate, after: CivilDate)
    /// 延长审批期限告知书 (延长办理期限告知书 for an item that is not a licence).
    public var notice: Bilingual
}
