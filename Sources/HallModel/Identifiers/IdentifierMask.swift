/// Masking for shared screens (display board, kiosk, evaluation terminal): enough to let a person
/// recognise their own record, not enough to read someone else's.
/// Works on any text, valid or not, so stored values can always be shown masked.
public enum IdentifierMask {
    /// Resident ID number: first 4 and last 4 kept, `1101**********002X`.
    public static func residentID(_ value: String) -> String {
        keepEnds(value, first: 4, last: 4)
    }

    /// Unified social credit code: first 4 and last 4 kept, `9135**********0Y43`.
    public static func creditCode(_ value: String) -> String {
        keepEnds(value, first: 4, last: 4)
    }

    /// A phone number: first 3 and last 4 kept, `138****5678` (a shorter number is starred completely).
    public static func phone(_ value: String) -> String {
        keepEnds(value, first: 3, last: 4)
    }

    /// A person's name: first and last character kept, the middle masked (张三丰 → 张*丰, 欧阳娜娜 → 欧**娜);
    /// a two-character name keeps only its first (张三 → 张*); a one-character name is fully masked.
    public static func name(_ value: String) -> String {
        if value.isPlainText { return name(plainTrimmed(value), String.init(plain:)) }
        return name(ArraySlice(Array(value.trimmingWhitespace())), { String($0) })
    }

    private static func name<Unit>(_ units: ArraySlice<Unit>, _ text: (ArraySlice<Unit>) -> String) -> String {
        switch units.count {
        case 0: return ""
        case 1: return "*"
        case 2: return text(units.prefix(1)) + "*"
        default: return keepEnds(units, first: 1, last: 1, text)
        }
    }

    /// Keeps `first` and `last` characters and stars the rest, one star per character.
    /// Text too short to keep both ends with something hidden is starred completely.
    static func keepEnds(_ value: String, first: Int, last: Int) -> String {
        if value.isPlainText { return keepEnds(plainTrimmed(value), first: first, last: last, String.init(plain:)) }
        return keepEnds(ArraySlice(Array(value.trimmingWhitespace())), first: first, last: last, { String($0) })
    }

    /// The same over the text's characters, or over its scalars when each is a character (`isPlainText`: much
    /// cheaper than breaking graphemes, the same result).
    private static func keepEnds<Unit>(_ units: ArraySlice<Unit>, first: Int, last: Int, _ text: (ArraySlice<Unit>) -> String) -> String {
        guard units.count > first + last else { return String(repeating: "*", count: units.count) }
        return text(units.prefix(first)) + String(repeating: "*", count: units.count - first - last) + text(units.suffix(last))
    }

    /// A plain text's scalars without the whitespace at its ends: among plain scalars only the space and the
    /// ideographic space (U+3000) are whitespace, as `trimmingWhitespace` counts it.
    private static func plainTrimmed(_ value: String) -> ArraySlice<Unicode.Scalar> {
        let scalars = Array(value.unicodeScalars)
        let isSpace = { (u: Unicode.Scalar) in u.value == 0x20 || u.value == 0x3000 }
        let start = scalars.firstIndex { !isSpace($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return scalars[start..<end]
    }
}

private extension String {
    init(plain scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(3 * scalars.count)
        for u in scalars { bytes.appendUTF8(u) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
