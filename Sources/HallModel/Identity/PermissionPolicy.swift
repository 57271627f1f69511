import GRDB
import Queue

/// Every write the hall refuses or allows by who is acting. One table, checked inside the
/// `HallDatabase` writes (in the write's own transaction), so the CLI and every screen share it.
public enum HallAction: String, CaseIterable, Sendable {
    /// Take a ticket (kiosk, or staff at the reception).
    case issueTicket
    /// Call, recall, start, finish, no-show, hold, call back, transfer, requeue: a window's own tickets.
    case serveAtWindow
    /// Pause or resume a window.
    case pauseWindow
    /// Sign in at a window (oneself only).
    case signInAtWindow
    /// Sign out and close a window.
    case closeWindow
    case cancelTicket
    case reopenTicket
    /// Open or close a service line for new tickets.
    case openCloseLine
    case closeDay
    case importCatalog
    case importCalendar
    case changeSettings
    case manageStaff
    /// Lines and windows.
    case configureHall
    /// `desk init --force` on an existing hall.
    case replaceHall
    /// Take in a case at the window while its ticket is served there (受理, 容缺, 一次性告知, 不予受理, pending).
    case takeInCase
    /// Decide a "received, checking" intake within its 5 working days: the clerk who recorded it, or a supervisor.
    case decidePendingIntake
    /// Convert "received, checking" intakes left undecided past 5 working days into acceptances (art. 32).
    case convertPendingIntakes
    /// Set or lift an applicant's bad-credit flag (失信).
    case flagApplicant
    /// 一审: take a case's review and submit the opinion (`CaseActionKind.startReview`, `.submitReview`).
    case reviewCase
    /// 一核: approve or reject a case, or extend its limit (`.approve`, `.reject`, `.extend`).
    case decideCase
    /// At the window: issue the result, hand it over to supervision, record a supplement, record a withdrawal
    /// (`.issueResult`, `.handOver`, `.supplement`, `.withdraw`).
    case handleCaseAtWindow
    /// 审管联动: acknowledge a handover (`.acknowledge`): the liaison it was handed to (the store checks which one),
    /// or a supervisor recording a receipt given on paper.
    case acknowledgeHandover
    /// Set the supervising department and liaison of a department's or an item's cases (`desk supervision set`).
    case manageSupervision
    /// Stop, restart or end a case's clock (`.suspend`, `.resume`, `.terminate`).
    case suspendCase
    /// `desk cases sweep`: overdue pending intakes and 容缺 supplements (cron).
    case sweepCases
    /// 代办员: open a proxy job (代办件) at the reception, from a window, or for a lower-level site.
    case openProxyJob
    /// Give an unassigned job (or a case without one) an agent, by hand or by the rule: a supervisor, or a clerk asking.
    case assignProxyJob
    /// Move a job to another agent, keeping the history; confirm the proposal made when an agent goes on leave.
    case reassignProxyJob
    /// Set an agent's state (on duty, out on a case, on leave): a supervisor; the agent themself too (`check(_:_:by:orSelf:holding:)`).
    case setAgentState
    /// Set an agent's phone and skills.
    case manageAgents
    /// Read an agent's jobs and their applicants (`desk agent show`): a supervisor; the agent themself too.
    case viewProxyJobs
    /// 重大项目: create a major project (`desk project create`).
    case createProject
    /// Add a case to a project: a supervisor, or the project's lead agent (the store checks which one).
    case addProjectCase
    /// 联合验收: sign a department's joint acceptance: a supervisor, or a reviewer or approver who reviewed or decided one
    /// of the project's cases of that department (the store checks it).
    case signJointAcceptance
    /// 模拟审批: review an item's materials for a project before the formal application (`desk project simulate`).
    case simulateApproval
    /// 中介服务超市: refer a case's applicant to agencies, record their choice, the delivery and their rating.
    case referToAgency
    /// 代办员: mark one's own inbox seen on the agent's screen (`desk agent`, `desk agent inbox --mark-seen`).
    case markAgentInboxSeen
    /// 材料交接台账: record a handover of materials — the job's agent on their own job (checked in the store), a clerk
    /// signed in at a window for a handover with the window, a supervisor.
    case recordMaterialHandover
    /// Close a proxy job (the result handed back, the ledger balanced): its agent (checked in the store) or a supervisor.
    case closeProxyJob
    /// The contact log: the job's agent on their own job (checked in the store) or a supervisor.
    case recordContact
    /// 好差评: record a rating — the rating terminal of the window that finished the ticket (checked in the store), or a
    /// supervisor entering a paper rating. A clerk never (back to back).
    case recordRating
    /// Read ratings and rectifications (`desk ratings list`, `desk rectification list|show`): a clerk never sees them.
    case viewRatings
    /// 整改: log a follow-up (回访), close with an outcome, extend once, appeal the rating.
    case followUpRectification
    /// Decide an appeal against a rating: a supervisor other than the one who filed it (checked in the store).
    case decideRatingAppeal
    /// Complaints (GB/T 36113): register one, give it to a unit and a handler, close it with the complainant's satisfaction.
    case registerComplaint
    case assignComplaint
    /// Record the reply to a complaint: the assigned handler (checked in the store) or a supervisor.
    case answerComplaint
    case closeComplaint
    /// Issue 11 (hallops11): move a waiting or held ticket to another line (`desk ticket move`).
    case moveTicket
    /// Change a window's profile: the lines it calls with their weights, and its filter (`desk window set`).
    case setWindowProfile
    /// Send a message to one window's screen or to all of them (`desk message send`).
    case sendWindowMessage
    /// Mark a message read at the window: the person signed in there (`m` on the window's screen).
    case readWindowMessage
    /// The supervisor's live screen (`desk supervise`): the whole hall, its windows, cases at risk (a read: who may open it).
    case superviseHall
    /// `desk report daily|monthly`: the hall's figures (every window, every staff member, the cases by department).
    case viewReports
}

