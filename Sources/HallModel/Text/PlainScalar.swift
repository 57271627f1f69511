extension Unicode.Scalar {
    /// A scalar that is a grapheme of its own beside any other plain scalar: printable ASCII, Latin-1 signs and
    /// letters, general punctuation, CJK symbols and punctuation, CJK ideographs and full-width forms. None of them
    /// extends, joins or prepends (no combining mark, ZWJ, variation selector, Hangul jamo, regional indicator, CR),
    /// so in a text of only these, scalars and graphemes (Swift's `Character`s) are the same units: the document
    /// layout and the name mask walk such a text by scalar, much cheaper than breaking graphemes, with the same
    /// result. Any other scalar sends the text the grapheme way.
    @inline(__always) var isPlain: Bool {
        switch value {
        case 0x20...0x7E, 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60, 0xFFE0...0xFFE6: true
        default: false
        }
    }
}

extension StringProtocol {
    /// Every scalar plain (`Unicode.Scalar.isPlain`): each `Character` is one scalar.
    var isPlainText: Bool { unicodeScalars.allSatisfy(\.isPlain) }
}

extension Array where Element == UInt8 {
    /// Appends the scalar's UTF-8 bytes, written out (the generic `append(contentsOf: scalar.utf8)` and
    /// `String.UnicodeScalarView.append` were most of a masked name's cost in a list of hundreds).
    @inline(__always) mutating func appendUTF8(_ u: Unicode.Scalar) {
        let v = u.value
        switch v {
        case ..<0x80: append(UInt8(v))
        case ..<0x800: append(0xC0 | UInt8(v >> 6)); append(0x80 | UInt8(v & 0x3F))
        case ..<0x10000:
            append(0xE0 | UInt8(v >> 12)); append(0x80 | UInt8((v >> 6) & 0x3F)); append(0x80 | UInt8(v & 0x3F))
        default:
            append(0xF0 | UInt8(v >> 18)); append(0x80 | UInt8((v >> 12) & 0x3F))
            append(0x80 | UInt8((v >> 6) & 0x3F)); append(0x80 | UInt8(v & 0x3F))
        }
    }
}
