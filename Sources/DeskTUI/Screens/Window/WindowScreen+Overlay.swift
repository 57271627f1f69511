import Foundation
import HallModel
import Queue

/// The help overlay, the pickers and the one-line entries, drawn in a box over the body.
extension WindowScreen {
    func renderOverlay(into grid: inout CellGrid, _ body: Rect, _ language: Language, now: Date) {
        switch mode {
        case .main: return
        case .help: renderHelp(into: &grid, body, language)
        case .transferLine(let selected):
            let options = transferTargets.map { $0.prefix + " " + $0.name }
            let code = view.current?.ticket.code ?? ""
            Self.picker(into: &grid, body, title: UIText.pickLine.text(language) + " (" + code + ")", options: options, selected: selected)
        case .transferPlacement(let line, let selected):
            let options = TransferPlacement.allCases.map { UIText.placement($0).text(language) }
            Self.picker(into: &grid, body, title: UIText.pickPlacement.text(language) + " -> " + line, options: options, selected: selected)
        case .heldList(let selected):
            let priorityWidth = Self.priorityColumnWidth(language)
            let options = view.held.map {
                TextFitting.pad($0.ticket.code, to: 7) + TextFitting.pad($0.line.prefix + " " + $0.line.name, to: 16, marker: "~") + " "
                    + TextFitting.pad(UIText.priorityShort($0.ticket.priority).text(language), to: priorityWidth)
                    + (Self.heldFor($0, now: now).map { " " + $0.text(language) } ?? "")
            }
            Self.picker(into: &grid, body, title: UIText.pickHeld.text(language), options: options, selected: selected)
        case .pauseReason(let selected):
            Self.picker(into: &grid, body, title: UIText.pickPauseReason.text(language),
                        options: PauseReason.allCases.map { $0.label.text(language) }, selected: selected)
        case .pauseOther(let text):
            Self.entry(into: &grid, body, title: UIText.enterPauseReason.text(language), text: text, width: Self.reasonLimit)
        case .callCode(let text):
            Self.entry(into: &grid, body, title: UIText.enterCode.text(language), text: text, width: Self.codeLimit)
        case .noteEdit(let text):
            let code = view.current?.ticket.code ?? ""
            Self.entry(into: &grid, body, title: UIText.enterNote(code).text(language), text: text, width: Self.noteLimit)
        case .signIn, .confirmMove, .locked: renderGuard(into: &grid, body, language)
        case .confirmLeave(let quitting): renderConfirmLeave(into: &grid, body, language, quitting: quitting)
        }
    }

    /// Every key, one per row: keys, then what they do.
    static func helpRows(noShowAfterCalls: Int) -> [(keys: String, text: Bilingual)] {
        [
            ("n  F2", UIText.helpCallNext), ("r  F3", UIText.helpRecall), ("s  F4", UIText.helpStart), ("f  F5", UIText.helpFinish),
            ("x  F6", UIText.helpNoShow(noShowAfterCalls)), ("t  F7", UIText.helpTransfer), ("h  F8", UIText.helpHold),
            ("b", UIText.helpCallBack), ("p  F9", UIText.helpPause), ("c", UIText.helpCallSpecific), ("e", UIText.helpNote), ("o", UIText.helpSignOut),
            ("i  F11", UIText.helpCatalog), ("?  F1", UIText.helpHelp), ("q  F10", UIText.helpQuit), ("Esc", UIText.helpEscape),
        ]
    }

    private func renderHelp(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        let rows = Self.helpRows(noShowAfterCalls: view.noShowAfterCalls)
        let keyWidth = rows.map(\.keys.displayWidth).max()! + 2
        let textWidth = rows.map { $0.text.text(language).displayWidth }.max()!
        let box = body.centered(width: keyWidth + textWidth + 4, height: rows.count + 2)
        grid.fill(box, role: .normal)
        grid.box(box, title: UIText.helpTitle.text(language))
        let inner = box.inset(dx: 2, dy: 1)
        for (i, row) in rows.prefix(inner.height).enumerated() {
            grid.put(row.keys, x: inner.x, y: inner.y + i, role: .keyHint, limit: inner.maxX)
            grid.put(TextFitting.truncate(row.text.text(language), to: inner.width - keyWidth, marker: "~"), x: inner.x + keyWidth,
                     y: inner.y + i, limit: inner.maxX)
        }
    }

    /// A numbered list in a box; the selected row is highlighted, and the list scrolls to keep it in view.
    static func picker(into grid: inout CellGrid, _ body: Rect, title: String, options: [String], selected: Int) {
        let labels = options.enumerated().map { "\($0.offset + 1 <= 9 ? String($0.offset + 1) : " ")  \($0.element)" }
        let width = min(body.width - 4, max(title.displayWidth + 6, (labels.map(\.displayWidth).max() ?? 0) + 6, 30))
        let box = body.centered(width: width, height: min(body.height - 2, labels.count + 2))
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        let inner = box.inset(dx: 1, dy: 1)
        guard inner.height > 0 else { return }
        let selected = min(max(0, selected), max(0, labels.count - 1))
        let first = min(max(0, selected - inner.height + 1), max(0, labels.count - inner.height))
        for (row, index) in (first..<min(labels.count, first + inner.height)).enumerated() {
            let rect = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            grid.put(" " + labels[index], in: rect, role: index == selected ? .selected : .normal, marker: "~")
        }
    }

    /// A prompt and a one-line field with a visible cursor.
    static func entry(into grid: inout CellGrid, _ body: Rect, title: String, text: String, width: Int) {
        let box = body.centered(width: max(title.displayWidth + 6, width + 6, 30), height: 3)
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        let field = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: 1)
        grid.fill(field, role: .input)
        let x = grid.put(text, x: field.x, y: field.y, role: .focused, limit: field.maxX)
        grid.put("_", x: x, y: field.y, role: .focused, limit: field.maxX)
    }
}
