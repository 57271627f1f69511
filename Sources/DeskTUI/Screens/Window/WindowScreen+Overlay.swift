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
                TextFitting.pad($0.ticket.code, to: 7) + TextFitting.pad($0.line.prefix + " " + $0.line.name, to: 16, marker: TextFitting.ellipsis) + " "
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

    /// Every key of the main screen, one per row: keys, then what they do (from `mainKeys`).
    var helpRows: [(keys: String, text: Bilingual)] { Self.mainKeys.helpRows(self) }

    /// Keys in a column, what they do beside them; a row whose keys are longer than the column (the list's
    /// scrolling keys) has its keys on a row of their own.
    private func renderHelp(into grid: inout CellGrid, _ bodyAbove: Rect, _ language: Language) {
        // The help may also cover the status line below the body, and the key bar (which then only says Esc) when a
        // passing key (`d`, `m`) makes it taller: at 24 rows every key still gets its row.
        let rows = helpRows
        let below = rows.count + 2 > bodyAbove.height + 1 ? 3 : 1
        let body = Rect(x: bodyAbove.x, y: bodyAbove.y, width: bodyAbove.width, height: bodyAbove.height + below)
        let keyWidth = (rows.map(\.keys.displayWidth).filter { $0 <= Self.helpKeyColumn }.max() ?? 0) + 2
        let long = rows.filter { $0.keys.displayWidth + 2 > keyWidth }.count
        // Keys longer than the column get a row of their own, unless that makes the help taller than the body;
        // then their text follows them on the same row.
        let ownRow = rows.count + long + 2 <= body.height
        var lines: [(keys: String, text: String, textX: Int)] = []
        for row in rows {
            let text = row.text.text(language)
            if row.keys.displayWidth + 2 <= keyWidth {
                lines.append((row.keys, text, keyWidth))
            } else if ownRow {
                lines.append((row.keys, "", keyWidth)); lines.append(("", text, keyWidth))
            } else {
                lines.append((row.keys, text, row.keys.displayWidth + 2))
            }
        }
        let width = lines.map { $0.textX + $0.text.displayWidth }.max() ?? 0
        let box = body.centered(width: width + 4, height: lines.count + 2)
        grid.fill(box, role: .normal)
        grid.box(box, title: UIText.helpTitle.text(language))
        let inner = box.inset(dx: 2, dy: 1)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            grid.put(line.keys, x: inner.x, y: inner.y + i, role: .keyHint, limit: inner.maxX)
            grid.put(TextFitting.truncate(line.text, to: inner.width - line.textX, marker: TextFitting.ellipsis), x: inner.x + line.textX,
                     y: inner.y + i, limit: inner.maxX)
        }
    }

    static let helpKeyColumn = 8

    /// A numbered list in a box (the shared `Picker`), with the picker keys as its hint.
    static func picker(into grid: inout CellGrid, _ body: Rect, title: String, options: [String], selected: Int) {
        Picker(title: title, options: options.map { ($0, $0) }, selected: selected).render(into: &grid, over: body)
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
