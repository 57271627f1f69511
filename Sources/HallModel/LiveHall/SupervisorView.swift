import Foundation
import Queue

/// The live hall as the supervisor's screen shows it (`desk supervise`), read in one transaction by
/// `HallDatabase.supervisorView(by:)`: every line and window with today's figures (`DayStatistics`, the same fold as
/// `desk stats`), the cases at risk (the supervisor's "mine" of `cases(_:)`), the pending intakes near art. 32's limit,
/// the day's charts (`DayCurves`), and the follow-ups of ratings and complaints.
public struct SupervisorView: Sendable {
    public struct Line: Sendable, Equatable {
        public var line: ServiceLine
        public var waiting: Int
        /// Seconds the longest-waiting ticket has waited (0 when none waits).
        public var longestWaitSeconds: Int
        /// Today's figures of the line (arrivals, served, service level) from the event log.
        public var today: DayStatistics.Figures
        /// The head of the line has waited past the line's target.
        public var pastTarget: Bool { waiting > 0 && longestWaitSeconds > line.targetWaitMinutes * 60 }
    }

    public struct Window: Sendable, Equatable {
        public var window: ServiceWindow
        public var staffName: String?
        /// The ticket called or in service there.
        public var current: Ticket?
        public var held: Int
        /// Today's figures of the tickets it called, and its open / paused / occupied / idle time up to now.
        public var today: DayStatistics.Figures
        public var times: WindowTimes
        /// Since when it is paused (its last `pause` event today), when it is.
        public var pausedSince: Date?

        /// Seconds the current ticket has been in service (or, only called, since its call), at `now`.
        public func serviceSeconds(at now: Date) -> Int? {
            guard let t = current, let since = t.startedAt ?? t.calledAt else { return nil }
            return max(0, Int(now.timeIntervalSince(since)))
        }
    }

    /// Why a case is at risk, the most pressing first (`CaseRisk.reason`).
    public enum CaseRiskReason: String, Sendable, CaseIterable, Equatable {
        /// Its deadline (promised, or the result's once decided) has passed: red.
        case overdue
        /// A 容缺 supplement deadline has passed with materials still out.
        case supplementOverdue
        /// A handover to the supervising department not acknowledged in `handover_ack_days`.
        case handoverUnacknowledged
        /// Its deadline is within `case_yellow_days` working days: yellow.
        case dueSoon
        /// A 容缺 supplement deadline within `case_yellow_days` working days.
        case supplementDue

        /// Overdue reasons are marked "!" on the screen (never colour alone).
        public var isOverdue: Bool { self == .overdue || self == .supplementOverdue || self == .handoverUnacknowledged }
    }

    public struct CaseRisk: Sendable, Equatable {
        public var entry: CaseListEntry
        public var reason: CaseRiskReason

        /// The reason a listed case is at risk on `today` (the list's terms, in the order they press).
        public static func reason(_ entry: CaseListEntry, today: CivilDate, yellowUntil: CivilDate) -> CaseRiskReason {
            let supplementOut = entry.record.supplementDue != nil && entry.record.state.clockRuns
            if entry.light.light == .red { return .overdue }
            if supplementOut, let due = entry.record.supplementDue, due < today { return .supplementOverdue }
            if entry.handover?.isOverdue == true { return .handoverUnacknowledged }
            if entry.light.light == .yellow { return .dueSoon }
            if supplementOut, let due = entry.record.supplementDue, due <= yellowUntil { return .supplementDue }
            return .dueSoon
        }
    }

    /// A follow-up the supervisor watches: a bad review awaiting rectification, a complaint due. Filled from the
    /// ratings' and complaints' stores (docs/supervision.md).
    public struct FollowUp: Sendable, Equatable {
        /// Its number or reference as its store gives it.
        public var reference: String
        /// The window (a bad review's), if any.
        public var window: Int?
        /// What it is about, as entered.
        public var summary: String
        public var due: CivilDate?
        public var overdue: Bool
        /// Where it stands (待整改, 申诉中; 已登记, 已交办, 已答复): what the supervisor does next.
        public var state: Bilingual
        public init(reference: String, window: Int?, summary: String, due: CivilDate?, overdue: Bool, state: Bilingual) {
            self.reference = reference; self.window = window; self.summary = summary; self.due = due; self.overdue = overdue
            self.state = state
        }

        /// A bad review: the ticket, the level and what the citizen wrote.
        init(badReview r: Rectification) {
            let said = r.rating.note.map { " · " + $0 } ?? ""
            self.init(reference: r.number, window: r.rating.window, summary: "\(r.rating.ticketCode) · \(r.rating.level.rawValue)\(said)",
                      due: r.due, overdue: r.overdue, state: r.state.label)
        }

        /// A complaint: what it says.
        init(complaint c: Complaint) {
            self.init(reference: c.number, window: c.subject.window, summary: c.content, due: c.dueOn, overdue: c.overdue, state: c.state.label)
        }
    }

    public var hallName: String
    public var businessDate: String
    public var today: CivilDate
    public var now: Date
    public var lines: [Line]
    public var windows: [Window]
    /// The whole hall today.
    public var total: DayStatistics.Figures
    /// The cases at risk, overdue first, then by deadline; at most `caseLimit`.
    public var cases: [CaseRisk]
    /// "Received, checking" intakes whose 5-working-day limit (art. 32) falls within `case_yellow_days`, oldest first.
    public var pendingIntakes: [PendingIntake]
    public var curves: DayCurves
    /// Today's ratings by level, 1 to 5 (index 0 is level 1), those excluded by an upheld appeal left out.
    public var satisfaction: [Int]
    /// Bad reviews awaiting rectification, overdue first.
    public var badReviews: [FollowUp]
    /// Complaints not closed: awaiting their answer (overdue and earliest due first), then answered ones awaiting closure.
    public var complaints: [FollowUp]
    /// Today's messages to the windows, oldest first, with the windows that read them.
    public var messages: [SentWindowMessage] = []

    public static let caseLimit = 200
}
