/// What a screen draws into: a fixed-size grid of cells, like ratatui's `Buffer`. Screens only
/// ever write here; the backend turns the difference between two grids into terminal output, and
/// tests read `lines()`.
public struct CellGrid: Sendable, Hashable {
    public let size: Size
    private(set) var cells: [Cell]

    public init(size: Size, role: StyleRole = .normal) {
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(contains(x: x, y: y), "cell \(x),\(y) outside \(size)")
        return cells[y * size.width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    // MARK: - Writing

    /// Writes `text` on row `y` from column `x` and returns the column after the last one written.
    /// Stops at the right edge of the grid, or at `limit` (exclusive) when given. A wide grapheme
    /// that would straddle the edge becomes a space. Controls (newline, tab…) are skipped: one call
    /// writes one line.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        let edge = min(size.width, limit ?? size.width)
        guard y >= 0, y < size.height else { return x }
        var column = x
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if column >= edge { break }
            // Fast path, most of every frame: a printable ASCII byte followed by ASCII (or the end) is
            // a whole one-column grapheme (a following combining mark would start with a byte ≥ 0x80).
            let byte = utf8[i]
            let next = utf8.index(after: i)
            if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
                if column >= 0 { set(Cell(ascii: byte, role: role), x: column, y: y) }
                column += 1
                i = next
                continue
            }
            let character = text[i]
            i = utf8.index(i, offsetBy: character.utf8.count)
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column < 0 {
                // Left of the grid: a wide grapheme straddling column 0 leaves a space there.
                if column + w > 0 { set(.blank(role), x: 0, y: y) }
                column += w
                continue
            }
            if column + w > edge {
                set(.blank(role), x: column, y: y)
                return edge
            }
            set(Cell(character: character, width: w, role: role), x: column, y: y)
            column += w
        }
        return column
    }

    /// `text` fitted to `rect`'s first row: truncated (with `marker`, e.g. `TextFitting.ellipsis`) and aligned,
    /// the rest of the row filled with spaces in `role`.
    public mutating func put(_ text: String, in rect: Rect, role: StyleRole = .normal, alignment: Alignment = .left, marker: String = "") {
        guard !rect.isEmpty else { return }
        put(text, x: rect.x, y: rect.y, width: rect.width, role: role, alignment: alignment, marker: marker, limit: rect.maxX)
    }

    /// Writes what `put(TextFitting.pad(text, to: width, alignment:, marker:), x:, y:, role:, limit:)` writes,
    /// without building the padded string (the padding is most of a wide column, on every frame).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, role: StyleRole = .normal, alignment: Alignment = .left,
                             marker: String = "", limit: Int? = nil) -> Int {
        let (fitted, fittedWidth) = TextFitting.fit(text, to: width, marker: marker)
        let gap = max(0, width - fittedWidth)
        let before = alignment == .left ? 0 : alignment == .right ? gap : gap / 2
        var column = putSpaces(before, x: x, y: y, role: role, limit: limit)
        column = put(fitted, x: column, y: y, role: role, limit: limit)
        return putSpaces(gap - before, x: column, y: y, role: role, limit: limit)
    }

    /// `count` spaces, clipped as `put` clips.
    private mutating func putSpaces(_ count: Int, x: Int, y: Int, role: StyleRole, limit: Int?) -> Int {
        let edge = min(size.width, limit ?? size.width)
        guard y >= 0, y < size.height, count > 0 else { return x }
        let end = min(x + count, edge)
        guard x < edge else { return x }
        let blank = Cell.blank(role)
        for column in max(0, x)..<max(0, end) { set(blank, x: column, y: y) }
        return end
    }

    /// Fills `rect` (clipped to the grid) with `grapheme` (a one-column grapheme) in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole, grapheme: String = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(grapheme: grapheme, width: 1, role: role)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { set(cell, x: x, y: y) }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped, keeping wide graphemes whole: e.g. a
    /// screen drawn into part of another.
    public mutating func draw(_ other: CellGrid, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width where !other.cells[row * other.width + column].isContinuation {
                set(other.cells[row * other.width + column], x: x + column, y: y + row)
            }
        }
    }

    /// Changes the role of every cell in `rect` and keeps the text: e.g. highlight a selected row
    /// after drawing it.
    public mutating func paint(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * size.width + x].role = role }
        }
    }

    /// Sets one cell, keeping wide graphemes whole: overwriting either half of a wide grapheme
    /// blanks its other half. A wide cell also claims the next column as its continuation.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y), !cell.isContinuation else { return }
        breakWide(x: x, y: y)
        if cell.width == 2 {
            guard x + 1 < size.width else {
                cells[y * size.width + x] = .blank(cell.role)
                return
            }
            breakWide(x: x + 1, y: y)
            cells[y * size.width + x] = cell
            cells[y * size.width + x + 1] = .continuation(cell.role)
        } else {
            cells[y * size.width + x] = cell
        }
    }

    /// If (x, y) is half of a wide grapheme, turns the other half into a space.
    private mutating func breakWide(x: Int, y: Int) {
        let i = y * size.width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = .blank(cells[i - 1].role)
            cells[i] = .blank(cells[i].role)
        } else if cells[i].width == 2, x + 1 < size.width {
            cells[i + 1] = .blank(cells[i + 1].role)
        }
    }

    // MARK: - Reading

    /// The text of each row, continuation cells skipped, so a row reads as it looks. For snapshot
    /// tests. With `marking`, cells of that role show `mark` instead (e.g. big digits as "#").
    public func lines(marking role: StyleRole? = nil, with mark: Character = "#") -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                let cell = cells[y * size.width + x]
                if cell.isContinuation { continue }
                if let role, cell.role == role { line.append(mark) } else { line += cell.grapheme }
            }
            return line
        }
    }

    /// The text of row `y` between two columns (continuations skipped), e.g. to assert one field.
    public func text(x: Int, y: Int, width: Int) -> String {
        var s = ""
        for column in max(0, x)..<min(size.width, x + width) where !self[column, y].isContinuation {
            s += self[column, y].grapheme
        }
        return s
    }

    /// The role of each cell of row `y` as one letter per column, from `legend`, for tests that
    /// check colours ("..TTTT..").
    public func roles(y: Int, legend: [StyleRole: Character], other: Character = ".") -> String {
        String((0..<size.width).map { legend[self[$0, y].role] ?? other })
    }
}
