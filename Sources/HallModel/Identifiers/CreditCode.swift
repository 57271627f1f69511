import Queue

/// A unified social credit code (统一社会信用代码), GB 32100-2015: registration authority, organisation type,
/// 6-digit area code, 9-character organisation code, and a MOD 31 check character.
/// Only valid codes can be built; `value` is always the normalised upper-case form.
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Validates a code; lower case is accepted and normalised, surrounding whitespace ignored.
    public init(_ raw: String) throws(CreditCodeError) {
        let chars = Array(raw.trimmingWhitespace())
        guard chars.count == 18 else { throw .length(chars.count) }
        var values: [Int] = []
        var normalised = ""
        for (index, char) in chars.enumerated() {
            // ASCII only: uppercasing other characters can yield several (ß → SS).
            let upper = char.isASCII ? Character(char.uppercased()) : char
            guard let value = Self.alphabetValue[upper] else { throw .character(position: index + 1, found: char) }
            values.append(value)
            normalised.append(upper)
        }
        let expected = Self.checkCharacter(forValues: Array(values.prefix(17)))
        let found = normalised.last!
        guard expected == found else { throw .checkCharacter(expected: expected, found: found) }
        value = normalised
    }

    /// Characters 3–8: the administrative division of the registering authority.
    public var areaCode: String { String(value.dropFirst(2).prefix(6)) }

    /// For shared screens: `9135**********0Y43`, first 4 and last 4 kept.
    public var masked: String { IdentifierMask.creditCode(value) }

    public var description: String { value }

    /// The 31 code characters: digits and upper-case letters without I, O, Z, S, V
    /// (too easily confused with 1, 0, 2, 5, U). A character's value is its index.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let alphabetValue: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the values of the first 17 characters: 31 − (Σ mod 31), where 31 becomes 0.
    public static func checkCharacter(forValues values: [Int]) -> Character {
        precondition(values.count == 17, "the check character is computed over 17 characters")
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }
}

/// Which rule a unified social credit code breaks.
public enum CreditCodeError: UserFacingError, Equatable {
    case length(Int)
    /// 1-based position of the first character outside the 31-character alphabet.
    case character(position: Int, found: Character)
    case checkCharacter(expected: Character, found: Character)

    public var message: Bilingual {
        switch self {
        case .length(let count):
            Bilingual(en: "a unified social credit code has 18 characters, this one has \(count)",
                      zh: "统一社会信用代码应为 18 位，输入的是 \(count) 位")
        case .character(let position, let found):
            Bilingual(en: "character \(position) (\"\(found)\") is not allowed: only digits and letters other than I, O, Z, S, V",
                      zh: "第 \(position) 位（“\(found)”）不合法：只能是数字或除 I、O、Z、S、V 以外的字母")
        case .checkCharacter(let expected, let found):
            Bilingual(en: "the check character is \"\(found)\" but the first 17 characters require \"\(expected)\"",
                      zh: "校验码为“\(found)”，按前 17 位应为“\(expected)”")
        }
    }
}
