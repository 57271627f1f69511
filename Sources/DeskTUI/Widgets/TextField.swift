import Foundation

/// A one-line text entry: a cursor that moves by grapheme (a Chinese character is one step and two
/// columns), insert at the cursor, Backspace/Delete, Left/Right/Home/End, a maximum length, horizontal
/// scrolling when the text is wider than the field, and masking for passwords.
///
///     var code = TextField(maxLength: 8, allowed: .code)
///     code.handle(.char("a"))     // .edited; code.text == "A"
///     code.handle(.enter)         // .submitted("A")
public struct TextField: Sendable, Equatable {
    /// Which characters the field takes. Stored as a kind, not a closure, so fields compare.
    public enum Allowed: Sendable, Equatable {
        /// Anything printable (names, reasons, notes, passwords).
        case any
        /// ASCII letters and digits, upper-cased: ticket codes.
        case code
        /// ASCII letters, digits, "-" and "_", upper-cased: staff numbers.
        case identifier
    }

    public enum Outcome: Sendable, Equatable {
        case edited
        /// Enter with text that is not blank (trimmed).
        case submitted(String)
        case cancelled
        /// A key the field does not use (Tab, Up, Down, F-keys…) or one it refused: the caller decides.
        case ignored
    }

    public private(set) var text: String
    /// Grapheme index: 0 before the first, `text.count` after the last.
    public private(set) var cursor: Int
    /// In graphemes.
    public var maxLength: Int
    public var allowed: Allowed
    /// Drawn as one `*` per grapheme.
    public var masked: Bool

    public init(_ text: String = "", maxLength: Int = 64, allowed: Allowed = .any, masked: Bool = false) {
        self.maxLength = maxLength
        self.allowed = allowed
        self.masked = masked
        self.text = ""
        self.cursor = 0
        for character in text { _ = insert(character) }
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text; the cursor goes to the end.
    public mutating func set(_ newText: String) {
        text = ""
        cursor = 0
        for character in newText { _ = insert(character) }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c): return insert(c) ? .edited : .ignored
        case .backspace:
            guard cursor > 0 else { return .ignored }
            remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return .ignored }
            remove(at: cursor)
        case .left: guard cursor > 0 else { return .ignored }; cursor -= 1
        case .right: guard cursor < text.count else { return .ignored }; cursor += 1
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): text = ""; cursor = 0
        case .enter:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? .ignored : .submitted(trimmed)
        case .escape: return .cancelled
        default: return .ignored
        }
        return .edited
    }

    private mutating func insert(_ c: Character) -> Bool {
        guard !DisplayWidth.isControl(c), text.count < maxLength else { return false }
        let accepted: Character
        switch allowed {
        case .any: accepted = c
        case .code:
            guard c.isASCII, c.isLetter || c.isNumber else { return false }
            accepted = Character(c.uppercased())
        case .identifier:
            guard c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" else { return false }
            accepted = Character(c.uppercased())
        }
        text.insert(accepted, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
        return true
    }

    private mutating func remove(at position: Int) {
        text.remove(at: text.index(text.startIndex, offsetBy: position))
    }

    /// What is drawn: the text, or one `*` per grapheme.
    public var shown: String { masked ? String(repeating: "*", count: text.count) : text }

    /// Draws the field in `rect`'s first row: the part of the text around the cursor that fits, and the
    /// cursor (a `_` after the text, or the grapheme under it in `.selected`) when `focused`.
    public func render(into grid: inout CellGrid, rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(row, role: .input)
        let graphemes = Array(shown)
        // Scroll so that the cursor (and, at the end, the `_` after the text) is inside the field.
        // One pass over the widths (a pasted reason of hundreds of characters must not cost a sum per step per frame).
        var first = 0
        let widths = graphemes.map { DisplayWidth.of($0) }
        let cursorWidth = cursor < graphemes.count ? widths[cursor] : 1
        var before = widths[..<min(cursor, widths.count)].reduce(0, +)
        while first < cursor, before + cursorWidth > row.width { before -= widths[first]; first += 1 }
        var x = row.x
        for index in first..<graphemes.count {
            let role: StyleRole = focused ? (index == cursor ? .selected : .focused) : .input
            let next = grid.put(String(graphemes[index]), x: x, y: row.y, role: role, limit: row.maxX)
            if next == x { break }
            x = next
        }
        if focused, cursor == graphemes.count { grid.put("_", x: x, y: row.y, role: .focused, limit: row.maxX) }
    }
}
