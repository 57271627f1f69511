import Queue

/// Text fields in a fixed order with one of them focused, and an error per field. Tab, Down and Enter go to
/// the next field (Enter on the last one submits), Shift-Tab and Up to the previous; every other key goes to
/// the focused field, and editing a field clears its error. Esc cancels.
///
///     var form = Form<SignInField>(fields: [.init(id: .staff, label: UIText.fieldStaffNumber, input: TextField(allowed: .identifier)),
///                                           .init(id: .password, label: UIText.fieldPassword, input: TextField(masked: true))])
///     form.handle(.tab)            // .moved: the password has the focus
///     form.setError(UIText.wrongPassword, for: .password)
public struct Form<FieldID: Hashable & Sendable>: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var id: FieldID
        public var label: Bilingual
        public var input: TextField
        public var error: Bilingual?
        public init(id: FieldID, label: Bilingual, input: TextField, error: Bilingual? = nil) {
            self.id = id; self.label = label; self.input = input; self.error = error
        }
    }

    public enum Outcome: Sendable, Equatable {
        case edited
        /// The focus went to another field.
        case moved
        /// Enter on the last field.
        case submitted
        case cancelled
        case ignored
    }

    public private(set) var fields: [Field]
    /// Index into `fields`.
    public private(set) var focusIndex: Int

    public init(fields: [Field], focus: FieldID? = nil) {
        self.fields = fields
        self.focusIndex = focus.flatMap { id in fields.firstIndex { $0.id == id } } ?? 0
    }

    public var focus: FieldID? { fields.indices.contains(focusIndex) ? fields[focusIndex].id : nil }

    public subscript(_ id: FieldID) -> TextField? {
        get { fields.first { $0.id == id }?.input }
        set {
            guard let newValue, let index = fields.firstIndex(where: { $0.id == id }) else { return }
            fields[index].input = newValue
        }
    }

    public func text(_ id: FieldID) -> String { self[id]?.text ?? "" }

    public mutating func focus(on id: FieldID) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focusIndex = index }
    }

    public mutating func setError(_ error: Bilingual?, for id: FieldID) {
        if let index = fields.firstIndex(where: { $0.id == id }) { fields[index].error = error }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        guard !fields.isEmpty else { return key == .escape ? .cancelled : .ignored }
        switch key {
        case .tab, .down: return move(1)
        case .backTab, .up: return move(-1)
        case .escape: return .cancelled
        case .enter: return focusIndex == fields.count - 1 ? .submitted : move(1)
        default:
            switch fields[focusIndex].input.handle(key) {
            case .edited:
                fields[focusIndex].error = nil
                return .edited
            case .submitted, .cancelled, .ignored: return .ignored
            }
        }
    }

    private mutating func move(_ delta: Int) -> Outcome {
        focusIndex = (focusIndex + delta + fields.count) % fields.count
        return .moved
    }

    /// Two rows per field from the top of `rect`: label and field, then the field's error (if any). The last
    /// field's error wraps onto the rows `rect` has below it (a one-field form's box gives it room), so a long
    /// message is read whole; any other field's error has its one row.
    public func render(into grid: inout CellGrid, rect: Rect, language: Language) {
        let labelWidth = (fields.map { $0.label.text(language).displayWidth }.max() ?? 0) + 2
        let errorWidth = max(1, rect.width - labelWidth)
        for (index, field) in fields.enumerated() {
            let y = rect.y + index * 2
            guard y < rect.maxY else { return }
            grid.put(field.label.text(language), x: rect.x, y: y, role: .muted, limit: rect.maxX)
            field.input.render(into: &grid, rect: Rect(x: rect.x + labelWidth, y: y, width: rect.width - labelWidth, height: 1),
                               focused: index == focusIndex)
            guard let error = field.error, y + 1 < rect.maxY else { continue }
            let rows = index == fields.count - 1 ? rect.maxY - (y + 1) : 1
            let parts = TextFitting.wrap(error.text(language), to: errorWidth)
            for (n, part) in parts.prefix(rows).enumerated() {
                let last = n == rows - 1 && parts.count > rows
                grid.put(last ? part + " " + parts[(n + 1)...].joined(separator: " ") : part,
                         in: Rect(x: rect.x + labelWidth, y: y + 1 + n, width: errorWidth, height: 1),
                         role: .statusError, marker: TextFitting.ellipsis)
            }
        }
    }
}
