import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk kiosk`: the self-service ticket kiosk, full screen, for citizens.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "The self-service ticket kiosk (full screen).",
        discussion: """
            A citizen chooses a service line (number key, or arrows and Enter), then who the ticket is for (normal, \
            elderly, disabled, military, pregnant), and Enter takes the ticket. The slip shows for --slip-seconds. \
            The green channel is issued at the desk, not here. F10 or Ctrl-Q quits.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    @Option(name: .customLong("print"), help: "Also print each slip to this printer device (e.g. /dev/usb/lp0) or file.")
    var printPath: String?
    @Option(help: ArgumentHelp("What the printer is sent: escpos (ESC/POS commands, GB18030 text, double-size number, cut) or text (plain UTF-8). Default: escpos for a /dev device, text for a file.", valueName: "escpos|text"))
    var printFormat: SlipFormat?
    @Option(help: "Columns of the printed slip: 32 for 58 mm paper, 42 or 48 for 80 mm.") var printWidth = 32
    @Flag(help: "With --print-format text: after each slip, send the ESC/POS paper cut command (an ESC/POS slip always ends with it).") var printCut = false
    @Option(help: "Seconds the slip stays on screen (any key returns earlier).") var slipSeconds: Double = 8

    func validate() throws {
        guard (24...64).contains(printWidth) else { throw UsageError(en: "--print-width must be between 24 and 64", zh: "--print-width 须在 24 到 64 之间。") }
        guard slipSeconds > 0, slipSeconds <= 3600 else { throw UsageError(en: "--slip-seconds must be more than 0 and at most 3600", zh: "--slip-seconds 须大于 0 且不超过 3600。") }
    }

    func run() throws {
        let language = options.language
        let database = try options.openDatabase(checkingIntegrity: true)
        // Before the screen opens, so a wrong path is a plain error message.
        // A printer that goes away (a pipe whose reader ended) must fail the write, not kill the kiosk.
        signal(SIGPIPE, SIG_IGN)
        let printer = try printPath.map { try SlipPrinter(path: $0, format: printFormat, cutsPaper: printCut) }
        let chosen = try themeOption.load(for: database)
        let session = KioskSession(database: database, printer: printer, slipSeconds: slipSeconds, printWidth: printWidth)
        try CursesTerminal.run(theme: chosen) { terminal in
            _ = try session.run(on: terminal, language: language)
        }
    }
}

extension SlipFormat: ExpressibleByArgument {}
