import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk ticket show CODE`: everything the record says about one ticket — its line (and the line it was
/// issued in), class, source, window and clerk, its times, each call, recall, transfer and hold, its note and
/// its state — from the ticket's row and its events (`HallDatabase.ticketHistory`). Reading needs nobody.
struct ShowTicket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a ticket: line, class, window, times, calls, transfers, holds, note, state.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The ticket's code, e.g. A012.") var code: String
    @Option(help: "Its business date, YYYY-MM-DD (default: the open ticket with that code, else today's).") var date: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws { try UsageError.rejectBlank(code, "CODE") }

    func run() throws {
        let database = try options.openDatabase()
        let history = try database.ticketHistory(code: code, businessDate: date)
        let calendar = try database.settings().businessCalendar
        if json {
            try Output.json(HistoryJSON(history, calendar: calendar))
        } else {
            for line in TicketHistoryText.lines(history, calendar: calendar, language: options.language) { Output.line(line) }
        }
    }
}

/// `desk ticket note CODE TEXT` / `--clear`: the clerk's note on an open ticket, as the window's `e` key sets it.
struct NoteTicket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Set (or --clear) the note on an open ticket: the window's clerk or a supervisor.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The ticket's code.") var code: String
    @Argument(help: "The note (at most \(FreeText.ticketNoteLimit) characters).") var text: String?
    @Flag(help: "Remove the note.") var clear = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        try UsageError.rejectBlank(code, "CODE")
        if (text == nil) == !clear { throw UsageError(en: "Give the note's text, or --clear.", zh: "请给出备注内容，或用 --clear 清除。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let ticket = try database.setTicketNote(code: code, note: clear ? nil : text, by: try options.actor(database))
        if json {
            try Output.json(TicketJSON(ticket, linePrefix: try LineNames(database).prefix(ticket.lineID),
                                       calendar: try database.settings().businessCalendar))
        } else {
            Output.line((ticket.note.map { TicketHistoryText.noteSet(ticket.code, $0) } ?? TicketHistoryText.noteCleared(ticket.code))
                .text(options.language))
        }
    }
}

/// The JSON of `ticket show`: the ticket as every command prints it, plus its history.
struct HistoryJSON: Encodable {
    struct Step: Encodable {
        var at: String?
        var kind: String
        var actor: String
        var window: Int?, windowName: String?, staff: String?, staffName: String?, line: String?
        var fromLine: String?, placement: String?, callReason: String?, reason: String?, note: String?
    }
    struct Hold: Encodable {
        var at: String?
        var window: Int?
        var until: String?
        var endedBy: String?
        var minutes: Int?
    }
    var ticket: TicketJSON
    var lineName: String, originLine: String, originLineName: String
    var windowName: String?
    var staff: String?
    var staffName: String?
    /// Announcements: calls, recalls and call-backs from hold; and of them the recalls.
    var calls: Int, recalls: Int
    var steps: [Step]
    var holds: [Hold]

    init(_ h: TicketHistory, calendar: BusinessCalendar) {
        ticket = TicketJSON(h.ticket, linePrefix: h.line.prefix, calendar: calendar)
        lineName = h.line.name; originLine = h.originLine.prefix; originLineName = h.originLine.name
        windowName = h.windowName; staff = h.staffID; staffName = h.staffName
        calls = h.calls.count; recalls = h.steps.filter { $0.kind == .recall }.count
        steps = h.steps.map {
            Step(at: Output.timestamp($0.at, calendar), kind: $0.kind.rawValue, actor: $0.actor, window: $0.window, windowName: $0.windowName,
                 staff: $0.staffID, staffName: $0.staffName, line: $0.line, fromLine: $0.fromLine, placement: $0.placement?.rawValue,
                 callReason: $0.callReason?.rawValue, reason: $0.reason, note: $0.note)
        }
        holds = h.holds.map { hold in
            Hold(at: Output.timestamp(hold.at, calendar), window: hold.window, until: Output.timestamp(hold.until, calendar),
                 endedBy: hold.endedBy?.rawValue, minutes: hold.until.map { Int($0.timeIntervalSince(hold.at)) / 60 })
        }
    }
}

/// The text of `ticket show` and `ticket note`, in both languages.
enum TicketHistoryText {
    static func lines(_ h: TicketHistory, calendar: BusinessCalendar, language: Language) -> [String] {
        let t = h.ticket
        func time(_ date: Date?) -> String { date.map { calendar.timeOfDay($0) } ?? "-" }
        func window(_ number: Int?, _ name: String?) -> String {
            number.map { UIText.windowNumber($0).text(language) + (name.map { " " + $0 } ?? "") } ?? "-"
        }
        var line = h.line.prefix + " " + h.line.name
        if h.originLine.id != h.line.id { line += Bilingual(en: " (issued in ", zh: "（取号于 ").text(language) + h.originLine.prefix
            + " " + h.originLine.name + Bilingual(en: ")", zh: "）").text(language) }
        let staff = h.staffID.map { id in h.staffName.map { "\($0) (\(id))" } ?? id }
        let fields: [(Bilingual, String)] = [
            (UIText.fieldLine, line),
            (UIText.fieldPriority, t.priority.label.text(language)),
            (Bilingual(en: "Source", zh: "来源"), source(t.source).text(language)),
            (Bilingual(en: "Window", zh: "窗口"), window(t.windowID, h.windowName)),
            (Bilingual(en: "Clerk", zh: "工作人员"), staff ?? "-"),
            (Bilingual(en: "Issued", zh: "取号"), calendar.businessDate(of: t.issuedAt) + " " + time(t.issuedAt)),
            (Bilingual(en: "Appointment", zh: "预约"), time(t.appointmentAt)),
            (Bilingual(en: "Called", zh: "叫号"), time(t.calledAt)),
            (Bilingual(en: "Started", zh: "开始"), time(t.startedAt)),
            (Bilingual(en: "Ended", zh: "结束"), time(t.finishedAt)),
            (Bilingual(en: "Calls", zh: "叫号次数"), String(h.calls.count)),
            (Bilingual(en: "Transfers", zh: "转移次数"), String(t.transferCount)),
            (UIText.fieldNote, t.note ?? "-"),
        ]
        let width = fields.map { $0.0.text(language).displayWidth }.max() ?? 0
        // The first line: the code and its state now.
        var out = [t.code + "  " + t.state.label.text(language)]
        out += fields.map { pad($0.0.text(language), width + 3) + $0.1 }
        out.append(Bilingual(en: "History:", zh: "经过：").text(language))
        let holds = h.holds
        var holdIndex = 0
        for step in h.steps {
            var parts = [time(step.at), kind(step.kind).text(language)]
            if step.window != nil { parts.append(window(step.window, step.windowName)) }
            switch step.kind {
            case .issue: parts.append(step.line ?? "")
            case .call: if let reason = step.callReason { parts.append(callReason(reason).text(language)) }
            case .transfer:
                parts.append((step.fromLine ?? "?") + " -> " + (step.line ?? "?"))
                if let placement = step.placement { parts.append(UIText.placement(placement).text(language)) }
                if let note = step.note { parts.append(Bilingual(en: "note: ", zh: "备注：").text(language) + note) }
                if let reason = step.reason { parts.append(reason) }
            case .hold:
                if holdIndex < holds.count, let until = holds[holdIndex].until {
                    parts.append(UIText.minutes(Int(until.timeIntervalSince(step.at)) / 60).text(language))
                } else {
                    parts.append(Bilingual(en: "still held", zh: "仍挂起").text(language))
                }
                holdIndex += 1
            case .ticketNote: parts.append(step.note ?? Bilingual(en: "(cleared)", zh: "（已清除）").text(language))
            case .cancel, .reopen: if let reason = step.reason { parts.append(reason) }
            default: break
            }
            if step.actor != step.staffID { parts.append(Bilingual(en: "by ", zh: "操作：").text(language) + step.actor) }
            out.append("  " + parts.joined(separator: "  "))
        }
        return out
    }

    static func kind(_ kind: EventKind) -> Bilingual {
        switch kind {
        case .issue: Bilingual(en: "issued", zh: "取号")
        case .ticketNote: Bilingual(en: "note", zh: "备注")
        default: TicketAction.allCases.first { EventKind($0) == kind }?.label ?? Bilingual(en: kind.rawValue, zh: kind.rawValue)
        }
    }

    static func source(_ source: TicketSource) -> Bilingual {
        switch source {
        case .kiosk: Bilingual(en: "kiosk", zh: "取号机")
        case .desk: Bilingual(en: "desk (reception or script)", zh: "前台（命令行）")
        case .appointment: Bilingual(en: "appointment", zh: "预约")
        case .proxy: Bilingual(en: "proxy agent", zh: "代办员")
        }
    }

    static func callReason(_ reason: CallingPolicy.Reason) -> Bilingual {
        switch reason {
        case .greenChannel: Bilingual(en: "green channel", zh: "绿色通道")
        case .appointmentDue: Bilingual(en: "appointment due", zh: "预约到时")
        case .overdueLine: Bilingual(en: "line past its target", zh: "号段超时")
        case .priority: Bilingual(en: "priority", zh: "优先")
        case .fifo: Bilingual(en: "in order", zh: "按顺序")
        case .earlyAppointment: Bilingual(en: "early appointment", zh: "提前预约")
        case .placedFront: Bilingual(en: "transferred to the front", zh: "转入队首")
        case .specific: Bilingual(en: "called by number", zh: "指定叫号")
        }
    }

    static func noteSet(_ code: String, _ note: String) -> Bilingual { Bilingual(en: "\(code)  note: \(note)", zh: "\(code)  备注：\(note)") }
    static func noteCleared(_ code: String) -> Bilingual { Bilingual(en: "\(code)  note cleared", zh: "\(code)  备注已清除") }
}
