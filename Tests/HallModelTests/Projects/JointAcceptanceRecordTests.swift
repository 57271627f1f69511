import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The joint acceptance record (联合验收意见书): its text pinned (≤ 80 columns), issued and kept by the sign-off that passes
/// the project, sealed in the chain (a changed record is refused and `audit verify` names it), and the record in progress
/// before that.
@Suite struct JointAcceptanceRecordTests {
    static let facts = JointAcceptanceRecord.Facts(
        hallName: "某区政务服务中心", projectNumber: "XM-2026-001", projectName: "年产5万吨食品加工项目", investorName: "杭州禾润食品有限公司",
        investorCode: "9133**********1W", leadAgent: "代办员一（P01）", createdOn: CivilDate(year: 2026, month: 3, day: 2)!,
        cases: [.init(number: "HD-20260302-0001", itemName: "企业设立登记", departmentName: "区市场监督管理局", state: .resultIssued),
                .init(number: "HD-20260302-0002", itemName: "食品生产许可", departmentName: "区市场监督管理局", state: .approved),
                .init(number: "HD-20260302-0003", itemName: "建设工程消防设计审查", departmentName: "区住房和城乡建设局", state: .approved)],
        departments: [
            .init(name: "区市场监督管理局", signOffs: [.init(verdict: .pass, opinion: "符合验收条件。", signedBy: "审查员一（R01）",
                                                      signedOn: CivilDate(year: 2026, month: 3, day: 20)!)]),
            .init(name: "区住房和城乡建设局", signOffs: [
                .init(verdict: .fail, opinion: "消防设施未完成，请整改后申请复验", signedBy: "管理员（M01）", signedOn: CivilDate(year: 2026, month: 3, day: 20)!),
                .init(verdict: .pass, opinion: "整改完成", signedBy: "管理员（M01）", signedOn: CivilDate(year: 2026, month: 3, day: 24)!),
            ]),
        ],
        acceptedOn: CivilDate(year: 2026, month: 3, day: 24)!, issuedOn: CivilDate(year: 2026, month: 3, day: 24)!)

    /// The record's text, pinned: a change of wording is a change of every digest sealed from now on.
    @Test func theRecordTextSnapshot() throws {
        let text = try JointAcceptanceRecord.render(Self.facts).text
        #expect(text.split(separator: "\n").allSatisfy { CaseDocumentText.columns(String($0)) <= 80 })
        #expect(text == """
                                            某区政务服务中心
                                             联合验收意见书

            项目编号：XM-2026-001
            项目名称：年产5万吨食品加工项目
            投资主体：杭州禾润食品有限公司
            统一社会信用代码：9133**********1W
            牵头代办员：代办员一（P01）
            登记日期：2026年3月2日

                一、并联审批办件
              1. HD-20260302-0001 企业设立登记（区市场监督管理局，已送达）
              2. HD-20260302-0002 食品生产许可（区市场监督管理局，准予许可）
              3. HD-20260302-0003 建设工程消防设计审查（区住房和城乡建设局，准予许可）

                二、各部门验收意见
              1. 区市场监督管理局：通过。验收意见：符合验收条件。签署：审查员一（R01），2026
                 年3月20日。
              2. 区住房和城乡建设局：不通过。验收意见：消防设施未完成，请整改后申请复验。签
                 署：管理员（M01），2026年3月20日。整改后复验：通过。验收意见：整改完成。签
                 署：管理员（M01），2026年3月24日。

                三、验收结论

                经联合验收，本项目所涉2个部门均签署通过，本项目于2026年3月24日通过联合验收。

                                                                        某区政务服务中心
                                                                           2026年3月24日

            """, "\(text)")
        var inProgress = Self.facts
        inProgress.acceptedOn = nil
        inProgress.departments[1].signOffs.removeLast()
        inProgress.departments.append(.init(name: "区应急管理局", signOffs: []))
        let draft = try JointAcceptanceRecord.render(inProgress)
        #expect(draft.text.contains("联合验收记录（未完成）") && !draft.text.contains("联合验收意见书"))
        let flat = draft.text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("尚未签署：区应急管理局") && flat.contains("未通过（整改后重新签署）：区住房和城乡建设局")
                && flat.contains("本记录不作为验收结论"), "\(draft.text)")
        #expect(draft.html.contains("<h1>联合验收记录（未完成）</h1>") && draft.html.contains("<ol>"))
    }

    @Test func thePassingSignOffIssuesTheRecordSealedInTheChain() throws {
        let store = try ProjectStoreTests()
        let hall = store.hall
        let p = try store.project()
        let numbers = try store.threeCases(in: p)
        try store.decideAll(numbers)
        let departments = try hall.database.projectView(number: p.number).acceptance.departments
        try hall.database.signJointAcceptance(project: p.number, department: departments[0], verdict: .pass, opinion: "符合验收条件",
                                              by: Actor(staff: "R01", terminal: .cli))
        // In progress: printed from the sign-offs so far, nothing kept.
        let draft = try hall.database.jointAcceptanceDocument(project: p.number)
        #expect(!draft.issued && draft.text.contains("联合验收记录（未完成）") && draft.text.contains("尚未签署"))
        #expect(try hall.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM project_acceptance_record") } == 0)
        try hall.database.signJointAcceptance(project: p.number, department: departments[1], verdict: .pass, opinion: "整改完成", by: hall.supervisor)
        let record = try hall.database.jointAcceptanceDocument(project: p.number)
        #expect(record.issued && record.text.contains("联合验收意见书") && record.text.contains("通过联合验收"))
        #expect(record.text.contains(IdentifierMask.creditCode(ProjectStoreTests.investorCode)) && !record.text.contains(ProjectStoreTests.investorCode))
        #expect(numbers.allSatisfy { record.text.contains($0) } && record.text.contains("意见：符合验收条件"))
        #expect(record.html.contains("<h1>联合验收意见书</h1>"))
        // The accepting event seals it; a changed record is refused and audit verify names it.
        let detail = try hall.database.read {
            try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = 'project_signed_off' ORDER BY id DESC LIMIT 1")
        }
        #expect(detail?.contains("\"record\":1") == true && detail?.contains("\"digest\"") == true, "\(detail ?? "")")
        #expect(try hall.database.verifyAudit().isIntact)
        try hall.database.perform { db in
            try db.execute(sql: "UPDATE project_acceptance_record SET text = replace(text, '符合验收条件', '基本符合条件')")
        }
        #expect(try hall.database.verifyAudit().documentMismatches == [.init(documentID: 1, kind: "jointAcceptanceRecord", caseNumber: nil, reason: .changed)])
        #expect(throws: ProjectError.recordAltered(p.number)) { try hall.database.jointAcceptanceDocument(project: p.number) }
    }
}
