import Foundation
import Queue

/// The HTML form: one self-contained page (no outside resources: the charts are inline SVG, the style inline), every
/// text escaped as the case documents escape it (`CaseDocumentHTML.escape`), printable on A4 (`@page size A4`, no chart
/// or table row split across pages, table headings repeated) and readable in black and white (bars told apart by
/// fill and hatching, not by colour; every chart also has its numbers).
public enum ReportHTML {
    static let style = """
        @page { size: A4; margin: 15mm 15mm 18mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt;
               line-height: 1.45; color: #000; background: #fff; max-width: 180mm; margin: 0 auto; padding: 6mm 0; }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 1mm; }
        .meta { text-align: center; font-size: 9pt; margin: 0 0 4mm; }
        h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.4mm solid #000; break-after: avoid; page-break-after: avoid; }
        .summary p { margin: 0.8mm 0; }
        .lead { font-size: 12pt; font-weight: bold; }
        section { break-inside: avoid; page-break-inside: avoid; }
        section.long { break-inside: auto; page-break-inside: auto; }
        figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 1mm; }
        svg { display: block; width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.2mm solid #000; padding: 0.6mm 1.2mm; }
        th { background: #e6e6e6; font-weight: bold; text-align: center; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: bold; }
        .empty { font-style: italic; }
        """

