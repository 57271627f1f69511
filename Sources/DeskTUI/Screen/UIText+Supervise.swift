import HallModel
import Queue

/// The supervisor's screen (`desk supervise`).
extension UIText {
    public static let superviseSignInTitle = Bilingual(en: "Supervisor · sign in", zh: "现场监督 · 签到")
    public static func superviseTitle(hall: String, name: String, staffID: String) -> Bilingual {
        Bilingual(en: "Live hall · \(hall) · \(name) \(staffID)", zh: "现场监督 · \(hall) · \(name) \(staffID)")
    }

    public static func supervisePanel(_ p: SupervisorScreen.Panel) -> Bilingual {
        switch p {
        case .lines: Bilingual(en: "Lines", zh: "号段")
        case .windows: Bilingual(en: "Windows", zh: "窗口")
        case .cases: Bilingual(en: "Cases at risk", zh: "风险办件")
        case .reviews: Bilingual(en: "Bad reviews", zh: "差评整改")
        case .complaints: Bilingual(en: "Complaints", zh: "投诉")
        case .charts: Bilingual(en: "Charts", zh: "图表")
        }
    }

    // The lines' columns.
    public static let superviseColLine = Bilingual(en: "Line", zh: "号段")
    public static let superviseColWaiting = Bilingual(en: "Wait", zh: "等候")
    public static let superviseColLongest = Bilingual(en: "Longest", zh: "最长")
    public static let superviseColTarget = Bilingual(en: "Target", zh: "目标")
    public static let superviseColLevel = Bilingual(en: "Level", zh: "达标率")
    public static let superviseColArrivals = Bilingual(en: "In", zh: "取号")
    public static let superviseColServed = Bilingual(en: "Done", zh: "办结")
    public static let superviseLineClosed = Bilingual(en: "closed", zh: "已关闭")

    // The windows' columns.
    public static let superviseColWindow = Bilingual(en: "Window", zh: "窗口")
    public static let superviseColState = Bilingual(en: "State", zh: "状态")
    public static let superviseColStaff = Bilingual(en: "Staff", zh: "人员")
    public static let superviseColTicket = Bilingual(en: "Ticket", zh: "当前号")
    public static let superviseColTimer = Bilingual(en: "Timer", zh: "计时")
    public static let superviseColIdle = Bilingual(en: "Idle", zh: "空闲")
    public static let superviseColPause = Bilingual(en: "Paused", zh: "暂停")
    public static let superviseServing = Bilingual(en: "serving", zh: "办理中")
    public static func supervisePausedSince(_ reason: String, _ since: String) -> Bilingual {
        Bilingual(en: "\(reason) since \(since)", zh: "\(reason)（\(since) 起）")
    }

    // The cases' columns.
    public static let superviseColCase = Bilingual(en: "Case", zh: "办件")
    public static let superviseColRisk = Bilingual(en: "Risk", zh: "风险")
    public static let superviseColDue = Bilingual(en: "Due", zh: "期限")
    public static let superviseColItem = Bilingual(en: "Item", zh: "事项")
    public static func superviseRisk(_ r: SupervisorView.CaseRiskReason) -> Bilingual {
        switch r {
        case .overdue: Bilingual(en: "overdue", zh: "已超期")
        case .supplementOverdue: Bilingual(en: "容缺 late", zh: "补正逾期")
        case .handoverUnacknowledged: Bilingual(en: "not acked", zh: "移交未签收")
        case .dueSoon: Bilingual(en: "due soon", zh: "临期")
        case .supplementDue: Bilingual(en: "容缺 due", zh: "补正临期")
        }
    }
    public static let supervisePendingIntake = Bilingual(en: "notice due", zh: "告知临限")
    public static let superviseNoCases = Bilingual(en: "No case at risk.", zh: "没有风险办件。")
    public static let superviseNoReviews = Bilingual(en: "No bad review awaiting rectification.", zh: "没有待整改的差评。")
    public static let superviseNoComplaints = Bilingual(en: "No complaint due.", zh: "没有待办投诉。")
    public static let superviseColReference = Bilingual(en: "Reference", zh: "编号")
    public static let superviseColSummary = Bilingual(en: "About", zh: "内容")

