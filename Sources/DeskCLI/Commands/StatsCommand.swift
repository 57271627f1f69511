import ArgumentParser
import Foundation
import HallModel
import Queue

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "The day's figures from the event log, per line and per window.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Business date YYYY-MM-DD (default: today).") var date: String?
    @Flag(help: "Print one JSON object.") var json = false

    struct FiguresOut: Encodable {
        var arrivals, called, served, noShows, cancelled, unserved: Int
        var averageWaitMinutes, p90WaitMinutes, averageWalkMinutes, averageServiceMinutes, p90ServiceMinutes: Double?
        var serviceLevel, noShowRate: Double?
        var busyMinutes: Double
        init(_ f: DayStatistics.Figures) {
            func m(_ s: Double?) -> Double? { s.map { ($0 / 60 * 10).rounded() / 10 } }
            arrivals = f.arrivals; called = f.called; served = f.served; noShows = f.noShows; cancelled = f.cancelled; unserved = f.unserved
            averageWaitMinutes = m(f.averageWaitSeconds); p90WaitMinutes = m(f.p90WaitSeconds); averageWalkMinutes = m(f.averageWalkSeconds)
            averageServiceMinutes = m(f.averageServiceSeconds); p90ServiceMinutes = m(f.p90ServiceSeconds)
            serviceLevel = f.serviceLevel.map { ($0 * 1000).rounded() / 1000 }; noShowRate = f.noShowRate.map { ($0 * 1000).rounded() / 1000 }
            busyMinutes = (f.busySeconds / 60 * 10).rounded() / 10
        }
    }

    func run() throws {
        let stats = try options.openDatabase().statistics(businessDate: date)
        if json {
            struct LineOut: Encodable { var prefix: String, name: String, figures: FiguresOut }
            struct WindowOut: Encodable { var window: Int, name: String, figures: FiguresOut }
            struct Out: Encodable { var businessDate: String, total: FiguresOut, lines: [LineOut], windows: [WindowOut] }
            try Output.json(Out(businessDate: stats.businessDate, total: FiguresOut(stats.total),
                                lines: stats.perLine.map { LineOut(prefix: $0.prefix, name: $0.name, figures: FiguresOut($0.figures)) },
                                windows: stats.perWindow.map { WindowOut(window: $0.window, name: $0.name, figures: FiguresOut($0.figures)) }))
            return
        }
        let zh = options.language == .zh
        func fmt(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "-" }
        func pct(_ v: Double?) -> String { v.map { String(format: "%.0f%%", $0 * 100) } ?? "-" }
        Output.line((zh ? "统计日期 " : "Figures for ") + stats.businessDate)
        let header = zh ? ["", "取号", "叫号", "办结", "过号", "平均等候", "P90等候", "平均办理", "服务达标", "过号率"]
                        : ["", "In", "Called", "Done", "NoShow", "AvgWait", "P90Wait", "AvgServ", "SvcLevel", "NoShow%"]
        let widths = [16, 7, 7, 7, 7, 10, 9, 10, 10, 8]
        Output.line(zip(header, widths).map { pad($0, $1) }.joined())
        func row(_ label: String, _ f: DayStatistics.Figures) {
            let o = FiguresOut(f)
            let cells = [label, String(f.arrivals), String(f.called), String(f.served), String(f.noShows), fmt(o.averageWaitMinutes),
                         fmt(o.p90WaitMinutes), fmt(o.averageServiceMinutes), pct(f.serviceLevel), pct(f.noShowRate)]
            Output.line(zip(cells, widths).map { pad($0, $1) }.joined())
        }
        row(zh ? "全部" : "All", stats.total)
        for l in stats.perLine { row("\(l.prefix) \(l.name)", l.figures) }
        for w in stats.perWindow where w.figures.called > 0 { row((zh ? "窗口" : "Win ") + "\(w.window)", w.figures) }
    }
}
