import HallModel
import Queue

/// The agent's screen (`desk agent`): my proxy jobs, a job's detail and the inbox.
extension UIText {
    public static let agentSignInTitle = Bilingual(en: "Proxy agent · sign in", zh: "代办员 · 签到")
    public static func agentTitleBar(name: String, staffID: String, scope: String) -> Bilingual {
        Bilingual(en: "My proxy jobs · \(name) \(staffID) · \(scope)", zh: "代办件 · \(name) \(staffID) · \(scope)")
    }
    public static let agentScopeMine = Bilingual(en: "mine", zh: "我的")
    public static let agentScopeEveryAgent = Bilingual(en: "every agent", zh: "全部代办员")
    public static func agentScopeOne(_ id: String) -> Bilingual { Bilingual(en: "agent \(id)", zh: "代办员 \(id)") }
    public static func agentJobCount(_ n: Int) -> Bilingual { Bilingual(en: "\(n) open", zh: "在办 \(n) 件") }
    public static func agentInboxCount(_ n: Int) -> Bilingual { Bilingual(en: "inbox \(n) new", zh: "动态 \(n) 条新") }

    // The list's columns.
    /// The case number once filed, else the job number (DB-…).
    public static let agentColumnJob = Bilingual(en: "Case / job", zh: "办件/代办件")
    public static let agentColumnItem = Bilingual(en: "Item", zh: "事项")
    public static let agentColumnApplicant = Bilingual(en: "Applicant", zh: "申请人")
    public static let agentColumnAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentColumnLight = Bilingual(en: "Light", zh: "灯")
    public static let agentColumnNext = Bilingual(en: "Next", zh: "下一步")
    /// A job without a case yet shows its own state in the light's column.
    public static let agentNoCaseYet = Bilingual(en: "no case", zh: "未立案")
    public static let agentEmptyMine = Bilingual(en: "No open proxy job is yours.", zh: "您没有在办的代办件。")
    public static let agentEmptyAll = Bilingual(en: "No open proxy job.", zh: "没有在办的代办件。")
    public static func agentSupplementsBy(_ due: CivilDate) -> Bilingual { Bilingual(en: "by \(due)", zh: "\(due) 前") }

    // The job's detail.
    public static let agentDetailJob = Bilingual(en: "Proxy job", zh: "代办件")
    public static let agentDetailMode = Bilingual(en: "Mode", zh: "方式")
    public static let agentDetailOrigin = Bilingual(en: "Origin", zh: "来源")
    public static let agentDetailAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentDetailOpened = Bilingual(en: "Opened", zh: "登记日期")
    public static let agentDetailAuthorisation = Bilingual(en: "Authorisation", zh: "授权委托书")
    public static let agentDetailNext = Bilingual(en: "Next", zh: "下一步")
    public static let agentDetailCase = Bilingual(en: "Case", zh: "办件")
    public static let agentDetailNoCase = Bilingual(en: "not filed yet: take the materials to a window", zh: "尚未立案：请携材料到窗口办理")
    public static let agentDetailApplicant = Bilingual(en: "Applicant", zh: "申请人")
    public static let agentDetailItem = Bilingual(en: "Item", zh: "事项")
    public static let agentUnassigned = Bilingual(en: "not assigned", zh: "未指派")

    // The inbox.
    public static let agentInboxTitle = Bilingual(en: "Inbox: what changed in my jobs", zh: "动态：我的代办件有何变化")
    public static let agentInboxEmpty = Bilingual(en: "Nothing has changed in your jobs.", zh: "您的代办件暂无变化。")
    public static let agentInboxNewMark = Bilingual(en: "NEW", zh: "新")
    public static let agentInboxMarked = Bilingual(en: "Inbox marked seen.", zh: "动态已标为已读。")

    // Keys and help.
    public static let agentKeyOpen = Bilingual(en: "Open", zh: "详情")
    /// The inbox key's label, with the count of new items.
    public static func agentKeyInbox(new: Int) -> Bilingual {
        new > 0 ? Bilingual(en: "Inbox (\(new) new)", zh: "动态（\(new) 新）") : Bilingual(en: "Inbox", zh: "动态")
    }
    public static let agentKeyAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentKeyMarkSeen = Bilingual(en: "Mark seen", zh: "标为已读")
    public static let agentHelpOpen = Bilingual(en: "Open the selected job", zh: "打开所选代办件")
    public static let agentHelpInbox = Bilingual(en: "The inbox: what changed in my jobs since I last looked", zh: "动态：上次查看以来我的代办件的变化")
    public static let agentHelpAgent = Bilingual(en: "Supervisor: show one agent's jobs, or every agent's", zh: "主管：查看某一代办员或全部代办员的代办件")
    public static let agentHelpMarkSeen = Bilingual(en: "Mark the inbox seen (new items are no longer new)", zh: "将动态标为已读（新动态不再标新）")
    public static let agentHelpOpenItem = Bilingual(en: "Open the job of the selected item", zh: "打开所选动态的代办件")
    public static let agentHelpBack = Bilingual(en: "Back to my jobs", zh: "返回代办件列表")
    public static let agentPickAgent = Bilingual(en: "Whose jobs", zh: "查看谁的代办件")
    public static let agentPickEveryAgent = Bilingual(en: "every agent", zh: "全部代办员")
    public static let agentNotYours = Bilingual(en: "That job is no longer on your list.", zh: "该代办件已不在您的列表中。")
}