    // The charts.
    public static let superviseChartHourly = Bilingual(en: "Per hour: # arrivals  = served", zh: "每小时：# 取号  = 办结")
    public static func superviseChartWaiting(minutes: Int) -> Bilingual {
        Bilingual(en: "Waiting over the day (every \(minutes) min)", zh: "全天等候人数（每 \(minutes) 分钟）")
    }
    public static let superviseChartSatisfaction = Bilingual(en: "Satisfaction today", zh: "今日满意度")
    public static func superviseLevel(_ level: Int) -> Bilingual {
        switch level {
        case 5: Bilingual(en: "5 very satisfied", zh: "5 非常满意")
        case 4: Bilingual(en: "4 satisfied", zh: "4 满意")
        case 3: Bilingual(en: "3 fairly", zh: "3 基本满意")
        case 2: Bilingual(en: "2 dissatisfied", zh: "2 不满意")
        default: Bilingual(en: "1 very dissatisfied", zh: "1 非常不满意")
        }
    }
    public static func superviseTotals(waiting: Int, arrivals: Int, served: Int, level: String) -> Bilingual {
        Bilingual(en: "waiting \(waiting) · in \(arrivals) · done \(served) · level \(level)",
                  zh: "等候 \(waiting) · 取号 \(arrivals) · 办结 \(served) · 达标率 \(level)")
    }

    // Drill-downs.
    public static func superviseLineTitle(_ prefix: String, _ name: String) -> Bilingual {
        Bilingual(en: "Line \(prefix) \(name) · today's tickets", zh: "号段 \(prefix) \(name) · 今日号票")
    }
    public static func superviseWindowTitle(_ id: Int, _ name: String) -> Bilingual {
        Bilingual(en: "Window \(id) \(name)", zh: "\(id) 号窗口 \(name)")
    }
    public static let superviseNoTickets = Bilingual(en: "No ticket in this line today.", zh: "本号段今日没有号票。")
    public static let superviseColIssued = Bilingual(en: "Issued", zh: "取号时间")
    public static let superviseColPriority = Bilingual(en: "Class", zh: "类别")
    public static let superviseTodayFigures = Bilingual(en: "Today", zh: "今日")
    public static func superviseWindowFigures(called: Int, served: Int, noShows: Int, average: String) -> Bilingual {
        Bilingual(en: "called \(called) · served \(served) · no-shows \(noShows) · average service \(average)",
                  zh: "叫号 \(called) · 办结 \(served) · 过号 \(noShows) · 平均办理 \(average)")
    }
    public static func superviseWindowTimes(open: String, paused: String, occupied: String, idle: String) -> Bilingual {
        Bilingual(en: "signed in \(open) · paused \(paused) · busy \(occupied) · idle \(idle)",
                  zh: "在岗 \(open) · 暂停 \(paused) · 办理 \(occupied) · 空闲 \(idle)")
    }
    public static let superviseNoCurrent = Bilingual(en: "No ticket at the window.", zh: "窗口当前无号。")
    public static func superviseHeld(_ n: Int) -> Bilingual { Bilingual(en: "held: \(n)", zh: "挂起：\(n)") }
    public static func superviseWindowMessages(_ n: Int) -> Bilingual {
        n == 0 ? Bilingual(en: "Messages today: none", zh: "今日消息：无")
            : Bilingual(en: "Messages today: \(n)", zh: "今日消息：\(n) 条")
    }
    public static let superviseMessageRead = Bilingual(en: "read  ", zh: "已读")
    public static let superviseMessageUnread = Bilingual(en: "unread", zh: "未读")

