import Foundation
import HallModel
import Queue

extension AgentScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        switch mode {
        case .list: renderList(into: &grid, lang)
        case .detail: renderDetail(into: &grid, lang)
        case .inbox: renderInbox(into: &grid, lang)
        }
        let body = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 3))
        if let picker {
            var shown = Picker(title: UIText.agentPickAgent.text(lang), options: picker.options.map {
                Picker<String?>.Option(label: $0.value ?? UIText.agentPickEveryAgent.text(lang), value: $0.value)
            })
            shown.list = picker.list
            shown.render(into: &grid, over: body, hint: UIText.casesPickerHint.text(lang))
        }
        if let choice { choice.render(into: &grid, over: body, language: lang, hint: UIText.casesPickerHint.text(lang)) }
        if let handoverForm { handoverForm.render(into: &grid, over: body, language: lang) }
        if let contactForm, let contactMethod, let job = view.detail?.entry.job.number {
            // The method chosen, the two fields (each with its error row), the hint.
            let box = body.centered(width: min(body.width - 4, 76), height: 8)
            grid.fill(box, role: .normal)
            grid.box(box, title: UIText.agentContactTitle(job, contactMethod).text(lang))
            let inner = box.inset(dx: 2, dy: 1)
            contactForm.render(into: &grid, rect: Rect(x: inner.x, y: inner.y, width: inner.width, height: 5), language: lang)
            grid.put(UIText.agentContactHint.text(lang), in: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: 1), role: .muted,
                     marker: TextFitting.ellipsis)
        }
        if confirmingClose, let detail = view.detail {
            ConfirmPrompt().render(into: &grid, over: body, title: UIText.agentCloseTitle.text(lang),
                                   question: UIText.agentCloseQuestion(detail.entry.job.number).text(lang), hint: UIText.casesConfirmHint.text(lang))
        }
        if showsHelp { renderHelp(into: &grid, over: body, lang) }
    }

    private func keyBarItems() -> [KeyBarItem] {
        if let handoverForm { return handoverForm.keys.keyBarItems(handoverForm) }
        if contactForm != nil { return Self.contactKeys.keyBarItems(self) }
        if picker != nil || choice != nil { return Self.pickerKeys.keyBarItems(self) }
        if confirmingClose { return ConfirmPrompt.keyBarItems }
        switch mode {
        case .list: return Self.listKeys.keyBarItems(self).filter { $0.enabled || $0.label != UIText.agentKeyAgent }
        case .detail: return Self.detailKeys.keyBarItems(self)
        case .inbox: return Self.inboxKeys.keyBarItems(self)
        }
    }

    private func helpRows() -> [(keys: String, text: Bilingual)] {
        if let handoverForm { return handoverForm.keys.helpRows(handoverForm) }
        if contactForm != nil { return Self.contactKeys.helpRows(self) }
        return switch mode {
        case .list: Self.listKeys.helpRows(self)
        case .detail: Self.detailKeys.helpRows(self)
        case .inbox: Self.inboxKeys.helpRows(self)
        }
    }

    /// The title bar, the status row and the key bar (two rows) every mode has.
    private func chrome(_ grid: inout CellGrid, _ lang: Language, title: String, right: String, statusFallback: String? = nil) {
        SheetScreenChrome.draw(&grid, lang, title: title, right: right, status: status, statusFallback: statusFallback, keys: keyBarItems())
    }

    private var scopeText: Bilingual {
        switch view.scope {
        case .agent(let id) where id == view.desk.me.staffID: UIText.agentScopeMine
        case .agent(let id): UIText.agentScopeOne(id)
        case .everyAgent: UIText.agentScopeEveryAgent
        }
    }

    // MARK: The list

    private func renderList(into grid: inout CellGrid, _ lang: Language) {
        let desk = view.desk
        var right = UIText.agentJobCount(view.jobs.count).text(lang)
        if view.inbox != nil { right += "  " + UIText.agentInboxCount(newCount).text(lang) }
        chrome(&grid, lang, title: UIText.agentTitleBar(name: desk.staffName, staffID: desk.me.staffID, scope: scopeText.text(lang)).text(lang),
               right: right + "  " + desk.today.description)
        let columns = AgentJobColumns(width: grid.width, showsAgent: view.scope.agentID == nil)
        grid.put(columns.row(job: UIText.agentColumnJob.text(lang), item: UIText.agentColumnItem.text(lang),
                             applicant: UIText.agentColumnApplicant.text(lang), agent: UIText.agentColumnAgent.text(lang),
                             light: UIText.agentColumnLight.text(lang), next: UIText.agentColumnNext.text(lang)),
                 x: 0, y: 1, role: .header, limit: grid.width)
        let area = Rect(x: 0, y: 2, width: grid.width, height: max(0, grid.height - Self.listChrome))
        if view.jobs.isEmpty {
            let message = view.scope.agentID == desk.me.staffID ? UIText.agentEmptyMine : UIText.agentEmptyAll
            grid.put(" " + message.text(lang), in: Rect(x: 0, y: area.y + 1, width: grid.width, height: 1), role: .muted)
        }
        var shown = list
        shown.pageSize = max(1, area.height)
        for (row, index) in shown.visibleRange.enumerated() {
            let e = view.jobs[index]
            let y = area.y + row
            let selected = index == shown.selected
            let light = e.light.map { UIText.casesLightMark($0, state: e.caseRecord?.state ?? .accepted) } ?? UIText.agentNoCaseYet
            var next = e.next.label.text(lang)
            if e.next == .supplementsDue, let due = e.caseRecord?.supplementDue { next += " " + UIText.agentSupplementsBy(due).text(lang) }
            let line = columns.row(job: e.caseRecord?.number ?? e.job.number, item: e.itemName, applicant: e.applicant,
                                   agent: e.job.agentID ?? "—", light: light.text(lang), next: next)
            grid.put(line, x: 0, y: y, role: selected ? .selected : .normal, limit: grid.width)
            if selected { grid.paint(Rect(x: 0, y: y, width: grid.width, height: 1), role: .selected) }
            else if let reading = e.light {
                grid.paint(Rect(x: columns.lightX, y: y, width: AgentJobColumns.lightWidth, height: 1), role: CasesScreen.role(of: reading))
            }
        }
    }

    // MARK: The detail

    private func renderDetail(into grid: inout CellGrid, _ lang: Language) {
        guard let detail = view.detail else { return }
        let lines = AgentJobSheet(detail: detail, desk: view.desk, language: lang, width: grid.width - 2).lines
        let range = SheetScreenChrome.drawLines(lines.map(\.segments), top: scrollTop, into: &grid)
            .map { UIText.casesLines($0.0, $0.1, of: lines.count).text(lang) }
        let e = detail.entry
        chrome(&grid, lang, title: "\(e.job.number)  \(e.itemName)", right: e.caseRecord?.state.label.text(lang) ?? e.job.state.label.text(lang),
               statusFallback: range)
    }

    // MARK: The inbox

    private func renderInbox(into grid: inout CellGrid, _ lang: Language) {
        let items = view.inbox?.items ?? []
        chrome(&grid, lang, title: UIText.agentInboxTitle.text(lang), right: UIText.agentInboxCount(newCount).text(lang))
        let area = Rect(x: 0, y: 2, width: grid.width, height: max(0, grid.height - Self.listChrome))
        if items.isEmpty {
            grid.put(" " + UIText.agentInboxEmpty.text(lang), in: Rect(x: 0, y: area.y, width: grid.width, height: 1), role: .muted)
        }
        let newMark = UIText.agentInboxNewMark.text(lang)
        let markWidth = max(DisplayWidth.of(newMark), 3)
        var shown = inboxList
        shown.pageSize = max(1, area.height)
        for (row, index) in shown.visibleRange.enumerated() {
            let item = items[index]
            let y = area.y + row
            let selected = index == shown.selected
            let when = ClockText.dateTime(item.at, timeZone: view.desk.timeZone)
            let line = " " + TextFitting.pad(item.isNew ? newMark : "", to: markWidth) + " " + when + "  "
                + TextFitting.pad(item.caseNumber ?? item.jobNumber, to: 17, marker: TextFitting.ellipsis) + " "
                + TextFitting.pad(item.actor, to: 6, marker: TextFitting.ellipsis) + " " + item.change.label.text(lang)
            grid.put(line, x: 0, y: y, role: selected ? .selected : item.isNew ? .highlight : .normal, limit: grid.width)
            if selected { grid.paint(Rect(x: 0, y: y, width: grid.width, height: 1), role: .selected) }
        }
    }

    private func renderHelp(into grid: inout CellGrid, over area: Rect, _ lang: Language) {
        SheetScreenChrome.help(helpRows(), into: &grid, over: area, lang)
    }
}

