import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// Deadlines and lights of a case (bundled 2024–2026 calendar; 2027 is not loaded).
@Suite struct CaseClockTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    /// Spring Festival 2026 (15–23 Feb off, Saturdays 14 and 28 Feb worked): accepted Thu 12 Feb,
    /// 20 working days statutory, 10 promised.
    @Test func acrossSpringFestival2026() throws {
        let clock = CaseClock(acceptedOn: d("2026-02-12"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10))
        #expect(try clock.statutoryDeadline(calendar: calendar) == d("2026-03-18"))
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-03-04"))
    }

    /// The same case suspended for expert review Fri 13 Feb, resumed Wed 25 Feb (3 working days stopped:
    /// 14 Feb, 24 Feb, 25 Feb), then extended by 10 working days.
    @Test func springFestivalWithASuspensionAndAnExtension() throws {
        #expect(try CaseClock.suspendedWorkingDays(since: d("2026-02-13"), until: d("2026-02-25"), calendar: calendar) == 3)
        var clock = CaseClock(acceptedOn: d("2026-02-12"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10),
                              suspendedWorkingDays: 3)
        #expect(try clock.statutoryDeadline(calendar: calendar) == d("2026-03-23"))
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-03-09"))
        clock.extensionDays = 10
        #expect(try clock.statutoryDeadline(calendar: calendar) == d("2026-04-07")) // over Qingming
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-03-23"))
    }

    /// National Day 2026 (1–7 Oct off, Sat 10 Oct worked): accepted Tue 29 Sep; suspended for testing 30 Sep,
    /// resumed Fri 9 Oct (8 and 9 Oct stopped), then extended.
    @Test func acrossNationalDay2026WithASuspensionAndAnExtension() throws {
        #expect(try CaseClock.suspendedWorkingDays(since: d("2026-09-30"), until: d("2026-10-09"), calendar: calendar) == 2)
        var clock = CaseClock(acceptedOn: d("2026-09-29"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10))
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-10-19"))
        clock.suspendedWorkingDays = 2
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-10-21"))
        #expect(try clock.statutoryDeadline(calendar: calendar) == d("2026-11-04"))
        clock.extensionDays = 10
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-11-04"))
        #expect(try clock.statutoryDeadline(calendar: calendar) == d("2026-11-18"))
    }

    /// Natural days: a deadline on a holiday or weekend moves to the next working day; on a make-up working
    /// Saturday it stays.
    @Test func naturalDayItems() throws {
        func due(_ accepted: String, _ days: Int, suspended: Int = 0) throws -> CivilDate {
            try CaseClock.deadline(acceptedOn: d(accepted), limit: TimeLimit(days, .naturalDays), suspendedWorkingDays: suspended,
                                   calendar: calendar)
        }
        #expect(try due("2026-09-05", 30) == d("2026-10-08")) // 5 Oct, National Day → Thu 8 Oct
        #expect(try due("2026-01-20", 30) == d("2026-02-24")) // 19 Feb, Spring Festival → Tue 24 Feb
        #expect(try due("2026-01-15", 30) == d("2026-02-14")) // Sat 14 Feb is worked
        #expect(try due("2026-03-02", 5) == d("2026-03-09")) // Sat 7 Mar → Mon 9 Mar
        #expect(try due("2026-03-02", 4) == d("2026-03-06"))
        #expect(try due("2026-09-05", 30, suspended: 2) == d("2026-10-10")) // 8 Oct + 2 working days: 9 Oct, Sat 10 Oct (worked)
        #expect(try due("2026-03-02", 0) == d("2026-03-02"))
    }

    @Test func intoAnUnloadedYearIsFlagged() throws {
        let clock = CaseClock(acceptedOn: d("2026-12-10"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10))
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) { try clock.statutoryDeadline(calendar: calendar) }
        #expect(try clock.promisedDeadline(calendar: calendar) == d("2026-12-24"))
        let natural = CaseClock(acceptedOn: d("2026-12-10"), statutoryLimit: TimeLimit(30, .naturalDays), promisedLimit: TimeLimit(30, .naturalDays))
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) { try natural.promisedDeadline(calendar: calendar) }
        let facts = CaseFacts(clock: natural)
        #expect(facts.light(on: d("2026-12-11"), yellowDays: 3, calendar: calendar) == .unknown(.scheduleNotLoaded(year: 2027)))
        #expect(facts.light(on: d("2026-12-11"), yellowDays: 3, calendar: calendar).light == nil)
    }

    /// Past the deadline is red on the holidays after it (no working day between: the count alone says 0), and
    /// red when today's year has no schedule (the days since cannot be counted, the date has plainly passed).
    @Test func overdueThroughAHolidayAndIntoAnUnloadedYear() throws {
        let facts = CaseFacts(clock: CaseClock(acceptedOn: d("2026-09-29"), statutoryLimit: TimeLimit(5), promisedLimit: TimeLimit(1)))
        #expect(try facts.clock.promisedDeadline(calendar: calendar) == d("2026-09-30"))
        #expect(facts.light(on: d("2026-09-30"), yellowDays: 3, calendar: calendar) == .light(.yellow, workingDaysLeft: 0))
        #expect(facts.light(on: d("2026-10-03"), yellowDays: 3, calendar: calendar) == .light(.red, workingDaysLeft: -1))
        let late = CaseFacts(clock: CaseClock(acceptedOn: d("2026-12-10"), statutoryLimit: TimeLimit(10), promisedLimit: TimeLimit(10)))
        let reading = late.light(on: d("2027-01-05"), yellowDays: 3, calendar: calendar)
        #expect(reading == .overdue(due: d("2026-12-24"), uncounted: .scheduleNotLoaded(year: 2027)))
        #expect(reading.light == .red)
        #expect(reading.key == "red")
        #expect(reading.workingDaysLeft == nil)
    }

    @Test func workingDaysLeftAndTheLight() throws {
        let facts = CaseFacts(clock: CaseClock(acceptedOn: d("2026-02-12"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10)))
        func reading(_ today: String, yellow: Int = 3) -> CaseLightReading { facts.light(on: d(today), yellowDays: yellow, calendar: calendar) }
        #expect(reading("2026-02-26") == .light(.green, workingDaysLeft: 5))
        #expect(reading("2026-03-01") == .light(.yellow, workingDaysLeft: 3)) // Sunday: 2, 3, 4 Mar left
        #expect(reading("2026-03-01", yellow: 2) == .light(.green, workingDaysLeft: 3))
        #expect(reading("2026-03-04") == .light(.yellow, workingDaysLeft: 0))
        #expect(reading("2026-03-05") == .light(.red, workingDaysLeft: -1))
        #expect(reading("2026-03-05").workingDaysLeft == -1)
        var suspended = facts
        suspended.state = .suspended
        #expect(suspended.light(on: d("2026-03-05"), yellowDays: 3, calendar: calendar) == .suspended)
        #expect(suspended.light(on: d("2026-03-05"), yellowDays: 3, calendar: calendar).light == .grey)
        for state in [CaseState.resultIssued, .handedOver, .acknowledged, .withdrawn, .terminated] {
            var closed = facts
            closed.state = state
            #expect(closed.light(on: d("2026-03-05"), yellowDays: 3, calendar: calendar) == .closed)
        }
    }

    /// Once decided, the light counts the 10 working days to issue the result.
    @Test func resultDeadlineIsTenWorkingDaysAfterTheDecision() throws {
        #expect(try CaseClock.resultDeadline(decidedOn: d("2026-02-12"), calendar: calendar) == d("2026-03-04"))
        var facts = CaseFacts(clock: CaseClock(acceptedOn: d("2026-02-02"), statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(5)))
        facts.state = .approved
        facts.decidedOn = d("2026-02-12")
        #expect(try facts.resultDeadline(calendar: calendar) == d("2026-03-04"))
        #expect(facts.light(on: d("2026-03-04"), yellowDays: 3, calendar: calendar) == .light(.yellow, workingDaysLeft: 0))
        #expect(facts.light(on: d("2026-03-05"), yellowDays: 3, calendar: calendar) == .light(.red, workingDaysLeft: -1))
    }

    @Test func lightKeysAreStable() {
        #expect(CaseLight.allCases.map(\.rawValue) == ["green", "yellow", "red", "grey"])
        #expect(SuspensionReason.allCases.map(\.rawValue) == ["hearing", "testing", "expertReview", "supplementsOverdue", "intermediaryService"])
        for light in CaseLight.allCases { #expect(light.label.zh != light.label.en) }
    }
}
