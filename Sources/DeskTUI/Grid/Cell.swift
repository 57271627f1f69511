/// A piece of a frame line. The grid keeps an ASCII fallback in the cell's grapheme (so
/// `lines()` snapshots read naturally and themes may ask for ASCII borders); the curses backend
/// draws the terminal's line-drawing set (ACS) instead, which is always one column wide.
/// Unicode box-drawing characters are never put in the grid: they are East Asian Ambiguous and
/// take two columns on some CJK terminals.
public enum LineGlyph: Sendable, Hashable, CaseIterable {
    case horizontal, vertical
    case topLeft, topRight, bottomLeft, bottomRight
    case teeLeft, teeRight, teeTop, teeBottom, cross

    /// The ASCII stand-in.
    public var ascii: String {
        switch self {
        case .horizontal: return "-"
        case .vertical: return "|"
        default: return "+"
        }
    }
}

/// One terminal column of one row.
public struct Cell: Sendable, Hashable {
    /// One grapheme (" " when blank); empty in the continuation cell of a wide grapheme.
    public var grapheme: String
    /// Columns the grapheme takes: 1 or 2; 0 in a continuation cell.
    public var width: Int
    /// True for the second column of a two-column grapheme: nothing is drawn there.
    public var isContinuation: Bool
    public var role: StyleRole
    /// Set for frame lines: the backend draws a line-drawing character here.
    public var line: LineGlyph?

    public init(grapheme: String, width: Int, role: StyleRole, line: LineGlyph? = nil) {
        self.grapheme = grapheme
        self.width = width
        self.isContinuation = false
        self.role = role
        self.line = line
    }

    /// A space in `role`.
    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(grapheme: " ", width: 1, role: role)
    }

    /// The right half of a wide grapheme whose left half has `role`.
    static func continuation(_ role: StyleRole) -> Cell {
        var cell = Cell(grapheme: "", width: 0, role: role)
        cell.isContinuation = true
        return cell
    }
}