    // Actions.
    public static func superviseConfirm(_ a: SupervisorScreen.Action) -> Bilingual {
        switch a {
        case .cancelTicket(let code): Bilingual(en: "Cancel ticket \(code)?", zh: "作废号票 \(code)？")
        case .reopenTicket(let code): Bilingual(en: "Reopen ticket \(code)?", zh: "恢复号票 \(code)？")
        case .openLine(let p): Bilingual(en: "Open line \(p) for new tickets?", zh: "开放号段 \(p)？")
        case .closeLine(let p): Bilingual(en: "Close line \(p) to new tickets?", zh: "关闭号段 \(p)（停止取号）？")
        case .closeWindow(let w): Bilingual(en: "Sign the clerk out and close window \(w)?", zh: "签退并关闭 \(w) 号窗口？")
        case .resumeWindow(let w): Bilingual(en: "Resume window \(w)?", zh: "恢复 \(w) 号窗口？")
        case .moveTicket(let code, let p): Bilingual(en: "Move ticket \(code) to line \(p)? It keeps its place by its issue time.",
                                                    zh: "将号票 \(code) 转到号段 \(p)？按原取号时间排队。")
        case .setWindowLines(let w, let text): Bilingual(en: "Window \(w) calls \(text) from its next call?", zh: "\(w) 号窗口自下一次叫号起按 \(text) 叫号？")
        case .setWindowFilter(let w, let f): Bilingual(en: "Window \(w) calls \(superviseFilter(f).en) from its next call?",
                                                       zh: "\(w) 号窗口自下一次叫号起只叫\(superviseFilter(f).zh)？")
        case .sendMessage(let target, _): Bilingual(en: "Send the message to \(messageTarget(target).en)?", zh: "发送消息给\(messageTarget(target).zh)？")
        case .logVisit(let n, _, _, _): Bilingual(en: "Record the follow-up of \(n)?", zh: "登记 \(n) 的回访？")
        case .closeReview(let n, let o, _): Bilingual(en: "Close \(n) as \(o.state.label.en)?", zh: "以“\(o.state.label.zh)”办结 \(n)？")
        case .extendReview(let n, _): Bilingual(en: "Extend \(n) (once only)?", zh: "延期 \(n)（仅可一次）？")
        case .decideAppeal(let n, let upheld, _): upheld ? Bilingual(en: "Uphold the appeal of \(n)? The rating leaves the figures.", zh: "认定 \(n) 申诉成立？该评价不计入统计。")
            : Bilingual(en: "Reject the appeal of \(n)?", zh: "驳回 \(n) 的申诉？")
        case .assignComplaint(let n, let h, _): Bilingual(en: "Assign \(n) to \(h)?", zh: "将 \(n) 交办给 \(h)？")
        case .answerComplaint(let n, _): Bilingual(en: "Record the reply to \(n)?", zh: "登记 \(n) 的答复？")
        case .closeComplaint(let n, let s): Bilingual(en: "Close \(n), the complainant \(s.label.en)?", zh: "办结 \(n)，投诉人评价“\(s.label.zh)”？")
        }
    }
    public static let superviseConfirmTitle = Bilingual(en: "Confirm", zh: "确认")
    public static func superviseDone(_ a: SupervisorScreen.Action) -> Bilingual {
        switch a {
        case .cancelTicket(let code): Bilingual(en: "Ticket \(code) cancelled.", zh: "号票 \(code) 已作废。")
        case .reopenTicket(let code): Bilingual(en: "Ticket \(code) reopened.", zh: "号票 \(code) 已恢复。")
        case .openLine(let p): Bilingual(en: "Line \(p) open.", zh: "号段 \(p) 已开放。")
        case .closeLine(let p): Bilingual(en: "Line \(p) closed.", zh: "号段 \(p) 已关闭。")
        case .closeWindow(let w): Bilingual(en: "Window \(w) closed, its clerk signed out.", zh: "\(w) 号窗口已签退关闭。")
        case .resumeWindow(let w): Bilingual(en: "Window \(w) resumed.", zh: "\(w) 号窗口已恢复。")
        case .moveTicket(let code, let p): Bilingual(en: "Ticket \(code) moved to line \(p).", zh: "号票 \(code) 已转到号段 \(p)。")
        case .setWindowLines(let w, let text): Bilingual(en: "Window \(w) now calls \(text).", zh: "\(w) 号窗口改为按 \(text) 叫号。")
        case .setWindowFilter(let w, let f): Bilingual(en: "Window \(w) now calls \(superviseFilter(f).en).", zh: "\(w) 号窗口改为叫\(superviseFilter(f).zh)。")
        case .sendMessage(let target, _): Bilingual(en: "Message sent to \(messageTarget(target).en).", zh: "消息已发送给\(messageTarget(target).zh)。")
        case .logVisit(let n, _, _, _): Bilingual(en: "Follow-up of \(n) recorded.", zh: "\(n) 的回访已登记。")
        case .closeReview(let n, let o, _): Bilingual(en: "\(n) closed: \(o.state.label.en).", zh: "\(n) 已办结：\(o.state.label.zh)。")
        case .extendReview(let n, _): Bilingual(en: "\(n) extended.", zh: "\(n) 已延期。")
        case .decideAppeal(let n, let upheld, _): upheld ? Bilingual(en: "Appeal of \(n) upheld.", zh: "\(n) 申诉成立。")
            : Bilingual(en: "Appeal of \(n) rejected: back to rectification.", zh: "\(n) 申诉已驳回，继续整改。")
        case .assignComplaint(let n, let h, _): Bilingual(en: "\(n) assigned to \(h).", zh: "\(n) 已交办给 \(h)。")
        case .answerComplaint(let n, _): Bilingual(en: "Reply to \(n) recorded.", zh: "\(n) 的答复已登记。")
        case .closeComplaint(let n, _): Bilingual(en: "\(n) closed.", zh: "\(n) 已办结。")
        }
    }
    public static let superviseNoTicket = Bilingual(en: "No ticket selected.", zh: "未选择号票。")
    public static let superviseWindowAlreadyClosed = Bilingual(en: "The window is closed.", zh: "该窗口已关闭。")
    public static let superviseWindowNotPaused = Bilingual(en: "The window is not paused.", zh: "该窗口未暂停。")

