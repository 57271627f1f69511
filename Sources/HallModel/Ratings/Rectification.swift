import Foundation
import Queue

/// 整改: the follow-up of a bad review (1–2), opened with the rating in its transaction, numbered
/// `ZG-<yyyymmdd>-<4-digit daily sequence>`, assigned to the unit of the staff member who served, due
/// `rectification_days` working days after the day of the rating (`RectificationRule`).
public struct Rectification: Sendable, Hashable {
    public var id: Int64
    public var number: String
    public var openedOn: CivilDate
    public var rating: Rating
    /// The serving staff member's department; nil: the hall's management office (`Rectification.hallOffice`).
    public var unit: String?
    public var state: RectificationState
    /// nil: not known (the year's holiday schedule is not loaded).
    public var due: CivilDate?
    public var extended: Bool
    public var extensionReason: String?
    public var closedOn: CivilDate?
    public var closedBy: String?
    public var outcomeNote: String?
    public var appeal: Appeal?
    /// The follow-ups (回访), oldest first (filled by `rectification(number:by:)`; empty in lists).
    public var visits: [FollowUpVisit]
    /// Visits logged, and those that reached the citizen (counted in lists too).
    public var visitCount: Int
    public var reachedCount: Int
    /// Pending past its due day on the day it was read (the injected clock and the working calendar).
    public var overdue: Bool

    /// 申诉: the rating contested as mistaken or malicious, and the decision.
    public struct Appeal: Sendable, Hashable {
        public var ground: AppealGround
        public var note: String
        public var by: String
        public var on: CivilDate
        /// nil until decided.
        public var upheld: Bool?
        public var decisionNote: String?
        public var decidedBy: String?
        public var decidedOn: CivilDate?
    }

    /// Where a rectification goes when the serving staff member has no department.
    public static let hallOffice = Bilingual(en: "the hall's management office", zh: "大厅管理办公室")

    public func unitLabel(_ language: Language) -> String { unit ?? Self.hallOffice.text(language) }

    /// The number of the `sequence`th rectification opened on `day`: `ZG-20260302-0001` (a 5th digit after 9999).
    public static func number(on day: CivilDate, sequence: Int) -> String {
        let digits = String(sequence)
        return "ZG-\(day.compactText)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}

/// One follow-up call or visit (回访) with the citizen who gave a bad review.
public struct FollowUpVisit: Sendable, Hashable {
    public var at: Date
    public var on: CivilDate
    public var by: String
    public var how: ContactMethod
    /// The citizen was reached (a call nobody answered is logged too, and does not count for the 回访 rate).
    public var reached: Bool
    /// What the citizen said, or why they were not reached.
    public var said: String
}

/// The ratings of a span of business days, for the reports (report11) and the supervisor's screen.
public struct RatingSummary: Sendable, Hashable {
    public var from: CivilDate
    public var to: CivilDate
    /// Ratings in the figures (an upheld appeal's rating is left out), by level; every level present (0 when none).
    public var distribution: [RatingLevel: Int]
    /// Ratings in the figures, by source (the `timeoutDefault` 满意 of the local rule are among the 4s).
    public var bySource: [RatingSource: Int]
    /// Ratings kept but left out of the figures (appeal upheld).
    public var excluded: Int
    /// Rectifications of these days' bad reviews, by state; every state present.
    public var rectifications: [RectificationState: Int]
    /// Of those, pending past their due day today.
    public var overdue: Int
    /// 回访率 over these days' bad reviews (not excluded).
    public var visitRate: RectificationRule.VisitRate

    /// Ratings in the figures.
    public var rated: Int { distribution.values.reduce(0, +) }
    /// Bad reviews (1–2) in the figures.
    public var bad: Int { (distribution[.veryDissatisfied] ?? 0) + (distribution[.dissatisfied] ?? 0) }
    /// 满意 and 非常满意 (4–5) in the figures.
    public var satisfied: Int { (distribution[.satisfied] ?? 0) + (distribution[.verySatisfied] ?? 0) }
    /// 满意率 = satisfied (4–5) ÷ rated, 0…1; nil with no rating.
    public var satisfactionRate: Double? { rated > 0 ? Double(satisfied) / Double(rated) : nil }
    /// 回访率 as 0…1 (the visit rate's per-thousand); nil with no bad review.
    public var visitShare: Double? { visitRate.permille.map { Double($0) / 1000 } }
    /// A level's share of the rated, 0…1; nil with no rating.
    public func share(_ level: RatingLevel) -> Double? { rated > 0 ? Double(distribution[level] ?? 0) / Double(rated) : nil }
}

extension FreeText {
    public static let visitSaid = Bilingual(en: "What the citizen said", zh: "回访情况")
    public static let rectificationNote = Bilingual(en: "The note", zh: "办理说明")
    public static let appealNote = Bilingual(en: "The appeal's grounds", zh: "申诉理由")
    public static let rectificationTextLimit = 300
}
