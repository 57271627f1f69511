import Foundation
import HallModel
import Queue
import Testing

private func date(_ text: String) -> CivilDate {
    try! CivilDate(parsing: text)
}

@Suite struct CivilDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let d = try CivilDate(parsing: "2026-02-28")
        #expect((d.year, d.month, d.day) == (2026, 2, 28))
        #expect(d.description == "2026-02-28")
        #expect(CivilDate(year: 5, month: 1, day: 9)!.description == "0005-01-09")
    }

    @Test func rejectsMalformedAndUnrealDates() {
        for text in ["2026-2-28", "20260228", "2026-02-28T00:00", "", "abcd-ef-gh", "+026-02-28", "２０２６-02-28",
                     "2026-02-2８", "2026-02-28 ", "2026/02/28", "2026-02-", "-2026-02-28"] {
            #expect(throws: CivilDateError.malformed(text)) { try CivilDate(parsing: text) }
        }
        #expect(throws: CivilDateError.notARealDate("2026-02-29")) { try CivilDate(parsing: "2026-02-29") }
        #expect(throws: CivilDateError.notARealDate("2026-13-01")) { try CivilDate(parsing: "2026-13-01") }
        #expect(throws: Never.self) { try CivilDate(parsing: "2024-02-29") }
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func dayArithmeticAndWeekdays() {
        #expect(date("2025-12-31").adding(days: 1) == date("2026-01-01"))
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2026-03-01").adding(days: -1) == date("2026-02-28"))
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2026-12-31").days(since: date("2026-01-01")) == 364)
        #expect(date("2026-01-01").weekday == .thursday)
        #expect(date("2026-02-14").weekday == .saturday)
        #expect(date("1949-10-01").weekday == .saturday)
        #expect(date("1969-12-31").weekday == .wednesday)
        for n in stride(from: -800_000, through: 3_000_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(date("2026-01-31") < date("2026-02-01"))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([date("2026-10-01")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date("2026-10-01")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }

    @Test func dateOfAMomentInAZone() {
        // 2026-01-01T00:30+08:00 is still 2025-12-31 in UTC.
        let moment = Date(timeIntervalSince1970: 1_767_198_600)
        #expect(CivilDate(moment, in: TimeZone(identifier: "Asia/Shanghai")!) == date("2026-01-01"))
        #expect(CivilDate(moment, in: TimeZone(identifier: "UTC")!) == date("2025-12-31"))
    }
}

@Suite struct WorkingCalendarTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = try WorkingCalendar.bundled()
    }

    @Test func bundledSchedulesAre2024To2026() throws {
        #expect(calendar.loadedYears == [2024, 2025, 2026])
        #expect(try calendar.kind(of: date("2026-10-01")) == .holiday("国庆节"))
        #expect(try calendar.kind(of: date("2026-02-14")) == .makeUpWorkingDay("春节"))
        #expect(try calendar.kind(of: date("2026-03-07")) == .weekend)
        #expect(try calendar.kind(of: date("2026-03-09")) == .workingDay)
    }

    /// 2026 Spring Festival: 15–23 Feb off; Saturdays 14 Feb and 28 Feb are make-up working days.
    @Test func acrossSpringFestival2026() throws {
        let accepted = date("2026-02-12") // Thursday
        #expect(try calendar.isWorkingDay(date("2026-02-14")))
        #expect(try !calendar.isWorkingDay(date("2026-02-16")))
        #expect(try !calendar.isWorkingDay(date("2026-02-23"))) // a Monday inside the holiday
        #expect(try calendar.isWorkingDay(date("2026-02-28")))
        #expect(try !calendar.isWorkingDay(date("2026-03-01")))
        #expect(try calendar.addingWorkingDays(1, to: accepted) == date("2026-02-13"))
        #expect(try calendar.addingWorkingDays(2, to: accepted) == date("2026-02-14"))
        #expect(try calendar.addingWorkingDays(3, to: accepted) == date("2026-02-24"))
        #expect(try calendar.addingWorkingDays(7, to: accepted) == date("2026-02-28"))
        #expect(try calendar.addingWorkingDays(8, to: accepted) == date("2026-03-02"))
        #expect(try calendar.addingWorkingDays(20, to: accepted) == date("2026-03-18"))
        #expect(try calendar.workingDays(from: accepted, to: date("2026-03-18")) == 20)
        #expect(try calendar.workingDays(from: date("2026-02-14"), to: date("2026-02-23")) == 0)
        #expect(try calendar.addingNaturalDays(20, to: accepted) == date("2026-03-04"))
    }

    @Test func acceptedOnAHolidayCountsFromTheNextWorkingDay() throws {
        #expect(try calendar.addingWorkingDays(1, to: date("2026-02-17")) == date("2026-02-24"))
        #expect(try calendar.addingWorkingDays(0, to: date("2026-02-17")) == date("2026-02-17"))
    }

    /// Sunday 20 Sep and Saturday 10 Oct are make-up days; 25–27 Sep (Mid-Autumn) and 1–7 Oct are off.
    @Test func acrossNationalDay2026() throws {
        let accepted = date("2026-09-29") // Tuesday
        #expect(try calendar.isWorkingDay(date("2026-09-20")))
        #expect(try !calendar.isWorkingDay(date("2026-09-25")))
        #expect(try calendar.addingWorkingDays(1, to: accepted) == date("2026-09-30"))
        #expect(try calendar.addingWorkingDays(2, to: accepted) == date("2026-10-08"))
        #expect(try calendar.addingWorkingDays(4, to: accepted) == date("2026-10-10"))
        #expect(try calendar.addingWorkingDays(5, to: accepted) == date("2026-10-12"))
        #expect(try calendar.addingWorkingDays(10, to: accepted) == date("2026-10-19"))
        #expect(try calendar.workingDays(from: date("2026-09-30"), to: date("2026-10-07")) == 0)
        #expect(try calendar.workingDays(from: date("2026-09-18"), to: date("2026-09-21")) == 2)
    }

    /// 1–3 Jan 2026 off, Sunday 4 Jan 2026 worked.
    @Test func acrossTheYearBoundary2025To2026() throws {
        let accepted = date("2025-12-30")
        #expect(try calendar.addingWorkingDays(1, to: accepted) == date("2025-12-31"))
        #expect(try calendar.addingWorkingDays(2, to: accepted) == date("2026-01-04"))
        #expect(try calendar.addingWorkingDays(3, to: accepted) == date("2026-01-05"))
        #expect(try calendar.workingDays(from: accepted, to: date("2026-01-05")) == 3)
        #expect(try calendar.workingDays(from: date("2026-01-05"), to: accepted) == -3)
        #expect(try calendar.naturalDays(from: accepted, to: date("2026-01-05")) == 6)
    }

    @Test func intoUnloaded2027Throws() throws {
        let accepted = date("2026-12-20") // Sunday; nine working days remain in 2026
        #expect(try calendar.addingWorkingDays(9, to: accepted) == date("2026-12-31"))
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try calendar.addingWorkingDays(10, to: accepted)
        }
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try calendar.addingNaturalDays(12, to: accepted)
        }
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try calendar.workingDays(from: accepted, to: date("2027-01-04"))
        }
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2023)) {
            try calendar.isWorkingDay(date("2023-05-01"))
        }
        let message = WorkingCalendarError.scheduleNotLoaded(year: 2027).message
        #expect(message.zh == "2027 年节假日安排未导入")
        #expect(message.en == "holiday schedule for 2027 is not loaded")
    }

    @Test func importingAYearExtendsTheCalendar() throws {
        let y2027 = try HolidaySchedule(year: 2027, days: [
            .init(date: date("2027-01-01"), name: "元旦", isOffDay: true),
        ])
        let extended = calendar.replacing(y2027)
        #expect(extended.loadedYears == [2024, 2025, 2026, 2027])
        #expect(try extended.addingWorkingDays(10, to: date("2026-12-20")) == date("2027-01-04"))
        #expect(throws: WorkingCalendarError.duplicateYear(2027)) { try WorkingCalendar([y2027, y2027]) }
    }

    @Test func negativeCountsAreRejected() {
        #expect(throws: WorkingCalendarError.negativeCount(-1)) {
            try calendar.addingWorkingDays(-1, to: date("2026-03-02"))
        }
        #expect(throws: TimeLimitError.negativeCount(-5)) { try TimeLimit(count: -5, unit: .workingDays) }
    }

    /// `desk calendar add --natural-days 9223372036854775807` used to overflow the day arithmetic (a trap).
    @Test func hugeCountsAndTheLastDateAreErrorsNotTraps() throws {
        #expect(throws: WorkingCalendarError.beyondLatestDate) { try calendar.addingNaturalDays(.max, to: date("2026-03-02")) }
        #expect(throws: WorkingCalendarError.beyondLatestDate) { try calendar.addingNaturalDays(.max - 100, to: date("2026-03-02")) }
        #expect(throws: WorkingCalendarError.beyondLatestDate) { try calendar.addingNaturalDays(1, to: CivilDate.latest) }
        let year9999 = try HolidaySchedule(year: 9999, days: [.init(date: date("9999-01-01"), name: "元旦", isOffDay: true)])
        let last = calendar.replacing(year9999)
        #expect(throws: WorkingCalendarError.beyondLatestDate) { try last.addingWorkingDays(5, to: date("9999-12-30")) }
        #expect(try last.addingNaturalDays(1, to: date("9999-12-30")) == CivilDate.latest)
    }

    @Test func timeLimitDeadlines() throws {
        let statutory = try TimeLimit(count: 20, unit: .workingDays)
        #expect(try statutory.deadline(from: date("2026-02-12"), calendar: calendar) == date("2026-03-18"))
        let natural = try TimeLimit(count: 20, unit: .naturalDays)
        #expect(try natural.deadline(from: date("2026-02-12"), calendar: calendar) == date("2026-03-04"))
        #expect(statutory.label == Bilingual(en: "20 working days", zh: "20 个工作日"))
        #expect(throws: WorkingCalendarError.scheduleNotLoaded(year: 2027)) {
            try statutory.deadline(from: date("2026-12-20"), calendar: calendar)
        }
        let data = try JSONEncoder().encode(statutory)
        #expect(try JSONDecoder().decode(TimeLimit.self, from: data) == statutory)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TimeLimit.self, from: Data(#"{"count":-1,"unit":"workingDays"}"#.utf8))
        }
    }
}