    // Keys.
    public static let superviseKeyPanel = Bilingual(en: "Panel", zh: "切换")
    public static let superviseKeyOpen = Bilingual(en: "Open", zh: "查看")
    public static let superviseKeyCancelTicket = Bilingual(en: "Cancel", zh: "作废")
    public static let superviseKeyReopenTicket = Bilingual(en: "Reopen", zh: "恢复")
    public static func superviseKeyOpenCloseLine(open: Bool) -> Bilingual {
        open ? Bilingual(en: "Close line", zh: "关闭号段") : Bilingual(en: "Open line", zh: "开放号段")
    }
    public static let superviseKeySignClerkOut = Bilingual(en: "Sign out", zh: "签退")
    public static let superviseKeyResume = Bilingual(en: "Resume", zh: "恢复")
    public static let superviseHelpPanel = Bilingual(en: "Next panel (narrow: shown; wide: focused)", zh: "下一个面板（窄屏显示，宽屏聚焦）")
    public static let superviseHelpPanelBack = Bilingual(en: "Previous panel", zh: "上一个面板")
    public static let superviseHelpPanelNumber = Bilingual(en: "Panel by number (1 lines … 6 charts)", zh: "按编号切换面板（1 号段 … 6 图表）")
    public static let superviseHelpMove = Bilingual(en: "Move in the list", zh: "在列表中移动")
    public static let superviseHelpOpen = Bilingual(en: "Open the line, window, case, bad review or complaint selected",
                                                   zh: "查看所选号段、窗口、办件、差评或投诉")
    public static let superviseHelpSignOut = Bilingual(en: "Sign out (the next person signs in)", zh: "签退（换人登录）")
    public static let superviseHelpHelp = Bilingual(en: "These keys", zh: "按键说明")
    public static let superviseHelpQuit = Bilingual(en: "Quit", zh: "退出")
    public static let superviseHelpBack = Bilingual(en: "Back to the hall", zh: "返回全厅")
    public static let superviseHelpCancelTicket = Bilingual(en: "Cancel the ticket selected (confirmed first)", zh: "作废所选号票（先确认）")
    public static let superviseHelpReopenTicket = Bilingual(en: "Reopen the cancelled or no-show ticket selected", zh: "恢复所选已作废或过号的号票")
    public static let superviseHelpOpenCloseLine = Bilingual(en: "Close the line to new tickets, or open it again", zh: "关闭号段（停止取号）或重新开放")
    public static let superviseHelpSignClerkOut = Bilingual(en: "Sign the clerk out and close the window", zh: "签退窗口人员并关闭窗口")
    public static let superviseHelpResume = Bilingual(en: "Resume the paused window", zh: "恢复已暂停的窗口")

