import Testing
@testable import HallModel

/// The pure rules of 整改: deadlines in working days (the rating day not counted, a holiday between, the one extension),
/// overdue from the day after the due day, the steps each state allows, the 回访 rate.
@Suite struct RectificationRuleTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    func day(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }

    @Test func theDeadlineSkipsTheMayDayHolidayAndCountsTheMakeUpSaturday() throws {
        // Thursday 2026-04-30; 05-01…05-05 off; 05-09 (a Saturday) is a make-up working day.
        let due = try RectificationRule.due(openedOn: day("2026-04-30"), days: 5, calendar: calendar)
        #expect(due == (try day("2026-05-11")))
        // An ordinary week: Monday + 5 working days is the next Monday.
        #expect(try RectificationRule.due(openedOn: day("2026-03-02"), days: 5, calendar: calendar) == (try day("2026-03-09")))
        // The extension adds the same working days after the due day as it stands.
        #expect(try RectificationRule.extendedDue(due, days: 5, calendar: calendar) == (try day("2026-05-18")))
    }

    @Test func aYearWithoutItsScheduleIsNotCounted() throws {
        #expect(throws: WorkingCalendarError.self) {
            try RectificationRule.due(openedOn: day("2026-12-28"), days: 5, calendar: calendar)
        }
    }

    @Test func overdueFromTheDayAfterTheDueDayWhilePending() throws {
        let due = try day("2026-05-11")
        #expect(!RectificationRule.isOverdue(state: .open, due: due, today: try day("2026-05-11")))
        #expect(RectificationRule.isOverdue(state: .open, due: due, today: try day("2026-05-12")))
        #expect(RectificationRule.isOverdue(state: .appealed, due: due, today: try day("2026-05-12")))
        #expect(!RectificationRule.isOverdue(state: .rectified, due: due, today: try day("2026-05-12")))
        #expect(!RectificationRule.isOverdue(state: .open, due: nil, today: try day("2026-05-12")))
    }

    @Test func closingNeedsAVisitAndAnOpenRectification() throws {
        typealias F = RectificationRule.Facts
        #expect(throws: RectificationError.noVisitYet) { try RectificationRule.apply(.close(.rectified), to: F(state: .open), by: "M01") }
        #expect(try RectificationRule.apply(.close(.explained), to: F(state: .open, visits: 1), by: "M01") == .explained)
        #expect(try RectificationRule.apply(.close(.cannotRectify), to: F(state: .open, visits: 1), by: "M01") == .cannotRectify)
        #expect(throws: RectificationError.appealPending) {
            try RectificationRule.apply(.close(.rectified), to: F(state: .appealed, visits: 1), by: "M01")
        }
        #expect(throws: RectificationError.finished(.rectified)) { try RectificationRule.apply(.visit, to: F(state: .rectified), by: "M01") }
        #expect(try RectificationRule.apply(.visit, to: F(state: .appealed), by: "M01") == .appealed)
    }

    @Test func oneExtension() throws {
        typealias F = RectificationRule.Facts
        #expect(try RectificationRule.apply(.extend, to: F(state: .open), by: "M01") == .open)
        #expect(throws: RectificationError.alreadyExtended) { try RectificationRule.apply(.extend, to: F(state: .open, extended: true), by: "M01") }
    }

    @Test func anAppealIsDecidedByAnotherSupervisorOnce() throws {
        typealias F = RectificationRule.Facts
        #expect(try RectificationRule.apply(.appeal, to: F(state: .open), by: "S01") == .appealed)
        #expect(throws: RectificationError.decidedByAppellant) {
            try RectificationRule.apply(.decide(upheld: true), to: F(state: .appealed, appealedBy: "S01"), by: "S01")
        }
        #expect(try RectificationRule.apply(.decide(upheld: true), to: F(state: .appealed, appealedBy: "S01"), by: "M01") == .appealUpheld)
        #expect(try RectificationRule.apply(.decide(upheld: false), to: F(state: .appealed, appealedBy: "S01"), by: "M01") == .open)
        // Rejected: back to open, and not appealed again.
        #expect(throws: RectificationError.alreadyAppealed) { try RectificationRule.apply(.appeal, to: F(state: .open, appealedBy: "S01"), by: "S01") }
        #expect(throws: RectificationError.noAppealPending) { try RectificationRule.apply(.decide(upheld: true), to: F(state: .open), by: "M01") }
    }

    @Test func theVisitRateIsReachedBadReviewsOverBadReviews() {
        #expect(RectificationRule.VisitRate(reached: 0, badReviews: 0).permille == nil)
        #expect(RectificationRule.VisitRate(reached: 2, badReviews: 3).permille == 667)
        #expect(RectificationRule.VisitRate(reached: 1, badReviews: 8).permille == 125)
        #expect(RectificationRule.VisitRate(reached: 3, badReviews: 3).permille == 1000)
    }
}
