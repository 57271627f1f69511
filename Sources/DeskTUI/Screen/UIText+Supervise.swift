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
    public static let superviseHelpOpen = Bilingual(en: "Open the line, window or case selected", zh: "查看所选号段、窗口或办件")
    public static let superviseHelpSignOut = Bilingual(en: "Sign out (the next person signs in)", zh: "签退（换人登录）")
    public static let superviseHelpHelp = Bilingual(en: "These keys", zh: "按键说明")
    public static let superviseHelpQuit = Bilingual(en: "Quit", zh: "退出")
    public static let superviseHelpBack = Bilingual(en: "Back to the hall", zh: "返回全厅")
    public static let superviseHelpCancelTicket = Bilingual(en: "Cancel the ticket selected (confirmed first)", zh: "作废所选号票（先确认）")
    public static let superviseHelpReopenTicket = Bilingual(en: "Reopen the cancelled or no-show ticket selected", zh: "恢复所选已作废或过号的号票")
    public static let superviseHelpOpenCloseLine = Bilingual(en: "Close the line to new tickets, or open it again", zh: "关闭号段（停止取号）或重新开放")
    public static let superviseHelpSignClerkOut = Bilingual(en: "Sign the clerk out and close the window", zh: "签退窗口人员并关闭窗口")
    public static let superviseHelpResume = Bilingual(en: "Resume the paused window", zh: "恢复已暂停的窗口")
}
