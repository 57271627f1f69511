extension CellGrid {
    /// A horizontal frame line of `length` cells from (x, y).
    public mutating func horizontalLine(x: Int, y: Int, length: Int, role: StyleRole = .border) {
        for column in x..<(x + max(0, length)) { set(.line(.horizontal, role), x: column, y: y) }
    }

    /// A vertical frame line of `length` cells from (x, y) down.
    public mutating func verticalLine(x: Int, y: Int, length: Int, role: StyleRole = .border) {
        for row in y..<(y + max(0, length)) { set(.line(.vertical, role), x: x, y: row) }
    }

    /// A frame on the edge of `rect`, with an optional title in the top edge (" Title ").
    /// Draw the contents inside `rect.inset(by: 1)`.
    public mutating func box(_ rect: Rect, role: StyleRole = .border, title: String? = nil, titleRole: StyleRole = .header) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, role: role)
        horizontalLine(x: rect.x + 1, y: rect.maxY - 1, length: rect.width - 2, role: role)
        verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, role: role)
        verticalLine(x: rect.maxX - 1, y: rect.y + 1, length: rect.height - 2, role: role)
        set(.line(.topLeft, role), x: rect.x, y: rect.y)
        set(.line(.topRight, role), x: rect.maxX - 1, y: rect.y)
        set(.line(.bottomLeft, role), x: rect.x, y: rect.maxY - 1)
        set(.line(.bottomRight, role), x: rect.maxX - 1, y: rect.maxY - 1)
        if let title, rect.width > 4 {
            let text = " " + TextFitting.truncate(title, to: rect.width - 4, marker: TextFitting.ellipsis) + " "
            put(text, x: rect.x + 1, y: rect.y, role: titleRole, limit: rect.maxX - 1)
        }
    }
}

extension Cell {
    /// A frame-line cell: ASCII in the grid, line drawing on the terminal.
    public static func line(_ glyph: LineGlyph, _ role: StyleRole = .border) -> Cell {
        Cell(grapheme: glyph.ascii, width: 1, role: role, line: glyph)
    }
}
