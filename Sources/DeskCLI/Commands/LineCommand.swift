import ArgumentParser
import Foundation
import HallModel
import Queue

struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line", abstract: "Add or change a service line (admin); open or close one for new tickets (supervisor).",
        subcommands: [LineAdd.self, LineSet.self, LineOpen.self, LineClose.self])
}

struct LineAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a service line (admin): its ticket prefix, name and target wait.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The ticket prefix: one or two letters, e.g. F.") var prefix: String
    @Option(help: "The line's name, e.g. 公积金.") var name: String
    @Option(help: "Target wait in minutes (the service level is measured against it).") var targetWait: Int = 15
    @Option(help: "At most this many tickets a day.") var dailyCap: Int?
    @Option(help: "Typical minutes of service, for the wait estimate until there are real ones.") var serviceMinutes: Int = 8
    @Flag(help: "Waiting tickets stay in the queue overnight instead of closing at day end.") var keepsOvernight = false

    func validate() throws {
        guard (1...480).contains(targetWait) else { throw UsageError(en: "--target-wait must be from 1 to 480 minutes.", zh: "--target-wait 须为 1 到 480 分钟。") }
        guard (1...240).contains(serviceMinutes) else { throw UsageError(en: "--service-minutes must be from 1 to 240.", zh: "--service-minutes 须为 1 到 240。") }
        if let dailyCap, !(1...99_999).contains(dailyCap) { throw UsageError(en: "--daily-cap must be from 1 to 99999.", zh: "--daily-cap 须为 1 到 99999。") }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 40, !PrintableText.containsControls(trimmed) else {
            throw UsageError(en: "--name must be 1 to 40 printable characters.", zh: "--name 须为 1 到 40 个可打印字符。")
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        let line = try database.addLine(prefix: prefix, name: name.trimmingCharacters(in: .whitespaces), targetWaitMinutes: targetWait,
                                        dailyCap: dailyCap, keepsOvernight: keepsOvernight, defaultServiceMinutes: serviceMinutes,
                                        by: try options.actor(database))
        Output.line(Bilingual(en: "Line \(line.prefix) \(line.name) added.", zh: "已添加号段 \(line.prefix) \(line.name)。").text(options.language))
    }
}

extension UnservedIssuePolicy: ExpressibleByArgument {}

struct LineSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a line (admin): what it does while no window serves it, whether tickets stay overnight.",
        discussion: "Example: desk line set E --when-unserved refuse")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The line's prefix, e.g. A.") var prefix: String
    @Option(help: "While no window serves the line (paused, closed, out of hours, day closed): issueWithWarning or refuse.")
    var whenUnserved: UnservedIssuePolicy?
    @Option(help: "true: waiting tickets stay in the queue overnight; false: they close as unserved at day end.")
    var keepsOvernight: Bool?

    func validate() throws {
        guard whenUnserved != nil || keepsOvernight != nil else { throw UsageError(en: "Give --when-unserved or --keeps-overnight.", zh: "请给出 --when-unserved 或 --keeps-overnight。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let line = try database.changeLine(prefix, whenUnserved: whenUnserved, keepsOvernight: keepsOvernight, by: try options.actor(database))
        Output.line(Bilingual(
            en: "Line \(line.prefix): when unserved \(line.whenUnserved.rawValue), keeps tickets overnight \(line.keepsOvernight ? "yes" : "no").",
            zh: "号段 \(line.prefix)：无人办理时\(line.whenUnserved == .refuse ? "停止取号" : "照常取号并提示")，隔夜保留\(line.keepsOvernight ? "是" : "否")。"
        ).text(options.language))
    }
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
    @Argument(help: "The line's prefix, e.g. A.", completion: HallCompletions.linePrefixes) var prefix: String
}

struct LineClose: LineStateCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Stop issuing tickets for the line (those waiting stay).")
    static let opens = false
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The line's prefix, e.g. A.", completion: HallCompletions.linePrefixes) var prefix: String
}
