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

    /// A person's name: first and last character kept, the middle masked (张三丰 → 张*丰, 欧阳娜娜 → 欧**娜);
    /// a two-character name keeps only its first (张三 → 张*); a one-character name is fully masked.
    public static func name(_ value: String) -> String {
        let chars = Array(value.trimmingWhitespace())
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default: return keepEnds(String(chars), first: 1, last: 1)
        }
    }

    /// Keeps `first` and `last` characters and stars the rest, one star per character.
    /// Text too short to keep both ends with something hidden is starred completely.
    static func keepEnds(_ value: String, first: Int, last: Int) -> String {
        let chars = Array(value.trimmingWhitespace())
        guard chars.count > first + last else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(first)) + String(repeating: "*", count: chars.count - first - last)
            + String(chars.suffix(last))
    }
}
