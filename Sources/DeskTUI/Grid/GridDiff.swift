/// A stretch of changed cells on one row, all of one role, for the backend to write in one go.
public struct GridRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var role: StyleRole
    /// The cells, continuation cells left out: each is drawn at `x` plus the widths before it.
    public var cells: [Cell]

    /// The run's text (line cells as their ASCII fallback), for tests and logs.
    public var text: String { cells.map(\.grapheme).joined() }
    /// Columns the run covers.
    public var width: Int { cells.reduce(0) { $0 + $1.width } }
}

/// What changed between two frames.
public enum GridDiff {
    /// The runs that turn `old` into `new`. With no `old` frame, or one of another size, every
    /// cell is in a run (a full redraw). A change to either half of a wide grapheme redraws the
    /// whole grapheme.
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [GridRun] {
        let full = old == nil || old?.size != new.size
        let width = new.width
        var runs: [GridRun] = []
        // One flag buffer for every row, and the cell arrays read in place: this runs on every frame.
        var changed = [Bool](repeating: false, count: width)
        let previous = full ? [] : old!.cells
        new.cells.withUnsafeBufferPointer { cells in
            previous.withUnsafeBufferPointer { oldCells in
                for y in 0..<new.height {
                    let row = y * width
                    var any = false
                    for x in 0..<width {
                        let differs = full || oldCells[row + x] != cells[row + x]
                        changed[x] = differs
                        any = any || differs
                    }
                    guard any else { continue }
                    // Keep wide graphemes whole: a changed half pulls in its other half.
                    for x in 0..<width where changed[x] {
                        if cells[row + x].isContinuation, x > 0 { changed[x - 1] = true }
                        if cells[row + x].width == 2, x + 1 < width { changed[x + 1] = true }
                    }
                    var x = 0
                    while x < width {
                        guard changed[x] else { x += 1; continue }
                        var run = GridRun(x: x, y: y, role: cells[row + x].role, cells: [])
                        while x < width, changed[x], cells[row + x].role == run.role || cells[row + x].isContinuation {
                            if !cells[row + x].isContinuation { run.cells.append(cells[row + x]) }
                            x += 1
                        }
                        runs.append(run)
                    }
                }
            }
        }
        return runs
    }
}
