import Foundation
import HallModel
import Queue

extension CasesScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        switch mode {
        case .list: renderList(into: &grid, lang)
        case .detail: renderDetail(into: &grid, lang)
        case .document: renderDocument(into: &grid, lang)
        }
        let body = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 3))
        if let picker {
            // The item picker shows what is typed in its title (and when nothing matches); its hint says typing filters.
            let title = pickerFilter.map { UIText.casesPickFiltered(pickerTitle, $0.text, matches: picker.options.count).text(lang) }
                ?? pickerTitle.text(lang)
            var shown = Picker(title: title,
                               options: zip(pickerLabels, picker.options).map { Picker<Choice>.Option(label: $0.text(lang), value: $1.value) })
            shown.list = picker.list
            shown.render(into: &grid, over: body, hint: (pickerFilter == nil ? UIText.casesPickerHint : UIText.casesPickerFilterHint).text(lang),
                         numbered: pickerFilter == nil)
        }
        if let form, let formAction, let number = view.detail?.record.number {
            // What the action will do (the extension: days, deadlines before and after, the notice to the applicant),
            // wrapped; a blank row; the field and three rows for its error (wrapped: a refusal is read whole at 80
            // columns); the hint.
            let width = min(body.width - 4, 76)
            let preview = formAction == .extend ? extensionPreview.map { UIText.casesExtensionPreview($0) } ?? [] : []
            let previewLines = preview.flatMap { TextFitting.wrap($0.text(lang), to: width - 4) }
            let top = previewLines.isEmpty ? 0 : previewLines.count + 1
            let box = body.centered(width: width, height: 8 + top)
            grid.fill(box, role: .normal)
            grid.box(box, title: UIText.casesFormTitle(formAction, number).text(lang))
            let inner = box.inset(dx: 2, dy: 1)
            for (n, line) in previewLines.enumerated() {
                grid.put(line, in: Rect(x: inner.x, y: inner.y + n, width: inner.width, height: 1), role: n == 0 ? .highlight : .normal)
            }
            form.render(into: &grid, rect: Rect(x: inner.x, y: inner.y + top, width: inner.width, height: 4), language: lang)
            grid.put(UIText.casesFormHint.text(lang), in: Rect(x: inner.x, y: inner.y + top + 4, width: inner.width, height: 1), role: .muted,
                     marker: TextFitting.ellipsis)
        }
        if let confirming, let number = view.detail?.record.number {
            let question = confirming == .extend ? extensionPreview.map { UIText.casesConfirmExtension($0, number) } : nil
            ConfirmPrompt().render(into: &grid, over: body, title: UIText.casesConfirmTitle.text(lang),
                                   question: (question ?? UIText.casesConfirmQuestion(confirming, number)).text(lang),
                                   hint: UIText.casesConfirmHint.text(lang))
        }
        if showsHelp { renderHelp(into: &grid, over: body, lang) }
    }

    /// The key bar of what takes the keys now: a form, a picker, or the mode's table. The detail's bar leaves out
    /// the actions the rules do not offer (they stay in the help).
    private func keyBarItems() -> [KeyBarItem] {
        if form != nil { return Self.formKeys.keyBarItems(self) }
        if pickerFilter != nil { return pickerFilterBarItems }
        if picker != nil { return Self.pickerKeys.keyBarItems(self) }
        if confirming != nil { return ConfirmPrompt.keyBarItems }
        switch mode {
        case .list: return Self.listKeys.keyBarItems(self)
        case .detail: return Self.detailKeys.keyBarItems(self).filter(\.enabled)
        case .document: return Self.documentKeys.keyBarItems(self)
        }
    }

    private func helpRows() -> [(keys: String, text: Bilingual)] {
        switch mode {
        case .list: Self.listKeys.helpRows(self)
        case .detail: Self.detailKeys.helpRows(self)
        case .document: Self.documentKeys.helpRows(self)
        }
    }

    /// The title bar, the status row and the key bar (two rows) every mode has.
    private func chrome(_ grid: inout CellGrid, _ lang: Language, title: String, right: String, statusFallback: String? = nil) {
        SheetScreenChrome.draw(&grid, lang, title: title, right: right, status: status, statusFallback: statusFallback, keys: keyBarItems())
    }

    // MARK: The list

    private func renderList(into grid: inout CellGrid, _ lang: Language) {
        let desk = view.desk
        let query = view.query
        let scope = (query.mine ? UIText.casesScopeMine : UIText.casesScopeAll).text(lang)
        let limited = view.entries.count >= query.limit
        chrome(&grid, lang, title: UIText.casesTitleBar(name: desk.staffName, staffID: desk.me.staffID, scope: scope).text(lang),
               right: UIText.casesCount(view.entries.count, limited: limited).text(lang) + "  " + desk.today.description)

        // The filters.
        let any = UIText.casesFilterAny.text(lang)
        let department = query.departmentCode.map(desk.departmentName) ?? any
        let item = query.itemCode.map { code in desk.items.first { $0.code == code }?.name ?? code } ?? any
        let parts: [(Bilingual, String)] = [
            (UIText.casesFilterState, query.awaitingSupplements ? UIText.casesAwaitingSupplements.text(lang) : query.state?.label.text(lang) ?? any),
            (UIText.casesFilterLight, query.light?.label.text(lang) ?? any),
            (UIText.casesFilterDepartment, department),
            (UIText.casesFilterItem, item),
        ]
        var x = 1
        for (label, value) in parts where x < grid.width - 2 {
            x = grid.put(label.text(lang) + " ", x: x, y: 1, role: .muted, limit: grid.width - 1)
            x = grid.put(TextFitting.truncate(value, to: 16, marker: TextFitting.ellipsis), x: x, y: 1,
                         role: value == any ? .normal : .highlight, limit: grid.width - 1)
            x += 2
        }

        let columns = CaseListColumns(width: grid.width)
        grid.put(columns.row(number: UIText.casesColumnNumber.text(lang), item: UIText.casesColumnItem.text(lang),
                             applicant: UIText.casesColumnApplicant.text(lang), state: UIText.casesColumnState.text(lang),
                             days: UIText.casesColumnDaysLeft.text(lang), light: UIText.casesColumnLight.text(lang)),
                 x: 0, y: 2, role: .header, limit: grid.width)

        let area = Rect(x: 0, y: 3, width: grid.width, height: max(0, grid.height - Self.listChrome))
        if view.entries.isEmpty {
            let message = query.mine && !query.hasFilters ? UIText.casesEmptyMine(roles: desk.me.roles) : UIText.casesEmptyAll
            for (n, part) in TextFitting.wrap(message.text(lang), to: grid.width - 2).enumerated() {
                grid.put(" " + part, in: Rect(x: 0, y: area.y + 1 + n, width: grid.width, height: 1), role: .muted)
            }
        }
        var shown = list
        shown.pageSize = max(1, area.height)
        for (row, index) in shown.visibleRange.enumerated() {
            let e = view.entries[index]
            let y = area.y + row
            let selected = index == shown.selected
            // A handover not acknowledged in time reads overdue (its working days late, red), not "办结".
            let late: Int? = if case .overdue(_, let days)? = e.handover { days } else { nil }
            let line = columns.row(number: e.record.number, item: e.record.itemName, applicant: e.applicant,
                                   state: e.record.state.shortLabel.text(lang),
                                   days: late.map { String(-$0) } ?? e.light.workingDaysLeft.map(String.init) ?? "—",
                                   light: (late != nil ? UIText.casesHandoverLate : UIText.casesLightMark(e.light, state: e.record.state)).text(lang))
            grid.put(line, x: 0, y: y, role: selected ? .selected : .normal, limit: grid.width)
            if selected { grid.paint(Rect(x: 0, y: y, width: grid.width, height: 1), role: .selected) }
            else { grid.paint(Rect(x: columns.lightX, y: y, width: columns.lightWidth, height: 1), role: late != nil ? .danger : Self.role(of: e.light)) }
        }
    }

    /// The light's colour: red danger, yellow warning, green ok, grey and the rest muted.
    static func role(of reading: CaseLightReading) -> StyleRole {
        switch reading.light {
        case .red: .danger
        case .yellow: .warning
        case .green: .ok
        case .grey, nil: .muted
        }
    }

    // MARK: The detail and the document

    private func renderDetail(into grid: inout CellGrid, _ lang: Language) {
        guard let detail = view.detail else { return }
        let lines = CaseDetailSheet(detail: detail, desk: view.desk, language: lang, width: grid.width - 2).lines
        let range = drawLines(lines.map(\.segments), into: &grid)
        chrome(&grid, lang, title: "\(detail.record.number)  \(detail.record.itemName)", right: detail.record.state.label.text(lang),
               statusFallback: range.map { UIText.casesLines($0.0, $0.1, of: lines.count).text(lang) })
    }

    private func renderDocument(into grid: inout CellGrid, _ lang: Language) {
        guard case .document(let i) = mode, let detail = view.detail, detail.documents.indices.contains(i) else { return }
        let document = detail.documents[i]
        let lines = documentLines
        // A document is at most 80 columns (an A4 line): no margin, so an 80-column terminal shows its lines whole.
        let range = drawLines(lines.map { [Segment(text: $0, role: .normal)] }, into: &grid, margin: 0)
        chrome(&grid, lang, title: "\(detail.record.number)  \(document.label.text(lang))",
               right: ClockText.dateTime(document.issuedAt, timeZone: view.desk.timeZone),
               statusFallback: range.map { UIText.casesLines($0.0, $0.1, of: lines.count).text(lang) })
    }

    typealias Segment = CatalogItemSheet.Segment

    /// Draws the lines from `scrollTop` between the title and the status row; returns the shown range (1-based)
    /// when the lines do not all fit.
    private func drawLines(_ lines: [[Segment]], into grid: inout CellGrid, margin: Int = 1) -> (Int, Int)? {
        SheetScreenChrome.drawLines(lines, top: scrollTop, into: &grid, margin: margin)
    }

    private func renderHelp(into grid: inout CellGrid, over area: Rect, _ lang: Language) {
        SheetScreenChrome.help(helpRows(), into: &grid, over: area, lang)
    }
}

/// The list's columns for a terminal width: the item name takes what the others leave.
struct CaseListColumns {
    static let numberWidth = 17
    static let applicantWidth = 10
    let stateWidth: Int
    static let daysWidth = 4
    let lightWidth = 7
    let itemWidth: Int

    init(width: Int) {
        stateWidth = width >= 100 ? 14 : 10
        itemWidth = max(8, width - (1 + Self.numberWidth + 1 + 1 + Self.applicantWidth + 1 + stateWidth + 1 + Self.daysWidth + 1 + lightWidth + 1))
    }

    var lightX: Int { 1 + Self.numberWidth + 1 + itemWidth + 1 + Self.applicantWidth + 1 + stateWidth + 1 + Self.daysWidth + 1 }

    func row(number: String, item: String, applicant: String, state: String, days: String, light: String) -> String {
        " " + TextFitting.pad(number, to: Self.numberWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(item, to: itemWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(applicant, to: Self.applicantWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(state, to: stateWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(days, to: Self.daysWidth, alignment: .right) + " "
            + TextFitting.pad(light, to: lightWidth, marker: TextFitting.ellipsis)
    }
}
