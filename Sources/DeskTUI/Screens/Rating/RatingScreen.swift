import Foundation
import HallModel
import Queue

/// What the rating terminal shows from the database: the hall, its window, the visit to rate (rating11's
/// `ratingPrompt(window:)`: the ticket just finished at this window, nothing that names the citizen) and how long to wait
/// for a key (`rating_timeout_seconds`).
public struct RatingView: Sendable, Equatable {
    public var hallName: String
    public var window: Int
    public var timeZone: TimeZone
    public var prompt: RatingPrompt?
    public var timeoutSeconds: Int

    public init(hallName: String, window: Int, timeZone: TimeZone, prompt: RatingPrompt?, timeoutSeconds: Int) {
        self.hallName = hallName; self.window = window; self.timeZone = timeZone; self.prompt = prompt; self.timeoutSeconds = timeoutSeconds
    }
}

/// The citizen's rating terminal (评价器) at a window, facing the citizen, back to back with the clerk:
///
/// 1. `idle`: the hall, the window, "服务评价" — nothing to press.
/// 2. `levels`: when a ticket was just finished at this window (and not rated or dismissed here): "请对本次服务作出评价",
///    the ticket's code in big characters, its line and the items handled, and the five levels 5 非常满意 … 1 非常不满意
///    (keys 1-5 choose at once; Up/Down and Enter too).
/// 3. `reasons`: for 1–2 only, the national offline items (服务效率, 服务水平, 服务态度: keys 1-3 or Space tick them) and
///    an optional line of the citizen's own words (Tab to it); Enter goes on once a reason is ticked.
/// 4. `confirm`: the choice read back; Enter records it (one rating per visit), Esc goes back.
/// 5. `thanks`: "感谢您的评价" for `thanksSeconds`, then idle.
///
/// No key for `timeoutSeconds` (the hall's `rating_timeout_seconds`) while asking: back to idle, the visit dismissed
/// here and listed in `timedOut`, from which the session records the local rule's default (rating11's
/// `recordRatingTimeout`: nothing, or 4 满意). A visit is asked about once: a dismissed or rated ticket is not asked again; a newer finish at the
/// window replaces the one being asked about. Time reaches the screen only through `tick(at:)` (wall-clock time).
public struct RatingScreen: Screen {
    public enum Effect: Equatable, Sendable {
        case rate(RatingRequest)
        case quit
    }

    public enum Step: Equatable, Sendable { case idle, levels, reasons, confirm, thanks }

    /// The levels as the terminal lists them, best first (5 … 1).
    public static let levels: [RatingLevel] = RatingLevel.allCases.sorted(by: >)
    /// The reasons, in the national order (keys 1-3).
    public static let reasons: [RatingReason] = RatingReason.allCases

    public private(set) var view: RatingView
    public private(set) var step: Step = .idle
    /// The visit being asked about (kept while the citizen answers, even if the view moves on).
    public private(set) var asking: RatingPrompt?
    /// Index into `levels` of the highlighted level.
    public private(set) var selectedLevel = 0
    public private(set) var chosen: RatingLevel?
    /// The ticked reasons, and the highlighted one (0…2) or the note line (3).
    public private(set) var ticked: Set<RatingReason> = []
    public private(set) var reasonFocus = 0
    public private(set) var note = TextField(maxLength: 60)
    /// A refusal or a hint, until the next key.
    public private(set) var message: Bilingual?
    /// Tickets asked about here already (rated, dismissed or timed out): never asked again.
    public private(set) var done: Set<Int64> = []
    /// The visits left unrated here when the time ran out, latest last (the last 16): the session records the timeout
    /// rule for each once.
    public private(set) var timedOut: [Int64] = []
    public var thanksSeconds: Double

    private var lastActivity: Date?
    private var keyPressedSinceTick = false
    private var thanksShownAt: Date?

