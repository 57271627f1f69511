import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// `HallDatabase.act`, `review`, `sweepCases` and `cases(_:)` on the demo hall: the lifecycle rules applied to stored
/// cases, one event per step, nothing written on a refusal.
@Suite struct CaseStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var reviewer: Actor { Actor(staff: "R01", terminal: .cli) }
    var approver: Actor { Actor(staff: "C01", terminal: .cli) }
    var deputy: Actor { Actor(staff: "D01", terminal: .cli) }

    /// A case of 企业设立登记 taken in at window 1 on Monday 2026-03-02 (`TestHall.openCase`); `missing` positions are
    /// left out (容缺: 4–6 are tolerable).
    func openCase(missing: [Int] = []) throws -> String { try hall.openCase(missing: missing) }

    func eventKinds(_ number: String) throws -> [String] { try hall.database.caseDetail(number: number).events.map(\.kind) }

    @Test func aReviewerAndAnApproverTakeACaseToItsResultWithOneEventEach() throws {
        let number = try openCase()
        let reviewed = try hall.database.review(caseNumber: number, opinion: "材料齐全，符合条件", by: reviewer)
        #expect(reviewed.state == .underApproval)
        let approved = try hall.database.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: approver)
        #expect(approved.state == .approved)
        let detail = try hall.database.caseDetail(number: number)
        #expect(detail.facts.reviewerID == "R01" && detail.facts.approverID == "C01" && detail.facts.decidedOn == CivilDate(year: 2026, month: 3, day: 2))
        // Decided: the light counts against the 10-working-day result deadline (art. 44).
        #expect(detail.light == .light(.green, workingDaysLeft: 10))
        #expect(try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1)).state == .resultIssued)
        #expect(try hall.database.caseDetail(number: number).light == .closed)
        // Each decision step with its letter (准予行政许可决定书, 送达回证) in the same transaction.
        #expect(try eventKinds(number).suffix(6) == ["case_review_started", "case_reviewed", "case_approved", "document_issued",
                                                     "case_result_issued", "document_issued"])
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
        let stored = try hall.database.read { db in
            try Row.fetchOne(db, sql: "SELECT review_opinion, decision_reason, result_issued_on, result_due FROM hall_case WHERE number = ?",
                             arguments: [number])
        }
        #expect(stored?[0] == "材料齐全，符合条件" && stored?[1] == "符合条件，准予许可")
        #expect(stored?[2] == "2026-03-02" && stored?[3] == "2026-03-16")
    }

    @Test func aRefusedStepWritesNothingAndNamesTheRule() throws {
        let number = try openCase()
        _ = try hall.database.review(caseNumber: number, opinion: "同意", by: reviewer)
        let before = try hall.eventCount()
        // 一审一核: R01 holds only the reviewer role, so the permission refuses first; D01 reviewed nothing.
        #expect(throws: AccessError.self) { try hall.database.act(onCase: number, .approve(reason: "同意"), by: reviewer) }
        #expect(throws: CaseRuleError.illegalTransition(from: .underApproval, action: .issueResult)) {
            try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        }
        #expect(throws: CaseRuleError.reasonInvalid(.empty(FreeText.decisionReason))) {
            try hall.database.act(onCase: number, .approve(reason: "  "), by: approver)
        }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.caseDetail(number: number).record.state == .underApproval)
    }

    @Test func theSamePersonCannotReviewAndApprove() throws {
        // D01 becomes reviewer and approver: the rule, not the permission, refuses.
        try hall.database.perform { db in
            try db.execute(sql: "INSERT INTO staff_role(staff_id, role) VALUES ('D01', 'reviewer')")
        }
        let number = try openCase()
        _ = try hall.database.review(caseNumber: number, opinion: "同意", by: deputy)
        #expect(throws: CaseRuleError.reviewerCannotApprove) {
            try hall.database.act(onCase: number, .approve(reason: "同意"), by: deputy)
        }
    }

    @Test func aToleratedCaseIsIssuedOnlyOnceItsMaterialsAreSupplied() throws {
        let number = try openCase(missing: [5])
        _ = try hall.database.review(caseNumber: number, opinion: "同意", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "准予"), by: approver)
        #expect(throws: CaseRuleError.materialsOutstanding(count: 1)) { try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1)) }
        #expect(throws: CaseRuleError.materialNotOutstanding(position: 4)) {
            try hall.database.act(onCase: number, .supplement(materialPosition: 4), by: hall.clerk(1))
        }
        _ = try hall.database.act(onCase: number, .supplement(materialPosition: 5), by: hall.clerk(1))
        let material = try #require(try hall.database.caseDetail(number: number).materials.first { $0.position == 5 })
        #expect(material.status == .supplied && material.suppliedBy == "S01" && material.suppliedOn == CivilDate(year: 2026, month: 3, day: 2))
        #expect(try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1)).state == .resultIssued)
        #expect(try eventKinds(number).contains("case_supplemented"))
    }

    @Test func theSweepSuspendsThenTerminatesOverdueSupplementsAndASecondRunChangesNothing() throws {
        let number = try openCase(missing: [5])   // supplements due 2026-03-03 (capped by the promise)
        hall.clock.set("2026-03-06T09:00:00+08:00")
        let first = try hall.database.sweepCases(by: hall.supervisor)
        #expect(first.steps == [CaseSweepSummary.Step(caseNumber: number, action: .suspend, effectiveOn: CivilDate(year: 2026, month: 3, day: 4)!)])
        let suspended = try hall.database.caseDetail(number: number)
        #expect(suspended.record.state == .suspended && suspended.facts.suspension?.reason == .supplementsOverdue)
        #expect(suspended.light == .suspended)
        let events = try hall.eventCount()
        let again = try hall.database.sweepCases(by: hall.supervisor)
        #expect(again.steps.isEmpty && again.converted.isEmpty)
        #expect(try hall.eventCount() == events)
        // Grace: 15 working days after 2026-03-03 is 2026-03-24; the day after, terminated.
        hall.clock.set("2026-03-24T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
        hall.clock.set("2026-03-26T09:00:00+08:00")
        let last = try hall.database.sweepCases(by: hall.supervisor)
        #expect(last.steps == [CaseSweepSummary.Step(caseNumber: number, action: .terminate, effectiveOn: CivilDate(year: 2026, month: 3, day: 25)!)])
        #expect(try hall.database.caseDetail(number: number).record.state == .terminated)
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
    }

    /// The last overdue material recorded while suspended: the same write resumes the case, dated that day (the
    /// kiosk no longer says "paused" to the citizen who just brought it, and cron adds no day the law does not).
    @Test func theLastOverdueMaterialResumesTheCaseInTheSameWrite() throws {
        let number = try openCase(missing: [5])
        hall.clock.set("2026-03-05T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        hall.clock.set("2026-03-06T15:00:00+08:00")
        let before = try hall.eventCount()
        let record = try hall.database.act(onCase: number, .supplement(materialPosition: 5), by: hall.clerk(1))
        // Suspended 03-04, resumed 03-06: 2 working days stopped (05, 06) are added back.
        #expect(record.state == .accepted && record.suspendedWorkingDays == 2)
        #expect(record.promisedDue == CivilDate(year: 2026, month: 3, day: 5))
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE id > ? ORDER BY id", arguments: [before]) }
        #expect(kinds == ["case_supplemented", "case_resumed", "document_issued"]) // the resumption notice
        hall.clock.set("2026-03-09T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// "Awaiting supplements (容缺)": the open 容缺 cases with a material still to come, whatever their state.
    @Test func theCasesAwaitingSupplementsAreListedWhateverTheirState() throws {
        let tolerated = try openCase(missing: [5])
        let complete = try openCase()
        let reviewed = try openCase(missing: [4])
        _ = try hall.database.review(caseNumber: reviewed, opinion: "材料齐全，容缺材料待补", by: Actor(staff: "R01", terminal: .cli))
        let awaiting = { try self.hall.database.cases(CaseListFilter(awaitingSupplements: true)).map(\.record.number) }
        #expect(try Set(awaiting()) == [tolerated, reviewed])
        #expect(!(try awaiting()).contains(complete))
        _ = try hall.database.act(onCase: tolerated, .supplement(materialPosition: 5), by: hall.clerk(1))
        _ = try hall.database.act(onCase: reviewed, .withdraw(reason: "申请人撤回"), by: hall.clerk(1))
        #expect(try awaiting().isEmpty)
    }

    @Test func theLightListsSeekTheStoredDeadlines() throws {
        let late = try openCase()
        let suspended = try openCase()
        _ = try hall.database.act(onCase: suspended, .suspend(.hearing), by: hall.supervisor)
        let decided = try openCase()
        _ = try hall.database.review(caseNumber: decided, opinion: "同意", by: reviewer)
        // Under approval, unclaimed, the approver's level covers it: waiting for them; the reviewer is done with it.
        #expect(try hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(approver))).map(\.record.number) == [decided])
        #expect(try !hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(reviewer))).map(\.record.number).contains(decided))
        _ = try hall.database.act(onCase: decided, .approve(reason: "准予"), by: approver)
        hall.clock.set("2026-03-05T09:00:00+08:00")
        let red = try hall.database.cases(CaseListFilter(light: .red))
        #expect(red.map(\.record.number) == [late])
        #expect(red.first?.light == .light(.red, workingDaysLeft: -2))
        #expect(try hall.database.cases(CaseListFilter(light: .grey)).map(\.record.number) == [suspended])
        #expect(try hall.database.cases(CaseListFilter(light: .green)).map(\.record.number) == [decided])
        #expect(try hall.database.cases(CaseListFilter(light: .yellow)).isEmpty)
        // Decided: nothing of it waits for the approver any more; the window serves the result.
        let mine = try hall.database.caseActor(approver)
        #expect(try hall.database.cases(CaseListFilter(mine: mine)).isEmpty)
        #expect(try hall.database.cases(CaseListFilter(mine: try hall.database.caseActor(hall.clerk(2)))).map(\.record.number) == [decided])
        let reviewersDesk = try hall.database.caseActor(Actor(staff: "R02", terminal: .cli))
        #expect(try hall.database.cases(CaseListFilter(mine: reviewersDesk)).map(\.record.number) == [late])
    }

    @Test func theRedListUsesTheStatePromisedDeadlineIndex() throws {
        let calendar = try WorkingCalendar(hall.database.holidaySchedules())
        let (condition, values) = try HallDatabase.lightCondition(.red, today: CivilDate(year: 2026, month: 3, day: 5)!, yellowDays: 3,
                                                                  calendar: calendar)
        let plan = try hall.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM hall_case WHERE \(condition)",
                             arguments: StatementArguments(values)).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("hall_case_state_due") }, "\(plan)")
        #expect(plan.contains { $0.contains("hall_case_state_result_due") }, "\(plan)")
        // An approved case the sweep flagged (容缺 materials overdue) is red: a seek on the flag's partial index.
        #expect(plan.contains { $0.contains("hall_case_supplement_flagged") }, "\(plan)")
    }
}

