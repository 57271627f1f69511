import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// A supervisor's "my queue" (`CaseListFilter.mine`, docs/cases.md): the cases at risk — red and yellow, 容缺
/// supplements overdue or due within the yellow days, handovers not acknowledged in `handover_ack_days`.
@Suite struct SupervisorQueueTests {
    @Test(arguments: ["2026-03-20T16:00:00+08:00", "2026-11-29T10:00:00+08:00"])
    func aSupervisorsQueueHoldsTheCasesAtRiskAndNothingElse(now: String) throws {
        let hall = try TestHall(clock: TestClock(now))
        try DemoCases.seed(hall.database)
        let supervisor = CaseActor(staffID: "M01", roles: [.supervisor])
        let mine = try hall.database.cases(CaseListFilter(mine: supervisor))
        let all = try hall.database.cases(CaseListFilter())
        let settings = try hall.database.settings()
        let today = CivilDate(hall.clock.now, in: settings.businessCalendar.timeZone)
        let bounds = CaseRiskBounds(today: today, yellowDays: settings.caseYellowDays, handoverAckDays: settings.handoverAckDays,
                                    calendar: try hall.database.workingCalendar())
        let overdueHandovers = Set(try hall.database.overdueHandovers().lines.map(\.line.caseNumber))
        func atRisk(_ e: CaseListEntry) throws -> Bool {
            if e.light.light == .red || e.light.light == .yellow { return true }
            if overdueHandovers.contains(e.record.number) { return true }
            if let due = e.record.supplementDue, due <= bounds.yellowUntil, !e.record.state.isFinal {
                return !(try hall.database.caseDetail(number: e.record.number).facts.outstandingMaterials.isEmpty)
            }
            return false
        }
        let expected = try all.filter(atRisk).map(\.record.number)
        #expect(!expected.isEmpty)
        #expect(Set(mine.map(\.record.number)) == Set(expected))
        // Earliest deadline first, as every queue.
        #expect(mine.map(\.record.number) == all.map(\.record.number).filter(Set(expected).contains))
    }

    @Test func anOverdueHandoverIsAtRiskUntilItIsAcknowledged() throws {
        // Monday 2026-03-09, handover_ack_days 3: a handover of Tuesday 03-03 was due Friday 03-06 (overdue); one of
        // Wednesday 03-04 is due today (not yet).
        let hall = try TestHall(clock: TestClock("2026-03-09T10:00:00+08:00"))
        let bounds = CaseRiskBounds(today: CivilDate(year: 2026, month: 3, day: 9)!, yellowDays: 3, handoverAckDays: 3,
                                    calendar: try hall.database.workingCalendar())
        #expect(bounds.handedOverBy == CivilDate(year: 2026, month: 3, day: 3)!)
        #expect(bounds.yellowUntil == CivilDate(year: 2026, month: 3, day: 12)!)
    }

    @Test func boundsThatCannotBeCountedAreWidenedNotNarrowed() throws {
        // 2030 has no holiday schedule loaded: the yellow bound reaches further than any working-day count could, and
        // every unacknowledged handover before today is listed.
        let hall = try TestHall(clock: TestClock("2026-03-09T10:00:00+08:00"))
        let today = CivilDate(year: 2030, month: 6, day: 3)!
        let bounds = CaseRiskBounds(today: today, yellowDays: 3, handoverAckDays: 3, calendar: try hall.database.workingCalendar())
        #expect(bounds.yellowUntil >= today.adding(days: 3 + 2 * 7))
        #expect(bounds.handedOverBy == today.adding(days: -1))
    }

    @Test func theSupervisorsQueueIsSeeksNotAScan() throws {
        let hall = try TestHall()
        let bounds = CaseRiskBounds(today: CivilDate(year: 2026, month: 3, day: 9)!, yellowDays: 3, handoverAckDays: 3,
                                    calendar: try hall.database.workingCalendar())
        let (condition, values) = HallDatabase.mineCondition(CaseActor(staffID: "M01", roles: [.supervisor]), atRisk: bounds)
        let plan = try hall.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM hall_case WHERE \(condition)",
                             arguments: StatementArguments(values)).map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.hasPrefix("SCAN hall_case") }, "\(plan)")
        #expect(plan.contains { $0.contains("hall_case_supplement_due") }, "\(plan)")
    }
}
