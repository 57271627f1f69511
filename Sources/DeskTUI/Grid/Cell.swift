import Synchronization

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
///
/// A plain value with no references (16 bytes): a frame is 12,000 of these at 200×60, built, diffed
/// and thrown away many times a second, so the grapheme is kept as its UTF-8 bytes inline rather than
/// as a `String` (which made every copy, comparison and release of a cell a runtime call).
public struct Cell: Sendable, Hashable {
    /// The grapheme's UTF-8 bytes, first byte lowest, when they fit in 8 (ASCII, Chinese, accented
    /// letters…); else the grapheme's number in `LongGraphemes`.
    private var bytes: UInt64
    /// How many of `bytes` are used (0: the empty grapheme of a continuation cell); `long` when
    /// `bytes` is a `LongGraphemes` number.
    private var count: UInt8
    private var columns: UInt8
    /// True for the second column of a two-column grapheme: nothing is drawn there.
    public var isContinuation: Bool
    public var role: StyleRole
    /// Set for frame lines: the backend draws a line-drawing character here.
    public var line: LineGlyph?

    private static let long: UInt8 = .max

    /// One grapheme (" " when blank); empty in the continuation cell of a wide grapheme.
    public var grapheme: String {
        get {
            if count == Self.long { return LongGraphemes.string(bytes) }
            return withUnsafeBytes(of: bytes.littleEndian) { String(decoding: $0.prefix(Int(count)), as: UTF8.self) }
        }
        set { (bytes, count) = Self.pack(newValue.utf8) }
    }

    /// Columns the grapheme takes: 1 or 2; 0 in a continuation cell.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    public init(grapheme: String, width: Int, role: StyleRole, line: LineGlyph? = nil) {
        (bytes, count) = Self.pack(grapheme.utf8)
        columns = UInt8(clamping: width)
        isContinuation = false
        self.role = role
        self.line = line
    }

    init(character: Character, width: Int, role: StyleRole) {
        self.init(grapheme: "", width: width, role: role)
        (bytes, count) = Self.pack(character.utf8)
    }

    /// A printable ASCII character (0x20–0x7E): the common case, with nothing to measure or pack.
    init(ascii byte: UInt8, role: StyleRole) {
        bytes = UInt64(byte)
        count = 1
        columns = 1
        isContinuation = false
        self.role = role
        line = nil
    }

    private static func pack<C: Collection>(_ utf8: C) -> (UInt64, UInt8) where C.Element == UInt8 {
        guard utf8.count <= 8 else { return (LongGraphemes.number(String(decoding: utf8, as: UTF8.self)), long) }
        var packed: UInt64 = 0
        for (i, byte) in utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(i)) }
        return (packed, UInt8(utf8.count))
    }

    /// A space in `role`.
    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(ascii: 0x20, role: role)
    }

    /// The right half of a wide grapheme whose left half has `role`.
    static func continuation(_ role: StyleRole) -> Cell {
        var cell = Cell(grapheme: "", width: 0, role: role)
        cell.isContinuation = true
        return cell
    }
}

/// Graphemes longer than 8 UTF-8 bytes (emoji sequences, stacked combining marks), numbered once per
/// process so a `Cell` stays a plain value and equal graphemes get equal numbers. Rare in a hall's data,
/// so the table stays small.
enum LongGraphemes {
    private static let table = Mutex<(numbers: [String: UInt64], strings: [String])>(([:], []))

    static func number(_ grapheme: String) -> UInt64 {
        table.withLock { table in
            if let n = table.numbers[grapheme] { return n }
            let n = UInt64(table.strings.count)
            table.strings.append(grapheme)
            table.numbers[grapheme] = n
            return n
        }
    }

    static func string(_ number: UInt64) -> String {
        table.withLock { $0.strings[Int(number)] }
    }
}
