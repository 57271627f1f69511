import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The letters a case action issues, through the store on the demo hall (remedy organs 城东区人民政府 and 城东区人民法院):
/// each kept with the case, its SM3 digest in the `document_issued` event of the action's transaction, every line at
/// most 80 columns, and its content — the reasons, the remedies, the dates.
@Suite struct DecisionLetterTests {
    /// The case store's fixture: its demo hall and its `openCase` (a 企业设立登记 case — statutory 20 working days + 10,
    /// promised 1 — accepted on Monday 2026-03-02), its reviewer R01, approver C01 and deputy director D01.
    let store: CaseStoreTests
    let calendar: WorkingCalendar
    init() throws { store = try CaseStoreTests(); calendar = try WorkingCalendar.bundled() }

    var hall: TestHall { store.hall }
    var reviewer: Actor { store.reviewer }
    var approver: Actor { store.approver }
    var deputy: Actor { store.deputy }
    func openCase(missing: [Int] = []) throws -> String { try store.openCase(missing: missing) }
    func chainedKinds() throws -> [String] {
        try hall.database.read { db in try String.fetchAll(db, sql: "SELECT kind FROM hall_event ORDER BY id") }
    }

    /// The letter of that kind, its text flattened (a phrase may wrap anywhere), after checking its width and chain entry.
    func letter(_ number: String, _ kind: CaseDocumentKind) throws -> String {
        let document = try hall.database.caseDocument(number: number, kind: kind)
        for line in document.text.split(separator: "\n") {
            #expect(CaseDocumentText.columns(String(line)) <= CaseDocument.width, "\(kind): \(line)")
        }
        #expect(document.html.contains("@page { size: A4;") && document.html.contains(kind.label.zh))
        let chained = try hall.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM hall_event WHERE kind = 'document_issued'")
        }
        #expect(chained.contains { $0.contains("\"digest\":\"\(document.digest)\"") && $0.contains("\"kind\":\"\(kind.rawValue)\"") })
        return document.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    @Test func anApprovalIssuesTheLicenceDecisionAndTheResultItsServiceRecord() throws {
        let number = try openCase()
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合《市场主体登记管理条例》规定的条件"), by: approver)
        let text = try letter(number, .approvalDecision)
        #expect(text.contains("准予行政许可决定书") && text.contains("编号：\(number)") && text.contains("申请人：张三丰"))
        #expect(text.contains("身份证号码：1101**********002X") && !text.contains("11010519491231002X"))
        #expect(text.contains("第三十八条第一款") && text.contains("本机关决定准予行政许可"))
        #expect(text.contains("审批意见：符合《市场主体登记管理条例》规定的条件"))
        // Decided 2026-03-02: the licence within 10 working days, by 2026-03-16 (art. 44).
        #expect(text.contains("十个工作日内（2026年3月16日前）") && text.contains("第四十四条"))
        _ = try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        let record = try letter(number, .serviceRecord)
        #expect(record.contains("送达回证") && record.contains("受送达人：张三丰") && record.contains("送达文书：准予行政许可决定书及行政许可证件"))
        #expect(record.contains("送达日期：2026年3月2日") && record.contains("受送达人（签名或盖章）："))
        #expect(try hall.database.caseDetail(number: number).documents.map(\.kind) == [.acceptanceNotice, .approvalDecision, .serviceRecord])
    }

    @Test func aRejectionGivesItsReasonsAndTheRemediesWithTheOrgansNames() throws {
        let number = try openCase()
        _ = try hall.database.review(caseNumber: number, opinion: "经营范围涉及前置许可", by: reviewer)
        _ = try hall.database.act(onCase: number, .reject(reason: "经营范围含危险化学品经营，未取得前置许可"), by: approver)
        let text = try letter(number, .rejectionDecision)
        #expect(text.contains("不予行政许可决定书") && text.contains("理由如下：经营范围含危险化学品经营，未取得前置许可"))
        #expect(text.contains("第三十八条第二款") && text.contains("本机关决定不予行政许可"))
        #expect(text.contains("自收到本决定书之日起六十日内向城东区人民政府申请行政复议"))
        #expect(text.contains("自收到本决定书之日起六个月内依法向城东区人民法院提起行政诉讼"))
        _ = try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        #expect(try letter(number, .serviceRecord).contains("送达文书：不予行政许可决定书"))
    }

