import ArgumentParser
import Foundation
import HallModel
import Queue

extension ReportKind: ExpressibleByArgument {}

/// The hall report's file format (the handover report's `ReportFormat` has no HTML).
enum HallReportFormat: String, CaseIterable, ExpressibleByArgument {
    case txt, csv, html, json
}

/// `desk report daily|monthly --date D [--format txt|csv|html|json] [--output FILE]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The daily or monthly report: tickets, waits, windows and staff, cases by department and item, ratings and complaints.",
        discussion: """
            daily: one business date; monthly: the calendar month of --date (figures over the whole month, then day by day). \
            Formats: txt (80 columns, --lang zh|en), csv (a block per section, stable keys), html (one self-contained page \
            with charts, printable on A4), json (stable keys). Written to standard output, or atomically to --output FILE. \
            A supervisor or an administrator (exit 5 for anyone else). docs/supervision.md defines every figure.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "daily or monthly.") var kind: ReportKind
    @Option(help: "Business date YYYY-MM-DD (a monthly report: any date of the month, or YYYY-MM; default: today).") var date: String?
    @Option(help: "txt, csv, html or json (default: txt, or the --output file's extension).") var format: HallReportFormat?
    @Option(help: "Write the report to this file (atomically) instead of standard output.") var output: String?

    func validate() throws {
        _ = try parsedDate()
        if output?.isEmpty == true { throw UsageError(en: "--output needs a file name.", zh: "--output 需要文件名。") }
    }

    /// The --date given, or nil for today; a monthly report also takes YYYY-MM. A malformed date is a usage error (64).
    func parsedDate() throws -> CivilDate? {
        guard let date else { return nil }
        let text = kind == .monthly && date.count == 7 ? date + "-01" : date
        guard let parsed = try? CivilDate(parsing: text) else {
            throw UsageError(en: "--date must be a date YYYY-MM-DD\(kind == .monthly ? " (or a month YYYY-MM)" : ""), not '\(PrintableText.excerpt(date))'.",
                             zh: "--date 须为日期 YYYY-MM-DD\(kind == .monthly ? "（或月份 YYYY-MM）" : "")，不能是“\(PrintableText.excerpt(date))”。")
        }
        return parsed
    }

    /// The format asked for, else the output file's extension, else text.
    var chosenFormat: HallReportFormat {
        format ?? output.flatMap { HallReportFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .txt
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let date = try parsedDate() ?? CivilDate(parsing: database.today())
        let report = try database.report(ReportPeriod(kind, date: date), by: actor)
        let language = options.language
        let data: Data = switch chosenFormat {
        case .txt: Data(ReportText.render(report, language: language).utf8)
        case .csv: Data(ReportCSV.render(report, language: language).utf8)
        case .html: Data(ReportHTML.render(report, language: language).utf8)
        case .json: try Output.jsonData(ReportJSON(report, language: language))
        }
        guard let output else {
            try Output.raw(data)
            return
        }
        // Atomic: written beside the file under a temporary name, then renamed over it (a reader never sees half a report).
        do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw ReportError.unwritable(path: output, reason: FileProblem.reason(error, path: output))
        }
        Output.line(Bilingual(en: "Wrote the \(kind.rawValue) report for \(report.period.name) to \(output).",
                              zh: "已将\(report.period.name)的\(kind.label.zh)写入 \(output)。").text(language))
    }
}

enum ReportError: UserFacingError {
    case unwritable(path: String, reason: Bilingual)

    var message: Bilingual {
        switch self {
        case .unwritable(let path, let reason):
            Bilingual(en: "Cannot write '\(path)': \(reason.en)", zh: "无法写入“\(path)”：\(reason.zh)")
        }
    }
}

/// The JSON form: the report's period and hall, its totals (`summary`) and every table as a list of objects, all under
/// the stable keys of the CSV form; counts and minutes and rates (percent, one decimal) as numbers, nothing as null.
struct ReportJSON: Encodable {
    enum Value: Encodable {
        case text(String), number(Double), integer(Int), none
        init(_ cell: ReportCell) {
            switch cell {
            case .text(let s): self = .text(s)
            case .count(let n): self = .integer(n)
            case .minutes(let s): self = s.map { .number(ReportCell.minutesValue($0)) } ?? .none
            case .rate(let r): self = r.map { .number(ReportCell.percentValue($0)) } ?? .none
            }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .number(let d): try c.encode(d)
            case .integer(let n): try c.encode(n)
            case .none: try c.encodeNil()
            }
        }
    }
    var kind: String
    var first: String
    var last: String
    var hall: String
    var generatedAt: String
    var timeZone: String
    var summary: [String: Value]
    var tables: [String: [[String: Value]]]

    init(_ report: HallReport, language: Language) {
        kind = report.period.kind.rawValue
        first = report.period.first.description
        last = report.period.last.description
        hall = report.hallName
        generatedAt = report.generatedAtText
        timeZone = report.timeZone.identifier
        summary = Dictionary(report.summaryFigures.map { ($0.key, Value($0.value)) }, uniquingKeysWith: { a, _ in a })
        tables = Dictionary(report.tables(language).map { table in
            (table.key, table.rows.map { row in
                Dictionary(zip(table.columns.map(\.key), row.map(Value.init)).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
            })
        }, uniquingKeysWith: { a, _ in a })
    }
}
