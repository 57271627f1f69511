import ArgumentParser
import Foundation
import Queue

/// Lets the options every command takes come before the command, as users of git or sqlite3 expect
/// (`desk --db X queue`, `desk --lang zh ticket issue …`): they are moved after it, where the parser
/// takes them. A first word that is no command gets "unknown command", with the nearest one suggested,
/// instead of the window screen's usage.
enum CommandLineOrder {
    /// The options of `GlobalOptions`, each with a value.
    static let globalOptions: Set<String> = ["--db", "--lang", "--staff"]

    static var commandNames: [String] {
        Desk.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    static func normalized(_ arguments: [String]) throws -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard globalOptions.contains(name) else { break }
            if argument.contains("=") {
                leading.append(argument); i += 1
            } else {
                guard i + 1 < arguments.count else { return arguments }  // let the parser say the value is missing
                leading += [argument, arguments[i + 1]]; i += 2
            }
        }
        let rest = Array(arguments[i...])
        guard let first = rest.first, !first.hasPrefix("-") else { return rest + leading }
        guard commandNames.contains(first) || first == "help" else {
            throw UnknownCommand(word: first, nearest: nearest(to: first))
        }
        // After the command's own words (options go after the last subcommand name).
        if let terminator = rest.firstIndex(of: "--") { return Array(rest[..<terminator]) + leading + Array(rest[terminator...]) }
        return rest + leading
    }

    static func nearest(to word: String) -> String? {
        let scored = commandNames.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (name, score) = scored, score <= max(1, word.count / 3) else { return nil }
        return name
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// `desk tickets`: exit 64 (usage), in the user's language.
struct UnknownCommand: UserFacingError {
    var word: String
    var nearest: String?
    var message: Bilingual {
        let shown = String(word.prefix(40))
        return Bilingual(
            en: "Unknown command '\(shown)'." + (nearest.map { " Did you mean 'desk \($0)'?" } ?? "") + " See 'desk --help'.",
            zh: "未知命令“\(shown)”。" + (nearest.map { "是否要用 desk \($0)？" } ?? "") + "见 desk --help。")
    }
}