    @Test func anExtensionTellsTheReasonAndTheNewDeadlines() throws {
        let number = try openCase()
        _ = try hall.database.act(onCase: number, .extend(reason: "需现场核查经营场所"), by: deputy)
        let text = try letter(number, .extensionNotice)
        let accepted = CivilDate(year: 2026, month: 3, day: 2)!
        let statutory = try calendar.addingWorkingDays(30, to: accepted)
        let promised = try calendar.addingWorkingDays(11, to: accepted)
        #expect(text.contains("延长审批期限告知书") && text.contains("因下列原因，不能在法定期限内作出决定：需现场核查经营场所"))
        #expect(text.contains("经本机关负责人批准") && text.contains("第四十二条第一款") && text.contains("审批期限延长 10 个工作日") && !text.contains("延长10"))
        #expect(text.contains("法定期限：\(statutory.chineseText)前") && text.contains("承诺期限：\(promised.chineseText)前"))
    }

    @Test func theSweepSuspendsWithANoticeAndTerminatesWithAnother() throws {
        let number = try openCase(missing: [5])   // supplements due 2026-03-03; grace to 2026-03-24
        hall.clock.set("2026-03-06T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        let material = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" }?.materials[4].name)
        let suspended = try letter(number, .suspensionNotice)
        #expect(suspended.contains("中止办理告知书") && suspended.contains("承诺于2026年3月3日前补齐的下列材料，逾期未补齐"))
        #expect(suspended.contains(material) && suspended.contains("自2026年3月4日起中止办理"))
        #expect(suspended.contains("请于2026年3月24日前（含当日）补齐上述材料") && suspended.contains("终止办理"))
        // Dated the day it was issued (the sweep ran on the 6th).
        #expect(suspended.hasSuffix("2026年3月6日"))
        hall.clock.set("2026-03-26T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        let terminated = try letter(number, .terminationNotice)
        #expect(terminated.contains("终止办理告知书") && terminated.contains("自2026年3月25日起终止办理"))
        #expect(terminated.contains(CaseSweep.terminationReason.zh) && terminated.contains("尚未补齐的材料：") && terminated.contains(material))
        #expect(terminated.contains("六十日内向城东区人民政府申请行政复议") && terminated.contains("重新提出申请"))
    }

    @Test func aResumptionIssuesItsNoticeWithTheNewDeadlines() throws {
        let number = try openCase()
        _ = try hall.database.act(onCase: number, .suspend(.expertReview), by: hall.supervisor)
        #expect(try letter(number, .suspensionNotice).contains("恢复后的期限另行告知"))
        hall.clock.set("2026-03-09T09:00:00+08:00")
        _ = try hall.database.act(onCase: number, .resume, by: hall.supervisor)
        #expect(try chainedKinds().suffix(2) == ["case_resumed", "document_issued"])
        let record = try hall.database.caseDetail(number: number).record
        let statutory = try #require(record.statutoryDue), promised = try #require(record.promisedDue)
        // Suspended on 2 Mar, resumed on 9 Mar: 3, 4, 5, 6 and 9 March not counted (as `CaseClock.suspendedWorkingDays` counts).
        #expect(record.suspendedWorkingDays == 5)
        let text = try letter(number, .resumptionNotice)
        #expect(text.contains("恢复办理告知书") && text.contains("自2026年3月2日起因需要专家评审中止办理。现专家评审已结束，本机关自2026年3月9日起恢复办理。"))
        #expect(text.contains("中止办理共5个工作日") && text.contains("第四十五条"))
        #expect(text.contains("法定期限：\(statutory.chineseText)前") && text.contains("承诺期限：\(promised.chineseText)前"))
        #expect(try hall.database.caseDetail(number: number).documents.map(\.kind) == [.acceptanceNotice, .suspensionNotice, .resumptionNotice])
    }

