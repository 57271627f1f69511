import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk supervise`: the supervisor's live screen (docs/TUI.md, "The supervisor's screen"): the bound account, or
/// `--staff ID` with that person's password (DESK_PASSWORD, or typed into the screen's sign-in form); with neither,
/// the form asks who it is (`SupervisorScreenSession`). A person known before the screen opens who is no supervisor
/// is refused at once (exit 5), the terminal untouched; on the form, the refusal is said there.
struct SuperviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise",
        abstract: "The supervisor's live screen: lines, windows, cases at risk, bad reviews, complaints and the day's charts, with drill-downs and actions.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    /// For the bench and scripts: load, draw one frame into a grid, print it, exit. No terminal needed.
    @Flag(help: .hidden) var firstFrameOnly = false
    @Option(help: .hidden) var frameSize = "200x60"

    func run() throws {
        let language = options.language
        let database = try options.openDatabase(checkingIntegrity: !firstFrameOnly)
        let chosenTheme = try themeOption.load(for: database)
        if firstFrameOnly {
            var model = try SupervisorScreenModel(database: database, actor: try options.actor(database))
            var screen = try model.start()
            let size = FirstFrame.size(frameSize, fallback: Size(width: 200, height: 60))
            screen.layout(for: size)
            Output.line(screen.frame(context: RenderContext(language: language, now: database.clock.now, size: size)).lines()
                .joined(separator: "\n"))
            return
        }
        let password = PasswordInput.forScreen(staff: options.staff)
        let bound = try database.authenticate(osUser: OSAccount.current(), at: .cli)
        // Known already (the bound account, or --staff with DESK_PASSWORD): no supervisor is refused before the terminal.
        if (options.staff == nil && bound != nil) || password != nil {
            try database.authorize(.superviseHall, by: try options.actor(database))
        }
        let session = SupervisorScreenSession(database: database, bound: bound)
        try CursesTerminal.run(theme: chosenTheme) { terminal in
            try session.run(on: terminal, language: language, staff: options.staff, password: password)
        }
    }
}
