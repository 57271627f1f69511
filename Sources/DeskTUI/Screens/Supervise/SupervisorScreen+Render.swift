import Foundation
import HallModel
import Queue

extension SupervisorScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        let me = desk.me.staffID
        var title = UIText.superviseTitle(hall: view.hallName, name: desk.staffName, staffID: me).text(lang)
        // The case sheet does not name its case: the title does.
        if case .caseDetail(let number) = mode { title = UIText.superviseColCase.text(lang) + " " + number + " · " + title }
        if case .review(let number) = mode { title = UIText.supervisePanel(.reviews).text(lang) + " " + number + " · " + title }
        if case .complaint(let number) = mode { title = UIText.supervisePanel(.complaints).text(lang) + " " + number + " · " + title }
        let right = ClockText.time(context.now, timeZone: desk.timeZone)
        switch mode {
        case .hall:
            if isWide {
                for p in Panel.allCases { renderPanel(p, into: &grid, rect: panelRect(p), focused: p == panel, now: context.now, lang) }
            } else {
                renderTabs(into: &grid, lang)
                renderPanel(panel, into: &grid, rect: panelRect(panel), focused: true, now: context.now, lang)
            }
        case .line: renderLine(into: &grid, lang)
        case .window: renderWindow(into: &grid, now: context.now, lang)
        case .caseDetail:
            if let caseDetail {
                let lines = CaseDetailSheet(detail: caseDetail, desk: desk, language: lang, width: grid.width).lines
                _ = SheetScreenChrome.drawLines(lines.map(\.segments), top: scrollTop, into: &grid)
            }
        case .review: _ = SheetScreenChrome.drawLines(reviewLines(lang), top: scrollTop, into: &grid)
        case .complaint: _ = SheetScreenChrome.drawLines(complaintLines(lang), top: scrollTop, into: &grid)
        }
        let totals = UIText.superviseTotals(waiting: view.lines.reduce(0) { $0 + $1.waiting }, arrivals: view.total.arrivals,
                                            served: view.total.served, level: Self.percent(view.total.serviceLevel))
        SheetScreenChrome.draw(&grid, lang, title: title, right: right, status: status, statusFallback: totals.text(lang), keys: keyBarItems())
        let body = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 4))
        if let confirming {
            ConfirmPrompt().render(into: &grid, over: body, title: UIText.superviseConfirmTitle.text(lang),
                                   question: UIText.superviseConfirm(confirming).text(lang), hint: UIText.casesConfirmHint.text(lang))
        }
        if let choice { choice.render(into: &grid, over: body, language: lang, hint: UIText.casesPickerHint.text(lang)) }
        if let form {
            // Each field with its error row, the hint under them.
            let box = body.centered(width: min(body.width - 4, 76), height: form.fields.count * 2 + 4)
            grid.fill(box, role: .normal)
            grid.box(box, title: formTitle.text(lang))
            let inner = box.inset(dx: 2, dy: 1)
            form.render(into: &grid, rect: Rect(x: inner.x, y: inner.y, width: inner.width, height: form.fields.count * 2 + 1), language: lang)
            grid.put(UIText.superviseFormHint.text(lang), in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: .muted,
                     marker: TextFitting.ellipsis)
        }
        if showsHelp { SheetScreenChrome.help(helpRows(), into: &grid, over: body, lang) }
    }

    func keyBarItems() -> [KeyBarItem] {
        if form != nil { return Self.formKeys.keyBarItems(self) }
        if choice != nil { return Self.pickerKeys.keyBarItems(self) }
        if confirming != nil { return ConfirmPrompt.keyBarItems }
        return switch mode {
        case .hall: Self.hallKeys.keyBarItems(self)
        case .line: Self.lineKeys.keyBarItems(self)
        case .window: Self.windowKeys.keyBarItems(self)
        case .caseDetail: Self.caseKeys.keyBarItems(self)
        case .review: Self.reviewKeys.keyBarItems(self)
        case .complaint: Self.complaintKeys.keyBarItems(self)
        }
    }

    func helpRows() -> [(keys: String, text: Bilingual)] {
        if form != nil { return Self.formKeys.helpRows(self) }
        if choice != nil { return Self.pickerKeys.helpRows(self) }
        return switch mode {
        case .hall: Self.hallKeys.helpRows(self)
        case .line: Self.lineKeys.helpRows(self)
        case .window: Self.windowKeys.helpRows(self)
        case .caseDetail: Self.caseKeys.helpRows(self)
        case .review: Self.reviewKeys.helpRows(self)
        case .complaint: Self.complaintKeys.helpRows(self)
        }
    }

    // MARK: Layout

    /// Where a panel is drawn: narrow, every panel in the body under the tab row; wide, each in its place.
    func panelRect(_ p: Panel) -> Rect {
        let size = viewport
        guard isWide else { return Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 5)) }
        let area = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 4))
        let columns = area.splitColumns([.fill(11), .fill(9)])
        let left = columns[0].splitRows([.fixed(min(view.lines.count + 3, area.height / 4)), .fill(2), .fill(1), .fill(1)])
        let right = columns[1].splitRows([.fixed(min(24, area.height / 2)), .fill()])
        switch p {
        case .lines: return left[0]
        case .windows: return left[1]
        case .reviews: return left[2]
        case .complaints: return left[3]
        case .charts: return right[0]
        case .cases: return right[1]
        }
    }

    private func renderTabs(into grid: inout CellGrid, _ lang: Language) {
        let labels = Panel.allCases.map { p in " \(p.rawValue + 1) \(UIText.supervisePanel(p).text(lang))\(badge(p)) " }
        // A column between tabs where the row has room for it (the English row at 80 columns has not).
        let gap = 1 + labels.map { DisplayWidth.of($0) }.reduce(0, +) + labels.count - 1 <= grid.width ? 1 : 0
        var x = 1
        for (p, label) in zip(Panel.allCases, labels) {
            x = grid.put(label, x: x, y: 1, role: p == panel ? .selected : .keyHint) + gap
        }
    }

    /// "!" after a panel's name when something in it is overdue (never colour alone).
    private func badge(_ p: Panel) -> String {
        let overdue = switch p {
        case .lines: view.lines.contains { $0.pastTarget }
        case .cases: view.cases.contains { $0.reason.isOverdue }
        case .reviews: view.badReviews.contains { $0.overdue }
        case .complaints: view.complaints.contains { $0.overdue }
        case .windows, .charts: false
        }
        return overdue ? "!" : ""
    }

    private func renderPanel(_ p: Panel, into grid: inout CellGrid, rect: Rect, focused: Bool, now: Date, _ lang: Language) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let count = rowCount(p)
        let title = UIText.supervisePanel(p).text(lang) + badge(p) + (p == .charts ? "" : " (\(count))")
        grid.box(rect, role: focused && isWide ? .focused : .border, title: title)
        let inner = rect.inset(dx: 1, dy: 1)
        switch p {
        case .lines: renderLines(into: &grid, inner, focused: focused, now: now, lang)
        case .windows: renderWindows(into: &grid, inner, focused: focused, now: now, lang)
        case .cases: renderCases(into: &grid, inner, focused: focused, lang)
        case .reviews: renderFollowUps(view.badReviews, empty: UIText.superviseNoReviews, into: &grid, inner, list: list(.reviews), focused: focused, lang)
        case .complaints: renderFollowUps(view.complaints, empty: UIText.superviseNoComplaints, into: &grid, inner, list: list(.complaints), focused: focused, lang)
        case .charts: renderCharts(into: &grid, inner, lang)
        }
    }

    /// A table: the header row, then the rows in view (`draw(row, y)`), the selected one marked when focused.
    private func table(_ grid: inout CellGrid, _ rect: Rect, header: [(Bilingual, Int)], list: ListState, focused: Bool, _ lang: Language,
                       draw: (inout CellGrid, Int, Int) -> Void) {
        var x = rect.x + 1
        for (label, width) in header {
            grid.put(label.text(lang), x: x, y: rect.y, width: width, role: .header, marker: TextFitting.ellipsis)
            x += width + 1
        }
        let rows = max(0, rect.height - 1)
        for n in 0..<rows {
            let index = list.offset + n
            guard index < list.count else { break }
            draw(&grid, index, rect.y + 1 + n)
            if focused && index == list.selected { grid.paint(Rect(x: rect.x, y: rect.y + 1 + n, width: rect.width, height: 1), role: .selected) }
        }
    }

    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }
    static func minutes(_ seconds: Double) -> String { WindowScreen.elapsed(Int(seconds)) }

    private func renderLines(into grid: inout CellGrid, _ rect: Rect, focused: Bool, now: Date, _ lang: Language) {
        let nameWidth = max(6, rect.width - 2 - (4 + 6 + 9 + 8 + 6 + 5 + 5) - 8)
        let columns: [(Bilingual, Int)] = [(UIText.superviseColLine, 4), (UIText.superviseColLine, nameWidth), (UIText.superviseColWaiting, 6),
                                            (UIText.superviseColLongest, 9), (UIText.superviseColTarget, 8), (UIText.superviseColLevel, 6),
                                            (UIText.superviseColArrivals, 5), (UIText.superviseColServed, 5)]
        table(&grid, rect, header: [(Bilingual(en: "", zh: ""), 4)] + columns.dropFirst(), list: list(.lines), focused: focused, lang) { grid, i, y in
            let l = view.lines[i]
            var x = rect.x + 1
            func cell(_ text: String, _ width: Int, _ role: StyleRole = .normal, _ alignment: Alignment = .left) {
                grid.put(text, x: x, y: y, width: width, role: role, alignment: alignment, marker: TextFitting.ellipsis)
                x += width + 1
            }
            cell((l.pastTarget ? "!" : " ") + l.line.prefix, 4, l.pastTarget ? .danger : .normal)
            cell(l.line.isOpen ? l.line.name : l.line.name + " (" + UIText.superviseLineClosed.text(lang) + ")", nameWidth, l.line.isOpen ? .normal : .muted)
            cell(String(l.waiting), 6, .normal, .right)
            let longest = l.longestWaitSeconds + max(0, Int(now.timeIntervalSince(view.now)))
            cell(l.waiting > 0 ? WindowScreen.elapsed(longest) : "-", 9,
                 WindowScreen.waitRole(seconds: longest, targetMinutes: l.line.targetWaitMinutes), .right)
            cell(UIText.minutes(l.line.targetWaitMinutes).text(lang), 8, .muted, .right)
            cell(Self.percent(l.today.serviceLevel), 6, .normal, .right)
            cell(String(l.today.arrivals), 5, .normal, .right)
            cell(String(l.today.served), 5, .normal, .right)
        }
    }

    private func windowState(_ w: SupervisorView.Window, _ lang: Language) -> Bilingual {
        w.current != nil && w.window.state != .closed ? UIText.superviseServing : w.window.state.label
    }

    private func renderWindows(into grid: inout CellGrid, _ rect: Rect, focused: Bool, now: Date, _ lang: Language) {
        let pauseWidth = max(6, rect.width - 2 - (4 + 10 + 8 + 8 + 6 + 8 + 8) - 7)
        let header: [(Bilingual, Int)] = [(UIText.superviseColWindow, 4), (UIText.superviseColWindow, 10), (UIText.superviseColState, 8),
                                          (UIText.superviseColStaff, 8), (UIText.superviseColTicket, 6), (UIText.superviseColTimer, 8),
                                          (UIText.superviseColIdle, 8), (UIText.superviseColPause, pauseWidth)]
        table(&grid, rect, header: header, list: list(.windows), focused: focused, lang) { grid, i, y in
            let w = view.windows[i]
            var x = rect.x + 1
            func cell(_ text: String, _ width: Int, _ role: StyleRole = .normal, _ alignment: Alignment = .left) {
                grid.put(text, x: x, y: y, width: width, role: role, alignment: alignment, marker: TextFitting.ellipsis)
                x += width + 1
            }
            cell(String(w.window.id), 4, .normal, .right)
            cell(w.window.name, 10)
            cell(windowState(w, lang).text(lang), 8, w.window.state == .paused ? .warning : w.window.state == .closed ? .muted : .normal)
            cell(w.staffName ?? "-", 8)
            cell(w.current?.code ?? "-", 6)
            cell(w.serviceSeconds(at: now).map(WindowScreen.elapsed) ?? "-", 8, .normal, .right)
            cell(w.window.state == .closed ? "-" : Self.minutes(w.times.idleSeconds), 8, .normal, .right)
            if w.window.state == .paused {
                let since = w.pausedSince.map { ClockText.time($0, timeZone: desk.timeZone) } ?? "-"
                cell(UIText.supervisePausedSince(w.window.pauseReason ?? "-", since).text(lang), pauseWidth, .warning)
            }
        }
    }

    private func renderCases(into grid: inout CellGrid, _ rect: Rect, focused: Bool, _ lang: Language) {
        guard rowCount(.cases) > 0 else {
            grid.put(UIText.superviseNoCases.text(lang), x: rect.x + 1, y: rect.y, role: .muted)
            return
        }
        let itemWidth = max(6, rect.width - 2 - (20 + 12 + 10 + 4) - 4)
        table(&grid, rect, header: [(UIText.superviseColCase, 20), (UIText.superviseColRisk, 12), (UIText.superviseColDue, 10),
                                    (Bilingual(en: "Left", zh: "剩余"), 4), (UIText.superviseColItem, itemWidth)],
              list: list(.cases), focused: focused, lang) { grid, i, y in
            var x = rect.x + 1
            func cell(_ text: String, _ width: Int, _ role: StyleRole = .normal, _ alignment: Alignment = .left) {
                grid.put(text, x: x, y: y, width: width, role: role, alignment: alignment, marker: TextFitting.ellipsis)
                x += width + 1
            }
            if i < view.cases.count {
                let c = view.cases[i], r = c.entry.record
                let role: StyleRole = c.reason.isOverdue ? .danger : .warning
                cell((c.reason.isOverdue ? "!" : " ") + r.number, 20, role)
                cell(UIText.superviseRisk(c.reason).text(lang), 12, role)
                let due = c.reason == .supplementDue || c.reason == .supplementOverdue ? r.supplementDue
                    : (r.state == .approved || r.state == .notApproved ? c.entry.resultDue : r.promisedDue)
                cell(due?.description ?? "-", 10)
                cell(c.entry.light.workingDaysLeft.map(String.init) ?? "-", 4, .normal, .right)
                cell(r.itemName, itemWidth)
            } else {
                let p = view.pendingIntakes[i - view.cases.count]
                let overdue = p.decideBy.map { $0 < view.today } ?? false
                cell((overdue ? "!" : " ") + p.reference, 20, overdue ? .danger : .warning)
                cell(UIText.supervisePendingIntake.text(lang), 12, overdue ? .danger : .warning)
                cell(p.decideBy?.description ?? "-", 10)
                cell("-", 4, .normal, .right)
                cell(p.itemCode, itemWidth)
            }
        }
    }

    private func renderFollowUps(_ rows: [SupervisorView.FollowUp], empty: Bilingual, into grid: inout CellGrid, _ rect: Rect, list: ListState,
                                 focused: Bool, _ lang: Language) {
        guard !rows.isEmpty else {
            grid.put(empty.text(lang), x: rect.x + 1, y: rect.y, role: .muted)
            return
        }
        let summaryWidth = max(6, rect.width - 2 - (20 + 10 + 4 + 10) - 4)
        table(&grid, rect, header: [(UIText.superviseColReference, 20), (UIText.superviseColState, 10), (UIText.superviseColWindow, 4),
                                    (UIText.superviseColDue, 10), (UIText.superviseColSummary, summaryWidth)], list: list, focused: focused, lang) { grid, i, y in
            let f = rows[i]
            var x = rect.x + 1
            func cell(_ text: String, _ width: Int, _ role: StyleRole = .normal, _ alignment: Alignment = .left) {
                grid.put(text, x: x, y: y, width: width, role: role, alignment: alignment, marker: TextFitting.ellipsis)
                x += width + 1
            }
            cell((f.overdue ? "!" : " ") + f.reference, 20, f.overdue ? .danger : .normal)
            cell(f.state.text(lang), 10)
            cell(f.window.map(String.init) ?? "-", 4, .normal, .right)
            cell(f.due?.description ?? "-", 10)
            cell(f.summary, summaryWidth)
        }
    }

    private func renderCharts(into grid: inout CellGrid, _ rect: Rect, _ lang: Language) {
        let parts = rect.inset(dx: 1, dy: 0).splitRows([.fill(), .fixed(1), .fixed(7)])
        SupervisorCharts.hourly(view.curves.hours, into: &grid, rect: parts[0], lang: lang)
        let bottom = parts[2].splitColumns([.fill(), .fixed(2), .fill()])
        SupervisorCharts.waiting(view.curves, into: &grid, rect: bottom[0], lang: lang)
        SupervisorCharts.satisfaction(view.satisfaction, into: &grid, rect: bottom[2], lang: lang)
    }

    // MARK: Drill-downs

    private func renderLine(into grid: inout CellGrid, _ lang: Language) {
        guard let l = openLine else { return }
        let rect = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 4))
        grid.box(rect, title: UIText.superviseLineTitle(l.line.prefix, l.line.name).text(lang) + (l.line.isOpen ? "" : " (" + UIText.superviseLineClosed.text(lang) + ")"))
        let inner = rect.inset(dx: 1, dy: 1)
        grid.put(UIText.superviseTotals(waiting: l.waiting, arrivals: l.today.arrivals, served: l.today.served,
                                        level: Self.percent(l.today.serviceLevel)).text(lang), x: inner.x + 1, y: inner.y, role: .muted)
        guard !lineTickets.isEmpty else {
            grid.put(UIText.superviseNoTickets.text(lang), x: inner.x + 1, y: inner.y + 2, role: .muted)
            return
        }
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        table(&grid, body, header: [(UIText.superviseTicket, 7), (UIText.superviseColState, 10), (UIText.superviseColPriority, 10),
                                    (UIText.superviseColIssued, 8), (UIText.superviseColWindow, 4)],
              list: ticketList, focused: true, lang) { grid, i, y in
            let t = lineTickets[i]
            var x = body.x + 1
            func cell(_ text: String, _ width: Int, _ role: StyleRole = .normal) {
                grid.put(text, x: x, y: y, width: width, role: role, marker: TextFitting.ellipsis)
                x += width + 1
            }
            cell(t.code, 7)
            cell(t.state.label.text(lang), 10, t.state.isOpen ? .normal : .muted)
            cell(t.priority.label.text(lang), 10)
            cell(ClockText.time(t.issuedAt, timeZone: desk.timeZone), 8)
            cell(t.windowID.map(String.init) ?? "-", 4)
        }
    }

    private func renderWindow(into grid: inout CellGrid, now: Date, _ lang: Language) {
        guard let w = openWindow else { return }
        let rect = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 4))
        grid.box(rect, title: UIText.superviseWindowTitle(w.window.id, w.window.name).text(lang))
        let inner = rect.inset(dx: 2, dy: 1)
        var y = inner.y
        func line(_ text: String, _ role: StyleRole = .normal) {
            guard y < inner.maxY else { return }
            grid.put(text, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role, marker: TextFitting.ellipsis)
            y += 1
        }
        line(UIText.superviseColState.text(lang) + ": " + windowState(w, lang).text(lang) + "   " + UIText.superviseColStaff.text(lang) + ": "
             + (w.staffName.map { "\($0) \(w.window.staffID ?? "")" } ?? "-"), w.window.state == .paused ? .warning : .normal)
        if w.window.state == .paused {
            let since = w.pausedSince.map { ClockText.time($0, timeZone: desk.timeZone) } ?? "-"
            line(UIText.superviseColPause.text(lang) + ": " + UIText.supervisePausedSince(w.window.pauseReason ?? "-", since).text(lang), .warning)
        }
        if let t = w.current {
            line(UIText.superviseColTicket.text(lang) + ": " + t.code + "  " + t.state.label.text(lang) + "  "
                 + (w.serviceSeconds(at: now).map(WindowScreen.elapsed) ?? ""))
        } else {
            line(UIText.superviseNoCurrent.text(lang), .muted)
        }
        line(UIText.superviseHeld(w.held).text(lang))
        line(UIText.superviseLinesField.text(lang) + ": "
             + WindowProfileText.text(w.window.profile) { id in view.lines.first { $0.line.id == id }?.line.prefix ?? "?" }
             + "  (" + UIText.superviseFilter(w.window.filter).text(lang) + ")")
        y += 1
        line(UIText.superviseTodayFigures.text(lang), .header)
        line(UIText.superviseWindowFigures(called: w.today.called, served: w.today.served, noShows: w.today.noShows,
                                           average: w.today.averageServiceSeconds.map(Self.minutes) ?? "-").text(lang))
        line(UIText.superviseWindowTimes(open: Self.minutes(w.times.openSeconds), paused: Self.minutes(w.times.pausedSeconds),
                                         occupied: Self.minutes(w.times.occupiedSeconds), idle: Self.minutes(w.times.idleSeconds)).text(lang))
        y += 1
        // Today's messages to this window (or to all), each with whether this window has read it.
        let messages = view.messages.filter { $0.message.target.window.map { $0 == w.window.id } ?? true }
        line(UIText.superviseWindowMessages(messages.count).text(lang), .header)
        for sent in messages.reversed() {
            let m = sent.message
            let from = UIText.messageFrom(name: m.senderName, staff: m.senderID, time: ClockText.time(m.sentAt, timeZone: desk.timeZone),
                                          toAll: m.target == .all).text(lang)
            let read = sent.isRead(by: w.window.id) ? UIText.superviseMessageRead : UIText.superviseMessageUnread
            line(read.text(lang) + "  " + from + "  " + m.text, sent.isRead(by: w.window.id) ? .normal : .warning)
        }
    }
}

