import Foundation

/// The calling order, as a documented, configurable rule. `choose` is pure: it sees the candidates
/// the database found for the window and returns which one to call and why.
///
/// Order of precedence (each step only among tickets the window's lines and filter admit):
/// 1. Green channel (绿色通道): the earliest queued green-channel ticket.
/// 2. Appointments due: appointment time ≤ now + `appointmentEarlyMinutes`, earliest appointment first.
/// 3. Transferred to the front (`TransferPlacement.front`, 排到队首): a walk-in placed at the front of its line
///    is called next, whatever the line weights; the latest placement (the earliest `queuedAt`) first.
/// 4. SLA escalation: a line whose head (earliest queued walk-in, priority or not) has waited past the
///    line's target; the most overdue line (wait ÷ target) first, ties by profile order.
/// 5. Priority classes (elderly, disabled, military, pregnant), unless the window has already made
///    `maxConsecutivePriorityCalls` priority calls in a row and a normal ticket is waiting (anti-starvation).
/// 6. FIFO: the normal ticket with the longest weighted wait (wait × line weight), ties by profile order.
/// 7. An idle window calls an appointment that is not due yet rather than stay idle (earliest first).
/// Waits count from `queuedAt` (arrival, or placement after a transfer).
public struct CallingPolicy: Sendable, Hashable, Codable {
    public var greenChannelFirst: Bool
    public var appointmentEarlyMinutes: Int
    public var escalateOverdueLines: Bool
    public var maxConsecutivePriorityCalls: Int
    public var callEarlyAppointmentsWhenIdle: Bool

    public init(greenChannelFirst: Bool = true, appointmentEarlyMinutes: Int = 0, escalateOverdueLines: Bool = true,
                maxConsecutivePriorityCalls: Int = 2, callEarlyAppointmentsWhenIdle: Bool = true) {
        self.greenChannelFirst = greenChannelFirst
        self.appointmentEarlyMinutes = appointmentEarlyMinutes
        self.escalateOverdueLines = escalateOverdueLines
        self.maxConsecutivePriorityCalls = maxConsecutivePriorityCalls
        self.callEarlyAppointmentsWhenIdle = callEarlyAppointmentsWhenIdle
    }

    public static let standard = CallingPolicy()

    public enum Reason: String, Sendable, Codable {
        case greenChannel = "green_channel", appointmentDue = "appointment_due", overdueLine = "overdue_line"
        case priority, fifo, earlyAppointment = "early_appointment", specific, placedFront = "placed_front"
    }

    public struct Decision: Sendable, Equatable {
        public var ticket: WaitingTicket
        public var reason: Reason
        /// The window's priority streak after this call.
        public var priorityStreak: Int
    }

