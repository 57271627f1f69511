import Foundation
import Queue

/// A rating (好差评) of one visit: the ticket, the window that finished it and the staff member who served there, the
/// level, for a bad review its reasons, where it came from. One per ticket (a UNIQUE index).
public struct Rating: Sendable, Hashable {
    public var id: Int64
    public var ticketID: Int64
    public var ticketCode: String
    /// The ticket's business day.
    public var businessDate: CivilDate
    /// The window that finished the ticket.
    public var window: Int
    /// The staff member who served (the window's clerk on the ticket's `finish` event); nil if nobody was signed in.
    public var staffID: String?
    public var level: RatingLevel
    /// For 1–2: one or more, in `RatingReason.allCases` order; empty otherwise.
    public var reasons: [RatingReason]
    public var note: String?
    public var source: RatingSource
    public var at: Date
    /// The actor's key: the rating terminal (`@rating`) or the supervisor's staff number.
    public var recordedBy: String
    /// An appeal against it was upheld (申诉成立): kept and marked, left out of the figures.
    public var excluded: Bool
    /// The case numbers taken in on the ticket (the items handled).
    public var cases: [String]
    /// The rectification a bad review opened (ZG-…).
    public var rectification: String?

    public var isBad: Bool { level.isBad }
}

/// What `recordRating` records: the ticket by its code (and business day: today when nil), the level, the reasons
/// (required for 1–2, refused for 3–5) and an optional note.
public struct RatingRequest: Sendable, Hashable {
    public var ticketCode: String
    public var date: CivilDate?
    public var level: RatingLevel
    public var reasons: Set<RatingReason>
    public var note: String?

    public init(ticketCode: String, date: CivilDate? = nil, level: RatingLevel, reasons: Set<RatingReason> = [], note: String? = nil) {
        self.ticketCode = ticketCode; self.date = date; self.level = level; self.reasons = reasons; self.note = note
    }
}

/// What the rating terminal shows (`HallDatabase.ratingPrompt(window:)`): the ticket, its line, the items handled (the
/// catalog names of the cases taken in on it) and when it was finished. Nothing that names the citizen.
public struct RatingPrompt: Sendable, Hashable {
    public var ticketID: Int64
    public var ticketCode: String
    public var lineName: String
    public var items: [String]
    public var finishedAt: Date
    /// When the terminal stops asking (finished + `rating_timeout_seconds`).
    public var until: Date
}

public enum RatingError: UserFacingError, Equatable {
    case alreadyRated(String)
    case notFinished(String, TicketState)
    /// The rating terminal rates only tickets finished at its own window.
    case notThisWindow(code: String, window: Int)
    /// The rating terminal rates only the visit it shows (the window's latest finish, within the timeout).
    case notPrompted(String)
    case reasonNeeded
    case reasonsOnlyForBad
    /// `recordRatingTimeout` before the timeout has passed.
    case notTimedOut(String)
    /// A rating device that was not started for a window (`Terminal.rating(window:)`).
    case noWindow

    public var message: Bilingual {
        switch self {
        case .alreadyRated(let c):
            Bilingual(en: "Ticket \(c) has been rated already: one rating per visit.", zh: "号票 \(c) 已评价过：每次办事只能评价一次。")
        case .notFinished(let c, let s):
            Bilingual(en: "Ticket \(c) is \(s.label.en), not finished: only a finished visit can be rated.",
                      zh: "号票 \(c) 当前为“\(s.label.zh)”，尚未办结：只能评价已办结的办事。")
        case .notThisWindow(let c, let w):
            Bilingual(en: "Ticket \(c) was not finished at window \(w): this rating terminal rates only its own window's visits.",
                      zh: "号票 \(c) 不是在 \(w) 号窗口办结的：本评价器只能评价本窗口的办事。")
        case .notPrompted(let c):
            Bilingual(en: "Ticket \(c) is no longer shown on the rating terminal (a newer visit finished, or the time ran out).",
                      zh: "评价器已不再显示号票 \(c)（本窗口已办结新的号，或评价时间已过）。")
        case .reasonNeeded:
            Bilingual(en: "A rating of 1 or 2 needs at least one reason: efficiency, level or attitude.",
                      zh: "评价为 1 或 2 时须选择至少一项原因：服务效率、服务水平或服务态度。")
        case .reasonsOnlyForBad:
            Bilingual(en: "Reasons are given only with a rating of 1 or 2.", zh: "只有评价为 1 或 2 时才选择原因。")
        case .noWindow:
            Bilingual(en: "A rating terminal rates only at the window it was started for.", zh: "评价器只能在其所属窗口评价。")
        case .notTimedOut(let c):
            Bilingual(en: "Ticket \(c) is still shown on the rating terminal: its time has not run out.",
                      zh: "号票 \(c) 仍在评价器上显示：评价时间未到。")
        }
    }
}
