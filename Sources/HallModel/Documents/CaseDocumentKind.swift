import Queue

/// A document the hall issues at the window or on a case. Stored by `rawValue` (a stable key).
public enum CaseDocumentKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// 受理通知书 (art. 32): the case number, the item and its deadlines.
    case acceptanceNotice
    /// 容缺受理通知书: accepted with deficiency; what is outstanding and by when.
    case toleranceNotice
    /// 容缺受理承诺书: the applicant's commitment to supply the outstanding materials; two copies (applicant, file).
    case commitment
    /// 一次性告知书 (补正材料通知书): every missing or defective material at once, how to supply it, the legal basis.
    case oneTimeNotice
    /// 不予受理决定书: the reason and the applicant's remedies (administrative review, lawsuit).
    case refusalDecision
    /// 材料接收凭证 (收件凭证): "materials received, checking" — what was received and by when the window decides;
    /// undecided by then, the application counts as accepted from the day the materials arrived (art. 32).
    case intakeReceipt
    // Decision letters on a case after intake (DecisionLetterContent.swift), issued with the action.
    /// 准予行政许可决定书 (art. 38 ¶1): on approval; the result delivered within 10 working days (art. 44).
    case approvalDecision
    /// 不予行政许可决定书 (art. 38 ¶2): on rejection; the reasons and the remedies with the organs' names.
    case rejectionDecision
    /// 延长审批期限告知书 (art. 42): on extension; the reason and the new deadlines.
    case extensionNotice
    /// 中止办理告知书: on suspension (art. 45: the time is not counted; an overdue 容缺 supplement: what is missing and
    /// when the case is terminated).
    case suspensionNotice
    /// 恢复办理告知书: on resumption; the suspension it ends, the working days not counted and the new deadlines (what the
    /// suspension notice promised: "恢复后的期限另行告知").
    case resumptionNotice
    /// 补齐材料期限告知书: a 容缺 supplement deadline that could not be counted at intake (the year's holiday schedule
    /// not loaded), counted later and told: the materials still out and the date, counted from the day it is told.
    case supplementDeadlineNotice
    /// 终止办理告知书: on termination; the reason and the remedies.
    case terminationNotice
    /// 送达回证: on issuing the result; what was served, to whom, where, how, and the signature lines.
    case serviceRecord

    public var label: Bilingual {
        switch self {
        case .acceptanceNotice: Bilingual(en: "acceptance notice", zh: "受理通知书")
        case .toleranceNotice: Bilingual(en: "acceptance-with-deficiency notice", zh: "容缺受理通知书")
        case .commitment: Bilingual(en: "applicant's commitment", zh: "容缺受理承诺书")
        case .oneTimeNotice: Bilingual(en: "one-time notice of materials", zh: "一次性告知书")
        case .refusalDecision: Bilingual(en: "decision not to accept", zh: "不予受理决定书")
        case .intakeReceipt: Bilingual(en: "receipt of materials", zh: "材料接收凭证")
        case .approvalDecision: Bilingual(en: "licence decision", zh: "准予行政许可决定书")
        case .rejectionDecision: Bilingual(en: "decision not to license", zh: "不予行政许可决定书")
        case .extensionNotice: Bilingual(en: "notice of extension", zh: "延长审批期限告知书")
        case .suspensionNotice: Bilingual(en: "notice of suspension", zh: "中止办理告知书")
        case .resumptionNotice: Bilingual(en: "notice of resumption", zh: "恢复办理告知书")
        case .supplementDeadlineNotice: Bilingual(en: "notice of the supplement deadline", zh: "补齐材料期限告知书")
        case .terminationNotice: Bilingual(en: "notice of termination", zh: "终止办理告知书")
        case .serviceRecord: Bilingual(en: "service record", zh: "送达回证")
        }
    }

    /// The label of a document of an item that is (or is not) a licence: an item that is not one is decided, not
    /// licensed (准予/不予办理决定书, 延长办理期限告知书); every other kind reads the same for both.
    public func label(licence: Bool) -> Bilingual {
        guard !licence else { return label }
        switch self {
        case .approvalDecision: return Bilingual(en: "decision to grant", zh: "准予办理决定书")
        case .rejectionDecision: return Bilingual(en: "decision not to grant", zh: "不予办理决定书")
        case .extensionNotice: return Bilingual(en: "notice of extension", zh: "延长办理期限告知书")
        default: return label
        }
    }

    /// The documents a case action issues, in the action's transaction.
    public static func issued(for action: CaseActionKind) -> [CaseDocumentKind] {
        switch action {
        case .approve: [.approvalDecision]
        case .reject: [.rejectionDecision]
        case .extend: [.extensionNotice]
        case .suspend: [.suspensionNotice]
        case .resume: [.resumptionNotice]
        case .terminate: [.terminationNotice]
        case .issueResult: [.serviceRecord]
        case .startReview, .submitReview, .handOver, .acknowledge, .supplement, .withdraw: []
        }
    }

    /// The documents a decision at the window issues, in printing order.
    public static func issued(for decision: IntakeDecisionKind) -> [CaseDocumentKind] {
        switch decision {
        case .accept: [.acceptanceNotice]
        case .tolerate: [.toleranceNotice, .commitment]
        case .notice: [.oneTimeNotice]
        case .refuse: [.refusalDecision]
        case .pending: [.intakeReceipt]
        }
    }
}
