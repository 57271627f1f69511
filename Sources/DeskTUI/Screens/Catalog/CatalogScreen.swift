import HallModel
import Queue

/// The catalog screen: search the published list as you type, and read one item's whole list.
///
/// Pure: the catalog arrives as a `CatalogIndex` (searched in memory, so a keystroke costs a byte scan
/// and one frame, not a query); whoever runs the screen replaces it with `update(index:)` when the
/// stored catalog changes (`CatalogIndexFeed`). Used standalone by `desk catalog`, and embeddable:
/// another screen keeps a `CatalogScreen` value, forwards keys and `render` to it, and closes it on
/// `.back` (see docs/TUI.md).
public struct CatalogScreen: Screen {
    public enum Effect: Equatable, Sendable {
        /// Esc with nothing left to undo: leave the catalog (standalone: exit; embedded: back to the caller).
        case back
        /// F10, or q while the search field is empty.
        case quit
    }

    public enum Mode: Equatable, Sendable {
        case list
        /// The item at `results[selection]`.
        case detail
    }

    public private(set) var index: CatalogIndex
    public private(set) var query = ""
    /// Positions in `index.items` of what the list shows: every item while the query is empty.
    public private(set) var results: [Int]
    /// The list's selection (into `results`) and scroll: the shared `ListState`.
    public private(set) var list = ListState(pageSize: 20)
    /// Into `results`.
    public var selection: Int { list.selected }
    /// The first list row shown.
    public var listTop: Int { list.offset }
    public private(set) var mode = Mode.list
    /// The first detail line shown.
    public private(set) var detailTop = 0
    /// The terminal size of the last frame, for paging keys (a key does not know the terminal);
    /// the runner sets it, see `CatalogCommand`. Rendering always uses the real size.
    public var viewport = Size(width: 80, height: 24) { didSet { list.pageSize = listRows } }

    /// A screen that opens the catalog over itself says so here: the key bars then say where F10 leads.
    public var host = Host.standalone

    public var minimumSize: Size { Size(width: 80, height: 24) }

    /// Too small to be seen: F10, Ctrl-Q and Esc as everywhere, and q where it leaves (the sheet, or the list
    /// with an empty search), not where it would be typed into the search.
    public func acceptsWhileTooSmall(_ key: Key) -> Bool {
        key.leavesWhileTooSmall || (key == .char("q") && (mode == .detail || query.isEmpty))
    }

    public init(index: CatalogIndex, query: String = "") {
        self.index = index
        results = Array(index.items.indices)
        list.setCount(results.count)
        if !query.isEmpty {
            self.query = query
            research()
        }
    }

    /// The item the list has selected (and the detail view shows).
    public var selectedItem: CatalogItem? {
        results.indices.contains(selection) ? index.items[results[selection]] : nil
    }

