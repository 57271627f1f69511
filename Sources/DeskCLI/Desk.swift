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
            LineCommand.self, StaffCommand.self, AuditCommand.self, SettingsCommand.self, CaseCommand.self, CasesCommand.self, ApplicantCommand.self,
            SupervisionCommand.self, HandoverCommand.self, AgentCommand.self, ProjectCommand.self, AgencyCommand.self,
            ContactCommand.self, RatingCommand.self, RatingsCommand.self, RectificationCommand.self,
            ComplaintCommand.self, MessageCommand.self, SuperviseCommand.self, ReportCommand.self, RateCommand.self,
            ValidateCommand.self, BenchCommand.self, BenchWorkerCommand.self, TUIDemoCommand.self,
        ],
        defaultSubcommand: WindowCommand.self
    )
    public init() {}

    /// Runs the command line: every failure — ours, SQLite's, Foundation's, ArgumentParser's parse errors — is
    /// reported in the user's language with a stable code and a documented exit status (`ErrorReport`);
    /// help, version and completion requests are left to ArgumentParser.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let language = languageHint(arguments)
        // A reader that goes away makes writes fail with EPIPE instead of killing the process mid-report.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(try CommandLineOrder.normalized(arguments))
            try command.run()
            if Output.failed.withLock({ $0 }) == .cannotWrite { throw OutputError.cannotWrite }
            Foundation.exit(0)
        } catch OutputError.readerGone {
            // `| head` stopped reading: nothing more to say, and what was done is done.
            Foundation.exit(0)
        } catch let code as ExitCode {
            // The command has already said what happened (e.g. `null` and 3 when nothing waits).
            Foundation.exit(code.rawValue)
        } catch {
            guard let report = ErrorReport(error) else { Desk.exit(withError: error) }
            report.print(json: jsonHint(arguments), language: language)
            Foundation.exit(report.status)
        }
    }

    /// Whether the command line asks for JSON (before a `--`), so that a failure is reported as JSON too.
    static func jsonHint(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// The language for error messages, before (or when) parsing fails.
    static func languageHint(_ arguments: [String]) -> Language {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count, let l = Language(option: arguments[i + 1]) { return l }
        if let arg = arguments.first(where: { $0.hasPrefix("--lang=") }), let l = Language(option: String(arg.dropFirst(7))) { return l }
        return .fromEnvironment()
    }
}
