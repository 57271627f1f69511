import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// `HallDatabase.takeIn` on the demo hall: the applicant, the intake, the case with its number and deadlines,
/// the documents and the events, all in one transaction; the art. 32 conversion of pending intakes.
@Suite struct IntakeStoreTests {
    static let zhang = "11010519491231002X"

    /// A valid resident ID number from its first 17 digits.
    static func residentID(_ first17: String) -> String {
        first17 + String(ResidentID.checkCharacter(forDigits: first17.compactMap(\.wholeNumberValue)))
    }

    let hall: TestHall
    init() throws { hall = try TestHall() }

    func item(_ name: String) throws -> CatalogItem {
        try #require(try hall.database.catalog().items.first { $0.name == name })
    }

    /// A001… issued, called and started at window 1 (S01).
    @discardableResult
    func serve() throws -> Ticket {
        let ticket = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        return try hall.database.start(window: 1, by: hall.clerk(1))
    }

    func request(_ item: CatalogItem, ticket: String = "A001", in positions: [Int], defective: [Int: String] = [:],
                 decision: IntakeDecisionKind, id: String = zhang, refusal: RefusalReason? = nil,
                 supplementDays: Int? = nil) throws -> IntakeRequest {
        var checklist = IntakeChecklist.initial(for: item)
        for p in positions { checklist[p] = ChecklistEntry(.provided) }
        for (p, note) in defective { checklist[p] = ChecklistEntry(.defective, note: note) }
        let applicant = try ApplicantInput.person(name: "张三丰", residentID: id, phone: "13800000000",
                                                  today: CivilDate(year: 2026, month: 3, day: 2)!)
        return IntakeRequest(ticketCode: ticket, itemCode: item.implementationCode, applicant: applicant, checklist: checklist,
                             decision: decision, refusal: refusal, reason: refusal == nil ? nil : "区住建局",
                             supplementDays: supplementDays)
    }

