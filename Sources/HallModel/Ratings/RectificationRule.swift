import Queue

/// Where a bad review's rectification (整改) stands. Stored by `rawValue` (a stable key).
public enum RectificationState: String, CaseIterable, Codable, Sendable, Hashable {
    /// Waiting for the follow-up (回访) and the outcome.
    case open
    /// The rating is contested (申诉): a supervisor other than the one who filed it decides.
    case appealed
    /// 整改到位.
    case rectified
    /// 已解释说明: the request had no legal basis; explained to the citizen.
    case explained
    /// 无法整改: with the reason, for review.
    case cannotRectify
    /// 申诉成立: the rating was mistaken or malicious; it is kept, marked, and left out of the figures.
    case appealUpheld

    /// Still to be dealt with (listed by `--open`, can be overdue): open, or appealed and not yet decided.
    public var isPending: Bool { self == .open || self == .appealed }

    public var label: Bilingual {
        switch self {
        case .open: Bilingual(en: "open", zh: "待整改")
        case .appealed: Bilingual(en: "appealed", zh: "申诉中")
        case .rectified: Bilingual(en: "rectified", zh: "整改到位")
        case .explained: Bilingual(en: "explained", zh: "已解释说明")
        case .cannotRectify: Bilingual(en: "cannot be rectified", zh: "无法整改")
        case .appealUpheld: Bilingual(en: "appeal upheld", zh: "申诉成立")
        }
    }
}

/// How a rectification is closed. Stored as the state it leads to.
public enum RectificationOutcome: String, CaseIterable, Codable, Sendable, Hashable {
    case rectified, explained, cannotRectify

    public var state: RectificationState {
        switch self {
        case .rectified: .rectified
        case .explained: .explained
        case .cannotRectify: .cannotRectify
        }
    }
}

/// Why a rating is contested (申诉). Stored by `rawValue`.
public enum AppealGround: String, CaseIterable, Codable, Sendable, Hashable {
    /// 误评: the citizen pressed the wrong key, rated the wrong visit.
    case mistaken
    /// 恶意差评: a rating meant to harm, not about the service.
    case malicious

    public var label: Bilingual {
        switch self {
        case .mistaken: Bilingual(en: "mistaken", zh: "误评")
        case .malicious: Bilingual(en: "malicious", zh: "恶意差评")
        }
    }
}

/// A step on a rectification, for the pure rule.
public enum RectificationStep: Sendable, Hashable {
    /// Log a follow-up call or visit (回访).
    case visit
    case close(RectificationOutcome)
    /// The one extension.
    case extend
    case appeal
    /// A supervisor decides the appeal: upheld (the rating excluded) or rejected (back to open).
    case decide(upheld: Bool)
}

/// 整改: the pure rules of a bad review's rectification — its deadline in working days, the steps each state allows,
/// overdue, and the 回访 rate. Nothing here reads the database or the clock.
public enum RectificationRule {
    /// `rectification_days` when the hall sets none.
    public static let defaultDays = 5
    /// What `desk settings set rectification_days` accepts (local rules use 5–15).
    public static let daysRange = 1...30

    /// Due `days` working days after the day the bad review was given (that day not counted).
    public static func due(openedOn: CivilDate, days: Int, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(days, to: openedOn)
    }

    /// The one extension adds `days` working days to the due date as it stands.
    public static func extendedDue(_ due: CivilDate, days: Int, calendar: WorkingCalendar) throws(WorkingCalendarError) -> CivilDate {
        try calendar.addingWorkingDays(days, to: due)
    }

    /// Pending (open or appealed) and `today` is after the due day: overdue from the day after it.
    public static func isOverdue(state: RectificationState, due: CivilDate?, today: CivilDate) -> Bool {
        guard state.isPending, let due else { return false }
        return today > due
    }

    /// What the rule needs to know of a rectification.
    public struct Facts: Sendable, Hashable {
        public var state: RectificationState
        /// 回访 logged so far (reached or not).
        public var visits: Int
        public var extended: Bool
        /// Who filed the appeal, once one was filed (there is only one).
        public var appealedBy: String?

