import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk board`: the display board for a wall screen (read-only).
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "The display board for the hall's wall screen (read-only; q, Esc or F10 quits).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    @Flag(help: .hidden) var watchForBench = false
    /// For `desk bench`'s scale run: the real board on its terminal, and "<epoch ms> <code>" on standard error
    /// once a frame showing a new announcement has been drawn.
    @Flag(help: .hidden) var benchLog = false

    func run() throws {
        let database = try options.openDatabase(checkingIntegrity: !watchForBench)
        if watchForBench {
            try BoardBench.watch(database, language: options.language)
            return
        }
        let chosen = try themeOption.load(for: database)
        let session = BoardSession(database: database)
        try CursesTerminal.run(theme: chosen) { terminal in
            guard benchLog else { return try session.run(on: terminal, language: options.language) }
            let logging = AnnouncementLoggingTerminal(terminal)
            try session.run(on: logging, language: options.language, afterPoll: logging.noteLatest)
        }
    }
}
