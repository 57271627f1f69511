import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The report of `period`, read in one transaction — the tickets, the cases, the ratings (`ratingSummary`) and the
    /// complaints (`complaintSummary`), the last two as they stand today: a supervisor or an administrator
    /// (`viewReports`; anyone else is refused, exit 5).
    public func report(_ period: ReportPeriod, by viewer: Actor) throws -> HallReport {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewReports, by: viewer)
            let settings = try HallSettings.load(db)
            let today = try CivilDate(parsing: settings.businessCalendar.businessDate(of: now))
            let tickets = try Self.periodStatistics(db, first: period.first, last: period.last, now: now)
            let range: StatementArguments = [period.first.description, period.last.description]
            let intakes = try db.fetchEach(cachedSQL: """
                SELECT business_date, item_code, decision FROM intake WHERE business_date BETWEEN ? AND ?
                """, arguments: range) { row in
                CaseFigures.Intake(businessDate: try CivilDate(parsing: row[0]), itemCode: row[1],
                                   decision: try Self.decode(IntakeDecisionKind.self, row[2], "intake", "decision"))
            }
            let cases = try db.fetchEach(cachedSQL: """
                SELECT accepted_on, item_code, tolerated, decided_on, closed_on, promised_due FROM hall_case WHERE accepted_on BETWEEN ? AND ?
                """, arguments: range) { row in
                let decided: String? = row[3], closed: String? = row[4], due: String? = row[5]
                return CaseFigures.Case(acceptedOn: try CivilDate(parsing: row[0]), itemCode: row[1], tolerated: row[2],
                                        decidedOn: try decided.map { try CivilDate(parsing: $0) }, closedOn: try closed.map { try CivilDate(parsing: $0) },
                                        promisedDue: try due.map { try CivilDate(parsing: $0) })
            }
            let items = try Row.fetchAll(db, sql: "SELECT code, name, department_code FROM catalog_item ORDER BY position").map {
                CaseFigures.Item(code: $0[0], name: $0[1], departmentCode: $0[2])
            }
            let departments = try Row.fetchAll(db, sql: "SELECT code, name FROM catalog_department ORDER BY position").map { (code: $0[0] as String, name: $0[1] as String) }
            return HallReport(period: period, hallName: settings.hallName, generatedAt: now, timeZone: settings.businessCalendar.timeZone,
                              tickets: tickets.total, ticketDays: tickets.days,
                              cases: CaseFigures.fold(period: period, intakes: intakes, cases: cases, items: items, departments: departments),
                              ratings: try Self.ratingSummary(db, from: period.first, to: period.last, today: today.description),
                              complaints: try Self.complaintSummary(db, from: period.first, through: period.last, today: today))
        }
    }
}

extension HallDatabase {
    /// "v7-report11-intake-date": a report's intakes are a range of business dates (a month of a hall with years of
    /// intakes is a seek, not a scan). The cases' range uses `hall_case`'s UNIQUE (accepted_on, daily_seq).
    static func migrateToReportIntakeDate(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX intake_business_date ON intake(business_date)")
    }
}
