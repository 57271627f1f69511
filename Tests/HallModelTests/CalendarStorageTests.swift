import Foundation
import GRDB
import Testing
@testable import HallModel

private func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The working-day calendar as stored in the hall database.
@Suite struct CalendarStorageTests {
    let hall: TestHall
    init() throws { hall = try TestHall(demo: false) }

    @Test func aFreshDatabaseHasTheBundledSchedules() throws {
        #expect(try hall.database.loadedHolidayYears() == [2024, 2025, 2026])
        #expect(try hall.database.holidaySchedules() == HolidaySchedule.bundled())
    }

    /// 2026 Spring Festival: 15–23 Feb off, Saturdays 14 and 28 Feb worked.
    @Test func storedCalendarAcrossSpringFestival2026() throws {
        let calendar = try hall.database.workingCalendar()
        #expect(try calendar.kind(of: date("2026-02-14")) == .makeUpWorkingDay("春节"))
        #expect(try calendar.kind(of: date("2026-02-23")) == .holiday("春节"))
        #expect(try calendar.addingWorkingDays(5, to: date("2026-02-12")) == date("2026-02-26"))
        #expect(try calendar.addingWorkingDays(7, to: date("2026-02-12")) == date("2026-02-28"))
        #expect(try calendar.workingDays(from: date("2026-02-12"), to: date("2026-03-02")) == 8)
    }

    @Test func storedCalendarAcrossNationalDay2026() throws {
        let calendar = try hall.database.workingCalendar()
        #expect(try calendar.addingWorkingDays(2, to: date("2026-09-29")) == date("2026-10-08"))
        #expect(try calendar.kind(of: date("2026-10-10")) == .makeUpWorkingDay("国庆节"))
        #expect(try calendar.addingWorkingDays(10, to: date("2026-09-29")) == date("2026-10-19"))
    }

    @Test func storedCalendarAcrossTheYearBoundary() throws {
        let calendar = try hall.database.workingCalendar()
        #expect(try calendar.addingWorkingDays(2, to: date("2025-12-30")) == date("2026-01-04"))
        #expect(try calendar.workingDays(from: date("2025-12-30"), to: date("2026-01-05")) == 3)
    }

    @Test func intoAnUnloadedYearIsAnErrorUntilTheYearIsImported() throws {
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try hall.database.workingCalendar().addingWorkingDays(10, to: date("2026-12-20"))
        }
        let y2027 = try HolidaySchedule(year: 2027, days: [
            .init(date: date("2027-01-01"), name: "元旦", isOffDay: true),
        ])
        let summary = try hall.database.importHolidaySchedule(y2027, by: hall.admin)
        #expect(summary == HolidayImportSummary(year: 2027, holidays: 1, makeUpWorkingDays: 0, replaced: false))
        #expect(try hall.database.workingCalendar().addingWorkingDays(10, to: date("2026-12-20")) == date("2027-01-04"))
    }

    @Test func importingAYearReplacesItsRows() throws {
        let corrected = try HolidaySchedule(year: 2026, days: [
            .init(date: date("2026-01-01"), name: "元旦", isOffDay: true),
            .init(date: date("2026-01-04"), name: "元旦", isOffDay: false),
        ], papers: ["https://example.org/notice"])
        #expect(try hall.database.importHolidaySchedule(corrected, by: hall.admin).replaced)
        let stored = try #require(try hall.database.holidaySchedules().first { $0.year == 2026 })
        #expect(stored == corrected)
        let rows = try hall.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM holiday_day WHERE year = 2026") }
        #expect(rows == 2)
        #expect(try hall.database.workingCalendar().isWorkingDay(date("2026-02-16")) == true)
        #expect(try hall.database.loadedHolidayYears() == [2024, 2025, 2026])
    }
}
