import Foundation
import Queue

/// What the screens built as the case screen share (`desk cases`, `desk agent`): the title bar with a right-hand
/// note, the status row and the two-row key bar at the bottom, the help overlay listing a key table, scrolling a sheet
/// of lines, and drawing its visible lines. One way to draw them, so the screens look and scroll alike.
enum SheetScreenChrome {
    /// Title above the sheet; status and two key-bar rows below.
    static let sheetChrome = 4

    /// The title bar (row 0, `title` fitted, `right` at the right edge), the status row (the status, else
    /// `statusFallback` at the right) and the key bar.
    static func draw(_ grid: inout CellGrid, _ lang: Language, title: String, right: String, status: (text: Bilingual, isError: Bool)?,
                     statusFallback: String?, keys: [KeyBarItem]) {
        let rect = Rect(x: 0, y: 0, width: grid.width, height: 1)
        let rightWidth = DisplayWidth.of(right) + 1
        grid.fill(rect, role: .title)
        grid.put(" " + title, in: Rect(x: 0, y: 0, width: max(0, rect.width - rightWidth - 1), height: 1), role: .title,
                 marker: TextFitting.ellipsis)
        grid.put(right, x: rect.maxX - rightWidth, y: 0, role: .title)
        let statusRow = Rect(x: 0, y: grid.height - 3, width: grid.width, height: 1)
        if let status {
            grid.put(" " + status.text.text(lang), in: statusRow, role: status.isError ? .statusError : .statusInfo, marker: TextFitting.ellipsis)
        } else if let statusFallback {
            grid.put(statusFallback + " ", in: statusRow, role: .keyHint, alignment: .right)
        }
        KeyBar.render(keys, into: &grid, rect: Rect(x: 0, y: grid.height - 2, width: grid.width, height: 2), language: lang)
    }

    /// The help overlay: each binding's keys and what it does, in a box over `area`.
    static func help(_ rows: [(keys: String, text: Bilingual)], into grid: inout CellGrid, over area: Rect, _ lang: Language) {
        let keyWidth = min(32, (rows.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2)
        let box = area.centered(width: min(area.width - 2, 78), height: min(area.height, rows.count + 2))
        grid.fill(box, role: .normal)
        grid.box(box, title: UIText.help.text(lang))
        let inner = box.inset(dx: 2, dy: 1)
        for (n, row) in rows.prefix(inner.height).enumerated() {
            grid.put(TextFitting.pad(row.keys, to: keyWidth, marker: TextFitting.ellipsis), x: inner.x, y: inner.y + n, role: .keyHint)
            grid.put(row.text.text(lang), in: Rect(x: inner.x + keyWidth, y: inner.y + n, width: max(0, inner.width - keyWidth), height: 1),
                     marker: TextFitting.ellipsis)
        }
    }

    /// The first line shown after a scroll key on a sheet of `lines` lines, `viewportHeight` rows tall.
    static func scrolled(_ top: Int, by key: Key, lines: Int, viewportHeight: Int) -> Int {
        let page = max(1, viewportHeight - sheetChrome)
        let maxTop = max(0, lines - page)
        var top = top
        switch key {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= page
        case .pageDown, .char(" "): top += page
        case .home: top = 0
        case .end: top = maxTop
        default: break
        }
        return max(0, min(top, maxTop))
    }

    /// Draws the lines from `top` between the title and the status row; returns the shown range (1-based) when the
    /// lines do not all fit.
    static func drawLines(_ lines: [[CatalogItemSheet.Segment]], top: Int, into grid: inout CellGrid, margin: Int = 1) -> (Int, Int)? {
        let height = max(0, grid.height - sheetChrome)
        let top = max(0, min(top, lines.count - height))
        for row in 0..<height where top + row < lines.count {
            var x = margin
            for segment in lines[top + row] { x = grid.put(segment.text, x: x, y: 1 + row, role: segment.role, limit: grid.width - margin) }
        }
        return lines.count > height ? (top + 1, min(lines.count, top + height)) : nil
    }
}