extension SupervisorScreen {
    typealias SheetLine = [CatalogItemSheet.Segment]

    /// A labelled row of a drill-down sheet: the label in a column of 12 (Chinese two each), a space, the value.
    static func sheetRow(_ label: String, _ value: String, _ role: StyleRole) -> SheetLine {
        [.init(text: TextFitting.pad(label, to: 12, marker: TextFitting.ellipsis) + " ", role: .muted), .init(text: value, role: role)]
    }

    /// The bad review and its rectification, as a sheet: the rating (ticket, window, staff, level, reasons, words), the unit
    /// and the due day, each 回访, the outcome or the appeal.
    func reviewLines(_ lang: Language) -> [SheetLine] {
        guard let r = review else { return [] }
        let zone = desk.timeZone
        var lines: [SheetLine] = []
        func add(_ label: Bilingual, _ value: String, _ role: StyleRole = .normal) { lines.append(Self.sheetRow(label.text(lang), value, role)) }
        let state = r.state.label.text(lang) + (r.overdue ? " · " + UIText.superviseOverdue.text(lang) : "")
        add(UIText.superviseColState, (r.overdue ? "! " : "") + state, r.overdue ? .danger : r.state.isPending ? .warning : .normal)
        add(UIText.superviseColDue, (r.due?.description ?? "-") + (r.extended ? " · " + UIText.superviseExtended(r.extensionReason ?? "").text(lang) : ""))
        add(UIText.superviseUnit, r.unitLabel(lang))
        lines.append([])
        let rating = r.rating
        add(UIText.superviseRating, String(rating.level.rawValue) + " " + rating.level.label.text(lang) + " · " + rating.source.label.text(lang)
            + " · " + ClockText.dateTime(rating.at, timeZone: zone), .danger)
        add(UIText.superviseTicket, rating.ticketCode + " · " + rating.businessDate.description)
        add(UIText.superviseColWindow, String(rating.window) + "   " + UIText.superviseColStaff.text(lang) + ": " + (rating.staffID ?? "-"))
        add(UIText.superviseReasons, rating.reasons.map { $0.label.text(lang) }.joined(separator: "、"))
        if let note = rating.note { add(UIText.superviseSaid, note) }
        if !rating.cases.isEmpty { add(UIText.superviseColCase, rating.cases.joined(separator: " ")) }
        lines.append([])
        lines.append([.init(text: UIText.superviseVisits(r.visitCount, reached: r.reachedCount).text(lang), role: .header)])
        for v in r.visits {
            let reached = v.reached ? UIText.superviseReachedYes : UIText.superviseReachedNo
            lines.append([.init(text: "  " + v.on.description + " " + ClockText.time(v.at, timeZone: zone) + "  " + v.how.label.text(lang) + " · "
                                + reached.text(lang) + " · " + v.by + "  ", role: .muted), .init(text: v.said, role: .normal)])
        }
        if let closed = r.closedOn {
            lines.append([])
            add(UIText.superviseOutcome, r.state.label.text(lang) + " · " + closed.description + " · " + (r.closedBy ?? "-"))
            if let note = r.outcomeNote { add(UIText.superviseNote, note) }
        }
        if let a = r.appeal {
            lines.append([])
            add(UIText.superviseAppeal, a.ground.label.text(lang) + " · " + a.on.description + " · " + a.by + "  " + a.note)
            if let upheld = a.upheld {
                add(UIText.superviseDecision, (upheld ? UIText.superviseAppealUphold : UIText.superviseAppealReject).text(lang) + " · "
                    + (a.decidedOn?.description ?? "") + " · " + (a.decidedBy ?? "") + "  " + (a.decisionNote ?? ""))
            }
        }
        return lines
    }

