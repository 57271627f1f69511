import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk rate --window N`: the citizen's rating terminal (评价器) facing the citizen at a window, full screen.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "The citizen's rating terminal of a window (full screen).",
        discussion: """
            Runs as the window's rating device (no person signs in). When a ticket is finished at the window it asks the \
            citizen to rate the service: 5 非常满意 … 1 非常不满意 (keys 1-5, or arrows and Enter); for 1-2 the reasons \
            (服务效率, 服务水平, 服务态度) and optional words; then Enter submits. No key for rating_timeout_seconds: back \
            to waiting (rating_timeout_counts_as decides whether that counts as 满意). F10 or Ctrl-Q quits. \
            Example: desk rate --window 3
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    @Option(help: "The window this terminal faces the citizen at.") var window: Int
    @Option(help: "Seconds the thanks stay on screen (any key returns earlier).") var thanksSeconds: Double = 5

    func validate() throws {
        guard thanksSeconds > 0, thanksSeconds <= 600 else {
            throw UsageError(en: "--thanks-seconds must be more than 0 and at most 600", zh: "--thanks-seconds 须大于 0 且不超过 600。")
        }
    }

    func run() throws {
        let database = try options.openDatabase(checkingIntegrity: true)
        // Before the screen opens, so a wrong window is a plain error message.
        _ = try database.window(window)
        let chosen = try themeOption.load(for: database)
        let session = RatingSession(database: database, window: window, thanksSeconds: thanksSeconds)
        let language = options.language
        try CursesTerminal.run(theme: chosen) { terminal in
            _ = try session.run(on: terminal, language: language)
        }
    }
}
