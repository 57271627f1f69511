import Queue

/// A resident identity card number (公民身份号码), GB 11643-1999: 6-digit area code, 8-digit birth date,
/// 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
/// Only valid numbers can be built; `value` is always the normalised 18-character form.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The normalised number: 18 characters, a trailing `x` upper-cased.
    public let value: String
    public let birthDate: CivilDate

    public enum Sex: String, Sendable, Hashable, Codable {
        case male, female

        public var label: Bilingual {
            switch self {
            case .male: Bilingual(en: "male", zh: "男")
            case .female: Bilingual(en: "female", zh: "女")
            }
        }
    }

    /// Validates an 18-character number, or upgrades a 15-digit first-generation number
    /// (YYMMDD birth date in the 1900s, no check character) to 18.
    /// `today` bounds the birth date; it is a parameter so validation never reads a clock.
    /// Surrounding whitespace is ignored.
    public init(_ raw: String, today: CivilDate) throws(ResidentIDError) {
        let chars = Array(raw.trimmingWhitespace())
        switch chars.count {
        case 18: value = try Self.validate18(chars, today: today)
        case 15: value = try Self.upgrade15(chars, today: today)
        default: throw .length(chars.count)
        }
        // validate18 has checked the date, so this cannot fail.
        birthDate = Self.birthDate(inNormalised: value)!
    }

    /// Digit 17 (the last of the sequence code): odd for men, even for women.
    public var sex: Sex {
        let digit = value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: 16)] - UInt8(ascii: "0")
        return digit % 2 == 1 ? .male : .female
    }

    /// The 6-digit administrative division code where the number was first issued.
    public var areaCode: String { String(value.prefix(6)) }

    /// For shared screens: `1101**********002X`.
    public var masked: String { IdentifierMask.residentID(value) }

    public var description: String { value }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    /// ISO 7064 MOD 11-2 over the first 17 digits.
    public static func checkCharacter(forDigits digits: [Int]) -> Character {
        precondition(digits.count == 17, "the check character is computed over 17 digits")
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    private static func validate18(_ chars: [Character], today: CivilDate) throws(ResidentIDError) -> String {
        var digits: [Int] = []
        for (index, char) in chars.prefix(17).enumerated() {
            guard let digit = char.asciiDigit else { throw .character(position: index + 1, found: char) }
            digits.append(digit)
        }
        let found: Character = chars[17] == "x" ? "X" : chars[17]
        guard found.asciiDigit != nil || found == "X" else { throw .character(position: 18, found: chars[17]) }
        try checkArea(digits)
        try checkBirthDate(year: number(digits[6..<10]), month: number(digits[10..<12]),
                           day: number(digits[12..<14]), today: today)
        let expected = checkCharacter(forDigits: digits)
        guard expected == found else { throw .checkCharacter(expected: expected, found: found) }
        return String(chars.prefix(17)) + String(found)
    }

    private static func upgrade15(_ chars: [Character], today: CivilDate) throws(ResidentIDError) -> String {
        var digits: [Int] = []
        for (index, char) in chars.enumerated() {
            guard let digit = char.asciiDigit else { throw .character(position: index + 1, found: char) }
            digits.append(digit)
        }
        try checkArea(digits)
        // First-generation cards were issued from 1984 to people born in the 1900s: YY means 19YY.
        try checkBirthDate(year: 1900 + number(digits[6..<8]), month: number(digits[8..<10]),
                           day: number(digits[10..<12]), today: today)
        let upgraded = Array(digits[0..<6]) + [1, 9] + Array(digits[6..<15])
        return upgraded.map(String.init).joined() + String(checkCharacter(forDigits: upgraded))
    }

    private static func checkArea(_ digits: [Int]) throws(ResidentIDError) {
        // Kept minimal on purpose: division codes change every year, a stale table would reject real people.
        if digits.prefix(6).allSatisfy({ $0 == 0 }) { throw .areaCode }
    }

    private static func checkBirthDate(year: Int, month: Int, day: Int, today: CivilDate) throws(ResidentIDError) {
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw .birthDate(year: year, month: month, day: day)
        }
        guard date <= today else { throw .birthDateInFuture(date, today: today) }
    }

    private static func birthDate(inNormalised value: String) -> CivilDate? {
        let digits = value.prefix(14).compactMap(\.asciiDigit)
        return CivilDate(year: number(digits[6..<10]), month: number(digits[10..<12]), day: number(digits[12..<14]))
    }

    private static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }
}

/// Which rule a resident ID number breaks, so a clerk can tell a typo from a wrong document.
public enum ResidentIDError: UserFacingError, Equatable {
    /// Neither 18 nor 15 characters.
    case length(Int)
    /// 1-based position of the first character that is not allowed there
    /// (digits only, except an X in position 18).
    case character(position: Int, found: Character)
    /// Area code 000000.
    case areaCode
    /// The embedded birth date is not a real date.
    case birthDate(year: Int, month: Int, day: Int)
    case birthDateInFuture(CivilDate, today: CivilDate)
    case checkCharacter(expected: Character, found: Character)

    public var message: Bilingual {
        switch self {
        case .length(let count):
            Bilingual(en: "a resident ID number has 18 characters (or 15 for an old card), this one has \(count)",
                      zh: "身份证号码应为 18 位（旧证 15 位），输入的是 \(count) 位")
        case .character(let position, let found):
            position == 18
                ? Bilingual(en: "character 18 (\"\(found)\") must be a digit or X",
                            zh: "第 18 位（“\(found)”）应为数字或 X")
                : Bilingual(en: "character \(position) (\"\(found)\") must be a digit",
                            zh: "第 \(position) 位（“\(found)”）应为数字")
        case .areaCode:
            Bilingual(en: "the area code (first 6 digits) cannot be 000000",
                      zh: "地址码（前 6 位）不能为 000000")
        case .birthDate(let year, let month, let day):
            Bilingual(en: "the birth date \(year)-\(month)-\(day) in the number is not a real date",
                      zh: "号码中的出生日期 \(year) 年 \(month) 月 \(day) 日不存在")
        case .birthDateInFuture(let date, let today):
            Bilingual(en: "the birth date \(date) in the number is after today (\(today))",
                      zh: "号码中的出生日期 \(date) 晚于今天（\(today)）")
        case .checkCharacter(let expected, let found):
            Bilingual(en: "the check character is \"\(found)\" but the first 17 digits require \"\(expected)\"",
                      zh: "校验码为“\(found)”，按前 17 位应为“\(expected)”")
        }
    }
}
