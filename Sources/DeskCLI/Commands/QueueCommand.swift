import ArgumentParser
import Foundation
import HallModel
import Queue

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "The live hall: lines, windows, last announcements.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let snap = try database.snapshot()
        let calendar = try database.settings().businessCalendar
        let prefixes = Dictionary(uniqueKeysWithValues: snap.lines.map { ($0.line.id, $0.line.prefix) })
        if json {
            struct LineOut: Encodable { var prefix: String, name: String, waiting: Int, longestWaitMinutes: Int, longestWaitSeconds: Int, targetWaitMinutes: Int, open: Bool }
            struct WindowOut: Encodable { var number: Int, name: String, state: String, staff: String?, staffName: String?, current: TicketJSON?, held: Int, pauseReason: String? }
            struct AnnouncementOut: Encodable { var code: String, window: Int, at: String?, recall: Bool }
            struct Out: Encodable { var hall: String, businessDate: String, now: String?, lines: [LineOut], windows: [WindowOut], announcements: [AnnouncementOut] }
            try Output.json(Out(
                hall: snap.hallName, businessDate: snap.businessDate, now: Output.timestamp(snap.now, calendar),
                lines: snap.lines.map { LineOut(prefix: $0.line.prefix, name: $0.line.name, waiting: $0.waiting,
                                                longestWaitMinutes: $0.longestWaitSeconds / 60, longestWaitSeconds: $0.longestWaitSeconds,
                                                targetWaitMinutes: $0.line.targetWaitMinutes, open: $0.line.isOpen) },
                windows: snap.windows.map { w in
                    WindowOut(number: w.window.id, name: w.window.name, state: w.displayState, staff: w.window.staffID, staffName: w.staffName,
                              current: w.current.map { TicketJSON($0, linePrefix: prefixes[$0.lineID] ?? "?", calendar: calendar) },
                              held: w.held, pauseReason: w.window.pauseReason) },
                announcements: snap.announcements.map { AnnouncementOut(code: $0.code, window: $0.window, at: Output.timestamp($0.at, calendar), recall: $0.isRecall) }))
            return
        }
        let zh = options.language == .zh
        Output.line("\(snap.hallName)  \(snap.businessDate) \(calendar.timeOfDay(snap.now))")
        Output.line(zip(zh ? ["号段", "名称", "等候", "最长等候", "目标"] : ["Line", "Name", "Wait", "Longest", "Target"], [6, 16, 6, 10, 8])
            .map { pad($0, $1) }.joined())
        for l in snap.lines {
            Output.line("\(pad(l.line.prefix, 6))\(pad(l.line.name, 16))\(pad(String(l.waiting), 6))\(pad("\(l.longestWaitSeconds / 60)m", 10))\(l.line.targetWaitMinutes)m\(l.line.isOpen ? "" : (zh ? "  停止取号" : "  closed"))")
        }
        Output.line(zip(zh ? ["窗口", "名称", "状态", "工作人员", "当前号", "挂起"] : ["Win", "Name", "State", "Staff", "Current", "Held"],
                        [6, 16, 8, 10, 8, 6])
            .map { pad($0, $1) }.joined())
        for w in snap.windows {
            let state = w.displayState == "serving" ? (zh ? "办理中" : "serving") : w.window.state.label.text(options.language)
            // Why a window is not calling is what a supervisor reading this wants to know first.
            let reason = w.window.state == .paused ? "  " + (zh ? "暂停原因：" : "paused: ") + (w.window.pauseReason ?? "-") : ""
            Output.line("\(pad(String(w.window.id), 6))\(pad(w.window.name, 16))\(pad(state, 8))\(pad(w.staffName ?? "-", 10))"
                        + "\(pad(w.current?.code ?? "-", 8))\(w.held)\(reason)")
        }
        if !snap.announcements.isEmpty {
            Output.line((zh ? "最近叫号：" : "Last calls: ") + snap.announcements.map { "\($0.code)→\($0.window)" }.joined(separator: "  "))
        }
    }
}

struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "day", abstract: "Business-day operations.", subcommands: [DayClose.self])
}

struct DayClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Day end: close open tickets as unserved and close the windows.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let database = try options.openDatabase()
        let summary = try database.closeDay(by: try options.actor(database))
        if json {
            struct Out: Encodable {
                var businessDate: String, unserved: Int, keptOvernight: Int, windowsClosed: Int, seal: String, sealSeq: Int64
            }
            try Output.json(Out(businessDate: summary.businessDate, unserved: summary.closedUnserved, keptOvernight: summary.keptOvernight,
                                windowsClosed: summary.windowsClosed, seal: summary.seal, sealSeq: summary.sealSeq))
        } else {
            Output.line(Bilingual(
                en: "Day \(summary.businessDate) closed: \(summary.closedUnserved) unserved, \(summary.keptOvernight) kept overnight, \(Plural.english(summary.windowsClosed, "window")) closed.",
                zh: "\(summary.businessDate) 日终完成：未办 \(summary.closedUnserved) 个，留至次日 \(summary.keptOvernight) 个，关闭窗口 \(summary.windowsClosed) 个。"
            ).text(options.language))
            Output.line(Bilingual(
                en: "The day's seal (SM3, event \(summary.sealSeq)): \(summary.seal)\nKeep it off this machine; 'desk audit verify --seal HASH' checks the history still holds it.",
                zh: "当日封印（SM3，第 \(summary.sealSeq) 号事件）：\(summary.seal)\n请将其另行保存；desk audit verify --seal 封印 可核验历史未被改动。"
            ).text(options.language))
        }
    }
}
