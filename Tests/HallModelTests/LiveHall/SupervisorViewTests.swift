import Foundation
import Testing
@testable import HallModel
import Queue

/// The supervisor's live hall (`supervisorView(by:)`): lines against their targets with today's figures, windows with
/// their ticket, timer, idle time and pause, the cases at risk and the pending intakes, the charts; only a supervisor.
@Suite struct SupervisorViewTests {
    /// Monday 2026-03-02 from 09:00: A001–A003 and B001 issued; A001 served at window 1 (09:05–09:15); window 2 paused
    /// at 09:20 ("培训"); B001 called at window 3 at 09:30; the clock then at 09:40.
    func morning() throws -> TestHall {
        let hall = try TestHall()
        for prefix in ["A", "A", "A", "B"] { _ = try hall.issue(prefix) }
        hall.clock.advance(minutes: 5)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 10)
        _ = try hall.database.finish(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 5)
        _ = try hall.database.pauseWindow(2, reason: "培训", by: hall.clerk(2))
        hall.clock.advance(minutes: 10)
        _ = try hall.database.callSpecific(window: 3, code: "B001", by: hall.clerk(3))
        hall.clock.advance(minutes: 10)
        return hall
    }

    @Test func linesCarryTheirWaitAgainstTheTargetAndTodaysFigures() throws {
        let hall = try morning()
        let view = try hall.database.supervisorView(by: hall.supervisor)
        let a = try #require(view.lines.first { $0.line.prefix == "A" })
        #expect(a.waiting == 2)
        #expect(a.longestWaitSeconds == 40 * 60)  // A002 issued at 09:00, now 09:40
        #expect(a.pastTarget)                     // target 15 minutes
        #expect(a.today.arrivals == 3)
        #expect(a.today.served == 1)
        #expect(a.today.serviceLevel == 1)        // A001 waited 5 minutes
        // The same figures as `desk stats` (one fold of the event log).
        let stats = try hall.database.statistics()
        #expect(a.today == stats.perLine.first { $0.prefix == "A" }?.figures)
        #expect(view.total == stats.total)
        let b = try #require(view.lines.first { $0.line.prefix == "B" })
        #expect(b.waiting == 0 && !b.pastTarget)
    }

    @Test func windowsCarryTheirTicketTimerIdleTimeAndPause() throws {
        let hall = try morning()
        let view = try hall.database.supervisorView(by: hall.supervisor)
        let w1 = try #require(view.windows.first { $0.window.id == 1 })
        #expect(w1.current == nil)
        #expect(w1.today.served == 1)
        #expect(w1.times.occupiedSeconds == 10 * 60 + 0)  // called 09:05, finished 09:15
        let w2 = try #require(view.windows.first { $0.window.id == 2 })
        #expect(w2.window.state == .paused)
        #expect(w2.window.pauseReason == "培训")
        #expect(w2.pausedSince == HallClock.parseISO8601("2026-03-02T09:20:00+08:00"))
        let w3 = try #require(view.windows.first { $0.window.id == 3 })
        #expect(w3.current?.code == "B001")
        #expect(w3.serviceSeconds(at: view.now) == 10 * 60)  // called at 09:30, not started: since the call
        #expect(w3.pausedSince == nil)
    }

    @Test func theChartsCountTheSameDay() throws {
        let hall = try morning()
        let view = try hall.database.supervisorView(by: hall.supervisor)
        #expect(view.curves.hours[9] == DayCurves.Hour(hour: 9, arrivals: 4, served: 1))
        // 09:30–09:45, the bucket now is in: A002 and A003 waiting (B001 called).
        #expect(view.curves.waiting.last == 2)
        #expect(view.satisfaction.count == 5)
    }

    @Test func casesAtRiskAreTheSupervisorsQueueOverdueFirst() throws {
        let hall = try TestHall(clock: TestClock("2026-03-20T16:00:00+08:00"))
        try DemoCases.seed(hall.database)
        let view = try hall.database.supervisorView(by: hall.supervisor)
        let queue = try hall.database.cases(CaseListFilter(mine: CaseActor(staffID: "M01", roles: [.supervisor]),
                                                           limit: SupervisorView.caseLimit))
        #expect(!view.cases.isEmpty)
        #expect(Set(view.cases.map(\.entry.record.number)) == Set(queue.map(\.record.number)))
        let overdue = view.cases.map(\.reason.isOverdue)
        #expect(overdue == overdue.sorted { $0 && !$1 })
        for risk in view.cases where risk.entry.light.light == .red { #expect(risk.reason == .overdue) }
    }

    @Test func aSupervisorWhoIsAlsoAClerkSeesTheRisksNotTheWindowsResults() throws {
        let hall = try TestHall(clock: TestClock("2026-03-20T16:00:00+08:00"))
        try DemoCases.seed(hall.database)
        // S01 is clerk, supervisor and admin: the view is the supervisor's terms only, the same as M01's.
        let s01 = try hall.database.supervisorView(by: Actor(staff: "S01", terminal: .cli))
        let m01 = try hall.database.supervisorView(by: hall.supervisor)
        #expect(s01.cases.map(\.entry.record.number) == m01.cases.map(\.entry.record.number))
    }

    @Test func badReviewsComplaintsSatisfactionAndMessagesAreTodays() throws {
        let hall = try morning()
        let db = hall.database
        // A001 (finished at window 1) rated 2 on paper: its rectification is listed; another review's level counts.
        let bad = try db.recordRating(RatingRequest(ticketCode: "A001", level: .dissatisfied, reasons: [.serviceAttitude], note: "态度生硬"),
                                      by: hall.supervisor)
        // Every complaint not closed is listed, those awaiting their answer first: a new one (to be assigned), then one
        // answered (awaiting the complainant's satisfaction); a closed one is not.
        func complaint(_ content: String) throws -> Complaint {
            try db.registerComplaint(ComplaintRequest(source: .phone, name: "张三", phone: "13800138000", content: content), by: hall.supervisor)
        }
        let answered = try complaint("窗口没人")
        _ = try db.assignComplaint(number: answered.number, to: "S02", by: hall.supervisor)
        _ = try db.answerComplaint(number: answered.number, reply: "已安排", by: hall.supervisor)
        let closed = try complaint("已处理的")
        _ = try db.assignComplaint(number: closed.number, to: "S02", by: hall.supervisor)
        _ = try db.answerComplaint(number: closed.number, reply: "已处理", by: hall.supervisor)
        _ = try db.closeComplaint(number: closed.number, satisfaction: .satisfied, by: hall.supervisor)
        let fresh = try complaint("排队太久")
        _ = try db.sendWindowMessage(to: .window(1), text: "请到服务台", by: hall.supervisor)
        _ = try db.sendWindowMessage(to: .window(2), text: "不是给1号的", by: hall.supervisor)
        let view = try db.supervisorView(by: hall.supervisor)
        #expect(view.satisfaction == [0, 1, 0, 0, 0])
        #expect(view.badReviews.map(\.reference) == [try #require(bad.rectification)])
        #expect(view.badReviews.first?.window == 1 && view.badReviews.first?.summary == "A001 · 2 · 态度生硬")
        #expect(view.complaints.map(\.reference) == [fresh.number, answered.number])
        #expect(view.messages.map(\.message.text) == ["请到服务台", "不是给1号的"])
    }

    @Test(arguments: ["S02", "R01", "C01", "P01", "A01"])
    func onlyASupervisorMayOpenIt(staff: String) throws {
        let hall = try TestHall()
        #expect(throws: AccessError.self) { try hall.database.supervisorView(by: Actor(staff: staff, terminal: .cli)) }
        #expect(throws: AccessError.self) { try hall.database.supervisorView(by: .device(.kiosk, terminal: .kiosk)) }
    }

    @Test func aLinesTicketsAreTodaysInNumberOrder() throws {
        let hall = try morning()
        _ = try hall.database.cancel(code: "A003", by: hall.supervisor)
        let tickets = try hall.database.lineTickets(prefix: "A")
        #expect(tickets.map(\.code) == ["A001", "A002", "A003"])
        #expect(tickets.map(\.state) == [.finished, .waiting, .cancelled])
    }
}
