import HallModel
import Queue

/// The intake form over the window screen (`a` while a ticket is served; see `IntakeForm`). Like the
/// catalog, it takes every row but the top one, where the window stays in sight; the form's requests become
/// the screen's effects, which `WindowScreenModel` performs (the look-up, the one `takeIn` write).
extension WindowScreen {
    mutating func handleIntake(_ key: Key) -> [Effect] {
        guard var form = intake else { return [] }
        let request = form.handle(key)
        intake = form
        switch request {
        case nil: return []
        case .close:
            intake = nil
            return []
        case .lookUpApplicant(let kind, let number): return [.lookUpApplicant(kind, number)]
        case .takeIn(let intakeRequest): return [.takeIn(intakeRequest)]
        case .decide(let reference, let intakeRequest): return [.decidePending(reference: reference, intakeRequest)]
        }
    }

    func renderIntake(_ form: IntakeForm, into grid: inout CellGrid, _ context: RenderContext) {
        renderWindowRow(into: &grid, Rect(x: 0, y: 0, width: grid.width, height: 1), context)
        form.render(into: &grid, rect: Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 1)), language: context.language)
    }
}
