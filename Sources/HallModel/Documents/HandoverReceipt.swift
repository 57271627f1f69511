import Foundation
import Queue

/// The material handover receipt (材料交接单): text (≤ 80 columns, Chinese 2 columns) and A4 HTML from the same
/// blocks as the case documents (`CaseDocumentText`, `CaseDocumentHTML`); the SM3 digest of the text is sealed in
/// the chain by the handover's own event.
public struct HandoverReceipt: Sendable, Hashable {
    /// What the receipt says: the handover and whom it concerns (the applicant masked, as on every shared paper).
    public struct Facts: Sendable, Hashable {
        public var hallName: String
        public var number: String
        public var jobNumber: String?
        public var caseNumber: String?
        public var applicantName: String
        public var applicantNumber: String
        public var itemName: String
        public var from: HandoverParty
        public var fromName: String
        public var to: HandoverParty
        public var toName: String
        public var on: CivilDate
        /// "HH:mm" in the hall's time zone.
        public var time: String
        public var recordedBy: String
        public var lines: [MaterialLine]
    }

    public var text: String
    public var html: String
    public var digest: String

    public static let title = "材料交接单"

    static func blocks(_ f: Facts) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.field("交接单编号", f.number)]
        if let job = f.jobNumber { blocks.append(.field("代办件编号", job)) }
        if let number = f.caseNumber { blocks.append(.field("办件编号", number)) }
        blocks += [
            .field("申请人", f.applicantName),
            .field("证件号码", f.applicantNumber),
            .field("申请事项", f.itemName),
            .field("交出方", "\(f.from.label.zh) \(f.fromName)"),
            .field("接收方", "\(f.to.label.zh) \(f.toName)"),
            .field("交接时间", "\(f.on.chineseText) \(f.time)"),
            .field("登记人", f.recordedBy),
            .paragraph("交接材料如下："),
            .list(f.lines.map(line)),
            .paragraph("代办服务免费，不收取任何费用。申请人始终是本事项的法定申请人。原件经核对后退还申请人，退还时另行登记交接。"),
            .closing(["交出方（\(f.from.label.zh)）签字：____________", "接收方（\(f.to.label.zh)）签字：____________", f.on.chineseText]),
        ]
        return blocks
    }

    /// A line as the receipt lists it (numbered 1, 2, 3 as the receipt's own lines): a listed material by its name with
    /// its position in the item's list beside the form and copies, never a second number in front ("1. 第1项 …").
    static func line(_ line: MaterialLine) -> String {
        let count = "\(line.form.label.zh)\(line.copies)份"
        return switch line.material {
        case .listed(let position, let name): "\(name)（\(count)，材料清单第\(position)项）"
        case .result, .other: "\(line.material.text.zh)（\(count)）"
        }
    }

    public static func render(_ facts: Facts) throws -> HandoverReceipt {
        let blocks = blocks(facts)
        let text = CaseDocumentText.render(title: title, hallName: facts.hallName, blocks: blocks)
        let html = CaseDocumentHTML.render(title: title, hallName: facts.hallName, blocks: blocks)
        return HandoverReceipt(text: text, html: html, digest: Hex.encode(try SM3.hash(Array(text.utf8))))
    }
}
