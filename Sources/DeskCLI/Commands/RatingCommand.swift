import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

extension RatingLevel: ExpressibleByArgument {}
extension RatingReason: ExpressibleByArgument {
    public init?(argument: String) { self.init(shortKey: argument) }
}
extension AppealGround: ExpressibleByArgument {}
extension RectificationOutcome: ExpressibleByArgument {}

/// `desk rating add`: a supervisor enters a rating (a paper form, a script). The citizen's own terminal is `desk rate`.
struct RatingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rating", abstract: "Enter a rating (好差评) of a finished visit (supervisor).",
        subcommands: [RatingAddCommand.self])
}

/// `desk ratings list|summary`: what citizens said (supervisor, administrator; a clerk never sees ratings).
struct RatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings", abstract: "Ratings (好差评): the list and the figures (supervisor, administrator).",
        subcommands: [RatingsListCommand.self, RatingsSummaryCommand.self])
}

struct RatingJSON: Encodable {
    var ticket: String, date: String, window: Int, staff: String?, level: Int, reasons: [String], note: String?, source: String
    var at: String?, recordedBy: String, excluded: Bool, cases: [String], rectification: String?
    init(_ r: Rating, calendar: BusinessCalendar) {
        ticket = r.ticketCode; date = r.businessDate.description; window = r.window; staff = r.staffID; level = r.level.rawValue
        reasons = r.reasons.map(\.rawValue); note = r.note; source = r.source.rawValue; at = Output.timestamp(r.at, calendar)
        recordedBy = r.recordedBy; excluded = r.excluded; cases = r.cases; rectification = r.rectification
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ticket, forKey: .ticket); try c.encode(date, forKey: .date); try c.encode(window, forKey: .window)
        try c.encode(staff, forKey: .staff); try c.encode(level, forKey: .level); try c.encode(reasons, forKey: .reasons)
        try c.encode(note, forKey: .note); try c.encode(source, forKey: .source); try c.encode(at, forKey: .at)
        try c.encode(recordedBy, forKey: .recordedBy); try c.encode(excluded, forKey: .excluded); try c.encode(cases, forKey: .cases)
        try c.encode(rectification, forKey: .rectification)
    }
    private enum CodingKeys: String, CodingKey { case ticket, date, window, staff, level, reasons, note, source, at, recordedBy, excluded, cases, rectification }
}

enum RatingText {
    static let widths = [8, 12, 6, 8, 16, 26]

    static func header(_ language: Language) -> String {
        tableRow([Bilingual(en: "Ticket", zh: "号票").text(language), Bilingual(en: "Date", zh: "日期").text(language),
                  Bilingual(en: "Win.", zh: "窗口").text(language), Bilingual(en: "Staff", zh: "人员").text(language),
                  Bilingual(en: "Rating", zh: "评价").text(language), Bilingual(en: "Reasons", zh: "原因").text(language)], widths: widths)
    }

    static func lines(_ r: Rating, language: Language) -> [String] {
        let reasons = r.reasons.map { $0.label.text(language) }.joined(separator: language == .zh ? "、" : ", ")
        var lines = [tableRow([r.ticketCode, r.businessDate.description, String(r.window), r.staffID ?? "-",
                               "\(r.level.rawValue) \(r.level.label.text(language))", reasons], widths: widths)]
        var facts = [r.source.label.text(language)]
        if let x = r.rectification { facts.append(x) }
        if !r.cases.isEmpty { facts.append(r.cases.joined(separator: " ")) }
        if r.excluded { facts.append(Bilingual(en: "excluded (appeal upheld)", zh: "已剔除（申诉成立）").text(language)) }
        lines += TextFitting.wrap(facts.joined(separator: "  "), to: 76).map { "    " + $0 }
        if let note = r.note { lines += TextFitting.wrap(note, to: 76).map { "    " + $0 } }
        return lines
    }
}

