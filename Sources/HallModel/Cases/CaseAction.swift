import Queue

/// What someone does to a case. `CaseTransition.apply` checks it against the facts and the actor.
public enum CaseAction: Sendable, Hashable {
    /// 一审 begins: the reviewer takes the case.
    case startReview
    /// The reviewer's written opinion; the case goes to the approver (核).
    case submitReview(opinion: String)
    /// 准予许可, with the written reason.
    case approve(reason: String)
    /// 不予许可, with the reasons (art. 38: the reasons and the remedies are told to the applicant).
    case reject(reason: String)
    /// 制证/送达: the result is handed to the applicant.
    case issueResult
    /// 审管联动: the decision goes to the supervising department's liaison.
    case handOver
    /// The liaison's receipt of the handover (the liaison named on the handover ledger's line, or a supervisor).
    case acknowledge
    case suspend(SuspensionReason)
    case resume
    /// 延期 (art. 42), once, by the days the item allows, with the reason told to the applicant.
    case extend(reason: String)
    /// A 容缺 material brought later, by its position in the item's list.
    case supplement(materialPosition: Int)
    /// The applicant withdraws the application (in writing, at the window).
    case withdraw(reason: String)
    case terminate(reason: String)

    public var kind: CaseActionKind {
        switch self {
        case .startReview: .startReview
        case .submitReview: .submitReview
        case .approve: .approve
        case .reject: .reject
        case .issueResult: .issueResult
        case .handOver: .handOver
        case .acknowledge: .acknowledge
        case .suspend: .suspend
        case .resume: .resume
        case .extend: .extend
        case .supplement: .supplement
        case .withdraw: .withdraw
        case .terminate: .terminate
        }
    }

    /// The states this action may be taken from: its kind's. An approved case is never suspended, not even by the
    /// sweep: the decision stands and only the result waits (`CaseSweep.overdueFlag`, docs/cases.md).
    public var fromStates: Set<CaseState> { kind.fromStates }

    /// The written reason or opinion the action carries, if it is one that needs one.
    public var writtenReason: String? {
        switch self {
        case .submitReview(let text), .approve(let text), .reject(let text), .extend(let text), .withdraw(let text),
             .terminate(let text): text
        case .startReview, .issueResult, .handOver, .acknowledge, .suspend, .resume, .supplement: nil
        }
    }
}

/// The kind of a `CaseAction`, without its payload: a stable key (events, permissions, tables).
public enum CaseActionKind: String, Codable, Sendable, Hashable, CaseIterable {
    case startReview, submitReview, approve, reject, issueResult, handOver, acknowledge, suspend, resume, extend, supplement
    case withdraw, terminate

    /// What was done, as the clause of a confirmation ("HD-…: review started; now under review."); Chinese says
    /// 已 + the label.
    public var doneClause: Bilingual {
        let en = switch self {
        case .startReview: "review started"
        case .submitReview: "review submitted"
        case .approve: "approval given"
        case .reject: "approval refused"
        case .issueResult: "result issued"
        case .handOver: "handed over to supervision"
        case .acknowledge: "acknowledgement recorded"
        case .suspend: "suspended"
        case .resume: "resumed"
        case .extend: "extended"
        case .supplement: "supplement recorded"
        case .withdraw: "withdrawn"
        case .terminate: "terminated"
        }
        return Bilingual(en: en, zh: "已\(label.zh)")
    }

    /// The confirmation of a step done: "HD-…: review started; now under review."
    public func done(_ number: String, now state: CaseState) -> Bilingual {
        Bilingual(en: "\(number): \(doneClause.en); now \(state.label.en).", zh: "\(number)：\(doneClause.zh)，现为“\(state.label.zh)”。")
    }

    public var label: Bilingual {
        switch self {
        case .startReview: Bilingual(en: "start review", zh: "开始审查")
        case .submitReview: Bilingual(en: "submit the review", zh: "提交审查意见")
        case .approve: Bilingual(en: "approve", zh: "准予许可")
        case .reject: Bilingual(en: "not approve", zh: "不予许可")
        case .issueResult: Bilingual(en: "issue the result", zh: "送达结果")
        case .handOver: Bilingual(en: "hand over to supervision", zh: "移交监管")
        case .acknowledge: Bilingual(en: "record the acknowledgement", zh: "登记监管签收")
        case .suspend: Bilingual(en: "suspend", zh: "中止")
        case .resume: Bilingual(en: "resume", zh: "恢复")
        case .extend: Bilingual(en: "extend", zh: "延期")
        case .supplement: Bilingual(en: "record a supplement", zh: "登记补交材料")
        case .withdraw: Bilingual(en: "withdraw", zh: "撤回")
        case .terminate: Bilingual(en: "terminate", zh: "终止")
        }
    }

    /// The name of the text the action carries (the form's field, and what a refusal of the text names); nil: it
    /// carries none.
    public var writtenField: Bilingual? {
        switch self {
        case .submitReview: FreeText.reviewOpinion
        case .approve, .reject: FreeText.decisionReason
        case .extend: FreeText.extensionReason
        case .withdraw: FreeText.withdrawalReason
        case .terminate: FreeText.terminationReason
        case .startReview, .issueResult, .handOver, .acknowledge, .suspend, .resume, .supplement: nil
        }
    }

    /// The permission (`PermissionPolicy`, the one table of who may do what) the action needs.
    public var hallAction: HallAction {
        switch self {
        case .startReview, .submitReview: .reviewCase
        case .approve, .reject, .extend: .decideCase
        case .issueResult, .handOver, .supplement, .withdraw: .handleCaseAtWindow
        case .acknowledge: .acknowledgeHandover
        case .suspend, .resume, .terminate: .suspendCase
        }
    }

    /// The roles that may take the action (any one suffices), from `PermissionPolicy`; further rules (the assigned
    /// reviewer, the approver's level, a deputy director for an extension, the sweep for `supplementsOverdue`) are
    /// checked by `CaseTransition`.
    public var roles: Set<Role> { PermissionPolicy.rule(for: hallAction).roles }

    /// The states the action may be taken from (before the finer rules).
    public var fromStates: Set<CaseState> {
        switch self {
        case .startReview: [.accepted]
        case .submitReview: [.underReview]
        case .approve, .reject: [.underApproval]
        case .issueResult: [.approved, .notApproved]
        case .handOver: [.resultIssued]
        case .acknowledge: [.handedOver]
        case .suspend, .extend: [.accepted, .underReview, .underApproval]
        case .resume: [.suspended]
        case .supplement: [.accepted, .underReview, .underApproval, .approved, .notApproved, .suspended]
        case .withdraw, .terminate: [.accepted, .underReview, .underApproval, .suspended]
        }
    }
}
