import Foundation
import HallModel
import Queue
@testable import DeskTUI

/// A window view with fixed times, Chinese and ASCII line names side by side, every state the
/// panels colour: for snapshot and key tests that need no database.
enum WindowFixture {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-03-02 09:30:00 in the hall.
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!
    static func at(_ hhmm: String) -> Date { HallClock.parseISO8601("2026-03-02T\(hhmm):00+08:00")! }

    static let lineA = ServiceLine(id: 1, prefix: "A", name: "综合受理", targetWaitMinutes: 15)
    static let lineB = ServiceLine(id: 2, prefix: "B", name: "Business start-up", targetWaitMinutes: 20)
    static let lineD = ServiceLine(id: 4, prefix: "D", name: "社会事务", targetWaitMinutes: 15)

    static func ticket(_ code: String, _ line: ServiceLine, _ priority: PriorityClass = .normal, state: TicketState = .waiting,
                       issued: String, called: String? = nil, started: String? = nil, calls: Int = 0) -> WindowView.Entry {
        let sequence = TicketCode.parse(code)?.sequence ?? 1
        let t = Ticket(id: line.id * 10_000 + Int64(sequence), code: code, businessDate: "2026-03-02", lineID: line.id, originLineID: line.id,
                       sequence: sequence, state: state, priority: priority, source: .kiosk, appointmentAt: nil,
                       issuedAt: at(issued), queuedAt: at(issued), calledAt: called.map(at), startedAt: started.map(at),
                       windowID: state == .waiting ? nil : 1, callCount: calls)
        return WindowView.Entry(ticket: t, line: line)
    }

    /// Window 1, open, 王芳 signed in, A004 (elderly) called twice, three waiting, one held.
    static func view(state: WindowState = .open, pauseReason: String? = nil, current: Bool = true, held: Bool = true) -> WindowView {
        WindowView(
            hallName: "城东区政务服务中心", timeZone: zone,
            window: ServiceWindow(id: 1, name: "综合受理一", profile: [ProfileEntry(lineID: 1), ProfileEntry(lineID: 2), ProfileEntry(lineID: 4)],
                                  state: state, pauseReason: pauseReason, staffID: "S01"),
            staffName: "王芳",
            current: current ? ticket("A004", lineA, .elderly, state: .called, issued: "09:10", called: "09:22", calls: 2) : nil,
            held: held ? [ticket("A003", lineA, state: .held, issued: "09:05", called: "09:15", calls: 1)] : [],
            waiting: [
                ticket("A001", lineA, issued: "09:12"),          // 18 min of 15: past target
                ticket("B002", lineB, issued: "09:25"),          // 5 of 20: fine
                ticket("D001", lineD, .pregnant, issued: "09:18"), // 12 of 15: 80 %, warning
            ],
            waitingCount: 3, lines: [lineA, lineB, lineD], noShowAfterCalls: 2)
    }

    static func context(_ language: Language, _ width: Int = 80, _ height: Int = 24) -> RenderContext {
        RenderContext(language: language, now: now, size: Size(width: width, height: height))
    }
}