    @Test func anAcceptanceOpensACaseWithItsNumberDeadlinesNoticeAndEvents() throws {
        let setUp = try item("企业设立登记")
        try serve()
        let before = try hall.eventCount()
        let outcome = try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        let record = try #require(outcome.caseRecord)
        #expect(record.number == "HD-20260302-0001")
        #expect(record.state == .accepted && !record.tolerated)
        #expect(record.statutoryDue == CivilDate(year: 2026, month: 3, day: 30))
        #expect(record.promisedDue == CivilDate(year: 2026, month: 3, day: 3))
        #expect(record.supplementDue == nil)
        #expect(outcome.documents.map(\.kind) == [.acceptanceNotice])
        let notice = try #require(outcome.documents.first)
        #expect(notice.digest == Hex.encode(try SM3.hash(Array(notice.text.utf8))))
        #expect(notice.text.contains("HD-20260302-0001") && notice.text.contains("2026年3月30日前") && notice.text.contains("1101**********002X"))
        #expect(!notice.text.contains(Self.zhang))
        // intake_decided, case_opened, document_issued: one transaction, one chain.
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE id > ? ORDER BY id", arguments: [before]) }
        #expect(kinds == ["intake_decided", "case_opened", "document_issued"])
        let issued = try hall.database.read { try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = 'document_issued'") }
        #expect(issued?.contains(notice.digest) == true)
        #expect(try hall.database.verifyAudit().isIntact)

        // The same ticket may open a second case; the day's sequence goes on; the applicant is found again.
        let second = try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        #expect(second.caseRecord?.number == "HD-20260302-0002")
        #expect(second.applicant.id == outcome.applicant.id)
        #expect(try hall.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM applicant") } == 1)

        let detail = try hall.database.caseDetail(number: "hd-20260302-0001")
        #expect(detail.ticketCode == "A001" && detail.materials.count == 6 && detail.workingDaysLeft == 1)
        #expect(detail.light == .light(.yellow, workingDaysLeft: 1))
        #expect(detail.events.map(\.kind) == ["intake_decided", "case_opened", "document_issued"])
    }

    /// The kept text is sealed by the chain: an edit on the file (text alone, or text and digest column together)
    /// is named by `audit verify` and refused by a reprint; a deleted document and one inserted by hand too.
    @Test func aDocumentChangedOnTheFileIsNamedByVerifyAndNotReprinted() throws {
        try serve()
        let outcome = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        let number = try #require(outcome.caseRecord?.number)
        #expect(try hall.database.caseDocument(number: number, kind: .acceptanceNotice).text == outcome.documents.first?.text)
        func onTheFile(_ sql: String) throws {
            let queue = try DatabaseQueue(path: hall.path)
            try queue.write { try $0.execute(sql: sql) }
            try queue.close()
        }
        try onTheFile("UPDATE case_document SET text = replace(text, '受理', '不予受理')")
        #expect(try hall.database.verifyAudit().documentMismatches.map(\.reason) == [.changed])
        #expect(throws: DocumentAlteredError.self) { try hall.database.caseDocument(number: number, kind: .acceptanceNotice) }
        // The digest column rewritten to match the new text: the chain's digest still differs.
        let forged = Hex.encode(try SM3.hash(Array(try hall.database.caseDetail(number: number).documents[0].text.utf8)))
        try onTheFile("UPDATE case_document SET digest = '\(forged)'")
        let changed = try hall.database.verifyAudit()
        #expect(changed.documentMismatches == [.init(documentID: outcome.documents[0].id, kind: "acceptanceNotice", caseNumber: number, reason: .changed)])
        #expect(!changed.isIntact && changed.brokenLinks.isEmpty)
        #expect(throws: DocumentAlteredError.self) { try hall.database.caseDocument(number: number, kind: .acceptanceNotice) }
        try onTheFile("""
            INSERT INTO case_document(intake_id, case_id, kind, issued_at, text, html, digest)
            SELECT intake_id, case_id, kind, issued_at + 1, text, html, digest FROM case_document
            """)
        try onTheFile("DELETE FROM case_document WHERE id = \(outcome.documents[0].id)")
        #expect(try hall.database.verifyAudit().documentMismatches.map(\.reason) == [.noEvent, .noRow])
    }

    @Test func anApplicantCannotBeTheirOwnAuthorisedAgent() throws {
        try serve()
        var request = try request(try item("企业设立登记"), in: [1, 2, 3, 4, 5, 6], decision: .accept)
        request.representative = try Representative.authorisedAgent(name: "张三丰", residentID: Self.zhang, authorisation: "委托书",
                                                                   today: CivilDate(year: 2026, month: 3, day: 2)!)
        let before = try hall.eventCount()
        #expect(throws: IntakeError.agentIsTheApplicant) { try hall.database.takeIn(request, by: hall.clerk(1)) }
        #expect(try hall.eventCount() == before)
    }

    @Test func theRedListSeeksTheStateAndPromisedDeadlineIndex() throws {
        let plan = try hall.database.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id FROM hall_case
                WHERE state IN ('accepted', 'underReview', 'underApproval') AND promised_due < ? ORDER BY promised_due
                """, arguments: ["2026-03-02"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("INDEX hall_case_state_due (state=? AND promised_due<?)") }, "\(plan)")
    }

    @Test func theHallCodeSettingStartsTheNumber() throws {
        var settings = try hall.database.settings()
        settings.hallCode = "QX"
        try hall.database.updateSettings(settings, by: hall.admin)
        try serve()
        let outcome = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        #expect(outcome.caseRecord?.number == "QX-20260302-0001")
    }

    @Test func toleranceCapsTheSupplementDeadlineByThePromisedOneAndIssuesNoticeAndCommitment() throws {
        // 企业设立登记: promised 1 working day, so 5 supplement days are capped at the promised deadline.
        try serve()
        let outcome = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3, 4], defective: [5: "租赁合同未盖章"],
                                                           decision: .tolerate), by: hall.clerk(1))
        let record = try #require(outcome.caseRecord)
        #expect(record.tolerated && record.supplementDue == CivilDate(year: 2026, month: 3, day: 3))
        #expect(outcome.documents.map(\.kind) == [.toleranceNotice, .commitment])
        let commitment = outcome.documents[1].text
        #expect(commitment.contains("第一联　申请人留存") && commitment.contains("第二联　存档"))
        // Each copy on its own page from `lp`: a form feed between them.
        #expect(commitment.split(separator: "\u{0C}").count == 2)
        // Materials by their number in the item's list (as `case supplement --material 5` takes them), not 1, 2.
        #expect(outcome.documents[0].text.contains("第5项 ") && !outcome.documents[0].text.contains("  1. "))
        for text in outcome.documents.map(\.text) {
            #expect(text.contains("住所使用证明") && text.contains("租赁合同未盖章") && text.contains("指定代表或者共同委托代理人授权委托书"))
        }
        // More days than the hall's setting are refused.
        #expect(throws: CaseRuleError.supplementDaysTooMany(requested: 9, allowed: 5)) {
            try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3], decision: .tolerate, supplementDays: 9), by: hall.clerk(1))
        }
    }

    @Test func aSupplementDeadlineWithinThePromisedOneIsKept() throws {
        // 工伤认定-like items are not tolerant; find one with a longer promised limit that allows 容缺.
        let tolerant = try #require(try hall.database.catalog().items.first {
            $0.toleranceAllowed && $0.promisedLimit.count >= 10 && $0.promisedLimit.unit == .workingDays && $0.allowedSiteLevels.contains(.district)
        })
        try serve()
        let core = tolerant.materials.indices.filter { tolerant.materials[$0].kind == .core }.map { $0 + 1 }
        let outcome = try hall.database.takeIn(try request(tolerant, in: core, decision: .tolerate, supplementDays: 3), by: hall.clerk(1))
        // 3 working days after Monday 2026-03-02.
        #expect(outcome.caseRecord?.supplementDue == CivilDate(year: 2026, month: 3, day: 5))
    }

    @Test func theOneTimeNoticeListsEveryOutstandingMaterialAndOpensNoCase() throws {
        let setUp = try item("企业设立登记")
        try serve()
        let outcome = try hall.database.takeIn(try request(setUp, in: [1, 4], defective: [2: "章程未签字"], decision: .notice), by: hall.clerk(1))
        #expect(outcome.caseRecord == nil && outcome.reference == "HD-20260302-R000001")
        let text = try #require(outcome.documents.first?.text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for p in [2, 3, 5, 6] { #expect(text.contains(setUp.materials[p - 1].name), "\(p)") }
        #expect(!text.contains("公司登记（备案）申请书（"))
        #expect(text.contains("章程未签字") && text.contains("第三十二条第一款第（四）项") && text.contains("2026年3月2日"))
        #expect(try hall.database.caseDocument(number: outcome.reference, kind: .oneTimeNotice).digest == outcome.documents[0].digest)
        // Everything in: the notice is not possible (accept instead).
        #expect(throws: IntakeError.notPossible(.notice, [.nothingOutstanding])) {
            try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .notice), by: hall.clerk(1))
        }
    }

    @Test func aRefusalNeedsItsReasonAndStatesTheRemedies() throws {
        let setUp = try item("企业设立登记")
        try serve()
        #expect(throws: IntakeError.refusalNeedsReason) { try hall.database.takeIn(try request(setUp, in: [], decision: .refuse), by: hall.clerk(1)) }
        // The reason's key alone is not enough: the letter must say which organ to apply to.
        var bare = try request(setUp, in: [], decision: .refuse, refusal: .notThisOrgan)
        bare.reason = nil
        #expect(throws: IntakeError.refusalNeedsReason) { try hall.database.takeIn(bare, by: hall.clerk(1)) }
        let outcome = try hall.database.takeIn(try request(setUp, in: [], decision: .refuse, refusal: .notThisOrgan), by: hall.clerk(1))
        let text = try #require(outcome.documents.first?.text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(outcome.documents.map(\.kind) == [.refusalDecision])
        #expect(text.contains("六十日内") && text.contains("六个月内") && text.contains("行政复议"))
        // Not this organ's: the particulars name where to apply (art. 32 (1)(2)).
        #expect(text.contains("本机关决定不予受理。请向区住建局申请。"), "\(text)")
    }

    @Test func aRefusalAtASiteThatDoesNotHandleTheItemSaysWhereItIsHandled() throws {
        var settings = try hall.database.settings()
        settings.siteLevel = .villageStation
        try hall.database.updateSettings(settings, by: hall.admin)
        try serve()
        var refusal = try request(try item("企业设立登记"), in: [1, 2], decision: .refuse, refusal: .notThisOrgan)
        refusal.reason = "村站不受理企业登记"
        let outcome = try hall.database.takeIn(refusal, by: hall.clerk(1))
        let text = try #require(outcome.documents.first?.text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(text.contains("职权范围（村站不受理企业登记）。") && text.contains("本事项由区级政务服务机构办理，请向其申请。"), "\(text)")
    }

    @Test func aDecisionTheRuleRefusesWritesNothing() throws {
        try serve()
        let before = try hall.eventCount()
        #expect(throws: IntakeError.notPossible(.accept, [.materialsOutstanding([4, 5, 6])])) {
            try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3], decision: .accept), by: hall.clerk(1))
        }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM applicant") } == 0)
    }

    @Test func onlyWhileServedAndOnlyByTheWindowsClerkOrASupervisor() throws {
        let setUp = try item("企业设立登记")
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        #expect(throws: IntakeError.ticketNotServed(code: "A001", state: .called)) {
            try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        }
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        #expect(throws: AccessError.self) {
            try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(2))
        }
        #expect(try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.supervisor).caseRecord != nil)
    }

    @Test func aFlaggedApplicantCannotBeAcceptedWithDeficiency() throws {
        let setUp = try item("企业设立登记")
        try serve()
        _ = try hall.database.takeIn(try request(setUp, in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        #expect(throws: AccessError.self) {
            try hall.database.flagApplicant(kind: .person, number: Self.zhang, reason: "虚假承诺", by: hall.clerk(2))
        }
        // A flag records a decision already made: never dated ahead (it would bar 容缺 at once all the same).
        #expect(throws: ApplicantError.flagDateInFuture(on: CivilDate(year: 2026, month: 3, day: 3)!, today: CivilDate(year: 2026, month: 3, day: 2)!)) {
            try hall.database.flagApplicant(kind: .person, number: Self.zhang, reason: "虚假承诺", on: CivilDate(year: 2026, month: 3, day: 3)!,
                                            by: hall.supervisor)
        }
        // Nor before the credit system existed (a slip such as 0001-01-01).
        #expect(throws: ApplicantError.flagDateTooEarly(on: CivilDate(year: 1, month: 1, day: 1)!, earliest: CivilDate(year: 2014, month: 1, day: 1)!)) {
            try hall.database.flagApplicant(kind: .person, number: Self.zhang, reason: "虚假承诺", on: CivilDate(year: 1, month: 1, day: 1)!,
                                            by: hall.supervisor)
        }
        let flagged = try hall.database.flagApplicant(kind: .person, number: Self.zhang.lowercased(), reason: "虚假承诺", by: hall.supervisor)
        #expect(flagged.flag == Applicant.CreditFlag(on: CivilDate(year: 2026, month: 3, day: 2)!, reason: "虚假承诺"))
        #expect(throws: ApplicantError.alreadyFlagged("1101**********002X")) {
            try hall.database.flagApplicant(kind: .person, number: Self.zhang, reason: "again", by: hall.supervisor)
        }
        #expect(throws: IntakeError.notPossible(.tolerate, [.applicantFlagged])) {
            try hall.database.takeIn(try request(setUp, in: [1, 2, 3], decision: .tolerate), by: hall.clerk(1))
        }
        #expect(try hall.database.unflagApplicant(kind: .person, number: Self.zhang, reason: "信用修复", by: hall.supervisor).flag == nil)
        #expect(try hall.database.takeIn(try request(setUp, in: [1, 2, 3], decision: .tolerate), by: hall.clerk(1)).caseRecord?.tolerated == true)
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE kind LIKE 'applicant_%' ORDER BY id") }
        #expect(kinds == ["applicant_flagged", "applicant_unflagged"])
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aNaturalDayDeadlineEndingOnAWeekendMovesToTheNextWorkingDay() throws {
        // 建设工程竣工验收备案: 15 and 5 natural days. Monday 2026-03-02 + 5 = Saturday 03-07 → Monday 03-09.
        try serve()
        let filing = try item("建设工程竣工验收备案")
        let outcome = try hall.database.takeIn(try request(filing, in: Array(1...filing.materials.count), decision: .accept), by: hall.clerk(1))
        #expect(outcome.caseRecord?.promisedDue == CivilDate(year: 2026, month: 3, day: 9))
        #expect(outcome.caseRecord?.statutoryDue == CivilDate(year: 2026, month: 3, day: 17))
    }

    @Test func deadlinesAcrossTheSpringFestivalCountItsMakeUpWorkingDays() throws {
        // Thursday 2026-02-12: 02-13 and the make-up Saturday 02-14 count, 02-15…23 do not, nor does the
        // acceptance day; 02-28 (make-up Saturday) counts. 20 working days → 2026-03-18.
        hall.clock.set("2026-02-12T09:00:00+08:00")
        try serve()
        let outcome = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3], decision: .tolerate), by: hall.clerk(1))
        #expect(outcome.caseRecord?.statutoryDue == CivilDate(year: 2026, month: 3, day: 18))
        #expect(outcome.caseRecord?.promisedDue == CivilDate(year: 2026, month: 2, day: 13))
        #expect(outcome.caseRecord?.supplementDue == CivilDate(year: 2026, month: 2, day: 13))
        let pending = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1], decision: .pending), by: hall.clerk(1))
        #expect(pending.decideBy == CivilDate(year: 2026, month: 2, day: 26))
    }

    @Test func aNaturalDayDeadlineEndingInNationalDayMovesPastIt() throws {
        // Monday 2026-09-28 + 5 days = Saturday 10-03, inside the holiday (10-01…07): the 8th.
        hall.clock.set("2026-09-28T09:00:00+08:00")
        try serve()
        let filing = try item("建设工程竣工验收备案")
        let outcome = try hall.database.takeIn(try request(filing, in: Array(1...filing.materials.count), decision: .accept), by: hall.clerk(1))
        #expect(outcome.caseRecord?.promisedDue == CivilDate(year: 2026, month: 10, day: 8))
        #expect(outcome.caseRecord?.statutoryDue == CivilDate(year: 2026, month: 10, day: 13))
    }

    @Test func aDeadlineIntoAYearWithoutASchedulIsUnknownNotGuessed() throws {
        hall.clock.set("2026-12-21T09:00:00+08:00")
        try serve()
        let outcome = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2, 3, 4, 5, 6], decision: .accept), by: hall.clerk(1))
        #expect(outcome.caseRecord?.statutoryDue == nil)
        #expect(outcome.caseRecord?.promisedDue == CivilDate(year: 2026, month: 12, day: 22))
        #expect(outcome.deadlineProblem == .scheduleNotLoaded(year: 2027))
        #expect(outcome.documents.first?.text.contains("无法计算（节假日安排未导入）") == true)
    }

    @Test func aPendingIntakeUndecidedAfterFiveWorkingDaysBecomesAnAcceptanceDatedTheArrivalDay() throws {
        try serve()
        let pending = try hall.database.takeIn(try request(try item("企业设立登记"), in: [1, 2], decision: .pending), by: hall.clerk(1))
        #expect(pending.caseRecord == nil && pending.documents.map(\.kind) == [.intakeReceipt])
        #expect(pending.decideBy == CivilDate(year: 2026, month: 3, day: 9))
        #expect(try hall.database.pendingIntakes().map(\.decideBy) == [CivilDate(year: 2026, month: 3, day: 9)])
        // On the last day it is still pending.
        hall.clock.set("2026-03-09T16:00:00+08:00")
        #expect(try hall.database.convertOverduePendingIntakes(by: hall.supervisor).isEmpty)
        hall.clock.set("2026-03-10T09:00:00+08:00")
        #expect(throws: AccessError.self) { try hall.database.convertOverduePendingIntakes(by: hall.admin) }
        let converted = try hall.database.convertOverduePendingIntakes(by: hall.supervisor)
        #expect(converted.map(\.number) == ["HD-20260302-0001"])
        #expect(converted.first?.acceptedOn == CivilDate(year: 2026, month: 3, day: 2))
        #expect(converted.first?.statutoryDue == CivilDate(year: 2026, month: 3, day: 30))
        #expect(try hall.database.pendingIntakes().isEmpty)
        // Idempotent: a second run finds nothing.
        #expect(try hall.database.convertOverduePendingIntakes(by: hall.supervisor).isEmpty)
        let actor = try hall.database.read { try String.fetchOne($0, sql: "SELECT actor FROM hall_event WHERE kind = 'case_opened'") }
        #expect(actor == "@system")
        #expect(try hall.database.caseDocument(number: "HD-20260302-0001", kind: .acceptanceNotice).text.contains("2026年3月2日"))
        #expect(try hall.database.verifyAudit().isIntact)
    }
}

/// Deciding a "received, checking" intake within its 5 working days (art. 32).
@Suite struct PendingDecisionTests {
    let hall: TestHall
    let stores: IntakeStoreTests
    init() throws { stores = try IntakeStoreTests(); hall = stores.hall }

    @Test func theRecordingClerkDecidesWithinFiveWorkingDaysAndAnAcceptanceIsDatedThatDay() throws {
        let setUp = try stores.item("企业设立登记")
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(setUp, in: [1, 2], decision: .pending), by: hall.clerk(1))
        #expect(pending.reference == "HD-20260302-R000001")
        hall.clock.set("2026-03-05T10:00:00+08:00")
        // Another clerk may not; the rule applies as at the window (core materials are still missing).
        #expect(throws: AccessError.self) {
            try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .notice), by: hall.clerk(2))
        }
        #expect(throws: IntakeError.notPossible(.accept, [.materialsOutstanding([3, 4, 5, 6])])) {
            try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .accept), by: hall.clerk(1))
        }
        let checked = IntakeChecklist(setUp.materials.map { _ in ChecklistEntry(.provided) })
        let outcome = try hall.database.decidePending(PendingDecision(reference: "hd-20260302-r000001", decision: .accept, checklist: checked),
                                                      by: hall.clerk(1))
        let record = try #require(outcome.caseRecord)
        #expect(record.number == "HD-20260305-0001" && record.acceptedOn == CivilDate(year: 2026, month: 3, day: 5))
        #expect(outcome.documents.map(\.kind) == [.acceptanceNotice])
        let detail = try hall.database.caseDetail(number: record.number)
        #expect(detail.ticketCode == "A001" && detail.materials.allSatisfy { $0.status == .provided })
        #expect(try hall.database.pendingIntakes().isEmpty)
        #expect(throws: IntakeError.alreadyDecided("HD-20260302-R000001", how: .accept, on: CivilDate(year: 2026, month: 3, day: 5)!, case: "HD-20260305-0001")) {
            try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .notice), by: hall.clerk(1))
        }
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func afterFiveWorkingDaysItIsAlreadyAnAcceptanceFromTheArrivalDay() throws {
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(try stores.item("企业设立登记"), in: [1, 2], decision: .pending), by: hall.clerk(1))
        hall.clock.set("2026-03-10T09:00:00+08:00")
        #expect(throws: IntakeError.convertedByLaw(pending.reference, case: "HD-20260302-0001")) {
            try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .notice), by: hall.supervisor)
        }
        // The refusal rolled back the conversion with it; the next write that looks converts it for good.
        #expect(try hall.database.convertOverduePendingIntakes(by: hall.supervisor).map(\.number) == ["HD-20260302-0001"])
        // Its notice says the law accepted it (art. 32 (4)), not that the materials were complete, and lists what was not in.
        let notice = try hall.database.caseDocument(number: "HD-20260302-0001", kind: .acceptanceNotice).text
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(notice.contains("第一款第（四）项") && notice.contains("自收到申请材料之日起即为受理") && !notice.contains("申请材料齐全"))
        #expect(notice.contains("第3项") && notice.contains("第6项"))
    }

    /// A registration number is checked whole: a mistyped date or hall code never decides another intake.
    @Test func aMistypedRegistrationNumberNamesNoIntake() throws {
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(try stores.item("企业设立登记"), in: [1, 2], decision: .pending), by: hall.clerk(1))
        #expect(pending.reference == "HD-20260302-R000001")
        for typo in ["HD-20990101-R000001", "QX-20260302-R000001"] {
            #expect(throws: IntakeError.unknownIntake(typo)) {
                try hall.database.decidePending(PendingDecision(reference: typo, decision: .notice), by: hall.clerk(1))
            }
            #expect(throws: IntakeError.unknownIntake(typo)) { try hall.database.caseDocument(number: typo, kind: nil) }
        }
    }

    @Test func aNoticeOnAPendingIntakeListsWhatIsStillMissing() throws {
        let setUp = try stores.item("企业设立登记")
        try stores.serve()
        let pending = try hall.database.takeIn(try stores.request(setUp, in: [1, 2], decision: .pending), by: hall.clerk(1))
        let outcome = try hall.database.decidePending(PendingDecision(reference: pending.reference, decision: .notice), by: hall.supervisor)
        #expect(outcome.caseRecord == nil && outcome.reference == pending.reference)
        let text = try #require(outcome.documents.first?.text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for p in 3...6 { #expect(text.contains(setUp.materials[p - 1].name)) }
    }
}
