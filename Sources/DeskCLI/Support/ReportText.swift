import DeskTUI
import HallModel
import Queue

/// The text form of a report: every line at most 80 display columns (Chinese = 2: `tableRow`/`TextFitting` for the
/// tables, `TextFitting.wrap` for the sentences), the tables of `HallReport.tables`, and the hours and waits drawn as bars
/// of `#` (ASCII: its width is never ambiguous).
enum ReportText {
    static let width = 80

    static func render(_ report: HallReport, language: Language) -> String {
        var lines: [String] = []
        lines += TextFitting.wrap(report.title(language), to: width)
        lines += TextFitting.wrap(Bilingual(en: "Period \(report.period.first) to \(report.period.last), made \(report.generatedAtText)",
                                             zh: "统计期间 \(report.period.first) 至 \(report.period.last)，生成于 \(report.generatedAtText)").text(language), to: width)
        lines.append("")
        for sentence in report.summary(language) { lines += TextFitting.wrap(sentence, to: width) }
        for table in report.tables(language) {
            lines.append("")
            lines += TextFitting.wrap(table.title.text(language), to: width)
            guard !table.rows.isEmpty else {
                lines.append(Bilingual(en: "  None in this period.", zh: "  本期无。").text(language))
                continue
            }
            // The hours and the waits: a bar after the counts, scaled to the room left.
            let barred = table.key == "hourly" || table.key == "wait_distribution"
            let used = table.columns.reduce(0) { $0 + $1.width }
            let largest = table.rows.flatMap { $0.dropFirst() }.compactMap { cell -> Int? in if case .count(let n) = cell { n } else { nil } }.max() ?? 0
            let room = width - used - 1
            lines.append(tableRow(table.columns.map { $0.heading.text(language) }, widths: table.columns.map(\.width)))
            for row in table.rows {
                var text = tableRow(row.map(\.display), widths: table.columns.map(\.width))
                if barred, largest > 0, case .count(let n)? = row.last {
                    let bar = String(repeating: "#", count: Int((Double(n) / Double(largest) * Double(room)).rounded()))
                    if !bar.isEmpty { text = pad(text, used) + bar }
                }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
