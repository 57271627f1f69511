import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The calendar and the catalog items a process keeps between user actions (`RevisionStamp`, `StampedCache`):
/// whatever changes them after they were kept is seen by the next action, in this process or from another one.
@Suite struct RevisionStampTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    func item(_ name: String, in hall: TestHall? = nil) throws -> CatalogItem {
        try #require(try (hall ?? self.hall).database.catalog().items.first { $0.name == name })
    }

    /// A001 served at window 1 by S01.
    static func serve(_ hall: TestHall) throws {
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
    }

    /// An acceptance of `item` with every material in.
    static func accept(_ hall: TestHall, _ item: CatalogItem) throws -> CaseRecord {
        let applicant = try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil,
                                                  today: CivilDate(year: 2026, month: 3, day: 2)!)
        let request = IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode, applicant: applicant,
                                    checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept)
        return try #require(try hall.database.takeIn(request, by: hall.clerk(1)).caseRecord)
    }

    /// The shipped 2026 schedule with 2026-03-03 (a Tuesday) made a holiday.
    static func schedule2026WithHolidayOnMarch3() throws -> HolidaySchedule {
        let shipped = try #require(try HolidaySchedule.bundled().first { $0.year == 2026 })
        let day = HolidaySchedule.Day(date: CivilDate(year: 2026, month: 3, day: 3)!, name: "测试假日", isOffDay: true)
        return try HolidaySchedule(year: 2026, days: shipped.days + [day], papers: shipped.papers)
    }

    func stamp(_ which: RevisionStamp, in hall: TestHall? = nil) throws -> Data? {
        try (hall ?? self.hall).database.read { try which.current($0) }
    }

    @Test func aHolidayScheduleLoadedAfterTheCalendarWasKeptIsSeenByTheNextIntake() throws {
        let setUp = try item("企业设立登记")
        try Self.serve(hall)
        #expect(try Self.accept(hall, setUp).promisedDue == CivilDate(year: 2026, month: 3, day: 3))
        try hall.database.importHolidaySchedule(try Self.schedule2026WithHolidayOnMarch3(), by: hall.admin)
        #expect(try Self.accept(hall, setUp).promisedDue == CivilDate(year: 2026, month: 3, day: 4))
        // The case list counts with the new calendar too (caseDay).
        let listed = try hall.database.cases(CaseListFilter())
        #expect(listed.count == 2)
    }

    @Test func aSettingChangedAfterTheCalendarWasKeptIsSeenByTheNextIntake() throws {
        let setUp = try item("企业设立登记")
        try Self.serve(hall)
        #expect(try Self.accept(hall, setUp).number == "HD-20260302-0001")
        var settings = try hall.database.settings()
        settings.hallCode = "ZW"
        try hall.database.updateSettings(settings, by: hall.admin)
        #expect(try Self.accept(hall, setUp).number == "ZW-20260302-0002")
    }

    @Test func aSettingChangedByAnotherProcessIsSeenByTheNextIntake() throws {
        let setUp = try item("企业设立登记")
        try Self.serve(hall)
        #expect(try Self.accept(hall, setUp).number == "HD-20260302-0001")
        let before = try #require(try stamp(.settings))
        // Another terminal's process: its own connection to the same file, writing the row by hand (no cache of
        // this process is told).
        let other = try DatabaseQueue(path: hall.path)
        try other.write { try $0.execute(sql: "UPDATE hall_setting SET value = 'QX' WHERE key = 'hall_code'") }
        try other.close()
        #expect(try stamp(.settings) != before)
        #expect(try Self.accept(hall, setUp).number == "QX-20260302-0002")
    }

    @Test func everySettingWrittenRenewsTheSettingsStampAndNothingElseDoes() throws {
        var settings = try #require(try stamp(.settings))
        let calendar = try #require(try stamp(.calendar))
        for sql in [
            "INSERT INTO hall_setting(key, value) VALUES ('test_key', '1')",
            "UPDATE hall_setting SET value = '2' WHERE key = 'test_key'",
            "DELETE FROM hall_setting WHERE key = 'test_key'",
        ] {
            try hall.database.perform { try $0.execute(sql: sql) }
            let next = try #require(try stamp(.settings))
            #expect(next != settings, "\(sql)")
            settings = next
        }
        #expect(try stamp(.calendar) == calendar)
        try Self.serve(hall)
        _ = try Self.accept(hall, try item("企业设立登记"))
        #expect(try stamp(.settings) == settings)
    }

    @Test func aCatalogImportAfterTheItemWasKeptIsSeenByTheNextIntake() throws {
        let setUp = try item("企业设立登记")
        try Self.serve(hall)
        #expect(try Self.accept(hall, setUp).promisedDue == CivilDate(year: 2026, month: 3, day: 3))
        var catalog = try hall.database.catalog()
        let index = try #require(catalog.items.firstIndex { $0.implementationCode == setUp.implementationCode })
        catalog.items[index].promisedLimit = TimeLimit(3)
        try hall.database.importCatalog(catalog, by: hall.admin)
        let record = try Self.accept(hall, setUp)
        #expect(record.promisedLimit == TimeLimit(3) && record.promisedDue == CivilDate(year: 2026, month: 3, day: 5))
    }

    @Test func twoHallsInOneProcessKeepTheirOwnCalendars() throws {
        let other = try TestHall()
        try other.database.importHolidaySchedule(try Self.schedule2026WithHolidayOnMarch3(), by: other.admin)
        #expect(try stamp(.calendar) != stamp(.calendar, in: other))
        #expect(try stamp(.catalog) != stamp(.catalog, in: other))
        try Self.serve(hall)
        try Self.serve(other)
        for _ in 0..<2 {
            #expect(try Self.accept(hall, item("企业设立登记")).promisedDue == CivilDate(year: 2026, month: 3, day: 3))
            #expect(try Self.accept(other, item("企业设立登记", in: other)).promisedDue == CivilDate(year: 2026, month: 3, day: 4))
        }
    }

    @Test func everyChangeToTheSchedulesOrTheCatalogRenewsItsStampAndNothingElseDoes() throws {
        var calendar = try #require(try stamp(.calendar))
        let catalog = try #require(try stamp(.catalog))
        #expect(calendar.count == 16)
        for sql in [
            "INSERT INTO holiday_day(date, year, is_off_day, name) VALUES ('2026-03-03', 2026, 1, '测试')",
            "UPDATE holiday_day SET name = '测试二' WHERE date = '2026-03-03'",
            "DELETE FROM holiday_day WHERE date = '2026-03-03'",
            "UPDATE holiday_year SET papers = '[]' WHERE year = 2026",
            "DELETE FROM holiday_year WHERE year = 2024",
        ] {
            try hall.database.perform { try $0.execute(sql: sql) }
            let next = try #require(try stamp(.calendar))
            #expect(next != calendar, "\(sql)")
            calendar = next
        }
        #expect(try stamp(.catalog) == catalog)
        try Self.serve(hall)
        _ = try Self.accept(hall, try item("企业设立登记"))
        #expect(try stamp(.calendar) == calendar && stamp(.catalog) == catalog)
        try hall.database.importCatalog(try hall.database.catalog(), by: hall.admin)
        #expect(try stamp(.catalog) != catalog)
        #expect(try stamp(.calendar) == calendar)
    }
}
