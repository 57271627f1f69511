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
        var runs: [GridRun] = []
        for y in 0..<new.height {
            var changed = (0..<new.width).map { x in full || old![x, y] != new[x, y] }
            // Keep wide graphemes whole: a changed half pulls in its other half.
            for x in 0..<new.width where changed[x] {
                if new[x, y].isContinuation, x > 0 { changed[x - 1] = true }
                if new[x, y].width == 2, x + 1 < new.width { changed[x + 1] = true }
            }
            var x = 0
            while x < new.width {
                guard changed[x] else { x += 1; continue }
                var run = GridRun(x: x, y: y, role: new[x, y].role, cells: [])
                while x < new.width, changed[x], new[x, y].role == run.role || new[x, y].isContinuation {
                    if !new[x, y].isContinuation { run.cells.append(new[x, y]) }
                    x += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
