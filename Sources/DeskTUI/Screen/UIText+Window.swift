import Queue

// MARK: Window clerk's screen
extension UIText {
    // Header
    public static func windowNumber(_ id: Int) -> Bilingual { Bilingual(en: "Window \(id)", zh: "\(id) 号窗口") }
    public static let noStaff = Bilingual(en: "nobody signed in", zh: "未签到")
    public static let windowOpen = Bilingual(en: "open", zh: "开放")
    public static let windowServing = Bilingual(en: "serving", zh: "办理中")
    public static let windowCalled = Bilingual(en: "called", zh: "已叫号")
    public static let windowClosed = Bilingual(en: "closed", zh: "关闭")
    public static func windowPaused(_ reason: String) -> Bilingual {
        Bilingual(en: "paused (\(reason))", zh: "暂停（\(reason)）")
    }

    // Current ticket panel
    public static let currentTicket = Bilingual(en: "Current ticket", zh: "当前号")
    public static let fieldLine = Bilingual(en: "Line", zh: "号段")
    public static let fieldPriority = Bilingual(en: "Class", zh: "类别")
    public static let fieldWaited = Bilingual(en: "Waited", zh: "等候")
    public static let fieldRecalls = Bilingual(en: "Recalls", zh: "重呼")
    public static let fieldService = Bilingual(en: "Service", zh: "办理")
    public static let fieldState = Bilingual(en: "State", zh: "状态")
    /// A transferred ticket: the line and window it came from.
    public static let fieldFrom = Bilingual(en: "From", zh: "转自")
    public static let fieldNote = Bilingual(en: "Note", zh: "备注")
    public static let fieldAppointment = Bilingual(en: "Appt.", zh: "预约")
    /// Why the calling policy called a ticket, in words (the current-ticket panel).
    public static func callReason(_ reason: CallingPolicy.Reason) -> Bilingual {
        switch reason {
        case .greenChannel: Bilingual(en: "green channel first", zh: "绿色通道优先")
        case .appointmentDue: Bilingual(en: "due: goes first", zh: "已到时，优先叫号")
        case .overdueLine: Bilingual(en: "its line waited past target", zh: "号段等候超时优先")
        case .priority: Bilingual(en: "priority class", zh: "优先人群")
        case .fifo: Bilingual(en: "in turn", zh: "按顺序")
        case .earlyAppointment: Bilingual(en: "early: window idle", zh: "提前：窗口空闲")
        case .placedFront: Bilingual(en: "transferred to the front", zh: "转入排到队首")
        case .specific: Bilingual(en: "called by its code", zh: "指定叫号")
        }
    }
    /// An appointment in the waiting list: its time and, when that is why it goes first, a word for it.
    public static func appointmentTag(_ time: String, reason: CallingPolicy.Reason?) -> Bilingual {
        switch reason {
        case .appointmentDue?: Bilingual(en: "appt \(time) due", zh: "预约\(time)到时")
        case .earlyAppointment?: Bilingual(en: "appt \(time) early", zh: "预约\(time)提前")
        default: Bilingual(en: "appt \(time)", zh: "预约\(time)")
        }
    }
    public static let notStarted = Bilingual(en: "not started", zh: "未开始")
    public static func minutes(_ n: Int) -> Bilingual { Bilingual(en: "\(n) min", zh: "\(n) 分钟") }
    /// How often a ticket was recalled: the panel and the status line say the same, and English counts right.
    public static func recalls(_ n: Int) -> Bilingual { Bilingual(en: Plural.english(n, "time"), zh: "\(n) 次") }
    public static func calledAgo(_ elapsed: String) -> Bilingual { Bilingual(en: "\(elapsed) ago", zh: "\(elapsed) 前") }
    public static let noCurrentTicket = Bilingual(en: "No ticket at the window.", zh: "当前没有办理中的号。")
    public static let hintCallNext = Bilingual(en: "Press n to call the next ticket.", zh: "按 n 叫下一位。")
    public static let closedTitle = Bilingual(en: "The window is closed.", zh: "窗口未开放。")
    public static let hintSignIn = Bilingual(en: "Please sign in.", zh: "请签到。")
    public static func pausedTitle(_ reason: String) -> Bilingual { Bilingual(en: "Paused: \(reason)", zh: "暂停中：\(reason)") }
    public static let hintResume = Bilingual(en: "Press p to resume calling.", zh: "按 p 恢复叫号。")

