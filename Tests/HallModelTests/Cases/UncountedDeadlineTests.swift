import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Deadlines a case was opened without (its year's holiday schedule not loaded) are counted by the sweep or the next
/// write on the case once the schedule is loaded, each an event; a 容缺 case then gets its supplement deadline, by
/// the days given at intake, and the sweep follows it up.
@Suite struct UncountedDeadlineTests {
    let hall: TestHall
    let stores: IntakeStoreTests
    init() throws { stores = try IntakeStoreTests(); hall = stores.hall }

    func load2027() throws {
        try hall.database.importHolidaySchedule(try HolidaySchedule(year: 2027, days: [
            .init(date: try CivilDate(parsing: "2027-01-01"), name: "元旦", isOffDay: true),
        ]), by: hall.admin)
    }

    func tolerantItem() throws -> CatalogItem {
        try #require(try hall.database.catalog().items.first {
            $0.toleranceAllowed && $0.promisedLimit.count >= 10 && $0.promisedLimit.unit == .workingDays && $0.allowedSiteLevels.contains(.district)
        })
    }

    /// A001 served and a 容缺 intake of `item` with only its core materials in: the outcome.
    func tolerateCoreOnly(_ item: CatalogItem, supplementDays: Int? = nil) throws -> IntakeOutcome {
        try stores.serve()
        let core = item.materials.indices.filter { item.materials[$0].kind == .core }.map { $0 + 1 }
        return try hall.database.takeIn(try stores.request(item, in: core, decision: .tolerate, supplementDays: supplementDays), by: hall.clerk(1))
    }

    func detail(_ event: String) throws -> String? {
        try hall.database.read { try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = ? ORDER BY id DESC", arguments: [event]) }
    }

    @Test func theSweepCountsAToleratedCasesSupplementDeadlineOnceTheScheduleIsLoaded() throws {
        hall.clock.set("2026-12-31T09:00:00+08:00")
        let outcome = try tolerateCoreOnly(try tolerantItem(), supplementDays: 3)
        let record = try #require(outcome.caseRecord)
        #expect(record.supplementDue == nil && record.promisedDue == nil && outcome.deadlineProblem == .scheduleNotLoaded(year: 2027))
        // Nothing to count yet: the sweep writes nothing.
        #expect(try hall.database.sweepCases(by: hall.supervisor).counted.isEmpty)
        #expect(try detail("case_deadlines_counted") == nil)

        try load2027()
        let summary = try hall.database.sweepCases(by: hall.supervisor)
        #expect(summary.counted == [record.number])
        let counted = try hall.database.caseDetail(number: record.number).record
        // Told on 12-31, delivered on the next working day (01-04), then 3 working days as given at intake (not the
        // hall's 5): 01-05, 01-06, 01-07.
        #expect(counted.supplementDue == CivilDate(year: 2027, month: 1, day: 7))
        #expect(counted.promisedDue != nil && counted.statutoryDue != nil)
        let event = try #require(try detail("case_deadlines_counted"))
        #expect(event.contains("\"by\":\"sweep\"") && event.contains("\"supplement_due\":\"2027-01-07\"") && event.contains(record.number))
        // Idempotent: counted once.
        #expect(try hall.database.sweepCases(by: hall.supervisor).counted.isEmpty)

        // And the 容缺 follow-up now runs: the supplements overdue suspend the case (not on the last day told).
        hall.clock.set("2027-01-07T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
        hall.clock.set("2027-01-08T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.map(\.action) == [.suspend])
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// The review's case: 容缺 on 2026-12-28 for an item promised in 5 working days, 2027 loaded and swept on 01-04.
    /// The promised deadline (01-05) no longer caps the date told late: the applicant gets the hall's 5 working days
    /// after the notice's delivery day (01-05): 01-12; nothing is suspended before it has passed.
    @Test func aSupplementDeadlineToldLateIsNotCappedByAPromiseAlmostDue() throws {
        hall.clock.set("2026-12-28T09:00:00+08:00")
        let outcome = try tolerateCoreOnly(try #require(try hall.database.catalog().items.first {
            $0.toleranceAllowed && $0.promisedLimit == TimeLimit(5) && $0.allowedSiteLevels.contains(.district)
        }))
        let number = try #require(outcome.caseRecord?.number)
        hall.clock.set("2027-01-04T09:00:00+08:00")
        try load2027()
        let summary = try hall.database.sweepCases(by: hall.supervisor)
        #expect(summary.counted == [number] && summary.steps.isEmpty)
        let record = try hall.database.caseDetail(number: number).record
        #expect(record.promisedDue == CivilDate(year: 2027, month: 1, day: 5))
        #expect(record.supplementDue == CivilDate(year: 2027, month: 1, day: 12))
        hall.clock.set("2027-01-12T17:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
        hall.clock.set("2027-01-13T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.map(\.action) == [.suspend])
    }

    /// A sweep that runs long after a 容缺 deadline (cron stopped for months) suspends, and its letter's grace period
    /// runs from the day it is told, never a day already past; the same run does not terminate, and the next sweeps
    /// terminate only after that grace period.
    @Test func aSweepThatRunsLateNeverTellsAGraceDayAlreadyPast() throws {
        hall.clock.set("2026-03-02T09:00:00+08:00")
        let outcome = try tolerateCoreOnly(try tolerantItem(), supplementDays: 3)
        let number = try #require(outcome.caseRecord?.number)
        hall.clock.set("2026-06-01T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.map(\.action) == [.suspend])
        let calendar = try hall.database.workingCalendar()
        let told = try #require(CivilDate(year: 2026, month: 6, day: 1))
        let grace = try calendar.addingWorkingDays(15, to: told)
        let letter = try #require(try hall.database.caseDetail(number: number).documents.last { $0.kind == .suspensionNotice })
        let flat = letter.text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("请于\(grace.chineseText)前（含当日）补齐"), "\(letter.text)")
        hall.clock.set("\(grace)T17:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.isEmpty)
        hall.clock.set("\(try calendar.addingWorkingDays(1, to: grace))T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.map(\.action) == [.terminate])
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aWriteOnTheCaseCountsItsDeadlinesFirst() throws {
        hall.clock.set("2026-12-21T09:00:00+08:00")
        try stores.serve()
        let outcome = try hall.database.takeIn(try stores.request(try stores.item("企业设立登记"), in: [1, 2, 3, 4, 5, 6], decision: .accept),
                                               by: hall.clerk(1))
        let number = try #require(outcome.caseRecord?.number)
        #expect(outcome.caseRecord?.statutoryDue == nil)
        try load2027()
        let reviewed = try hall.database.act(onCase: number, .startReview, by: Actor(staff: "R01", terminal: .cli))
        #expect(reviewed.statutoryDue != nil)
        let event = try #require(try detail("case_deadlines_counted"))
        #expect(event.contains("\"by\":\"case_review_started\"") && event.contains("\"statutory_due\":"))
        #expect(!event.contains("promised_due"))  // known at intake: never recounted
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// A 容缺 case accepted before next year's schedule was loaded, its schedule loaded a week later: the supplement
    /// deadline is counted from the day of the recount (the day it is told), a 补齐材料期限告知书 tells it with the
    /// materials still out (its digest in its `document_issued` event), and the same sweep suspends nothing; the
    /// suspension comes only after the told date passed, citing it.
    @Test func aSupplementDeadlineCountedLateIsToldAndCountedFromTheDayItIsTold() throws {
        hall.clock.set("2026-12-31T09:00:00+08:00")
        let outcome = try tolerateCoreOnly(try tolerantItem(), supplementDays: 3)
        let number = try #require(outcome.caseRecord?.number)
        #expect(outcome.documents.first { $0.kind == .commitment }?.text.contains("窗口告知的期限") == true)

        // Loaded on Friday 2027-01-08: counted from acceptance it would be 01-06, already past.
        hall.clock.set("2027-01-08T09:00:00+08:00")
        try load2027()
        let summary = try hall.database.sweepCases(by: hall.supervisor)
        #expect(summary.counted == [number] && summary.steps.isEmpty)
        // The notice is listed for delivery: nobody handed it over at a window.
        #expect(summary.documents == [CaseSweepSummary.IssuedDocument(caseNumber: number, kind: .supplementDeadlineNotice)])
        var detail = try hall.database.caseDetail(number: number)
        // Delivered on 01-11, then 3 working days: 01-12, 01-13, 01-14.
        #expect(detail.record.supplementDue == CivilDate(year: 2027, month: 1, day: 14) && detail.record.state == .accepted)
        let notice = try #require(detail.documents.last { $0.kind == .supplementDeadlineNotice })
        #expect(notice.text.contains("补齐材料期限告知书") && notice.text.contains("2027年1月14日前（含当日）"))
        #expect(notice.text.contains("2027年1月8日") && notice.html.contains("补齐材料期限告知书"))
        #expect(notice.text.split(separator: "\n").allSatisfy { $0.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } <= 80 })
        let issued = try #require(try self.detail("document_issued"))
        #expect(issued.contains("supplementDeadlineNotice") && issued.contains(notice.digest))
        let counted = try #require(try self.detail("case_deadlines_counted"))
        #expect(counted.contains("\"supplement_from\":\"2027-01-11\"") && counted.contains("\"supplement_due\":\"2027-01-14\"")
                && counted.contains("\"told_on\":\"2027-01-08\""))

        // The told day passes: the next sweep suspends, and its letter cites the notice, not a promise.
        hall.clock.set("2027-01-15T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).steps.map(\.action) == [.suspend])
        detail = try hall.database.caseDetail(number: number)
        let suspension = try #require(detail.documents.last { $0.kind == .suspensionNotice })
        let flat = suspension.text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("经书面告知（补齐材料期限告知书，2027年1月8日），你（单位）应于2027年1月14日前补齐") && !flat.contains("承诺于"), "\(suspension.text)")
        #expect(try hall.database.verifyAudit().isIntact)
    }
}
