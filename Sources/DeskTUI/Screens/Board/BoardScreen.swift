import Foundation
import HallModel
import Queue

/// The display board (叫号显示屏) on a wall: read-only. The latest call as a sentence with the code and the
/// window number in big characters, the recent calls, the people waiting per line, the clock. Only ticket
/// codes and window numbers appear: `BoardView` carries no identity.
///
/// A new announcement (a call, or a recall of the same ticket) flashes the big area, reversed on and off,
/// for `flashSeconds`, so eyes go to it even when the code shown does not change. Keys do nothing except
/// q, Esc and F10 (quit): it is a wall screen. Time reaches the screen through `update` and `tick`
/// (wall-clock time, so a frozen hall clock does not freeze the flash).
public struct BoardScreen: Screen {
    public enum Effect: Equatable, Sendable { case quit }

    public static let flashSeconds = 3.0
    /// One half of a flash cycle: reversed, then plain.
    public static let flashHalfPeriod = 1.0

    /// nil until the first load.
    public private(set) var view: BoardView?
    public private(set) var flashStartedAt: Date?
    public private(set) var lastTick: Date
    /// `--voice`: why the voice is off, shown on the footer for `voiceNoticeSeconds` from when it was found.
    public private(set) var voiceNotice: (reason: VoiceUnavailable, since: Date)?

    /// How long the footer says that the voice is off (once; the log keeps it).
    public static let voiceNoticeSeconds = 60.0

    public init(view: BoardView? = nil, now: Date = Date()) {
        self.view = view
        self.lastTick = now
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    public func acceptsWhileTooSmall(_ key: Key) -> Bool { Self.quits(key) || key.leavesWhileTooSmall }

    /// The big call sentence: the newest call whose ticket is still at its window (`BoardView.headline`).
    public var latest: BoardView.Announcement? { view?.headline }

    /// New data. A newer announcement than the one shown starts a flash (not the first load: starting
    /// the board is not a call).
    public mutating func update(_ newView: BoardView, at now: Date) {
        if let old = view, let newest = newView.announcements.first, newest.id != old.announcements.first?.id {
            flashStartedAt = now
        }
        view = newView
        lastTick = now
    }

    /// Time passes: the flash goes on and off, then ends. Returns whether that changed what is shown.
    @discardableResult
    public mutating func tick(at now: Date) -> Bool {
        let before = (isFlashing, isReversed)
        lastTick = now
        if let start = flashStartedAt, now.timeIntervalSince(start) >= Self.flashSeconds { flashStartedAt = nil }
        let noticeEnded = voiceNotice.map { now.timeIntervalSince($0.since) >= Self.voiceNoticeSeconds } ?? false
        if noticeEnded { voiceNotice = nil }
        return before != (isFlashing, isReversed) || noticeEnded
    }

    /// The voice is off: the footer says why for `voiceNoticeSeconds`.
    public mutating func showVoiceNotice(_ reason: VoiceUnavailable, at now: Date) {
        voiceNotice = (reason, now)
    }

    public var isFlashing: Bool {
        guard let start = flashStartedAt else { return false }
        return lastTick.timeIntervalSince(start) < Self.flashSeconds
    }

    /// The big area is drawn reversed: the first half-period of each cycle while flashing.
    public var isReversed: Bool {
        guard isFlashing, let start = flashStartedAt else { return false }
        return Int(max(0, lastTick.timeIntervalSince(start)) / Self.flashHalfPeriod) % 2 == 0
    }

    /// A row of the window panel: a staffed window, or a line no open window serves.
    public enum PanelRow: Equatable {
        case window(BoardView.WindowRow)
        case unserved(BoardView.Line)
        var isWindow: Bool { if case .window = self { true } else { false } }
    }

    /// Seconds each page of the window panel shows when its rows do not fit.
    public static let pageSeconds = 8.0

    public var panelRows: [PanelRow] {
        (view?.windows ?? []).map(PanelRow.window) + (view?.unservedLines ?? []).map(PanelRow.unserved)
    }

    /// The page of the window panel on show (0-based) and how many there are: pages take turns by the wall
    /// clock, so every board in the hall shows the same page at the same time.
    public func panelPage(rowsPerPage: Int) -> (page: Int, pages: Int) {
        let count = panelRows.count
        guard rowsPerPage > 0, count > rowsPerPage else { return (0, 1) }
        let pages = (count + rowsPerPage - 1) / rowsPerPage
        let slot = (lastTick.timeIntervalSince1970 / Self.pageSeconds).rounded(.down)
        guard slot.isFinite else { return (0, pages) }
        let remainder = slot.truncatingRemainder(dividingBy: Double(pages))
        return (Int(remainder < 0 ? remainder + Double(pages) : remainder), pages)
    }

    public mutating func handle(_ key: Key) -> [Effect] { Self.quits(key) ? [.quit] : [] }

    private static func quits(_ key: Key) -> Bool { key == .char("q") || key == .char("Q") || key == .escape || key == .f(10) }
}