    // Lists
    public static func waitingTitle(_ n: Int) -> Bilingual { Bilingual(en: "Waiting for this window: \(n)", zh: "本窗口等候：\(n) 人") }
    /// The count in a row short of room (the top row over the catalog or the intake form).
    public static func waitingShort(_ n: Int) -> Bilingual { Bilingual(en: "\(n) waiting", zh: "等候 \(n) 人") }
    public static func heldTitle(_ n: Int) -> Bilingual { Bilingual(en: "Held here: \(n)", zh: "本窗口挂起：\(n)") }
    public static let columnCode = Bilingual(en: "No.", zh: "号码")
    public static let columnLine = Bilingual(en: "Line", zh: "号段")
    public static let columnPriority = Bilingual(en: "Class", zh: "类别")
    public static let columnWaited = Bilingual(en: "Wait", zh: "已等")
    public static let columnIssued = Bilingual(en: "Taken", zh: "取号")
    public static let columnAppointment = Bilingual(en: "Appt.", zh: "预约")
    public static let nobodyWaiting = Bilingual(en: "Nobody is waiting.", zh: "暂无等候。")
    public static let nothingHeld = Bilingual(en: "Nothing held.", zh: "无挂起的号。")
    public static func moreWaiting(_ n: Int) -> Bilingual { Bilingual(en: "+\(n) more", zh: "另有 \(n) 人") }
    public static func waitedMinutesShort(_ n: Int) -> Bilingual { Bilingual(en: "\(n)m", zh: "\(n)分") }
    /// How long a ticket has been held: minutes, and hours from 60 minutes on.
    public static func heldFor(_ minutes: Int) -> Bilingual {
        minutes < 60 ? Bilingual(en: "\(minutes) min", zh: "\(minutes) 分")
            : Bilingual(en: "\(minutes / 60) h \(minutes % 60) min", zh: "\(minutes / 60) 时 \(minutes % 60) 分")
    }

    /// Short class names for the list column (the full labels are on `PriorityClass`).
    public static func priorityShort(_ p: PriorityClass) -> Bilingual {
        switch p {
        case .normal: Bilingual(en: "normal", zh: "普通")
        case .elderly: Bilingual(en: "elderly", zh: "老年人")
        case .disabled: Bilingual(en: "disabled", zh: "残疾人")
        case .military: Bilingual(en: "military", zh: "军人")
        case .pregnant: Bilingual(en: "pregnant", zh: "孕妇")
        case .greenChannel: Bilingual(en: "green", zh: "绿色通道")
        }
    }

    // Key bar labels
    public static let keyCallNext = Bilingual(en: "Next", zh: "叫号")
    public static let keyRecall = Bilingual(en: "Recall", zh: "重呼")
    public static let keyStart = Bilingual(en: "Start", zh: "开始")
    public static let keyFinish = Bilingual(en: "Finish", zh: "办结")
    public static let keyNoShow = Bilingual(en: "No-show", zh: "过号")
    public static let keyTransfer = Bilingual(en: "Transfer", zh: "转移")
    public static let keyHold = Bilingual(en: "Hold", zh: "挂起")
    public static let keyCallBack = Bilingual(en: "Held", zh: "回呼")
    public static let keyPause = Bilingual(en: "Pause", zh: "暂停")
    public static let keyResume = Bilingual(en: "Resume", zh: "恢复")
    public static let keyCallSpecific = Bilingual(en: "Call no.", zh: "指定叫号")
    public static let keySignOut = Bilingual(en: "Sign out", zh: "签退")
    public static let keyNote = Bilingual(en: "Note", zh: "备注")
    public static let keyCatalog = Bilingual(en: "Catalog", zh: "事项")
    public static let keySelect = Bilingual(en: "Select", zh: "选择")
    public static let keyByNumber = Bilingual(en: "By number", zh: "按序号")

