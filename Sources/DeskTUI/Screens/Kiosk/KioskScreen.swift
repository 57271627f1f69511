import Foundation
import HallModel
import Queue

/// The self-service kiosk (自助取号机), in three whole-screen steps of large, plain text:
///
/// 1. `lines`: every service line with the people waiting and the estimated wait. A closed line or one whose
///    daily cap is reached stays on the list, greyed, with the reason; choosing it explains it. A line no open
///    window serves says so (a ticket can still be taken). Number keys 1-9 choose a line at once; Up/Down
///    and Enter do the same.
/// 2. `category`: normal, elderly, disabled, military, pregnant (number keys 1-5 or Up/Down). Enter takes the
///    ticket: the one irreversible key is never a number key. Esc goes back. The green channel (绿色通道) is
///    not offered: staff grant it (key projects on the bureau's list) and issue it at the desk.
/// 3. `slip`: the code in big characters, the line, people ahead, estimated wait and time; back to step 1
///    after `slipSeconds`, or at any key.
///
/// After the lines the first screen has two more entries: **case progress** (`progressForm`: the case number and the
/// last four characters of the applicant's number, then `progressResult`: the case as a citizen may see it, nothing of
/// the applicant; failed lookups in a row are slowed down by `CaseLookupThrottle`) and the **service guide** (`guide`:
/// the catalog screen embedded, searched with pinyin; on an item's page `1` takes a ticket for the item's line through
/// the category step).
///
/// F10 or Ctrl-Q quits (for hall staff). A step left alone for `idleSeconds` returns to the start, so the
/// next person does not find someone else's half-made choice. Time reaches the screen only through
/// `tick(at:)` (wall-clock time, not the hall clock, which `DESK_NOW` may freeze).
public struct KioskScreen: Screen {
    public enum Effect: Equatable, Sendable {
        case issue(linePrefix: String, priority: PriorityClass)
        /// Look a case up (a read).
        case lookUpCase(CaseProgressQuery)
        /// Load the catalog for the service guide.
        case openGuide
        case quit
    }

    public enum Step: Equatable, Sendable { case lines, category, slip, progressForm, progressResult, guide }

    /// What the first screen lists: the service lines, then the two entries.
    public enum Entry: Equatable, Sendable {
        case line(Int)
        case progress
        case guide
    }

    /// The case progress form's fields.
    public enum ProgressField: Hashable, Sendable { case number, lastFour }

    /// What a citizen may choose here, in this order (number keys 1-5).
    public static let categories: [PriorityClass] = [.normal, .elderly, .disabled, .military, .pregnant]

    public private(set) var view: KioskView
    public private(set) var step: Step = .lines
    public private(set) var selectedLine = 0
    public private(set) var selectedCategory = 0
    public private(set) var slip: KioskSlip?
    /// nil: no printer; true: printed; false: the printer failed.
    public private(set) var slipPrinted: Bool?
    /// A refusal or an explanation, until the next key or until the kiosk idles.
    public private(set) var message: Bilingual?
    public var slipSeconds: Double
    public var idleSeconds: Double

    /// The case progress form, the case found, and the throttle on failed lookups (kept across idle resets).
    public private(set) var progressForm = KioskScreen.emptyProgressForm
    public private(set) var progress: CaseProgress?
    public private(set) var throttle = CaseLookupThrottle()
    /// The service guide: the catalog screen, while open.
    public private(set) var guide: CatalogScreen?

    private var slipShownAt: Date?
    /// The last tick's time: what a key pressed now is judged against (the throttle).
    private var lastTick: Date?
    private var lastActivity: Date?
    private var keyPressedSinceTick = false
    private(set) var secondsLeft = 0

