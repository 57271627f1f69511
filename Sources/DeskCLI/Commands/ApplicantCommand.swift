import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk applicant show|flag|unflag`: an applicant found by number (masked in every answer), and the bad-credit
/// flag (失信) a supervisor sets and lifts.
struct ApplicantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applicant", abstract: "Show an applicant; set or lift the bad-credit flag (失信, a supervisor).",
        subcommands: [ApplicantShowCommand.self, ApplicantFlagCommand.self, ApplicantUnflagCommand.self])
}

/// Which applicant: a person's resident ID or an organisation's credit code.
struct ApplicantNumberOptions: ParsableArguments {
    @Option(name: .customLong("person-id"), help: "A person's resident ID number.") var personID: String?
    @Option(name: .customLong("org-uscc"), help: "An organisation's unified social credit code.") var orgUSCC: String?

    func validate() throws {
        if (personID == nil) == (orgUSCC == nil) {
            throw UsageError(en: "Give --person-id or --org-uscc (one of them).", zh: "请给出 --person-id 或 --org-uscc（二选一）。")
        }
    }

    var kind: ApplicantKind { personID == nil ? .organisation : .person }
    var number: String { personID ?? orgUSCC ?? "" }
}

struct ApplicantShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An applicant, masked, with the flag.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var applicant: ApplicantNumberOptions
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let today = try CivilDate(parsing: database.today())
        let number = try ApplicantInput.normalisedNumber(kind: applicant.kind, applicant.number, today: today)
        guard let found = try database.applicant(kind: applicant.kind, number: number) else {
            throw ApplicantError.unknownApplicant(applicant.kind.masked(number))
        }
        try ApplicantText.print(found, json: json, language: options.language)
    }
}

struct ApplicantFlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flag", abstract: "Flag an applicant for bad credit (失信): a supervisor, with a reason.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var applicant: ApplicantNumberOptions
    @Option(help: "Why (the decision or list the flag comes from).") var reason: String
    @Option(help: "The flag's date, YYYY-MM-DD (default: today).") var on: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let date = try DateOption.parse(on, option: "--on")
        let database = try options.openDatabase()
        let changed = try database.flagApplicant(kind: applicant.kind, number: applicant.number, reason: reason, on: date,
                                                 by: try options.actor(database))
        try ApplicantText.print(changed, json: json, language: options.language)
    }
}

struct ApplicantUnflagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unflag", abstract: "Lift an applicant's bad-credit flag: a supervisor, with a reason.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var applicant: ApplicantNumberOptions
    @Option(help: "Why (e.g. the credit repair decision).") var reason: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let changed = try database.unflagApplicant(kind: applicant.kind, number: applicant.number, reason: reason,
                                                   by: try options.actor(database))
        try ApplicantText.print(changed, json: json, language: options.language)
    }
}

enum ApplicantText {
    static func print(_ a: Applicant, json: Bool, language: Language) throws {
        if json {
            try Output.json(ApplicantJSON(a))
            return
        }
        Output.line("\(a.name)  \(a.maskedNumber)  \(a.kind.label.text(language))")
        if let flag = a.flag {
            Output.line(Bilingual(en: "Flagged (bad credit) since \(flag.on): \(flag.reason)", zh: "失信标记（\(flag.on) 起）：\(flag.reason)").text(language))
        } else {
            Output.line(Bilingual(en: "Not flagged", zh: "无失信标记").text(language))
        }
    }
}
