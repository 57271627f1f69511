import HallModel
import Queue

// MARK: - Case screen (`desk cases`): the queue, the detail, the document, the forms

extension UIText {
    public static func casesTitleBar(name: String, staffID: String, scope: String) -> Bilingual {
        Bilingual(en: "Cases · \(name) (\(staffID)) · \(scope)", zh: "办件 · \(name)（\(staffID)）· \(scope)")
    }
    /// The title bar while nobody is signed in to the case screen.
    public static let casesSignInTitle = Bilingual(en: "Cases · sign in", zh: "办件 · 签到")
    public static func casesSignedOut(_ name: String) -> Bilingual { Bilingual(en: "\(name) signed out.", zh: "\(name) 已签退。") }
    public static let casesKeySignOut = Bilingual(en: "Sign out", zh: "签退")
    public static let casesHelpSignOut = Bilingual(en: "Sign out: the sign-in form for the next person", zh: "签退：为下一位显示签到表")
    public static let casesScopeMine = Bilingual(en: "My queue", zh: "我的待办")
    public static let casesScopeAll = Bilingual(en: "All cases", zh: "全部办件")
    public static let casesFilterScope = Bilingual(en: "Show", zh: "范围")
    public static let casesFilterState = Bilingual(en: "State", zh: "状态")
    public static let casesFilterLight = Bilingual(en: "Light", zh: "灯")
    public static let casesFilterDepartment = Bilingual(en: "Dept", zh: "部门")
    public static let casesFilterItem = Bilingual(en: "Item", zh: "事项")
    public static let casesFilterAny = Bilingual(en: "any", zh: "全部")
    /// The side state in the state picker: open 容缺 cases with a material still to come, whatever their state.
    public static let casesAwaitingSupplements = Bilingual(en: "awaiting supplements (容缺)", zh: "待补材料（容缺）")
    public static func casesCount(_ n: Int, limited: Bool) -> Bilingual {
        limited ? Bilingual(en: "first \(n)", zh: "前 \(n) 件") : Bilingual(en: "\(n) case" + (n == 1 ? "" : "s"), zh: "\(n) 件")
    }

    // The list's columns.
    public static let casesColumnNumber = Bilingual(en: "Case", zh: "办件编号")
    public static let casesColumnItem = Bilingual(en: "Item", zh: "事项")
    public static let casesColumnApplicant = Bilingual(en: "Applicant", zh: "申请人")
    public static let casesColumnState = Bilingual(en: "State", zh: "状态")
    public static let casesColumnDaysLeft = Bilingual(en: "Days", zh: "剩余")
    public static let casesColumnLight = Bilingual(en: "Light", zh: "灯")
    public static let casesEmptyMine = Bilingual(en: "Nothing waits for you. Tab shows all cases.", zh: "没有等您办理的办件。按 Tab 查看全部办件。")
    public static let casesEmptyAtRisk = Bilingual(en: "No case at risk: nothing red or yellow, no 容缺 supplement due, no handover overdue. Tab shows all cases.",
                                                   zh: "没有风险办件：无红灯黄灯、无到期容缺补正、无逾期未签收的移交。按 Tab 查看全部办件。")
    public static let casesEmptyAgent = Bilingual(en: "Your proxy jobs and their cases are on desk agent. Tab shows all cases.",
                                                  zh: "您的代办件及其办件请用 desk agent 查看。按 Tab 查看全部办件。")
    public static let casesEmptyNoQueue = Bilingual(en: "Your role has no queue of its own. Tab shows all cases.", zh: "您的角色没有自己的待办。按 Tab 查看全部办件。")
    /// An empty "my queue", in the words of the person's roles: what their queue holds, or that it is elsewhere.
    public static func casesEmptyMine(roles: Set<Role>) -> Bilingual {
        if roles.contains(.supervisor) { return casesEmptyAtRisk }
        if !roles.isDisjoint(with: [.reviewer, .approver, .clerk, .liaison]) { return casesEmptyMine }
        if roles.contains(.agent) { return casesEmptyAgent }
        return casesEmptyNoQueue
    }
    public static let casesEmptyAll = Bilingual(en: "No case matches the filters.", zh: "没有符合筛选条件的办件。")

