import ArgumentParser
import Foundation
import HallModel
import Queue

struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line", abstract: "Open or close a service line for new tickets (supervisor).",
        subcommands: [LineOpen.self, LineClose.self])
}

/// Opening and closing differ only in the flag they set.
protocol LineStateCommand: ParsableCommand {
    var options: GlobalOptions { get }
    var prefix: String { get }
    static var opens: Bool { get }
}

extension LineStateCommand {
    func run() throws {
        let database = try options.openDatabase()
        try database.setLineOpen(prefix, Self.opens, by: try options.actor(database))
        let p = prefix.uppercased()
        Output.line((Self.opens ? Bilingual(en: "Line \(p) is open for tickets.", zh: "号段 \(p) 已开放取号。")
                                : Bilingual(en: "Line \(p) is closed for new tickets.", zh: "号段 \(p) 已停止取号。")).text(options.language))
    }
}

struct LineOpen: LineStateCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Issue tickets for the line again.")
    static let opens = true
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The line's prefix, e.g. A.") var prefix: String
}

struct LineClose: LineStateCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Stop issuing tickets for the line (those waiting stay).")
    static let opens = false
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The line's prefix, e.g. A.") var prefix: String
}