@Suite struct HolidayScheduleTests {
    private func decode(_ json: String) throws(HolidayScheduleError) -> HolidaySchedule {
        try HolidaySchedule(jsonData: Data(json.utf8))
    }

    @Test func bundledFilesMatchTheSharedData() throws {
        let schedules = try HolidaySchedule.bundled()
        #expect(schedules.map(\.year) == [2024, 2025, 2026])
        let y2026 = try #require(schedules.last)
        #expect(y2026.days.count == 39)
        #expect(y2026.papers == ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"])
        #expect(y2026.day(on: date("2026-01-04")) == .init(date: date("2026-01-04"), name: "元旦", isOffDay: false))
        #expect(y2026.day(on: date("2026-01-05")) == nil)
    }

    @Test func roundTripsThroughTheFileFormat() throws {
        for schedule in try HolidaySchedule.bundled() {
            #expect(try HolidaySchedule(jsonData: schedule.jsonData()) == schedule)
        }
    }

    @Test func papersMayBeLeftOut() throws {
        let schedule = try decode(#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#)
        #expect(schedule.papers.isEmpty)
    }

    @Test("malformed files name what is wrong", arguments: [
        (#"{"year":2026,"days":[{"name":"元旦","date":"2025-12-31","isOffDay":true}]}"#,
         HolidayScheduleError.dayOutsideYear(date("2025-12-31"), year: 2026)),
        (#"{"days":[]}"#, .missingField("year")),
        (#"{"year":2026,"days":[{"name":"a","date":"2026-01-01","isOffDay":true},{"name":"b","date":"2026-01-02"}]}"#,
         .missingField("days[1].isOffDay")),
        (#"{"year":2026,"days":[{"name":"a","date":"2026-01-01","isOffDay":"yes"}]}"#,
         .wrongType(field: "days[0].isOffDay", expected: .boolean)),
        (#"{"year":"2026","days":[]}"#, .wrongType(field: "year", expected: .integer)),
        (#"{"year":2026,"days":{}}"#, .wrongType(field: "days", expected: .array)),
        (#"{"year":2026,"days":[{"name":"a","date":"2026-02-30","isOffDay":true}]}"#,
         .badDate(field: "days[0].date", .notARealDate("2026-02-30"))),
        (#"{"year":2026,"days":[{"name":"a","date":"2026/01/01","isOffDay":true}]}"#,
         .badDate(field: "days[0].date", .malformed("2026/01/01"))),
        (#"{"year":2026,"days":[{"name":"a","date":"2026-01-01","isOffDay":true},{"name":"a","date":"2026-01-01","isOffDay":true}]}"#,
         .duplicateDate(date("2026-01-01"))),
        (#"{"year":2026,"days":[]}"#, .noDays(year: 2026)),
        // A make-up working day on a Monday (2026-03-02) is a flag the wrong way round.
        (#"{"year":2026,"days":[{"name":"a","date":"2026-03-02","isOffDay":false}]}"#, .makeUpDayOnWeekday(date("2026-03-02"))),
    ])
    func malformed(json: String, expected: HolidayScheduleError) {
        #expect(throws: expected) { try decode(json) }
        #expect(!expected.message.zh.isEmpty && expected.message.zh != expected.message.en)
    }

    @Test func notJSONAtAll() {
        #expect {
            try decode("{\"year\": 2026, ")
        } throws: { error in
            guard case .notJSON = error as? HolidayScheduleError else { return false }
            return true
        }
    }

    @Test func fileErrorsNameTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "halldesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "2026.json")
        try Data(#"{"year":2026,"days":[{"name":"x","date":"2027-01-01","isOffDay":true}]}"#.utf8).write(to: file)
        let expected = HolidayScheduleError.inFile("2026.json", .dayOutsideYear(date("2027-01-01"), year: 2026))
        #expect(throws: expected) { try HolidaySchedule.load(contentsOf: file) }
        #expect(expected.message.en == "2026.json: 2027-01-01 is not in 2026, the year of the schedule")
        #expect {
            try HolidaySchedule.load(contentsOf: folder.appending(path: "missing.json"))
        } throws: { error in
            guard case .inFile("missing.json", .unreadable) = error as? HolidayScheduleError else { return false }
            return true
        }
    }
}
