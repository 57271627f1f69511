/// A window (窗口) and what it calls from.
public struct ServiceWindow: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var profile: [ProfileEntry]
    public var filter: WindowFilter
    public var state: WindowState
    public var pauseReason: String?
    public var staffID: String?
    /// Priority calls made in a row, for the anti-starvation limit.
    public var priorityStreak: Int

    public init(id: Int, name: String, profile: [ProfileEntry], filter: WindowFilter = .all, state: WindowState = .closed,
                pauseReason: String? = nil, staffID: String? = nil, priorityStreak: Int = 0) {
        self.id = id; self.name = name; self.profile = profile; self.filter = filter; self.state = state
        self.pauseReason = pauseReason; self.staffID = staffID; self.priorityStreak = priorityStreak
    }

    public func serves(lineID: Int64) -> Bool { profile.contains { $0.lineID == lineID } }
}

/// One line of a window's profile. Order is the tie-break; weight scales the line's waits
/// (weight 2: a ticket of this line counts as having waited twice as long).
public struct ProfileEntry: Sendable, Hashable, Codable {
    public var lineID: Int64
    public var weight: Double
    public init(lineID: Int64, weight: Double = 1) { self.lineID = lineID; self.weight = weight }
}

public enum WindowFilter: String, Sendable, Codable, CaseIterable {
    case all
    /// Only priority classes and the green channel (a 优先窗口).
    case priorityOnly = "priority"
    /// Only tickets with an appointment (预约窗口).
    case appointmentsOnly = "appointments"

    public func admits(priority: PriorityClass, hasAppointment: Bool) -> Bool {
        switch self {
        case .all: true
        case .priorityOnly: priority != .normal
        case .appointmentsOnly: hasAppointment
        }
    }
}

/// Stored state. "Serving" is not stored: a window serves while it holds an active ticket.
public enum WindowState: String, Sendable, Codable, CaseIterable {
    case open, paused, closed

    public var label: Bilingual {
        switch self {
        case .open: .init(en: "open", zh: "开放")
        case .paused: .init(en: "paused", zh: "暂停")
        case .closed: .init(en: "closed", zh: "关闭")
        }
    }
}
