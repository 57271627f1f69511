import ArgumentParser
import DeskTUI
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

/// A command that changes a window's state and prints it: `act` is the one engine call (one transaction).
protocol WindowStateCommand: ParsableCommand {
    var target: WindowTarget { get }
    func act(_ database: HallDatabase) throws -> ServiceWindow
}

extension WindowStateCommand {
    func run() throws {
        try printWindow(try act(try target.options.openDatabase()), target.options, json: target.json)
    }
}

struct OpenWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Sign in at a window and open it.")
    @OptionGroup var target: WindowTarget
    @Option(help: "Staff ID signing in (default: keep the one signed in).") var staff: String?
    func act(_ database: HallDatabase) throws -> ServiceWindow { try database.openWindow(target.window, staff: staff) }
}

struct CloseWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Sign out and close a window.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase) throws -> ServiceWindow { try database.closeWindow(target.window) }
}

struct PauseWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause calling at a window, with a reason.")
    @OptionGroup var target: WindowTarget
    @Option(help: "Why (break, meeting, system fault…).") var reason: String
    func act(_ database: HallDatabase) throws -> ServiceWindow { try database.pauseWindow(target.window, reason: reason) }
}

struct ResumeWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume calling at a paused window.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase) throws -> ServiceWindow { try database.resumeWindow(target.window) }
}

/// The clerk's screen (`desk window`, and plain `desk`). Sign-in at start: `--staff ID` signs that clerk
/// in; without it a closed window that still names its clerk is opened for them, and one that names
/// nobody stays closed and the screen tells the clerk to press `o` and type a staff ID.
/// Errors (database, theme, terminal) are thrown to `Desk.runMain`, which prints them.
struct WindowScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screen", abstract: "The window clerk's screen.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.") var window: Int = 1
    @Option(help: "Staff ID signing in.") var staff: String?
    @OptionGroup var themeOption: ThemeOption
    /// For the bench and scripts: load, draw one frame into a grid, print it, exit. No terminal needed.
    @Flag(help: .hidden) var firstFrameOnly = false
    @Option(help: .hidden) var frameSize = "200x60"

    func run() throws {
        let language = options.language
        let database = try options.openDatabase()
        _ = try database.window(window)
        let chosenTheme = try themeOption.load(for: database)
        var model = WindowScreenModel(database: database, windowID: window)
        let clock: @Sendable () -> Date = { database.clock.now }

        if firstFrameOnly {
            try model.signInAtStart(staff: staff)
            let parts = frameSize.split(separator: "x").compactMap { Int($0) }
            let size = parts.count == 2 ? Size(width: parts[0], height: parts[1]) : Size(width: 200, height: 60)
            let frame = WindowScreen(view: try model.load()).frame(context: RenderContext(language: language, now: clock(), size: size))
            Output.line(frame.lines().joined(separator: "\n"))
            return
        }
        try CursesTerminal.run(theme: chosenTheme) { terminal in
            // Signing in only once the terminal works, so a failed start writes nothing.
            try model.signInAtStart(staff: staff)
            let screen = WindowScreen(view: try model.load())
            var loop = RunLoop(screen: screen, terminal: terminal, language: language, pollInterval: .milliseconds(250), clock: clock)
            // The catalog (`i`/F11) is loaded by the model at its first open, not here: start-up stays fast.
            try loop.run(
                poll: { screen in try model.poll(&screen, size: terminal.size) },
                perform: { effect, screen in try model.apply(effect, to: &screen, size: terminal.size) })
        }
    }
}
