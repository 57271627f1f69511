import Foundation
import HallModel
import Queue

/// Drawing the rating terminal: title bar, the step's body in large plain text, a message line and the key bar.
extension RatingScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let language = context.language
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(1)])
        let window = UIText.rateWindow(view.window).text(language)
        grid.fill(rows[0], role: .title)
        grid.put(window + " ", in: rows[0], role: .title, alignment: .right)
        grid.put(" " + view.hallName + "  " + UIText.rateTitle.text(language), x: 0, y: 0, role: .title,
                 limit: rows[0].maxX - window.displayWidth - 2)
        let body = rows[1].inset(dx: 2, dy: 1)
        switch step {
        case .idle: renderCentered(into: &grid, body, [(UIText.rateIdle.text(language), .header)])
        case .levels: renderLevels(into: &grid, body, language)
        case .reasons: renderReasons(into: &grid, body, language)
        case .confirm: renderConfirm(into: &grid, body, language)
        case .thanks:
            renderCentered(into: &grid, body, [(UIText.rateThanks.text(language), .highlight), ("", .normal),
                                               (UIText.rateThanksNote.text(language), .normal)])
        }
        if let message { grid.put(" " + message.text(language), in: rows[2], role: .statusError, marker: TextFitting.ellipsis) }
        switch step {
        case .levels: KeyBar.render(Self.levelKeys.keyBarItems(self), into: &grid, rect: rows[3], language: language)
        case .reasons: KeyBar.render(Self.reasonKeys.keyBarItems(self), into: &grid, rect: rows[3], language: language)
        case .confirm: KeyBar.render(Self.confirmKeys.keyBarItems(self), into: &grid, rect: rows[3], language: language)
        case .idle, .thanks: break
        }
    }

    /// Lines wrapped to the body and centred, the block in the middle of the body.
    private func renderCentered(into grid: inout CellGrid, _ body: Rect, _ texts: [(String, StyleRole)]) {
        let lines = texts.flatMap { text in text.0.isEmpty ? [("", text.1)] : TextFitting.wrap(text.0, to: body.width).map { ($0, text.1) } }
        var y = body.y + max(0, (body.height - lines.count) / 2)
        for (text, role) in lines where y < body.maxY {
            grid.put(text, in: Rect(x: body.x, y: y, width: body.width, height: 1), role: role, alignment: .center)
            y += 1
        }
    }

    /// The visit on the left (the code big, the line, the items), the five levels on the right.
    private func renderLevels(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        let parts = body.splitRows([.fixed(1), .fixed(1), .fill()])
        grid.put(UIText.rateAsk.text(language), in: parts[0], role: .header, alignment: .center, marker: TextFitting.ellipsis)
        let columns = parts[2].splitColumns([.fixed(min(40, parts[2].width / 2)), .fixed(2), .fill()])
        renderVisit(into: &grid, columns[0], language)
        let list = columns[2]
        let spacing = Self.levels.count * 2 - 1 <= list.height ? 2 : 1
        for (i, level) in Self.levels.enumerated() {
            let y = list.y + i * spacing
            guard y < list.maxY else { break }
            let role: StyleRole = level.isBad ? .warning : .normal
            var x = grid.put(" \(level.rawValue) ", x: list.x, y: y, role: .keyHint, limit: list.maxX)
            x = grid.put(" " + level.label.text(language), x: x, y: y, role: role, limit: list.maxX)
            if i == selectedLevel { grid.paint(Rect(x: list.x, y: y, width: min(list.width, max(x - list.x, 16)), height: 1), role: .selected) }
        }
    }

    private func renderVisit(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        guard let asking else { return }
        var notes = [UIText.rateTicket(asking.ticketCode, line: asking.lineName).text(language)]
        if !asking.items.isEmpty { notes.append(UIText.rateItems(asking.items).text(language)) }
        let lines = notes.flatMap { TextFitting.wrap($0, to: area.width) }.prefix(max(1, area.height - 2))
        var y = area.y
        let height = area.height - lines.count - 1
        if BigText.canRender(asking.ticketCode),
           let scale = (1...2).reversed().first(where: { BigText.width(of: asking.ticketCode, scale: $0) <= area.width && BigText.height(scale: $0) <= height }) {
            let width = BigText.width(of: asking.ticketCode, scale: scale)
            BigText.render(asking.ticketCode, into: &grid, x: area.x + (area.width - width) / 2, y: y, scale: scale)
            y += BigText.height(scale: scale) + 1
        }
        for line in lines where y < area.maxY {
            grid.put(line, in: Rect(x: area.x, y: y, width: area.width, height: 1), role: .normal, alignment: .center)
            y += 1
        }
    }

    private func renderReasons(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        guard let chosen else { return }
        var y = body.y
        func line(_ text: String, _ role: StyleRole) {
            guard y < body.maxY else { return }
            grid.put(text, in: Rect(x: body.x, y: y, width: body.width, height: 1), role: role, marker: TextFitting.ellipsis)
            y += 1
        }
        line("\(chosen.rawValue)  " + chosen.label.text(language), .warning)
        y += 1
        line(UIText.rateWhy.text(language), .header)
        y += 1
        for (i, reason) in Self.reasons.enumerated() where y < body.maxY {
            let box = ticked.contains(reason) ? "[x]" : "[ ]"
            var x = grid.put(" \(i + 1) ", x: body.x, y: y, role: .keyHint, limit: body.maxX)
            x = grid.put(" \(box) " + reason.label.text(language), x: x, y: y, role: .normal, limit: body.maxX)
            if reasonFocus == i { grid.paint(Rect(x: body.x, y: y, width: min(body.width, max(x - body.x, 20)), height: 1), role: .selected) }
            y += 2
        }
        guard y < body.maxY else { return }
        let label = UIText.rateWordsLabel.text(language)
        let x = grid.put(label, x: body.x, y: y, role: reasonFocus == Self.noteFocus ? .header : .normal, limit: body.maxX)
        note.render(into: &grid, rect: Rect(x: x, y: y, width: max(0, body.maxX - x), height: 1), focused: reasonFocus == Self.noteFocus)
    }

    private func renderConfirm(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        guard let chosen else { return }
        var texts: [(String, StyleRole)] = [(UIText.rateConfirm(chosen.label).text(language), chosen.isBad ? .warning : .header)]
        if chosen.isBad {
            texts.append(("", .normal))
            texts.append((UIText.rateConfirmReasons(Self.reasons.filter(ticked.contains).map(\.label)).text(language), .normal))
            let words = note.text.trimmingCharacters(in: .whitespaces)
            if !words.isEmpty { texts.append((words, .muted)) }
        }
        renderCentered(into: &grid, body, texts)
    }
}
