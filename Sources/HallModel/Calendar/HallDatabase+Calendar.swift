import Foundation
import GRDB
import Queue

/// What an import of one year's holiday schedule did.
public struct HolidayImportSummary: Sendable, Hashable, Codable {
    public var year: Int
    public var holidays: Int
    public var makeUpWorkingDays: Int
    /// The year had a schedule before, which this one replaced.
    public var replaced: Bool
}

extension HallDatabase {
    /// Loads one year's schedule, replacing whatever was stored for that year, in one transaction.
    @discardableResult
    public func importHolidaySchedule(_ schedule: HolidaySchedule, source: ImportSource? = nil, by actor: Actor) throws -> HolidayImportSummary {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .importCalendar, by: actor)
            let replaced = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM holiday_year WHERE year = ?)",
                                             arguments: [schedule.year]) ?? false
            try Self.storeHolidaySchedule(schedule, in: db)
            let off = schedule.days.filter(\.isOffDay).count
            let summary = HolidayImportSummary(year: schedule.year, holidays: off, makeUpWorkingDays: schedule.days.count - off,
                                               replaced: replaced)
            try AuditLog.append(db, .calendarImport, by: actor, at: now, businessDate: try Self.today(db, now), detail: (source?.detail ?? [:]).merging([
                "year": .int(schedule.year), "holidays": .int(off), "make_up_working_days": .int(summary.makeUpWorkingDays),
                "replaced": .bool(replaced),
            ]) { a, _ in a })
            return summary
        }
    }

    /// The stored schedules, in year order.
    public func holidaySchedules() throws -> [HolidaySchedule] {
        try read { db in try Self.loadHolidaySchedules(db) }
    }

    /// Working days as stored: only loaded years can be counted (others throw `scheduleNotLoaded`).
    public func workingCalendar() throws -> WorkingCalendar {
        try read { db in try Self.storedCalendar(db) }
    }

    /// The working calendar as stored, kept by the process while the hall's calendar stamp is unchanged
    /// (`RevisionStamp`): every case write and list counts working days, and loading the schedules each time
    /// was a quarter of an intake's CPU time and 14 % of the red list's (perf, README "Case rows").
    /// `known`: the stamp as the caller read it already in this transaction (`RevisionStamp.all`).
    static func storedCalendar(_ db: Database, stamp known: Data? = nil) throws -> WorkingCalendar {
        let load = { try WorkingCalendar(loadHolidaySchedules(db)) }
        return try calendars.value(0, stamp: known ?? RevisionStamp.calendar.current(db), load: load) ?? load()
    }

    private static let calendars = StampedCache<Int, WorkingCalendar>()

    public func loadedHolidayYears() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT year FROM holiday_year ORDER BY year") }
    }

    /// Replaces the year's rows; the caller owns the transaction (an import, or the migration).
    static func storeHolidaySchedule(_ schedule: HolidaySchedule, in db: Database) throws {
        // Deleting the year cascades to its days.
        try db.execute(sql: "DELETE FROM holiday_year WHERE year = ?", arguments: [schedule.year])
        let papers = String(decoding: try JSONEncoder().encode(schedule.papers), as: UTF8.self)
        try db.execute(sql: "INSERT INTO holiday_year(year, papers) VALUES (?, ?)", arguments: [schedule.year, papers])
        for day in schedule.days {
            try db.execute(sql: "INSERT INTO holiday_day(date, year, is_off_day, name) VALUES (?, ?, ?, ?)",
                           arguments: [day.date.description, schedule.year, day.isOffDay, day.name])
        }
    }

    static func loadHolidaySchedules(_ db: Database) throws -> [HolidaySchedule] {
        var daysByYear: [Int: [HolidaySchedule.Day]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT date, year, is_off_day, name FROM holiday_day ORDER BY date") {
            let date = try CivilDate(parsing: row["date"])
            daysByYear[row["year"], default: []].append(HolidaySchedule.Day(date: date, name: row["name"], isOffDay: row["is_off_day"]))
        }
        var schedules: [HolidaySchedule] = []
        for row in try Row.fetchAll(db, sql: "SELECT year, papers FROM holiday_year ORDER BY year") {
            let year: Int = row["year"]
            let papersText: String = row["papers"]
            let papers = (try? JSONDecoder().decode([String].self, from: Data(papersText.utf8))) ?? []
            schedules.append(try HolidaySchedule(year: year, days: daysByYear[year] ?? [], papers: papers))
        }
        return schedules
    }
}
