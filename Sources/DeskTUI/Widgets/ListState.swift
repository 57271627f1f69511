/// The state of a list the keys move through: which row is selected and which row is at the top, kept so
/// that the selection is always in view. A plain value: a screen keeps one per list, `handle` moves it and
/// the list's render reads it. `pageSize` is the number of rows the list shows (set it when the layout is
/// known; PgUp/PgDn move by it).
///
///     var list = ListState(count: 60, pageSize: 10)
///     list.handle(.pageDown)      // .moved; list.selected == 10, list.offset == 1
public struct ListState: Sendable, Equatable {
    public private(set) var count: Int
    public private(set) var selected: Int = 0
    /// The first row shown.
    public private(set) var offset: Int = 0
    public var pageSize: Int { didSet { pageSize = max(1, pageSize); keepVisible() } }
    /// Up from the first row goes to the last (and down from the last to the first): pickers wrap, long lists do not.
    public var wraps: Bool

    public enum Outcome: Sendable, Equatable {
        /// The selection or the scroll changed.
        case moved
        /// Enter on row `index`.
        case chosen(Int)
        /// A list key that changed nothing (already at the end).
        case unchanged
        /// Not a list key: the caller handles it.
        case ignored
    }

    public init(count: Int = 0, pageSize: Int = 10, wraps: Bool = false) {
        self.count = max(0, count)
        self.pageSize = max(1, pageSize)
        self.wraps = wraps
    }

    /// The list got new rows: the selection stays on the same index as far as it can.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selected)
    }

    /// Selects row `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
        keepVisible()
    }

    /// Up/Down (and `k`/`j` when `vimKeys`), PgUp/PgDn, Home/End move; Enter chooses.
    public mutating func handle(_ key: Key, vimKeys: Bool = false) -> Outcome {
        let before = (selected, offset)
        switch key {
        case .up: step(-1)
        case .down: step(1)
        case .char("k") where vimKeys: step(-1)
        case .char("j") where vimKeys: step(1)
        case .pageUp: select(selected - pageSize)
        case .pageDown: select(selected + pageSize)
        case .home: select(0)
        case .end: select(count - 1)
        case .enter: return count > 0 ? .chosen(selected) : .unchanged
        default: return .ignored
        }
        return (selected, offset) == before ? .unchanged : .moved
    }

    /// The rows in view, top to bottom.
    public var visibleRange: Range<Int> { offset..<min(count, offset + pageSize) }

    private mutating func step(_ delta: Int) {
        guard count > 0 else { return }
        if wraps { select((selected + delta + count) % count) } else { select(selected + delta) }
    }

    private mutating func keepVisible() {
        if selected < offset { offset = selected }
        if selected >= offset + pageSize { offset = selected - pageSize + 1 }
        offset = max(0, min(offset, count - pageSize))
    }
}
