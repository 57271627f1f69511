import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

extension CaseState: ExpressibleByArgument {}
extension CaseLight: ExpressibleByArgument {}

/// `desk cases`: the case screen (no subcommand); `desk cases list|sweep`: many cases at once — the lists a reviewer,
/// an approver or a supervisor works from, and the sweep cron runs.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "The case screen (your queue by deadline); list cases by state, light, department, item or your own desk; run the case sweep.",
        subcommands: [CasesScreenCommand.self, CasesListCommand.self, CasesSweepCommand.self],
        defaultSubcommand: CasesScreenCommand.self)
}

/// The case screen for the signed-in staff member: the person bound to this OS account, or `--staff ID` with that
/// person's password (DESK_PASSWORD, or typed into the screen's sign-in form, the window screen's); with neither, the
/// form asks who it is (`CasesScreenSession`). Opening it runs the sweep when the
/// person may (docs/cases.md). Errors (database, theme, terminal, sign-in) are thrown to `Desk.runMain`.
struct CasesScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen", abstract: "The case screen: my queue as reviewer or approver by deadline, a case's detail and its actions.")
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
            var model = try CasesScreenModel(database: database, actor: try options.actor(database))
            var screen = try model.start()
            let size = FirstFrame.size(frameSize, fallback: Size(width: 100, height: 30))
            screen.layout(for: size)
            let now = database.clock.now
            Output.line(screen.frame(context: RenderContext(language: language, now: now, size: size)).lines().joined(separator: "\n"))
            return
        }
        // As the window screen: the bound account, or --staff with DESK_PASSWORD, signs in at once; else the form.
        let password = PasswordInput.forScreen(staff: options.staff)
        let session = CasesScreenSession(database: database, bound: try database.authenticate(osUser: OSAccount.current(), at: .cli))
        try CursesTerminal.run(theme: chosenTheme) { terminal in
            try session.run(on: terminal, language: language, staff: options.staff, password: password)
        }
    }
}

