/// The ticket state machine. Every state change goes through `TicketLifecycle.next`, which either
/// names the new state or refuses; the database applies nothing that was refused.
public enum TicketAction: String, Sendable, Codable, CaseIterable {
    case call, recall, start, finish, noShow = "no_show", hold, resume, transfer, cancel, requeue, dayClose = "day_close", reopen
    /// A supervisor moves a waiting or held ticket to another line (`HallDatabase.moveTicket`); it keeps its code,
    /// as a transfer does, and its event is a `transfer` one.
    case move

    public var label: Bilingual {
        switch self {
        case .call: .init(en: "called", zh: "叫号")
        case .recall: .init(en: "recalled", zh: "重呼")
        case .start: .init(en: "started", zh: "开始办理")
        case .finish: .init(en: "finished", zh: "办结")
        case .noShow: .init(en: "marked a no-show", zh: "过号")
        case .hold: .init(en: "put on hold", zh: "挂起")
        case .resume: .init(en: "called back", zh: "回呼")
        case .transfer: .init(en: "transferred", zh: "转移")
        case .cancel: .init(en: "cancelled", zh: "取消")
        case .requeue: .init(en: "returned to the queue", zh: "退回队列")
        case .dayClose: .init(en: "closed at day end", zh: "日终关闭")
        case .reopen: .init(en: "reopened", zh: "恢复")
        case .move: .init(en: "moved to another line", zh: "改排号段")
        }
    }
}

public enum TicketLifecycle {
    /// The state after `action`, or nil when the action is not allowed from `state`.
    public static func next(from state: TicketState, on action: TicketAction) -> TicketState? {
        switch (action, state) {
        case (.call, .waiting): .called
        case (.recall, .called): .called
        case (.start, .called): .serving
        case (.finish, .serving): .finished
        case (.noShow, .called): .noShow
        case (.hold, .called), (.hold, .serving): .held
        case (.resume, .held): .called
        case (.transfer, .called), (.transfer, .serving), (.transfer, .held): .waiting
        // Not a ticket at the counter: one called or served is the window's to transfer.
        case (.move, .waiting), (.move, .held): .waiting
        case (.cancel, .waiting), (.cancel, .called), (.cancel, .held): .cancelled
        case (.requeue, .called), (.requeue, .held): .waiting
        case (.dayClose, let s) where s.isOpen: .unserved
        // A supervisor undoes a cancel, a no-show or a day-end close: the ticket queues again.
        case (.reopen, .cancelled), (.reopen, .noShow), (.reopen, .unserved): .waiting
        default: nil
        }
    }

    /// `next`, throwing the clerk-readable refusal.
    public static func apply(_ action: TicketAction, to state: TicketState, code: String) throws -> TicketState {
        guard let next = next(from: state, on: action) else {
            throw QueueError.illegalTransition(code: code, from: state, action: action)
        }
        return next
    }
}
