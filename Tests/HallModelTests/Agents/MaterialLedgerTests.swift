import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The material handover ledger (材料交接台账) on the demo hall: a 代办 job from the applicant's handover to the agent,
/// the filing at a window, the originals back, the result handed back, the ledger balanced and the job closed; a case
/// that cannot close while an original is out; who may record; the receipt sealed in the chain.
@Suite struct MaterialLedgerTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var agent: Actor { Actor(staff: "P03", terminal: .cli) }
    var reviewer: Actor { Actor(staff: "R01", terminal: .cli) }
    var approver: Actor { Actor(staff: "C01", terminal: .cli) }

    func item() throws -> CatalogItem { try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" }) }

    /// A 代办 job for 张三丰, assigned to P03 (by a supervisor, as the assignment would).
    func fullProxyJob() throws -> ProxyJob {
        let request = try ProxyJobRequest(mode: .fullProxy, origin: .reception, applicant: try ProxyJobStoreTests.zhang(),
                                          itemCode: try item().implementationCode, authorisation: "委托办理企业设立登记，2026-03-01")
        let job = try hall.database.openProxyJob(request, by: hall.supervisor)
        try hall.database.perform { db in
            try HallDatabase.recordAssignment(db, jobID: job.id, agent: "P03", how: .manual, reason: nil, by: "M01", now: hall.clock.now)
        }
        return try #require(try hall.database.proxyJob(number: job.number))
    }

    /// P03 files the job's case at window 1 as the applicant's representative.
    func fileCase() throws -> CaseRecord {
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.start(window: 1, by: hall.clerk(1))
        let item = try item()
        let outcome = try hall.database.takeIn(IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode, applicant: try ProxyJobStoreTests.zhang(),
            representative: Representative(kind: .proxyAgent, name: "代办员", idNumber: "P03"),
            checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept), by: hall.clerk(1))
        return try #require(outcome.caseRecord)
    }

    func decide(_ number: String) throws {
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: reviewer)
        _ = try hall.database.act(onCase: number, .approve(reason: "符合条件"), by: approver)
    }

    @Test func aFullProxyJobGoesFromTheApplicantToTheWindowAndBackBalanced() throws {
        let job = try fullProxyJob()
        let events = try hall.eventCount()
        // The applicant hands materials 1 and 2 (originals) and a copy of 3 to the agent, before the case is filed: the
        // names come from the item's published list.
        let given = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .applicant, to: .agent,
            lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2)), MaterialLineInput(.listed(3), form: .copy, copies: 2)]), by: agent)
        #expect(given.number == "JJ-20260302-0001" && given.caseNumber == nil && given.lines.count == 3)
        let p03 = try hall.database.staffMember("P03").name
        #expect(given.fromName == "张*丰" && given.toName == p03)
        #expect(try hall.eventCount() == events + 1)
        #expect(MaterialLedger.originalsOut(try hall.database.materialLedger(jobNumber: job.number)).map(\.holder) == [.agent, .agent])

        // Filed at window 1: the case joins the job. The agent hands the originals to the window (S01 signs), the window
        // checks them and gives them back to the agent, who returns them to the applicant.
        let record = try fileCase()
        #expect(try hall.database.proxyJob(caseID: record.id)?.number == job.number)
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            caseNumber: record.number, from: .agent, to: .window, lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2)),
                                                                          MaterialLineInput(.listed(3), form: .copy, copies: 2)]), by: hall.clerk(1))
        let out = MaterialLedger.originalsOut(try hall.database.materialLedger(caseNumber: record.number))
        #expect(out.map(\.holder) == [.window, .window] && out.map(\.material.position) == [1, 2])
        try decide(record.number)
        // The result is not served while originals are with the hall.
        #expect(throws: MaterialLedgerError.originalsOut(out)) { try hall.database.act(onCase: record.number, .issueResult, by: hall.clerk(1)) }
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .window, to: .agent, lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2))]),
            by: hall.clerk(1))
        #expect(throws: MaterialLedgerError.self) { try hall.database.act(onCase: record.number, .issueResult, by: hall.clerk(1)) }
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .agent, to: .applicant, lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2))]),
            by: agent)
        #expect(MaterialLedger.originalsOut(try hall.database.materialLedger(jobNumber: job.number)).isEmpty)
        #expect(try hall.database.act(onCase: record.number, .issueResult, by: hall.clerk(1)).state == .resultIssued)

        // The job closes only once the result is handed back, and nothing is left with the hall or the agent.
        #expect(throws: MaterialLedgerError.jobCannotClose(job: job.number, obstacles: [.resultNotHandedBack])) {
            try hall.database.closeProxyJob(number: job.number, by: agent)
        }
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .window, to: .agent, lines: [MaterialLineInput(.result("营业执照"))]), by: hall.clerk(1))
        #expect(throws: MaterialLedgerError.self) { try hall.database.closeProxyJob(number: job.number, by: agent) }
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .agent, to: .applicant, lines: [MaterialLineInput(.result("营业执照"))]), by: agent)
        let ledger = try hall.database.materialLedger(jobNumber: job.number)
        #expect(ledger.count == 6 && MaterialLedger.originalsOut(ledger).isEmpty && MaterialLedger.resultHandedBack(ledger))
        #expect(try hall.database.materialLedger(agent: "P03", openOnly: true).count == 6)
        let closed = try hall.database.closeProxyJob(number: job.number, by: agent)
        #expect(closed.job.state == .closed && closed.job.closedBy == "P03" && closed.caseNumber == record.number)
        #expect(try hall.database.materialLedger(agent: "P03", openOnly: true).isEmpty)
        #expect(throws: MaterialLedgerError.jobNotOpen(job.number)) {
            try hall.database.recordMaterialHandover(MaterialHandoverRequest(
                jobNumber: job.number, from: .agent, to: .applicant, lines: [MaterialLineInput(.other("收据"))]), by: agent)
        }
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aCaseIsNotWithdrawnWhileAnOriginalIsOut() throws {
        let job = try fullProxyJob()
        let record = try fileCase()
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .applicant, to: .agent, lines: [MaterialLineInput(.listed(2))]), by: agent)
        let events = try hall.eventCount()
        #expect(throws: MaterialLedgerError.self) {
            try hall.database.act(onCase: record.number, .withdraw(reason: "申请人撤回"), by: hall.clerk(1))
        }
        #expect(throws: MaterialLedgerError.self) {
            try hall.database.act(onCase: record.number, .terminate(reason: "终止"), by: hall.supervisor)
        }
        #expect(try hall.eventCount() == events)
        let error = MaterialLedgerError.originalsOut(MaterialLedger.originalsOut(try hall.database.materialLedger(caseNumber: record.number)))
        #expect(error.message.zh.contains("第2项") && error.message.zh.contains("在代办员处"))
        _ = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .agent, to: .applicant, lines: [MaterialLineInput(.listed(2))]), by: agent)
        #expect(try hall.database.act(onCase: record.number, .withdraw(reason: "申请人撤回"), by: hall.clerk(1)).state == .withdrawn)
    }

    /// The close's rule, pure: every reason at once, the unfinished case first, each original named with its holder.
    @Test func aJobDoesNotCloseBeforeItsCaseIsFinishedAndEveryOriginalIsBack() throws {
        let day = try #require(CivilDate(year: 2026, month: 3, day: 2))
        func handover(_ from: HandoverParty, _ to: HandoverParty, _ lines: [MaterialLine]) -> MaterialHandover {
            MaterialHandover(id: 1, number: "JJ-20260302-0001", jobNumber: "DB-20260302-0001", caseNumber: nil, from: from, fromName: "",
                             to: to, toName: "", at: Date(), on: day, recordedBy: "P03", lines: lines, digest: "")
        }
        let licence = MaterialLine(.listed(position: 1, name: "申请书"), form: .original)
        let ledger = [handover(.applicant, .agent, [licence, MaterialLine(.listed(position: 2, name: "身份证明"), form: .original)]),
                      handover(.agent, .window, [licence])]
        let obstacles = MaterialLedger.closeObstacles(ledger, caseNumber: "HD-20260302-0001", caseState: .underReview)
        #expect(obstacles.count == 2)
        #expect(obstacles.first == .caseNotFinished(case: "HD-20260302-0001", state: .underReview))
        let message = MaterialLedgerError.jobCannotClose(job: "DB-20260302-0001", obstacles: obstacles).message
        #expect(message.zh.contains("办件 HD-20260302-0001 尚未办结（审查中）") && message.zh.contains("第1项 申请书（原件1份）在窗口处")
                && message.zh.contains("第2项 身份证明（原件1份）在代办员处"), "\(message.zh)")
        #expect(message.en.contains("with the window") && message.en.contains("with the agent"), "\(message.en)")
        // Withdrawn: finished, nothing to hand back; a job without a case has only its originals to return.
        let back = ledger + [handover(.window, .applicant, [licence]),
                             handover(.agent, .applicant, [MaterialLine(.listed(position: 2, name: "身份证明"), form: .original)])]
        #expect(MaterialLedger.closeObstacles(back, caseNumber: "HD-20260302-0001", caseState: .withdrawn).isEmpty)
        #expect(MaterialLedger.closeObstacles(back, caseNumber: "HD-20260302-0001", caseState: .resultIssued) == [.resultNotHandedBack])
        #expect(MaterialLedger.closeObstacles(back, caseNumber: nil, caseState: nil).isEmpty)
    }

    @Test func onlyTheJobsAgentAClerkAtTheWindowOrASupervisorRecords() throws {
        let job = try fullProxyJob()
        let request = try MaterialHandoverRequest(jobNumber: job.number, from: .applicant, to: .agent, lines: [MaterialLineInput(.listed(1))])
        for other in ["P04", "L01", "R01"] {
            #expect(throws: AccessError.self) { try hall.database.recordMaterialHandover(request, by: Actor(staff: other, terminal: .cli)) }
            #expect(throws: AccessError.self) {
                try hall.database.recordContact(jobNumber: job.number, how: .phone, note: "约定周三交材料", by: Actor(staff: other, terminal: .cli))
            }
        }
        // A clerk signed in at a window records a handover with the window, not one between the applicant and the agent.
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))
        #expect(throws: AccessError.self) { try hall.database.recordMaterialHandover(request, by: hall.clerk(2)) }
        let toWindow = try MaterialHandoverRequest(jobNumber: job.number, from: .agent, to: .window, lines: [MaterialLineInput(.listed(1))])
        let s02 = try hall.database.staffMember("S02").name
        #expect(try hall.database.recordMaterialHandover(toWindow, by: hall.clerk(2)).toName == s02)
        // The agent recording a handover to the window names who signed for it.
        #expect(throws: MaterialLedgerError.nameNeeded(.window)) { try hall.database.recordMaterialHandover(toWindow, by: agent) }
        #expect(try hall.database.recordMaterialHandover(request, by: hall.supervisor).fromName == "张*丰")
        // The contact log: the agent on their own job, a supervisor on any.
        let next = try #require(CivilDate(year: 2026, month: 3, day: 4))
        _ = try hall.database.recordContact(jobNumber: job.number, how: .phone, note: "约定周三交材料", next: next, by: agent)
        _ = try hall.database.recordContact(jobNumber: job.number, how: .visit, note: "上门核对原件", by: hall.supervisor)
        let log = try hall.database.contacts(jobNumber: job.number)
        #expect(log.map(\.how) == [.phone, .visit] && log.first?.next == next && log.map(\.by) == ["P03", "M01"])
        #expect(try hall.database.contacts(agent: "P03").count == 2)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func theReceiptIsSealedInTheChain() throws {
        let job = try fullProxyJob()
        let handover = try hall.database.recordMaterialHandover(MaterialHandoverRequest(
            jobNumber: job.number, from: .applicant, to: .agent,
            lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(3), form: .copy, copies: 2), MaterialLineInput(.other("公章"))]),
            by: agent)
        let receipt = try hall.database.handoverReceipt(number: handover.number)
        #expect(receipt.text.split(separator: "\n").allSatisfy { CaseDocumentText.columns(String($0)) <= 80 })
        #expect(receipt.text.contains("代办服务免费") && receipt.text.contains(job.number) && receipt.text.contains("张*丰")
                && !receipt.text.contains("11010519491231002X") && receipt.text.contains("签字："))
        #expect(receipt.html.contains("代办服务免费") && receipt.html.contains("<h1>材料交接单</h1>"))
        #expect(try hall.database.verifyAudit().isIntact)
        try hall.database.perform { db in
            try db.execute(sql: "UPDATE material_handover SET text = replace(text, '原件1份', '原件2份') WHERE id = ?", arguments: [handover.id])
        }
        let verification = try hall.database.verifyAudit()
        #expect(verification.documentMismatches == [.init(documentID: handover.id, kind: "handoverReceipt", caseNumber: nil, reason: .changed)])
        #expect(throws: MaterialLedgerError.receiptAltered(handover.number)) { try hall.database.handoverReceipt(number: handover.number) }
    }

    /// The receipt's text, pinned: a change of wording is a change of every digest sealed from now on.
    @Test func theReceiptTextSnapshot() throws {
        let facts = HandoverReceipt.Facts(
            hallName: "某区政务服务中心", number: "JJ-20260302-0001", jobNumber: "DB-20260302-0001", caseNumber: "HD-20260302-0001",
            applicantName: "张*丰", applicantNumber: "1101**********002X", itemName: "企业设立登记", from: .applicant, fromName: "张*丰",
            to: .agent, toName: "代办员三", on: CivilDate(year: 2026, month: 3, day: 2)!, time: "10:00", recordedBy: "代办员三（P03）",
            lines: [MaterialLine(.listed(position: 1, name: "公司登记（备案）申请书"), form: .original),
                    MaterialLine(.listed(position: 3, name: "法定代表人、董事、监事和经理的任职文件"), form: .copy, copies: 2),
                    MaterialLine(.result(name: "营业执照"), form: .original)])
        let text = try HandoverReceipt.render(facts).text
        #expect(text == """
                                            某区政务服务中心
                                               材料交接单

            交接单编号：JJ-20260302-0001
            代办件编号：DB-20260302-0001
            办件编号：HD-20260302-0001
            申请人：张*丰
            证件号码：1101**********002X
            申请事项：企业设立登记
            交出方：申请人 张*丰
            接收方：代办员 代办员三
            交接时间：2026年3月2日 10:00
            登记人：代办员三（P03）

                交接材料如下：
              1. 公司登记（备案）申请书（原件1份，材料清单第1项）
              2. 法定代表人、董事、监事和经理的任职文件（复印件2份，材料清单第3项）
              3. 办理结果：营业执照（原件1份）

                代办服务免费，不收取任何费用。申请人始终是本事项的法定申请人。原件经核对后退
            还申请人，退还时另行登记交接。

                                                      交出方（申请人）签字：____________
                                                      接收方（代办员）签字：____________
                                                                            2026年3月2日

            """, "\(text)")
    }
}
