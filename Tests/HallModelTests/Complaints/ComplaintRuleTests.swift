import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// Complaints' pure rules: the limit in working days (the day received not counted, a holiday in between), overdue,
/// which step each state allows, and the summary's figures.
@Suite struct ComplaintRuleTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    @Test func theLimitCountsWorkingDaysAfterTheDayReceived() throws {
        // Monday 2026-03-02 + 5 working days: Tue 03 … Mon 09.
        #expect(try ComplaintRule.deadline(receivedOn: d("2026-03-02"), days: 5, calendar: calendar) == d("2026-03-09"))
        // Across the 2026 National Day holiday (Oct 1–7 off; Sat Oct 10 a make-up working day): received Tue Sep 29.
        // Wed 30, then Thu 08, Fri 09, Sat 10 (make-up), Mon 12.
        #expect(try ComplaintRule.deadline(receivedOn: d("2026-09-29"), days: 5, calendar: calendar) == d("2026-10-12"))
        // A limit that runs into a year without a schedule is never guessed.
        #expect(throws: WorkingCalendarError.self) { try ComplaintRule.deadline(receivedOn: d("2026-12-28"), days: 5, calendar: calendar) }
    }

    @Test func overdueIsNotAnsweredPastTheDueDate() {
        let due = d("2026-03-09")
        #expect(!ComplaintRule.isOverdue(dueOn: due, answeredOn: nil, today: d("2026-03-09")))
        #expect(ComplaintRule.isOverdue(dueOn: due, answeredOn: nil, today: d("2026-03-10")))
        #expect(!ComplaintRule.isOverdue(dueOn: due, answeredOn: d("2026-03-12"), today: d("2026-03-20")))
        #expect(!ComplaintRule.isOverdue(dueOn: nil, answeredOn: nil, today: d("2027-03-01")))
        #expect(ComplaintRule.answeredOnTime(dueOn: due, answeredOn: d("2026-03-09")) == true)
        #expect(ComplaintRule.answeredOnTime(dueOn: due, answeredOn: d("2026-03-10")) == false)
        #expect(ComplaintRule.answeredOnTime(dueOn: due, answeredOn: nil) == nil)
    }

    @Test func eachStateAllowsItsSteps() throws {
        let n = "TS-20260302-0001"
        try ComplaintRule.check(.assign, in: .registered, number: n)
        try ComplaintRule.check(.assign, in: .assigned, number: n)
        try ComplaintRule.check(.answer, in: .assigned, number: n)
        try ComplaintRule.check(.close, in: .answered, number: n)
        #expect(throws: ComplaintError.notAssigned(n)) { try ComplaintRule.check(.answer, in: .registered, number: n) }
        #expect(throws: ComplaintError.alreadyAnswered(n)) { try ComplaintRule.check(.answer, in: .answered, number: n) }
        #expect(throws: ComplaintError.alreadyAnswered(n)) { try ComplaintRule.check(.assign, in: .answered, number: n) }
        #expect(throws: ComplaintError.alreadyAnswered(n)) { try ComplaintRule.check(.assign, in: .closed, number: n) }
        #expect(throws: ComplaintError.notAnswered(n)) { try ComplaintRule.check(.close, in: .assigned, number: n) }
        #expect(throws: ComplaintError.alreadyClosed(n)) { try ComplaintRule.check(.close, in: .closed, number: n) }
    }

    @Test func theSummaryCountsWhatWasReceivedInThePeriod() {
        func c(_ received: String, _ source: ComplaintSource, due: String?, answered: String? = nil,
               satisfaction: ComplaintSatisfaction? = nil) -> Complaint {
            Complaint(number: "TS", receivedOn: d(received), receivedAt: .init(timeIntervalSince1970: 0), source: source,
                      workOrder: source == .hotline ? "1" : nil, name: "张三", phone: "13800138000", subject: ComplaintSubject(),
                      content: "x", registeredBy: "M01", dueOn: due.map(d), state: satisfaction != nil ? .closed : answered != nil ? .answered : .assigned,
                      answeredOn: answered.map(d), satisfaction: satisfaction, overdue: false)
        }
        let all = [
            c("2026-03-02", .phone, due: "2026-03-09", answered: "2026-03-05", satisfaction: .satisfied),
            c("2026-03-03", .hotline, due: "2026-03-10", answered: "2026-03-11", satisfaction: .dissatisfied),
            c("2026-03-04", .visit, due: "2026-03-11", answered: "2026-03-06", satisfaction: .unreachable),
            c("2026-03-05", .online, due: "2026-03-12"),                       // overdue on the 13th
            c("2026-03-06", .hotline, due: "2026-03-13", answered: "2026-03-13"),
            c("2026-03-06", .phone, due: nil),                                  // uncounted
            c("2026-02-27", .phone, due: "2026-03-06"),                         // before the period
        ]
        let s = ComplaintSummary.make(all, from: d("2026-03-01"), through: d("2026-03-31"), asOf: d("2026-03-13"))
        #expect(s.received == 6)
        #expect(s.bySource == [.phone: 2, .visit: 1, .online: 1, .hotline: 2])
        #expect(s.answered == 4 && s.answeredOnTime == 3 && s.closed == 3)
        #expect(s.satisfaction == [.satisfied: 1, .basicallySatisfied: 0, .dissatisfied: 1, .unreachable: 1])
        #expect(s.overdue == 1 && s.uncounted == 1)
        #expect(s.onTimeRate == 0.75)
        #expect(s.satisfactionRate == 0.5)
    }

    @Test func listsMaskThePhone() {
        #expect(IdentifierMask.phone("13800138000") == "138****8000")
        #expect(IdentifierMask.phone("0591-87654321") == "059******4321")
        #expect(IdentifierMask.phone("12345") == "*****")
    }
}
