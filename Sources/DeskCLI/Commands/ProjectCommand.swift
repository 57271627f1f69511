import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk project create|add-case|show|list|accept|document|simulate|convert`: major projects (重大项目绿色通道) — an investor's cases handled in
/// parallel under a lead proxy agent, the critical path, and the departments' joint acceptance (docs/agents.md).
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "重大项目: major projects, their cases in parallel, the critical path and the joint acceptance.",
        subcommands: [ProjectCreateCommand.self, ProjectAddCaseCommand.self, ProjectShowCommand.self, ProjectListCommand.self,
                      ProjectAcceptCommand.self, ProjectDocumentCommand.self, ProjectSimulateCommand.self, ProjectConvertCommand.self])
}

struct ProjectJSON: Encodable {
    var number: String, name: String, investor: String, investorCode: String, leadAgent: String, state: String
    var createdOn: String, acceptedOn: String?
    init(_ p: Project) {
        number = p.number; name = p.name; investor = p.investorName; investorCode = IdentifierMask.creditCode(p.investorCode)
        leadAgent = p.leadAgentID; state = p.state.rawValue; createdOn = p.createdOn.description; acceptedOn = p.acceptedOn?.description
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(name, forKey: .name); try c.encode(investor, forKey: .investor)
        try c.encode(investorCode, forKey: .investorCode); try c.encode(leadAgent, forKey: .leadAgent); try c.encode(state, forKey: .state)
        try c.encode(createdOn, forKey: .createdOn); try c.encode(acceptedOn, forKey: .acceptedOn)
    }
    private enum CodingKeys: String, CodingKey { case number, name, investor, investorCode, leadAgent, state, createdOn, acceptedOn }
}

struct JointAcceptanceJSON: Encodable {
    struct SignOff: Encodable { var department: String, verdict: String, opinion: String, signedBy: String, signedOn: String }
    var accepted: Bool
    var departments: [String], unsigned: [String], failed: [String]
    var signOffs: [SignOff]
    init(_ a: JointAcceptance, history: [AcceptanceSignOff]) {
        accepted = a.isAccepted; departments = a.departments; unsigned = a.unsigned; failed = a.failed
        signOffs = history.map { SignOff(department: $0.departmentCode, verdict: $0.verdict.rawValue, opinion: $0.opinion,
                                         signedBy: $0.signedBy, signedOn: $0.signedOn.description) }
    }
}

struct SimulationJSON: Encodable {
    struct Material: Encodable { var position: Int, name: String?, checked: Bool }
    var item: String, itemName: String, materials: [Material], opinion: String, reviewer: String, reviewedOn: String
    var `case`: String?, convertedOn: String?
    init(_ s: ProjectSimulation, materialNames: [String]) {
        item = s.itemCode; itemName = s.itemName; opinion = s.opinion; reviewer = s.reviewerID; reviewedOn = s.reviewedOn.description
        self.case = s.caseNumber; convertedOn = s.convertedOn?.description
        let count = max(materialNames.count, s.checkedMaterials.max() ?? 0)
        materials = (0..<count).map { i in
            Material(position: i + 1, name: i < materialNames.count ? materialNames[i] : nil, checked: s.checkedMaterials.contains(i + 1))
        }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item); try c.encode(itemName, forKey: .itemName); try c.encode(materials, forKey: .materials)
        try c.encode(opinion, forKey: .opinion); try c.encode(reviewer, forKey: .reviewer); try c.encode(reviewedOn, forKey: .reviewedOn)
        try c.encode(self.case, forKey: .case); try c.encode(convertedOn, forKey: .convertedOn)
    }
    private enum CodingKeys: String, CodingKey { case item, itemName, materials, opinion, reviewer, reviewedOn, `case`, convertedOn }

    /// The item's material names as the catalog lists them (empty for an item no longer in it).
    static func make(_ s: ProjectSimulation, catalog: Catalog) -> SimulationJSON {
        SimulationJSON(s, materialNames: catalog.items.first { $0.implementationCode == s.itemCode }?.materials.map(\.name) ?? [])
    }
}

struct CriticalPathJSON: Encodable {
    var `case`: String?, date: String?, basis: String?
    var onTime: Bool
    var late: [String], undated: [String], open: [String]
    init(_ p: ProjectCriticalPath) {
        self.case = p.caseNumber; date = p.date?.description; basis = p.basis?.rawValue; onTime = p.onTime
        late = p.late; undated = p.undated; open = p.open
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.case, forKey: .case); try c.encode(date, forKey: .date); try c.encode(basis, forKey: .basis)
        try c.encode(onTime, forKey: .onTime); try c.encode(late, forKey: .late); try c.encode(undated, forKey: .undated)
        try c.encode(open, forKey: .open)
    }
    private enum CodingKeys: String, CodingKey { case `case`, date, basis, onTime, late, undated, open }
}

enum ProjectText {
    static func headline(_ p: Project, lead: String?, language: Language) -> String {
        let text = Bilingual(
            en: "\(p.number)  \(p.name)  (\(p.state.label.en))\nInvestor: \(p.investorName) \(IdentifierMask.creditCode(p.investorCode))   Lead agent: \(p.leadAgentID) \(lead ?? "")",
            zh: "\(p.number)  \(p.name)（\(p.state.label.zh)）\n投资主体：\(p.investorName) \(IdentifierMask.creditCode(p.investorCode))   牵头代办员：\(p.leadAgentID) \(lead ?? "")")
        return text.text(language)
    }

    static func criticalPath(_ p: ProjectCriticalPath, language: Language) -> [String] {
        var lines: [String] = []
        if let number = p.caseNumber, let date = p.date, let basis = p.basis {
            lines.append(Bilingual(en: "Critical path: \(number), result expected by \(date) (\(basis.label.en))",
                                   zh: "关键路径：\(number)，预计 \(date) 前出结果（\(basis.label.zh)）").text(language))
        } else if p.open.isEmpty {
            lines.append(Bilingual(en: "Critical path: none (no case is open)", zh: "关键路径：无（没有在办办件）").text(language))
        } else {
            lines.append(Bilingual(en: "Critical path: unknown (no open case has a counted date)",
                                   zh: "关键路径：未知（在办办件的期限均无法计算）").text(language))
        }
        if !p.undated.isEmpty {
            lines.append(Bilingual(en: "Not dated (a year without its holiday schedule): \(p.undated.joined(separator: ", "))",
                                   zh: "无法计算期限（节假日安排未导入）：\(p.undated.joined(separator: "、"))").text(language))
        }
        lines.append(p.onTime ? Bilingual(en: "On time: yes", zh: "是否按期：按期").text(language)
                     : Bilingual(en: "On time: no — overdue: \(p.late.joined(separator: ", "))",
                                 zh: "是否按期：已逾期——\(p.late.joined(separator: "、"))").text(language))
        return lines
    }
}

struct ProjectCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a major project (a supervisor or an agent): name, investor and credit code, lead agent.",
        discussion: """
            The number is XM-<year>-<sequence> (XM-2026-001). The investor's unified social credit code is checked (GB 32100). \
            Example: desk project create --name 年产5万吨食品加工项目 --investor 杭州禾润食品有限公司 \
            --investor-code 91330110MA2D4M2X… --lead P01
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The project's name.") var name: String
    @Option(help: "The investor (the project unit)'s name.") var investor: String
    @Option(help: "The investor's unified social credit code (18 characters, GB 32100).") var investorCode: String
    @Option(help: "The lead proxy agent's staff number (role agent).") var lead: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let project = try database.createProject(ProjectRequest(name: name, investorName: investor, investorCode: investorCode,
                                                                leadAgentID: lead), by: actor)
        if json { try Output.json(ProjectJSON(project)) } else {
            Output.line(Bilingual(en: "Project \(project.number) created.", zh: "已创建重大项目 \(project.number)。").text(options.language))
        }
    }
}

struct ProjectAddCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-case", abstract: "Add a case of the investor to a project (its lead agent or a supervisor).",
        discussion: "A case belongs to at most one project. Example: desk project add-case XM-2026-001 HD-20260302-0001")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Argument(help: "The case's number.") var caseNumber: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        try database.addCase(caseNumber, toProject: project, by: try options.actor(database))
        let view = try database.projectView(number: project)
        if json {
            struct Body: Encodable { var project: String, `case`: String, cases: Int }
            try Output.json(Body(project: view.project.number, case: caseNumber.uppercased(), cases: view.cases.count))
        } else {
            Output.line(Bilingual(en: "Case \(caseNumber.uppercased()) added to \(view.project.number) (\(view.cases.count) cases).",
                                  zh: "办件 \(caseNumber.uppercased()) 已加入 \(view.project.number)（共 \(view.cases.count) 件）。").text(options.language))
        }
    }
}

struct ProjectShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A project: its cases with state, light and deadlines, the critical path, the joint acceptance.",
        discussion: """
            The critical path is the open case whose result is expected last: being decided, its promised deadline; decided, \
            its result delivery deadline; suspended, at least its promised deadline. The project is on time while none of its \
            open cases is overdue. Example: desk project show XM-2026-001 --json
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let view = try database.projectView(number: project)
        if json {
            struct Body: Encodable {
                var project: ProjectJSON, asOf: String, cases: [CaseListEntryJSON], criticalPath: CriticalPathJSON
                var jointAcceptance: JointAcceptanceJSON, simulations: [SimulationJSON]
            }
            let catalog = try database.catalog()
            try Output.json(Body(project: ProjectJSON(view.project), asOf: view.today.description, cases: view.cases.map(CaseListEntryJSON.init),
                                 criticalPath: CriticalPathJSON(view.criticalPath),
                                 jointAcceptance: JointAcceptanceJSON(view.acceptance, history: view.signOffs),
                                 simulations: view.simulations.map { SimulationJSON.make($0, catalog: catalog) }))
            return
        }
        let language = options.language
        Output.line(ProjectText.headline(view.project, lead: view.leadAgentName, language: language))
        Output.line(tableRow(CasesListCommand.header.map { $0.text(language) }, widths: CasesListCommand.widths))
        for e in view.cases { Output.line(CasesListCommand.row(e, language: language)) }
        for line in ProjectText.criticalPath(view.criticalPath, language: language) { Output.line(line) }
        let a = view.acceptance
        Output.line(Bilingual(en: "Joint acceptance: \(a.isAccepted ? "accepted" : "pending") — unsigned: \(a.unsigned.joined(separator: ", ").ifEmpty("-")); failed: \(a.failed.joined(separator: ", ").ifEmpty("-"))",
                              zh: "联合验收：\(a.isAccepted ? "已通过" : "未完成")——未签署：\(a.unsigned.joined(separator: "、").ifEmpty("-"))；不通过：\(a.failed.joined(separator: "、").ifEmpty("-"))").text(language))
        for s in view.signOffs {
            Output.line("  \(s.signedOn) \(s.departmentCode) \(s.verdict.label.text(language)) \(s.signedBy): \(s.opinion)")
        }
        for s in view.simulations {
            let materials = s.checkedMaterials.map(String.init).joined(separator: ",")
            Output.line(Bilingual(en: "Simulated approval: \(s.itemName) (\(s.reviewerID), \(s.reviewedOn)), materials checked \(materials): \(s.opinion) — \(s.caseNumber.map { "converted into \($0)" } ?? "awaiting the formal application")",
                                  zh: "模拟审批：\(s.itemName)（\(s.reviewerID)，\(s.reviewedOn)），已审材料 \(materials)：\(s.opinion)——\(s.caseNumber.map { "已转入办件 \($0)" } ?? "待正式申报")").text(language))
        }
    }
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}

struct ProjectListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every project, newest first, with its state and case counts.",
        discussion: "Example: desk project list --state open --json")
    @OptionGroup var options: GlobalOptions
    @Option(help: "open or accepted.") var state: ProjectState?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let entries = try options.openDatabase().projects(state: state)
        if json {
            struct Entry: Encodable { var project: ProjectJSON, cases: Int, openCases: Int }
            struct Body: Encodable { var projects: [Entry] }
            try Output.json(Body(projects: entries.map { Entry(project: ProjectJSON($0.project), cases: $0.caseCount, openCases: $0.openCaseCount) }))
            return
        }
        let language = options.language
        let widths = [13, 13, 7, 7, 39]
        Output.line(tableRow([Bilingual(en: "Number", zh: "项目编号"), Bilingual(en: "State", zh: "状态"), Bilingual(en: "Cases", zh: "办件"),
                              Bilingual(en: "Open", zh: "在办"), Bilingual(en: "Name", zh: "项目名称")].map { $0.text(language) }, widths: widths))
        for e in entries {
            Output.line(tableRow([e.project.number, e.project.state.label.text(language), String(e.caseCount), String(e.openCaseCount),
                                  e.project.name], widths: widths))
        }
    }
}

extension ProjectState: ExpressibleByArgument {}

struct ProjectAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "联合验收: a department's sign-off, pass or fail, with its opinion.",
        discussion: """
            Once none of the project's cases is still being decided. A supervisor signs for any department; a reviewer or \
            approver for a department whose case in the project they reviewed or decided. The project is accepted when every \
            department's latest sign-off is a pass. Example: desk project accept XM-2026-001 --department 330110-SCJ --pass \
            --opinion 符合验收条件
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Option(help: "The department: its code or its name as in the catalog.") var department: String
    @Flag(help: "The department passes the project.") var pass = false
    @Flag(help: "The department fails the project (it signs again after rectification).") var fail = false
    @Option(help: "The department's opinion.") var opinion: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard pass != fail else { throw UsageError(en: "Give either --pass or --fail.", zh: "须给出 --pass 或 --fail 之一。") }
        try UsageError.rejectBlank(department, "--department")
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let code = try database.catalog().department(codeOrName: department)?.code ?? department
        let acceptance = try database.signJointAcceptance(project: project, department: code, verdict: pass ? .pass : .fail,
                                                          opinion: opinion, by: actor)
        let view = try database.projectView(number: project)
        if json {
            struct Body: Encodable { var project: String, state: String, jointAcceptance: JointAcceptanceJSON }
            try Output.json(Body(project: view.project.number, state: view.project.state.rawValue,
                                 jointAcceptance: JointAcceptanceJSON(acceptance, history: view.signOffs)))
        } else {
            Output.line(acceptance.isAccepted
                        ? Bilingual(en: "Project \(view.project.number) accepted: every department signed pass.",
                                    zh: "重大项目 \(view.project.number) 已通过联合验收。").text(options.language)
                        : Bilingual(en: "Signed. Still unsigned: \(acceptance.unsigned.joined(separator: ", ").ifEmpty("-")); failed: \(acceptance.failed.joined(separator: ", ").ifEmpty("-")).",
                                    zh: "已签署。尚未签署：\(acceptance.unsigned.joined(separator: "、").ifEmpty("-"))；不通过：\(acceptance.failed.joined(separator: "、").ifEmpty("-"))。").text(options.language))
        }
    }
}

struct ProjectDocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "The joint acceptance record (联合验收意见书): as issued once the project passed, else the record so far.",
        discussion: """
            The project, the investor (credit code masked), its cases, each department's sign-offs (verdict, opinion, who, when) \
            and the result; plain text (80 columns) or the A4 HTML page. Issued and sealed in the audit chain by the sign-off \
            that passes the project; a kept record changed outside HallDesk is refused (exit 4). Before that it prints as \
            联合验收记录（未完成）, not a conclusion. Example: desk project document XM-2026-001 --format html > xm.html
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Option(help: "txt or html.") var format: DocumentFormat = .txt
    @Flag(help: "Send it to the hall's print_command (default lp) instead of standard output.") var print = false

    func run() throws {
        let database = try options.openDatabase()
        let document = try database.jointAcceptanceDocument(project: project)
        let bytes = Data((format == .html ? document.html : document.text).utf8)
        guard print else { return try Output.raw(bytes) }
        let command = try database.settings().printCommand
        try DocumentPrinter(command: command).print(bytes)
        Output.line(Bilingual(en: "Sent the joint acceptance record of \(document.projectNumber) to '\(command)'.",
                              zh: "已将 \(document.projectNumber) 的联合验收意见书发送到“\(command)”。").text(options.language))
    }
}

struct ProjectSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "模拟审批: a reviewer reviews an item's materials for the project before the formal application.",
        discussion: """
            --checked: the materials reviewed and in order, numbered as `desk catalog show CODE` lists them. When the formal \
            application comes (a case of that item, added to the project), `desk project convert` completes its review as \
            simulated. Example: desk project simulate XM-2026-001 --item 11510199MB1530000K4000010007 --checked 1,3,4,5 \
            --opinion 材料基本齐全，待取得营业执照后正式申报 --staff R01
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Option(help: "The item's implementation code.") var item: String
    @Option(help: "The materials reviewed, by number: 1,2,3.") var checked: String
    @Option(help: "The reviewer's opinion.") var opinion: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard !checked.split(separator: ",").isEmpty, checked.split(separator: ",").allSatisfy({ Int($0.trimmingCharacters(in: .whitespaces)) != nil }) else {
            throw UsageError(en: "--checked lists material numbers: 1,2,3.", zh: "--checked 须为材料序号，如 1,2,3。")
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        let positions = checked.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let s = try database.simulateApproval(project: project, itemCode: item, checkedMaterials: positions, opinion: opinion,
                                              by: try options.actor(database))
        if json { try Output.json(SimulationJSON.make(s, catalog: try database.catalog())) } else {
            Output.line(Bilingual(en: "Simulated approval of \(s.itemName) recorded for \(s.projectNumber).",
                                  zh: "已登记 \(s.projectNumber) 的“\(s.itemName)”模拟审批。").text(options.language))
        }
    }
}

struct ProjectConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert the simulated approval into the formal application's case: its review completed as simulated.",
        discussion: """
            The case (of the simulated item, in the project) gets the simulation attached and its review submitted with the \
            simulated opinion quoted ("按模拟审批意见（R01，2026-02-20）：…"); the case goes to approval. A reviewer. \
            Example: desk project convert XM-2026-001 HD-20260302-0002 --staff R01
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The project's number.") var project: String
    @Argument(help: "The case's number.") var caseNumber: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let record = try database.convertSimulation(project: project, caseNumber: caseNumber, by: try options.actor(database))
        if json { try Output.json(CaseJSON(record)) } else {
            Output.line(Bilingual(en: "Case \(record.number) reviewed as simulated; now \(record.state.label.en).",
                                  zh: "办件 \(record.number) 已按模拟审批意见完成审查，现为\(record.state.label.zh)。").text(options.language))
        }
    }
}
