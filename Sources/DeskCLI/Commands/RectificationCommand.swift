import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk rectification list|show|visit|close|extend|appeal|decide`: 整改 of bad reviews (supervisor).
struct RectificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectification", abstract: "Bad reviews' rectifications (整改): follow-ups, outcomes, extension, appeals (supervisor).",
        subcommands: [RectificationListCommand.self, RectificationShowCommand.self, RectificationVisitCommand.self,
                      RectificationCloseCommand.self, RectificationExtendCommand.self, RectificationAppealCommand.self,
                      RectificationDecideCommand.self])
}

struct RectificationJSON: Encodable {
    struct Visit: Encodable {
        var at: String?
        var on: String, by: String, how: String, reached: Bool, said: String
    }
    struct Appeal: Encodable {
        var ground: String, note: String, by: String, on: String
        var upheld: Bool?
        var decisionNote: String?, decidedBy: String?, decidedOn: String?
    }
    var number: String, openedOn: String, state: String, unit: String?, due: String?, overdue: Bool, extended: Bool
    var extensionReason: String?, closedOn: String?, closedBy: String?, outcomeNote: String?, appeal: Appeal?
    var visits: Int, reached: Int, visitLog: [Visit]?, rating: RatingJSON

    init(_ x: Rectification, calendar: BusinessCalendar, withVisits: Bool) {
        number = x.number; openedOn = x.openedOn.description; state = x.state.rawValue; unit = x.unit; due = x.due?.description
        overdue = x.overdue; extended = x.extended; extensionReason = x.extensionReason; closedOn = x.closedOn?.description
        closedBy = x.closedBy; outcomeNote = x.outcomeNote; visits = x.visitCount; reached = x.reachedCount
        appeal = x.appeal.map { Appeal(ground: $0.ground.rawValue, note: $0.note, by: $0.by, on: $0.on.description, upheld: $0.upheld,
                                       decisionNote: $0.decisionNote, decidedBy: $0.decidedBy, decidedOn: $0.decidedOn?.description) }
        visitLog = withVisits ? x.visits.map { Visit(at: Output.timestamp($0.at, calendar), on: $0.on.description, by: $0.by,
                                                     how: $0.how.rawValue, reached: $0.reached, said: $0.said) } : nil
        rating = RatingJSON(x.rating, calendar: calendar)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(openedOn, forKey: .openedOn); try c.encode(state, forKey: .state)
        try c.encode(unit, forKey: .unit); try c.encode(due, forKey: .due); try c.encode(overdue, forKey: .overdue)
        try c.encode(extended, forKey: .extended); try c.encode(extensionReason, forKey: .extensionReason)
        try c.encode(closedOn, forKey: .closedOn); try c.encode(closedBy, forKey: .closedBy); try c.encode(outcomeNote, forKey: .outcomeNote)
        try c.encode(appeal, forKey: .appeal); try c.encode(visits, forKey: .visits); try c.encode(reached, forKey: .reached)
        try c.encodeIfPresent(visitLog, forKey: .visitLog); try c.encode(rating, forKey: .rating)
    }
    private enum CodingKeys: String, CodingKey {
        case number, openedOn, state, unit, due, overdue, extended, extensionReason, closedOn, closedBy, outcomeNote, appeal, visits, reached
        case visitLog, rating
    }
}

enum RectificationText {
    /// One rectification in a list: its number, state, due day (flagged when overdue), unit, the rating.
    static func summary(_ x: Rectification, language l: Language) -> [String] {
        let due = x.due.map { Bilingual(en: "due \($0)", zh: "期限 \($0)").text(l) } ?? Bilingual(en: "due unknown", zh: "期限未知").text(l)
        let flag = x.overdue ? "  " + Bilingual(en: "OVERDUE", zh: "已逾期").text(l) : ""
        let extended = x.extended ? Bilingual(en: " (extended)", zh: "（已延期）").text(l) : ""
        let reasons = x.rating.reasons.map { $0.label.text(l) }.joined(separator: l == .zh ? "、" : ", ")
        return TextFitting.wrap("\(x.number)  \(x.state.label.text(l))  \(due)\(extended)\(flag)", to: 80)
            + TextFitting.wrap("\(x.rating.ticketCode) \(x.rating.businessDate)  " + Bilingual(en: "window", zh: "窗口").text(l)
                               + " \(x.rating.window)  \(x.rating.staffID ?? "-")  \(x.unitLabel(l))  "
                               + "\(x.rating.level.rawValue) \(x.rating.level.label.text(l))  \(reasons)", to: 76).map { "    " + $0 }
    }

    /// The whole of it: the summary, the citizen's note, each 回访, the outcome, the extension, the appeal.
    static func detail(_ x: Rectification, calendar: BusinessCalendar, language l: Language) -> [String] {
        var lines = summary(x, language: l)
        func add(_ label: Bilingual, _ text: String) { lines += TextFitting.wrap(label.text(l) + " " + text, to: 76).map { "    " + $0 } }
        if let note = x.rating.note { add(Bilingual(en: "Said:", zh: "评价意见："), note) }
        if !x.rating.cases.isEmpty { add(Bilingual(en: "Cases:", zh: "办件："), x.rating.cases.joined(separator: " ")) }
        for v in x.visits {
            let reached = v.reached ? Bilingual(en: "reached", zh: "已联系上") : Bilingual(en: "not reached", zh: "未联系上")
            add(Bilingual(en: "回访", zh: "回访"), "\(Output.timestamp(v.at, calendar) ?? v.on.description) \(v.by) \(v.how.label.text(l)) "
                + "\(reached.text(l)): \(v.said)")
        }
        if let reason = x.extensionReason { add(Bilingual(en: "Extended:", zh: "延期理由："), reason) }
        if let a = x.appeal {
            add(Bilingual(en: "Appeal:", zh: "申诉："), "\(a.on) \(a.by) \(a.ground.label.text(l)): \(a.note)")
            if let upheld = a.upheld {
                let verdict = upheld ? Bilingual(en: "upheld", zh: "成立") : Bilingual(en: "rejected", zh: "不成立")
                add(Bilingual(en: "Decided:", zh: "申诉决定："), "\(a.decidedOn?.description ?? "") \(a.decidedBy ?? "") \(verdict.text(l)): \(a.decisionNote ?? "")")
            }
        }
        if let note = x.outcomeNote { add(Bilingual(en: "Closed:", zh: "办结："), "\(x.closedOn?.description ?? "") \(x.closedBy ?? "") \(note)") }
        return lines
    }
}

/// The rectification commands' one shape: open the hall, sign in, do `step`, print the rectification as it now is (JSON or
/// text).
private func rectificationStep(_ options: GlobalOptions, json: Bool, _ step: (HallDatabase, Actor) throws -> Rectification) throws {
    let database = try options.openDatabase()
    let x = try step(database, try options.actor(database))
    let calendar = try database.settings().businessCalendar
    if json { return try Output.json(RectificationJSON(x, calendar: calendar, withVisits: true)) }
    for line in RectificationText.detail(x, calendar: calendar, language: options.language) { Output.line(line) }
}

struct RectificationListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Rectifications: all (newest first), pending (--open, soonest due first) or overdue.",
        discussion: "Example: desk rectification list --overdue --json")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Only pending ones (open, or appealed and not decided).") var open = false
    @Flag(help: "Only pending ones past their due day.") var overdue = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let list = try database.rectifications(openOnly: open, overdueOnly: overdue, by: try options.actor(database))
        let calendar = try database.settings().businessCalendar
        if json {
            struct Body: Encodable { var rectifications: [RectificationJSON] }
            return try Output.json(Body(rectifications: list.map { RectificationJSON($0, calendar: calendar, withVisits: false) }))
        }
        guard !list.isEmpty else { return Output.line(Bilingual(en: "No rectification.", zh: "没有整改单。").text(options.language)) }
        for x in list { for line in RectificationText.summary(x, language: options.language) { Output.line(line) } }
    }
}

struct RectificationShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One rectification with its follow-ups.",
                                                    discussion: "Example: desk rectification show ZG-20260302-0001")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in try database.rectification(number: number, by: actor) }
    }
}

struct RectificationVisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "Log a follow-up (回访) with the citizen: how, whether reached, what they said.",
        discussion: "Example: desk rectification visit ZG-20260302-0001 --how phone --said '对等候时间不满，已致歉'")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Option(help: "phone, visit, message or other.") var how: ContactMethod
    @Option(help: "What the citizen said (or why they were not reached).") var said: String
    @Flag(help: "The citizen was not reached.") var unreached = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in
            try database.logFollowUp(rectification: number, how: how, reached: !unreached, said: said, by: actor)
        }
    }
}

struct RectificationCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close with the outcome: rectified, explained (no legal basis) or cannotRectify (the reason, for review).",
        discussion: "A follow-up (回访) is logged first. Example: desk rectification close ZG-20260302-0001 --outcome rectified --note '已对窗口人员进行服务规范培训'")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Option(help: "rectified, explained or cannotRectify.") var outcome: RectificationOutcome
    @Option(help: "What was done, explained, or why it cannot be rectified.") var note: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in try database.closeRectification(number, outcome: outcome, note: note, by: actor) }
    }
}

struct RectificationExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "The one extension: rectification_days more working days, with the reason.",
        discussion: "Example: desk rectification extend ZG-20260302-0001 --reason '当事人出差，约定返回后面谈'")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Option(help: "Why.") var reason: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in try database.extendRectification(number, reason: reason, by: actor) }
    }
}

struct RectificationAppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal", abstract: "Contest the rating (申诉) as mistaken or malicious; another supervisor decides.",
        discussion: "Example: desk rectification appeal ZG-20260302-0001 --ground mistaken --note '群众误按，当场表示满意'")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Option(help: "mistaken or malicious.") var ground: AppealGround
    @Option(help: "The grounds.") var note: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in try database.appealRating(number, ground: ground, note: note, by: actor) }
    }
}

struct RectificationDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Decide an appeal: --uphold (the rating is left out of the figures) or --reject (back to open).",
        discussion: "By a supervisor other than the one who filed it. Example: desk rectification decide ZG-20260302-0001 --uphold --note '监控录像证实误按'")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The rectification (ZG-…).") var number: String
    @Flag(help: "The appeal is upheld.") var uphold = false
    @Flag(help: "The appeal is rejected.") var reject = false
    @Option(help: "The reasons.") var note: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if uphold == reject { throw UsageError(en: "Give --uphold or --reject (one of them).", zh: "请给出 --uphold 或 --reject（二选一）。") }
    }

    func run() throws {
        try rectificationStep(options, json: json) { database, actor in try database.decideRatingAppeal(number, upheld: uphold, note: note, by: actor) }
    }
}