    /// The light as a word, so it reads without colour (NO_COLOR, a monochrome terminal).
    /// The light in the list's column and the detail: a closed case says how it closed (办结 only for a completed
    /// one; 撤回 or 终止 otherwise).
    public static func casesLightMark(_ reading: CaseLightReading, state: CaseState) -> Bilingual {
        switch reading {
        case .light(.red, _), .overdue: Bilingual(en: "RED", zh: "红灯")
        case .light(.yellow, _): Bilingual(en: "YELLOW", zh: "黄灯")
        case .light(.green, _): Bilingual(en: "green", zh: "绿灯")
        case .light(.grey, _), .suspended: Bilingual(en: "grey", zh: "灰灯")
        case .closed:
            switch state {
            case .withdrawn: Bilingual(en: "closed", zh: "撤回")
            case .terminated: Bilingual(en: "closed", zh: "终止")
            default: Bilingual(en: "closed", zh: "办结")
            }
        case .unknown: Bilingual(en: "unknown", zh: "未知")
        }
    }

    // The detail.
    public static let casesDetailItem = Bilingual(en: "Item", zh: "事项")
    public static let casesDetailDepartment = Bilingual(en: "Department", zh: "部门")
    public static let casesDetailApplicant = Bilingual(en: "Applicant", zh: "申请人")
    /// Who spoke for the applicant at intake (委托代理人 / 代办员), as `desk case show` prints it.
    public static let casesDetailRepresentative = Bilingual(en: "Agent", zh: "代理人")
    public static let casesDetailState = Bilingual(en: "State", zh: "状态")
    public static let casesDetailAccepted = Bilingual(en: "Accepted", zh: "受理日期")
    public static let casesDetailReviewer = Bilingual(en: "Reviewer", zh: "审查人")
    /// 一审一核's approver is 审批人 everywhere (the role's own name, `Role.approver.label`; docs/cases.md).
    public static let casesDetailApprover = Bilingual(en: "Approver", zh: "审批人")
    public static let casesDetailStatutory = Bilingual(en: "Statutory", zh: "法定期限")
    public static let casesDetailPromised = Bilingual(en: "Promised", zh: "承诺期限")
    public static let casesDetailSupplement = Bilingual(en: "Supplements", zh: "补正期限")
    public static let casesDetailResult = Bilingual(en: "Result due", zh: "送达期限")
    public static let casesDetailLeft = Bilingual(en: "Days left", zh: "剩余工作日")
    public static let casesDetailSuspended = Bilingual(en: "Suspended", zh: "中止")
    /// An approved case the sweep flagged: its 容缺 materials overdue (docs/cases.md "Fix9d decisions").
    public static let casesDetailFlagged = Bilingual(en: "Flagged", zh: "督办提示")
    public static let casesDetailExtension = Bilingual(en: "Extended", zh: "延期")
    public static let casesDetailHandover = Bilingual(en: "Handover", zh: "移交监管")
    /// The list's light column for a handover not acknowledged in time (red).
    public static let casesHandoverLate = Bilingual(en: "LATE", zh: "逾期")
    public static func casesHandoverStatus(_ status: HandoverAcknowledgementRule.Status, on: CivilDate, liaison: String) -> Bilingual {
        let head = (en: "\(on) to liaison \(liaison); ", zh: "\(on) 移交联络员 \(liaison)；")
        switch status {
        case .waiting(let due):
            return Bilingual(en: head.en + "to be acknowledged by \(due)", zh: head.zh + "待签收，签收期限 \(due)")
        case .overdue(let due, let late):
            return Bilingual(en: head.en + "NOT acknowledged, overdue by \(late) working days (due \(due))",
                             zh: head.zh + "逾期未签收：已超期 \(late) 个工作日（签收期限 \(due)）")
        case .acknowledged:
            return Bilingual(en: head.en + "acknowledged", zh: head.zh + "已签收")
        case .acknowledgedLate(_, let due):
            return Bilingual(en: head.en + "acknowledged late (due \(due))", zh: head.zh + "已签收（逾期，签收期限 \(due)）")
        }
    }
    /// The detail's extension line: "+10 个工作日，法定期限延至 2026-04-13；D01 于 2026-03-10 批准；理由：现场核查".
    public static func casesExtension(days: Int, statutoryDue: String, by: String?, on: String?, reason: String?) -> Bilingual {
        let approved = by.map { who in
            (en: "; approved by \(who)" + (on.map { " on \($0)" } ?? ""), zh: "；\(who)" + (on.map { " 于 \($0)" } ?? "") + " 批准")
        } ?? (en: "", zh: "")
        let why = reason.map { (en: "; reason: \($0)", zh: "；理由：\($0)") } ?? (en: "", zh: "")
        return Bilingual(en: "+\(days) working days, statutory deadline now \(statutoryDue)\(approved.en)\(why.en)",
                         zh: "+\(days) 个工作日，法定期限延至 \(statutoryDue)\(approved.zh)\(why.zh)")
    }
    public static let casesDetailMaterials = Bilingual(en: "Materials", zh: "材料")
    public static let casesDetailTimeline = Bilingual(en: "Timeline", zh: "办理经过")
    public static let casesDetailDocuments = Bilingual(en: "Documents (d to read)", zh: "文书（按 d 查看）")
    public static let casesDetailNone = Bilingual(en: "none", zh: "无")
    public static let casesDetailNobody = Bilingual(en: "not yet", zh: "尚无")
    /// A deadline that runs into a year whose holiday schedule is not loaded: flagged, never guessed.
    public static let casesDeadlineUnknown = Bilingual(en: "unknown (holiday schedule not loaded)", zh: "未知（节假日安排未导入）")
    /// A deadline's limit beside its date: "（20 个工作日）", or after an extension (art. 42: both deadlines move by the
    /// same days) "（20+10 个工作日）", as the 延期 row's "+10 个工作日".
    public static func casesLimit(_ limit: TimeLimit, extension days: Int = 0) -> Bilingual {
        guard days > 0 else { return Bilingual(en: "(\(limit.label.en))", zh: "（\(limit.label.zh)）") }
        let plus = "\(limit.count)+\(days)"
        return switch limit.unit {
        case .workingDays: Bilingual(en: "(\(plus) working days)", zh: "（\(plus) 个工作日）")
        case .naturalDays: Bilingual(en: "(\(plus) days)", zh: "（\(plus) 日）")
        }
    }
    /// The flag's row: the day, and that the approval stands while the result waits (as `case show` says it).
    public static func casesSupplementsOverdueFlagged(on day: CivilDate) -> Bilingual {
        Bilingual(en: "\(day): supplements overdue; the approval stands, the result waits for them",
                  zh: "\(day) 容缺材料逾期未补齐，已提请督办；许可决定不变，补齐后送达")
    }
    public static func casesSuspendedSince(_ since: CivilDate, _ reason: SuspensionReason) -> Bilingual {
        Bilingual(en: "since \(since), \(reason.label.en)", zh: "自 \(since) 起，\(reason.label.zh)")
    }
    public static let casesMaterialCore = Bilingual(en: "core", zh: "核心")
    public static let casesMaterialTolerable = Bilingual(en: "tolerable", zh: "容缺")
    public static func casesEventReason(_ text: String) -> Bilingual { Bilingual(en: "Reason: \(text)", zh: "理由：\(text)") }
    public static func casesEventOpinion(_ text: String) -> Bilingual { Bilingual(en: "Opinion: \(text)", zh: "意见：\(text)") }
    public static func casesEventMaterial(_ position: Int) -> Bilingual { Bilingual(en: "material \(position)", zh: "第 \(position) 项材料") }
    public static func casesEventDays(_ days: Int) -> Bilingual { Bilingual(en: "\(days) working days", zh: "\(days) 个工作日") }
    public static let casesEventOpened = Bilingual(en: "case opened", zh: "立案受理")
    public static let casesEventIntake = Bilingual(en: "intake decided", zh: "窗口收件决定")
    public static let casesEventDocument = Bilingual(en: "document issued", zh: "出具文书")
    public static func casesLines(_ first: Int, _ last: Int, of total: Int) -> Bilingual {
        Bilingual(en: "lines \(first)-\(last) of \(total)", zh: "第 \(first)-\(last) 行，共 \(total) 行")
    }

