import ArgumentParser
import Foundation
import HallModel
import Queue

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "The day's figures from the event log: the hall, each line, each window (idle ones too) and each staff member.",
        discussion: """
            Times are in minutes, the service level and the no-show rate in percent. Tickets are taken at a line, \
            so a window's or a person's row leaves "taken" empty; a window's row adds its idle minutes (signed in, \
            not paused, nobody called).
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "Business date YYYY-MM-DD (default: today).") var date: String?
    @Flag(help: "Print one JSON object.") var json = false

    struct FiguresOut: Encodable {
        /// Only for the hall and its lines: a ticket is taken at a line, not at a window or from a person.
        var arrivals: Int?
        var called, served, noShows, cancelled, unserved: Int
        var averageWaitMinutes, p90WaitMinutes, averageWalkMinutes, averageServiceMinutes, p90ServiceMinutes: Double?
        var serviceLevel, noShowRate: Double?
        var busyMinutes: Double
        init(_ f: DayStatistics.Figures, taken: Bool = true) {
            arrivals = taken ? f.arrivals : nil
            called = f.called; served = f.served; noShows = f.noShows; cancelled = f.cancelled; unserved = f.unserved
            averageWaitMinutes = f.averageWaitSeconds.map(minutes); p90WaitMinutes = f.p90WaitSeconds.map(minutes)
            averageWalkMinutes = f.averageWalkSeconds.map(minutes)
            averageServiceMinutes = f.averageServiceSeconds.map(minutes); p90ServiceMinutes = f.p90ServiceSeconds.map(minutes)
            serviceLevel = f.serviceLevel.map { ($0 * 1000).rounded() / 1000 }; noShowRate = f.noShowRate.map { ($0 * 1000).rounded() / 1000 }
            busyMinutes = minutes(f.busySeconds)
        }
    }

    struct TimesOut: Encodable {
        var openMinutes, pausedMinutes, occupiedMinutes, idleMinutes: Double
        init(_ t: WindowTimes) {
            openMinutes = minutes(t.openSeconds); pausedMinutes = minutes(t.pausedSeconds)
            occupiedMinutes = minutes(t.occupiedSeconds); idleMinutes = minutes(t.idleSeconds)
        }
    }

    func run() throws {
        let stats = try options.openDatabase().statistics(businessDate: date)
        if json {
            struct LineOut: Encodable { var prefix: String, name: String, figures: FiguresOut }
            struct WindowOut: Encodable { var window: Int, name: String, figures: FiguresOut, times: TimesOut }
            struct StaffOut: Encodable { var staff: String, name: String, figures: FiguresOut }
            struct Out: Encodable { var businessDate: String, total: FiguresOut, lines: [LineOut], windows: [WindowOut], staff: [StaffOut] }
            try Output.json(Out(
                businessDate: stats.businessDate, total: FiguresOut(stats.total),
                lines: stats.perLine.map { LineOut(prefix: $0.prefix, name: $0.name, figures: FiguresOut($0.figures)) },
                windows: stats.perWindow.map { WindowOut(window: $0.window, name: $0.name, figures: FiguresOut($0.figures, taken: false), times: TimesOut($0.times)) },
                staff: stats.perStaff.map { StaffOut(staff: $0.staff, name: $0.name, figures: FiguresOut($0.figures, taken: false)) }))
            return
        }
        let language = options.language
        func fmt(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "-" }
        func pct(_ v: Double?) -> String { v.map { String(format: "%.0f", $0 * 100) } ?? "-" }
        Output.line(Bilingual(en: "Figures for \(stats.businessDate) (times in minutes, rates in %)",
                              zh: "统计日期 \(stats.businessDate)（时间单位：分钟；比率单位：%）").text(language))
        let header = language == .zh
            ? ["", "取号(张)", "叫号(张)", "办结(张)", "过号(张)", "平均等候(分)", "P90等候(分)", "平均办理(分)", "达标率(%)", "过号率(%)", "空闲(分)"]
            : ["", "Taken", "Called", "Done", "No-show", "Wait avg", "Wait p90", "Serv avg", "Level %", "No-show %", "Idle min"]
        let widths = [18, 9, 9, 9, 9, 13, 12, 13, 10, 10, 9]
        Output.line(tableRow(header, widths: widths))
        func row(_ label: String, _ f: DayStatistics.Figures, taken: Bool, idle: Double? = nil) {
            let o = FiguresOut(f, taken: taken)
            let cells = [label, o.arrivals.map(String.init) ?? "-", String(f.called), String(f.served), String(f.noShows),
                         fmt(o.averageWaitMinutes), fmt(o.p90WaitMinutes), fmt(o.averageServiceMinutes),
                         pct(f.serviceLevel), pct(f.noShowRate), fmt(idle.map { $0 / 60 })]
            Output.line(tableRow(cells, widths: widths))
        }
        row(Bilingual(en: "All", zh: "全部").text(language), stats.total, taken: true)
        for l in stats.perLine { row("\(l.prefix) \(l.name)", l.figures, taken: true) }
        for w in stats.perWindow {
            row(Bilingual(en: "Win \(w.window) \(w.name)", zh: "\(w.window)号窗 \(w.name)").text(language), w.figures, taken: false, idle: w.times.idleSeconds)
        }
        for s in stats.perStaff { row("\(s.staff) \(s.name)", s.figures, taken: false) }
    }
}

/// Seconds as minutes with one decimal.
private func minutes(_ seconds: Double) -> Double { (seconds / 60 * 10).rounded() / 10 }
