import ArgumentParser
import DeskTUI
import Foundation
import Queue

/// `desk tui-demo`: shows the terminal test card (hidden; for checking a terminal's width,
/// colour and line-drawing support on site).
struct TUIDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui-demo", abstract: "Terminal test card.", shouldDisplay: false)

    @Option(help: "Theme name or path to a .theme file.") var theme = "default"
    @Option(help: "zh or en (default: from LANG).") var lang: String?

    func run() throws {
        let language = lang.flatMap(Language.init(option:)) ?? .fromEnvironment()
        do {
            let chosen = try ThemeLocator().load(theme)
            try CursesTerminal.run(theme: chosen) { terminal in
                var loop = RunLoop(screen: TUIDemoScreen(), terminal: terminal, language: language, pollInterval: .seconds(1))
                try loop.run(poll: { $0.polls += 1 }, perform: { _, _ in .quit })
            }
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data(("desk: " + error.message.text(language) + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
