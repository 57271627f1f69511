import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk agent` (the agent's screen), `desk agent inbox|list|show|state|request|assign|reassign|close`: the proxy-agent team (代办员), their jobs (代办件) and the
/// assignment (docs/agents.md).
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "代办员: the team, proxy jobs (代办件), and their assignment.",
        subcommands: [AgentScreenCommand.self, AgentInboxCommand.self, AgentListCommand.self, AgentShowCommand.self,
                      AgentStateCommand.self, AgentRequestCommand.self, AgentAssignCommand.self, AgentReassignCommand.self, AgentCloseCommand.self],
        defaultSubcommand: AgentScreenCommand.self)
}

extension ProxyMode: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "accompany": self = .accompany
        case "full-proxy", "fullProxy": self = .fullProxy
        default: return nil
        }
    }
}
extension ProxyOrigin: ExpressibleByArgument {}

/// An agent as `agent list --json` and `agent show --json` give them.
struct AgentJSON: Encodable {
    var id: String, name: String, state: String, backOn: String?, phone: String?, note: String?, skills: [String]
    var openCases: Int, nearestDeadline: String?
    init(_ a: AgentProfile) {
        id = a.id; name = a.name; state = a.state.rawValue; backOn = a.backOn?.description; phone = a.phone; note = a.stateNote
        skills = a.skills.map(\.key); openCases = a.openJobs; nearestDeadline = a.nearestDeadline?.description
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(state, forKey: .state)
        try c.encode(backOn, forKey: .backOn); try c.encode(phone, forKey: .phone); try c.encode(note, forKey: .note)
        try c.encode(skills, forKey: .skills); try c.encode(openCases, forKey: .openCases); try c.encode(nearestDeadline, forKey: .nearestDeadline)
    }
    private enum CodingKeys: String, CodingKey { case id, name, state, backOn, phone, note, skills, openCases, nearestDeadline }
}

/// A proxy job as the agent commands give it.
struct ProxyJobJSON: Encodable {
    var number: String, mode: String, origin: String, site: String?, item: String, department: String, agent: String?, state: String
    var `case`: String?, caseState: String?, caseDue: String?, applicant: String?, authorisation: String?, openedOn: String
    init(_ job: ProxyJob, caseNumber: String?, row: ProxyJobRow? = nil) {
        number = job.number; mode = job.mode.rawValue; origin = job.origin.rawValue; site = job.originSite; item = job.itemCode
        department = job.departmentCode; agent = job.agentID; state = job.state.rawValue; self.case = caseNumber
        caseState = row?.caseState?.rawValue; caseDue = row?.caseDue?.description; applicant = row?.applicantName
        authorisation = job.authorisation; openedOn = job.openedOn.description
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(mode, forKey: .mode); try c.encode(origin, forKey: .origin)
        try c.encode(site, forKey: .site); try c.encode(item, forKey: .item); try c.encode(department, forKey: .department)
        try c.encode(agent, forKey: .agent); try c.encode(state, forKey: .state); try c.encode(self.case, forKey: .case)
        try c.encode(caseState, forKey: .caseState); try c.encode(caseDue, forKey: .caseDue); try c.encode(applicant, forKey: .applicant)
        try c.encode(authorisation, forKey: .authorisation); try c.encode(openedOn, forKey: .openedOn)
    }
    private enum CodingKeys: String, CodingKey {
        case number, mode, origin, site, item, department, agent, state, `case`, caseState, caseDue, applicant, authorisation, openedOn
    }
}

/// `{"agent": ID, "reason": …}` of an assignment: the reason an object with the rule's stable keys (null when by hand).
struct AssignmentJSON: Encodable {
    struct Reason: Encodable {
        var skill: String, decidedBy: String, openCases: Int, nearestDeadline: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(skill, forKey: .skill); try c.encode(decidedBy, forKey: .decidedBy); try c.encode(openCases, forKey: .openCases)
            try c.encode(nearestDeadline, forKey: .nearestDeadline)
        }
        private enum CodingKeys: String, CodingKey { case skill, decidedBy, openCases, nearestDeadline }
    }
    var agent: String?, reason: Reason?, how: String?, from: String?, job: String, `case`: String?
    init(agent: String?, reason: AssignmentReason?, how: AssignmentMethod?, from: String?, job: String, caseNumber: String?) {
        self.agent = agent; self.how = how?.rawValue; self.from = from; self.job = job; self.case = caseNumber
        self.reason = reason.map { Reason(skill: $0.skill.rawValue, decidedBy: $0.decidedBy.rawValue, openCases: $0.openJobs,
                                          nearestDeadline: $0.nearestDeadline?.description) }
    }
    init(_ o: ProxyAssignmentOutcome) {
        self.init(agent: o.job.agentID, reason: o.reason, how: o.how, from: o.previousAgent, job: o.job.number, caseNumber: o.caseNumber)
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agent, forKey: .agent); try c.encode(reason, forKey: .reason); try c.encode(how, forKey: .how)
        try c.encode(from, forKey: .from); try c.encode(job, forKey: .job); try c.encode(self.case, forKey: .case)
    }
    private enum CodingKeys: String, CodingKey { case agent, reason, how, from, job, `case` }
}

enum AgentText {
    /// Each column holds its header in both languages ("out on a case", "在办"); the skills take what is left of 79.
    static let widths = [5, 8, 14, 11, 5, 11, 25]

    /// A skill as people say it: the department's or the item's name from the catalog (the stored key only when the
    /// catalog no longer has it).
    static func skillNames(_ skills: [AgentSkill], catalog: Catalog) -> [String] {
        skills.map { skill in
            switch skill.scope {
            case .department: catalog.department(code: skill.code)?.name ?? skill.key
            case .item: catalog.items.first { $0.implementationCode == skill.code }?.name ?? skill.key
            }
        }
    }

    static func header(_ language: Language) -> String {
        tableRow([Bilingual(en: "ID", zh: "工号"), Bilingual(en: "Name", zh: "姓名"), Bilingual(en: "State", zh: "状态"),
                  Bilingual(en: "Back on", zh: "返岗"), Bilingual(en: "Jobs", zh: "在办"), Bilingual(en: "Nearest", zh: "最近期限"),
                  Bilingual(en: "Skills", zh: "专长")].map { $0.text(language) }, widths: widths)
    }

    static func line(_ a: AgentProfile, catalog: Catalog, language: Language) -> String {
        tableRow([a.id, a.name, a.state.label.text(language), a.backOn?.description ?? "-", String(a.openJobs),
                  a.nearestDeadline?.description ?? "-", skillNames(a.skills, catalog: catalog).joined(separator: "、")], widths: widths)
    }

    static func assignment(_ j: AssignmentJSON, reason: AssignmentReason?, language: Language) -> String {
        let agent = j.agent ?? "-"
        let why = reason.map { "（\($0.label.text(language))）" } ?? ""
        return Bilingual(en: "\(j.job)\(j.case.map { " (case \($0))" } ?? "") → \(agent)\(j.from.map { " (was \($0))" } ?? "") \(why)",
                         zh: "\(j.job)\(j.case.map { "（办件 \($0)）" } ?? "") → \(agent)\(j.from.map { "（原 \($0)）" } ?? "")\(why)").text(language)
    }
}

struct AgentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The proxy agents: state, return date, open jobs, nearest deadline, skills.",
        discussion: "Example: desk agent list --json")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let team = try database.agentTeam()
        if json {
            struct Body: Encodable { var agents: [AgentJSON] }
            try Output.json(Body(agents: team.map(AgentJSON.init)))
            return
        }
        Output.line(AgentText.header(options.language))
        let catalog = try database.catalog()
        for agent in team { Output.line(AgentText.line(agent, catalog: catalog, language: options.language)) }
    }
}

struct AgentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One agent: profile, load, and their jobs (the agent themself or a supervisor).",
        discussion: "Example: desk agent show P03 --json")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The agent's staff number.") var id: String
    @Flag(help: "Also the closed and cancelled jobs.") var all = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let id = try Staff.validateID(id)
        guard let agent = try database.agentProfile(id) else { throw AgentError.notAnAgent(id) }
        let rows = try database.agentJobs(id, includeClosed: all, by: actor)
        let jobs = rows.map { ProxyJobJSON($0.job, caseNumber: $0.caseNumber, row: $0) }
        if json {
            struct Body: Encodable { var agent: AgentJSON, jobs: [ProxyJobJSON] }
            try Output.json(Body(agent: AgentJSON(agent), jobs: jobs))
            return
        }
        let language = options.language
        Output.line(AgentText.header(language))
        let catalog = try database.catalog()
        Output.line(AgentText.line(agent, catalog: catalog, language: language))
        if !agent.skills.isEmpty {
            let names = AgentText.skillNames(agent.skills, catalog: catalog)
            Output.line(Bilingual(en: "Skills: " + names.joined(separator: "; "), zh: "专长：" + names.joined(separator: "；")).text(language))
        }
        if let phone = agent.phone { Output.line(Bilingual(en: "Phone: \(phone)", zh: "电话：\(phone)").text(language)) }
        if let note = agent.stateNote { Output.line(Bilingual(en: "Note: \(note)", zh: "说明：\(note)").text(language)) }
        Output.line("")
        guard !rows.isEmpty else {
            Output.line(Bilingual(en: "No open proxy job.", zh: "没有办理中的代办件。").text(language))
            return
        }
        let widths = [17, 8, 18, 10, 11, 12]
        Output.line(tableRow([Bilingual(en: "Job", zh: "代办件"), Bilingual(en: "Mode", zh: "方式"), Bilingual(en: "Case", zh: "办件"),
                              Bilingual(en: "Applicant", zh: "申请人"), Bilingual(en: "Due", zh: "承诺期限"),
                              Bilingual(en: "Case state", zh: "办件状态")].map { $0.text(language) }, widths: widths))
        for row in rows {
            Output.line(tableRow([row.job.number, row.job.mode.label.text(language), row.caseNumber ?? "-", row.applicantName,
                                  row.caseDue?.description ?? "-", row.caseState?.label.text(language) ?? row.job.state.label.text(language)],
                                 widths: widths))
        }
    }
}

struct AgentStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Set an agent's state: on duty, out on a case, or on leave until a date (the agent themself or a supervisor).",
        discussion: """
            Going on leave moves nothing by itself: the open jobs' reassignment proposal is printed, for a supervisor to \
            confirm with desk agent reassign --from ID --confirm. Example: desk agent state P03 --leave --until 2026-03-09 --note 病假
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The agent's staff number.") var id: String
    @Flag(name: .customLong("on-duty"), help: "在岗.") var onDuty = false
    @Flag(name: .customLong("out"), help: "外出办件.") var out = false
    @Flag(name: .customLong("leave"), help: "请假 (with --until).") var leave = false
    @Option(help: "On leave: the day back, YYYY-MM-DD.") var until: String?
    @Option(help: "Why (free text).") var note: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard [onDuty, out, leave].filter({ $0 }).count == 1 else {
            throw UsageError(en: "Give one of --on-duty, --out, --leave.", zh: "须给出 --on-duty、--out、--leave 之一。")
        }
        if let until, (try? CivilDate(parsing: until)) == nil {
            throw UsageError(en: "--until is YYYY-MM-DD, not '\(PrintableText.excerpt(until))'.",
                             zh: "--until 格式为 YYYY-MM-DD，不能是“\(PrintableText.excerpt(until))”。")
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let state: AgentState = leave ? .onLeave : out ? .outOnCase : .onDuty
        let agent = try database.setAgentState(try Staff.validateID(id), to: state, until: try until.map { try CivilDate(parsing: $0) },
                                               note: note, by: actor)
        let proposal = state == .onLeave ? try database.leaveProposal(from: agent.id) : []
        if json {
            struct Body: Encodable { var agent: AgentJSON, proposal: [AssignmentJSON] }
            try Output.json(Body(agent: AgentJSON(agent), proposal: proposal.map {
                AssignmentJSON(agent: $0.agent, reason: $0.reason, how: .leave, from: agent.id, job: $0.job, caseNumber: $0.caseNumber)
            }))
            return
        }
        let language = options.language
        Output.line(AgentText.line(agent, catalog: try database.catalog(), language: language))
        AgentReassignCommand.printProposal(proposal, from: agent.id, confirmed: false, language: language)
    }
}

struct AgentRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Open a proxy job (代办件) for an applicant and an item, and optionally assign it.",
        discussion: """
            --mode accompany (帮办) or full-proxy (代办, needs --authorisation: the 委托书 as recorded); --origin reception, \
            window or site (with --site NAME). The applicant stays the legal applicant; the service is free. Example: \
            desk agent request --mode full-proxy --origin site --site 青石镇便民服务中心 --person-id 11010519491231002X \
            --name 张三丰 --item ITEM --authorisation "委托办理，2026-03-01" --auto
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "accompany or full-proxy.") var mode: ProxyMode
    @Option(help: "reception, window or site.") var origin: ProxyOrigin = .reception
    @Option(help: "The requesting site's name (origin site).") var site: String?
    @OptionGroup var applicant: ApplicantOptions
    @Option(help: "The item's implementation code.") var item: String
    @Option(help: "The authorisation (委托书) as recorded: scope and date.") var authorisation: String?
    @Option(help: "A note.") var note: String?
    @Flag(help: "Assign by the rule.") var auto = false
    @Option(help: "Assign to this agent.") var agent: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        try applicant.validate()
        if auto && agent != nil { throw UsageError(en: "Give --auto or --agent, not both.", zh: "--auto 和 --agent 只能给出一个。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let today = try CivilDate(parsing: database.today())
        let code = try database.item(code: item) != nil ? item : item.uppercased()
        let job = try database.openProxyJob(try ProxyJobRequest(mode: mode, origin: origin, originSite: site, applicant: try applicant.input(today: today),
                                                                itemCode: code, authorisation: authorisation, note: note), by: actor)
        let choice: AgentChoice? = auto ? .automatic : try agent.map { .agent(try Staff.validateID($0)) }
        let assigned = try choice.map { try database.assignProxyJob(job.number, to: $0, by: actor) }
        if json {
            struct Body: Encodable { var job: ProxyJobJSON, assignment: AssignmentJSON? }
            try Output.json(Body(job: ProxyJobJSON(assigned?.job ?? job, caseNumber: nil), assignment: assigned.map(AssignmentJSON.init)))
            return
        }
        let language = options.language
        Output.line(Bilingual(en: "Proxy job \(job.number) opened (\(job.mode.label.en), free of charge).",
                              zh: "已登记代办件 \(job.number)（\(job.mode.label.zh)，免费代办）。").text(language))
        if let assigned { Output.line(AgentText.assignment(AssignmentJSON(assigned), reason: assigned.reason, language: language)) }
    }
}

struct AgentAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a proxy job (DB-…) or a case its agent: by the rule (--auto) or by name (--agent).",
        discussion: """
            A case without a proxy job gets one (帮办, origin window). The rule: the closest skill (item over department), then \
            the lowest open load, then the furthest nearest deadline, then the staff number; never an agent on leave. \
            Example: desk agent assign DB-20260302-0001 --auto --json
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "A proxy job number (DB-…) or a case number.") var target: String
    @Flag(help: "Assign by the rule.") var auto = false
    @Option(help: "Assign to this agent.") var agent: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard auto != (agent != nil) else { throw UsageError(en: "Give --auto or --agent ID.", zh: "须给出 --auto 或 --agent 工号。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let outcome = try database.assignProxyJob(target.uppercased(), to: auto ? .automatic : .agent(try Staff.validateID(agent ?? "")), by: actor)
        if json { try Output.json(AssignmentJSON(outcome)); return }
        Output.line(AgentText.assignment(AssignmentJSON(outcome), reason: outcome.reason, language: options.language))
    }
}

struct AgentReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Move a proxy job to another agent with a reason, or move an agent's jobs when they go on leave (a supervisor).",
        discussion: """
            desk agent reassign DB-20260302-0001 --agent P05 --reason 熟悉该事项 (or --auto). desk agent reassign --from P03 \
            prints the proposal for P03's open jobs; with --confirm it applies it in one write. The history is kept.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "A proxy job number (DB-…).") var job: String?
    @Option(help: "Assign to this agent.") var agent: String?
    @Flag(help: "Assign by the rule.") var auto = false
    @Option(help: "Why (required for one job).") var reason: String?
    @Option(help: "An agent going on leave: their open jobs.") var from: String?
    @Flag(help: "With --from: apply the proposal.") var confirm = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if from != nil {
            guard job == nil, agent == nil, !auto else {
                throw UsageError(en: "--from takes no job, --agent or --auto.", zh: "--from 不与代办件编号、--agent 或 --auto 同用。")
            }
            return
        }
        guard job != nil, auto != (agent != nil) else {
            throw UsageError(en: "Give a job and --auto or --agent ID, or --from ID.", zh: "须给出代办件编号和 --auto 或 --agent 工号，或 --from 工号。")
        }
        guard reason != nil else { throw UsageError(en: "A reassignment needs --reason.", zh: "改派须给出 --reason。") }
        if confirm { throw UsageError(en: "--confirm goes with --from.", zh: "--confirm 须与 --from 同用。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let language = options.language
        if let from {
            let id = try Staff.validateID(from)
            let lines = confirm ? try database.confirmLeaveProposal(from: id, by: actor) : try database.leaveProposal(from: id)
            if json {
                struct Body: Encodable { var from: String, confirmed: Bool, proposal: [AssignmentJSON] }
                try Output.json(Body(from: id, confirmed: confirm, proposal: lines.map {
                    AssignmentJSON(agent: $0.agent, reason: $0.reason, how: .leave, from: id, job: $0.job, caseNumber: $0.caseNumber)
                }))
                return
            }
            Self.printProposal(lines, from: id, confirmed: confirm, language: language)
            return
        }
        let outcome = try database.reassignProxyJob((job ?? "").uppercased(), to: auto ? .automatic : .agent(try Staff.validateID(agent ?? "")),
                                                    reason: reason ?? "", by: actor)
        if json { try Output.json(AssignmentJSON(outcome)); return }
        Output.line(AgentText.assignment(AssignmentJSON(outcome), reason: outcome.reason, language: language))
    }

    static func printProposal(_ lines: [LeaveProposalLine], from agent: String, confirmed: Bool, language: Language) {
        guard !lines.isEmpty else {
            Output.line(Bilingual(en: "\(agent) has no open proxy job to move.", zh: "\(agent) 没有需要改派的代办件。").text(language))
            return
        }
        Output.line(confirmed
            ? Bilingual(en: "Moved off \(agent):", zh: "已从 \(agent) 改派：").text(language)
            : Bilingual(en: "Proposal for \(agent)'s open jobs (confirm: desk agent reassign --from \(agent) --confirm):",
                        zh: "\(agent) 的办理中代办件改派建议（确认：desk agent reassign --from \(agent) --confirm）：").text(language))
        for line in lines {
            let j = AssignmentJSON(agent: line.agent, reason: line.reason, how: .leave, from: agent, job: line.job, caseNumber: line.caseNumber)
            Output.line("  " + (line.agent == nil
                ? Bilingual(en: "\(line.job): nobody on duty can take it; it stays.", zh: "\(line.job)：暂无在岗代办员可承接，暂不改派。").text(language)
                : AgentText.assignment(j, reason: line.reason, language: language)))
        }
    }
}

struct AgentCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a proxy job (代办件办结) once its case is finished and the ledger balances (its agent or a supervisor).",
        discussion: """
            Refused (exit 1), with every reason, while its case is not finished (result issued, withdrawn or terminated), an \
            original is still with the hall or the agent (each named with who holds it), or the result is not handed back to \
            the applicant. Example: desk agent close DB-20260302-0001 --json
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The proxy job's number (DB-…).") var job: String
    @Flag(help: "Print one JSON object: the job.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let row = try database.closeProxyJob(number: job, by: try options.actor(database))
        if json { return try Output.json(ProxyJobJSON(row.job, caseNumber: row.caseNumber, row: row)) }
        let state = row.caseState.map { ($0.label.en, $0.label.zh) }
        Output.line(Bilingual(en: "Proxy job \(row.job.number) closed\(row.caseNumber.map { " (case \($0), \(state?.0 ?? ""))" } ?? " (no case filed)").",
                              zh: "代办件 \(row.job.number) 已办结\(row.caseNumber.map { "（办件 \($0)，\(state?.1 ?? "")）" } ?? "（未立案）")。")
            .text(options.language))
    }
}
