import Foundation
import HallModel
import Queue

/// One deadline computation (a 20-working-day limit from a random acceptance date in the bundled years) through
/// `WorkingCalendar`'s prefix sums, against the day-by-day walk it replaced, measured in the same run. The walk
/// lives here only, as the baseline.
enum DeadlineBench {
    /// Nanoseconds per computation: (prefix sums, walk).
    static func nanosecondsPerDeadline(computations: Int) throws -> (engine: Double, walk: Double) {
        let calendar = try WorkingCalendar.bundled()
        // Acceptance dates across 2024–2026, far enough from the end of 2026 that 20 working days stay in loaded years.
        let first = CivilDate(year: 2024, month: 1, day: 1)?.dayNumber ?? 0
        let last = CivilDate(year: 2026, month: 11, day: 30)?.dayNumber ?? 0
        let starts = (0..<1024).map { CivilDate(dayNumber: first + ($0 * 7919) % (last - first)) }
        let limit = TimeLimit(20, .workingDays)
        var sink = 0
        let engine = try elapsedMilliseconds {
            for i in 0..<computations { sink &+= try limit.deadline(from: starts[i & 1023], calendar: calendar).day }
        }
        let walkCount = max(1, computations / 20)
        let walk = try elapsedMilliseconds {
            for i in 0..<walkCount { sink &+= try walkAdding(calendar, 20, to: starts[i & 1023]).day }
        }
        if sink == 42 { FileHandle.standardError.write(Data()) }
        return (engine * 1e6 / Double(computations), walk * 1e6 / Double(walkCount))
    }

    /// The old `addingWorkingDays`: one day at a time.
    private static func walkAdding(_ calendar: WorkingCalendar, _ count: Int, to start: CivilDate) throws -> CivilDate {
        var date = start
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if try calendar.isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }
}
