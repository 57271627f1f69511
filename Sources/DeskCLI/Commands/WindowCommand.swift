import ArgumentParser
import Foundation
import HallModel
import Queue

struct WindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window", abstract: "The window clerk's screen, and window sign-in, pause and resume.",
        subcommands: [WindowScreenCommand.self, OpenWindow.self, CloseWindow.self, PauseWindow.self, ResumeWindow.self],
        defaultSubcommand: WindowScreenCommand.self)
}

/// Prints a window's state after a change.
func printWindow(_ window: ServiceWindow, _ options: GlobalOptions, json: Bool) throws {
    if json {
        struct Out: Encodable { var window: Int; var name: String; var state: String; var staff: String?; var pauseReason: String? }
        try Output.json(Out(window: window.id, name: window.name, state: window.state.rawValue, staff: window.staffID, pauseReason: window.pauseReason))
    } else {
        let reason = window.pauseReason.map { "（\($0)）" } ?? ""
        Output.line(Bilingual(en: "Window \(window.id) \(window.name): \(window.state.label.en)\(reason)",
                              zh: "\(window.id) 号窗口 \(window.name)：\(window.state.label.zh)\(reason)").text(options.language))
    }
}

struct OpenWindow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Sign in at a window and open it.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int
    @Option(help: "Staff ID signing in (default: keep the one signed in).") var staff: String?
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws { try printWindow(try options.openDatabase().openWindow(window, staff: staff), options, json: json) }
}

struct CloseWindow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Sign out and close a window.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws { try printWindow(try options.openDatabase().closeWindow(window), options, json: json) }
}

struct PauseWindow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause calling at a window, with a reason.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int
    @Option(help: "Why (break, meeting, system fault…).") var reason: String
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws { try printWindow(try options.openDatabase().pauseWindow(window, reason: reason), options, json: json) }
}

struct ResumeWindow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume calling at a paused window.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws { try printWindow(try options.openDatabase().resumeWindow(window), options, json: json) }
}

/// The clerk's screen (issue 3 builds it). Until then, a clear message instead of a blank.
struct WindowScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screen", abstract: "The window clerk's screen.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int = 1
    @Option(help: "Staff ID signing in.") var staff: String?
    @Option(help: "Colour theme (themes/NAME.theme).") var theme: String?

    func run() throws {
        let database = try options.openDatabase()
        _ = try database.window(window)
        Output.error(Bilingual(en: "The window screen is not built yet; use 'desk ticket …' and 'desk queue'.",
                               zh: "窗口界面尚未完成，请使用 desk ticket … 与 desk queue。").text(options.language))
        throw ExitCode(DeskExit.refused)
    }
}