    // Pickers and the reason form.
    public static let casesPickState = Bilingual(en: "Show cases in state", zh: "按状态筛选")
    public static let casesPickLight = Bilingual(en: "Show cases with light", zh: "按灯筛选")
    public static let casesPickDepartment = Bilingual(en: "Show cases of department", zh: "按部门筛选")
    public static let casesPickItem = Bilingual(en: "Show cases of item", zh: "按事项筛选")
    public static let casesPickSuspension = Bilingual(en: "Suspend: why does the clock stop?", zh: "中止原因")
    public static let casesPickMaterial = Bilingual(en: "Which material was supplied?", zh: "补交的材料")
    public static let casesPickDocument = Bilingual(en: "Read a document", zh: "查看文书")
    public static let casesPickerHint = Bilingual(en: "1-9/Enter choose  Esc cancel", zh: "1-9/回车 选定  Esc 取消")
    /// The item picker: typing filters by name, code or pinyin.
    public static let casesPickerFilterHint = Bilingual(en: "Type to filter (name, code, pinyin)  Enter choose  Esc cancel",
                                                        zh: "输入名称、编码或拼音筛选  回车 选定  Esc 取消")
    public static func casesPickFiltered(_ title: Bilingual, _ typed: String, matches: Int) -> Bilingual {
        guard !typed.isEmpty else { return title }
        return matches == 0 ? Bilingual(en: "\(title.en): \(typed)_ (no match)", zh: "\(title.zh)：\(typed)_（无匹配）")
            : Bilingual(en: "\(title.en): \(typed)_", zh: "\(title.zh)：\(typed)_")
    }
    public static let casesFieldOpinion = Bilingual(en: "Opinion", zh: "审查意见")
    public static let casesFieldReason = Bilingual(en: "Reason", zh: "理由")
    public static func casesFormTitle(_ action: CaseActionKind, _ number: String) -> Bilingual {
        Bilingual(en: "\(action.label.en): \(number)", zh: "\(action.label.zh)：\(number)")
    }
    /// The confirmation of a one-key action.
    public static let casesConfirmTitle = Bilingual(en: "Confirm", zh: "请确认")
    public static func casesConfirmQuestion(_ action: CaseActionKind, _ number: String) -> Bilingual {
        Bilingual(en: "\(action.label.en.prefix(1).uppercased() + action.label.en.dropFirst()): case \(number)?", zh: "确认\(action.label.zh) 案件 \(number)？")
    }
    public static let casesConfirmHint = Bilingual(en: "Enter confirm / Esc cancel", zh: "Enter 确认 / Esc 取消")
    /// The extension form's lines above its reason field: what the extension does, before anything is written.
    public static func casesExtensionPreview(_ p: ExtensionPreview) -> [Bilingual] {
        [
            Bilingual(en: "Adds \(p.days.label.en) (the item's extension; once only).", zh: "延长 \(p.days.label.zh)（本事项可延长的期限，仅一次）。"),
            Bilingual(en: "Statutory deadline \(p.statutory.before) -> \(p.statutory.after)", zh: "法定期限 \(p.statutory.before) 延至 \(p.statutory.after)"),
            Bilingual(en: "Promised deadline  \(p.promised.before) -> \(p.promised.after)", zh: "承诺期限 \(p.promised.before) 延至 \(p.promised.after)"),
            Bilingual(en: "The reason is printed on the \(p.notice.en) to the applicant.", zh: "理由印入《\(p.notice.zh)》，送达申请人。"),
        ]
    }
    /// The extension's confirmation, after its reason: the days and the new statutory deadline once more.
    public static func casesConfirmExtension(_ p: ExtensionPreview, _ number: String) -> Bilingual {
        Bilingual(en: "Extend \(number) by \(p.days.label.en), to \(p.statutory.after)?",
                  zh: "确认延期：\(number) 延长 \(p.days.label.zh)，法定期限至 \(p.statutory.after)？")
    }
    public static let casesFormHint = Bilingual(en: "What you write is kept in the case's record.", zh: "所填内容将记入办件档案。")

