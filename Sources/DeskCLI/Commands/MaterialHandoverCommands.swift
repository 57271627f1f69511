import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

extension HandoverParty: ExpressibleByArgument {}
extension ContactMethod: ExpressibleByArgument {}

/// `desk handover add|list|receipt`: the material handover ledger (材料交接台账) of proxy jobs and cases.
enum MaterialLineArgument {
    /// `N[:original|copy[:COPIES]]` for a listed material, `NAME[:original|copy[:COPIES]]` for another thing.
    static func parse(_ text: String, listed: Bool) throws -> MaterialLineInput {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var copies = 1, form = MaterialForm.original
        if parts.count >= 3, let n = Int(parts[parts.count - 1]), let f = MaterialForm(rawValue: parts[parts.count - 2]) {
            copies = n; form = f; parts.removeLast(2)
        } else if parts.count >= 2, let f = MaterialForm(rawValue: parts[parts.count - 1]) {
            form = f; parts.removeLast()
        }
        let head = parts.joined(separator: ":")
        if listed {
            guard let position = Int(head), position >= 1 else {
                throw UsageError(en: "--material is N[:original|copy[:COPIES]] (the item's list position), not '\(PrintableText.excerpt(text))'.",
                                 zh: "--material 格式为 序号[:original|copy[:份数]]（材料清单序号），不能是“\(PrintableText.excerpt(text))”。")
            }
            return MaterialLineInput(.listed(position), form: form, copies: copies)
        }
        return MaterialLineInput(.other(head), form: form, copies: copies)
    }
}

struct MaterialHandoverJSON: Encodable {
    struct Line: Encodable {
        var material: String, position: Int?, name: String, form: String, copies: Int
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(material, forKey: .material); try c.encode(position, forKey: .position); try c.encode(name, forKey: .name)
            try c.encode(form, forKey: .form); try c.encode(copies, forKey: .copies)
        }
        private enum CodingKeys: String, CodingKey { case material, position, name, form, copies }
    }
    var number: String, job: String?, `case`: String?, from: String, fromName: String, to: String, toName: String, on: String
    var recordedBy: String, lines: [Line], digest: String
    init(_ h: MaterialHandover) {
        number = h.number; job = h.jobNumber; self.case = h.caseNumber; from = h.from.rawValue; fromName = h.fromName; to = h.to.rawValue
        toName = h.toName; on = h.on.description; recordedBy = h.recordedBy; digest = h.digest
        lines = h.lines.map { Line(material: $0.material.kindKey, position: $0.material.position, name: $0.material.name, form: $0.form.rawValue,
                                   copies: $0.copies) }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(job, forKey: .job); try c.encode(self.case, forKey: .case)
        try c.encode(from, forKey: .from); try c.encode(fromName, forKey: .fromName); try c.encode(to, forKey: .to)
        try c.encode(toName, forKey: .toName); try c.encode(on, forKey: .on); try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(lines, forKey: .lines); try c.encode(digest, forKey: .digest)
    }
    private enum CodingKeys: String, CodingKey { case number, job, `case`, from, fromName, to, toName, on, recordedBy, lines, digest }
}

struct OriginalOutJSON: Encodable {
    var material: String, position: Int?, name: String, holder: String, copies: Int
    init(_ h: MaterialLedger.Holding) {
        material = h.material.kindKey; position = h.material.position; name = h.material.name; holder = h.holder.rawValue; copies = h.copies
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(material, forKey: .material); try c.encode(position, forKey: .position); try c.encode(name, forKey: .name)
        try c.encode(holder, forKey: .holder); try c.encode(copies, forKey: .copies)
    }
    private enum CodingKeys: String, CodingKey { case material, position, name, holder, copies }
}

enum MaterialHandoverText {
    static func lines(_ h: MaterialHandover, language: Language) -> [String] {
        // The numbers on the first line (at most 64 columns), who to whom on the second: a head line never wraps mid-number.
        let head = ([h.number, h.on.description] + [h.jobNumber, h.caseNumber].compactMap { $0 }).joined(separator: "  ")
        let parties = "\(h.from.label.text(language)) \(h.fromName) → \(h.to.label.text(language)) \(h.toName)"
        return TextFitting.wrap(head, to: 80) + TextFitting.wrap(parties, to: 78).map { "  " + $0 } + h.lines.flatMap { line in
            TextFitting.wrap("\(line.material.text.text(language)) (\(line.form.label.text(language)) ×\(line.copies))", to: 76).map { "    " + $0 }
        }
    }
}