    // The supervisor's actions that take words (SupervisorScreen+Drafts).
    static func messageTarget(_ t: WindowMessageTarget) -> Bilingual {
        switch t {
        case .all: Bilingual(en: "every window", zh: "全部窗口")
        case .window(let w): Bilingual(en: "window \(w)", zh: " \(w) 号窗口")
        }
    }
    public static func superviseMessageTitle(_ t: WindowMessageTarget) -> Bilingual {
        Bilingual(en: "Message to \(messageTarget(t).en)", zh: "发消息给\(messageTarget(t).zh)")
    }
    public static func superviseMoveTitle(_ code: String) -> Bilingual { Bilingual(en: "Move \(code) to the line", zh: "将 \(code) 转到号段") }
    public static let superviseNotMovable = Bilingual(en: "Only a waiting or held ticket can be moved (a called one is its window's to transfer).",
                                                      zh: "只能转移等候或挂起的号票（已叫的号由窗口转办）。")
    public static let superviseNoOtherLine = Bilingual(en: "No other open line to move it to.", zh: "没有其他开放的号段可转。")
    public static func superviseLinesTitle(_ id: Int) -> Bilingual { Bilingual(en: "Lines window \(id) calls", zh: "\(id) 号窗口叫号的号段") }
    public static let superviseLinesField = Bilingual(en: "Lines", zh: "号段")
    public static func superviseFilterTitle(_ id: Int) -> Bilingual { Bilingual(en: "Tickets window \(id) calls", zh: "\(id) 号窗口叫号范围") }
    public static let superviseKeyFilter = Bilingual(en: "Calls", zh: "叫号范围")
    public static let superviseHelpFilter = Bilingual(en: "Which tickets the window calls: every one, priority only, appointments only",
                                                      zh: "窗口叫号范围：全部号票、仅优先、仅预约")
    public static func superviseFilter(_ f: WindowFilter) -> Bilingual {
        switch f {
        case .all: Bilingual(en: "every ticket", zh: "全部号票")
        case .priorityOnly: Bilingual(en: "priority only", zh: "仅优先")
        case .appointmentsOnly: Bilingual(en: "appointments only", zh: "仅预约")
        }
    }
    public static let superviseFormHint = Bilingual(en: "Enter on the last field: save · Esc: cancel", zh: "最后一栏按回车保存 · Esc 取消")
    public static let superviseKeyFormNext = Bilingual(en: "Next / save", zh: "下一栏/保存")
    public static let superviseHelpFormNext = Bilingual(en: "The next field; Enter on the last saves", zh: "下一栏；在最后一栏按回车保存")

