import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk handover overdue|report`: the 审管联动 ledger read back — handovers the liaisons have not acknowledged in
/// time, and the monthly summary the departments exchange. (`handover add|list|receipt` are kept for the material
/// handover ledger of proxy agents.)
struct HandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover",
        abstract: "审管联动: handovers unacknowledged past handover_ack_days, and the monthly report; 材料交接: the material ledger (add, list, receipt).",
        subcommands: [HandoverOverdueCommand.self, HandoverReportCommand.self, HandoverAddCommand.self, HandoverListCommand.self,
                      HandoverReceiptCommand.self])
}

struct HandoverOverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "Handovers not acknowledged handover_ack_days working days (default 3) after the handover, oldest first.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false

    struct Entry: Encodable {
        var `case`: String, item: String, itemName: String, supervisor: String, liaison: String, handedOverOn: String
        /// The last day to acknowledge; nil when it cannot be counted (a year without a holiday schedule).
        var deadline: String?, workingDaysLate: Int?
        /// overdue, or unknown (cannot be counted).
        var status: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(self.case, forKey: .case); try c.encode(item, forKey: .item); try c.encode(itemName, forKey: .itemName)
            try c.encode(supervisor, forKey: .supervisor); try c.encode(liaison, forKey: .liaison)
            try c.encode(handedOverOn, forKey: .handedOverOn); try c.encode(deadline, forKey: .deadline)
            try c.encode(workingDaysLate, forKey: .workingDaysLate); try c.encode(status, forKey: .status)
        }
        private enum CodingKeys: String, CodingKey { case `case`, item, itemName, supervisor, liaison, handedOverOn, deadline, workingDaysLate, status }
    }

    func run() throws {
        let overdue = try options.openDatabase().overdueHandovers()
        let entries = overdue.lines.map { s -> Entry in
            var deadline: CivilDate?, late: Int?
            if case .overdue(let d, let l) = s.status { deadline = d; late = l }
            return Entry(case: s.line.caseNumber, item: s.line.itemCode, itemName: s.line.itemName, supervisor: s.line.supervisor,
                         liaison: s.line.liaisonID, handedOverOn: s.line.handedOverOn.description, deadline: deadline?.description,
                         workingDaysLate: late, status: s.status == nil ? "unknown" : "overdue")
        }
        if json {
            struct Body: Encodable { var asOf: String, ackDays: Int, handovers: [Entry] }
            try Output.json(Body(asOf: overdue.asOf.description, ackDays: overdue.ackDays, handovers: entries))
            return
        }
        let language = options.language
        guard !entries.isEmpty else {
            Output.line(Bilingual(en: "No handover is overdue (acknowledgement within \(overdue.ackDays) working days).",
                                  zh: "没有逾期未签收的移交（签收时限 \(overdue.ackDays) 个工作日）。").text(language))
            return
        }
        let widths = [18, 11, 11, 5, 8, 27]
        Output.line(tableRow([Bilingual(en: "Case", zh: "办件编号"), Bilingual(en: "Handed", zh: "移交日期"),
                              Bilingual(en: "Due", zh: "签收期限"), Bilingual(en: "Late", zh: "逾期"),
                              Bilingual(en: "Liaison", zh: "联络员"), Bilingual(en: "Supervised by", zh: "监管部门")].map { $0.text(language) },
                             widths: widths))
        for e in entries {
            Output.line(tableRow([e.case, e.handedOverOn, e.deadline ?? "?", e.workingDaysLate.map(String.init) ?? "?", e.liaison, e.supervisor],
                                 widths: widths))
        }
    }
}

/// The report's output formats.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case txt, csv, json
}

struct HandoverReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The monthly summary per supervising department: handed over, acknowledged, late, unacknowledged (with case numbers), average working days to acknowledge.",
        discussion: "Over the cases handed over in the month; \"unacknowledged\" as of today. Example: desk handover report --month 2026-03 --format csv > 2026-03.csv")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The month, YYYY-MM.") var month: String
    @Option(help: "txt, csv or json.") var format: ReportFormat = .txt
    @Flag(help: "Print one JSON object (same as --format json).") var json = false

    func validate() throws {
        guard YearMonth(parsing: month) != nil else {
            throw UsageError(en: "--month is YYYY-MM (e.g. 2026-03), not '\(PrintableText.excerpt(month))'.",
                             zh: "--month 格式为 YYYY-MM（如 2026-03），不能是“\(PrintableText.excerpt(month))”。")
        }
    }

    func run() throws {
        guard let month = YearMonth(parsing: month) else { return }
        let report = try options.openDatabase().handoverReport(month: month)
        let language = options.language
        switch json ? .json : format {
        case .json: try Output.json(HandoverReportJSON(report))
        case .csv: try Output.raw(Data(report.csv(language: language).utf8))
        case .txt: for line in HandoverReportText.lines(report, language: language) { Output.line(line) }
        }
    }
}

struct HandoverReportJSON: Encodable {
    struct Row: Encodable {
        var supervisor: String, handedOver: Int, acknowledged: Int, acknowledgedLate: Int, unacknowledged: [String], overdue: [String]
        var averageWorkingDaysToAcknowledge: Double?, uncounted: [String]
        init(_ r: HandoverReport.Row) {
            supervisor = r.supervisor; handedOver = r.handedOver; acknowledged = r.acknowledged; acknowledgedLate = r.acknowledgedLate
            unacknowledged = r.unacknowledged; overdue = r.overdue; averageWorkingDaysToAcknowledge = r.averageWorkingDaysToAcknowledge
            uncounted = r.uncounted
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(supervisor, forKey: .supervisor); try c.encode(handedOver, forKey: .handedOver)
            try c.encode(acknowledged, forKey: .acknowledged); try c.encode(acknowledgedLate, forKey: .acknowledgedLate)
            try c.encode(unacknowledged, forKey: .unacknowledged); try c.encode(overdue, forKey: .overdue)
            try c.encode(averageWorkingDaysToAcknowledge, forKey: .averageWorkingDaysToAcknowledge); try c.encode(uncounted, forKey: .uncounted)
        }
        private enum CodingKeys: String, CodingKey {
            case supervisor, handedOver, acknowledged, acknowledgedLate, unacknowledged, overdue, averageWorkingDaysToAcknowledge, uncounted
        }
    }
    var month: String, asOf: String, ackDays: Int, departments: [Row], totals: Row
    init(_ r: HandoverReport) {
        month = r.month.description; asOf = r.asOf.description; ackDays = r.ackDays; departments = r.rows.map(Row.init); totals = Row(r.totals)
    }
}

/// The report as text: a title, one row per supervising department with its unacknowledged case numbers wrapped
/// under it, and the total; every line at most 80 display columns (`tableRow`, `TextFitting.wrap`).
enum HandoverReportText {
    static let widths = [34, 9, 9, 9, 9, 9]

    static func lines(_ report: HandoverReport, language: Language) -> [String] {
        var lines = [Bilingual(en: "Handovers to supervision, \(report.month) (as of \(report.asOf); acknowledgement within \(report.ackDays) working days)",
                               zh: "审管联动移交汇总 \(report.month)（截至 \(report.asOf)，签收时限 \(report.ackDays) 个工作日）").text(language)]
            .flatMap { TextFitting.wrap($0, to: 80) }
        lines.append("")
        lines.append(tableRow(HandoverReport.headers.map { $0.text(language) }, widths: widths))
        func row(_ r: HandoverReport.Row, _ name: String, listingCases: Bool = true) -> [String] {
            var out = [tableRow([name, String(r.handedOver), String(r.acknowledged), String(r.acknowledgedLate), String(r.unacknowledged.count),
                                 HandoverReport.average(r.averageWorkingDaysToAcknowledge)], widths: widths)]
            if listingCases, !r.unacknowledged.isEmpty {
                let label = Bilingual(en: "unacknowledged: ", zh: "未签收：").text(language)
                out += TextFitting.wrap(label + r.unacknowledged.joined(separator: " "), to: 76).map { "    " + $0 }
            }
            return out
        }
        for r in report.rows { lines += row(r, r.supervisor) }
        if report.rows.isEmpty {
            lines.append(Bilingual(en: "No case was handed over in \(report.month).", zh: "\(report.month) 没有移交的办件。").text(language))
        }
        lines += row(report.totals, HandoverReport.totalLabel.text(language), listingCases: false)
        return lines
    }
}
