import Foundation
import HallModel
import Queue

/// Between the board and its `Announcer`: after each poll, the announcements the board has not seen before (new
/// calls and recalls: a recall is a new announcement, so it is said again) go to the announcer, oldest first; the
/// announcer's one notice that the voice is off goes to the screen. Starting the board says nothing: the
/// announcements already there at the first load are the past.
public struct BoardVoice {
    public let announcer: Announcer
    public let language: Language
    /// The newest announcement handed on (nil until the first view).
    public private(set) var lastID: Int64?

    public init(announcer: Announcer, language: Language) {
        self.announcer = announcer
        self.language = language
    }

    /// The announcements newer than `lastID`, oldest first, and the new `lastID`. Pure. On the first view (`lastID`
    /// nil) none is new, and an empty first view marks 0 (ids start at 1): the first call of the day is new.
    public static func newAnnouncements(in view: BoardView, after lastID: Int64?) -> (new: [BoardView.Announcement], lastID: Int64?) {
        let newest = view.announcements.map(\.id).max()
        guard let lastID else { return ([], newest ?? 0) }
        let new = view.announcements.filter { $0.id > lastID }.sorted { $0.id < $1.id }
        return (new, max(lastID, newest ?? lastID))
    }

    /// After a poll: queues what is new and shows the notice if the voice went off. Returns whether the screen changed.
    public mutating func observe(_ screen: inout BoardScreen, at now: Date) -> Bool {
        if let view = screen.view {
            let (new, last) = Self.newAnnouncements(in: view, after: lastID)
            lastID = last
            for announcement in new { announcer.enqueue(SpokenCall(announcement, language: language)) }
        }
        guard let notice = announcer.takeNotice() else { return false }
        screen.showVoiceNotice(notice, at: now)
        return true
    }
}
