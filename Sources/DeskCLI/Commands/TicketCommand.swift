import ArgumentParser
import Foundation
import HallModel
import Queue

struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Issue, call and move tickets (the queue engine, for scripts).",
        subcommands: [
            IssueTicket.self, CallTicket.self, RecallTicket.self, StartTicket.self, FinishTicket.self, NoShowTicket.self,
            HoldTicket.self, ResumeTicket.self, TransferTicket.self, RequeueTicket.self, CancelTicket.self, ReopenTicket.self,
            ShowTicket.self, NoteTicket.self, MoveTicket.self,
        ])
}

extension PriorityClass: ExpressibleByArgument {}
extension TransferPlacement: ExpressibleByArgument {}

struct IssueTicket: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Take a ticket for a service line.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The line's prefix, e.g. A.", completion: HallCompletions.linePrefixes) var line: String
    @Option(help: "normal, elderly, disabled, military, pregnant or green.") var priority: PriorityClass = .normal
    @Option(help: "Appointment time today, HH:MM.") var appointment: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        // Issued by a person at the command line (a reception desk, a script): source `desk`, not the kiosk's.
        let issued = try database.issueTicket(IssueRequest(linePrefix: line, priority: priority, appointmentTime: appointment,
                                                           source: appointment == nil ? .desk : .appointment),
                                              by: try options.actor(database))
        let calendar = try database.settings().businessCalendar
        let opensNext = issued.nextOpening.map(calendar.dateAndTime)
        if json {
            struct Out: Encodable {
                var ticket: TicketJSON
                var code: String, line: String, lineName: String, priority: String
                var ahead: Int, estimatedWaitMinutes: Int?, noWindowServing: Bool
                /// Why nobody serves the line now (a `LineUnservedReason` key), and when the hall opens next.
                var warning: String?, opensNext: String?
                enum CodingKeys: String, CodingKey {
                    case ticket, code, line, lineName, priority, ahead, estimatedWaitMinutes, noWindowServing, warning, opensNext
                }
                // Written out so that "no estimate" is an explicit null, not a missing key.
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(ticket, forKey: .ticket); try c.encode(code, forKey: .code); try c.encode(line, forKey: .line)
                    try c.encode(lineName, forKey: .lineName); try c.encode(priority, forKey: .priority); try c.encode(ahead, forKey: .ahead)
                    try c.encode(estimatedWaitMinutes, forKey: .estimatedWaitMinutes); try c.encode(noWindowServing, forKey: .noWindowServing)
                    try c.encode(warning, forKey: .warning); try c.encode(opensNext, forKey: .opensNext)
                }
            }
            try Output.json(Out(ticket: TicketJSON(issued.ticket, linePrefix: issued.line.prefix, calendar: calendar),
                                code: issued.ticket.code, line: issued.line.prefix, lineName: issued.line.name,
                                priority: issued.ticket.priority.rawValue, ahead: issued.ahead,
                                estimatedWaitMinutes: issued.estimatedWaitMinutes, noWindowServing: issued.noWindowServing,
                                warning: issued.unservedReason?.rawValue, opensNext: opensNext))
        } else {
            Output.line(Self.summary(issued, opensNext: opensNext).text(options.language))
        }
    }

    /// One line: the code, the line, the people ahead and the estimate, or plainly why there is none.
    static func summary(_ issued: IssuedTicket, opensNext: String?) -> Bilingual {
        let head = "\(issued.ticket.code)  \(issued.line.name)  "
        guard let reason = issued.unservedReason else {
            let minutes = issued.estimatedWaitMinutes ?? 0
            return Bilingual(en: head + "\(issued.ahead) ahead, about \(minutes) min",
                             zh: head + "前面 \(issued.ahead) 人，预计等候 \(minutes) 分钟")
        }
        let next = opensNext.map { Bilingual(en: "; opens next at \($0)", zh: "；下次办理时间 \($0)") } ?? Bilingual(en: "", zh: "")
        return Bilingual(en: head + "\(issued.ahead) ahead; not served now (\(reason.label.en)), no time estimate\(next.en)",
                         zh: head + "前面 \(issued.ahead) 人；当前无人办理（\(reason.label.zh)），无法预计等候时间\(next.zh)")
    }
}

struct CallTicket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Call the next ticket for a window (or a specific one with --code). Exit 3 when none waits.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.", completion: HallCompletions.windowNumbers) var window: Int
    @Option(help: "Call this ticket out of order.") var code: String?
    @Flag(help: "Print one JSON object (null when nothing waits).") var json = false

    func validate() throws { try UsageError.rejectBlank(code, "--code") }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let called = try code.map { try database.callSpecific(window: window, code: $0, by: actor) } ?? database.callNext(window: window, by: actor)
        guard let called else {
            if json { Output.line("null") } else {
                Output.error(Bilingual(en: "Nothing is waiting for window \(window).", zh: "\(window) 号窗口没有等候的号。").text(options.language))
            }
            throw ExitCode(DeskExit.nothingWaiting)
        }
        let calendar = try database.settings().businessCalendar
        let names = try LineNames(database)
        if json {
            struct Out: Encodable { var ticket: TicketJSON; var code: String; var window: Int; var reason: String }
            try Output.json(Out(ticket: TicketJSON(called.ticket, linePrefix: names.prefix(called.ticket.lineID), calendar: calendar),
                                code: called.ticket.code, window: called.window, reason: called.reason.rawValue))
        } else {
            Output.line(Bilingual(en: "\(called.ticket.code) → window \(called.window)",
                                  zh: "请 \(called.ticket.code) 号到 \(called.window) 号窗口").text(options.language))
        }
    }
}