        public init(state: RectificationState, visits: Int = 0, extended: Bool = false, appealedBy: String? = nil) {
            self.state = state; self.visits = visits; self.extended = extended; self.appealedBy = appealedBy
        }
    }

    /// The state after `step` by the staff member `by`, or the refusal.
    public static func apply(_ step: RectificationStep, to facts: Facts, by staff: String) throws(RectificationError) -> RectificationState {
        switch step {
        case .visit:
            guard facts.state.isPending else { throw .finished(facts.state) }
            return facts.state
        case .close(let outcome):
            guard facts.state == .open else { throw facts.state == .appealed ? .appealPending : .finished(facts.state) }
            // Every bad review is followed up before it is closed.
            guard facts.visits > 0 else { throw .noVisitYet }
            return outcome.state
        case .extend:
            guard facts.state.isPending else { throw .finished(facts.state) }
            guard !facts.extended else { throw .alreadyExtended }
            return facts.state
        case .appeal:
            guard facts.state == .open else { throw facts.state == .appealed ? .appealPending : .finished(facts.state) }
            guard facts.appealedBy == nil else { throw .alreadyAppealed }
            return .appealed
        case .decide(let upheld):
            guard facts.state == .appealed else { throw .noAppealPending }
            guard facts.appealedBy != staff else { throw .decidedByAppellant }
            return upheld ? .appealUpheld : .open
        }
    }

    /// 回访率: the bad reviews (not excluded by an upheld appeal) with at least one 回访 that reached the citizen, over
    /// all those bad reviews. nil when there were none.
    public struct VisitRate: Sendable, Hashable {
        public var reached: Int
        public var badReviews: Int
        /// Per thousand, rounded half up (integers only, as in the chain); nil with no bad review.
        public var permille: Int? { badReviews == 0 ? nil : (reached * 1000 * 2 + badReviews) / (badReviews * 2) }

        public init(reached: Int, badReviews: Int) { self.reached = reached; self.badReviews = badReviews }
    }
}

public enum RectificationError: UserFacingError, Equatable {
    case unknown(String)
    case finished(RectificationState)
    case appealPending
    case noVisitYet
    case alreadyExtended
    case alreadyAppealed
    case noAppealPending
    case decidedByAppellant
    /// The due date could not be counted: the year's holiday schedule is not loaded.
    case dueUnknown(String)

    public var message: Bilingual {
        switch self {
        case .unknown(let n): Bilingual(en: "No rectification \(n).", zh: "没有整改单 \(n)。")
        case .finished(let s):
            Bilingual(en: "This rectification is closed (\(s.label.en)).", zh: "该整改单已办结（\(s.label.zh)）。")
        case .appealPending:
            Bilingual(en: "The rating is under appeal: a supervisor decides it first.", zh: "该评价正在申诉中：须先由大厅管理人员作出决定。")
        case .noVisitYet:
            Bilingual(en: "Log the follow-up (回访) with the citizen before closing.", zh: "办结前须先登记回访。")
        case .alreadyExtended:
            Bilingual(en: "This rectification was extended once already: a second extension is not allowed.",
                      zh: "该整改单已延期一次，不能再次延期。")
        case .alreadyAppealed:
            Bilingual(en: "This rating was appealed once already.", zh: "该评价已申诉过一次。")
        case .noAppealPending:
            Bilingual(en: "There is no appeal to decide.", zh: "没有待决定的申诉。")
        case .decidedByAppellant:
            Bilingual(en: "The appeal must be decided by another supervisor than the one who filed it.",
                      zh: "申诉须由提出申诉以外的另一位大厅管理人员决定。")
        case .dueUnknown(let n):
            Bilingual(en: "The due date of \(n) is not known: load the holiday schedule of its year (desk calendar import).",
                      zh: "\(n) 的整改期限无法计算：请导入相应年度的节假日安排（desk calendar import）。")
        }
    }
}