public enum PermissionPolicy {
    public struct Rule: Sendable, Equatable {
        /// Any of these roles allows the action, at any window.
        public var roles: Set<Role>
        /// These devices may do it (for themselves).
        public var devices: Set<Device> = []
        /// The person signed in at the window the action concerns may do it, whatever their roles.
        public var windowsOwnClerk = false
    }

    /// The policy. Keep docs/SECURITY.md's table in step with it (a test compares them).
    public static func rule(for action: HallAction) -> Rule {
        switch action {
        case .issueTicket: Rule(roles: [.clerk, .supervisor, .agent], devices: [.kiosk])
        case .serveAtWindow, .pauseWindow, .closeWindow: Rule(roles: [.supervisor], windowsOwnClerk: true)
        case .signInAtWindow: Rule(roles: [.clerk])
        case .cancelTicket, .reopenTicket, .openCloseLine: Rule(roles: [.supervisor])
        case .closeDay: Rule(roles: [.supervisor, .admin, .system])
        case .importCatalog, .importCalendar, .changeSettings, .manageStaff, .configureHall, .replaceHall: Rule(roles: [.admin])
        case .takeInCase, .decidePendingIntake: Rule(roles: [.supervisor], windowsOwnClerk: true)
        case .convertPendingIntakes: Rule(roles: [.clerk, .supervisor, .system])
        case .flagApplicant: Rule(roles: [.supervisor])
        case .reviewCase: Rule(roles: [.reviewer])
        case .decideCase: Rule(roles: [.approver])
        case .handleCaseAtWindow: Rule(roles: [.clerk])
        case .acknowledgeHandover: Rule(roles: [.liaison, .supervisor])
        case .manageSupervision: Rule(roles: [.admin])
        case .suspendCase, .sweepCases: Rule(roles: [.supervisor, .system])
        case .openProxyJob: Rule(roles: [.clerk, .supervisor, .agent])
        case .assignProxyJob: Rule(roles: [.clerk, .supervisor])
        case .reassignProxyJob, .setAgentState, .viewProxyJobs: Rule(roles: [.supervisor])
        case .manageAgents: Rule(roles: [.supervisor, .admin])
        case .createProject, .addProjectCase: Rule(roles: [.supervisor, .agent])
        case .signJointAcceptance: Rule(roles: [.supervisor, .reviewer, .approver])
        case .referToAgency: Rule(roles: [.clerk, .agent, .supervisor])
        case .simulateApproval: Rule(roles: [.reviewer])
        case .markAgentInboxSeen: Rule(roles: [.agent])
        case .recordMaterialHandover: Rule(roles: [.supervisor], windowsOwnClerk: true)
        case .closeProxyJob, .recordContact: Rule(roles: [.supervisor])
        case .recordRating: Rule(roles: [.supervisor], devices: [.rating])
        case .viewRatings: Rule(roles: [.supervisor, .admin])
        case .followUpRectification, .decideRatingAppeal: Rule(roles: [.supervisor])
        case .registerComplaint, .assignComplaint, .answerComplaint, .closeComplaint: Rule(roles: [.supervisor])
        case .moveTicket, .sendWindowMessage: Rule(roles: [.supervisor])
        case .setWindowProfile: Rule(roles: [.supervisor, .admin])
        case .readWindowMessage: Rule(roles: [], windowsOwnClerk: true)
        case .superviseHall: Rule(roles: [.supervisor])
        case .viewReports: Rule(roles: [.supervisor, .admin])
        }
    }