    // Help overlay
    public static let helpTitle = Bilingual(en: "Keys", zh: "按键说明")
    public static let helpCallNext = Bilingual(en: "Call the next ticket (calling order)", zh: "叫下一位（按叫号顺序）")
    public static let helpRecall = Bilingual(en: "Recall the current ticket", zh: "重呼当前号")
    public static let helpStart = Bilingual(en: "Start serving", zh: "开始办理")
    public static let helpFinish = Bilingual(en: "Finish", zh: "办结")
    public static func helpNoShow(_ calls: Int) -> Bilingual {
        Bilingual(en: "No-show (after \(Plural.english(calls, "call")))", zh: "过号（叫满 \(calls) 次后）")
    }
    public static let helpTransfer = Bilingual(en: "Transfer: choose a line, then where it queues", zh: "转移：选号段，再选排队位置")
    public static let helpHold = Bilingual(en: "Hold the current ticket; with none, the held list", zh: "挂起当前号；无当前号时打开挂起列表")
    public static let helpCallBack = Bilingual(en: "Held list: call a held ticket back", zh: "挂起列表：选一个回呼")
    public static let helpPause = Bilingual(en: "Pause with a reason / resume", zh: "暂停（选原因）/ 恢复")
    public static let helpCallSpecific = Bilingual(en: "Call a specific ticket: type its number, Enter", zh: "指定叫号：输入号码，回车")
    public static let helpNote = Bilingual(en: "Note on the current ticket (it goes with holds and transfers)",
                                           zh: "当前号的备注（挂起、转移时随号）")
    public static let helpSignOut = Bilingual(en: "Sign out and close the window", zh: "签退并关闭窗口")
    public static let helpCatalog = Bilingual(en: "Look up an item's materials and time limits", zh: "查事项清单：材料、时限")
    public static let helpHelp = Bilingual(en: "This help", zh: "本帮助")
    public static let helpQuit = Bilingual(en: "Quit (signs out; a pause stays)", zh: "退出（签退；暂停保持）")
    public static let helpEscape = Bilingual(en: "Cancel a list, an entry or this help; clear the filter", zh: "取消选择、输入或关闭帮助；清除筛选")
    public static let helpFilterWaiting = Bilingual(en: "Filter the waiting list: type a code, Enter", zh: "筛选等候列表：输入号码，回车")
    public static let helpScrollWaiting = Bilingual(en: "Scroll the waiting list", zh: "翻看等候列表")
    public static let noMatchingTicket = Bilingual(en: "No waiting ticket matches.", zh: "没有相符的等候号。")

    // A supervisor's message (issue 11, hallops11): the banner over the waiting list, its key `m`.
    public static let keyReadMessage = Bilingual(en: "Read", zh: "已读")
    public static let helpReadMessage = Bilingual(en: "Mark the supervisor's message read (the next one shows)", zh: "确认督导消息已读（显示下一条）")
    /// The banner's title: "督导消息 · m 已读", with how many more wait behind this one.
    public static func messageTitle(more: Int) -> Bilingual {
        more > 0 ? Bilingual(en: "Message (+\(more) more) · m: read", zh: "督导消息（另有 \(more) 条）· m 已读")
            : Bilingual(en: "Message · m: read", zh: "督导消息 · m 已读")
    }
    /// "周建国（M01） 10:32 发给全部窗口": who sent it, when, and to whom.
    public static func messageFrom(name: String, staff: String, time: String, toAll: Bool) -> Bilingual {
        Bilingual(en: "\(name) (\(staff)) at \(time), to \(toAll ? "all windows" : "this window")",
                  zh: "\(name)（\(staff)） \(time) 发给\(toAll ? "全部窗口" : "本窗口")")
    }
    public static let resultMessageRead = Bilingual(en: "Message marked read.", zh: "消息已确认。")
    public static let noUnreadMessage = Bilingual(en: "No unread message.", zh: "没有未读消息。")

