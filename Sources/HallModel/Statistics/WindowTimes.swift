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
        /// For a sign-in: the staff member who signed in (their time at the window is theirs until the sign-out).
        public var staff: String?
        public init(kind: EventKind, at: Date, window: Int?, ticketID: Int64?, staff: String? = nil) {
            self.kind = kind; self.at = at; self.window = window; self.ticketID = ticketID; self.staff = staff
        }
    }

    /// The event kinds that change what a window is doing.
    public static let markKinds: [EventKind] = [
        .signIn, .signOut, .pause, .resumeWindow, .call, .recall, .resume, .start,
        .finish, .noShow, .hold, .transfer, .cancel, .requeue, .unserved,
    ]

    /// Folds `marks` (in log order) up to `until` (now for today, else the day's last event).
    public static func fold(_ marks: [Mark], until: Date) -> [Int: WindowTimes] { foldByWindowAndStaff(marks, until: until).windows }

    /// The same, also per staff member: each window's time counts for the person signed in there (from their
    /// sign-in to their sign-out), so a clerk's idle and paused time is the time of the windows they held.
    public static func foldByWindowAndStaff(_ marks: [Mark], until: Date) -> (windows: [Int: WindowTimes], staff: [String: WindowTimes]) {
        struct State { var open = false, paused = false, occupant: Int64?, since: Date?, clerk: String? }
        var states: [Int: State] = [:]
        var times: [Int: WindowTimes] = [:]
        var staffTimes: [String: WindowTimes] = [:]
        var ticketWindow: [Int64: Int] = [:]

        func settle(_ window: Int, at: Date) {
            var s = states[window] ?? State()
            if let since = s.since, s.open {
                let seconds = max(0, min(at, until).timeIntervalSince(since))
                var part = WindowTimes()
                part.openSeconds = seconds
                if s.paused { part.pausedSeconds = seconds } else if s.occupant != nil { part.occupiedSeconds = seconds } else { part.idleSeconds = seconds }
                times[window] = (times[window] ?? WindowTimes()) + part
                if let clerk = s.clerk { staffTimes[clerk] = (staffTimes[clerk] ?? WindowTimes()) + part }
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
            case .signIn: s.open = true; s.paused = false; s.clerk = mark.staff
            case .signOut: s.open = false; s.paused = false; s.clerk = nil
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
        return (times, staffTimes)
    }

    /// Two spans of time added (a month is the sum of its days).
    public static func + (a: WindowTimes, b: WindowTimes) -> WindowTimes {
        var t = a
        t.openSeconds += b.openSeconds; t.pausedSeconds += b.pausedSeconds
        t.occupiedSeconds += b.occupiedSeconds; t.idleSeconds += b.idleSeconds
        return t
    }
}
