import Queue

/// The words of the letters a case action issues (after intake): the decision on the licence (art. 38), the
/// extension (art. 42), a suspension (art. 45; an overdue 容缺 supplement) and its resumption, a termination, and the service record of
/// the result (art. 44). Same blocks, same renderers as the window's documents (`CaseDocument`).
extension CaseDocumentContent {
    static let law = "《中华人民共和国行政许可法》"

    /// A new deadline as a letter states it; never guessed (a year without its holiday schedule).
    static func due(_ date: CivilDate?) -> String { date.map { "\($0.chineseText)前" } ?? "无法计算（节假日安排未导入）" }

    static func letterBlocks(_ kind: CaseDocumentKind, _ f: DocumentFacts) -> [DocumentBlock] {
        let letter = f.letter ?? DocumentFacts.LetterFacts(actedOn: f.issuedOn)
        let accepted = (f.acceptedOn ?? f.receivedOn).chineseText
        let head = header(f) + [.field("受理日期", accepted)]
        let closing = DocumentBlock.closing([f.hallName, f.issuedOn.chineseText])
        let phoneLine = DocumentBlock.paragraph("监督电话：\(phone(f))。")
        let reason = letter.reason ?? ""
        switch kind {
        case .approvalDecision:
            let due = letter.resultDue.map { "（\($0.chineseText)前）" } ?? ""
            // A 容缺 case approved while materials are still out: the result waits for them (CaseTransition), and the
            // letter says so instead of promising a delivery date it cannot keep.
            func delivery(_ promise: String, held: String) -> [DocumentBlock] {
                guard !f.outstanding.isEmpty, f.supplementDue != nil else { return [.paragraph(promise)] }
                return [.paragraph("你（单位）容缺受理时承诺补齐的下列材料尚未补齐："), outstandingMaterials(f, grantsTolerance: false),
                        .paragraph("上述材料全部补齐后，本机关方予\(held)；请按承诺期限补齐。")]
            }
            guard f.isLicence else {
                return head + [
                    .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。经审查，申请符合规定的条件、标准。\(ownBasis(f))本机关决定准予办理。"),
                    .field("审批意见", reason),
                ] + delivery("本机关将自本决定作出之日起十个工作日内\(due)向你（单位）送达办理结果，请凭本决定书到窗口领取。",
                             held: "送达办理结果") + [
                    phoneLine, closing,
                ]
            }
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。经审查，申请符合法定条件、标准。根据\(law)第三十八条第一款的规定，本机关决定准予行政许可。"),
                .field("审批意见", reason),
            ] + delivery("本机关将自本决定作出之日起十个工作日内\(due)向你（单位）颁发、送达行政许可证件（\(law)第四十四条），请凭本决定书到窗口领取。",
                         held: "颁发、送达行政许可证件") + [
                phoneLine, closing,
            ]
        case .rejectionDecision:
            guard f.isLicence else {
                return head + [
                    .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。经审查，申请不符合规定的条件、标准，理由如下："),
                    .paragraph(reason),
                    .paragraph("\(ownBasis(f))本机关决定不予办理。"),
                    remedies(f), phoneLine, closing,
                ]
            }
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。经审查，申请不符合法定条件、标准，理由如下："),
                .paragraph(reason),
                .paragraph("根据\(law)第三十八条第二款的规定，本机关决定不予行政许可。"),
                remedies(f), phoneLine, closing,
            ]
        case .extensionNotice:
            let extended = TimeLimit(letter.extensionDays, f.statutoryLimit.unit).label.zh
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。因下列原因，不能在法定期限内作出决定："),
                .paragraph(reason),
                .paragraph(f.isLicence ? "经本机关负责人批准，根据\(law)第四十二条第一款的规定，审批期限延长 \(extended)。延长后的期限如下："
                                       : "经本机关负责人批准，办理期限延长 \(extended)。延长后的期限如下："),
                .field("法定期限", due(f.statutoryDue)),
                .field("承诺期限", due(f.promisedDue)),
                phoneLine, closing,
            ]
        case .suspensionNotice:
            let since = letter.actedOn.chineseText
            if letter.suspension == .supplementsOverdue {
                let grace = letter.graceDue.map { "\($0.chineseText)前（含当日）" } ?? "窗口告知的期限内"
                return head + [
                    // A date first told by the 补齐材料期限告知书 was never the applicant's promise: say how it was told.
                    .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)容缺受理。" + (f.supplementToldOn.map {
                        "经书面告知（补齐材料期限告知书，\($0.chineseText)），你（单位）应于\(f.supplementDue?.chineseText ?? "规定期限")前补齐的下列材料，逾期未补齐："
                    } ?? "你（单位）承诺于\(f.supplementDue?.chineseText ?? "规定期限")前补齐的下列材料，逾期未补齐：")),
                    outstandingMaterials(f, grantsTolerance: false),
                    .paragraph("根据本机关容缺受理制度和你（单位）的承诺，本机关自\(since)起中止办理，中止期间不计入\(f.isLicence ? "审批" : "办理")期限。"),
                    .paragraph("请于\(grace)补齐上述材料，补齐后恢复办理；逾期仍未补齐的，本机关将终止办理。"),
                    phoneLine, closing,
                ]
            }
            let cause = letter.suspension?.label.zh ?? ""
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。因需要\(cause)，本机关自\(since)起中止办理。"),
                .paragraph(f.isLicence ? "根据\(law)第四十五条的规定，\(cause)所需时间不计算在审批期限内。相关程序结束后恢复办理，恢复后的期限另行告知。"
                                       : "\(cause)所需时间不计算在办理期限内。相关程序结束后恢复办理，恢复后的期限另行告知。"),
                phoneLine, closing,
            ]
        case .supplementDeadlineNotice:
            // Counted from the day it is told (the recount), so it is never already past when the applicant reads it.
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)容缺受理。受理时因节假日安排尚未公布，补齐材料的期限未能确定。现书面告知：请于下列期限前补齐下列材料："),
                outstandingMaterials(f, grantsTolerance: true),
                .field("补齐期限", f.supplementDue.map { "\($0.chineseText)前（含当日）" } ?? "无法计算（节假日安排未导入）"),
                .paragraph("本告知书于\(letter.actedOn.chineseText)作出，留一个工作日送达；补齐期限自送达之日起计算完整的补齐工作日，不因承诺时限将届满而缩短。审查工作同时进行；上述材料补齐前，不出具办理结果。逾期未补齐的，本机关中止办理，并书面告知；中止后仍未补齐的，依规定终止办理。"),
                phoneLine, closing,
            ]
        case .terminationNotice:
            let outstanding = f.outstanding
            return head + [
                .paragraph("你（单位）提出的上述申请，本机关已于\(accepted)受理。因下列原因，本机关决定自\(letter.actedOn.chineseText)起终止办理："),
                .paragraph(reason),
            ] + (outstanding.isEmpty ? [] : [.paragraph("尚未补齐的材料："), outstandingMaterials(f, grantsTolerance: false)]) + [
                // Only where materials were missing does "once they are complete" mean anything.
                .paragraph(outstanding.isEmpty ? "终止办理后，你（单位）可以依法重新提出申请。" : "终止办理后，你（单位）可以在材料齐全后重新提出申请。"),
                remedies(f, document: "告知书"), phoneLine, closing,
            ]
        case .resumptionNotice:
            let cause = letter.suspension?.label.zh ?? ""
            let since = letter.suspendedSince.map { "自\($0.chineseText)起" } ?? ""
            let ended = letter.suspension == .supplementsOverdue
                ? "你（单位）提出的上述申请，本机关已于\(accepted)容缺受理，\(since)因容缺材料逾期未补齐中止办理。你（单位）已补齐全部材料，"
                : "你（单位）提出的上述申请，本机关已于\(accepted)受理，\(since)因需要\(cause)中止办理。现\(cause)已结束，"
            let notCounted = f.isLicence ? "根据\(law)第四十五条的规定，中止期间不计算在审批期限内" : "中止期间不计算在办理期限内"
            return head + [
                .paragraph("\(ended)本机关自\(letter.actedOn.chineseText)起恢复办理。"),
                .paragraph("中止办理共\(letter.stoppedWorkingDays)个工作日，\(notCounted)。恢复后的期限如下："),
            ] + (letter.decision == .approved || letter.decision == .notApproved
                // Decided before the suspension: what still runs is the delivery of the result, not the decision's
                // deadlines (long past, or meaningless now).
                ? [.field("送达期限", due(letter.resultDue))]
                : [.field("法定期限", due(f.statutoryDue)), .field("承诺期限", due(f.promisedDue))]) + [
                phoneLine, closing,
            ]
        case .serviceRecord:
            let served = f.isLicence ? (letter.decision == .notApproved ? "不予行政许可决定书" : "准予行政许可决定书及行政许可证件")
                                     : (letter.decision == .notApproved ? "不予办理决定书" : "准予办理决定书及办理结果")
            var fields: [DocumentBlock] = [
                .field("文书编号", f.reference),
                .field("受送达人", f.applicantName),
            ]
            if f.representative.kind != .none { fields.append(.field("代收人", "\(f.representative.name ?? "")（\(f.representative.kind.label.zh)）")) }
            return fields + [
                .field("送达文书", served),
                .field("申请事项", "\(f.itemName)（\(f.itemCode)）"),
                .field("送达地点", f.hallName),
                .field("送达方式", "直接送达（窗口领取）"),
                .field("送达日期", letter.actedOn.chineseText),
                // Art. 44 is the delivery of a granted licence: a refusal is served, but not under it.
                .paragraph(f.isLicence && letter.decision != .notApproved ? "上述文书已当面交付受送达人，根据\(law)第四十四条的规定送达。受送达人签收后，本回证存档。"
                                       : "上述文书已当面交付受送达人。受送达人签收后，本回证存档。"),
                .closing(["受送达人（签名或盖章）：", "签收日期：　　年　　月　　日", "送达人（签名）：", f.hallName]),
            ]
        case .acceptanceNotice, .toleranceNotice, .commitment, .oneTimeNotice, .refusalDecision, .intakeReceipt:
            return blocks(kind, f)
        }
    }
}