    /// `lines` carries each profile line's target; `candidates` must contain, per line, at least the earliest
    /// queued ticket of each category and the earliest appointment (the database's candidate query does this;
    /// passing every waiting ticket gives the same answer).
    public func choose(window: ServiceWindow, lines: [Int64: ServiceLine], candidates: [WaitingTicket], now: Date) -> Decision? {
        let order = Dictionary(window.profile.enumerated().map { ($0.element.lineID, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let weight = Dictionary(window.profile.map { ($0.lineID, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let admitted = candidates.filter {
            order[$0.lineID] != nil && window.filter.admits(priority: $0.priority, hasAppointment: $0.appointmentAt != nil)
        }
        let dueLimit = now.addingTimeInterval(Double(appointmentEarlyMinutes) * 60)
        func isDue(_ t: WaitingTicket) -> Bool { t.appointmentAt.map { $0 <= dueLimit } ?? false }
        // Tickets with an appointment that is not due yet wait for their time.
        let walkIns = admitted.filter { $0.appointmentAt == nil && $0.priority != .greenChannel }
        func earliest(_ ts: [WaitingTicket]) -> WaitingTicket? {
            ts.min { ($0.queuedAt, order[$0.lineID]!, $0.id) < ($1.queuedAt, order[$1.lineID]!, $1.id) }
        }
        func longestWeighted(_ ts: [WaitingTicket]) -> WaitingTicket? {
            ts.min { a, b in
                let wa = now.timeIntervalSince(a.queuedAt) * (weight[a.lineID] ?? 1)
                let wb = now.timeIntervalSince(b.queuedAt) * (weight[b.lineID] ?? 1)
                if wa != wb { return wa > wb }
                return (order[a.lineID]!, a.queuedAt, a.id) < (order[b.lineID]!, b.queuedAt, b.id)
            }
        }
        func decide(_ t: WaitingTicket, _ reason: Reason) -> Decision {
            let streak: Int
            switch reason {
            case .greenChannel, .appointmentDue, .earlyAppointment, .placedFront: streak = window.priorityStreak
            default: streak = t.priority.isPriority ? window.priorityStreak + 1 : 0
            }
            return Decision(ticket: t, reason: reason, priorityStreak: streak)
        }

        if greenChannelFirst, let t = earliest(admitted.filter { $0.priority == .greenChannel }) {
            return decide(t, .greenChannel)
        }
        let due = admitted.filter(isDue)
        if let t = due.min(by: { ($0.appointmentAt!, order[$0.lineID]!, $0.id) < ($1.appointmentAt!, order[$1.lineID]!, $1.id) }) {
            return decide(t, .appointmentDue)
        }
        if let t = earliest(walkIns.filter(\.placedFront)) {
            return decide(t, .placedFront)
        }
        if escalateOverdueLines {
            var best: (ratio: Double, order: Int, ticket: WaitingTicket)?
            for (lineID, lineTickets) in Dictionary(grouping: walkIns, by: \.lineID) {
                guard let head = earliest(lineTickets), let line = lines[lineID], line.targetWaitMinutes > 0 else { continue }
                let ratio = now.timeIntervalSince(head.queuedAt) / Double(line.targetWaitMinutes * 60)
                guard ratio > 1 else { continue }
                if best == nil || ratio > best!.ratio || (ratio == best!.ratio && order[lineID]! < best!.order) {
                    best = (ratio, order[lineID]!, head)
                }
            }
            if let best { return decide(best.ticket, .overdueLine) }
        }
        let priority = walkIns.filter { $0.priority.isPriority }
        let normal = walkIns.filter { $0.priority == .normal }
        if let t = longestWeighted(priority), window.priorityStreak < maxConsecutivePriorityCalls || normal.isEmpty {
            return decide(t, .priority)
        }
        if let t = longestWeighted(normal) { return decide(t, .fifo) }
        if callEarlyAppointmentsWhenIdle,
           let t = admitted.filter({ $0.appointmentAt != nil && $0.priority != .greenChannel })
               .min(by: { ($0.appointmentAt!, $0.id) < ($1.appointmentAt!, $1.id) }) {
            return decide(t, .earlyAppointment)
        }
        return nil
    }
}

/// What the policy needs to know of a waiting ticket.
public struct WaitingTicket: Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var lineID: Int64
    public var priority: PriorityClass
    public var appointmentAt: Date?
    public var queuedAt: Date
    /// Transferred to the front of its line: called before the line weights are weighed.
    public var placedFront: Bool

    public init(id: Int64, code: String, lineID: Int64, priority: PriorityClass, appointmentAt: Date?, queuedAt: Date,
                placedFront: Bool = false) {
        self.id = id; self.code = code; self.lineID = lineID; self.priority = priority
        self.appointmentAt = appointmentAt; self.queuedAt = queuedAt; self.placedFront = placedFront
    }

    /// The waiting ticket as the policy sees it.
    public init(ticket: Ticket) {
        self.init(id: ticket.id, code: ticket.code, lineID: ticket.lineID, priority: ticket.priority,
                  appointmentAt: ticket.appointmentAt, queuedAt: ticket.queuedAt, placedFront: ticket.placedFront)
    }

    /// The candidate group the database fetches the earliest of, per line.
    public var category: QueueCategory {
        if priority == .greenChannel { return .green }
        if appointmentAt != nil { return .appointment }
        return priority.isPriority ? .priority : .normal
    }
}

public enum QueueCategory: String, Sendable, Codable, CaseIterable {
    case green, appointment, priority, normal
}