    public init(view: KioskView, slipSeconds: Double = 8, idleSeconds: Double = 30) {
        self.view = view
        self.slipSeconds = slipSeconds
        self.idleSeconds = idleSeconds
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    public func acceptsWhileTooSmall(_ key: Key) -> Bool { key.leavesWhileTooSmall }

    public var currentLine: KioskLine? { view.lines.indices.contains(selectedLine) ? view.lines[selectedLine] : nil }

    /// The first screen's entries: every line, then case progress and the service guide.
    public var entryCount: Int { view.lines.count + 2 }

    public func entry(at index: Int) -> Entry? {
        if view.lines.indices.contains(index) { return .line(index) }
        switch index - view.lines.count {
        case 0: return .progress
        case 1: return .guide
        default: return nil
        }
    }

    public var selectedEntry: Entry? { entry(at: selectedLine) }

    static let emptyProgressForm = Form<ProgressField>(fields: [
        .init(id: .number, label: UIText.kioskFieldCaseNumber, input: TextField(maxLength: 24, allowed: .identifier)),
        .init(id: .lastFour, label: UIText.kioskFieldLastFour, input: TextField(maxLength: 4, allowed: .code)),
    ])

    // MARK: - State changes

    /// New data from the database; the selection follows its line.
    public mutating func update(_ newView: KioskView) {
        let prefix = currentLine?.line.prefix
        let entry = selectedEntry
        view = newView
        if let prefix, let i = newView.lines.firstIndex(where: { $0.line.prefix == prefix }) {
            selectedLine = i
        } else if entry == .progress || entry == .guide {
            selectedLine = newView.lines.count + (entry == .guide ? 1 : 0)
        } else {
            selectedLine = max(0, min(selectedLine, newView.lines.count - 1))
        }
    }

    /// A case was looked up: found (shown, the throttle cleared) or not (the same message whatever was wrong, the
    /// last four cleared, the failure counted at `now`).
    public mutating func showProgress(_ found: CaseProgress?, at now: Date) {
        guard step == .progressForm else { return }
        if let found {
            throttle.recordSuccess()
            progress = found
            message = nil
            step = .progressResult
        } else {
            throttle.recordFailure(at: now)
            progressForm[.lastFour] = TextField(maxLength: 4, allowed: .code)
            progressForm.focus(on: .lastFour)
            message = CaseProgressError.noMatch.message
        }
    }

    /// The catalog arrived: the guide opens on an empty search.
    public mutating func openGuide(_ index: CatalogIndex) {
        var screen = CatalogScreen(index: index)
        screen.host = .kiosk
        screen.viewport = Size(width: 80, height: 21)  // 80x24 less the title bar, the message row and the key bar
        guide = screen
        message = nil
        step = .guide
    }

    /// The issue succeeded: show the slip from `now`.
    public mutating func showSlip(_ slip: KioskSlip, printed: Bool?, at now: Date) {
        self.slip = slip
        slipPrinted = printed
        slipShownAt = now
        secondsLeft = Self.wholeSeconds(slipSeconds)
        message = nil
        step = .slip
    }

    /// The issue was refused (e.g. the cap was reached by another kiosk a moment ago): back to the lines,
    /// with the reason.
    public mutating func refuse(_ reason: Bilingual) {
        guide = nil
        step = .lines
        message = reason
    }

    /// A lookup or the guide could not be read (the database): said on the step that asked.
    public mutating func fail(_ reason: Bilingual) {
        message = reason
    }

    /// Time passes: the slip times out, an idle step returns to the start. Returns whether that changed
    /// what is shown.
    @discardableResult
    public mutating func tick(at now: Date) -> Bool {
        let before = (step, secondsLeft, message, throttle.secondsToWait(at: lastTick ?? now))
        lastTick = now
        if keyPressedSinceTick || lastActivity == nil {
            lastActivity = now
            keyPressedSinceTick = false
        }
        switch step {
        case .slip:
            let left = slipSeconds - now.timeIntervalSince(slipShownAt ?? now)
            if left <= 0 { reset() } else { secondsLeft = Self.wholeSeconds(left) }
        case .lines, .category, .progressForm, .progressResult, .guide:
            // Back to the start clears what was shown (a case's progress, a half-typed number, the guide's search).
            if let last = lastActivity, now.timeIntervalSince(last) >= idleSeconds, step != .lines || message != nil { reset() }
        }
        return before != (step, secondsLeft, message, throttle.secondsToWait(at: now))
    }

    /// Seconds for the countdown, rounded up. Bounded first: `Int(_:)` traps on an infinite, NaN or huge
    /// `Double`, and `slipSeconds` comes from the command line.
    static func wholeSeconds(_ seconds: Double) -> Int {
        guard !seconds.isNaN else { return 0 }
        return Int(min(max(seconds, 0), 86_400).rounded(.up))
    }

    private mutating func reset() {
        step = .lines
        selectedLine = 0
        selectedCategory = 0
        slip = nil
        slipPrinted = nil
        slipShownAt = nil
        message = nil
        progressForm = Self.emptyProgressForm
        progress = nil
        guide = nil
    }

    /// Seconds before the next lookup may be made (0: now), as of the last tick.
    public var lookupWait: Int { throttle.secondsToWait(at: lastTick ?? .distantPast) }

    public mutating func handle(_ key: Key) -> [Effect] {
        keyPressedSinceTick = true
        if Self.anyStepKeys.command(for: key) == .quit { return [.quit] }
        switch step {
        case .slip:
            reset()
        case .lines:
            message = nil
            switch Self.lineKeys.command(for: key) {
            case .up: selectedLine = max(0, selectedLine - 1)
            case .down: selectedLine = max(0, min(entryCount - 1, selectedLine + 1))
            case .first: selectedLine = 0
            case .last: selectedLine = max(0, entryCount - 1)
            case .choose: return chooseEntry()
            case .number:
                if case .char(let c) = key, let n = Self.digit(c), n <= entryCount {
                    selectedLine = n - 1
                    return chooseEntry()
                }
            case .back, .quit, .takeForItem, .deleteLast, nil: break
            }
        case .progressForm:
            return handleProgressForm(key)
        case .progressResult:
            if Self.progressResultKeys.command(for: key) == .back { reset() }
        case .guide:
            return handleGuide(key)
        case .category:
            message = nil
            switch Self.categoryKeys.command(for: key) {
            case .up: selectedCategory = max(0, selectedCategory - 1)
            case .down: selectedCategory = min(Self.categories.count - 1, selectedCategory + 1)
            case .number:
                if case .char(let c) = key, let n = Self.digit(c), n <= Self.categories.count { selectedCategory = n - 1 }
            case .back:
                step = .lines
            case .choose:
                // The line may have closed or filled up since it was chosen (another kiosk, the supervisor).
                guard let line = currentLine else { reset(); return [] }
                guard line.canIssue else {
                    step = .lines
                    message = explanation(line)
                    return []
                }
                return [.issue(linePrefix: line.line.prefix, priority: Self.categories[selectedCategory])]
            case .first, .last, .quit, .takeForItem, .deleteLast, nil: break
            }
        }
        return []
    }

    private mutating func chooseEntry() -> [Effect] {
        switch selectedEntry {
        case .line?: chooseLine()
        case .progress?:
            progressForm = Self.emptyProgressForm
            progress = nil
            step = .progressForm
        case .guide?: return [.openGuide]
        case nil: break
        }
        return []
    }

    /// The progress form: Esc back to the start; Enter on the last field looks the case up, unless the throttle says
    /// to wait or what was typed cannot be a lookup (said at the field).
    private mutating func handleProgressForm(_ key: Key) -> [Effect] {
        if Self.progressFormKeys.command(for: key) == .back {
            reset()
            return []
        }
        guard progressForm.handle(key) == .submitted else {
            if case .char = key { message = nil }
            return []
        }
        let wait = lookupWait
        guard wait == 0 else {
            message = UIText.kioskProgressWait(wait)
            return []
        }
        do throws(CaseProgressError) {
            let query = try CaseProgressQuery(number: progressForm.text(.number), lastFour: progressForm.text(.lastFour))
            message = nil
            return [.lookUpCase(query)]
        } catch {
            let field: ProgressField = error == .numberFormat ? .number : .lastFour
            progressForm.setError(error.message, for: field)
            progressForm.focus(on: field)
            return []
        }
    }

    /// The guide: the kiosk's own keys first (`1` on an item's page), every other key to the catalog screen; whatever
    /// the catalog asks for (`.back` on an empty search, `.quit` from q) goes back to the start.
    private mutating func handleGuide(_ key: Key) -> [Effect] {
        guard var open = guide else { reset(); return [] }
        message = nil
        if Self.guideKeys.command(for: key) == .takeForItem, open.mode == .detail, let item = open.selectedItem {
            guard let index = view.lines.firstIndex(where: { $0.line.prefix == item.linePrefix }) else {
                message = UIText.kioskGuideNoLine(item.linePrefix)
                return []
            }
            guide = nil
            step = .lines
            selectedLine = index
            chooseLine()
            return []
        }
        guide = nil  // one copy of the catalog's state while the key changes it
        if open.handle(key).isEmpty { guide = open } else { reset() }
        return []
    }

    private mutating func chooseLine() {
        guard let line = currentLine else { return }
        if let reason = explanation(line) {
            message = reason
        } else {
            selectedCategory = 0
            step = .category
        }
    }

    /// Why no ticket can be taken for `line`, or nil when one can.
    func explanation(_ line: KioskLine) -> Bilingual? {
        if !line.line.isOpen { return UIText.kioskLineClosed(line.line.prefix, line.line.name) }
        if line.isFull, let cap = line.line.dailyCap { return UIText.kioskLineFull(line.line.prefix, line.line.name, cap: cap) }
        if line.refusesUnserved, let reason = line.unservedReason {
            return UIText.kioskLineUnserved(line.line.prefix, line.line.name, reason: reason, opensNext: opensNextText)
        }
        return nil
    }

    /// "MM-DD HH:MM" (as the title bar writes a date) of the hall's next opening while it is closed.
    var opensNextText: String? {
        view.nextOpening.map { ClockText.dateTime($0, timeZone: view.timeZone) }
    }

    private static func digit(_ c: Character) -> Int? { c.isASCII ? c.wholeNumberValue : nil }
}
