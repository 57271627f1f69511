import HallModel
import Queue

/// "Are you sure?" before a step that has no form of its own to submit: a small box with a title, the question and
/// its keys. Enter (or y) confirms, Esc (or n) cancels, every other key is ignored, so a stray key never acts.
/// Used by the case screen's one-key actions and the window screen's "move here?".
public struct ConfirmPrompt: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable { case confirmed, cancelled, ignored }

    public init() {}

    public func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter, .char("y"), .char("Y"): .confirmed
        case .escape, .char("n"), .char("N"): .cancelled
        default: .ignored
        }
    }

    /// The box, centred in `body`: as wide as the question (at least 40 columns, at most the body less 4), the
    /// question on its first row, `hint` (the keys) two rows below.
    public func render(into grid: inout CellGrid, over body: Rect, title: String, question: String, hint: String) {
        let box = body.centered(width: min(body.width - 4, max(40, question.displayWidth + 4, title.displayWidth + 6)), height: 5)
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        grid.put(question, in: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: 1), marker: TextFitting.ellipsis)
        grid.put(hint, in: Rect(x: box.x + 2, y: box.y + 3, width: box.width - 4, height: 1), role: .keyHint, marker: TextFitting.ellipsis)
    }

    /// The key bar while a prompt takes the keys.
    public static var keyBarItems: [KeyBarItem] {
        [KeyBarItem(keys: "Enter", label: UIText.confirm), KeyBarItem(keys: "Esc", label: UIText.cancel)]
    }
}