/// The case screen's "my queue" (`cases list --mine`) seeks the partial indexes of v5-casescreen-queue.
@Suite struct CaseQueueIndexTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    @Test func myQueueIsAMultiIndexOrOfSeeksNotAScan() throws {
        for me in [CaseActor(staffID: "R01", roles: [.reviewer]), CaseActor(staffID: "C01", roles: [.approver], approverLevel: .sectionChief)] {
            let (condition, values) = HallDatabase.mineCondition(me)
            let plan = try hall.database.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM hall_case WHERE \(condition)",
                                 arguments: StatementArguments(values)).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("hall_case_open_reviewer") }, "\(plan)")
            #expect(plan.contains { $0.contains("hall_case_open_approver") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN hall_case") }, "\(plan)")
        }
    }

    @Test func theQueueIndexesComeAfterTheCaseLifecycle() throws {
        let names = HallDatabase.migrator.migrations
        // reviewer_id and approver_id are v5-cases' columns; the migration is the case screen's own.
        #expect(try #require(names.firstIndex(of: "v5-casescreen-queue")) > #require(names.firstIndex(of: "v5-case-lifecycle")))
    }

    @Test func theOpenConditionNamesExactlyTheFinalStates() {
        #expect(HallDatabase.openCaseCondition == "state NOT IN (\(HallDatabase.quoted(CaseState.allCases.filter(\.isFinal))))")
    }
}