    /// Whether `actor` (whose current roles are `roles`) may do `action`; `windowClerk` is the staff member
    /// signed in at the window the action concerns, if any.
    public static func allows(_ action: HallAction, identity: Actor.Identity, roles: Set<Role>, windowClerk: String?) -> Bool {
        let rule = rule(for: action)
        switch identity {
        case .device(let device): return rule.devices.contains(device)
        case .staff(let id):
            if !rule.roles.isDisjoint(with: roles) { return true }
            return rule.windowsOwnClerk && windowClerk == id
        }
    }

    /// The same, where the person the action concerns (`subject`, a staff number) may also do it to themself: an
    /// agent setting their own state (`setAgentState`). They must still be active and hold `selfRole`.
    static func check(_ db: Database, _ action: HallAction, by actor: Actor, orSelf subject: String, holding selfRole: Role) throws {
        if case .staff(let id) = actor.identity, id == subject, let record = try StaffRecord.activeRoles(db, id: id),
           record.roles.contains(selfRole) { return }
        try check(db, action, by: actor)
    }

    /// Checks `actor` against the policy inside a write's transaction; throws `AccessError` (nothing written).
    static func check(_ db: Database, _ action: HallAction, by actor: Actor, windowClerk: String? = nil) throws {
        switch actor.identity {
        case .device:
            guard allows(action, identity: actor.identity, roles: [], windowClerk: nil) else {
                throw AccessError.notPermitted(actor: actor.key, name: nil, action: action, needs: rule(for: action).roles)
            }
        case .staff(let id):
            let record = try StaffRecord.activeRoles(db, id: id)
            guard let record else { throw AccessError.unknownOrInactive(id) }
            guard allows(action, identity: actor.identity, roles: record.roles, windowClerk: windowClerk) else {
                throw AccessError.notPermitted(actor: id, name: record.name, action: action, needs: rule(for: action).roles)
            }
        }
    }
}

