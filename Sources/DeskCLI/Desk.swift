import ArgumentParser
import Foundation
import HallModel
import Queue

public struct Desk: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "HallDesk: the terminal front desk of a government service hall.",
        discussion: """
            Every command takes --db PATH, --lang zh|en and --staff ID (act as that person; password from the prompt or \
            DESK_PASSWORD), before or after the command's name. Without --staff, the staff member bound to your system account acts. Without a command, desk \
            opens the window clerk's screen. Exit: 0 done, 1 refused by a rule, 3 nothing waiting, 4 database unusable, \
            5 not signed in or not permitted, 64 usage.
            """,
        subcommands: [
            InitCommand.self, TicketCommand.self, WindowCommand.self, QueueCommand.self, DayCommand.self,
            StatsCommand.self, KioskCommand.self, BoardCommand.self, CatalogCommand.self, CalendarCommand.self,
            LineCommand.self, StaffCommand.self, AuditCommand.self, SettingsCommand.self,
            ValidateCommand.self, BenchCommand.self, BenchWorkerCommand.self, TUIDemoCommand.self,
        ],
        defaultSubcommand: WindowCommand.self
    )
    public init() {}

    /// Runs the command line: our own errors are printed in the user's language with a documented exit status;
    /// ArgumentParser's (usage, help) are left to ArgumentParser.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let language = languageHint(arguments)
        // A reader that goes away makes writes fail with EPIPE instead of killing the process mid-report.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(try CommandLineOrder.normalized(arguments))
            try command.run()
            if Output.failed.withLock({ $0 }) { throw OutputError.cannotWrite }
            Foundation.exit(0)
        } catch let error as UnknownCommand {
            Output.error(error.message.text(language))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch let error as UserFacingError {
            Output.error(error.message.text(language))
            Foundation.exit(error is HallDatabaseError ? DeskExit.database : error is AccessError ? DeskExit.notPermitted : DeskExit.refused)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            Desk.exit(withError: error)
        }
    }

    /// The language for error messages, before (or when) parsing fails.
    static func languageHint(_ arguments: [String]) -> Language {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count, let l = Language(option: arguments[i + 1]) { return l }
        if let arg = arguments.first(where: { $0.hasPrefix("--lang=") }), let l = Language(option: String(arg.dropFirst(7))) { return l }
        return .fromEnvironment()
    }
}
