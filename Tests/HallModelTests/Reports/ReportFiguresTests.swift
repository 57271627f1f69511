import Foundation
@testable import HallModel
import Queue
import Testing

/// The reports' figures from hand-built inputs, computed by hand: the ticket fold (`DayStatistics`: max wait, the wait
/// distribution, the hours), each staff member's window time, and the case fold (`CaseFigures`).
@Suite struct ReportFiguresTests {
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    /// 2026-03-02 at `hh:mm` in the hall's zone (+08:00).
    func at(_ hh: Int, _ mm: Int) -> Date { Date(timeIntervalSince1970: 1_772_380_800 + Double(hh * 3600 + mm * 60)) }
    func day(_ d: Int, month: Int = 3) -> CivilDate { CivilDate(year: 2026, month: month, day: d) ?? CivilDate.latest }

    let lines = [ServiceLine(id: 1, prefix: "A", name: "综合", targetWaitMinutes: 15), ServiceLine(id: 2, prefix: "B", name: "社保", targetWaitMinutes: 30)]
    let windows = [ServiceWindow(id: 1, name: "一", profile: []), ServiceWindow(id: 2, name: "二", profile: [])]

    /// Four tickets: A (wait 4, served 09:11), A (called, recalled at 20 minutes, no-show), B (wait 50, served 11:30), B waiting.
    var events: [DayStatistics.Event] {
        [
            .init(ticketID: 1, kind: "issue", at: at(9, 0), window: nil, lineID: 1),
            .init(ticketID: 2, kind: "issue", at: at(9, 1), window: nil, lineID: 1),
            .init(ticketID: 1, kind: "call", at: at(9, 4), window: 1, lineID: 1, staff: "S01"),
            .init(ticketID: 1, kind: "start", at: at(9, 5), window: 1, lineID: 1),
            .init(ticketID: 1, kind: "finish", at: at(9, 11), window: 1, lineID: 1),
            .init(ticketID: 2, kind: "call", at: at(9, 13), window: 1, lineID: 1, staff: "S01"),
            .init(ticketID: 2, kind: "recall", at: at(9, 21), window: 1, lineID: 1, staff: "S01"),
            .init(ticketID: 2, kind: "no_show", at: at(9, 22), window: 1, lineID: 1),
            .init(ticketID: 3, kind: "issue", at: at(10, 30), window: nil, lineID: 2),
            .init(ticketID: 4, kind: "issue", at: at(10, 40), window: nil, lineID: 2),
            .init(ticketID: 3, kind: "call", at: at(11, 20), window: 2, lineID: 2, staff: "S02"),
            .init(ticketID: 3, kind: "start", at: at(11, 21), window: 2, lineID: 2),
            .init(ticketID: 3, kind: "finish", at: at(11, 30), window: 2, lineID: 2),
        ]
    }

    @Test func theTicketFiguresOfADayBuiltByHand() {
        let stats = DayStatistics.compute(businessDate: "2026-03-02", events: events, lines: lines, windows: windows, timeZone: zone)
        let t = stats.total
        #expect(t.arrivals == 4 && t.called == 3 && t.served == 2 && t.noShows == 1)
        // Waits 4, 20 (the last call), 50: average 24.67, p90 (nearest rank: the 3rd of 3) 50, max 50.
        #expect(t.averageWaitSeconds.map { ($0 / 60 * 100).rounded() } == 2467)
        #expect(t.p90WaitSeconds == 50 * 60 && t.maxWaitSeconds == 50 * 60)
        // Within target: only the 4-minute wait (A's target 15, B's 30).
        #expect(t.serviceLevel == 1.0 / 3)
        #expect(stats.perLine.map(\.figures.maxWaitSeconds) == [20 * 60, 50 * 60])
        #expect(stats.perLine.map(\.figures.serviceLevel) == [0.5, 0])
        // ≤5: 4; 15–20: 20 (a bound is in its bucket); 45–60: 50.
        #expect(stats.waitDistribution == [1, 0, 0, 1, 0, 0, 1, 0])
        // Arrivals by the hour of issue, served by the hour of finish, in the hall's zone.
        let hours = stats.hourly.filter { $0.arrivals > 0 || $0.served > 0 }
        #expect(hours == [.init(hour: 9, arrivals: 2, served: 1), .init(hour: 10, arrivals: 2, served: 0), .init(hour: 11, arrivals: 0, served: 1)])
        #expect(stats.hourly.count == 24)
        // Without a zone, no hours (`desk stats` does not need them).
        #expect(DayStatistics.compute(businessDate: "2026-03-02", events: events, lines: lines, windows: windows).hourly.isEmpty)
    }

