import ArgumentParser
import Foundation
import HallModel
import Queue

/// Shell completions that know the hall: `--line` offers its line prefixes, `--window` its window numbers
/// (read from the hall named by `--db` on the command line being completed, else `DESK_DB` or the default
/// hall; nothing when there is none). `--lang` offers its two values (`GlobalOptions`).
enum HallCompletions {
    static let languages = CompletionKind.list(Language.allCases.map(\.rawValue))
    static let linePrefixes = CompletionKind.custom { words, _, _ in lines(words).map(\.prefix) }
    static let windowNumbers = CompletionKind.custom { words, _, _ in windows(words).map { String($0.id) } }

    static func lines(_ words: [String]) -> [ServiceLine] { (try? hall(words)?.lines()) ?? [] }
    static func windows(_ words: [String]) -> [ServiceWindow] { (try? hall(words)?.windows()) ?? [] }

    /// The hall of the command line being completed; an existing file only (completion never creates one).
    static func hall(_ words: [String]) throws -> HallDatabase? {
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { option = words[i + 1] }
            if word.hasPrefix("--db=") { option = String(word.dropFirst("--db=".count)) }
        }
        let (path, _) = DatabaseLocation.resolve(option: option)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try HallDatabase.open(path: path, create: false)
    }
}
