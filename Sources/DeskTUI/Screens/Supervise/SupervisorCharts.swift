import Foundation
import HallModel
import Queue

/// The supervisor's charts, drawn into a rectangle of the grid with ASCII only — '#' arrivals, '=' served and the
/// satisfaction bars, '|' the waiting count — so `DisplayWidth` and every terminal agree on one column each (no
/// block elements or box-drawing glyphs, whose width is East Asian Ambiguous). Pure drawing, no state.
enum SupervisorCharts {
    static let arrivalsMark = "#"
    static let servedMark = "="
    static let waitingMark = "|"
    static let satisfactionMark = "="

    /// The chart characters, each one column (`SupervisorChartTests` asks `DisplayWidth`).
    static let glyphs = [arrivalsMark, servedMark, waitingMark, satisfactionMark]

    /// Bar height for `value` of `maximum` in `rows` rows: at least one row for any value above zero.
    static func height(_ value: Int, of maximum: Int, rows: Int) -> Int {
        guard value > 0, maximum > 0, rows > 0 else { return 0 }
        return max(1, min(rows, Int((Double(value) * Double(rows) / Double(maximum)).rounded(.up))))
    }

    /// The hours shown: the opening day (08–18) widened to every hour with a figure, narrowed to what fits.
    static func hourRange(_ hours: [DayCurves.Hour], fitting slots: Int) -> ClosedRange<Int> {
        let busy = hours.filter { $0.arrivals > 0 || $0.served > 0 }.map(\.hour)
        var first = min(8, busy.min() ?? 8), last = max(18, busy.max() ?? 18)
        while last - first + 1 > max(1, slots) { if busy.max().map({ $0 < last }) ?? true { last -= 1 } else { first += 1 } }
        return first...max(first, last)
    }

    /// Arrivals and served per hour as pairs of columns ("#=" and a gap), the hour under each pair.
    static func hourly(_ hours: [DayCurves.Hour], into grid: inout CellGrid, rect: Rect, lang: Language) {
        guard rect.height >= 3, rect.width >= 6 else { return }
        let range = hourRange(hours, fitting: rect.width / 3)
        let shown = hours.filter { range.contains($0.hour) }
        let maximum = shown.map { max($0.arrivals, $0.served) }.max() ?? 0
        grid.put(UIText.superviseChartHourly.text(lang) + "  max \(maximum)", in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
                 role: .header, marker: TextFitting.ellipsis)
        let rows = rect.height - 2
        let base = rect.y + 1 + rows - 1
        for (n, h) in shown.enumerated() {
            let x = rect.x + n * 3
            for r in 0..<height(h.arrivals, of: maximum, rows: rows) { grid.put(arrivalsMark, x: x, y: base - r) }
            for r in 0..<height(h.served, of: maximum, rows: rows) { grid.put(servedMark, x: x + 1, y: base - r, role: .ok) }
            grid.put(h.hour < 10 ? "0\(h.hour)" : "\(h.hour)", x: x, y: base + 1, role: .muted)
        }
    }

    /// The waiting count at each bucket's end, one column per bucket (several buckets to a column, their largest,
    /// when the day is wider than the rectangle), from the opening (08:00) or the first bucket with anyone waiting.
    static func waiting(_ curves: DayCurves, into grid: inout CellGrid, rect: Rect, lang: Language) {
        guard rect.height >= 3, rect.width >= 4 else { return }
        let perHour = max(1, 60 / max(1, curves.bucketMinutes))
        let firstBusy = curves.waiting.firstIndex { $0 > 0 } ?? curves.waiting.count
        let start = min(8 * perHour, firstBusy, curves.waiting.count)
        let values = Array(curves.waiting[start...])
        let per = max(1, Int((Double(values.count) / Double(rect.width)).rounded(.up)))
        let columns = stride(from: 0, to: values.count, by: per).map { values[$0..<min(values.count, $0 + per)].max() ?? 0 }
        let maximum = columns.max() ?? 0
        let title = UIText.superviseChartWaiting(minutes: curves.bucketMinutes * per).text(lang) + "  max \(maximum)"
        grid.put(title, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header, marker: TextFitting.ellipsis)
        let rows = rect.height - 2
        let base = rect.y + rows
        for (n, v) in columns.enumerated() where n < rect.width {
            for r in 0..<height(v, of: maximum, rows: rows) { grid.put(waitingMark, x: rect.x + n, y: base - r, role: .warning) }
        }
        let from = start * curves.bucketMinutes
        grid.put(String(format: "%02d:%02d", from / 60, from % 60), x: rect.x, y: base + 1, role: .muted)
    }

    /// Today's ratings by level, 5 to 1, a bar each with its count.
    static func satisfaction(_ counts: [Int], into grid: inout CellGrid, rect: Rect, lang: Language) {
        guard rect.height >= 2, rect.width >= 10 else { return }
        let total = counts.reduce(0, +)
        grid.put(UIText.superviseChartSatisfaction.text(lang) + "  \(total)", in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
                 role: .header, marker: TextFitting.ellipsis)
        let labelWidth = (1...5).map { DisplayWidth.of(UIText.superviseLevel($0).text(lang)) }.max() ?? 0
        let maximum = counts.max() ?? 0
        for (row, level) in [5, 4, 3, 2, 1].enumerated() where row + 1 < rect.height {
            let y = rect.y + 1 + row
            let count = counts.indices.contains(level - 1) ? counts[level - 1] : 0
            grid.put(UIText.superviseLevel(level).text(lang), x: rect.x, y: y, width: labelWidth, role: level <= 2 ? .warning : .normal)
            let room = max(0, rect.width - labelWidth - 8)
            let bar = height(count, of: maximum, rows: room)
            let x = grid.put(String(repeating: satisfactionMark, count: bar), x: rect.x + labelWidth + 1, y: y, role: level <= 2 ? .danger : .ok)
            grid.put(" \(count)", x: x, y: y)
        }
    }
}
