
/// Choosing one value from a short list, drawn as a numbered box over the screen: Up/Down (or `k`/`j`,
/// Tab) move and wrap, Home/End/PgUp/PgDn jump, a digit 1–9 or Enter chooses, Esc cancels.
///
///     var picker = Picker(title: "选择暂停原因", options: reasons.map { ($0.label.zh, $0) })
///     if case .chosen(let reason) = picker.handle(.char("2")) { … }
public struct Picker<Value: Sendable & Equatable>: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var label: String
        public var value: Value
        public init(label: String, value: Value) { self.label = label; self.value = value }
    }

    public enum Outcome: Sendable, Equatable {
        case moved
        case chosen(Value)
        case cancelled
        case ignored
    }

    public var title: String
    public private(set) var options: [Option]
    public var list: ListState

    public init(title: String, options: [Option], selected: Int = 0) {
        self.title = title
        self.options = options
        self.list = ListState(count: options.count, pageSize: 9, wraps: true)
        self.list.select(selected)
    }

    public init(title: String, options: [(String, Value)], selected: Int = 0) {
        self.init(title: title, options: options.map { Option(label: $0.0, value: $0.1) }, selected: selected)
    }

    public var selectedValue: Value? { options.indices.contains(list.selected) ? options[list.selected].value : nil }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .tab: return list.handle(.down) == .ignored ? .ignored : .moved
        case .char(let c):
            if let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, options.count) { return .chosen(options[digit - 1].value) }
        default: break
        }
        switch list.handle(key, vimKeys: true) {
        case .chosen(let index): return .chosen(options[index].value)
        case .moved: return .moved
        case .unchanged: return .ignored
        case .ignored: return .ignored
        }
    }

    /// A box centred in `area`: the title in the frame, one numbered row per option (the selected one
    /// highlighted, scrolled into view), and `hint` (in the screen's language) in the bottom frame. `numbered` false:
    /// no numbers (a picker whose digits type into a filter does not show digits that would not choose).
    public func render(into grid: inout CellGrid, over area: Rect, hint: String? = nil, numbered: Bool = true) {
        let labels = options.enumerated().map { "\(numbered && $0.offset + 1 <= 9 ? String($0.offset + 1) : " ")  \($0.element.label)" }
        let width = min(area.width - 4, max(title.displayWidth + 6, (labels.map(\.displayWidth).max() ?? 0) + 6, (hint?.displayWidth ?? 0) + 6, 30))
        let box = area.centered(width: width, height: min(area.height - 2, labels.count + 2))
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        let inner = box.inset(dx: 1, dy: 1)
        guard inner.height > 0 else { return }
        var list = self.list
        list.pageSize = inner.height
        for (row, index) in list.visibleRange.enumerated() {
            let rect = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            grid.put(" " + labels[index], in: rect, role: index == list.selected ? .selected : .normal, marker: TextFitting.ellipsis)
        }
        if let hint, box.width > 6 {
            grid.put(" " + TextFitting.truncate(hint, to: box.width - 6, marker: TextFitting.ellipsis) + " ", x: box.x + 2, y: box.maxY - 1,
                     role: .muted, limit: box.maxX - 2)
        }
    }
}
