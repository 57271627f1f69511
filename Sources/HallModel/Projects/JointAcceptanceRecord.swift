import Foundation
import Queue

/// The joint acceptance record of a major project (联合验收意见书): the project, its investor (the credit code masked, as
/// on every shared paper), its cases, each department's sign-offs in the order signed (verdict, opinion, who, when; the
/// latest counts) and the result — text (≤ 80 columns) and A4 HTML from the same blocks as the case documents
/// (`CaseDocumentText`, `CaseDocumentHTML`). Issued and kept when the project passes, its SM3 digest sealed in the chain
/// by the accepting `project_signed_off` event; before that it prints as a record in progress, neither kept nor sealed.
public struct JointAcceptanceRecord: Sendable, Hashable {
    /// Built by the store (`acceptanceRecordFacts`) with the memberwise initialisers.
    public struct Facts: Sendable, Hashable {
        /// A case of the project as the record lists it.
        public struct Case: Sendable, Hashable {
            public var number: String
            public var itemName: String
            public var departmentName: String
            public var state: CaseState
        }
        /// One sign-off: the signer as "姓名（工号）".
        public struct SignOff: Sendable, Hashable {
            public var verdict: AcceptanceVerdict
            public var opinion: String
            public var signedBy: String
            public var signedOn: CivilDate
        }
        /// A department that signs (one of the project's cases is its), with its sign-offs in the order signed.
        public struct Department: Sendable, Hashable {
            public var name: String
            public var signOffs: [SignOff]
        }

        public var hallName: String
        public var projectNumber: String
        public var projectName: String
        public var investorName: String
        /// Masked (`IdentifierMask.creditCode`).
        public var investorCode: String
        /// "姓名（工号）".
        public var leadAgent: String
        public var createdOn: CivilDate
        public var cases: [Case]
        public var departments: [Department]
        /// The day the project passed; nil while the acceptance is in progress.
        public var acceptedOn: CivilDate?
        public var issuedOn: CivilDate
    }

    public var text: String
    public var html: String
    public var digest: String

    /// The title once the project passed; before, the record in progress (not a conclusion).
    public static let title = "联合验收意见书"
    public static let titleInProgress = "联合验收记录（未完成）"

    static func blocks(_ f: Facts) -> [DocumentBlock] {
        func sentence(_ text: String) -> String {
            var text = Substring(text)
            while let last = text.last, "。．.；;".contains(last) { text = text.dropLast() }
            return String(text)
        }
        // Each sign-off in the order signed: the verdict, the opinion, who and when; a later one says why it came.
        let departments = f.departments.map { d -> String in
            guard !d.signOffs.isEmpty else { return "\(d.name)：尚未签署。" }
            return "\(d.name)：" + d.signOffs.enumerated().map { i, s in
                let again = i == 0 ? "" : d.signOffs[i - 1].verdict == .fail ? "整改后复验：" : "再次签署："
                return "\(again)\(s.verdict.label.zh)。验收意见：\(sentence(s.opinion))。签署：\(s.signedBy)，\(s.signedOn.chineseText)。"
            }.joined()
        }
        let unsigned = f.departments.filter(\.signOffs.isEmpty).map(\.name)
        let failed = f.departments.filter { $0.signOffs.last?.verdict == .fail }.map(\.name)
        let result: String
        if let day = f.acceptedOn {
            result = "经联合验收，本项目所涉\(f.departments.count)个部门均签署通过，本项目于\(day.chineseText)通过联合验收。"
        } else {
            result = "联合验收尚未完成" + (unsigned.isEmpty ? "" : "，尚未签署：\(unsigned.joined(separator: "、"))")
                + (failed.isEmpty ? "" : "，未通过（整改后重新签署）：\(failed.joined(separator: "、"))") + "。本记录不作为验收结论。"
        }
        return [
            .field("项目编号", f.projectNumber),
            .field("项目名称", f.projectName),
            .field("投资主体", f.investorName),
            .field("统一社会信用代码", f.investorCode),
            .field("牵头代办员", f.leadAgent),
            .field("登记日期", f.createdOn.chineseText),
            .paragraph("一、并联审批办件"),
            .list(f.cases.map { "\($0.number) \($0.itemName)（\($0.departmentName)，\($0.state.label.zh)）" }),
            .paragraph("二、各部门验收意见"),
            .list(departments),
            .paragraph("三、验收结论"),
            .paragraph(result),
            .closing([f.hallName, f.issuedOn.chineseText]),
        ]
    }

    public static func render(_ facts: Facts) throws -> JointAcceptanceRecord {
        let blocks = blocks(facts)
        let title = facts.acceptedOn == nil ? titleInProgress : title
        let text = CaseDocumentText.render(title: title, hallName: facts.hallName, blocks: blocks)
        let html = CaseDocumentHTML.render(title: title, hallName: facts.hallName, blocks: blocks)
        return JointAcceptanceRecord(text: text, html: html, digest: Hex.encode(try SM3.hash(Array(text.utf8))))
    }
}

/// The record as `desk project document` prints it: kept and sealed once the project passed (`issued`), else rendered
/// from the sign-offs so far.
public struct JointAcceptanceDocument: Sendable, Hashable {
    public var projectNumber: String
    public var issued: Bool
    public var text: String
    public var html: String
}
