import HallModel
import Queue

/// What the board says for one call: the sentence handed to espeak-ng and the language (voice) to say it in.
/// Pure: `SpokenCall(announcement, language)` is the whole rule, tested without a speaker.
///
/// A ticket code is read one character at a time, as halls call it ("A 零 一 二", never "A 十二"): in Chinese
/// each digit becomes its numeral (espeak-ng reads "012" as 零十二); in English each letter is followed by a
/// comma, because espeak-ng reads a lone "A" before a digit as the article "a" (/ə/) and with the comma as
/// the letter (/eɪ/). The window number is a number ("12 号窗口": 十二号窗口; "window 12": twelve).
public struct SpokenCall: Sendable, Equatable {
    public var text: String
    public var language: Language
    /// The board's announcement this was made from (the log names it).
    public var code: String
    public var window: Int

    public init(code: String, window: Int, language: Language) {
        self.code = code; self.window = window; self.language = language
        self.text = UIText.voiceCall(zh: Self.spell(code, .zh), en: Self.spell(code, .en), window: window).text(language)
    }

    public init(_ announcement: BoardView.Announcement, language: Language) {
        self.init(code: announcement.code, window: announcement.window, language: language)
    }

    static let chineseDigits: [Character: String] = [
        "0": "零", "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八", "9": "九",
    ]

    /// "A012" → "A 零 一 二" (zh) or "A, 0 1 2" (en): one token a character, letters upper case (espeak-ng's letter
    /// names; in Chinese a lower-case letter would be read as pinyin). Anything that is neither letter nor digit
    /// (no code has one) is left out rather than read as punctuation.
    public static func spell(_ code: String, _ language: Language) -> String {
        var tokens: [String] = []
        for character in code.uppercased() where character.isASCII && (character.isLetter || character.isNumber) {
            switch language {
            case .zh: tokens.append(chineseDigits[character] ?? String(character))
            case .en: tokens.append(character.isLetter ? "\(character)," : String(character))
            }
        }
        return tokens.joined(separator: " ")
    }
}