    // The bad review's drill-down.
    public static let superviseOverdue = Bilingual(en: "overdue", zh: "已超期")
    public static func superviseExtended(_ reason: String) -> Bilingual { Bilingual(en: "extended: \(reason)", zh: "已延期：\(reason)") }
    public static let superviseUnit = Bilingual(en: "Unit", zh: "责任单位")
    public static let superviseRating = Bilingual(en: "Rating", zh: "评价")
    public static let superviseTicket = Bilingual(en: "Ticket", zh: "号票")
    public static let superviseContent = Bilingual(en: "Complaint", zh: "投诉内容")
    public static let superviseReasons = Bilingual(en: "Reasons", zh: "原因")
    public static let superviseSaid = Bilingual(en: "Words", zh: "市民留言")
    public static func superviseVisits(_ n: Int, reached: Int) -> Bilingual {
        n == 0 ? Bilingual(en: "Follow-ups: none yet", zh: "回访：尚无")
            : Bilingual(en: "Follow-ups: \(n), reached \(reached)", zh: "回访：\(n) 次，联系上 \(reached) 次")
    }
    public static let superviseOutcome = Bilingual(en: "Outcome", zh: "办结结果")
    public static let superviseNote = Bilingual(en: "Note", zh: "说明")
    public static let superviseAppeal = Bilingual(en: "Appeal", zh: "申诉")
    public static let superviseDecision = Bilingual(en: "Decision", zh: "决定")
    public static let superviseVisitHow = Bilingual(en: "Follow-up: how", zh: "回访方式")
    public static let superviseVisitReached = Bilingual(en: "Was the citizen reached?", zh: "是否联系上市民？")
    public static let superviseReachedYes = Bilingual(en: "reached", zh: "联系上")
    public static let superviseReachedNo = Bilingual(en: "not reached", zh: "未联系上")
    public static func superviseVisitTitle(_ n: String, _ how: ContactMethod, reached: Bool) -> Bilingual {
        let r = reached ? superviseReachedYes : superviseReachedNo
        return Bilingual(en: "Follow-up of \(n) · \(how.label.en) · \(r.en)", zh: "\(n) 回访 · \(how.label.zh) · \(r.zh)")
    }
    public static let superviseOutcomeTitle = Bilingual(en: "Close with the outcome", zh: "办结结果")
    public static func superviseCloseReviewTitle(_ n: String, _ o: RectificationOutcome) -> Bilingual {
        Bilingual(en: "Close \(n): \(o.state.label.en)", zh: "办结 \(n)：\(o.state.label.zh)")
    }
    public static func superviseExtendTitle(_ n: String) -> Bilingual { Bilingual(en: "Extend \(n) (once)", zh: "延期 \(n)（仅一次）") }
    public static let superviseAppealTitle = Bilingual(en: "Decide the appeal", zh: "申诉决定")
    public static let superviseAppealUphold = Bilingual(en: "upheld: the rating leaves the figures", zh: "申诉成立：评价不计入统计")
    public static let superviseAppealReject = Bilingual(en: "rejected: back to rectification", zh: "驳回：继续整改")
    public static func superviseDecideTitle(_ n: String, upheld: Bool) -> Bilingual {
        upheld ? Bilingual(en: "Uphold the appeal of \(n)", zh: "\(n) 申诉成立") : Bilingual(en: "Reject the appeal of \(n)", zh: "驳回 \(n) 的申诉")
    }
    public static let superviseReviewNotOpen = Bilingual(en: "This rectification is not open.", zh: "该整改不在待整改状态。")
    public static let superviseVisitFirst = Bilingual(en: "Record a follow-up (v) before closing.", zh: "请先登记回访（v）再办结。")
    public static let superviseCannotExtend = Bilingual(en: "Only an open rectification not yet extended can be extended.", zh: "只有未延期的待整改事项可以延期。")
    public static let superviseNoAppeal = Bilingual(en: "No appeal waits for a decision.", zh: "没有待决定的申诉。")