    /// The last overdue material recorded resumes the case in the same write (as the sweep's rule), with its notice.
    @Test func theResumptionAfterTheSupplementsIssuesTheNoticeToo() throws {
        let number = try openCase(missing: [5])
        hall.clock.set("2026-03-05T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        hall.clock.set("2026-03-06T09:00:00+08:00")
        _ = try hall.database.act(onCase: number, .supplement(materialPosition: 5), by: hall.clerk(1))
        let text = try letter(number, .resumptionNotice)
        #expect(text.contains("自2026年3月4日起因容缺材料逾期未补齐中止办理。你（单位）已补齐全部材料，本机关自2026年3月6日起恢复办理。"))
        #expect(text.contains("中止办理共2个工作日"))
    }

    @Test func noExtensionWhileTheExtendedDeadlineCannotBeCounted() throws {
        // Accepted on 1 Dec 2026: 20 working days end in December, 10 more run into 2027, whose schedule is not loaded.
        hall.clock.set("2026-12-01T09:00:00+08:00")
        let number = try openCase()
        let before = try hall.eventCount()
        #expect(throws: CaseRuleError.extendedDeadlineUnknown(.scheduleNotLoaded(year: 2027))) {
            try hall.database.act(onCase: number, .extend(reason: "需现场核查经营场所"), by: deputy)
        }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.caseDetail(number: number).documents.map(\.kind) == [.acceptanceNotice])
        #expect(CaseRuleError.extendedDeadlineUnknown(.scheduleNotLoaded(year: 2027)).message.zh.contains("2027 年节假日安排未导入"))
    }

    @Test func anItemThatIsNotALicenceGetsItsOwnLetters() throws {
        let number = try store.hall.openCase(item: "特困人员认定")
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合特困人员认定条件"), by: approver)
        _ = try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        let documents = try hall.database.caseDetail(number: number).documents.map(\.kind)
        #expect(documents == [.acceptanceNotice, .approvalDecision, .serviceRecord])
        for kind in documents {
            let text = try hall.database.caseDocument(number: number, kind: kind).text
            #expect(!text.contains("许可") && !text.contains("第三十二条"), "\(kind): \(text)")
        }
        let approval = try hall.database.caseDocument(number: number, kind: .approvalDecision).text
        #expect(approval.contains("准予办理决定书") && approval.contains("《社会救助暂行办法》第十四条"))
        #expect(try hall.database.caseDocument(number: number, kind: .serviceRecord).text.contains("送达文书：准予办理决定书及办理结果"))
        // Lists (case show, the case screen) name it as printed, not as a licence.
        #expect(try hall.database.caseDetail(number: number).documents.map(\.label.zh) == ["受理通知书", "准予办理决定书", "送达回证"])
    }

    /// Approved while a 容缺 material is still out: the letter lists it and holds the licence back until it comes,
    /// instead of promising a delivery date the rules will not let the hall keep.
    @Test func anApprovalWithMaterialsStillOutHoldsTheLicenceBack() throws {
        let number = try openCase(missing: [5])
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合法定条件"), by: approver)
        let text = try letter(number, .approvalDecision)
        #expect(text.contains("容缺受理时承诺补齐的下列材料尚未补齐") && text.contains("方予颁发、送达行政许可证件"), "\(text)")
        #expect(!text.contains("十个工作日内"))
    }

    /// Approved while a 容缺 material was out, still out after the supplement deadline: the sweep flags it for a
    /// supervisor and writes no 中止办理告知书; the material brought later needs no 恢复办理告知书 — the case was never
    /// suspended, it stays approved and its flag is lifted (docs/cases.md "Fix9d decisions").
    @Test func aDecidedCaseWhoseMaterialIsLateIsFlaggedWithoutALetter() throws {
        let number = try openCase(missing: [5])
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合法定条件"), by: approver)
        hall.clock.set("2026-03-05T09:00:00+08:00")
        let summary = try hall.database.sweepCases(by: hall.supervisor)
        #expect(summary.flagged.map(\.caseNumber) == [number] && summary.steps.isEmpty && summary.documents.isEmpty)
        #expect(try hall.database.caseDetail(number: number).record.supplementOverdueFlaggedOn?.description == "2026-03-05")
        hall.clock.set("2026-03-06T09:00:00+08:00")
        let record = try hall.database.act(onCase: number, .supplement(materialPosition: 5), by: hall.clerk(1))
        #expect(record.state == .approved && record.supplementOverdueFlaggedOn == nil)
        #expect(throws: (any Error).self) { try letter(number, .resumptionNotice) }
        #expect(throws: (any Error).self) { try letter(number, .suspensionNotice) }
    }

    @Test func aSuspensionForAHearingCitesArticle45() throws {
        let number = try openCase()
        _ = try hall.database.act(onCase: number, .suspend(.hearing), by: hall.supervisor)
        let text = try letter(number, .suspensionNotice)
        #expect(text.contains("因需要听证，本机关自2026年3月2日起中止办理") && text.contains("第四十五条") && text.contains("不计算在审批期限内"))
        #expect(!text.contains("逾期未补齐"))
    }
}
