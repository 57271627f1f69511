import Testing
@testable import HallModel

/// The prefix-sum answers of `WorkingCalendar` against the day-by-day walk they replaced, kept here only.
@Suite struct WorkingCalendarPrefixSumTests {
    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case error(WorkingCalendarError)
    }

    static func outcome<T>(_ body: () throws(WorkingCalendarError) -> T) -> Outcome<T> {
        do { return .value(try body()) } catch { return .error(error) }
    }

    /// The walk `addingWorkingDays` used to be.
    static func walkAdding(_ calendar: WorkingCalendar, _ count: Int, to start: CivilDate) throws(WorkingCalendarError) -> CivilDate {
        guard count >= 0 else { throw .negativeCount(count) }
        var date = start
        var remaining = count
        while remaining > 0 {
            guard date < CivilDate.latest else { throw .beyondLatestDate }
            date = date.adding(days: 1)
            if try calendar.isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// The walk `workingDays(from:to:)` used to be.
    static func walkCount(_ calendar: WorkingCalendar, from start: CivilDate, to end: CivilDate) throws(WorkingCalendarError) -> Int {
        if end < start { return try -walkCount(calendar, from: end, to: start) }
        var count = 0
        var date = start
        while date < end {
            date = date.adding(days: 1)
            if try calendar.isWorkingDay(date) { count += 1 }
        }
        return count
    }

    static func compare(_ calendar: WorkingCalendar, span: ClosedRange<Int>, seed: UInt64, samples: Int) {
        var rng = SplitMix64(seed: seed) // deterministic, so a failure reproduces
        var mismatches = 0
        for _ in 0..<samples {
            let start = CivilDate(dayNumber: Int.random(in: span, using: &rng))
            let end = CivilDate(dayNumber: Int.random(in: span, using: &rng))
            let count = Int.random(in: -2...400, using: &rng)
            let fast = outcome { () throws(WorkingCalendarError) in try calendar.addingWorkingDays(count, to: start) }
            let slow = outcome { () throws(WorkingCalendarError) in try walkAdding(calendar, count, to: start) }
            let fastCount = outcome { () throws(WorkingCalendarError) in try calendar.workingDays(from: start, to: end) }
            let slowCount = outcome { () throws(WorkingCalendarError) in try walkCount(calendar, from: start, to: end) }
            if fast != slow || fastCount != slowCount {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("\(start) + \(count): \(fast) vs walk \(slow); \(start)→\(end): \(fastCount) vs walk \(slowCount)")
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// 2023-07-01 ... 2027-06-30: inside the bundled 2024–2026 and out on both sides (2023 and 2027 are not loaded).
    static let bundledSpan = CivilDate(year: 2023, month: 7, day: 1)!.dayNumber...CivilDate(year: 2027, month: 6, day: 30)!.dayNumber

    @Test func sameAnswersAsTheWalkOverTheBundledYears() throws {
        Self.compare(try WorkingCalendar.bundled(), span: Self.bundledSpan, seed: 2026, samples: 20_000)
    }

    /// A hole in the loaded years (2025 missing): a count from 2024 into 2025 is flagged for 2025, one from 2026 runs.
    @Test func sameAnswersWithAGapInTheLoadedYears() throws {
        let calendar = try WorkingCalendar(HolidaySchedule.bundled().filter { $0.year != 2025 })
        #expect(calendar.loadedYears == [2024, 2026])
        Self.compare(calendar, span: Self.bundledSpan, seed: 7, samples: 10_000)
        let late2024 = try CivilDate(parsing: "2024-12-20")
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2025)) { try calendar.addingWorkingDays(30, to: late2024) }
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2025)) {
            try calendar.workingDays(from: late2024, to: CivilDate(parsing: "2026-03-01"))
        }
    }

    /// With 9999 loaded, a count past its end is `beyondLatestDate`, as the walk said.
    @Test func sameAnswersAtTheLastCountableYear() throws {
        let y9999 = try HolidaySchedule(year: 9999, days: [.init(date: CivilDate(parsing: "9999-01-01"), name: "元旦", isOffDay: true)])
        let calendar = try WorkingCalendar([y9999])
        let span = CivilDate(year: 9998, month: 10, day: 1)!.dayNumber...CivilDate.latest.dayNumber
        Self.compare(calendar, span: span, seed: 9999, samples: 5_000)
        #expect(throws: WorkingCalendarError.beyondLatestDate) { try calendar.addingWorkingDays(1, to: CivilDate.latest) }
        #expect(throws: WorkingCalendarError.beyondLatestDate) {
            try calendar.addingWorkingDays(Int.max, to: CivilDate(parsing: "9999-06-01"))
        }
    }

    @Test func anImportRebuildsTheCounts() throws {
        let calendar = try WorkingCalendar.bundled()
        let y2027 = try HolidaySchedule(year: 2027, days: [.init(date: CivilDate(parsing: "2027-01-01"), name: "元旦", isOffDay: true)])
        let extended = calendar.replacing(y2027)
        Self.compare(extended, span: Self.bundledSpan, seed: 11, samples: 5_000)
        #expect(try extended.addingWorkingDays(10, to: CivilDate(parsing: "2026-12-20")) == CivilDate(parsing: "2027-01-04"))
        #expect(extended != calendar)
        #expect(extended == calendar.replacing(y2027))
    }
}
