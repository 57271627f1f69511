import Foundation

public enum TicketState: String, Sendable, Codable, CaseIterable {
    case waiting, called, serving, held, finished
    case noShow = "no_show"
    case cancelled
    case unserved

    /// Still in the hall's hands: day-end closes these.
    public var isOpen: Bool { [.waiting, .called, .serving, .held].contains(self) }
    /// Occupies its window: at most one such ticket per window.
    public var isActiveAtWindow: Bool { self == .called || self == .serving }

    public var label: Bilingual {
        switch self {
        case .waiting: .init(en: "waiting", zh: "等候中")
        case .called: .init(en: "called", zh: "已叫号")
        case .serving: .init(en: "being served", zh: "办理中")
        case .held: .init(en: "on hold", zh: "已挂起")
        case .finished: .init(en: "finished", zh: "已办结")
        case .noShow: .init(en: "a no-show", zh: "已过号")
        case .cancelled: .init(en: "cancelled", zh: "已取消")
        case .unserved: .init(en: "unserved at day end", zh: "日终未办")
        }
    }
}

/// Who a ticket belongs to, for calling order. Green channel (绿色通道, key projects) outranks
/// everything; the four priority classes share the anti-starvation limit.
public enum PriorityClass: String, Sendable, Codable, CaseIterable {
    case normal, elderly, disabled, military, pregnant
    case greenChannel = "green"

    public var isPriority: Bool { self != .normal && self != .greenChannel }

    public var label: Bilingual {
        switch self {
        case .normal: .init(en: "normal", zh: "普通")
        case .elderly: .init(en: "elderly", zh: "老年人")
        case .disabled: .init(en: "disabled", zh: "残疾人")
        case .military: .init(en: "military", zh: "军人")
        case .pregnant: .init(en: "pregnant", zh: "孕妇")
        case .greenChannel: .init(en: "green channel", zh: "绿色通道")
        }
    }
}

public enum TicketSource: String, Sendable, Codable, CaseIterable {
    case kiosk, desk, appointment, proxy
}

/// How a transferred ticket joins its new line.
public enum TransferPlacement: String, Sendable, Codable, CaseIterable {
    /// Keeps its original arrival time: it waits as if it had been in the new line all along.
    case original
    /// Ahead of everyone waiting in the new line.
    case front
    /// Behind everyone: as if it arrived now.
    case back
}

public struct Ticket: Sendable, Hashable, Codable {
    public var id: Int64
    public var code: String
    public var businessDate: String
    public var lineID: Int64
    public var originLineID: Int64
    public var sequence: Int
    public var state: TicketState
    public var priority: PriorityClass
    public var source: TicketSource
    public var appointmentAt: Date?
    public var issuedAt: Date
    /// Ordering key within its line: the arrival time, or the placement time after a transfer.
    public var queuedAt: Date
    public var calledAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var windowID: Int?
    public var callCount: Int
    public var transferCount: Int
    public var citizenID: Int64?
    public var proxyAgentID: String?
    /// The clerk's note on the ticket (free text, cleaned and bounded), nil when none. It is on the ticket's
    /// own row, so it travels with the ticket through transfers and holds.
    public var note: String?
    /// Transferred to the front of its line (`TransferPlacement.front`): the next call of a window serving the
    /// line calls it.
    public var placedFront: Bool

    public init(id: Int64, code: String, businessDate: String, lineID: Int64, originLineID: Int64, sequence: Int,
                state: TicketState, priority: PriorityClass, source: TicketSource, appointmentAt: Date?,
                issuedAt: Date, queuedAt: Date, calledAt: Date? = nil, startedAt: Date? = nil, finishedAt: Date? = nil,
                windowID: Int? = nil, callCount: Int = 0, transferCount: Int = 0,
                citizenID: Int64? = nil, proxyAgentID: String? = nil, note: String? = nil, placedFront: Bool = false) {
        self.id = id; self.code = code; self.businessDate = businessDate; self.lineID = lineID
        self.originLineID = originLineID; self.sequence = sequence; self.state = state; self.priority = priority
        self.source = source; self.appointmentAt = appointmentAt; self.issuedAt = issuedAt; self.queuedAt = queuedAt
        self.calledAt = calledAt; self.startedAt = startedAt; self.finishedAt = finishedAt; self.windowID = windowID
        self.callCount = callCount; self.transferCount = transferCount; self.citizenID = citizenID
        self.proxyAgentID = proxyAgentID; self.note = note; self.placedFront = placedFront
    }
}