    @Test func eachStaffMemberHasTheTimeOfTheWindowsTheyHeld() {
        let marks: [WindowTimes.Mark] = [
            .init(kind: .signIn, at: at(9, 0), window: 1, ticketID: nil, staff: "S01"),
            .init(kind: .call, at: at(9, 10), window: 1, ticketID: 1),        // S01 idle 10
            .init(kind: .finish, at: at(9, 30), window: 1, ticketID: 1),      // occupied 20
            .init(kind: .pause, at: at(9, 40), window: 1, ticketID: nil),     // idle 10
            .init(kind: .resumeWindow, at: at(9, 55), window: 1, ticketID: nil), // paused 15
            .init(kind: .signOut, at: at(10, 0), window: 1, ticketID: nil),   // idle 5
            .init(kind: .signIn, at: at(10, 0), window: 1, ticketID: nil, staff: "S02"),
            .init(kind: .signIn, at: at(10, 30), window: 2, ticketID: nil, staff: "S01"),
        ]
        let (windows, staff) = WindowTimes.foldByWindowAndStaff(marks, until: at(11, 0))
        func minutes(_ s: Double?) -> Double? { s.map { ($0 / 60).rounded() } }
        // S01: window 1 from 9:00 to 10:00 (idle 25, occupied 20, paused 15), window 2 from 10:30 to 11:00 (idle 30).
        #expect(minutes(staff["S01"]?.openSeconds) == 90 && minutes(staff["S01"]?.idleSeconds) == 55)
        #expect(minutes(staff["S01"]?.pausedSeconds) == 15 && minutes(staff["S01"]?.occupiedSeconds) == 20)
        // S02 at window 1 from 10:00.
        #expect(minutes(staff["S02"]?.openSeconds) == 60 && minutes(staff["S02"]?.idleSeconds) == 60)
        // The windows: window 1 open 9:00–11:00, window 2 10:30–11:00; the same fold as `fold`.
        #expect(minutes(windows[1]?.openSeconds) == 120 && minutes(windows[2]?.openSeconds) == 30)
        #expect(WindowTimes.fold(marks, until: at(11, 0)) == windows)
    }

    /// March 2026: intakes and cases of two items of two departments, and a case of February (outside the month).
    @Test func theCaseFiguresOfAMonthBuiltByHand() {
        let items = [CaseFigures.Item(code: "I1", name: "企业设立登记", departmentCode: "D1"),
                     CaseFigures.Item(code: "I2", name: "食品经营许可", departmentCode: "D2")]
        let departments = [(code: "D1", name: "市场监管局"), (code: "D2", name: "卫健委")]
        let intakes: [CaseFigures.Intake] = [
            .init(businessDate: day(2), itemCode: "I1", decision: .accept),
            .init(businessDate: day(2), itemCode: "I1", decision: .tolerate),
            .init(businessDate: day(2), itemCode: "I1", decision: .notice),
            .init(businessDate: day(3), itemCode: "I2", decision: .accept),
            .init(businessDate: day(3), itemCode: "I2", decision: .refuse),
            .init(businessDate: day(4), itemCode: "I2", decision: .pending),
            .init(businessDate: day(27, month: 2), itemCode: "I2", decision: .accept),
        ]
        let cases: [CaseFigures.Case] = [
            // I1: decided on time; 容缺, decided late; I2: withdrawn (completed, not in the on-time count).
            .init(acceptedOn: day(2), itemCode: "I1", tolerated: false, decidedOn: day(3), promisedDue: day(3)),
            .init(acceptedOn: day(2), itemCode: "I1", tolerated: true, decidedOn: day(10), promisedDue: day(9)),
            .init(acceptedOn: day(3), itemCode: "I2", tolerated: false, closedOn: day(5)),
            // A converted pending intake, accepted from the day its materials arrived; still open.
            .init(acceptedOn: day(4), itemCode: "I2", tolerated: false, promisedDue: day(20)),
            // February's case: not in March's figures even though decided in March.
            .init(acceptedOn: day(27, month: 2), itemCode: "I2", tolerated: false, decidedOn: day(2), promisedDue: day(5)),
        ]
        let march = ReportPeriod(.monthly, date: day(15))
        #expect(march.first == day(1) && march.last == day(31))
        let figures = CaseFigures.fold(period: march, intakes: intakes, cases: cases, items: items, departments: departments)
        let t = figures.total
        #expect(t.received == 6 && t.accepted == 4 && t.tolerated == 1 && t.notices == 1 && t.refused == 1 && t.pending == 1)
        #expect(t.completed == 3 && t.completionRate == 0.75)
        #expect(t.decidedWithDeadline == 2 && t.onTime == 1 && t.onTimeRate == 0.5)
        #expect(figures.perDepartment.map(\.name) == ["市场监管局", "卫健委"])
        #expect(figures.perDepartment.map(\.counts.accepted) == [2, 2])
        #expect(figures.perItem.map(\.counts.completed) == [2, 1])
        #expect(figures.perDay.map(\.date) == [day(2), day(3), day(4)])
        #expect(figures.perDay.map(\.counts.received) == [3, 2, 1] && figures.perDay.map(\.counts.accepted) == [2, 1, 1])

        // The daily report of 3 March: the case decided that day but accepted on the 2nd is not the 3rd's.
        let third = CaseFigures.fold(period: ReportPeriod(.daily, date: day(3)), intakes: intakes, cases: cases, items: items, departments: departments)
        #expect(third.total.received == 2 && third.total.accepted == 1 && third.total.refused == 1 && third.total.completed == 0)
        #expect(third.total.completionRate == 0 && third.total.onTimeRate == nil)
        // Of 2 March, by the end of that day, nothing was decided yet.
        let second = CaseFigures.fold(period: ReportPeriod(.daily, date: day(2)), intakes: intakes, cases: cases, items: items, departments: departments)
        #expect(second.total.accepted == 2 && second.total.completed == 0)
    }

    @Test func theBureausSentenceAndItsNumbers() {
        #expect(ReportCell.grouped(25_648) == "25,648" && ReportCell.grouped(999) == "999" && ReportCell.grouped(1_000_000) == "1,000,000")
        #expect(ReportCell.percentText(1) == "100%" && ReportCell.percentText(0.9623) == "96.2%")
        #expect(ReportCell.minutes(nil).display == "-" && ReportCell.minutes(90).display == "1.5")
        #expect(ReportCell.rate(0.5).csv == "50.0" && ReportCell.rate(nil).csv == "")
    }
}