    // Status line.
    public static func casesDone(_ action: CaseActionKind, _ number: String, _ state: CaseState) -> Bilingual {
        action.done(number, now: state)
    }
    /// What the sweep did as the screen opened; approved cases it flagged (容缺 materials overdue) are named only when
    /// there are some.
    public static func casesSwept(converted: Int, steps: Int, flagged: Int = 0) -> Bilingual {
        let more = flagged == 0 ? (en: "", zh: "")
            : (en: " \(flagged) approved case(s) flagged: supplements overdue.", zh: "\(flagged) 件已准予许可的容缺材料逾期，已提请督办。")
        return Bilingual(en: "Sweep on opening: \(converted) pending intake(s) converted, \(steps) 容缺 step(s)." + more.en,
                         zh: "打开时已清理：\(converted) 件逾期收件转为受理，\(steps) 项容缺处理。" + more.zh)
    }
    public static let casesNoDocument = Bilingual(en: "This case has no document.", zh: "本办件没有文书。")
    public static let casesGone = Bilingual(en: "The case is no longer in the list.", zh: "该办件已不在列表中。")

    // Keys: the key bar's labels (the keys come from the tables) and the help lines.
    public static let casesKeyOpen = Bilingual(en: "Open", zh: "详情")
    public static let casesKeyFilterState = Bilingual(en: "State", zh: "状态")
    public static let casesKeyFilterLight = Bilingual(en: "Light", zh: "灯")
    public static let casesKeyFilterDepartment = Bilingual(en: "Dept", zh: "部门")
    public static let casesKeyFilterItem = Bilingual(en: "Item", zh: "事项")
    public static let casesKeyScroll = Bilingual(en: "Scroll", zh: "滚动")
    public static let casesKeyDocuments = Bilingual(en: "Documents", zh: "文书")
    public static func casesKeyAction(_ kind: CaseActionKind) -> Bilingual {
        switch kind {
        case .startReview: Bilingual(en: "Take", zh: "领取审查")
        case .submitReview: Bilingual(en: "Opinion", zh: "审查意见")
        case .approve: Bilingual(en: "Approve", zh: "准予")
        case .reject: Bilingual(en: "Reject", zh: "不予许可")
        case .issueResult: Bilingual(en: "Issue", zh: "送达")
        case .handOver: Bilingual(en: "Hand over", zh: "移交")
        case .acknowledge: Bilingual(en: "Receipt", zh: "签收")
        case .suspend: Bilingual(en: "Suspend", zh: "中止")
        case .resume: Bilingual(en: "Resume", zh: "恢复")
        case .extend: Bilingual(en: "Extend", zh: "延期")
        case .supplement: Bilingual(en: "Supplement", zh: "补交")
        case .withdraw: Bilingual(en: "Withdraw", zh: "撤回")
        case .terminate: Bilingual(en: "Terminate", zh: "终止")
        }
    }
    public static func casesKeyScope(mine: Bool) -> Bilingual { mine ? casesScopeAll : casesScopeMine }