    /// A new catalog (another process imported one): the query, the selected item and the mode stay
    /// where they can.
    public mutating func update(index newIndex: CatalogIndex) {
        let code = selectedItem?.implementationCode
        index = newIndex
        research()
        if let code, let position = newIndex.position(ofCode: code), let at = results.firstIndex(of: position) {
            list.select(at)
        } else if mode == .detail {
            mode = .list
        }
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> [Effect] {
        switch mode {
        case .list: handleList(key)
        case .detail: handleDetail(key)
        }
    }

    private mutating func handleList(_ key: Key) -> [Effect] {
        guard let command = Self.listKeys.command(for: key) else {
            if case .char(let c) = key { setQuery(query + String(c)) }  // typed into the search field
            return []
        }
        switch command {
        case .quit: return [.quit]
        case .quitWhenEmpty:
            // At the kiosk q is a letter like any other (a citizen searches "qiye"); Esc leaves.
            if query.isEmpty && host != .kiosk { return [.quit] }
            setQuery(query + "q")
        case .deleteLast: if !query.isEmpty { setQuery(String(query.dropLast())) }
        case .clear: setQuery("")
        case .back:
            if query.isEmpty { return [.back] }
            setQuery("")
        case .move: _ = list.handle(key)
        case .open:
            if selectedItem != nil { mode = .detail; detailTop = 0 }
        }
        return []
    }

    private mutating func handleDetail(_ key: Key) -> [Effect] {
        guard let command = Self.detailKeys.command(for: key) else { return [] }
        let maxTop = max(0, detailLineCount - detailRows)
        switch command {
        case .quit: return [.quit]
        case .close: mode = .list
        case .lineUp: detailTop = max(0, detailTop - 1)
        case .lineDown: detailTop = min(maxTop, detailTop + 1)
        case .pageUp: detailTop = max(0, detailTop - detailRows)
        case .pageDown: detailTop = min(maxTop, detailTop + detailRows)
        case .top: detailTop = 0
        case .bottom: detailTop = maxTop
        case .previous:
            if selection > 0 { list.select(selection - 1); detailTop = 0 }
        case .next:
            if selection + 1 < results.count { list.select(selection + 1); detailTop = 0 }
        }
        return []
    }

    private mutating func setQuery(_ text: String) {
        query = text
        research()
        list.select(0)
    }

    private mutating func research() {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        results = trimmed.isEmpty ? Array(index.items.indices) : index.search.search(trimmed).map(\.index)
        list.setCount(results.count)
    }

    // MARK: Layout

    /// Title, search field and column header above the list; the key bar below.
    private static let listChrome = 4
    /// Title above the sheet; the key bar below.
    private static let detailChrome = 2
    private var listRows: Int { max(1, viewport.height - Self.listChrome) }
    private var detailRows: Int { max(1, viewport.height - Self.detailChrome) }
    private var detailLineCount: Int {
        guard let item = selectedItem else { return 0 }
        // Keys do not know the language; the longer of the two sheets bounds the scrolling.
        return Language.allCases.map { sheet(item, width: viewport.width - 2, language: $0).lines.count }.max() ?? 0
    }

    private func sheet(_ item: CatalogItem, width: Int, language: Language) -> CatalogItemSheet {
        CatalogItemSheet(item: item, departmentName: index.departmentName, language: language, width: width)
    }

    // MARK: Drawing

    public func render(into grid: inout CellGrid, context: RenderContext) {
        switch mode {
        case .list: renderList(into: &grid, context: context)
        case .detail: renderDetail(into: &grid, context: context)
        }
    }

    private func renderList(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        let rows = grid.bounds.splitRows([.fixed(1), .fixed(1), .fixed(1), .fill(), .fixed(1)])
        let total = index.items.count
        let count = query.isEmpty ? UIText.catalogItemCount(total) : UIText.catalogMatchCount(results.count, of: total)
        titleBar(&grid, rows[0], UIText.catalogTitle.text(lang), right: count.text(lang))

        let label = UIText.catalogSearch.text(lang)
        var x = grid.put(" " + label, x: 0, y: rows[1].y, role: .header)
        if query.isEmpty {
            grid.put("_", x: x, y: rows[1].y, role: .focused)
            grid.put(UIText.catalogSearchPlaceholder.text(lang), x: x + 2, y: rows[1].y, role: .muted)
        } else {
            // The end of a long query stays visible: that is where typing happens.
            let room = rows[1].width - x - 2
            var shown = query
            while DisplayWidth.of(shown) > room { shown.removeFirst() }
            x = grid.put(shown, x: x, y: rows[1].y, role: .input)
            x = grid.put("_", x: x, y: rows[1].y, role: .focused)
        }
        // The time-limit column's legend, right-aligned on the search row when it fits after the query.
        let legend = UIText.catalogLimitsLegend.text(lang) + " "
        let legendX = rows[1].maxX - DisplayWidth.of(legend)
        let usedX = query.isEmpty ? x + 2 + DisplayWidth.of(UIText.catalogSearchPlaceholder.text(lang)) : x
        if legendX > usedX + 1 { grid.put(legend, x: legendX, y: rows[1].y, role: .muted) }

        let columns = ListColumns(width: grid.width, shortCodeWidth: index.shortCodeWidth)
        grid.put(columns.row(code: UIText.catalogColumnCode.text(lang), name: UIText.catalogColumnName.text(lang),
                             department: UIText.catalogColumnDepartment.text(lang), type: UIText.catalogColumnType.text(lang),
                             limits: UIText.catalogColumnLimits.text(lang), tolerance: UIText.catalogColumnTolerance.text(lang)),
                 in: rows[2], role: .header)

        let list = rows[3]
        if results.isEmpty {
            let message = index.items.isEmpty ? UIText.catalogEmpty : UIText.catalogNoMatch(query)
            grid.put(" " + message.text(lang), x: 0, y: list.y + 1, role: .warning, limit: list.maxX)
        }
        // Keep the selection on screen even if the viewport hint was stale.
        var top = min(listTop, selection)
        if selection >= top + list.height { top = selection - list.height + 1 }
        for row in 0..<list.height {
            let at = top + row
            guard at < results.count else { break }
            let item = index.items[results[at]]
            let line = columns.row(code: columns.code(item.implementationCode, short: index.shortCodes[results[at]]),
                                   name: item.name,
                                   department: index.departmentName(item.departmentCode),
                                   type: UIText.shortTypeLabel(item.itemType).text(lang),
                                   limits: Self.limits(item, lang),
                                   tolerance: item.toleranceAllowed ? UIText.catalogToleranceMark.text(lang) : "")
            let rect = Rect(x: 0, y: list.y + row, width: grid.width, height: 1)
            grid.put(line, in: rect, role: at == selection ? .selected : .normal)
            if item.toleranceAllowed, at != selection {
                grid.paint(Rect(x: columns.toleranceX, y: rect.y, width: columns.toleranceWidth, height: 1), role: .warning)
            }
        }
        KeyBar.render(Self.listKeys.keyBarItems(self), into: &grid, rect: rows[4], language: lang)
    }

    private func renderDetail(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        guard let item = selectedItem else { return }
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1)])
        titleBar(&grid, rows[0], item.name, right: UIText.catalogPosition(selection + 1, of: results.count).text(lang))
        let lines = sheet(item, width: grid.width - 2, language: lang).lines
        let body = rows[1]
        let top = max(0, min(detailTop, lines.count - body.height))
        for row in 0..<body.height where top + row < lines.count {
            var x = 1
            for segment in lines[top + row].segments {
                x = grid.put(segment.text, x: x, y: body.y + row, role: segment.role, limit: grid.width - 1)
            }
        }
        var keyBar = rows[2]
        if lines.count > body.height {
            // Says there is more below (or above) the sheet's visible part; the key bar has the rest of the row.
            let range = UIText.catalogLines(top + 1, min(lines.count, top + body.height), of: lines.count).text(lang) + " "
            keyBar.width = max(0, keyBar.width - DisplayWidth.of(range))
            grid.put(range, x: keyBar.maxX, y: rows[2].y, role: .keyHint)
        }
        KeyBar.render(Self.detailKeys.keyBarItems(self), into: &grid, rect: keyBar, language: lang)
    }

    private func titleBar(_ grid: inout CellGrid, _ rect: Rect, _ title: String, right: String) {
        let rightWidth = DisplayWidth.of(right) + 1
        grid.fill(rect, role: .title)
        grid.put(" " + title, in: Rect(x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), height: 1),
                 role: .title, marker: TextFitting.ellipsis)
        grid.put(right, x: rect.maxX - rightWidth, y: rect.y, role: .title)
    }

    /// "5/20": promised / statutory, in working days; natural days get a suffix, 0 reads 即办 ("now"), as
    /// the legend on the search row says.
    public static func limits(_ item: CatalogItem, _ language: Language) -> String {
        func one(_ limit: TimeLimit) -> String {
            if limit.count == 0 { return UIText.catalogOnTheSpot.text(language) }
            return "\(limit.count)" + (limit.unit == .naturalDays ? UIText.catalogNaturalDaySuffix.text(language) : "")
        }
        return one(item.promisedLimit) + "/" + one(item.statutoryLimit)
    }
}

