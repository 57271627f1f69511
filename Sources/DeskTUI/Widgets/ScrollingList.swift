/// A list of rows the keys scroll through, with an optional filter typed by the user. The rows are given
/// as the text the filter searches (e.g. the ticket code); the screen draws each row itself in `render`.
///
/// Filtering starts with `filterKey` (e.g. `/`) so that single-letter commands stay free, or with any
/// printable key when `filterKey` is nil and `filtering` is on. While the filter is being typed, printable
/// keys, Backspace and Left/Right edit it and the list narrows on every key (case-insensitive substring);
/// Enter keeps the filter and gives the keys back, Esc clears it.
///
///     var list = ScrollingList(filterKey: "/")
///     list.setRows(view.waiting.map(\.ticket.code))
///     list.handle(.char("/")); list.handle(.char("a")); list.handle(.char("1"))   // shows A1xx only
public struct ScrollingList: Sendable, Equatable {
    public enum FilterMode: Sendable, Equatable {
        /// No filter.
        case none
        /// This key starts typing the filter.
        case startedBy(Character)
        /// Every printable key types into the filter (lists without single-letter commands).
        case always
    }

    public enum Outcome: Sendable, Equatable {
        case moved
        /// Enter on a row: its index in the full (unfiltered) rows.
        case chosen(Int)
        /// The filter text changed (or was cleared).
        case filtered
        case ignored
    }

    public private(set) var rows: [String] = []
    /// Indices into `rows` that pass the filter, in order.
    public private(set) var visible: [Int] = []
    public var state: ListState
    public var filterMode: FilterMode
    /// The filter, while typed or kept; nil when there is none.
    public private(set) var filter: TextField?
    /// True while the filter takes the keys.
    public private(set) var isTypingFilter = false

    /// What the filter takes (`.code` upper-cases ticket codes as they are typed).
    public var filterAllowed: TextField.Allowed

    public init(filterMode: FilterMode = .none, filterAllowed: TextField.Allowed = .any, pageSize: Int = 10) {
        self.filterMode = filterMode
        self.filterAllowed = filterAllowed
        self.state = ListState(pageSize: pageSize)
    }

    public var query: String { filter?.text ?? "" }
    public var isFiltered: Bool { !query.isEmpty }

    /// The index in `rows` of the selected row.
    public var selectedRow: Int? { visible.indices.contains(state.selected) ? visible[state.selected] : nil }

    /// New rows (e.g. after a reload): the filter stays, the selection stays on the same row when it is
    /// still there.
    public mutating func setRows(_ newRows: [String]) {
        let keep = selectedRow.map { rows[$0] }
        rows = newRows
        applyFilter(keeping: keep)
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if isTypingFilter, var field = filter {
            switch key {
            case .escape: return clearFilter()
            case .enter: isTypingFilter = false; return .filtered
            case .up, .down, .pageUp, .pageDown: break  // moving the selection while typing
            default:
                let outcome = field.handle(key)
                guard outcome == .edited else { return key == .backspace && field.isEmpty ? clearFilter() : .ignored }
                filter = field
                applyFilter(keeping: nil)
                return .filtered
            }
        }
        switch key {
        case .escape where filter != nil: return clearFilter()
        case .char(let c):
            switch filterMode {
            case .startedBy(let start) where c == start:
                filter = filter ?? TextField(maxLength: 16, allowed: filterAllowed)
                isTypingFilter = true
                return .filtered
            case .always:
                var field = filter ?? TextField(maxLength: 16, allowed: filterAllowed)
                guard field.handle(key) == .edited else { return .ignored }
                filter = field
                isTypingFilter = true
                applyFilter(keeping: nil)
                return .filtered
            default: return .ignored
            }
        default:
            switch state.handle(key) {
            case .moved, .unchanged: return .moved
            case .chosen(let index): return visible.indices.contains(index) ? .chosen(visible[index]) : .ignored
            case .ignored: return .ignored
            }
        }
    }

    private mutating func clearFilter() -> Outcome {
        let keep = selectedRow.map { rows[$0] }
        filter = nil
        isTypingFilter = false
        applyFilter(keeping: keep)
        return .filtered
    }

    private mutating func applyFilter(keeping keep: String?) {
        let needle = query.lowercased()
        visible = needle.isEmpty ? Array(rows.indices) : rows.indices.filter { rows[$0].lowercased().contains(needle) }
        let previous = state.selected
        state.setCount(visible.count)
        if let keep, let at = visible.firstIndex(where: { rows[$0] == keep }) {
            state.select(at)
        } else if keep == nil {
            state.select(needle.isEmpty ? previous : 0)
        }
    }

    /// Calls `drawRow(rowIndex, y, isSelected)` for each row in view, `rect.height` rows from `rect.y`;
    /// returns how many rows are below the view (for a "+N more" line).
    @discardableResult
    public func render(rect: Rect, drawRow: (_ row: Int, _ y: Int, _ selected: Bool) -> Void) -> (above: Int, below: Int) {
        var list = state
        list.pageSize = max(1, rect.height)
        for (line, index) in list.visibleRange.enumerated() where rect.height > 0 {
            drawRow(visible[index], rect.y + line, index == list.selected)
        }
        return (list.offset, max(0, visible.count - list.visibleRange.upperBound))
    }
}
