import Queue

/// Everything the rules of a case's life refuse, naming the rule. Thrown before anything is written.
public enum CaseRuleError: UserFacingError, Equatable {
    /// The action is not possible from the case's state.
    case illegalTransition(from: CaseState, action: CaseActionKind)
    /// The actor holds none of the roles the action needs.
    case notPermitted(action: CaseActionKind, needs: [Role])
    /// The case's review is someone else's (一审 by the assigned reviewer).
    case notTheReviewer(assigned: String)
    /// The decision is assigned to another approver.
    case notTheApprover(assigned: String)
    /// 一审一核: the approver reviewed the case.
    case reviewerCannotApprove
    /// The approver's level is below the item's final approver level.
    case approverLevelTooLow(needed: ApproverLevel, has: ApproverLevel?)
    /// A decision without its written reason (or a reason that cannot be stored).
    case reasonInvalid(FreeTextError)
    case extensionNotAllowed
    case extensionAlreadyUsed
    case extensionNeedsDeputyDirector
    /// The statutory deadline has passed: an extension is decided within the limit (art. 42).
    case extensionTooLate(statutoryDeadline: CivilDate)
    /// The extended statutory deadline cannot be counted (its year's holiday schedule is not loaded): the extension
    /// notice must state it (art. 42), so there is no extension until the schedule is loaded.
    case extendedDeadlineUnknown(WorkingCalendarError)
    /// The result waits for every 容缺 material.
    case materialsOutstanding(count: Int)
    case materialNotOutstanding(position: Int)
    /// `supplementsOverdue` is the sweep's, and only when the supplement deadline has passed with materials missing.
    case supplementsNotOverdue
    /// Only the sweep suspends for overdue supplements, and the system account may do nothing else by hand.
    case onlyTheSweep(action: CaseActionKind)
    /// The action is dated before the suspension it ends.
    case dateBeforeSuspension(on: CivilDate, since: CivilDate)
    /// A suspension dated before the case's last resumption (those days were counted already).
    case dateBeforeResumption(on: CivilDate, resumedOn: CivilDate)
    /// A 容缺 intake may give fewer supplement days than the hall's setting, never more.
    case supplementDaysTooMany(requested: Int, allowed: Int)
    /// A deadline the rule needs could not be computed (e.g. its year's holiday schedule is not loaded).
    case deadlineUnknown(WorkingCalendarError)

    public var message: Bilingual {
        switch self {
        case .illegalTransition(let from, let action):
            Bilingual(en: "\(from.sentence.en); \"\(action.label.en)\" is not possible now.",
                      zh: "\(from.sentence.zh)，不能\(action.label.zh)。")
        case .notPermitted(let action, let needs):
            Bilingual(en: "To \(action.label.en) needs the role \(needs.map(\.label.en).joined(separator: " or ")).",
                      zh: "\(action.label.zh)需要以下角色之一：\(needs.map(\.label.zh).joined(separator: "、"))。")
        case .notTheReviewer(let id):
            Bilingual(en: "The case's review is assigned to \(id).", zh: "该案件的审查人是 \(id)。")
        case .notTheApprover(let id):
            Bilingual(en: "The case's decision is assigned to \(id).", zh: "该案件的审批人是 \(id)。")
        case .reviewerCannotApprove:
            Bilingual(en: "One review, one approval (一审一核): the reviewer of a case cannot also approve it.",
                      zh: "一审一核：审查人不能同时审批同一案件。")
        case .approverLevelTooLow(let needed, let has):
            Bilingual(en: "This item is decided by a \(needed.label.en.lowercased()); your level is \(has?.label.en.lowercased() ?? "none").",
                      zh: "本事项须由\(needed.label.zh)审批；您的审批级别为\(has?.label.zh ?? "无")。")
        case .reasonInvalid(let error):
            // The text's own name says what is missing (审查意见不能为空。/ 延期理由不能为空。).
            error.message
        case .extensionNotAllowed:
            Bilingual(en: "The item's published list allows no extension.", zh: "本事项的清单未规定可以延期。")
        case .extensionAlreadyUsed:
            Bilingual(en: "The case was extended already; the law allows one extension.", zh: "该案件已延期过一次，法律只允许延期一次。")
        case .extensionNeedsDeputyDirector:
            Bilingual(en: "An extension is approved by the head of the organ: a deputy director (art. 42).",
                      zh: "延期须经本机关负责人（副局长）批准（《行政许可法》第四十二条）。")
        case .extensionTooLate(let d):
            Bilingual(en: "The statutory deadline (\(d)) has passed: an extension is decided within the limit (art. 42).",
                      zh: "法定期限（\(d)）已过：延期须在期限内决定（第四十二条）。")
        case .extendedDeadlineUnknown(let error):
            Bilingual(en: "No extension while the extended statutory deadline cannot be counted (the notice must state it): \(error.message.en)",
                      zh: "延长后的法定期限无法计算，延期告知书须写明该期限，暂不能延期：\(error.message.zh)")
        case .materialsOutstanding(let n):
            Bilingual(en: n == 1 ? "1 material is still outstanding: the result is served, and the case resumed, only once every 容缺 material is in." : "\(n) materials are still outstanding: the result is served, and the case resumed, only once every 容缺 material is in.",
                      zh: "还有 \(n) 份材料未补齐：容缺材料补齐后才能送达结果或恢复办理。")
        case .materialNotOutstanding(let p):
            Bilingual(en: "Material \(p) is not outstanding.", zh: "第 \(p) 项材料不在待补材料之列。")
        case .supplementsNotOverdue:
            Bilingual(en: "The case has no overdue 容缺 supplement.", zh: "该案件没有逾期未补的容缺材料。")
        case .onlyTheSweep(let action):
            Bilingual(en: "Only the sweep may \(action.label.en) for this reason.", zh: "此情形只能由定时清理任务\(action.label.zh)。")
        case .dateBeforeSuspension(let on, let since):
            Bilingual(en: "\(on) is before the suspension began (\(since)).", zh: "\(on) 早于中止开始日（\(since)）。")
        case .dateBeforeResumption(let on, let resumed):
            Bilingual(en: "\(on) is before the case last resumed (\(resumed)).", zh: "\(on) 早于案件上次恢复办理之日（\(resumed)）。")
        case .supplementDaysTooMany(let requested, let allowed):
            Bilingual(en: "A supplement period of \(requested) working days is longer than the hall's \(allowed).",
                      zh: "补正期限 \(requested) 个工作日超过本大厅规定的 \(allowed) 个工作日。")
        case .deadlineUnknown(let error):
            Bilingual(en: "The deadline cannot be computed: \(error.message.en)", zh: "无法计算期限：\(error.message.zh)")
        }
    }
}