    public static let casesHelpMove = Bilingual(en: "Move the selection", zh: "移动选择")
    public static let casesHelpOpen = Bilingual(en: "Open the selected case", zh: "打开所选办件")
    public static let casesHelpScope = Bilingual(en: "Switch between my queue and all cases", zh: "在我的待办与全部办件之间切换")
    public static let casesHelpFilterState = Bilingual(en: "Filter by state", zh: "按状态筛选")
    public static let casesHelpFilterLight = Bilingual(en: "Filter by light", zh: "按灯筛选")
    public static let casesHelpFilterDepartment = Bilingual(en: "Filter by department", zh: "按部门筛选")
    public static let casesHelpFilterItem = Bilingual(en: "Filter by item", zh: "按事项筛选")
    public static let casesHelpClearFilters = Bilingual(en: "Clear the filters", zh: "清除筛选")
    public static let casesHelpHelp = Bilingual(en: "This help (any key closes it)", zh: "本帮助（任意键关闭）")
    public static let casesHelpQuit = Bilingual(en: "Quit", zh: "退出")
    public static let casesHelpScroll = Bilingual(en: "Scroll", zh: "滚动")
    public static let casesHelpBack = Bilingual(en: "Back to the list", zh: "返回列表")
    public static let casesHelpBackToCase = Bilingual(en: "Back to the case", zh: "返回办件")
    public static let casesHelpDocuments = Bilingual(en: "Read one of the case's documents", zh: "查看本办件的文书")
    public static func casesHelpAction(_ kind: CaseActionKind) -> Bilingual {
        Bilingual(en: kind.label.en.prefix(1).uppercased() + kind.label.en.dropFirst() + " (offered only when you may)",
                  zh: kind.label.zh + "（仅在您可办理时提供）")
    }
    public static let casesHelpSubmit = Bilingual(en: "Submit the form", zh: "提交")
    public static let casesHelpCancel = Bilingual(en: "Cancel: nothing is written", zh: "取消，不写入任何内容")
    public static let casesHelpEdit = Bilingual(en: "Edit the text", zh: "编辑文字")
    public static let casesHelpChoose = Bilingual(en: "Choose", zh: "选定")
    public static let casesKeyChoose = Bilingual(en: "Choose", zh: "选定")
    /// The item picker while a filter is typed (`CasesScreen.pickerFilterKeys`).
    public static let casesKeyErase = Bilingual(en: "Erase", zh: "删字")
    public static let casesHelpErase = Bilingual(en: "Erase the last character of the filter", zh: "删除筛选的最后一个字")
    public static let casesKeyClearFilter = Bilingual(en: "Clear", zh: "清空")
    public static let casesHelpClearFilter = Bilingual(en: "Clear the filter; when it is empty, cancel", zh: "清空筛选；未输入时取消")
    /// The filterable picker's first key-bar item: every printable key types into the filter.
    public static let casesKeyTypingKeys = "a-z/0-9"
    public static let casesKeyTypeToFilter = Bilingual(en: "Filter", zh: "筛选")
}
