import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk contact add|list`: an agent's contact log with a job's applicant (calls, visits, what was agreed).
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "The contact log of proxy jobs: calls and visits with the applicant.",
        subcommands: [ContactAddCommand.self, ContactListCommand.self])
}

struct ContactJSON: Encodable {
    var job: String, on: String, how: String, note: String, next: String?, by: String
    init(_ e: ContactEntry) { job = e.jobNumber; on = e.on.description; how = e.how.rawValue; note = e.note; next = e.next?.description; by = e.by }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(job, forKey: .job); try c.encode(on, forKey: .on); try c.encode(how, forKey: .how); try c.encode(note, forKey: .note)
        try c.encode(next, forKey: .next); try c.encode(by, forKey: .by)
    }
    private enum CodingKeys: String, CodingKey { case job, on, how, note, next, by }
}

enum ContactText {
    static func lines(_ e: ContactEntry, language: Language) -> [String] {
        let next = e.next.map { Bilingual(en: "  next \($0)", zh: "  下一步 \($0)").text(language) } ?? ""
        return TextFitting.wrap("\(e.jobNumber)  \(e.on)  \(e.how.label.text(language))  \(e.by)\(next)", to: 80)
            + TextFitting.wrap(e.note, to: 76).map { "    " + $0 }
    }
}

struct ContactAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a contact with the job's applicant (the job's agent, or a supervisor).",
        discussion: "Example: desk contact add DB-20260302-0001 --how phone --note '约定周三上午交营业执照原件' --next 2026-03-04")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The proxy job (DB-…).") var job: String
    @Option(help: "phone, visit, message or other.") var how: ContactMethod
    @Option(help: "What was agreed.") var note: String
    @Option(help: "The next step's day, YYYY-MM-DD.") var next: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let day = try DateOption.parse(next, option: "--next")
        let database = try options.openDatabase()
        let entry = try database.recordContact(jobNumber: job, how: how, note: note, next: day, by: try options.actor(database))
        if json { return try Output.json(ContactJSON(entry)) }
        for line in ContactText.lines(entry, language: options.language) { Output.line(line) }
    }
}

struct ContactListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The contact log of a job, or of every job an agent holds.",
        discussion: "Example: desk contact list --agent P03")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The proxy job (DB-…).") var job: String?
    @Option(help: "An agent's staff number.") var agent: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if (job == nil) == (agent == nil) { throw UsageError(en: "Give a job or --agent (one of them).", zh: "请给出代办件编号或 --agent（二选一）。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let log = try database.contacts(jobNumber: job, agent: try agent.map(Staff.validateID))
        if json {
            struct Body: Encodable { var contacts: [ContactJSON] }
            return try Output.json(Body(contacts: log.map(ContactJSON.init)))
        }
        guard !log.isEmpty else { return Output.line(Bilingual(en: "No contact recorded.", zh: "没有联系记录。").text(options.language)) }
        for e in log { for line in ContactText.lines(e, language: options.language) { Output.line(line) } }
    }
}
