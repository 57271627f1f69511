import Queue

/// Everything the rules of a case's life need to know about one case, as a value: the store loads it from its rows,
/// `CaseTransition.apply` returns the next one, and the store writes the difference (with the action's event).
public struct CaseFacts: Sendable, Hashable, Codable {
    public var state: CaseState
    /// Acceptance date, limits, suspended working days, extension days used.
    public var clock: CaseClock
    /// Accepted with deficiency (容缺受理).
    public var tolerated: Bool
    /// Positions (in the item's material list, as `catalog show` numbers them) of materials not yet in
    /// (`MaterialStatus.isIn` false).
    public var outstandingMaterials: Set<Int>
    /// 容缺: the day by which the outstanding materials are due (nil when nothing was tolerated).
    public var supplementDeadline: CivilDate?
    /// 一审: who took the review (or was assigned it).
    public var reviewerID: String?
    /// 一核: who decided (or was assigned the decision).
    public var approverID: String?
    /// The item's final approver level.
    public var finalApprover: ApproverLevel
    /// Days the item allows an extension by (the item's `statutoryExtension`); nil when it allows none.
    public var extensionAllowed: Int?
    public var extensionUsed: Bool
    /// Set while `state == .suspended`.
    public var suspension: CaseSuspension?
    /// The day of the approval or rejection (starts the 10-working-day result deadline).
    public var decidedOn: CivilDate?
    /// The day of the last resumption: the clock runs again from the day after, so a later suspension never dates
    /// from before it (its stopped days would be counted twice).
    public var resumedOn: CivilDate?
    /// The day the latest 容缺 supplement was recorded (the clock of a case suspended for overdue supplements restarts
    /// that day once every material is in, not the day a sweep notices).
    public var lastSuppliedOn: CivilDate?
    /// The day the sweep flagged an approved case's 容缺 materials overdue for a supervisor (`CaseSweep.overdueFlag`);
    /// nil when not flagged, or once every material is in.
    public var supplementOverdueFlaggedOn: CivilDate?

    public init(state: CaseState = .accepted, clock: CaseClock, tolerated: Bool = false, outstandingMaterials: Set<Int> = [],
                supplementDeadline: CivilDate? = nil, reviewerID: String? = nil, approverID: String? = nil,
                finalApprover: ApproverLevel = .sectionChief, extensionAllowed: Int? = nil, extensionUsed: Bool = false,
                suspension: CaseSuspension? = nil, decidedOn: CivilDate? = nil, resumedOn: CivilDate? = nil,
                supplementOverdueFlaggedOn: CivilDate? = nil) {
        self.state = state
        self.clock = clock
        self.tolerated = tolerated
        self.outstandingMaterials = outstandingMaterials
        self.supplementDeadline = supplementDeadline
        self.reviewerID = reviewerID
        self.approverID = approverID
        self.finalApprover = finalApprover
        self.extensionAllowed = extensionAllowed
        self.extensionUsed = extensionUsed
        self.suspension = suspension
        self.decidedOn = decidedOn
        self.resumedOn = resumedOn
        self.supplementOverdueFlaggedOn = supplementOverdueFlaggedOn
    }

    /// The facts of a case opened by an intake: the item's limits and approver level, what was tolerated.
    public init(acceptedOn: CivilDate, item: CatalogItem, outstandingMaterials: Set<Int> = [], supplementDeadline: CivilDate? = nil) {
        self.init(clock: CaseClock(acceptedOn: acceptedOn, statutoryLimit: item.statutoryLimit, promisedLimit: item.promisedLimit),
                  tolerated: !outstandingMaterials.isEmpty, outstandingMaterials: outstandingMaterials,
                  supplementDeadline: supplementDeadline, finalApprover: item.finalApprover,
                  extensionAllowed: item.statutoryExtension)
    }

    public var outstandingCount: Int { outstandingMaterials.count }

    /// 送达期限: 10 working days after the decision; nil before a decision. A licence held back by overdue 容缺
    /// supplements (suspended after the approval, then resumed when they came) counts its 10 days from the
    /// resumption: the result could not be issued before.
    public func resultDeadline(calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate? {
        guard let decidedOn else { return nil }
        return try CaseClock.resultDeadline(decidedOn: max(decidedOn, resumedOn ?? decidedOn), calendar: calendar)
    }

    /// An approved licence held back past its supplement deadline: the 容缺 materials are overdue on `today` (or the
    /// sweep flagged them and they are not all in yet — a list reads the flag, not the checklist).
    public func isHeldBackPastSupplementDeadline(on today: CivilDate) -> Bool {
        state == .approved && (supplementOverdueFlaggedOn != nil || CaseTransition.isSupplementOverdue(self, on: today))
    }

    /// The light on `today`: against the promised deadline while the case is being decided, against the result
    /// deadline once decided, grey while suspended; red for an approved licence held back past its supplement
    /// deadline (judged against that deadline: the days since it passed), whatever its result deadline says.
    public func light(on today: CivilDate, yellowDays: Int, calendar: WorkingCalendar) -> CaseLightReading {
        if isHeldBackPastSupplementDeadline(on: today), let due = supplementDeadline {
            return CaseLight.judge(state: state, deadline: .success(due), today: today, yellowDays: yellowDays, calendar: calendar)
        }
        let deadline: Result<CivilDate, WorkingCalendarError>
        switch state {
        case .approved, .notApproved:
            deadline = Result { () throws(WorkingCalendarError) in
                guard let d = try resultDeadline(calendar: calendar) else { return try clock.promisedDeadline(calendar: calendar) }
                return d
            }
        default:
            deadline = Result { () throws(WorkingCalendarError) in try clock.promisedDeadline(calendar: calendar) }
        }
        return CaseLight.judge(state: state, deadline: deadline, today: today, yellowDays: yellowDays, calendar: calendar)
    }
}

/// A running suspension: since when, why, and the state the case goes back to.
public struct CaseSuspension: Sendable, Hashable, Codable {
    public var since: CivilDate
    public var reason: SuspensionReason
    public var resumeTo: CaseState
    /// The day its 中止办理告知书 was issued (the grace period of an overdue 容缺 suspension told late runs from it);
    /// nil: not known (no notice kept).
    public var toldOn: CivilDate? = nil

    public init(since: CivilDate, reason: SuspensionReason, resumeTo: CaseState) {
        self.since = since
        self.reason = reason
        self.resumeTo = resumeTo
    }
}
