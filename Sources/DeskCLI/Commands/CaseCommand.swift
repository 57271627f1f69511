import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk case …`: intake at the window (受理, 容缺受理, 一次性告知, 不予受理, "received, checking"), a case's
/// record, and its documents.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Take in a case at the window, take it through 一审一核 to its result, show it, reprint its documents.",
        subcommands: [CaseIntakeCommand.self, CaseDecideCommand.self, CaseShowCommand.self, CaseProgressCommand.self, CaseDocumentCommand.self, CaseTakeCommand.self,
                      CaseReviewCommand.self, CaseApproveCommand.self, CaseRejectCommand.self, CaseIssueCommand.self, CaseHandOverCommand.self,
                      CaseAcknowledgeCommand.self, CaseSuspendCommand.self, CaseResumeCommand.self, CaseExtendCommand.self,
                      CaseSupplementCommand.self, CaseWithdrawCommand.self, CaseTerminateCommand.self])
}

extension IntakeDecisionKind: ExpressibleByArgument {}
extension RefusalReason: ExpressibleByArgument {}
extension CaseDocumentKind: ExpressibleByArgument {}

/// The format of a printed document.
enum DocumentFormat: String, CaseIterable, ExpressibleByArgument {
    case txt, html
}

struct CaseIntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Take in a case while its ticket is served: applicant, item, materials, decision (the window's clerk or a supervisor).",
        discussion: """
            Materials are numbered as `desk catalog show CODE` lists them. A material not named in --provided, \
            --corrected, --defective or --missing is missing, except one another department shares (数据共享), which is \
            in unless --missing names it. Each material is named once. \
            Without --decision the first possible of accept, tolerate, notice is taken. Prints the decision, the \
            case (or null), the notice (or null) and the documents issued.
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The ticket being served, e.g. A001.") var ticket: String
    @Option(help: "The item's implementation code.") var item: String
    @OptionGroup var applicantOptions: ApplicantOptions
    @Option(help: "accept, tolerate, notice, refuse or pending.") var decision: IntakeDecisionKind?
    @OptionGroup var checked: CheckedMaterialsOptions
    @Option(name: .customLong("agent-name"), help: "An authorised agent's name.") var agentName: String?
    @Option(name: .customLong("agent-id"), help: "An authorised agent's resident ID number.") var agentID: String?
    @Option(help: "The authorisation as recorded (scope, date).") var authorisation: String?
    @Option(name: .customLong("proxy-agent"), help: "The hall's proxy agent (代办员) acting for the applicant: a staff number.")
    var proxyAgent: String?
    @Flag(help: "The ID number is known under another name and the ID shows the new one: record the name given (refused without it, exit 1).")
    var rename = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if (agentName == nil) != (agentID == nil) || (agentName != nil && authorisation == nil) {
            throw UsageError(en: "An authorised agent needs --agent-name, --agent-id and --authorisation.",
                             zh: "委托代理人须同时给出 --agent-name、--agent-id 和 --authorisation。")
        }
        if agentName != nil && proxyAgent != nil {
            throw UsageError(en: "Give an authorised agent or a proxy agent, not both.", zh: "委托代理人和代办员只能给出一个。")
        }
        try checked.requireRefusal(for: decision)
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        guard let catalogItem = try database.item(code: item) ?? database.item(code: item.uppercased()) else {
            throw IntakeError.unknownItem(item)
        }
        let checklist = try checked.checklist(for: catalogItem)
        let today = try CivilDate(parsing: database.today())
        let applicant = try applicantOptions.input(today: today)
        let representative = try agentName.map {
            try Representative.authorisedAgent(name: $0, residentID: agentID ?? "", authorisation: authorisation ?? "", today: today)
        } ?? (try proxyAgent.map { try Self.proxyAgent(database, id: $0) }) ?? .none
        let chosen = try decision ?? Self.firstPossible(database, item: catalogItem, checklist: checklist, applicant: applicant)
        var request = IntakeRequest(ticketCode: ticket, itemCode: catalogItem.implementationCode, applicant: applicant,
                                    representative: representative, checklist: checklist, decision: chosen,
                                    refusal: checked.refusal, reason: checked.reason, supplementDays: checked.supplementDays)
        request.rename = rename
        let outcome = try database.takeIn(request, by: actor)
        if json {
            try Output.json(IntakeJSON(outcome, calendar: try database.settings().businessCalendar, language: options.language))
        } else {
            for line in IntakeText.lines(outcome, language: options.language) { Output.line(line) }
        }
    }

    /// One of the hall's proxy agents (role agent), by staff number: recorded with their name and number.
    static func proxyAgent(_ database: HallDatabase, id: String) throws -> Representative {
        let staff = try database.staffMember(try Staff.validateID(id))
        guard staff.roles.contains(.agent) else {
            throw UsageError(en: "\(staff.id) is not a proxy agent.", zh: "\(staff.id) 不是代办员。")
        }
        return Representative(kind: .proxyAgent, name: staff.name, idNumber: staff.id)
    }

    /// Without --decision: accept if possible, else 容缺, else the one-time notice; when none is possible (a site
    /// that does not handle the item) the rule refuses the notice, naming why: only a refusal, asked for by name.
    static func firstPossible(_ database: HallDatabase, item: CatalogItem, checklist: IntakeChecklist,
                              applicant: ApplicantInput) throws -> IntakeDecisionKind {
        let flagged = try database.applicant(kind: applicant.kind, number: applicant.idNumber)?.isFlagged ?? false
        let assessment = IntakeDecision.assess(item: item, checklist: checklist, applicantFlagged: flagged,
                                               siteLevel: try database.settings().siteLevel)
        guard let decision = [.accept, .tolerate, .notice].first(where: assessment.isPossible) else {
            throw IntakeError.notPossible(.notice, assessment.obstacles(to: .notice))
        }
        return decision
    }
}

struct CaseDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide a \"received, checking\" intake within its 5 working days (the clerk who recorded it, or a supervisor).",
        discussion: """
            Without --provided, --corrected, --defective or --missing the checklist recorded at the window is kept; \
            with any of them the checklist is checked again from scratch, numbered as the list recorded at receipt. An acceptance is dated today; after the 5 working days \
            the intake is already an acceptance dated the day the materials arrived (art. 32), and this is refused.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The intake's registration number, e.g. HD-20260302-R000003.") var reference: String
    @Option(help: "accept, tolerate, notice or refuse.") var decision: IntakeDecisionKind
    @OptionGroup var checked: CheckedMaterialsOptions
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if decision == .pending {
            throw UsageError(en: "--decision must be accept, tolerate, notice or refuse.", zh: "--decision 须为 accept、tolerate、notice 或 refuse。")
        }
        try checked.requireRefusal(for: decision)
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        var checklist: IntakeChecklist?
        if checked.marksMaterials {
            // Decided already: says how, when and the case (not "no intake"); the positions are the list recorded at receipt.
            checklist = try checked.checklist(for: try database.pendingIntake(reference: reference).item)
        }
        let outcome = try database.decidePending(PendingDecision(reference: reference, decision: decision, checklist: checklist,
                                                                 refusal: checked.refusal, reason: checked.reason,
                                                                 supplementDays: checked.supplementDays), by: actor)
        if json {
            try Output.json(IntakeJSON(outcome, calendar: try database.settings().businessCalendar, language: options.language))
        } else {
            for line in IntakeText.lines(outcome, language: options.language) { Output.line(line) }
        }
    }
}

/// What the clerk found and decided, as `case intake` and `case decide` take it.
struct CheckedMaterialsOptions: ParsableArguments {
    @Option(help: "Materials provided, by position: 1,2,5.") var provided: String?
    @Option(help: "Materials corrected on the spot (当场更正), by position: 3.") var corrected: String?
    @Option(help: ArgumentHelp("A defective material and what is wrong: 4=\"note\" (repeatable).", valueName: "N=note")) var defective: [String] = []
    @Option(help: "Materials missing, by position: 2,3 (also one another department shares that did not come).") var missing: String?
    @Option(help: "Why a refusal: notThisOrgan or noLicenceNeeded.") var refusal: RefusalReason?
    @Option(help: "Free text with the decision: the refusal's particulars (notThisOrgan: the organ to apply to; the decision says 请向…申请).")
    var reason: String?
    @Option(name: .customLong("supplement-days"), help: "容缺: working days for the supplements (at most the hall's supplement_days).")
    var supplementDays: Int?

    /// Some material was marked on the command line.
    var marksMaterials: Bool { provided != nil || corrected != nil || missing != nil || !defective.isEmpty }

    func requireRefusal(for decision: IntakeDecisionKind?) throws {
        if decision == .refuse && (refusal == nil || (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty) {
            throw UsageError(en: "--decision refuse needs --refusal notThisOrgan or noLicenceNeeded, and --reason with the particulars (which organ to apply to, or why no licence is needed).",
                             zh: "--decision refuse 须给出 --refusal notThisOrgan 或 noLicenceNeeded，并以 --reason 写明具体情况（应向哪个机关申请，或为何无需许可）。")
        }
    }

    /// The checklist from the options: positions 1-based as `catalog show` numbers them.
    func checklist(for item: CatalogItem) throws -> IntakeChecklist {
        var checklist = IntakeChecklist.initial(for: item)
        func positions(_ text: String?, option: String) throws -> [Int] {
            guard let text, !text.isEmpty else { return [] }
            return try text.split(separator: ",").map { try position(String($0), option: option) }
        }
        func position(_ text: String, option: String) throws -> Int {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...item.materials.count).contains(n) else {
                throw UsageError.notAMaterial(text, option: option, count: item.materials.count)
            }
            return n
        }
        // Each position is marked once: two options naming it are a mistake, never the later one silently winning.
        var marked: [Int: String] = [:]
        func mark(_ n: Int, _ entry: ChecklistEntry, option: String) throws {
            if let earlier = marked[n] {
                throw UsageError(en: "Material \(n) is named by both \(earlier) and \(option): mark each material once.",
                                 zh: "材料 \(n) 同时出现在 \(earlier) 和 \(option) 中：每项材料只能标记一次。")
            }
            marked[n] = option
            checklist[n] = entry
        }
        for n in try positions(provided, option: "--provided") { try mark(n, ChecklistEntry(.provided), option: "--provided") }
        for n in try positions(corrected, option: "--corrected") { try mark(n, ChecklistEntry(.corrected), option: "--corrected") }
        for n in try positions(missing, option: "--missing") { try mark(n, ChecklistEntry(.missing), option: "--missing") }
        for spec in defective {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError(en: "--defective takes N=\"what is wrong\", not '\(spec)'.", zh: "--defective 的格式为 序号=\"问题\"，不能是“\(spec)”。")
            }
            try mark(try position(parts[0], option: "--defective"), ChecklistEntry(.defective, note: parts[1]), option: "--defective")
        }
        return checklist
    }

}

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A case: state, item, applicant (masked), materials, deadlines, working days left, light, events.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case number, e.g. HD-20260302-0001.") var number: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let detail = try database.caseDetail(number: number)
        let calendar = try database.settings().businessCalendar
        if json {
            try Output.json(CaseShowJSON(detail, calendar: calendar))
        } else {
            for line in CaseText.lines(detail, language: options.language) { Output.line(line) }
        }
    }
}

struct CaseDocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "Reprint a case's document as issued (plain text or HTML).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case number.") var number: String
    @Option(help: ArgumentHelp("\(CaseDocumentKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: the first issued)."))
    var kind: CaseDocumentKind?
    @Option(help: "txt or html.") var format: DocumentFormat = .txt
    @Flag(help: "Send it to the hall's print_command (default lp) instead of standard output.") var print = false

    func run() throws {
        let database = try options.openDatabase()
        let document = try database.caseDocument(number: number, kind: kind)
        let bytes = Data((format == .html ? document.html : document.text).utf8)
        guard print else { return try Output.raw(bytes) }
        let command = try database.settings().printCommand
        try DocumentPrinter(command: command).print(bytes)
        Output.line(Bilingual(en: "Sent \(document.label.en) to '\(command)'.", zh: "已将\(document.label.zh)发送到“\(command)”。")
            .text(options.language))
    }
}

