import Foundation
import Queue

/// The CSV form: UTF-8 (with the byte order mark spreadsheets need for Chinese), RFC 4180 (`CSV.write`). One block per
/// section: a row `section,<key>`, a header row of stable column keys, the rows, an empty row. The first block is the
/// report itself (kind, period, hall), the second its totals (`summary`: key, value), then every table.
/// Numbers are plain (no grouping): counts, minutes with one decimal, rates in percent with one decimal; nothing: empty.
public enum ReportCSV {
    public static func render(_ report: HallReport, language: Language) -> String {
        var rows: [[String]] = [
            ["section", "report"],
            ["kind", "first", "last", "hall", "generated_at", "time_zone"],
            [report.period.kind.rawValue, report.period.first.description, report.period.last.description, report.hallName,
             report.generatedAtText, report.timeZone.identifier],
            [],
            ["section", "summary"],
            ["key", "value"],
        ]
        rows += report.summaryFigures.map { [$0.key, $0.value.csv] }
        rows.append([])
        for table in report.tables(language) {
            rows.append(["section", table.key])
            rows.append(table.columns.map(\.key))
            rows += table.rows.map { $0.map(\.csv) }
            rows.append([])
        }
        return CSV.write(rows)
    }
}

extension HallReport {
    /// The period's totals under stable keys (CSV's `summary` block, JSON's `summary` object).
    public var summaryFigures: [(key: String, value: ReportCell)] {
        let t = tickets.total, c = cases.total
        return [
            ("arrivals", .count(t.arrivals)), ("called", .count(t.called)), ("served", .count(t.served)), ("no_shows", .count(t.noShows)),
            ("cancelled", .count(t.cancelled)), ("unserved", .count(t.unserved)),
            ("wait_avg_min", .minutes(t.averageWaitSeconds)), ("wait_p90_min", .minutes(t.p90WaitSeconds)), ("wait_max_min", .minutes(t.maxWaitSeconds)),
            ("service_avg_min", .minutes(t.averageServiceSeconds)), ("service_level", .rate(t.serviceLevel)), ("no_show_rate", .rate(t.noShowRate)),
            ("cases_received", .count(c.received)), ("cases_accepted", .count(c.accepted)), ("cases_tolerated", .count(c.tolerated)),
            ("cases_notices", .count(c.notices)), ("cases_refused", .count(c.refused)), ("cases_pending", .count(c.pending)),
            ("cases_completed", .count(c.completed)), ("cases_completion_rate", .rate(c.completionRate)),
            ("cases_decided_with_deadline", .count(c.decidedWithDeadline)), ("cases_on_time", .count(c.onTime)),
            ("cases_on_time_rate", .rate(c.onTimeRate)),
            ("ratings", .count(ratings.rated)), ("ratings_satisfied", .count(ratings.satisfied)),
            ("ratings_satisfaction_rate", .rate(ratings.satisfactionRate)), ("ratings_bad", .count(ratings.bad)),
            ("ratings_excluded", .count(ratings.excluded)), ("ratings_visited", .count(ratings.visitRate.reached)),
            ("ratings_visit_rate", .rate(ratings.visitShare)), ("rectifications_overdue", .count(ratings.overdue)),
            ("complaints_received", .count(complaints.received)), ("complaints_answered", .count(complaints.answered)),
            ("complaints_answered_on_time", .count(complaints.answeredOnTime)), ("complaints_on_time_rate", .rate(complaints.onTimeRate)),
            ("complaints_closed", .count(complaints.closed)), ("complaints_satisfaction_rate", .rate(complaints.satisfactionRate)),
            ("complaints_overdue", .count(complaints.overdue)), ("complaints_uncounted", .count(complaints.uncounted)),
        ]
    }

    /// ISO 8601 in the hall's zone, e.g. 2026-03-02T18:00:00+08:00.
    public var generatedAtText: String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        return f.string(from: generatedAt)
    }
}