    // The catalog over the window (`i`, F11): the top row keeps the window in sight (its key bar says F10
    // leads back to the window: `CatalogScreen.Host.window`).
    public static func catalogOverWindowCurrent(_ code: String) -> Bilingual { Bilingual(en: "current \(code)", zh: "当前 \(code)") }

    // Pickers and entries
    public static let pickLine = Bilingual(en: "Transfer to line", zh: "转移到号段")
    public static let pickPlacement = Bilingual(en: "Where it queues", zh: "排队位置")
    public static func placement(_ p: TransferPlacement) -> Bilingual {
        switch p {
        case .original: Bilingual(en: "By its original ticket time", zh: "按原取号时间")
        case .front: Bilingual(en: "Front of the line", zh: "排到队首")
        case .back: Bilingual(en: "Back of the line", zh: "排到队尾")
        }
    }
    public static let pickHeld = Bilingual(en: "Call back a held ticket", zh: "回呼挂起的号")
    public static let pickPauseReason = Bilingual(en: "Pause: reason", zh: "暂停原因")
    public static let enterPauseReason = Bilingual(en: "Pause: type the reason", zh: "暂停：输入原因")
    public static let enterCode = Bilingual(en: "Call ticket number", zh: "指定叫号：号码")
    public static func enterNote(_ code: String) -> Bilingual {
        Bilingual(en: "Note on \(code) (empty: remove)", zh: "\(code) 号备注（清空即删除）")
    }
    public static let noOtherLine = Bilingual(en: "There is no other line to transfer to.", zh: "没有可转移的其他号段。")

    // Results in the status line
    public static func resultCalled(_ code: String) -> Bilingual { Bilingual(en: "Called \(code).", zh: "已叫 \(code) 号。") }
    public static let resultNothingWaiting = Bilingual(en: "Nobody is waiting for this window.", zh: "本窗口暂无等候的号。")
    public static func resultRecalled(_ code: String, _ recalls: Int) -> Bilingual {
        let count = Self.recalls(recalls)
        return Bilingual(en: "Recalled \(code) (\(count.en)).", zh: "已重呼 \(code) 号（共 \(count.zh)）。")
    }
    public static func resultStarted(_ code: String) -> Bilingual { Bilingual(en: "Serving \(code).", zh: "开始办理 \(code) 号。") }
    public static func resultFinished(_ code: String) -> Bilingual { Bilingual(en: "Finished \(code).", zh: "\(code) 号已办结。") }
    public static func resultNoShow(_ code: String) -> Bilingual { Bilingual(en: "\(code) marked a no-show.", zh: "\(code) 号已过号。") }
    public static func resultHeld(_ code: String) -> Bilingual { Bilingual(en: "\(code) is on hold here.", zh: "\(code) 号已挂起。") }
    public static func resultRequeued(_ code: String) -> Bilingual { Bilingual(en: "\(code) is back in the queue.", zh: "\(code) 号已退回队列。") }
    public static func resultCalledBack(_ code: String) -> Bilingual { Bilingual(en: "Called back \(code).", zh: "已回呼 \(code) 号。") }
    public static func resultTransferred(_ code: String, _ line: String) -> Bilingual {
        Bilingual(en: "\(code) transferred to line \(line).", zh: "\(code) 号已转至 \(line) 号段。")
    }
    public static func resultNoteSet(_ code: String) -> Bilingual { Bilingual(en: "Note on \(code) saved.", zh: "\(code) 号备注已保存。") }
    public static func resultNoteCleared(_ code: String) -> Bilingual { Bilingual(en: "Note on \(code) removed.", zh: "\(code) 号备注已删除。") }
    public static let resultPaused = Bilingual(en: "Calling paused.", zh: "已暂停叫号。")
    public static let resultResumed = Bilingual(en: "Calling resumed.", zh: "已恢复叫号。")
    public static func resultSignedIn(_ name: String) -> Bilingual { Bilingual(en: "Signed in: \(name).", zh: "已签到：\(name)。") }
    public static let resultSignedOut = Bilingual(en: "Signed out; the window is closed.", zh: "已签退，窗口已关闭。")
    public static let resultUnlocked = Bilingual(en: "Unlocked.", zh: "已解锁。")
    public static let notSignedIn = Bilingual(en: "Nobody is signed in at this window.", zh: "本窗口无人签到。")