/// The options of every command that acts on one window (its current ticket, or its state).
struct WindowTarget: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Option(help: "Window number.", completion: HallCompletions.windowNumbers) var window: Int
    @Flag(help: "Print one JSON object.") var json = false
}

/// A command that changes one ticket and prints it: `act` is the one engine call (one transaction).
protocol TicketChangeCommand: ParsableCommand {
    var options: GlobalOptions { get }
    var json: Bool { get }
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket
}

extension TicketChangeCommand {
    func run() throws {
        let database = try options.openDatabase()
        // The actor is resolved only when the engine call writes (after its own checks of the input).
        let ticket = try act(database) { try options.actor(database) }
        if json {
            try Output.json(TicketJSON(ticket, linePrefix: try LineNames(database).prefix(ticket.lineID),
                                       calendar: try database.settings().businessCalendar))
        } else {
            Output.line("\(ticket.code)  \(ticket.state.label.text(options.language))")
        }
    }
}

/// The commands on the window's current ticket differ only in the engine call.
protocol WindowTicketCommand: TicketChangeCommand {
    var target: WindowTarget { get }
}

extension WindowTicketCommand {
    var options: GlobalOptions { target.options }
    var json: Bool { target.json }
}

struct RecallTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "recall", abstract: "Announce the window's called ticket again.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.recall(window: target.window, by: try actor()) }
}

struct StartTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "The applicant has arrived: start serving.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.start(window: target.window, by: try actor()) }
}

struct FinishTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "finish", abstract: "Finish serving the window's ticket.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.finish(window: target.window, by: try actor()) }
}

struct NoShowTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Mark the called ticket a no-show (after enough calls).")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.noShow(window: target.window, by: try actor()) }
}

struct HoldTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Park the window's ticket; call it back with resume.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.hold(window: target.window, by: try actor()) }
}

struct RequeueTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "requeue", abstract: "Return the called ticket to its place in the queue.")
    @OptionGroup var target: WindowTarget
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.requeue(window: target.window, by: try actor()) }
}

struct ResumeTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Call back a ticket held at this window.")
    @OptionGroup var target: WindowTarget
    @Option(help: "The held ticket's code.") var code: String
    func validate() throws { try UsageError.rejectBlank(code, "--code") }
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.resumeHeld(window: target.window, code: code, by: try actor()) }
}

struct TransferTicket: WindowTicketCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Move the window's ticket to another line; it keeps its code.")
    @OptionGroup var target: WindowTarget
    @Option(help: "The target line's prefix.", completion: HallCompletions.linePrefixes) var line: String
    @Option(help: "original (keep arrival time), front or back.") var placement: TransferPlacement = .original
    @Option(help: "A note for the next window (replaces the ticket's note).") var note: String?
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket {
        try database.transfer(window: target.window, toLine: line, placement: placement, note: note, by: try actor())
    }
}

struct CancelTicket: TicketChangeCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a waiting, called or held ticket.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The ticket's code.") var code: String
    func validate() throws { try UsageError.rejectBlank(code, "--code") }
    @Option(help: "Why (recorded with the event).") var reason: String?
    @Flag(help: "Print one JSON object.") var json = false
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.cancel(code: code, reason: reason, by: try actor()) }
}

struct ReopenTicket: TicketChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Put a cancelled, no-show or unserved ticket of today back in its queue (supervisor).")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The ticket's code.") var code: String
    func validate() throws { try UsageError.rejectBlank(code, "--code") }
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Why (recorded with the event).") var reason: String?
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket { try database.reopen(code: code, reason: reason, by: try actor()) }
}

/// `desk ticket move`: a supervisor moves a waiting or held ticket to another line (it keeps its code, as a transfer).
struct MoveTicket: TicketChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a waiting or held ticket to another line; it keeps its code (supervisor).",
        discussion: "A called or served ticket is its window's to transfer. Example: desk ticket move --code A012 --line B --placement front")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The ticket's code.") var code: String
    @Option(help: "The target line's prefix.", completion: HallCompletions.linePrefixes) var line: String
    @Option(help: "original (keep arrival time), front or back.") var placement: TransferPlacement = .original
    @Option(help: "Why (recorded with the event).") var reason: String?
    @Flag(help: "Print one JSON object.") var json = false
    func validate() throws { try UsageError.rejectBlank(code, "--code"); try UsageError.rejectBlank(line, "--line") }
    func act(_ database: HallDatabase, _ actor: () throws -> Actor) throws -> Ticket {
        try database.moveTicket(code: code, toLine: line, placement: placement, reason: reason, by: try actor())
    }
}
