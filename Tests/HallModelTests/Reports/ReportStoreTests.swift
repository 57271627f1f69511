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
        // No rating and no complaint that day: nothing to divide by ("-").
        #expect(report.ratings.rated == 0 && report.ratingsSentence(.zh) == "评价 0 条，满意率 -，差评 0 条，回访率 -，逾期未整改 0 件")
        #expect(report.complaints.received == 0 && report.complaintsSentence(.zh) == "投诉 0 件，已答复 0 件，按时答复率 -，办结 0 件，投诉人满意率 -，逾期未答复 0 件")
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

    /// Monday after `buildMonday`: four more visits finished at window 1 (A003–A006) rated 5, 4, 2 and 1 by the supervisor
    /// from paper forms; the 2's rectification visited (the citizen reached) and closed rectified, the 1's still pending.
    /// Three complaints registered: a 12345 transfer answered and closed (satisfied) the same day, a phone call assigned,
    /// a visit only registered (all due Monday 9 March: 5 working days).
    func rateAndComplainOnMonday() throws -> (phone: String, pendingRectification: String) {
        var rectifications: [String] = []
        for level in [RatingLevel.verySatisfied, .satisfied, .dissatisfied, .veryDissatisfied] {
            let ticket = try hall.issue("A")
            _ = try hall.database.callSpecific(window: 1, code: ticket.code, by: hall.clerk(1))
            try hall.database.start(window: 1, by: hall.clerk(1))
            try hall.database.finish(window: 1, by: hall.clerk(1))
            let rating = try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: level,
                                                                      reasons: level.isBad ? [.serviceAttitude] : []), by: hall.supervisor)
            if let number = rating.rectification { rectifications.append(number) }
        }
        #expect(rectifications.count == 2)
        _ = try hall.database.logFollowUp(rectification: rectifications[0], how: .phone, reached: true, said: "已致歉", by: hall.supervisor)
        _ = try hall.database.closeRectification(rectifications[0], outcome: .rectified, note: "已对窗口人员进行服务规范培训", by: hall.supervisor)
        func register(_ source: ComplaintSource, order: String? = nil) throws -> String {
            try hall.database.registerComplaint(ComplaintRequest(source: source, workOrder: order, name: "张三丰", phone: "13800138000",
                                                                 content: "等候时间过长"), by: hall.supervisor).number
        }
        let hotline = try register(.hotline, order: "12345-0815"), phone = try register(.phone)
        _ = try register(.visit)
        for number in [hotline, phone] { _ = try hall.database.assignComplaint(number: number, to: "S03", by: hall.supervisor) }
        _ = try hall.database.answerComplaint(number: hotline, reply: "已当面致歉", by: hall.supervisor)
        _ = try hall.database.closeComplaint(number: hotline, satisfaction: .satisfied, by: hall.supervisor)
        return (phone, rectifications[1])
    }

    @Test func theRatingsAndTheComplaintsOfTheDayAreInTheReport() throws {
        try buildMonday()
        let (phone, pending) = try rateAndComplainOnMonday()
        var report = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        // Ratings: 4 rated (5, 4, 2, 1); 满意率 = the 5 and the 4 of 4 = 50%; 2 bad reviews, 1 reached: 回访率 50%.
        var r = report.ratings
        #expect(r.rated == 4 && r.satisfied == 2 && r.satisfactionRate == 0.5 && r.bad == 2 && r.excluded == 0)
        #expect(r.visitRate == RectificationRule.VisitRate(reached: 1, badReviews: 2) && r.visitShare == 0.5)
        #expect(r.rectifications[.open] == 1 && r.rectifications[.rectified] == 1 && r.overdue == 0)
        #expect(report.ratingsSentence(.zh) == "评价 4 条，满意率 50%，差评 2 条，回访率 50%，逾期未整改 0 件")
        // Complaints: 3 received (a hotline transfer, a phone call, a visit); 1 answered, on time; 1 closed, satisfied.
        var c = report.complaints
        #expect(c.received == 3 && c.bySource == [.hotline: 1, .phone: 1, .visit: 1, .online: 0])
        #expect(c.answered == 1 && c.answeredOnTime == 1 && c.closed == 1 && c.satisfactionRate == 1 && c.overdue == 0)
        #expect(report.complaintsSentence(.zh) == "投诉 3 件，已答复 1 件，按时答复率 100%，办结 1 件，投诉人满意率 100%，逾期未答复 0 件")
        #expect(report.summary(.zh).suffix(2) == [report.ratingsSentence(.zh), report.complaintsSentence(.zh)])

        // Tuesday 10 March, a day after the due date: the phone complaint answered late and closed, the complainant not
        // reached; the visit still unanswered. The report of Monday, made on 31 March, counts them as they stand then.
        hall.clock.set("2026-03-10T10:00:00+08:00")
        _ = try hall.database.answerComplaint(number: phone, reply: "已核实并整改", by: Actor(staff: "S03", terminal: .cli))
        _ = try hall.database.closeComplaint(number: phone, satisfaction: .unreachable, by: hall.supervisor)
        hall.clock.set("2026-03-31T09:00:00+08:00")
        report = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        c = report.complaints
        // Answered 2, on time 1 (50%); closed 2, one complainant reached and satisfied: 1 / (2 − 1) = 100%; the visit overdue.
        #expect(c.answered == 2 && c.answeredOnTime == 1 && c.onTimeRate == 0.5 && c.closed == 2 && c.overdue == 1)
        #expect(c.satisfaction == [.satisfied: 1, .basicallySatisfied: 0, .dissatisfied: 0, .unreachable: 1] && c.satisfactionRate == 1)
        // The 1's rectification was due Monday 9 March (5 working days): pending past it.
        r = report.ratings
        #expect(r.overdue == 1 && r.rectifications[.open] == 1)
        #expect(try hall.database.rectification(number: pending, by: hall.supervisor).due == CivilDate(year: 2026, month: 3, day: 9))
        #expect(report.ratingsSentence(.en) == "Ratings 4, satisfaction rate 50%, bad reviews 2, follow-up rate 50%, rectifications overdue 1")
        #expect(report.complaintsSentence(.en) == "Complaints 3, answered 2, answered on time 50%, closed 2, complainants satisfied 100%, overdue 1")

        // The tables every format prints.
        let tables = Dictionary(report.tables(.zh).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(tables["ratings"]?.rows == [
            [.count(5), .text("非常满意"), .count(1), .rate(0.25)], [.count(4), .text("满意"), .count(1), .rate(0.25)],
            [.count(3), .text("基本满意"), .count(0), .rate(0)], [.count(2), .text("不满意"), .count(1), .rate(0.25)],
            [.count(1), .text("非常不满意"), .count(1), .rate(0.25)],
        ])
        #expect(tables["rectifications"]?.rows.map { $0[1] } == [.count(2), .count(1), .count(0), .count(1), .count(0), .count(0), .count(0), .count(1)])
        #expect(tables["complaints_by_source"]?.rows == [[.text("全部"), .count(3)], [.text("来电"), .count(1)], [.text("来访"), .count(1)],
                                                         [.text("网上"), .count(0)], [.text("12345 热线转办"), .count(1)]])
        #expect(tables["complaint_satisfaction"]?.rows.map { $0[1] } == [.count(1), .count(0), .count(0), .count(1)])
        let figures = Dictionary(report.summaryFigures.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(figures["ratings"] == .count(4) && figures["ratings_satisfaction_rate"] == .rate(0.5) && figures["ratings_visit_rate"] == .rate(0.5))
        #expect(figures["rectifications_overdue"] == .count(1) && figures["complaints_on_time_rate"] == .rate(0.5))
        #expect(figures["complaints_satisfaction_rate"] == .rate(1) && figures["complaints_overdue"] == .count(1))
        let csv = ReportCSV.render(report, language: .zh)
        #expect(csv.contains("\r\nratings_satisfaction_rate,50.0\r\n") && csv.contains("\r\ncomplaints_on_time_rate,50.0\r\n"))
        #expect(csv.contains("\r\nsection,ratings\r\nlevel,label,ratings,share\r\n5,非常满意,1,25.0\r\n4,满意,1,25.0\r\n3,基本满意,0,0.0\r\n"))
        let html = ReportHTML.render(report, language: .zh)
        #expect(html.contains("满意度：各等级评价条数（满意率 50%）") && html.contains("评价 4 条，满意率 50%，差评 2 条，回访率 50%"))
        #expect(html.contains("5 非常满意 1, 4 满意 1, 3 基本满意 0, 2 不满意 1, 1 非常不满意 1"))

        // A month: the same day's ratings and complaints (nothing else in March).
        let month = try hall.database.report(ReportPeriod(.monthly, date: monday), by: hall.supervisor)
        #expect(month.ratings.distribution == r.distribution && month.ratings.rectifications == r.rectifications && month.ratings.overdue == 1)
        #expect(month.complaints.received == 3 && month.complaints.answered == 2 && month.complaints.overdue == 1)
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