/// The list's columns for a terminal width: the item name and the next action take what the others leave; the
/// agent's column only when every agent's jobs are shown.
struct AgentJobColumns {
    static let jobWidth = 17
    static let applicantWidth = 10
    static let agentWidth = 6
    static let lightWidth = 7
    let showsAgent: Bool
    let itemWidth: Int
    let nextWidth: Int

    init(width: Int, showsAgent: Bool) {
        self.showsAgent = showsAgent
        let fixed = 1 + Self.jobWidth + 1 + 1 + Self.applicantWidth + 1 + (showsAgent ? Self.agentWidth + 1 : 0) + Self.lightWidth + 1
        let rest = max(16, width - fixed)
        nextWidth = max(8, rest * 9 / 20)
        itemWidth = max(8, rest - nextWidth - 1)
    }

    var lightX: Int { 1 + Self.jobWidth + 1 + itemWidth + 1 + Self.applicantWidth + 1 + (showsAgent ? Self.agentWidth + 1 : 0) }

    func row(job: String, item: String, applicant: String, agent: String, light: String, next: String) -> String {
        " " + TextFitting.pad(job, to: Self.jobWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(item, to: itemWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(applicant, to: Self.applicantWidth, marker: TextFitting.ellipsis) + " "
            + (showsAgent ? TextFitting.pad(agent, to: Self.agentWidth, marker: TextFitting.ellipsis) + " " : "")
            + TextFitting.pad(light, to: Self.lightWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(next, to: nextWidth, marker: TextFitting.ellipsis)
    }
}