extension HallAction {
    public var label: Bilingual {
        switch self {
        case .issueTicket: Bilingual(en: "issue tickets", zh: "取号")
        case .serveAtWindow: Bilingual(en: "work this window's tickets", zh: "操作本窗口的号")
        case .pauseWindow: Bilingual(en: "pause or resume this window", zh: "暂停或恢复本窗口")
        case .signInAtWindow: Bilingual(en: "sign in at a window", zh: "在窗口签到")
        case .closeWindow: Bilingual(en: "sign out and close this window", zh: "签退并关闭本窗口")
        case .cancelTicket: Bilingual(en: "cancel tickets", zh: "作废号票")
        case .reopenTicket: Bilingual(en: "reopen tickets", zh: "恢复号票")
        case .openCloseLine: Bilingual(en: "open or close service lines", zh: "开放或关闭号段")
        case .closeDay: Bilingual(en: "close the day", zh: "日终结算")
        case .importCatalog: Bilingual(en: "import the catalog", zh: "导入事项清单")
        case .importCalendar: Bilingual(en: "import holiday schedules", zh: "导入节假日安排")
        case .changeSettings: Bilingual(en: "change hall settings", zh: "修改大厅设置")
        case .manageStaff: Bilingual(en: "manage staff", zh: "管理工作人员")
        case .configureHall: Bilingual(en: "configure lines and windows", zh: "配置号段和窗口")
        case .replaceHall: Bilingual(en: "replace the hall database", zh: "重建大厅数据库")
        case .takeInCase: Bilingual(en: "take in cases at this window", zh: "在本窗口受理申请")
        case .decidePendingIntake: Bilingual(en: "decide pending intakes (the recording clerk's own)", zh: "对待决收件作出决定（限登记人本人）")
        case .convertPendingIntakes: Bilingual(en: "convert overdue pending intakes", zh: "将逾期未决的收件转为受理")
        case .flagApplicant: Bilingual(en: "flag or unflag applicants (bad credit)", zh: "标记或解除申请人失信")
        case .reviewCase: Bilingual(en: "review cases (一审)", zh: "审查办件（一审）")
        case .decideCase: Bilingual(en: "decide or extend cases (一核)", zh: "审批或延期办件（一核）")
        case .handleCaseAtWindow: Bilingual(en: "issue results, hand over, record supplements and withdrawals",
                                            zh: "送达结果、移交监管、登记补交材料和撤回")
        case .acknowledgeHandover: Bilingual(en: "acknowledge handovers to supervision", zh: "签收移交监管的办件")
        case .manageSupervision: Bilingual(en: "set supervision pairings", zh: "设置审管联动对应关系")
        case .suspendCase: Bilingual(en: "suspend, resume or terminate cases", zh: "中止、恢复或终止办件")
        case .sweepCases: Bilingual(en: "run the case sweep", zh: "运行办件定时清理")
        case .openProxyJob: Bilingual(en: "open proxy jobs", zh: "登记代办件")
        case .assignProxyJob: Bilingual(en: "assign proxy jobs", zh: "指派代办件")
        case .reassignProxyJob: Bilingual(en: "reassign proxy jobs", zh: "改派代办件")
        case .setAgentState: Bilingual(en: "set another agent's state", zh: "设置其他代办员的状态")
        case .manageAgents: Bilingual(en: "set agents' phones and skills", zh: "设置代办员电话和业务专长")
        case .viewProxyJobs: Bilingual(en: "see another agent's jobs", zh: "查看其他代办员的代办件")
        case .createProject: Bilingual(en: "create major projects", zh: "创建重大项目")
        case .addProjectCase: Bilingual(en: "add cases to a major project (its lead agent's own)", zh: "向重大项目添加办件（限牵头代办员）")
        case .signJointAcceptance: Bilingual(en: "sign a department's joint acceptance of a project", zh: "签署重大项目的部门联合验收意见")
        case .simulateApproval: Bilingual(en: "record simulated approvals for projects (模拟审批)", zh: "为重大项目进行模拟审批")
        case .referToAgency: Bilingual(en: "refer applicants to intermediary agencies and record their choice, delivery and rating",
                                       zh: "推介中介机构并登记申请人的选择、成果交付和评价")
        case .markAgentInboxSeen: Bilingual(en: "mark their proxy-job inbox seen", zh: "标记代办动态已读")
        case .recordMaterialHandover: Bilingual(en: "record material handovers (an agent on their own jobs)", zh: "登记材料交接（代办员限本人的代办件）")
        case .closeProxyJob: Bilingual(en: "close proxy jobs (an agent their own)", zh: "办结代办件（代办员限本人的）")
        case .recordContact: Bilingual(en: "record contacts with applicants (an agent on their own jobs)", zh: "登记与申请人的联系（代办员限本人的代办件）")
        case .recordRating: Bilingual(en: "record ratings (好差评)", zh: "登记好差评")
        case .viewRatings: Bilingual(en: "see ratings and rectifications", zh: "查看好差评和整改")
        case .followUpRectification: Bilingual(en: "follow up bad reviews (回访, outcome, extension, appeal)", zh: "处理差评整改（回访、办结、延期、申诉）")
        case .decideRatingAppeal: Bilingual(en: "decide appeals against ratings", zh: "决定差评申诉")
        case .registerComplaint: Bilingual(en: "register complaints", zh: "登记投诉")
        case .assignComplaint: Bilingual(en: "assign complaints", zh: "交办投诉")
        case .answerComplaint: Bilingual(en: "answer complaints (a handler their own)", zh: "答复投诉（承办人限交办给本人的）")
        case .closeComplaint: Bilingual(en: "close complaints", zh: "办结投诉")
        case .moveTicket: Bilingual(en: "move tickets to another line", zh: "将号票改排到其他号段")
        case .setWindowProfile: Bilingual(en: "change a window's lines and filter", zh: "修改窗口的叫号号段和范围")
        case .sendWindowMessage: Bilingual(en: "send messages to windows", zh: "向窗口发送消息")
        case .readWindowMessage: Bilingual(en: "mark this window's messages read", zh: "确认本窗口的消息已读")
        case .superviseHall: Bilingual(en: "open the supervisor's screen", zh: "打开现场监督屏")
        case .viewReports: Bilingual(en: "read the daily and monthly reports", zh: "查看日报和月报")
        }
    }
}

extension HallDatabase {
    /// Checks the policy without writing (for work outside the database, such as replacing its file).
    public func authorize(_ action: HallAction, by actor: Actor) throws {
        try read { db in try PermissionPolicy.check(db, action, by: actor) }
    }
}