struct HandoverAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "材料交接: record materials handed between the applicant, the agent and the window, as one handover with one receipt (交接单).",
        discussion: "Example: desk handover add --job DB-20260302-0001 --from applicant --to agent --material 1 --material 3:copy:2 --other 公章")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The proxy job (DB-…).") var job: String?
    @Option(name: .customLong("case"), help: "The case (HD-…).") var caseNumber: String?
    @Option(help: "applicant, agent or window.") var from: HandoverParty
    @Option(help: "applicant, agent or window.") var to: HandoverParty
    @Option(name: .customLong("from-name"), help: "The giver's name as signed (default: the applicant masked, the agent, you at the window).")
    var fromName: String?
    @Option(name: .customLong("to-name"), help: "The receiver's name as signed (same defaults).") var toName: String?
    @Option(help: "A listed material: N[:original|copy[:COPIES]] (default original, 1). Repeatable.") var material: [String] = []
    @Option(help: "The result (证照, 决定书) by name, an original. Repeatable.") var result: [String] = []
    @Option(help: "Anything else: NAME[:original|copy[:COPIES]]. Repeatable.") var other: [String] = []
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let lines = try material.map { try MaterialLineArgument.parse($0, listed: true) }
            + result.map { MaterialLineInput(.result($0)) } + other.map { try MaterialLineArgument.parse($0, listed: false) }
        if job == nil && caseNumber == nil { throw UsageError(en: "Give --job or --case.", zh: "请给出 --job 或 --case。") }
        if lines.isEmpty { throw UsageError(en: "Give at least one --material, --result or --other.", zh: "请至少给出一项 --material、--result 或 --other。") }
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let request = try MaterialHandoverRequest(jobNumber: job, caseNumber: caseNumber, from: from, fromName: fromName, to: to, toName: toName,
                                                  lines: lines)
        let handover = try database.recordMaterialHandover(request, by: actor)
        if json { return try Output.json(MaterialHandoverJSON(handover)) }
        for line in MaterialHandoverText.lines(handover, language: options.language) { Output.line(line) }
        Output.line(Bilingual(en: "Receipt: desk handover receipt \(handover.number)", zh: "交接单：desk handover receipt \(handover.number)")
            .text(options.language))
    }
}

struct HandoverListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The material ledger of a case, a proxy job or an agent, with the originals still with the hall or the agent.",
        discussion: "Example: desk handover list --agent P03 --open")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The proxy job (DB-…).") var job: String?
    @Option(name: .customLong("case"), help: "The case (HD-…).") var caseNumber: String?
    @Option(help: "An agent's staff number: the ledger of the jobs they hold.") var agent: String?
    @Flag(help: "With --agent: open jobs only.") var open = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if [job, caseNumber, agent].compactMap({ $0 }).count != 1 {
            throw UsageError(en: "Give one of --case, --job or --agent.", zh: "请给出 --case、--job 或 --agent 中的一个。")
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        let ledger: [MaterialHandover]
        if let job { ledger = try database.materialLedger(jobNumber: job) }
        else if let caseNumber { ledger = try database.materialLedger(caseNumber: caseNumber) }
        else { ledger = try database.materialLedger(agent: try Staff.validateID(agent ?? ""), openOnly: open) }
        // Per job or case: what is still out (an agent's ledger is balanced per job, so grouped first).
        var groups: [String: [MaterialHandover]] = [:], order: [String] = []
        for h in ledger {
            let key = h.jobNumber ?? h.caseNumber ?? h.number
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(h)
        }
        let out = order.flatMap { MaterialLedger.originalsOut(groups[$0] ?? []) }
        if json {
            struct Body: Encodable { var handovers: [MaterialHandoverJSON], originalsOut: [OriginalOutJSON], balanced: Bool }
            return try Output.json(Body(handovers: ledger.map(MaterialHandoverJSON.init), originalsOut: out.map(OriginalOutJSON.init),
                                        balanced: out.isEmpty))
        }
        let language = options.language
        guard !ledger.isEmpty else { return Output.line(Bilingual(en: "No handover recorded.", zh: "没有交接记录。").text(language)) }
        for h in ledger { for line in MaterialHandoverText.lines(h, language: language) { Output.line(line) } }
        Output.line("")
        if out.isEmpty {
            Output.line(Bilingual(en: "Balanced: no original is with the hall or the agent.", zh: "已平衡：没有原件留在大厅或代办员处。").text(language))
        } else {
            Output.line(Bilingual(en: "Originals still out:", zh: "尚未退还的原件：").text(language))
            for h in out { for line in TextFitting.wrap(h.text.text(language), to: 76) { Output.line("    " + line) } }
        }
    }
}

struct HandoverReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: "Print a handover receipt (交接单) again, as issued (text, or the A4 HTML page).",
        discussion: "Example: desk handover receipt JJ-20260302-0001 --format html --output jj.html")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The receipt number (JJ-…).") var number: String
    @Option(help: "txt or html (as desk case document).") var format: DocumentFormat = .txt
    /// The first spelling of `--format html`, kept for scripts written against it.
    @Flag(help: .hidden) var html = false
    @Option(help: "Write it to this file instead of standard output.") var output: String?
    @Flag(help: "Send it to the hall's print_command (default lp) instead of standard output.") var print = false

    func validate() throws {
        if print && output != nil { throw UsageError(en: "Give --print or --output, not both.", zh: "--print 和 --output 只能给出一个。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let receipt = try database.handoverReceipt(number: number)
        let bytes = Data((html || format == .html ? receipt.html : receipt.text).utf8)
        if print {
            let command = try database.settings().printCommand
            try DocumentPrinter(command: command).print(bytes)
            return Output.line(Bilingual(en: "Sent \(receipt.handover.number) to '\(command)'.", zh: "已将交接单 \(receipt.handover.number) 发送到“\(command)”。")
                .text(options.language))
        }
        guard let output else { return try Output.raw(bytes) }
        try bytes.write(to: URL(fileURLWithPath: output))
        Output.line(Bilingual(en: "Wrote \(receipt.handover.number) to \(output).", zh: "已将 \(receipt.handover.number) 写入 \(output)。").text(options.language))
    }
}