    /// The complaint as a sheet: where it came from, who (masked), about what, the handler, the reply, the satisfaction.
    func complaintLines(_ lang: Language) -> [SheetLine] {
        guard let c = complaint else { return [] }
        let zone = desk.timeZone
        var lines: [SheetLine] = []
        func add(_ label: Bilingual, _ value: String, _ role: StyleRole = .normal) { lines.append(Self.sheetRow(label.text(lang), value, role)) }
        add(UIText.superviseColState, (c.overdue ? "! " : "") + c.state.label.text(lang) + (c.overdue ? " · " + UIText.superviseOverdue.text(lang) : ""),
            c.overdue ? .danger : c.state.isOpen ? .warning : .normal)
        add(UIText.superviseColDue, c.dueOn?.description ?? "-")
        add(UIText.superviseSource, c.source.label.text(lang) + (c.workOrder.map { " · " + $0 } ?? "") + " · "
            + c.receivedOn.description + " " + ClockText.time(c.receivedAt, timeZone: zone))
        add(UIText.superviseComplainant, c.maskedName + " " + c.maskedPhone)
        let s = c.subject
        let about = [s.window.map { UIText.superviseWindowTitle($0, "").text(lang).trimmingCharacters(in: .whitespaces) }, s.staff, s.department,
                     s.caseNumber, s.ticketCode].compactMap { $0 }
        if !about.isEmpty { add(UIText.superviseSubject, about.joined(separator: " · ")) }
        add(UIText.superviseContent, c.content)
        lines.append([])
        add(UIText.superviseHandler, c.handler.map { ($0) + (c.handlerName.map { " " + $0 } ?? "") + (c.unit.map { " · " + $0 } ?? "") } ?? "-")
        if let reply = c.reply { add(FreeText.complaintReply, reply + " · " + (c.answeredOn?.description ?? "")) }
        if let satisfaction = c.satisfaction { add(UIText.superviseSatisfactionTitle, satisfaction.label.text(lang)) }
        return lines
    }
}
