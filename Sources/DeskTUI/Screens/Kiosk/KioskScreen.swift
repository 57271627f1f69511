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
/// F10 or Ctrl-Q quits (for hall staff). A step left alone for `idleSeconds` returns to the start, so the
/// next person does not find someone else's half-made choice. Time reaches the screen only through
/// `tick(at:)` (wall-clock time, not the hall clock, which `DESK_NOW` may freeze).
public struct KioskScreen: Screen {
    public enum Effect: Equatable, Sendable {
        case issue(linePrefix: String, priority: PriorityClass)
        case quit
    }

    public enum Step: Equatable, Sendable { case lines, category, slip }

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

    private var slipShownAt: Date?
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

    // MARK: - State changes

    /// New data from the database; the selection follows its line.
    public mutating func update(_ newView: KioskView) {
        let prefix = currentLine?.line.prefix
        view = newView
        if let prefix, let i = newView.lines.firstIndex(where: { $0.line.prefix == prefix }) {
            selectedLine = i
        } else {
            selectedLine = max(0, min(selectedLine, newView.lines.count - 1))
        }
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
        step = .lines
        message = reason
    }

    /// Time passes: the slip times out, an idle step returns to the start. Returns whether that changed
    /// what is shown.
    @discardableResult
    public mutating func tick(at now: Date) -> Bool {
        let before = (step, secondsLeft, message)
        if keyPressedSinceTick || lastActivity == nil {
            lastActivity = now
            keyPressedSinceTick = false
        }
        switch step {
        case .slip:
            let left = slipSeconds - now.timeIntervalSince(slipShownAt ?? now)
            if left <= 0 { reset() } else { secondsLeft = Self.wholeSeconds(left) }
        case .lines, .category:
            if let last = lastActivity, now.timeIntervalSince(last) >= idleSeconds, step == .category || message != nil { reset() }
        }
        return before != (step, secondsLeft, message)
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
    }

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
            case .down: selectedLine = max(0, min(view.lines.count - 1, selectedLine + 1))
            case .first: selectedLine = 0
            case .last: selectedLine = max(0, view.lines.count - 1)
            case .choose: chooseLine()
            case .number:
                if case .char(let c) = key, let n = Self.digit(c), n <= view.lines.count {
                    selectedLine = n - 1
                    chooseLine()
                }
            case .back, .quit, nil: break
            }
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
            case .first, .last, .quit, nil: break
            }
        }
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
