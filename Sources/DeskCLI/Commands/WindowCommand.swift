import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

struct WindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window", abstract: "The window clerk's screen, and window sign-in, pause and resume.",
        subcommands: [WindowScreenCommand.self, OpenWindow.self, CloseWindow.self, PauseWindow.self, ResumeWindow.self, AddWindow.self,
                      SetWindow.self],
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

/// A command that changes a window's state and prints it: `act` is the one engine call (one transaction),
/// made as the acting person.
protocol WindowStateCommand: ParsableCommand {
    var target: WindowTarget { get }
    func act(_ database: HallDatabase, _ actor: Actor) throws -> ServiceWindow
}

extension WindowStateCommand {
    func run() throws {
        let database = try target.options.openDatabase()
        let actor = try target.options.actor(database)
        try printWindow(try act(database, actor), target.options, json: target.json)
    }
}

struct OpenWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Sign in at a window (as yourself, or --staff ID with that person's password) and open it.")
    @OptionGroup var target: WindowTarget
    @Flag(help: "If you are signed in at another window, sign out there first.") var move = false
    func act(_ database: HallDatabase, _ actor: Actor) throws -> ServiceWindow { try database.openWindow(target.window, by: actor, move: move) }
}

struct CloseWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Sign out and close a window (your own; a supervisor may sign anyone out).",
        discussion: "Refused while a ticket is called or served there. Example: desk window close --window 3 --reason 调岗到咨询台")
    @OptionGroup var target: WindowTarget
    @Option(help: "Why (recorded with the event; a supervisor signing a clerk out).") var reason: String?
    func act(_ database: HallDatabase, _ actor: Actor) throws -> ServiceWindow {
        try database.closeWindow(target.window, reason: reason, by: actor)
    }
}

struct PauseWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause calling at a window, with a reason.")
    @OptionGroup var target: WindowTarget
    @Option(help: "Why (break, meeting, system fault…).") var reason: String
    func act(_ database: HallDatabase, _ actor: Actor) throws -> ServiceWindow { try database.pauseWindow(target.window, reason: reason, by: actor) }
}

struct ResumeWindow: WindowStateCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume calling at a paused window.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: Actor) throws -> ServiceWindow { try database.resumeWindow(target.window, by: actor) }
}

extension WindowFilter: ExpressibleByArgument {}

struct AddWindow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a window (admin): the lines it calls, in order of preference, with weights.",
        discussion: "Example: desk window add 9 --name 公积金窗口 --lines F:1,A:0.5 --filter all")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Window number.") var number: Int
    @Option(help: "The window's name.") var name: String
    @Option(help: "Lines as PREFIX:WEIGHT, comma-separated, most preferred first (weight defaults to 1).") var lines: String
    @Option(help: "all, priority (优先窗口: priority classes and the green channel only) or appointments.") var filter: WindowFilter = .all

    func parsedLines() throws -> [(prefix: String, weight: Double)] { try WindowLines.parse(lines) }

    func validate() throws {
        guard (1...999).contains(number) else { throw UsageError(en: "The window number must be from 1 to 999.", zh: "窗口号须为 1 到 999。") }
        _ = try parsedLines()
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 40, !PrintableText.containsControls(trimmed) else {
            throw UsageError(en: "--name must be 1 to 40 printable characters.", zh: "--name 须为 1 到 40 个可打印字符。")
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        let window = try database.addWindow(id: number, name: name.trimmingCharacters(in: .whitespaces), lines: try parsedLines(),
                                            filter: filter, by: try options.actor(database))
        try printWindow(window, options, json: false)
    }
}

/// `--lines A:1,B:0.5` of `desk window add` and `desk window set` (`WindowProfileText`, which the supervisor's screen
/// reads too): a malformed list is a usage error (exit 64).
enum WindowLines {
    static func parse(_ text: String) throws -> [(prefix: String, weight: Double)] {
        do { return try WindowProfileText.parse(text) } catch {
            throw UsageError(en: "--lines: " + error.message.en, zh: "--lines：" + error.message.zh)
        }
    }

    /// "A:1, B:0.5" of a window's profile.
    static func text(_ profile: [ProfileEntry], _ names: LineNames) -> String { WindowProfileText.text(profile, prefix: names.prefix) }
}