    // The complaint's drill-down.
    public static let superviseSource = Bilingual(en: "Source", zh: "来源")
    public static let superviseComplainant = Bilingual(en: "Complainant", zh: "投诉人")
    public static let superviseSubject = Bilingual(en: "About", zh: "投诉对象")
    public static let superviseHandler = Bilingual(en: "Handler", zh: "承办人")
    public static func superviseAssignTitle(_ n: String) -> Bilingual { Bilingual(en: "Assign \(n)", zh: "交办 \(n)") }
    public static func superviseAnswerTitle(_ n: String) -> Bilingual { Bilingual(en: "Reply to \(n)", zh: "答复 \(n)") }
    public static let superviseSatisfactionTitle = Bilingual(en: "The complainant's satisfaction", zh: "投诉人满意度")
    public static let superviseComplaintAnswered = Bilingual(en: "The complaint has been answered.", zh: "该投诉已答复。")
    public static let superviseComplaintAssignFirst = Bilingual(en: "Assign the complaint (a) before its reply.", zh: "请先交办（a）再答复。")
    public static let superviseComplaintAnswerFirst = Bilingual(en: "Only an answered complaint is closed.", zh: "只有已答复的投诉可以办结。")

    // Their keys.
    public static let superviseKeyMessageAll = Bilingual(en: "Message all", zh: "群发消息")
    public static let superviseHelpMessageAll = Bilingual(en: "Send a message to every window's screen", zh: "向全部窗口发送消息")
    public static let superviseKeyMoveTicket = Bilingual(en: "Move", zh: "转号段")
    public static let superviseHelpMoveTicket = Bilingual(en: "Move the waiting or held ticket to another line", zh: "将所选等候或挂起的号票转到其他号段")
    public static let superviseKeyMessage = Bilingual(en: "Message", zh: "发消息")
    public static let superviseHelpMessage = Bilingual(en: "Send a message to this window's screen", zh: "向该窗口发送消息")
    public static let superviseKeyProfile = Bilingual(en: "Lines", zh: "改号段")
    public static let superviseHelpProfile = Bilingual(en: "Change the lines the window calls and their weights (A:1, B:0.5)", zh: "修改窗口叫号的号段及权重（A:1, B:0.5）")
    public static let superviseKeyVisit = Bilingual(en: "Follow-up", zh: "回访")
    public static let superviseHelpVisit = Bilingual(en: "Record a follow-up (回访): how, reached or not, what the citizen said", zh: "登记回访：方式、是否联系上、市民意见")
    public static let superviseKeyCloseReview = Bilingual(en: "Close", zh: "办结")
    public static let superviseHelpCloseReview = Bilingual(en: "Close with the outcome (after a follow-up)", zh: "登记办结结果（须先回访）")
    public static let superviseKeyExtend = Bilingual(en: "Extend", zh: "延期")
    public static let superviseHelpExtend = Bilingual(en: "Extend the deadline once, with a reason", zh: "延期一次（须写明理由）")
    public static let superviseKeyDecideAppeal = Bilingual(en: "Appeal", zh: "申诉决定")
    public static let superviseHelpDecideAppeal = Bilingual(en: "Decide the appeal (another supervisor than who filed it)", zh: "决定申诉（须由申请人以外的主管决定）")
    public static let superviseKeyAssign = Bilingual(en: "Assign", zh: "交办")
    public static let superviseHelpAssign = Bilingual(en: "Assign the complaint to a handler (staff number) and a unit", zh: "将投诉交办给承办人（工号）及单位")
    public static let superviseKeyAnswer = Bilingual(en: "Reply", zh: "答复")
    public static let superviseHelpAnswer = Bilingual(en: "Record the reply given to the complainant", zh: "登记给投诉人的答复")
    public static let superviseKeyCloseComplaint = Bilingual(en: "Close", zh: "办结")
    public static let superviseHelpCloseComplaint = Bilingual(en: "Close with the complainant's satisfaction", zh: "登记投诉人满意度并办结")
}
