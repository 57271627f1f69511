import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk agent` (no subcommand) and `desk agent screen`: the agent's screen for the signed-in agent (or a supervisor
/// watching the team): the bound account, or `--staff ID` with that person's password (DESK_PASSWORD, or typed into
/// the screen's sign-in form); with neither, the form asks who it is (`AgentScreenSession`).
struct AgentScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen", abstract: "The agent's screen: my proxy jobs by deadline light with their next action, a job's detail, my inbox.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    /// For the bench and scripts: load, draw one frame into a grid, print it, exit. No terminal needed.
    @Flag(help: .hidden) var firstFrameOnly = false
    @Option(help: .hidden) var frameSize = "100x30"

    func run() throws {
        let language = options.language
        let database = try options.openDatabase(checkingIntegrity: !firstFrameOnly)
        let chosenTheme = try themeOption.load(for: database)
        if firstFrameOnly {
            var model = try AgentScreenModel(database: database, actor: try options.actor(database))
            var screen = try model.start()
            let size = FirstFrame.size(frameSize, fallback: Size(width: 100, height: 30))
            screen.layout(for: size)
            Output.line(screen.frame(context: RenderContext(language: language, now: database.clock.now, size: size)).lines()
                .joined(separator: "\n"))
            return
        }
        let password = PasswordInput.forScreen(staff: options.staff)
        let session = AgentScreenSession(database: database, bound: try database.authenticate(osUser: OSAccount.current(), at: .cli))
        try CursesTerminal.run(theme: chosenTheme) { terminal in
            try session.run(on: terminal, language: language, staff: options.staff, password: password)
        }
    }
}

/// `desk agent inbox [--json] [--mark-seen]`: what changed in the signed-in agent's jobs and their cases since they
/// last looked (the new items only), and with `--mark-seen` marks them seen (up to what was printed).
struct AgentInboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "What changed in my proxy jobs' cases since I last looked (a supplement, a decision, a suspension, the result, a reassignment).")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Then mark them seen (they are no longer new, here or on the agent's screen).") var markSeen = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        guard let me = actor.staffID, try database.caseActor(actor).roles.contains(.agent) else {
            throw AgentError.notAnAgent(actor.key)
        }
        let inbox = try database.agentInbox(agent: me, keepSeen: 0)
        if markSeen { try database.markAgentInboxSeen(through: inbox.readUpTo, by: actor) }
        let language = options.language
        let calendar = try database.settings().businessCalendar
        if json {
            try Output.json(AgentInboxJSON(agent: me, new: inbox.newCount, markedSeen: markSeen,
                                           items: inbox.items.map { AgentInboxItemJSON($0, language: language, calendar: calendar) }))
            return
        }
        guard !inbox.items.isEmpty else {
            Output.line(Bilingual(en: "Nothing new in your jobs since you last looked.", zh: "上次查看以来您的代办件没有新动态。").text(language))
            return
        }
        for item in inbox.items {
            Output.line(tableRow([ClockText.dateTime(item.at, timeZone: calendar.timeZone), item.caseNumber ?? "-", item.jobNumber, item.actor,
                                  item.change.label.text(language)], widths: [17, 18, 17, 7, 30]))
        }
        if markSeen {
            Output.line(Bilingual(en: "\(inbox.newCount) marked seen.", zh: "已将 \(inbox.newCount) 条标为已读。").text(language))
        }
    }
}

struct AgentInboxJSON: Encodable {
    var agent: String
    var new: Int
    var markedSeen: Bool
    var items: [AgentInboxItemJSON]
}

struct AgentInboxItemJSON: Encodable {
    /// The event's place in the chain (null: a line of the assignment history).
    var seq: Int64?
    var at: String
    /// `AgentInboxChange`'s stable key.
    var change: String
    var label: String
    var job: String
    var `case`: String?
    var actor: String
    var new: Bool

    init(_ item: AgentInboxItem, language: Language, calendar: BusinessCalendar) {
        seq = item.seq
        at = Output.timestamp(item.at, calendar) ?? ""
        change = item.change.rawValue
        label = item.change.label.text(language)
        job = item.jobNumber
        self.case = item.caseNumber
        actor = item.actor
        new = item.isNew
    }
}