    public init(view: RatingView, thanksSeconds: Double = 5) {
        self.view = view
        self.thanksSeconds = thanksSeconds
        update(view)
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    /// The index of the note line in the reasons step.
    static var noteFocus: Int { reasons.count }

    // MARK: - State changes

    /// New data: a visit to ask about starts the levels (from idle, or replacing an older visit being asked about).
    public mutating func update(_ newView: RatingView) {
        view = newView
        guard let prompt = newView.prompt, !done.contains(prompt.ticketID), prompt.ticketID != asking?.ticketID else { return }
        switch step {
        case .idle, .levels, .reasons, .confirm:
            if let old = asking { done.insert(old.ticketID) }
            start(prompt)
        case .thanks:
            break  // after the thanks (tick)
        }
    }

    private mutating func start(_ prompt: RatingPrompt) {
        asking = prompt
        step = .levels
        selectedLevel = 0
        chosen = nil
        ticked = []
        reasonFocus = 0
        note = TextField(maxLength: 60)
        message = nil
        lastActivity = nil
    }

    /// Back to idle; the visit asked about is done here.
    private mutating func finish() {
        if let asking { done.insert(asking.ticketID) }
        asking = nil
        step = .idle
        chosen = nil
        ticked = []
        message = nil
        thanksShownAt = nil
    }

    /// The rating was recorded (`nil`) or refused (the reason): thanks, or the reason and idle.
    public mutating func recorded(_ refusal: Bilingual?, at now: Date) {
        if let refusal {
            finish()
            message = refusal
            return
        }
        if let asking { done.insert(asking.ticketID) }
        step = .thanks
        thanksShownAt = now
        message = nil
    }

    public mutating func tick(at now: Date) -> Bool {
        let before = (step, message, asking)
        if keyPressedSinceTick || lastActivity == nil {
            lastActivity = now
            keyPressedSinceTick = false
        }
        switch step {
        case .thanks:
            if now.timeIntervalSince(thanksShownAt ?? now) >= thanksSeconds {
                finish()
                if let prompt = view.prompt, !done.contains(prompt.ticketID) { start(prompt) }
            }
        case .levels, .reasons, .confirm:
            if let last = lastActivity, now.timeIntervalSince(last) >= Double(view.timeoutSeconds), let asking {
                timedOut = Array((timedOut + [asking.ticketID]).suffix(16))
                finish()
            }
        case .idle:
            break
        }
        return before != (step, message, asking)
    }

    public mutating func handle(_ key: Key) -> [Effect] {
        keyPressedSinceTick = true
        if Self.anyStepKeys.command(for: key) == .quit { return [.quit] }
        switch step {
        case .idle:
            message = nil
            return []
        case .thanks:
            finish()
            if let prompt = view.prompt, !done.contains(prompt.ticketID) { start(prompt) }
            return []
        case .levels: return handleLevels(key)
        case .reasons: return handleReasons(key)
        case .confirm: return handleConfirm(key)
        }
    }

    private mutating func handleLevels(_ key: Key) -> [Effect] {
        message = nil
        switch Self.levelKeys.command(for: key) {
        case .up: selectedLevel = max(0, selectedLevel - 1)
        case .down: selectedLevel = min(Self.levels.count - 1, selectedLevel + 1)
        case .choose: choose(Self.levels[selectedLevel])
        case .number:
            if case .char(let c) = key, let n = c.wholeNumberValue, let level = RatingLevel(rawValue: n),
               let index = Self.levels.firstIndex(of: level) {
                selectedLevel = index
                choose(level)
            }
        default: break
        }
        return []
    }

    private mutating func choose(_ level: RatingLevel) {
        chosen = level
        if level.isBad {
            step = .reasons
            reasonFocus = 0
        } else {
            ticked = []
            step = .confirm
        }
    }

    private mutating func handleReasons(_ key: Key) -> [Effect] {
        let command = Self.reasonKeys.command(for: key)
        if reasonFocus == Self.noteFocus, command != .choose, command != .back, command != .nextField, command != .up {
            // The note line takes what is typed (digits and Space too).
            _ = note.handle(key)
            return []
        }
        message = nil
        switch command {
        case .up: reasonFocus = max(0, reasonFocus - 1)
        case .down: reasonFocus = min(Self.noteFocus, reasonFocus + 1)
        case .nextField: reasonFocus = reasonFocus == Self.noteFocus ? 0 : Self.noteFocus
        case .toggle: toggle(Self.reasons[reasonFocus])
        case .number:
            if case .char(let c) = key, let n = c.wholeNumberValue, (1...Self.reasons.count).contains(n) {
                reasonFocus = n - 1
                toggle(Self.reasons[n - 1])
            }
        case .choose:
            guard !ticked.isEmpty else {
                message = UIText.rateReasonNeeded
                return []
            }
            step = .confirm
        case .back: step = .levels
        default: break
        }
        return []
    }

    private mutating func toggle(_ reason: RatingReason) {
        if ticked.contains(reason) { ticked.remove(reason) } else { ticked.insert(reason) }
    }

    private mutating func handleConfirm(_ key: Key) -> [Effect] {
        message = nil
        switch Self.confirmKeys.command(for: key) {
        case .choose:
            guard let asking, let chosen else { return [] }
            let words = note.text.trimmingCharacters(in: .whitespaces)
            return [.rate(RatingRequest(ticketCode: asking.ticketCode, level: chosen, reasons: chosen.isBad ? ticked : [],
                                        note: chosen.isBad && !words.isEmpty ? words : nil))]
        case .back: step = chosen?.isBad == true ? .reasons : .levels
        default: break
        }
        return []
    }
}