/// `desk window set 3 --lines A:1,B:0.5 [--filter priority]`: a supervisor's (or an admin's) change of a window's profile.
struct SetWindow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change the lines a window calls (with weights) and its filter (supervisor, admin); from its next call on.",
        discussion: "Example: desk window set 3 --lines A:1,B:0.5 --filter priority")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Window number.", completion: HallCompletions.windowNumbers) var number: Int
    @Option(help: "Lines as PREFIX:WEIGHT, comma-separated, most preferred first (weight defaults to 1).") var lines: String?
    @Option(help: "all, priority (优先窗口: priority classes and the green channel only) or appointments.") var filter: WindowFilter?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard lines != nil || filter != nil else {
            throw UsageError(en: "Give --lines, --filter or both.", zh: "请给出 --lines、--filter 或两者。")
        }
        if let lines { _ = try WindowLines.parse(lines) }
    }

    func run() throws {
        let database = try options.openDatabase()
        let window = try database.setWindowProfile(window: number, lines: try lines.map(WindowLines.parse), filter: filter,
                                                   by: try options.actor(database))
        let names = try LineNames(database)
        if json {
            struct Line: Encodable { var line: String; var weight: Double }
            struct Out: Encodable { var window: Int; var name: String; var lines: [Line]; var filter: String }
            try Output.json(Out(window: window.id, name: window.name, lines: window.profile.map { Line(line: names.prefix($0.lineID), weight: $0.weight) },
                                filter: window.filter.rawValue))
        } else {
            let profile = WindowLines.text(window.profile, names)
            Output.line(Bilingual(en: "Window \(window.id) \(window.name) calls \(profile); filter \(window.filter.rawValue)",
                                  zh: "\(window.id) 号窗口 \(window.name) 叫号：\(profile)；范围 \(window.filter.rawValue)").text(options.language))
        }
    }
}

/// The clerk's screen (`desk window`, and plain `desk`). Sign-in at start: the person bound to this OS
/// account signs in at once; `--staff ID` names someone else (their password from the form, or
/// DESK_PASSWORD); otherwise the sign-in form asks for a staff number and password.
/// Errors (database, theme, terminal) are thrown to `Desk.runMain`, which prints them.
struct WindowScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screen", abstract: "The window clerk's screen.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.", completion: HallCompletions.windowNumbers) var window: Int = 1
    @OptionGroup var themeOption: ThemeOption
    /// For tests: lock after this many idle seconds instead of the hall's idle_lock_minutes.
    @Option(help: .hidden) var idleLockSeconds: Double?
    /// For the bench and scripts: load, draw one frame into a grid, print it, exit. No terminal needed.
    @Flag(help: .hidden) var firstFrameOnly = false
    @Option(help: .hidden) var frameSize = "200x60"

    func run() throws {
        let language = options.language
        // (The benchmark's first-frame mode measures the screen, not the check: see README.)
        let database = try options.openDatabase(checkingIntegrity: !firstFrameOnly)
        _ = try database.window(window)
        let chosenTheme = try themeOption.load(for: database)
        var model = WindowScreenModel(database: database, windowID: window)
        let clock: @Sendable () -> Date = { database.clock.now }

        let password = PasswordInput.forScreen(staff: options.staff)
        if firstFrameOnly {
            var screen = try model.start(osUser: OSAccount.current(), staff: options.staff, password: password)
            let size = FirstFrame.size(frameSize, fallback: Size(width: 200, height: 60))
            screen.view = try model.load()
            let frame = screen.frame(context: RenderContext(language: language, now: clock(), size: size))
            Output.line(frame.lines().joined(separator: "\n"))
            return
        }
        try CursesTerminal.run(theme: chosenTheme) { terminal in
            // Signing in only once the terminal works, so a failed start writes nothing.
            let screen = try model.start(osUser: OSAccount.current(), staff: options.staff, password: password)
            if let idleLockSeconds { model.idleLockSeconds = idleLockSeconds }
            var loop = RunLoop(screen: screen, terminal: terminal, language: language, pollInterval: .milliseconds(250), clock: clock)
            loop.changes = database.changeSignal()
            // The catalog (`i`/F11) is loaded by the model at its first open, not here: start-up stays fast.
            var interruptible = true
            // Ctrl-C cannot get past the lock (docs/SECURITY.md).
            func guardInterrupt(_ screen: WindowScreen) {
                if interruptible == screen.isLocked { interruptible = !screen.isLocked; terminal.setInterruptEnabled(interruptible) }
            }
            try loop.run(
                watch: { screen in
                    let changed = try model.poll(&screen, size: terminal.size)
                    guardInterrupt(screen)
                    return changed
                },
                perform: { effect, screen in
                    let control = try model.apply(effect, to: &screen, size: terminal.size)
                    guardInterrupt(screen)
                    return control
                })
        }
    }
}
