import ArgumentParser
import Foundation
import HallModel
import Queue

extension SuspensionReason: ExpressibleByArgument {}

/// One step of a case's life from the command line (`desk case take|review|approve|…`): the case number, `--json`,
/// and the signed-in person acting through `HallDatabase.act(onCase:_:by:)`; prints the case as it now stands. A
/// refused rule is exit 1 with the rule's code (`case_rule.…`), a missing role exit 5.
struct CaseStepArguments: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case number, e.g. HD-20260302-0001.") var number: String
    @Flag(help: "Print one JSON object.") var json = false

    func run(_ body: (HallDatabase, String, Actor) throws -> CaseRecord) throws {
        let database = try options.openDatabase()
        let record = try body(database, number, try options.actor(database))
        if json {
            try Output.json(CaseJSON(record))
        } else {
            Output.line("\(record.number)  \(record.state.label.text(options.language))")
            for line in CaseText.deadlineLines(record, language: options.language) { Output.line(line) }
        }
    }
}

struct CaseTakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "一审: take an accepted case for review (a reviewer); it is then yours to review.")
    @OptionGroup var step: CaseStepArguments
    func run() throws { try step.run { try $0.act(onCase: $1, .startReview, by: $2) } }
}

struct CaseReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "一审: submit the review opinion (a reviewer); an accepted case is taken first, in the same step.")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The written review opinion.") var opinion: String
    func run() throws { try step.run { try $0.review(caseNumber: $1, opinion: opinion, by: $2) } }
}

struct CaseApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "一核: approve (准予许可), with the reason (an approver of the item's level, not its reviewer).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The written reason.") var reason: String
    func run() throws { try step.run { try $0.act(onCase: $1, .approve(reason: reason), by: $2) } }
}

struct CaseRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "一核: not approve (不予许可), with the reasons (art. 38; an approver, not the reviewer).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The written reasons.") var reason: String
    func run() throws { try step.run { try $0.act(onCase: $1, .reject(reason: reason), by: $2) } }
}

struct CaseIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Issue the decided result to the applicant (a clerk); refused while a 容缺 material is outstanding.")
    @OptionGroup var step: CaseStepArguments
    func run() throws { try step.run { try $0.act(onCase: $1, .issueResult, by: $2) } }
}

struct CaseHandOverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover", abstract: "审管联动: hand the issued decision over to the supervising department's liaison, in the handover ledger (a clerk; refused when the item has no pairing: desk supervision set).")
    @OptionGroup var step: CaseStepArguments
    func run() throws { try step.run { try $0.act(onCase: $1, .handOver, by: $2) } }
}

struct CaseAcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "The liaison the case was handed over to acknowledges it (or a supervisor records a paper receipt).",
        aliases: ["ack"])  // the issue's spelling; `acknowledge` is what the help lists
    @OptionGroup var step: CaseStepArguments
    func run() throws { try step.run { try $0.act(onCase: $1, .acknowledge, by: $2) } }
}

struct CaseSuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend", abstract: "Stop the case's clock (art. 45): hearing, testing or expertReview (a supervisor).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "hearing, testing or expertReview.") var reason: SuspensionReason
    func run() throws { try step.run { try $0.act(onCase: $1, .suspend(reason), by: $2) } }
}

struct CaseResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Restart a suspended case's clock; the stopped working days are added back (a supervisor).")
    @OptionGroup var step: CaseStepArguments
    func run() throws { try step.run { try $0.act(onCase: $1, .resume, by: $2) } }
}

struct CaseExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "延期 once by the item's extension days, with the reason (art. 42; a deputy director).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The reason told to the applicant.") var reason: String
    func run() throws { try step.run { try $0.act(onCase: $1, .extend(reason: reason), by: $2) } }
}

struct CaseSupplementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supplement", abstract: "容缺: record an outstanding material brought later (a clerk).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The material's position, as `desk catalog show` numbers it.") var material: Int
    /// A position the item does not have is a usage mistake (exit 64, as `case intake --provided 7`); a material of
    /// the item that is not outstanding is the rule's refusal (exit 1).
    func run() throws {
        try step.run { database, number, actor in
            let count = try database.caseDetail(number: number).materials.count
            guard (1...max(1, count)).contains(material) else {
                throw UsageError.notAMaterial(String(material), option: "--material", count: count)
            }
            return try database.act(onCase: number, .supplement(materialPosition: material), by: actor)
        }
    }
}

struct CaseWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "The applicant withdraws the application in writing, before the decision (a clerk).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The applicant's written reason.") var reason: String
    func run() throws { try step.run { try $0.act(onCase: $1, .withdraw(reason: reason), by: $2) } }
}

struct CaseTerminateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate", abstract: "End a case before its decision, with the reason (a supervisor).")
    @OptionGroup var step: CaseStepArguments
    @Option(help: "The written reason.") var reason: String
    func run() throws { try step.run { try $0.act(onCase: $1, .terminate(reason: reason), by: $2) } }
}
