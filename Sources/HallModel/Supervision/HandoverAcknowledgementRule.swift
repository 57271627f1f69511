import Queue

/// 审管联动: a handover is acknowledged within `handover_ack_days` working days (hall setting, default 3). Pure: the
/// days, the calendar and the dates in, the answer out. The day of the handover is not counted (as for every period).
public enum HandoverAcknowledgementRule {
    /// `handover_ack_days` when the hall sets none.
    public static let defaultDays = 3

    /// The last day to acknowledge: `days` working days after the handover.
    public static func deadline(handedOverOn: CivilDate, days: Int, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(days, to: handedOverOn)
    }

    /// Where a ledger line stands on `today`.
    public enum Status: Sendable, Hashable {
        /// Not acknowledged, the deadline not passed.
        case waiting(deadline: CivilDate)
        /// Not acknowledged after the deadline: listed by `desk handover overdue`; `workingDaysLate` counts the working
        /// days since the deadline (0 on a weekend right after it).
        case overdue(deadline: CivilDate, workingDaysLate: Int)
        /// Acknowledged by the deadline, after `workingDays` working days (0: the day of the handover).
        case acknowledged(workingDays: Int)
        /// Acknowledged after the deadline.
        case acknowledgedLate(workingDays: Int, deadline: CivilDate)

        public var isOverdue: Bool { if case .overdue = self { true } else { false } }
        public var isAcknowledged: Bool {
            switch self {
            case .acknowledged, .acknowledgedLate: true
            case .waiting, .overdue: false
            }
        }
        /// Working days from the handover to the acknowledgement, once acknowledged.
        public var workingDaysToAcknowledge: Int? {
            switch self {
            case .acknowledged(let d), .acknowledgedLate(let d, _): d
            case .waiting, .overdue: nil
            }
        }
    }

    public static func status(handedOverOn: CivilDate, acknowledgedOn: CivilDate?, today: CivilDate, days: Int,
                              calendar: WorkingCalendar) throws(WorkingCalendarError) -> Status {
        let due = try deadline(handedOverOn: handedOverOn, days: days, calendar: calendar)
        if let acknowledgedOn {
            let took = max(0, try calendar.workingDays(from: handedOverOn, to: acknowledgedOn))
            return acknowledgedOn > due ? .acknowledgedLate(workingDays: took, deadline: due) : .acknowledged(workingDays: took)
        }
        guard today > due else { return .waiting(deadline: due) }
        return .overdue(deadline: due, workingDaysLate: try calendar.workingDays(from: due, to: today))
    }
}
