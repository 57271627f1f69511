import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The 容缺 follow-up and the 5-working-day pending rule, with the date injected.
@Suite struct CaseSweepTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    /// A 容缺 case accepted Mon 28 Sep 2026 (materials 3 and 4 missing): 5 working days → Sat 10 Oct (a make-up
    /// working day, National Day in between); grace 15 working days → Fri 30 Oct.
    func toleratedCase() throws -> CaseFacts {
        let accepted = d("2026-09-28")
        let clock = CaseClock(acceptedOn: accepted, statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(15))
        let due = try SupplementTerms.deadline(intakeOn: accepted, promisedDeadline: clock.promisedDeadline(calendar: calendar), calendar: calendar)
        #expect(due == d("2026-10-10"))
        return CaseFacts(state: .underReview, clock: clock, tolerated: true, outstandingMaterials: [3, 4], supplementDeadline: due,
                         reviewerID: "R1")
    }

    /// Applies sweep steps until none is due, as the store does; returns the facts and the steps taken.
    func sweep(_ facts: CaseFacts, today: String) throws -> (CaseFacts, [CaseSweep.Step]) {
        var facts = facts
        var steps: [CaseSweep.Step] = []
        while let step = try CaseSweep.step(for: facts, today: d(today), calendar: calendar) {
            facts = try CaseTransition.apply(step.action, to: facts, by: .system("SYS"), on: step.effectiveOn, calendar: calendar)
            steps.append(step)
            #expect(steps.count < 5)
        }
        return (facts, steps)
    }

    @Test func overdueSupplementsSuspendThenTerminate() throws {
        let f = try toleratedCase()
        #expect(try sweep(f, today: "2026-10-10").1.isEmpty) // due today: not yet passed
        let (suspended, steps) = try sweep(f, today: "2026-10-12")
        #expect(steps == [CaseSweep.Step(action: .suspend(.supplementsOverdue), effectiveOn: d("2026-10-11"))])
        #expect(suspended.state == .suspended && suspended.suspension?.resumeTo == .underReview)
        #expect(suspended.light(on: d("2026-10-12"), yellowDays: 3, calendar: calendar).light == .grey)
        #expect(try sweep(suspended, today: "2026-10-12").1.isEmpty) // idempotent
        #expect(try CaseSweep.graceDeadline(supplementDeadline: d("2026-10-10"), graceDays: 15, calendar: calendar) == d("2026-10-30"))
        #expect(try sweep(suspended, today: "2026-10-30").1.isEmpty)
        let (terminated, last) = try sweep(suspended, today: "2026-11-02")
        #expect(last == [CaseSweep.Step(action: .terminate(reason: CaseSweep.terminationReason.zh), effectiveOn: d("2026-10-31"))])
        #expect(terminated.state == .terminated && terminated.suspension == nil)
        #expect(try sweep(terminated, today: "2026-11-02").1.isEmpty)
    }

    /// A sweep that did not run for weeks catches up in one go: suspended from the day after the deadline, then terminated.
    @Test func aLateSweepCatchesUp() throws {
        let (f, steps) = try sweep(try toleratedCase(), today: "2026-11-20")
        #expect(steps.map(\.effectiveOn) == [d("2026-10-11"), d("2026-10-31")])
        #expect(f.state == .terminated)
    }

    /// Review and approval run while the 容缺 materials are out. An approved licence whose materials never come is
    /// never suspended nor terminated by the sweep (the decision stands, only the result waits): it is flagged once for
    /// a supervisor, stays approved and shows red; once the materials are in, the result is issued as before.
    @Test func anApprovedLicenceWhoseMaterialsNeverComeIsFlaggedNotSuspended() throws {
        var f = try toleratedCase()
        f.state = .approved
        f.decidedOn = d("2026-10-09")
        #expect(try sweep(f, today: "2026-11-20").1.isEmpty)
        #expect(CaseSweep.overdueFlag(for: f, today: d("2026-10-10")) == nil) // due today: not yet passed
        #expect(CaseSweep.overdueFlag(for: f, today: d("2026-10-12")) == d("2026-10-12"))
        // Red against the supplement deadline (two working days since: 11 Oct is a Sunday), whatever the result deadline.
        #expect(f.light(on: d("2026-10-13"), yellowDays: 3, calendar: calendar) == .light(.red, workingDaysLeft: -2))
        var flagged = f
        flagged.supplementOverdueFlaggedOn = d("2026-10-12")
        #expect(CaseSweep.overdueFlag(for: flagged, today: d("2026-11-20")) == nil) // once
        #expect(flagged.light(on: d("2026-11-20"), yellowDays: 3, calendar: calendar).light == .red)
        // A list reads the flag, not the checklist: still red.
        var listed = flagged
        listed.outstandingMaterials = []
        #expect(listed.light(on: d("2026-10-13"), yellowDays: 3, calendar: calendar).light == .red)
        // The result waits for the materials, then is issued.
        let window = CaseActor(staffID: "C1", roles: [.clerk])
        #expect(throws: CaseRuleError.materialsOutstanding(count: 2)) {
            try CaseTransition.apply(.issueResult, to: flagged, by: window, on: d("2026-10-20"), calendar: calendar)
        }
        var supplied = f
        for m in [3, 4] {
            supplied = try CaseTransition.apply(.supplement(materialPosition: m), to: supplied, by: window, on: d("2026-10-20"), calendar: calendar)
        }
        #expect(supplied.state == .approved && CaseSweep.overdueFlag(for: supplied, today: d("2026-10-21")) == nil)
        #expect(try CaseTransition.apply(.issueResult, to: supplied, by: window, on: d("2026-10-20"), calendar: calendar).state == .resultIssued)
        // Nobody suspends an approved case, not even the sweep.
        #expect(throws: CaseRuleError.illegalTransition(from: .approved, action: .suspend)) {
            try CaseTransition.apply(.suspend(.supplementsOverdue), to: f, by: .system("SYS"), on: d("2026-10-12"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.illegalTransition(from: .approved, action: .suspend)) {
            try CaseTransition.apply(.suspend(.hearing), to: f, by: CaseActor(staffID: "M1", roles: [.supervisor]), on: d("2026-10-12"),
                                     calendar: calendar)
        }
    }

    /// A case still being decided is suspended, never flagged; a refusal (不予许可) is served whatever is missing.
    @Test func onlyAnApprovedCaseIsFlagged() throws {
        let f = try toleratedCase()
        #expect(CaseSweep.overdueFlag(for: f, today: d("2026-10-12")) == nil)
        var refused = f
        refused.state = .notApproved
        #expect(CaseSweep.overdueFlag(for: refused, today: d("2026-10-12")) == nil)
        #expect(try sweep(refused, today: "2026-11-20").1.isEmpty)
    }

    /// An approved case the sweep suspended before this rule (suspended, resuming to approved): never terminated after
    /// the grace period, flagged instead; supplied, it resumes to approved as before.
    @Test func anApprovedCaseSuspendedByAnEarlierSweepIsFlaggedNotTerminated() throws {
        var f = try toleratedCase()
        f.state = .suspended
        f.decidedOn = d("2026-10-09")
        f.suspension = CaseSuspension(since: d("2026-10-11"), reason: .supplementsOverdue, resumeTo: .approved)
        #expect(try sweep(f, today: "2026-11-20").1.isEmpty)
        #expect(CaseSweep.overdueFlag(for: f, today: d("2026-11-20")) == d("2026-11-20"))
        for m in [3, 4] {
            f = try CaseTransition.apply(.supplement(materialPosition: m), to: f, by: CaseActor(staffID: "C1", roles: [.clerk]),
                                         on: d("2026-11-20"), calendar: calendar)
        }
        let (resumed, steps) = try sweep(f, today: "2026-11-20")
        #expect(steps.map(\.action.kind) == [.resume] && resumed.state == .approved)
    }

    /// A case suspended for a hearing across its supplement deadline and resumed after it: the sweep's suspension
    /// dates from the resumption, never from before it (those days were stopped already).
    @Test func theSweepNeverSuspendsFromBeforeALaterResumption() throws {
        var f = try toleratedCase()
        let supervisor = CaseActor(staffID: "M1", roles: [.supervisor])
        f = try CaseTransition.apply(.suspend(.hearing), to: f, by: supervisor, on: d("2026-09-29"), calendar: calendar)
        #expect(try sweep(f, today: "2026-10-19").1.isEmpty) // suspended for a hearing: not the sweep's
        f = try CaseTransition.apply(.resume, to: f, by: supervisor, on: d("2026-10-20"), calendar: calendar)
        let stoppedByHearing = f.clock.suspendedWorkingDays
        let (suspended, steps) = try sweep(f, today: "2026-10-21")
        #expect(steps == [CaseSweep.Step(action: .suspend(.supplementsOverdue), effectiveOn: d("2026-10-20"))])
        #expect(suspended.suspension?.since == d("2026-10-20"))
        var back = suspended
        for m in [3, 4] {
            back = try CaseTransition.apply(.supplement(materialPosition: m), to: back, by: CaseActor(staffID: "C1", roles: [.clerk]),
                                            on: d("2026-10-22"), calendar: calendar)
        }
        let (resumed, _) = try sweep(back, today: "2026-10-23")
        // Resumed the day the materials came (22 Oct), whatever day the sweep ran: 21 and 22 Oct stopped again, never
        // 12–20 Oct twice.
        #expect(resumed.clock.suspendedWorkingDays == stoppedByHearing + 2)
        #expect(throws: CaseRuleError.dateBeforeResumption(on: d("2026-10-19"), resumedOn: d("2026-10-20"))) {
            try CaseTransition.apply(.suspend(.testing), to: f, by: supervisor, on: d("2026-10-19"), calendar: calendar)
        }
    }

    @Test func suppliesInWhileSuspendedResume() throws {
        var (f, _) = try sweep(try toleratedCase(), today: "2026-10-12")
        f = try CaseTransition.apply(.supplement(materialPosition: 3), to: f, by: CaseActor(staffID: "C1", roles: [.clerk]), on: d("2026-10-13"), calendar: calendar)
        #expect(try sweep(f, today: "2026-10-13").1.isEmpty) // one still missing
        f = try CaseTransition.apply(.supplement(materialPosition: 4), to: f, by: CaseActor(staffID: "C1", roles: [.clerk]), on: d("2026-10-15"), calendar: calendar)
        #expect(f.lastSuppliedOn == d("2026-10-15"))
        // Cron runs days later: the clock still restarts the day the last material came, not the day of the sweep.
        let (resumed, steps) = try sweep(f, today: "2026-10-19")
        #expect(steps == [CaseSweep.Step(action: .resume, effectiveOn: d("2026-10-15"))])
        #expect(resumed.state == .underReview && resumed.clock.suspendedWorkingDays == 4) // 12, 13, 14, 15 Oct
        #expect(try sweep(resumed, today: "2026-12-01").1.isEmpty) // nothing outstanding: never again
    }

    @Test func inTimeSupplementsNeedNoSweep() throws {
        var f = try toleratedCase()
        for p in [3, 4] {
            f = try CaseTransition.apply(.supplement(materialPosition: p), to: f, by: CaseActor(staffID: "C1", roles: [.clerk]), on: d("2026-10-09"), calendar: calendar)
        }
        #expect(try sweep(f, today: "2026-12-01").1.isEmpty)
        #expect(try sweep(CaseFacts(clock: f.clock), today: "2026-12-01").1.isEmpty) // not tolerated
    }

    @Test func theSupplementDeadlineIsCappedByThePromise() throws {
        let accepted = d("2026-03-02")
        #expect(try SupplementTerms.deadline(intakeOn: accepted, promisedDeadline: d("2026-03-04"), calendar: calendar) == d("2026-03-04"))
        #expect(try SupplementTerms.deadline(intakeOn: accepted, requestedDays: 3, promisedDeadline: d("2026-03-30"), calendar: calendar) == d("2026-03-05"))
        #expect(try SupplementTerms.deadline(intakeOn: accepted, hallDays: 10, promisedDeadline: d("2026-03-30"), calendar: calendar) == d("2026-03-16"))
        #expect(throws: CaseRuleError.supplementDaysTooMany(requested: 8, allowed: 5)) {
            try SupplementTerms.deadline(intakeOn: accepted, requestedDays: 8, promisedDeadline: d("2026-03-30"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.deadlineUnknown(.scheduleNotLoaded(year: 2027))) {
            try SupplementTerms.deadline(intakeOn: d("2026-12-28"), promisedDeadline: d("2027-01-30"), calendar: calendar)
        }
    }

    /// Materials arrived Wed 11 Feb 2026: five working days are 12, 13, 14 (Saturday, worked), 24, 25 Feb.
    @Test func pendingIntakeConvertsAfterFiveWorkingDays() throws {
        let arrived = d("2026-02-11")
        #expect(try PendingIntakeRule.decisionDeadline(materialsArrivedOn: arrived, calendar: calendar) == d("2026-02-25"))
        #expect(try PendingIntakeRule.conversion(materialsArrivedOn: arrived, today: d("2026-02-25"), calendar: calendar) == nil)
        #expect(try PendingIntakeRule.workingDaysLeft(materialsArrivedOn: arrived, today: d("2026-02-20"), calendar: calendar) == 2)
        #expect(try PendingIntakeRule.conversion(materialsArrivedOn: arrived, today: d("2026-02-26"), calendar: calendar) == arrived)
        #expect(try PendingIntakeRule.workingDaysLeft(materialsArrivedOn: arrived, today: d("2026-02-26"), calendar: calendar) == -1)
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try PendingIntakeRule.conversion(materialsArrivedOn: d("2026-12-29"), today: d("2027-01-08"), calendar: calendar)
        }
    }
}