    // Sign-in, move, leave, lock
    public static func signInTitle(_ window: Int) -> Bilingual { Bilingual(en: "Sign in at window \(window)", zh: "\(window) 号窗口签到") }
    /// The sign-in box's title on a screen that is not a window's.
    public static let signInBoxTitle = Bilingual(en: "Sign in", zh: "签到")
    public static let fieldStaffNumber = Bilingual(en: "Staff no.", zh: "工号")
    public static let fieldPassword = Bilingual(en: "Password", zh: "密码")
    public static let keySwitchField = Bilingual(en: "Switch", zh: "切换")
    /// The form's own hint, in the key bar's words.
    public static func signInHint(_ language: Language) -> String {
        "Tab " + keySwitchField.text(language) + "  Enter " + confirm.text(language) + "  F10 " + quit.text(language)
    }
    public static func confirmMove(name: String, from: Int, to: Int) -> Bilingual {
        Bilingual(en: "\(name) is signed in at window \(from). Move to window \(to)?", zh: "\(name) 已在 \(from) 号窗口签到，移到 \(to) 号窗口？")
    }
    public static let resultSignedOutElsewhere = Bilingual(en: "You were signed out of this window elsewhere.", zh: "您已在别处被签退。")
    public static let wrongPassword = Bilingual(en: "Wrong password.", zh: "密码错误。")
    public static let confirmMoveHint = Bilingual(en: "y move here   n/Esc cancel", zh: "y 移到本窗口   n/Esc 取消")
    public static let lockedTitle = Bilingual(en: "Screen locked", zh: "屏幕已锁定")
    public static let unlockByAccount = Bilingual(en: "Press Enter to unlock.", zh: "按 Enter 解锁。")
    public static let unlockHint = Bilingual(en: "Enter unlock  (idle too long)", zh: "Enter 解锁（空闲超时）")
    public static func leaveFirst(_ code: String, quitting: Bool) -> Bilingual {
        quitting ? Bilingual(en: "\(code) is at the window: before quitting,", zh: "\(code) 尚在窗口，退出前请先")
                 : Bilingual(en: "\(code) is at the window: before signing out,", zh: "\(code) 尚在窗口，签退前请先")
    }
    public static let leaveFinish = Bilingual(en: "finish it", zh: "办结")
    public static let leaveHold = Bilingual(en: "hold it", zh: "挂起")
    public static let leaveRequeue = Bilingual(en: "send it back to the queue", zh: "退回队列")
}

/// The pause reasons a clerk picks from; "other" takes typed text.
public enum PauseReason: CaseIterable, Sendable {
    case lunch, meeting, systemFault, other

    public var label: Bilingual {
        switch self {
        case .lunch: Bilingual(en: "lunch", zh: "午休")
        case .meeting: Bilingual(en: "meeting", zh: "会议")
        case .systemFault: Bilingual(en: "system fault", zh: "系统故障")
        case .other: Bilingual(en: "other (type it)", zh: "其他（输入原因）")
        }
    }

    /// What is stored in the database: the hall's working language, so every screen and report
    /// reads the same word; `display` turns it back into the reader's language.
    public var stored: String? { self == .other ? nil : label.zh }

    /// A stored reason in `language`: a preset's word is translated, typed text is shown as entered.
    public static func display(_ stored: String, _ language: Language) -> String {
        allCases.first { $0.stored == stored }?.label.text(language) ?? stored
    }
}