struct CasesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Cases, earliest deadline first, with their light.",
        discussion: """
            --mine: the open cases you review or decide, and those waiting for you (a reviewer: accepted cases nobody \
            has taken; an approver: cases under approval your level covers that you did not review; a clerk: decided and issued \
            cases the window serves; a liaison: handovers named to you; a supervisor: the cases at risk — red, yellow, 容缺 \
            supplements due, handovers unacknowledged).
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "A state: accepted, underReview, underApproval, approved, notApproved, resultIssued, handedOver, acknowledged, suspended, withdrawn, terminated (awaiting supplements: --awaiting-supplements).")
    var state: CaseState?
    @Flag(help: "Only open 容缺 cases with a material still to come (the side state 'awaiting supplements'), whatever their state.")
    var awaitingSupplements = false
    @Option(help: "red, yellow, green or grey.") var light: CaseLight?
    @Flag(help: "Only your desk (see below; needs you signed in).") var mine = false
    @Option(help: "A department: its code or its exact name as in the catalog (an unknown one is a usage error).") var department: String?
    @Option(help: "An item's implementation code.") var item: String?
    @Option(help: "At most this many (default 1000).") var limit: Int = 1000
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard limit >= 1 else { throw UsageError(en: "--limit must be at least 1.", zh: "--limit 至少为 1。") }
        try UsageError.rejectBlank(department, "--department")
    }

    /// `--department` as a code: the code or the exact name of a catalog department. An unknown one is a usage
    /// error (64) naming the known ones — never an empty list that reads as "no cases".
    static func departmentCode(_ given: String, in catalog: Catalog) throws -> String {
        if let department = catalog.department(codeOrName: given) { return department.code }
        let known = catalog.departments.map { "\($0.code) \($0.name)" }.joined(separator: "; ")
        throw UsageError(en: "No department '\(given)' in the catalog (give a code or the exact name): \(known).",
                         zh: "事项清单中没有部门“\(given)”（请给出编码或完整名称）：\(known)。")
    }

    func run() throws {
        let database = try options.openDatabase()
        let me = try mine ? database.caseActor(try options.actor(database)) : nil
        let departmentCode = try department.map { try Self.departmentCode($0, in: database.catalog()) }
        let entries = try database.cases(CaseListFilter(state: state, light: light, mine: me, departmentCode: departmentCode,
                                                        itemCode: item, awaitingSupplements: awaitingSupplements, limit: limit))
        if json {
            try Output.json(CasesListJSON(cases: entries.map(CaseListEntryJSON.init)))
        } else {
            let language = options.language
            // 79 columns at most: the item's name takes what the others leave (fitted by display width, Chinese 2).
            // The state's short label (CaseState.shortLabel, as the case screen's column) and a light column wide
            // enough for "unknown".
            Output.line(tableRow(Self.header.map { $0.text(language) }, widths: Self.widths))
            for e in entries { Output.line(Self.row(e, language: language)) }
        }
    }

    static let widths = [18, 11, 8, 11, 5, 27]

    /// A case's line of the table (also `project show`'s).
    static func row(_ e: CaseListEntry, language: Language) -> String {
        let r = e.record
        let due = (r.state == .approved || r.state == .notApproved ? e.resultDue : r.promisedDue)?.description ?? "-"
        return tableRow([r.number, r.state.shortLabel.text(language), lightCell(e.light).text(language), due,
                         e.light.workingDaysLeft.map(String.init) ?? "-", r.itemName], widths: widths)
    }

    /// The column names of the text table.
    static let header: [Bilingual] = [
        Bilingual(en: "Number", zh: "办件编号"), Bilingual(en: "State", zh: "状态"), Bilingual(en: "Light", zh: "灯"),
        Bilingual(en: "Due", zh: "期限"), Bilingual(en: "Left", zh: "剩余"), Bilingual(en: "Item", zh: "事项"),
    ]

    /// The light in its column: the light's name, "-" when no deadline runs, "unknown" when it cannot be counted
    /// (`case show` says why).
    static func lightCell(_ reading: CaseLightReading) -> Bilingual {
        switch reading {
        case .light, .suspended: reading.label
        case .overdue: CaseLight.red.label
        case .closed: Bilingual(en: "-", zh: "-")
        case .unknown: Bilingual(en: "unknown", zh: "未知")
        }
    }
}

struct CasesListJSON: Encodable { var cases: [CaseListEntryJSON] }

struct CaseListEntryJSON: Encodable {
    var `case`: CaseJSON
    var reviewer: String?
    var approver: String?
    var resultDue: String?
    /// green, yellow, red, grey, closed or unknown.
    var light: String
    var workingDaysLeft: Int?

    init(_ e: CaseListEntry) {
        self.case = CaseJSON(e.record); reviewer = e.reviewerID; approver = e.approverID; resultDue = e.resultDue?.description
        light = e.light.key; workingDaysLeft = e.light.workingDaysLeft
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.case, forKey: .case)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(approver, forKey: .approver)
        try c.encode(resultDue, forKey: .resultDue)
        try c.encode(light, forKey: .light)
        try c.encode(workingDaysLeft, forKey: .workingDaysLeft)
    }
    private enum CodingKeys: String, CodingKey { case `case`, reviewer, approver, resultDue, light, workingDaysLeft }
}

struct CasesSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "For cron: convert overdue pending intakes (art. 32); count deadlines left uncounted once the holiday schedule is loaded; suspend, resume or terminate 容缺 cases as their deadlines say; flag approved ones whose supplements are overdue (the system account or a supervisor).")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let summary = try database.sweepCases(by: try options.actor(database))
        if json {
            struct Step: Encodable { var `case`: String, action: String, effectiveOn: String }
            /// A document the sweep issued, to be delivered: the command that reprints it.
            struct Document: Encodable { var `case`: String, kind: String, reprint: String }
            /// An approved case flagged for a supervisor: its supplement deadline and the materials still out.
            struct Material: Encodable { var position: Int, name: String }
            struct Flagged: Encodable { var `case`: String, supplementDue: String, outstanding: [Material] }
            struct Body: Encodable {
                var converted: [String], steps: [Step], unknown: [String], counted: [String], documents: [Document], flagged: [Flagged]
            }
            try Output.json(Body(converted: summary.converted,
                                 steps: summary.steps.map { Step(case: $0.caseNumber, action: $0.action.rawValue, effectiveOn: $0.effectiveOn.description) },
                                 unknown: summary.unknown, counted: summary.counted,
                                 documents: summary.documents.map { Document(case: $0.caseNumber, kind: $0.kind.rawValue, reprint: Self.reprint($0)) },
                                 flagged: summary.flagged.map {
                                     Flagged(case: $0.caseNumber, supplementDue: $0.supplementDeadline.description,
                                             outstanding: $0.outstanding.map { Material(position: $0.position, name: $0.name) })
                                 }))
        } else {
            let language = options.language
            for number in summary.counted {
                Output.line(Bilingual(en: "\(number): deadlines counted (the holiday schedule is now loaded)",
                                      zh: "\(number)：期限已计算（节假日安排已导入）").text(language))
            }
            for number in summary.converted {
                Output.line(Bilingual(en: "Converted to an acceptance (art. 32): \(number)", zh: "逾期未决，依法视为受理：\(number)").text(language))
            }
            for s in summary.steps {
                Output.line("\(s.caseNumber)  \(s.action.label.text(language))  \(s.effectiveOn)")
            }
            for d in summary.documents {
                Output.line(Bilingual(en: "\(d.caseNumber): \(d.kind.label.en) issued, to be delivered: \(Self.reprint(d))",
                                      zh: "\(d.caseNumber)：已出具\(d.kind.label.zh)，须送达申请人：\(Self.reprint(d))").text(language))
            }
            for f in summary.flagged {
                let out = f.outstanding.map { "\($0.position). \($0.name)" }.joined(separator: Bilingual(en: "; ", zh: "；").text(language))
                Output.line(Bilingual(en: "\(f.caseNumber): flagged for a supervisor: approved, supplements due \(f.supplementDeadline) still out (\(out)); the approval stands, the result waits for them",
                                      zh: "\(f.caseNumber)：已提请督办：已准予许可，补齐材料截止 \(f.supplementDeadline) 仍缺（\(out)）；许可决定不变，补齐后送达").text(language))
            }
            for number in summary.unknown {
                Output.line(Bilingual(en: "\(number): a deadline cannot be counted (holiday schedule not loaded)",
                                      zh: "\(number)：期限无法计算（节假日安排未导入）").text(language))
            }
            if summary.isEmpty {
                Output.line(Bilingual(en: "Nothing due.", zh: "没有到期事项。").text(language))
            }
        }
    }

    /// The command that reprints a document the sweep issued.
    static func reprint(_ d: CaseSweepSummary.IssuedDocument) -> String { "desk case document \(d.caseNumber) --kind \(d.kind.rawValue)" }
}
