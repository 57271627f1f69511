import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The review findings on "materials received, checking" (art. 32): its receipt, a limit that cannot be counted, an
/// item whose list changed since, and deciding one already decided.
@Suite struct PendingIntakeFindingsTests {
    let hall: TestHall
    let stores: IntakeStoreTests
    init() throws { stores = try IntakeStoreTests(); hall = stores.hall }

    /// 材料接收凭证: the pending intake's receipt, kept with it, chained by its SM3 digest, reprinted by its number.
    @Test func aPendingIntakeIssuesAReceiptOfWhatWasReceivedAndByWhenItIsDecided() throws {
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(try stores.item("企业设立登记"), in: [1, 2], defective: [4: "未盖章"],
                                                                  decision: .pending), by: hall.clerk(1))
        #expect(pending.documents.map(\.kind) == [.intakeReceipt])
        let receipt = try #require(pending.documents.first)
        let flat = receipt.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(flat.contains("材料接收凭证") && flat.contains("HD-20260302-R000001") && flat.contains("1101**********002X"))
        #expect(!flat.contains(IntakeStoreTests.zhang))
        // Materials 1, 2 provided and 4 handed over defective: three received; 3, 5, 6 missing were not.
        #expect(flat.contains("共3项") && flat.contains("第1项") && flat.contains("第4项") && !flat.contains("第3项"))
        #expect(flat.contains("2026年3月9日前") && flat.contains("第三十二条") && flat.contains("自收到申请材料之日（2026年3月2日）起即为受理"))
        #expect(receipt.html.contains("材料接收凭证") && receipt.html.contains("@page { size: A4"))
        let issued = try hall.database.read { try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = 'document_issued'") }
        #expect(issued?.contains(receipt.digest) == true)
        #expect(try hall.database.caseDocument(number: pending.reference, kind: nil).digest == receipt.digest)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// A limit running into a year without a holiday schedule is said to be unknown, and counted once it can be.
    @Test func aDecideByThatCannotBeCountedSaysWhyAndIsCountedOnceTheScheduleIsLoaded() throws {
        hall.clock.set("2026-12-28T09:00:00+08:00")
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(try stores.item("企业设立登记"), in: [1, 2], decision: .pending), by: hall.clerk(1))
        #expect(pending.decideBy == nil && pending.decideByProblem == .scheduleNotLoaded(year: 2027))
        #expect(try hall.database.pendingIntakes().map(\.decideByProblem) == [.scheduleNotLoaded(year: 2027)])
        #expect(pending.documents.first?.text.contains("暂无法计算日期") == true)
        try hall.database.importHolidaySchedule(try HolidaySchedule(year: 2027, days: [
            .init(date: try CivilDate(parsing: "2027-01-01"), name: "元旦", isOffDay: true),
        ]), by: hall.admin)
        // 12-29, 12-30, 12-31, (01-01 off), 01-04, 01-05.
        let listed = try #require(try hall.database.pendingIntakes().first)
        #expect(listed.decideBy == CivilDate(year: 2027, month: 1, day: 5) && listed.decideByProblem == nil)
        hall.clock.set("2027-01-06T09:00:00+08:00")
        #expect(try hall.database.sweepCases(by: hall.supervisor).converted == ["HD-20261228-0001"])
    }

    /// The catalog's item lost a material after the intake was recorded: the intake still converts (art. 32), by
    /// the materials as recorded at receipt, and can still be decided by them.
    @Test func aPendingIntakeWhoseItemsListChangedConvertsByTheListRecordedAtReceipt() throws {
        let setUp = try stores.item("企业设立登记")
        try stores.serve()
        let first = try hall.database.takeIn(try stores.request(setUp, in: [1, 2], decision: .pending), by: hall.clerk(1))
        let second = try hall.database.takeIn(try stores.request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .pending), by: hall.clerk(1))
        var catalog = try hall.database.catalog()
        let index = try #require(catalog.items.firstIndex { $0.implementationCode == setUp.implementationCode })
        catalog.items[index].materials.removeLast()
        try hall.database.importCatalog(catalog, by: hall.admin)
        #expect(try hall.database.item(code: setUp.implementationCode)?.materials.count == 5)

        // Decided within the limit on the recorded six: the checklist as recorded keeps its length.
        let detail = try hall.database.pendingIntake(reference: second.reference)
        #expect(detail.item.materials.count == 6 && detail.checklist.entries.count == 6)
        let decided = try hall.database.decidePending(PendingDecision(reference: second.reference, decision: .accept), by: hall.clerk(1))
        #expect(decided.caseRecord?.number == "HD-20260302-0001")

        hall.clock.set("2026-03-10T09:00:00+08:00")
        let converted = try hall.database.sweepCases(by: hall.supervisor).converted
        #expect(converted == ["HD-20260302-0002"])
        let record = try hall.database.caseDetail(number: "HD-20260302-0002")
        #expect(record.materials.count == 6 && record.materials.filter { $0.status == .missing }.map(\.position) == [3, 4, 5, 6])
        #expect(try hall.database.pendingIntakes().isEmpty)
        _ = first
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// Deciding an intake decided already says how, when and the case: the window's look-up and the decision alike.
    @Test func anIntakeDecidedAlreadySaysHowWhenAndTheCase() throws {
        try stores.serve()
        let setUp = try stores.item("企业设立登记")
        let pending = try hall.database.takeIn(try stores.request(setUp, in: [1, 2], decision: .pending), by: hall.clerk(1))
        // Never pending at all: a notice taken at the window.
        let notice = try hall.database.takeIn(try stores.request(setUp, in: [1, 2], decision: .notice), by: hall.clerk(1))
        #expect(throws: IntakeError.alreadyDecided(notice.reference, how: .notice, on: CivilDate(year: 2026, month: 3, day: 2)!, case: nil)) {
            try hall.database.pendingIntake(reference: notice.reference)
        }
        hall.clock.set("2026-03-04T10:00:00+08:00")
        _ = try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .notice), by: hall.clerk(1))
        let decided = IntakeError.alreadyDecided(pending.reference, how: .notice, on: CivilDate(year: 2026, month: 3, day: 4)!, case: nil)
        #expect(throws: decided) { try hall.database.pendingIntake(reference: pending.reference) }
        #expect(throws: decided) {
            try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .accept), by: hall.clerk(1))
        }
        #expect(decided.message.en.contains("one-time notice on 2026-03-04"))
    }
}
