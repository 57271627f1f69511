import HallModel
import Queue

/// Drawing the handover form: a box at the top of the screen's body, titled with the job and the step, as tall as the
/// step's body needs, and the form's message on its last row (the screen's key bar shows the step's keys). Columns by `DisplayWidth` only.
extension HandoverForm {
    public func render(into grid: inout CellGrid, over body: Rect, language: Language) {
        // As tall as the step needs (a blank row and the message row below it), at most the body.
        let rows: Int = switch step {
        case .direction: 2 + Direction.all.count
        case .materials: 3 + checklist.rows.count
        case .names: 3 + names.fields.count * 2
        case .confirm: 2 + summary(language).count
        }
        let full = body.inset(dx: 1, dy: 0)
        let box = Rect(x: full.x, y: full.y, width: full.width, height: min(full.height, rows + 4))
        guard box.width > 10, box.height > 6 else { return }
        grid.fill(box, role: .normal)
        grid.box(box, title: UIText.handoverFormTitle(setup.jobNumber, step: step.rawValue + 1, of: Step.allCases.count).text(language))
        let inner = box.inset(dx: 2, dy: 1)
        let content = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        switch step {
        case .direction: renderDirection(into: &grid, content, language)
        case .materials: renderMaterials(into: &grid, content, language)
        case .names: renderNames(into: &grid, content, language)
        case .confirm: renderConfirm(into: &grid, content, language)
        }
        if let message {
            grid.put(message.text(language), in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: .statusError,
                     marker: TextFitting.ellipsis)
        }
    }

    private func line(_ grid: inout CellGrid, _ text: String, _ rect: Rect, _ y: Int, role: StyleRole = .normal) {
        guard y < rect.maxY else { return }
        grid.put(text, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role, marker: TextFitting.ellipsis)
    }

    private func renderDirection(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        line(&grid, UIText.handoverAskDirection.text(language), rect, rect.y, role: .header)
        for (index, direction) in Direction.all.enumerated() {
            let selected = index == directionList.selected
            line(&grid, " \(index + 1). " + direction.text.text(language), rect, rect.y + 2 + index, role: selected ? .selected : .normal)
        }
    }

    private func renderHeading(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let direction else { return }
        line(&grid, UIText.handoverDirectionLine(direction.text).text(language), rect, rect.y, role: .header)
    }

    private func renderMaterials(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderHeading(into: &grid, rect, language)
        line(&grid, UIText.handoverMaterialsHint.text(language), rect, rect.y + 1, role: .muted)
        checklist.render(into: &grid, rect: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3)), language: language)
    }

    private func renderNames(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderHeading(into: &grid, rect, language)
        line(&grid, UIText.handoverNamesHint.text(language), rect, rect.y + 1, role: .muted)
        names.render(into: &grid, rect: Rect(x: rect.x, y: rect.y + 3, width: min(rect.width, 60), height: max(0, rect.height - 3)),
                     language: language)
    }

    private func renderConfirm(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        line(&grid, UIText.handoverConfirmHeading.text(language), rect, rect.y, role: .header)
        for (n, text) in summary(language).enumerated() { line(&grid, text, rect, rect.y + 2 + n) }
    }
}
