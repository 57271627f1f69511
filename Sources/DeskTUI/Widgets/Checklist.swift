import Foundation
import Queue

/// A mark a checklist row cycles through, e.g. the intake form's provided / missing / defective /
/// corrected. `allCases` order is the cycling order; the first case is where a new row starts.
public protocol ChecklistMark: CaseIterable, Sendable, Equatable where AllCases: RandomAccessCollection {
    /// A short label in `language` ("已提供" / "provided"), drawn in a column as wide as the widest.
    func label(_ language: Language) -> String
    /// How the mark is drawn (e.g. `.ok`, `.danger`).
    var role: StyleRole { get }
}

/// Rows with a mark each and a note each: Up/Down/PgUp/PgDn/Home/End move, Space cycles the row's mark,
/// Enter edits the row's note (a `TextField`: Enter keeps it, Esc drops the change).
///
///     var list = Checklist<MaterialMark>(labels: ["营业执照", "身份证明"])
///     list.handle(.char(" "))     // .changed; list.rows[0].mark is the second case
public struct Checklist<Mark: ChecklistMark>: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var mark: Mark
        public var note: String
        public init(label: String, mark: Mark, note: String = "") { self.label = label; self.mark = mark; self.note = note }
    }

    public enum Outcome: Sendable, Equatable {
        case moved
        /// A mark or a note changed.
        case changed
        /// A key taken by the open note editor.
        case editing
        case ignored
    }

    public private(set) var rows: [Row]
    public var list: ListState
    /// The note being edited, for the selected row.
    public private(set) var noteEditor: TextField?
    public static var noteLimit: Int { 60 }

    public init(rows: [Row]) {
        self.rows = rows
        self.list = ListState(count: rows.count)
    }

    public init(labels: [String]) {
        self.init(rows: labels.compactMap { label in Mark.allCases.first.map { Row(label: label, mark: $0) } })
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if var editor = noteEditor {
            if key == .enter {  // keeps the note, also an emptied one
                rows[list.selected].note = editor.text.trimmingCharacters(in: .whitespaces)
                noteEditor = nil
                return .changed
            }
            switch editor.handle(key) {
            case .cancelled: noteEditor = nil
            case .edited: noteEditor = editor
            case .submitted, .ignored: break
            }
            return .editing
        }
        switch key {
        case .char(" "):
            guard rows.indices.contains(list.selected) else { return .ignored }
            rows[list.selected].mark = Self.next(after: rows[list.selected].mark)
            return .changed
        case .enter:
            guard rows.indices.contains(list.selected) else { return .ignored }
            noteEditor = TextField(rows[list.selected].note, maxLength: Self.noteLimit)
            return .editing
        default:
            switch list.handle(key) {
            case .moved: return .moved
            case .unchanged: return .moved
            case .chosen, .ignored: return .ignored
            }
        }
    }

    static func next(after mark: Mark) -> Mark {
        let all = Mark.allCases
        guard let index = all.firstIndex(of: mark) else { return mark }
        let following = all.index(after: index)
        return following == all.endIndex ? all[all.startIndex] : all[following]
    }

    /// One row per line in `rect`: the label, the mark in its column, then the note (or its editor).
    public func render(into grid: inout CellGrid, rect: Rect, language: Language, focused: Bool = true) {
        guard rect.width > 0, rect.height > 0 else { return }
        var list = self.list
        list.pageSize = rect.height
        let markWidth = Mark.allCases.map { $0.label(language).displayWidth }.max() ?? 0
        let labelWidth = min(max(8, rect.width / 2), (rows.map(\.label.displayWidth).max() ?? 0) + 1)
        for (line, index) in list.visibleRange.enumerated() {
            let row = rows[index]
            let y = rect.y + line
            let isSelected = focused && index == list.selected
            var x = grid.put(row.label, x: rect.x, y: y, width: labelWidth, role: isSelected ? .selected : .normal, marker: TextFitting.ellipsis)
            x = grid.put(" ", x: x, y: y, limit: rect.maxX)
            x = grid.put(row.mark.label(language), x: x, y: y, width: min(markWidth, max(0, rect.maxX - x)), role: row.mark.role)
            x = grid.put("  ", x: x, y: y, limit: rect.maxX)
            let noteRect = Rect(x: x, y: y, width: rect.maxX - x, height: 1)
            if isSelected, let noteEditor {
                noteEditor.render(into: &grid, rect: noteRect, focused: true)
            } else {
                grid.put(row.note, in: noteRect, role: .muted, marker: TextFitting.ellipsis)
            }
        }
    }
}
