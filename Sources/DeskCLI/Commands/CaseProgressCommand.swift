import ArgumentParser
import HallModel
import Queue

/// `desk case progress NUMBER --last4 XXXX`: what the kiosk tells a citizen about their case, for the hall's phone line
/// (and the tests). Nothing of the applicant is printed; a wrong number and a wrong last four give the same answer (exit 1).
struct CaseProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "A case's progress as a citizen may see it: found by its number and the last four characters of the applicant's number.",
        discussion: """
            The item, where the case stands in plain words, the accepted and promised dates, the working days left, \
            materials still to be supplied, and the steps done with their dates; nothing of the applicant. A wrong number \
            or a wrong last four gives the same answer: no case matches (exit 1). A read: nobody needs to sign in.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case number, e.g. HD-20260302-0001.") var number: String
    @Option(name: .customLong("last4"), help: "The last four characters of the applicant's ID number or credit code (X may be x).")
    var lastFour: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        do throws(CaseProgressError) {
            _ = try CaseProgressQuery(number: number, lastFour: lastFour)
        } catch {
            throw UsageError(en: error.message.en, zh: error.message.zh)
        }
    }

    func run() throws {
        let database = try options.openDatabase()
        guard let progress = try database.caseProgress(try CaseProgressQuery(number: number, lastFour: lastFour)) else {
            throw CaseProgressError.noMatch
        }
        if json {
            try Output.json(CaseProgressJSON(progress))
        } else {
            for line in Self.lines(progress, language: options.language) { Output.line(line) }
        }
    }

    static func lines(_ p: CaseProgress, language: Language) -> [String] {
        var out = ["\(p.number)  \(p.itemName)", p.status.label.text(language)]
        out += p.notes.map { $0.text(language) }
        out += p.steps.map { "  \($0.on)  \($0.kind.label.text(language))" }
        return out
    }
}

/// `case progress --json`: stable keys, dates as YYYY-MM-DD, null where nothing applies.
struct CaseProgressJSON: Encodable {
    struct Step: Encodable { var step: String, on: String }
    /// `final`: `due` is the grace period's end (the case is suspended for overdue supplements), after which it is terminated.
    struct Supplement: Encodable {
        var materials: [String], due: String?, final: Bool
        /// `due` as null when it cannot be counted (every documented key present).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(materials, forKey: .materials)
            try c.encode(due, forKey: .due)
            try c.encode(final, forKey: .final)
        }
        private enum CodingKeys: String, CodingKey { case materials, due, final }
    }
    var number: String
    var item: String
    var state: String
    var status: String
    var acceptedOn: String
    var promisedDue: String?
    var workingDaysLeft: Int?
    var supplement: Supplement?
    var suspension: String?
    var steps: [Step]

    init(_ p: CaseProgress) {
        number = p.number; item = p.itemName; state = p.state.rawValue; status = p.status.rawValue
        acceptedOn = p.acceptedOn.description; promisedDue = p.promisedDue?.description; workingDaysLeft = p.workingDaysLeft
        supplement = p.outstandingMaterials.isEmpty ? nil : Supplement(materials: p.outstandingMaterials, due: p.supplementDue?.description,
                                                                                         final: p.supplementIsFinal)
        suspension = p.suspension?.rawValue
        steps = p.steps.map { Step(step: $0.kind.rawValue, on: $0.on.description) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(item, forKey: .item)
        try c.encode(state, forKey: .state)
        try c.encode(status, forKey: .status)
        try c.encode(acceptedOn, forKey: .acceptedOn)
        try c.encode(promisedDue, forKey: .promisedDue)
        try c.encode(workingDaysLeft, forKey: .workingDaysLeft)
        try c.encode(supplement, forKey: .supplement)
        try c.encode(suspension, forKey: .suspension)
        try c.encode(steps, forKey: .steps)
    }
    private enum CodingKeys: String, CodingKey {
        case number, item, state, status, acceptedOn, promisedDue, workingDaysLeft, supplement, suspension, steps
    }
}
