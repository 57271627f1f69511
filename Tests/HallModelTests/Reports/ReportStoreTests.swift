import Foundation
import GRDB
@testable import HallModel
import Queue
import Testing

/// `HallDatabase.report`: a day and a month of the demo hall built step by step, every figure computed by hand; who may
/// read it; the formats laid out from the same figures.
@Suite struct ReportStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }
    var monday: CivilDate { CivilDate(year: 2026, month: 3, day: 2) ?? .latest }
    func minutes(_ s: Double?) -> Double? { s.map { ($0 / 60 * 100).rounded() / 100 } }

    /// Monday 2 March 2026 from 09:00: A001 served at window 1 (wait 0, two cases — one 容缺 — and a one-time notice taken
    /// in, the first case decided the same day); A002 issued at 09:10, called at 09:30, recalled at 09:32 and a no-show.
    func buildMonday() throws {
        let accepted = try hall.openCase()
        _ = try hall.openCase(missing: [4])
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        checklist[1] = ChecklistEntry(.missing)
        _ = try hall.database.takeIn(IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode,
            applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: monday),
            checklist: checklist, decision: .notice), by: hall.clerk(1))
        _ = try hall.database.review(caseNumber: accepted, opinion: "材料齐全", by: Actor(staff: "R01", terminal: .cli))
        _ = try hall.database.act(onCase: accepted, .approve(reason: "准予"), by: Actor(staff: "C01", terminal: .cli))
        hall.clock.advance(minutes: 10)
        try hall.database.finish(window: 1, by: hall.clerk(1))
        _ = try hall.issue("A")
        hall.clock.advance(minutes: 20)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 2)
        try hall.database.recall(window: 1, by: hall.clerk(1))
        try hall.database.noShow(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 8)
    }

    @Test func theDailyReportOfADayBuiltByHand() throws {
        try buildMonday()
        let report = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        let t = report.tickets.total
        #expect(t.arrivals == 2 && t.called == 2 && t.served == 1 && t.noShows == 1)
        // Waits 0 and 22 (the recall's): average 11, p90 22, max 22; A's target is 15: one of two within it.
        #expect(minutes(t.averageWaitSeconds) == 11 && minutes(t.p90WaitSeconds) == 22 && minutes(t.maxWaitSeconds) == 22)
        #expect(t.serviceLevel == 0.5)
        #expect(report.tickets.waitDistribution == [1, 0, 0, 0, 1, 0, 0, 0])
        #expect(report.tickets.hourly[9] == .init(hour: 9, arrivals: 2, served: 1))
        // Window 1: S01 signed in at 09:00 (the demo's seed), 40 minutes to 09:40: occupied 09:00–09:10 and 09:30–09:32.
        let w1 = try #require(report.tickets.perWindow.first { $0.window == 1 })
        #expect(minutes(w1.times.openSeconds) == 40 && minutes(w1.times.occupiedSeconds) == 12 && minutes(w1.times.idleSeconds) == 28)
        #expect(minutes(w1.figures.busySeconds) == 10)
        let s01 = try #require(report.tickets.perStaff.first { $0.staff == "S01" })
        #expect(s01.figures.served == 1 && minutes(s01.times.openSeconds) == 40 && minutes(s01.times.idleSeconds) == 28)
        // Cases: three intakes (accept, 容缺, notice), two accepted, one decided that day within its promise (1 working day).
        let c = report.cases.total
        #expect(c.received == 3 && c.accepted == 2 && c.tolerated == 1 && c.notices == 1 && c.refused == 0 && c.pending == 0)
        #expect(c.completed == 1 && c.completionRate == 0.5 && c.onTime == 1 && c.onTimeRate == 1)
        #expect(report.cases.perItem.map(\.item.name) == ["企业设立登记"] && report.cases.perDepartment.count == 1)
        #expect(report.casesSentence(.zh) == "受理 2 件，办结 1 件，办结率 50%")
        #expect(report.ticketDays.isEmpty)
    }

    @Test func theMonthlyReportFoldsTheMonthNotTheDays() throws {
        try buildMonday()
        // Tuesday: A001 issued at 09:00, called at 09:40 at window 1 (wait 40).
        hall.clock.set("2026-03-03T09:00:00+08:00")
        _ = try hall.issue("A")
        hall.clock.advance(minutes: 40)
        #expect(try hall.database.callNext(window: 1, by: hall.clerk(1))?.ticket.code == "A001")
        let report = try hall.database.report(ReportPeriod(.monthly, date: monday.adding(days: 10)), by: hall.admin)
        #expect(report.period.first.description == "2026-03-01" && report.period.last.description == "2026-03-31")
        let t = report.tickets.total
        #expect(t.arrivals == 3 && t.called == 3)
        // The month's p90 is over all its waits (0, 22, 40: the 3rd) — not the average of the days' p90s (22 and 40: 31).
        #expect(minutes(t.p90WaitSeconds) == 40 && minutes(t.maxWaitSeconds) == 40)
        #expect(minutes(t.averageWaitSeconds).map { ($0 * 10).rounded() / 10 } == 20.7)
        #expect(report.ticketDays.map(\.businessDate) == ["2026-03-02", "2026-03-03"])
        #expect(report.ticketDays.map { minutes($0.total.p90WaitSeconds) } == [22, 40])
        #expect(report.days.map(\.date.description) == ["2026-03-02", "2026-03-03"])
        #expect(report.days.map { $0.cases?.received ?? 0 } == [3, 0])
        // The per-day table is in every format.
        #expect(report.tables(.en).map(\.key).last == "days")
    }

    @Test func onlyASupervisorOrAnAdministratorReadsTheReport() throws {
        #expect(throws: AccessError.self) { try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.clerk(2)) }
        #expect(throws: AccessError.self) { try hall.database.report(ReportPeriod(.daily, date: monday), by: Actor(staff: "R01", terminal: .cli)) }
        _ = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        _ = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.admin)
        // A read: no event appended.
        let events = try hall.eventCount()
        _ = try hall.database.report(ReportPeriod(.monthly, date: monday), by: hall.supervisor)
        #expect(try hall.eventCount() == events)
    }

    @Test func theFormatsSayTheSame() throws {
        try buildMonday()
        let report = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        let csv = ReportCSV.render(report, language: .zh)
        #expect(csv.hasPrefix("\u{FEFF}section,report\r\n"))
        #expect(csv.contains("\r\ncases_completion_rate,50.0\r\n") && csv.contains("\r\nwait_p90_min,22.0\r\n"))
        #expect(csv.contains("\r\nsection,cases_by_item\r\nitem,received,accepted,tolerated,notices,refused,completed,completion_rate,on_time_rate\r\n企业设立登记,3,2,1,1,0,1,50.0,100.0\r\n"))
        let html = ReportHTML.render(report, language: .zh)
        #expect(html.contains("@page { size: A4") && html.contains("<svg") && html.contains("受理 2 件，办结 1 件，办结率 50%"))
        // Self-contained: nothing fetched from anywhere.
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url(http"))
    }
}