struct RatingAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a rating of a finished visit (a supervisor entering a paper form).",
        discussion: """
            Levels: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. A rating of 1 or 2 needs one or more reasons \
            (efficiency 服务效率, level 服务水平, attitude 服务态度) and opens a rectification (整改). One rating per visit. \
            Example: desk rating add --ticket A012 --level 2 --reason attitude --note '窗口人员态度生硬'
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The ticket's code.") var ticket: String
    @Option(help: "The ticket's business date, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "1 to 5.") var level: RatingLevel
    @Option(help: "efficiency, level or attitude (for 1 or 2; repeat for several).") var reason: [RatingReason] = []
    @Option(help: "The citizen's words.") var note: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let day = try DateOption.parse(date, option: "--date")
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let rating = try database.recordRating(RatingRequest(ticketCode: ticket, date: day, level: level, reasons: Set(reason), note: note),
                                               by: actor)
        let calendar = try database.settings().businessCalendar
        if json { return try Output.json(RatingJSON(rating, calendar: calendar)) }
        for line in RatingText.lines(rating, language: options.language) { Output.line(line) }
    }
}

struct RatingsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Ratings, oldest first (supervisor, administrator).",
        discussion: "Example: desk ratings list --bad --date 2026-03-02 --json")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Only bad reviews (1 and 2).") var bad = false
    @Option(help: "One business date, YYYY-MM-DD (default: every day).") var date: String?
    @Option(help: "One window.") var window: Int?
    @Option(name: .customLong("served-by"), help: "One staff member (who served).") var servedBy: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let day = try DateOption.parse(date, option: "--date")
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let ratings = try database.ratings(date: day, bad: bad, window: window, staff: try servedBy.map(Staff.validateID), by: actor)
        let calendar = try database.settings().businessCalendar
        if json {
            struct Body: Encodable { var ratings: [RatingJSON] }
            return try Output.json(Body(ratings: ratings.map { RatingJSON($0, calendar: calendar) }))
        }
        guard !ratings.isEmpty else { return Output.line(Bilingual(en: "No rating.", zh: "没有评价。").text(options.language)) }
        Output.line(RatingText.header(options.language))
        for r in ratings { for line in RatingText.lines(r, language: options.language) { Output.line(line) } }
    }
}

struct RatingsSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "The figures of a span of days: levels, bad reviews, rectifications, the 回访 rate.",
        discussion: """
            The 回访 rate is the bad reviews with at least one follow-up that reached the citizen over all bad reviews; a \
            rating whose appeal was upheld is kept but left out of every figure. Example: desk ratings summary --from 2026-03-01 --to 2026-03-31
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "First business date, YYYY-MM-DD (default: today).") var from: String?
    @Option(help: "Last business date, YYYY-MM-DD (default: the first).") var to: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let first = try DateOption.parse(from, option: "--from") ?? CivilDate(parsing: database.today())
        let last = try DateOption.parse(to, option: "--to") ?? first
        let s = try database.ratingSummary(from: first, to: last, by: actor)
        if json {
            struct Body: Encodable {
                var from: String, to: String, rated: Int, bad: Int, excluded: Int, overdue: Int
                var levels: [String: Int], sources: [String: Int], rectifications: [String: Int]
                var visited: Int, visitRatePermille: Int?
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(from, forKey: .from); try c.encode(to, forKey: .to); try c.encode(rated, forKey: .rated)
                    try c.encode(bad, forKey: .bad); try c.encode(excluded, forKey: .excluded); try c.encode(overdue, forKey: .overdue)
                    try c.encode(levels, forKey: .levels); try c.encode(sources, forKey: .sources)
                    try c.encode(rectifications, forKey: .rectifications); try c.encode(visited, forKey: .visited)
                    try c.encode(visitRatePermille, forKey: .visitRatePermille)  // null with no bad review
                }
                private enum CodingKeys: String, CodingKey {
                    case from, to, rated, bad, excluded, overdue, levels, sources, rectifications, visited, visitRatePermille
                }
            }
            return try Output.json(Body(
                from: s.from.description, to: s.to.description, rated: s.rated, bad: s.bad, excluded: s.excluded, overdue: s.overdue,
                levels: Dictionary(uniqueKeysWithValues: s.distribution.map { (String($0.key.rawValue), $0.value) }),
                sources: Dictionary(uniqueKeysWithValues: s.bySource.map { ($0.key.rawValue, $0.value) }),
                rectifications: Dictionary(uniqueKeysWithValues: s.rectifications.map { ($0.key.rawValue, $0.value) }),
                visited: s.visitRate.reached, visitRatePermille: s.visitRate.permille))
        }
        let l = options.language
        Output.line("\(s.from) – \(s.to)  " + Bilingual(en: "rated \(s.rated), bad \(s.bad), excluded \(s.excluded)",
                                                    zh: "评价 \(s.rated) 条，差评 \(s.bad) 条，剔除 \(s.excluded) 条").text(l))
        for level in RatingLevel.allCases.reversed() {
            Output.line("  " + pad("\(level.rawValue) \(level.label.text(l))", 20) + String(s.distribution[level] ?? 0))
        }
        let rate = s.visitRate.permille.map { String(format: "%.1f%%", Double($0) / 10) } ?? "-"
        Output.line(Bilingual(en: "回访 rate \(rate) (\(s.visitRate.reached)/\(s.visitRate.badReviews)), overdue \(s.overdue)",
                              zh: "回访率 \(rate)（\(s.visitRate.reached)/\(s.visitRate.badReviews)），逾期 \(s.overdue) 件").text(l))
        for state in RectificationState.allCases where (s.rectifications[state] ?? 0) > 0 {
            Output.line("  " + pad(state.label.text(l), 20) + String(s.rectifications[state] ?? 0))
        }
    }
}
