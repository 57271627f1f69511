/// Everything the queue refuses, with the reason a clerk reads. Thrown before anything is written.
public enum QueueError: UserFacingError, Equatable {
    case unknownLine(String)
    case unknownWindow(Int)
    case unknownTicket(String)
    case unknownTicketOn(code: String, date: String)
    case lineClosed(String)
    case dailyCapReached(line: String, cap: Int)
    case invalidPrefix(String)
    case illegalTransition(code: String, from: TicketState, action: TicketAction)
    case windowBusy(window: Int, code: String)
    case noActiveTicket(window: Int)
    case windowClosed(Int)
    case windowPaused(window: Int, reason: String)
    case tooFewCallsForNoShow(code: String, calls: Int, required: Int)
    case notHeldHere(code: String, window: Int)
    case lineNotServedByWindow(line: String, window: Int)
    case sameLineTransfer(String)
    case ticketNotForWindow(code: String, window: Int)
    /// `c CODE` for a ticket called, served or held at another window: names that window.
    case ticketAtAnotherWindow(code: String, state: TicketState, window: Int, windowName: String)
    /// A finished (or otherwise closed) ticket's note is part of its record and no longer changes.
    case noteOnClosedTicket(code: String, state: TicketState)
    case noteUnchanged(String)

    public var message: Bilingual {
        switch self {
        case .unknownLine(let p):
            return .init(en: "No service line '\(p)'.", zh: "没有号段“\(p)”。")
        case .unknownWindow(let n):
            return .init(en: "No window \(n).", zh: "没有 \(n) 号窗口。")
        case .unknownTicket(let c):
            return .init(en: "No ticket \(c) today.", zh: "今天没有 \(c) 号。")
        case .unknownTicketOn(let c, let date):
            return .init(en: "No ticket \(c) on \(date).", zh: "\(date) 没有 \(c) 号。")
        case .lineClosed(let p):
            return .init(en: "Line \(p) is closed; no tickets are issued for it now.", zh: "号段 \(p) 已停止取号。")
        case .dailyCapReached(let p, let cap):
            return .init(en: "Line \(p) has reached today's limit of \(Plural.english(cap, "ticket")).", zh: "号段 \(p) 今日号源已满（\(cap) 个）。")
        case .invalidPrefix(let p):
            return .init(en: "'\(p)' is not a valid line prefix: use 1–2 letters, not I or O.",
                         zh: "“\(p)”不是有效的号段前缀：应为 1–2 个字母，且不含 I、O。")
        case .illegalTransition(let code, let from, let action):
            return .init(en: "Ticket \(code) is \(from.label.en); it cannot be \(action.label.en).",
                         zh: "\(code) 号当前为“\(from.label.zh)”，不能\(action.label.zh)。")
        case .windowBusy(let w, let code):
            return .init(en: "Window \(w) still has ticket \(code): finish, no-show, hold or transfer it first.",
                         zh: "\(w) 号窗口还有 \(code) 号未办结：请先办结、过号、挂起或转移。")
        case .noActiveTicket(let w):
            return .init(en: "Window \(w) has no current ticket.", zh: "\(w) 号窗口当前没有正在办理的号。")
        case .windowClosed(let w):
            return .init(en: "Window \(w) is closed: sign in first (desk window open --window \(w)).",
                         zh: "\(w) 号窗口未开放：请先签到（desk window open --window \(w)）。")
        case .windowPaused(let w, let reason):
            return .init(en: "Window \(w) is paused (\(reason)): resume it first.", zh: "\(w) 号窗口已暂停（\(reason)）：请先恢复。")
        case .tooFewCallsForNoShow(let code, let calls, let required):
            return .init(en: "Ticket \(code) has been called \(Plural.english(calls, "time")); call it \(Plural.english(required, "time")) before marking a no-show.",
                         zh: "\(code) 号只叫了 \(calls) 次；叫满 \(required) 次后才能过号。")
        case .notHeldHere(let code, let w):
            return .init(en: "Ticket \(code) is not held at window \(w).", zh: "\(code) 号没有挂在 \(w) 号窗口。")
        case .lineNotServedByWindow(let p, let w):
            return .init(en: "Window \(w) does not serve line \(p).", zh: "\(w) 号窗口不办理 \(p) 号段。")
        case .sameLineTransfer(let p):
            return .init(en: "The ticket is already in line \(p).", zh: "该号已在 \(p) 号段。")
        case .ticketNotForWindow(let code, let w):
            return .init(en: "Ticket \(code) is not at window \(w).", zh: "\(code) 号不在 \(w) 号窗口。")
        case .ticketAtAnotherWindow(let code, let state, let w, let name):
            switch state {
            case .serving:
                return .init(en: "Ticket \(code) is being served at window \(w) (\(name)).", zh: "\(code) 号正在 \(w) 号窗口（\(name)）办理。")
            case .held:
                return .init(en: "Ticket \(code) is on hold at window \(w) (\(name)).", zh: "\(code) 号挂起在 \(w) 号窗口（\(name)）。")
            default:
                return .init(en: "Ticket \(code) is called to window \(w) (\(name)).", zh: "\(code) 号已被 \(w) 号窗口（\(name)）叫号。")
            }
        case .noteOnClosedTicket(let code, let state):
            return .init(en: "Ticket \(code) is \(state.label.en); its note can no longer be changed.",
                         zh: "\(code) 号已是“\(state.label.zh)”，备注不能再改。")
        case .noteUnchanged(let code):
            return .init(en: "Ticket \(code) already has that note.", zh: "\(code) 号的备注没有变化。")
        }
    }
}
