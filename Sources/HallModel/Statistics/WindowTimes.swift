import Foundation
import Queue

/// How a window spent a business day, folded from the event log: signed-in (open) time split into paused,
/// occupied (a ticket called, in service or being recalled there) and idle (open, not paused, nobody at the
/// window). Times before the first sign-in or after a sign-out count as nothing.
public struct WindowTimes: Sendable, Equatable {
    public var openSeconds: Double = 0
    public var pausedSeconds: Double = 0
    public var occupiedSeconds: Double = 0
    public var idleSeconds: Double = 0

    public init() {}

    /// One event that changes what a window is doing: a window event (sign-in, sign-out, pause, resume) or a
    /// ticket event (a call takes the window; finish, no-show, hold, transfer, cancel, requeue free it).
    public struct Mark: Sendable {
        public var kind: EventKind
        public var at: Date
        public var window: Int?
        public var ticketID: Int64?
        public init(kind: EventKind, at: Date, window: Int?, ticketID: Int64?) {
            self.kind = kind; self.at = at; self.window = window; self.ticketID = ticketID
        }
    }

    /// The event kinds that change what a window is doing.
    public static let markKinds: [EventKind] = [
        .signIn, .signOut, .pause, .resumeWindow, .call, .recall, .resume, .start,
        .finish, .noShow, .hold, .transfer, .cancel, .requeue, .unserved,
    ]

    /// Folds `marks` (in log order) up to `until` (now for today, else the day's last event).
    public static func fold(_ marks: [Mark], until: Date) -> [Int: WindowTimes] {
        struct State { var open = false, paused = false, occupant: Int64?, since: Date? }
        var states: [Int: State] = [:]
        var times: [Int: WindowTimes] = [:]
        var ticketWindow: [Int64: Int] = [:]

        func settle(_ window: Int, at: Date) {
            var s = states[window] ?? State()
            if let since = s.since, s.open {
                let seconds = max(0, min(at, until).timeIntervalSince(since))
                var t = times[window] ?? WindowTimes()
                t.openSeconds += seconds
                if s.paused { t.pausedSeconds += seconds } else if s.occupant != nil { t.occupiedSeconds += seconds } else { t.idleSeconds += seconds }
                times[window] = t
            }
            s.since = at
            states[window] = s
        }

        for mark in marks {
            let window = mark.window ?? mark.ticketID.flatMap { ticketWindow[$0] }
            guard let window else { continue }
            settle(window, at: mark.at)
            var s = states[window] ?? State()
            switch mark.kind {
            case .signIn: s.open = true; s.paused = false
            case .signOut: s.open = false; s.paused = false
            case .pause: s.paused = true
            case .resumeWindow: s.paused = false
            case .call, .recall, .resume, .start:
                if let id = mark.ticketID { s.occupant = id; ticketWindow[id] = window }
            case .finish, .noShow, .hold, .transfer, .cancel, .requeue, .unserved:
                if let id = mark.ticketID, s.occupant == id { s.occupant = nil }
                if let id = mark.ticketID { ticketWindow[id] = nil }
            default: break
            }
            states[window] = s
        }
        for window in states.keys { settle(window, at: until) }
        return times
    }
}
