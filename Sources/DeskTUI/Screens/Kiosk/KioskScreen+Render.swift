import Foundation
import HallModel
import Queue

/// Drawing the kiosk: title bar, the step's body, a message line and the key bar.
extension KioskScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let language = context.language
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(1)])
        let clock = ClockText.dateTime(context.now, timeZone: view.timeZone)
        grid.fill(rows[0], role: .title)
        grid.put(clock + " ", in: rows[0], role: .title, alignment: .right)
        grid.put(" " + view.hallName + "  " + UIText.kioskTitle.text(language), x: 0, y: 0, role: .title,
                 limit: rows[0].maxX - clock.displayWidth - 2)

        let body = rows[1].inset(dx: 2, dy: 1)
        switch step {
        case .lines: renderLines(into: &grid, body, language)
        case .category: renderCategories(into: &grid, body, language)
        case .slip: renderSlip(into: &grid, body, language)
        case .progressForm: renderProgressForm(into: &grid, body, language)
        case .progressResult: renderProgressResult(into: &grid, body, language)
        case .guide: renderGuide(into: &grid, rows[1], context)
        }
        if let message { grid.put(" " + message.text(language), in: rows[2], role: .statusError, marker: TextFitting.ellipsis) }
        renderKeyBar(into: &grid, rows[3], language)
    }

    // MARK: Step 1: lines

    private func renderLines(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        let parts = body.splitRows([.fixed(1), .fixed(1), .fill()])
        grid.put(UIText.kioskChooseLine.text(language), in: parts[0], role: .header, marker: TextFitting.ellipsis)
        if view.lines.isEmpty { grid.put(UIText.kioskNoLines.text(language), in: parts[1], role: .warning, marker: TextFitting.ellipsis) }
        let panelWidth = body.width >= 110 ? body.width / 3 : 22
        let columns = parts[2].splitColumns([.fill(), .fixed(2), .fixed(panelWidth)])
        renderLineTable(into: &grid, columns[0], language)
        renderLinePanel(into: &grid, columns[2], language)
    }

    /// Widths of the table's fixed columns; the service name takes the rest.
    private static let numberWidth = 5, waitingWidth = 8, estimateWidth = 11, statusWidth = 10

    private func renderLineTable(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        let nameWidth = max(6, area.width - Self.numberWidth - Self.waitingWidth - Self.estimateWidth - Self.statusWidth - 3)
        func row(_ number: String, _ name: String, _ waiting: String, _ estimate: String, _ status: String) -> [(String, Int)] {
            [(TextFitting.pad(number, to: Self.numberWidth, alignment: .center), Self.numberWidth),
             (TextFitting.pad(name, to: nameWidth, marker: TextFitting.ellipsis) + " ", nameWidth + 1),
             (TextFitting.pad(waiting, to: Self.waitingWidth) + " ", Self.waitingWidth + 1),
             (TextFitting.pad(estimate, to: Self.estimateWidth) + " ", Self.estimateWidth + 1),
             (TextFitting.pad(status, to: Self.statusWidth, marker: TextFitting.ellipsis), Self.statusWidth)]
        }
        let header = row(UIText.kioskColumnNumber.text(language), UIText.kioskColumnService.text(language),
                         UIText.kioskColumnWaiting.text(language), UIText.kioskColumnEstimate.text(language),
                         UIText.kioskColumnStatus.text(language))
        grid.put(header.map(\.0).joined(), x: area.x, y: area.y, role: .header, limit: area.maxX)

        let listTop = area.y + 2
        let rowsAvailable = max(1, area.maxY - listTop)
        // Two rows per line (a blank between) when they fit: easier to read and to aim at.
        let spacing = entryCount * 2 - 1 <= rowsAvailable ? 2 : 1
        let capacity = max(1, (rowsAvailable + spacing - 1) / spacing)
        let first = max(0, min(selectedLine - capacity + 1, entryCount - capacity))
        for (slot, index) in (first..<min(entryCount, first + capacity)).enumerated() {
            let y = listTop + slot * spacing
            guard case .line = entry(at: index) else {
                // Case progress and the service guide: a number and a name, nothing to wait for.
                let name = entry(at: index) == .progress ? UIText.kioskEntryProgress : UIText.kioskEntryGuide
                let x = grid.put(TextFitting.pad(index < 9 ? String(index + 1) : "", to: Self.numberWidth, alignment: .center),
                                 x: area.x, y: y, role: .keyHint, limit: area.maxX)
                let end = grid.put(TextFitting.pad(name.text(language), to: nameWidth, marker: TextFitting.ellipsis), x: x, y: y,
                                   role: .header, limit: area.maxX)
                if index == selectedLine { grid.paint(Rect(x: area.x, y: y, width: end - area.x, height: 1), role: .selected) }
                continue
            }
            let line = view.lines[index]
            let status: String
            var statusRole = StyleRole.normal
            if !line.line.isOpen {
                status = UIText.kioskStatusClosed.text(language)
            } else if line.isFull {
                status = UIText.kioskStatusFull.text(language)
            } else if let reason = line.unservedReason {
                status = UIText.kioskStatusUnserved(reason).text(language)
                statusRole = .warning
            } else {
                status = ""
            }
            let baseRole: StyleRole = line.canIssue ? .normal : .muted
            let fields = row(index < 9 ? String(index + 1) : "", line.line.prefix + "  " + line.line.name,
                             UIText.kioskWaitingCount(line.waiting).text(language),
                             UIText.kioskMinutes(line.estimatedWaitMinutes).text(language), status)
            var x = area.x
            for (i, field) in fields.enumerated() {
                let role: StyleRole = i == 0 && line.canIssue ? .keyHint : (i == 4 && line.canIssue ? statusRole : baseRole)
                grid.put(field.0, x: x, y: y, role: role, limit: area.maxX)
                x += field.1
            }
            if index == selectedLine { grid.paint(Rect(x: area.x, y: y, width: min(x, area.maxX) - area.x, height: 1), role: .selected) }
        }
    }

    /// The chosen line, large: its prefix in big characters, then its figures and, if it cannot issue, why.
    /// The notes are wrapped first and the prefix takes what they leave, so a note (the next opening with its
    /// time) is never cut off at the bottom.
    private func renderLinePanel(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        if let entry = selectedEntry, entry == .progress || entry == .guide {
            let (title, note) = entry == .progress ? (UIText.kioskEntryProgress, UIText.kioskEntryProgressNote)
                                                   : (UIText.kioskEntryGuide, UIText.kioskEntryGuideNote)
            grid.put(title.text(language), in: Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header, alignment: .center,
                     marker: TextFitting.ellipsis)
            for (i, text) in TextFitting.wrap(note.text(language), to: area.width).enumerated() where area.y + 2 + i < area.maxY {
                grid.put(text, in: Rect(x: area.x, y: area.y + 2 + i, width: area.width, height: 1), role: .normal, alignment: .center)
            }
            return
        }
        guard let line = currentLine else { return }
        var notes: [(Bilingual, StyleRole)] = []
        if let reason = explanation(line) {
            notes.append((reason, .warning))
        } else {
            notes.append((UIText.kioskPanelWaiting(line.waiting), .normal))
            if let minutes = line.estimatedWaitMinutes { notes.append((UIText.kioskPanelEstimate(minutes), .normal)) }
            if let reason = line.unservedReason { notes.append((UIText.kioskUnservedNote(reason, opensNext: opensNextText), .warning)) }
        }
        let wrapped = notes.map { (TextFitting.wrap($0.0.text(language), to: area.width), $0.1) }
        let noteRows = wrapped.reduce(0) { $0 + 1 + $1.0.count }
        var y = renderBigPrefix(line.line.prefix, into: &grid, area, reserve: 1 + noteRows)
        grid.put(line.line.prefix + "  " + line.line.name, in: Rect(x: area.x, y: y, width: area.width, height: 1),
                 role: .header, alignment: .center, marker: TextFitting.ellipsis)
        y += 1
        for (lines, role) in wrapped {
            y += 1
            for text in lines where y < area.maxY {
                grid.put(text, in: Rect(x: area.x, y: y, width: area.width, height: 1), role: role, alignment: .center)
                y += 1
            }
        }
    }

    /// Draws `prefix` as big as fits in `area`, leaving `reserve` rows below; returns the row under it.
    private func renderBigPrefix(_ prefix: String, into grid: inout CellGrid, _ area: Rect, reserve: Int) -> Int {
        guard BigText.canRender(prefix) else { return area.y }
        let scale = Self.largestScale(for: prefix, width: area.width, height: area.height - reserve, limit: 3)
        guard scale > 0 else { return area.y }
        let width = BigText.width(of: prefix, scale: scale)
        BigText.render(prefix, into: &grid, x: area.x + (area.width - width) / 2, y: area.y, scale: scale)
        return area.y + BigText.height(scale: scale) + 1
    }

    /// The largest BigText scale (up to `limit`) at which `text` fits; 0 when none does.
    static func largestScale(for text: String, width: Int, height: Int, limit: Int) -> Int {
        (1...max(1, limit)).reversed().first { BigText.width(of: text, scale: $0) <= width && BigText.height(scale: $0) <= height } ?? 0
    }

    // MARK: Step 2: who the ticket is for

    private func renderCategories(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        guard let line = currentLine else { return }
        let parts = body.splitRows([.fixed(1), .fixed(1), .fill(), .fixed(2)])
        grid.put(UIText.kioskChosenLine(line.line.prefix, line.line.name).text(language), in: parts[0], role: .header, marker: TextFitting.ellipsis)
        let columns = parts[2].splitColumns([.fill(), .fixed(2), .fixed(body.width >= 110 ? body.width / 3 : 22)])
        let list = columns[0]
        let spacing = Self.categories.count * 2 - 1 <= list.height ? 2 : 1
        for (i, category) in Self.categories.enumerated() {
            let y = list.y + i * spacing
            guard y < list.maxY else { break }
            let x = grid.put(TextFitting.pad(String(i + 1), to: Self.numberWidth, alignment: .center), x: list.x, y: y, role: .keyHint)
            let role: StyleRole = category == .normal ? .normal : .priority
            grid.put(TextFitting.pad(UIText.kioskPriorityLabel(category).text(language), to: min(30, list.maxX - x)), x: x, y: y, role: role,
                     limit: list.maxX)
            if i == selectedCategory { grid.paint(Rect(x: list.x, y: y, width: min(list.width, Self.numberWidth + 30), height: 1), role: .selected) }
        }
        _ = renderBigPrefix(line.line.prefix, into: &grid, columns[2], reserve: 0)
        for (i, text) in TextFitting.wrap(UIText.kioskPriorityNote.text(language), to: body.width)
            .prefix(2).enumerated() {
            grid.put(text, in: Rect(x: body.x, y: parts[3].y + i, width: body.width, height: 1), role: .muted)
        }
    }

    // MARK: Step 3: the slip

    private func renderSlip(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        guard let slip else { return }
        func centered(_ text: String, _ y: Int, _ role: StyleRole = .normal) {
            guard y < body.maxY else { return }
            grid.put(text, in: Rect(x: body.x, y: y, width: body.width, height: 1), role: role, alignment: .center, marker: TextFitting.ellipsis)
        }
        var notes: [(String, StyleRole)] = [(slip.linePrefix + "  " + slip.lineName, .header)]
        if slip.priority != .normal { notes.append((UIText.kioskCategory(slip.priority).text(language), .priority)) }
        notes.append((UIText.kioskAhead(slip.ahead, minutes: slip.estimatedWaitMinutes).text(language), .normal))
        notes.append((UIText.kioskIssuedAt(slip.issuedAtText).text(language), .normal))
        if let reason = slip.unservedReason {
            notes.append((UIText.kioskUnservedNote(reason, opensNext: slip.opensNextText).text(language), .warning))
        }
        switch slipPrinted {
        case true?: notes.append((UIText.kioskPrinted.text(language), .ok))
        case false?: notes.append((UIText.kioskPrintFailed.text(language), .statusError))
        case nil: break
        }
        centered(UIText.kioskSlipHeading.text(language), body.y, .header)
        // A note longer than the slip is wide goes on more lines, never cut: the code is drawn smaller first.
        let lines = notes.flatMap { note in TextFitting.wrap(note.0, to: body.width).map { ($0, note.1) } }
        var y = body.y + 2
        let scale = Self.largestScale(for: slip.code, width: body.width, height: body.height - 3 - lines.count, limit: 3)
        if BigText.canRender(slip.code), scale > 0 {
            let width = BigText.width(of: slip.code, scale: scale)
            BigText.render(slip.code, into: &grid, x: body.x + (body.width - width) / 2, y: y, scale: scale)
            y += BigText.height(scale: scale) + 1
        } else {
            centered(slip.code, y, .highlight)
            y += 2
        }
        for (text, role) in lines {
            centered(text, y, role)
            y += 1
        }
    }

    // MARK: Key bar

    /// The step's key table as its key bar (F10/Ctrl-Q, for staff, are left out); on the slip, the countdown.
    private func renderKeyBar(into grid: inout CellGrid, _ row: Rect, _ language: Language) {
        switch step {
        case .lines: KeyBar.render(lineKeyBarItems, into: &grid, rect: row, language: language)
        case .category: KeyBar.render(Self.categoryKeys.keyBarItems(self), into: &grid, rect: row, language: language)
        case .progressForm: KeyBar.render(Self.progressFormKeys.keyBarItems(self), into: &grid, rect: row, language: language)
        case .progressResult: KeyBar.render(Self.progressResultKeys.keyBarItems(self), into: &grid, rect: row, language: language)
        case .guide:
            // The catalog's own key bar is inside its part; the kiosk's key is for an item's page.
            if guide?.mode == .detail { KeyBar.render(Self.guideKeys.keyBarItems(self), into: &grid, rect: row, language: language) }
        case .slip: grid.put(" " + UIText.kioskReturnsIn(secondsLeft).text(language), in: row, role: .muted)
        }
    }

    // MARK: Case progress

    private func renderProgressForm(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        var y = body.y
        grid.put(UIText.kioskProgressTitle.text(language), in: Rect(x: body.x, y: y, width: body.width, height: 1), role: .header)
        y += 2
        for text in TextFitting.wrap(UIText.kioskProgressIntro.text(language), to: body.width) where y < body.maxY {
            grid.put(text, in: Rect(x: body.x, y: y, width: body.width, height: 1), role: .normal)
            y += 1
        }
        y += 1
        let formWidth = min(body.width, 50)
        progressForm.render(into: &grid, rect: Rect(x: body.x, y: y, width: formWidth, height: max(0, min(4, body.maxY - y))), language: language)
        y += 5
        let wait = lookupWait
        let notes: [(Bilingual, StyleRole)] = wait > 0 ? [(UIText.kioskProgressWait(wait), .warning), (UIText.kioskProgressHint, .muted)]
                                                       : [(UIText.kioskProgressHint, .muted)]
        for (note, role) in notes {
            for text in TextFitting.wrap(note.text(language), to: body.width) where y < body.maxY {
                grid.put(text, in: Rect(x: body.x, y: y, width: body.width, height: 1), role: role)
                y += 1
            }
        }
    }

    /// The case as a citizen may see it: number and item, the status, its notes (dates, materials due, why paused), the
    /// steps done with their dates. Nothing of the applicant is in `CaseProgress`, so nothing can be drawn.
    private func renderProgressResult(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        guard let progress else { return }
        var y = body.y
        func line(_ text: String, _ role: StyleRole, indent: Int = 0) {
            guard y < body.maxY - 1 else { return }
            grid.put(text, in: Rect(x: body.x + indent, y: y, width: body.width - indent, height: 1), role: role, marker: TextFitting.ellipsis)
            y += 1
        }
        line(UIText.kioskProgressCase(progress.number, progress.itemName).text(language), .header)
        y += 1
        let statusRole: StyleRole = switch progress.status {
        case .resultReady, .completed: .ok
        case .awaitingSupplements, .suspended: .warning
        case .terminated, .withdrawn: .muted
        case .accepted, .inReview: .highlight
        }
        line(progress.status.label.text(language), statusRole)
        for note in progress.notes {
            for text in TextFitting.wrap(note.text(language), to: body.width - 2) { line(text, .normal, indent: 2) }
        }
        y += 1
        line(UIText.kioskProgressSteps.text(language), .header)
        for step in progress.steps { line("\(step.on)  \(step.kind.label.text(language))", .normal, indent: 2) }
        grid.put(UIText.kioskProgressPrivacy.text(language), in: Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1), role: .muted,
                 marker: TextFitting.ellipsis)
    }

    // MARK: Service guide

    /// The catalog screen, drawn in the part between the kiosk's title bar and its message row.
    private func renderGuide(into grid: inout CellGrid, _ area: Rect, _ context: RenderContext) {
        guard let guide else { return }
        let size = Size(width: area.width, height: area.height)
        var part = CellGrid(size: size)
        guide.render(into: &part, context: RenderContext(language: context.language, now: context.now, size: size))
        grid.draw(part, x: area.x, y: area.y)
    }
}
