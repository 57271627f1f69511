import Foundation
import Synchronization

/// The pinyin search keys of a name: full pinyin without tones or spaces (食品经营许可 → "shipinjingyingxuke")
/// and the initials of its syllables ("spjyxk"). A run of Latin letters or digits in the name counts as
/// one syllable ("ICP许可证" → "icpxukezheng", "ixkz"); punctuation is left out.
public struct PinyinKeys: Sendable, Hashable {
    public var full: String
    public var initials: String
}

/// Han → pinyin through ICU's Han-Latin transliteration (`applyingTransform(.toLatin)` then
/// `.stripDiacritics`, in Foundation on Linux and macOS).
///
/// ICU costs about 300 ms to load its rules on the first call of a process and then some 50 µs a
/// character, so names are not transliterated one by one: the distinct Han characters of all the names
/// not seen before go to ICU in one call, and each character's syllable is kept for the life of the
/// process. A catalog of 5,000 names (about 700 distinct characters) then costs one call; a new catalog
/// revision costs only its new characters. ICU's Han-Latin reads one character at a time, so nothing is
/// lost by splitting names into characters.
public enum Pinyin {
    private static let syllables = Mutex<[Character: String]>([:])

    /// The keys of each name, in order.
    public static func keys(for names: [String]) -> [PinyinKeys] {
        learn(Set(names.flatMap { $0.filter(isHan) }))
        let known = syllables.withLock { $0 }
        return names.map { keys(of: $0, known) }
    }

    public static func keys(of name: String) -> PinyinKeys { keys(for: [name])[0] }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.isIdeographic == true
    }

    private static func keys(of name: String, _ known: [Character: String]) -> PinyinKeys {
        var full = "", initials = ""
        var latinRun = false
        for character in name {
            if isHan(character) {
                latinRun = false
                guard let syllable = known[character], let first = syllable.first else { continue }
                full += syllable
                initials.append(first)
            } else if character.isASCII, character.isLetter || character.isNumber {
                let lower = Character(character.lowercased())
                if !latinRun { initials.append(lower) }
                full.append(lower)
                latinRun = true
            } else {
                latinRun = false
            }
        }
        return PinyinKeys(full: full, initials: initials)
    }

    /// Transliterates the characters not yet known, all in one ICU call.
    private static func learn(_ characters: Set<Character>) {
        let missing = syllables.withLock { known in characters.filter { known[$0] == nil } }.sorted()
        guard !missing.isEmpty else { return }
        let latin = missing.map(String.init).joined(separator: "\n")
            .applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)
        let parts = latin?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        var learned: [Character: String] = [:]
        for (character, part) in zip(missing, parts) where parts.count == missing.count {
            // Only a–z: ü has lost its diaeresis to stripDiacritics ("lü" → "lu"), as a keyboard types it.
            learned[character] = String(part.lowercased().filter { $0.isASCII && $0.isLetter })
        }
        for character in missing where learned[character] == nil { learned[character] = "" }
        syllables.withLock { $0.merge(learned) { old, _ in old } }
    }
}