    public static func render(_ report: HallReport, language: Language) -> String {
        let esc = CaseDocumentHTML.escape
        var out = ""
        out.reserveCapacity(32_768)
        out += "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(esc(report.title(language)))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(esc(report.title(language)))</h1>\n"
        let generated = Bilingual(en: "Period \(report.period.first) to \(report.period.last) · made \(report.generatedAtText)",
                                  zh: "统计期间 \(report.period.first) 至 \(report.period.last) · 生成于 \(report.generatedAtText)").text(language)
        out += "<p class=\"meta\">\(esc(generated))</p>\n"
        out += "<section class=\"summary\">\n"
        for (i, line) in report.summary(language).enumerated() {
            out += i == 2 ? "<p class=\"lead\">\(esc(line))</p>\n" : "<p>\(esc(line))</p>\n"
        }
        out += "</section>\n"

        out += "<figure>\n<figcaption>\(esc(Bilingual(en: "Arrivals and served by hour", zh: "分时段取号与办结").text(language)))</figcaption>\n"
        out += hourlyChart(report.tickets.hourly, language: language)
        out += "</figure>\n<figure>\n<figcaption>\(esc(Bilingual(en: "Waits of called tickets", zh: "已叫号的等候时长分布").text(language)))</figcaption>\n"
        out += barChart(zip(HallReport.waitBucketLabels(language), report.tickets.waitDistribution).map { ($0, $1) })
        out += "</figure>\n"

        for table in report.tables(language) where table.key != "hourly" && table.key != "wait_distribution" {
            out += render(table, language: language, chart: table.key == "ratings" ? satisfactionChart(report.ratings, language: language) : "")
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// A table in its section under its heading; `chart` (a `<figure>`), if any, between the heading and the table.
    static func render(_ table: ReportTable, language: Language, chart: String = "") -> String {
        let esc = CaseDocumentHTML.escape
        var out = "<section\(table.rows.count > 12 ? " class=\"long\"" : "")>\n<h2>\(esc(table.title.text(language)))</h2>\n" + chart
        guard !table.rows.isEmpty else {
            return out + "<p class=\"empty\">\(esc(Bilingual(en: "None in this period.", zh: "本期无。").text(language)))</p>\n</section>\n"
        }
        out += "<table>\n<thead><tr>"
        for column in table.columns { out += "<th>\(esc(column.heading.text(language)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        let allLabel = Bilingual(en: "All", zh: "全部").text(language)
        for row in table.rows {
            let total: Bool = if case .text(let s)? = row.first, s == allLabel { true } else { false }
            out += total ? "<tr class=\"total\">" : "<tr>"
            for cell in row {
                if case .text = cell { out += "<td>\(esc(cell.display))</td>" } else { out += "<td class=\"n\">\(esc(cell.display))</td>" }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// The satisfaction chart, in the ratings' section above their table: a bar per level (5 非常满意 … 1 非常不满意), the same bars as the
    /// waits' chart, captioned with the satisfaction rate.
    static func satisfactionChart(_ ratings: RatingSummary, language: Language) -> String {
        let rate = ReportCell.rate(ratings.satisfactionRate).display
        let caption = Bilingual(en: "Satisfaction: ratings by level (satisfaction rate \(rate))", zh: "满意度：各等级评价条数（满意率 \(rate)）")
        return "<figure>\n<figcaption>\(CaseDocumentHTML.escape(caption.text(language)))</figcaption>\n"
            + barChart(RatingLevel.allCases.reversed().map { ("\($0.rawValue) \($0.label.text(language))", ratings.distribution[$0] ?? 0) })
            + "</figure>\n"
    }

    /// A value axis top: the smallest "nice" number (1, 2, 5 × 10ⁿ) at or above `value`, at least 1.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var step = 1
        while true {
            for m in [1, 2, 5] where m * step >= value { return m * step }
            step *= 10
        }
    }

    /// Arrivals (solid dark bars) against served (white bars, black outline, hatched) per hour, the hours from the
    /// first with a ticket to the last (08–17 when there is none), the counts over the bars.
    static func hourlyChart(_ hourly: [DayStatistics.HourCount], language: Language) -> String {
        let active = hourly.filter { $0.arrivals > 0 || $0.served > 0 }
        let first = min(active.first?.hour ?? 8, 8), last = max(active.last?.hour ?? 17, 17)
        let hours = (first...last).map { h in hourly.first { $0.hour == h } ?? DayStatistics.HourCount(hour: h, arrivals: 0, served: 0) }
        let top = niceCeiling(hours.map { max($0.arrivals, $0.served) }.max() ?? 0)
        let (width, height, left, bottom, topPad) = (680.0, 230.0, 40.0, 34.0, 16.0)
        let plot = height - bottom - topPad
        let slot = (width - left - 10) / Double(hours.count)
        let bar = min(18, slot * 0.36)
        var svg = svgOpen(width: width, height: height, label: Bilingual(en: "Arrivals and served by hour", zh: "分时段取号与办结").text(language))
        svg += axis(top: top, left: left, width: width, plot: plot, topPad: topPad)
        for (i, h) in hours.enumerated() {
            let x = left + Double(i) * slot + slot / 2
            for (offset, value, served) in [(-bar - 1, h.arrivals, false), (1.0, h.served, true)] {
                let barHeight = plot * Double(value) / Double(top)
                let y = topPad + plot - barHeight
                svg += "<rect x=\"\(f(x + offset))\" y=\"\(f(y))\" width=\"\(f(bar))\" height=\"\(f(barHeight))\" "
                svg += served ? "fill=\"url(#hatch)\" stroke=\"#000\" stroke-width=\"1\"/>" : "fill=\"#404040\"/>"
                if value > 0 {
                    svg += "<text x=\"\(f(x + offset + bar / 2))\" y=\"\(f(y - 3))\" font-size=\"9\" text-anchor=\"middle\">\(value)</text>"
                }
            }
            svg += "<text x=\"\(f(x))\" y=\"\(f(topPad + plot + 14))\" font-size=\"10\" text-anchor=\"middle\">\(String(format: "%02d", h.hour))</text>"
        }
        // The legend, under the hours.
        let legendY = height - 8
        svg += "<rect x=\"\(f(left))\" y=\"\(f(legendY - 9))\" width=\"12\" height=\"10\" fill=\"#404040\"/>"
        svg += "<text x=\"\(f(left + 16))\" y=\"\(f(legendY))\" font-size=\"10\">\(CaseDocumentHTML.escape(Bilingual(en: "taken", zh: "取号").text(language)))</text>"
        svg += "<rect x=\"\(f(left + 70))\" y=\"\(f(legendY - 9))\" width=\"12\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#000\"/>"
        svg += "<text x=\"\(f(left + 86))\" y=\"\(f(legendY))\" font-size=\"10\">\(CaseDocumentHTML.escape(Bilingual(en: "served", zh: "办结").text(language)))</text>"
        return svg + "</svg>\n"
    }

    /// One bar per labelled count (mid-grey with a black outline), the count over each bar, the label under it.
    public static func barChart(_ bars: [(label: String, value: Int)]) -> String {
        let top = niceCeiling(bars.map(\.value).max() ?? 0)
        let (width, height, left, bottom, topPad) = (680.0, 200.0, 40.0, 24.0, 16.0)
        let plot = height - bottom - topPad
        let slot = (width - left - 10) / Double(max(1, bars.count))
        let bar = slot * 0.6
        var svg = svgOpen(width: width, height: height, label: bars.map { "\($0.label) \($0.value)" }.joined(separator: ", "))
        svg += axis(top: top, left: left, width: width, plot: plot, topPad: topPad)
        for (i, b) in bars.enumerated() {
            let x = left + Double(i) * slot + (slot - bar) / 2
            let barHeight = plot * Double(b.value) / Double(top)
            let y = topPad + plot - barHeight
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(bar))\" height=\"\(f(barHeight))\" fill=\"#a0a0a0\" stroke=\"#000\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(x + bar / 2))\" y=\"\(f(y - 3))\" font-size=\"10\" text-anchor=\"middle\">\(b.value)</text>"
            svg += "<text x=\"\(f(x + bar / 2))\" y=\"\(f(topPad + plot + 15))\" font-size=\"10\" text-anchor=\"middle\">\(CaseDocumentHTML.escape(b.label))</text>"
        }
        return svg + "</svg>\n"
    }

    static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(CaseDocumentHTML.escape(label))\" "
            + "font-family=\"sans-serif\">"
            + "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"4\" height=\"4\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#000\" stroke-width=\"1\"/></pattern></defs>"
    }

    /// The value axis: the base line, a dashed line at the top and at half where half is a whole count (the bars count
    /// tickets and ratings: a line at 2.5 of them reads oddly), with their numbers.
    static func axis(top: Int, left: Double, width: Double, plot: Double, topPad: Double) -> String {
        var svg = ""
        for (fraction, dashed) in [(0.0, false), (0.5, true), (1.0, true)] where fraction != 0.5 || top % 2 == 0 {
            let y = topPad + plot * (1 - fraction)
            let label = String(Int(Double(top) * fraction))
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 10))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-width=\"\(dashed ? "0.5" : "1")\"\(dashed ? " stroke-dasharray=\"3,3\"" : "")/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y + 3))\" font-size=\"9\" text-anchor=\"end\">\(label)</text>"
        }
        return svg
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