/// The list's columns for a terminal width: the name takes what the others leave.
struct ListColumns {
    let codeWidth: Int
    let nameWidth: Int
    let departmentWidth: Int
    static let typeWidth = 8
    static let limitsWidth = 8
    let toleranceWidth = 4
    /// Full codes need 29 columns. When that would leave the name fewer than `minimumNameWidth`, the
    /// list shows each code's shortest tail that is unique in the catalog (`CatalogIndex.shortCodes`,
    /// after a "…"; `shortCodeWidth` is the widest of them): a fixed tail collides, since item numbers
    /// repeat across departments. The detail sheet shows the whole code.
    static let minimumNameWidth = 28
    static let fullCodeWidth = 29

    init(width: Int, shortCodeWidth: Int) {
        departmentWidth = width >= 120 ? 20 : 16
        let others = 1 + 1 + departmentWidth + 1 + Self.typeWidth + 1 + Self.limitsWidth + 1 + 4 + 1 + 1
        codeWidth = width - others - Self.fullCodeWidth >= Self.minimumNameWidth
            ? Self.fullCodeWidth : min(Self.fullCodeWidth, max(4, shortCodeWidth))
        nameWidth = max(10, width - others - codeWidth)
    }

    var toleranceX: Int { 1 + codeWidth + 1 + nameWidth + 1 + departmentWidth + 1 + Self.typeWidth + 1 + Self.limitsWidth + 1 }

    /// The whole code when it fits, else its unique tail (cut further only if even that does not fit).
    func code(_ code: String, short: String) -> String {
        if code.count <= codeWidth { return code }
        let tail = short.count < code.count ? short : code
        return TextFitting.ellipsis + String(tail.suffix(codeWidth - 1))
    }

    func row(code: String, name: String, department: String, type: String, limits: String, tolerance: String) -> String {
        " " + TextFitting.pad(code, to: codeWidth) + " "
            + TextFitting.pad(name, to: nameWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(department, to: departmentWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(type, to: Self.typeWidth, marker: TextFitting.ellipsis) + " "
            + TextFitting.pad(limits, to: Self.limitsWidth) + " "
            + TextFitting.pad(tolerance, to: toleranceWidth)
    }
}
