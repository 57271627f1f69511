import GRDB

/// What the audit chain says changed since a screen last looked: the lines and windows its new events
/// concern. Every write appends an event in its own transaction, so the events after a screen's last
/// seen event are exactly the commits it has not loaded. A screen that shows only part of the hall (one
/// window) asks this first and skips the reload when nothing of its part moved; at 120 windows on one
/// file that is most of the reloads (a call on line A changes nothing at a window serving line B).
public struct HallChanges: Sendable, Equatable {
    /// The last event seen; the next look starts after it.
    public var lastEventID: Int64
    /// Lines whose tickets changed (an event's `line_id`).
    public var lines: Set<Int64> = []
    /// Windows an event concerns (its `window_id`).
    public var windows: Set<Int> = []
    /// An event that concerns the hall rather than one line or window (settings, lines opened or closed,
    /// staff, the catalog, a day close…), or one this reading cannot place: every screen reloads.
    public var hallWide = false

    public init(lastEventID: Int64, lines: Set<Int64> = [], windows: Set<Int> = [], hallWide: Bool = false) {
        self.lastEventID = lastEventID; self.lines = lines; self.windows = windows; self.hallWide = hallWide
    }

    /// Whether anything changed that a view of `window` serving `lines` shows.
    public func concern(window: Int, lines serving: Set<Int64>) -> Bool {
        hallWide || windows.contains(window) || !lines.isDisjoint(with: serving)
    }
}

extension HallDatabase {
    /// The last event in the chain (0 for an empty chain): where `changes(after:)` starts next time.
    public func lastEventID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, cachedSQL: "SELECT COALESCE(MAX(id), 0) FROM hall_event") ?? 0 }
    }

    /// The lines and windows the events after `eventID` concern. A ticket event is placed by its line and
    /// window, a window's own event (pause, sign-in) by its window; any other event (or more events than
    /// `limit`, a burst not worth sorting) is hall-wide.
    public func changes(after eventID: Int64, limit: Int = 500) throws -> HallChanges {
        try read { db in
            var changes = HallChanges(lastEventID: eventID)
            let rows = try Row.fetchAll(db, cachedSQL: """
                SELECT id, line_id, window_id, ticket_id FROM hall_event WHERE id > ? ORDER BY id LIMIT ?
                """, arguments: [eventID, limit + 1])
            for row in rows.prefix(limit) {
                changes.lastEventID = row[0]
                let line: Int64? = row[1], window: Int? = row[2], ticket: Int64? = row[3]
                if let window { changes.windows.insert(window) }
                if ticket != nil, let line { changes.lines.insert(line) }
                // Not a ticket's and not a window's (a line opened or renamed, settings, staff…): everyone's.
                if ticket == nil && window == nil { changes.hallWide = true }
            }
            if rows.count > limit {
                changes.hallWide = true
                changes.lastEventID = try Int64.fetchOne(db, cachedSQL: "SELECT COALESCE(MAX(id), 0) FROM hall_event") ?? changes.lastEventID
            }
            return changes
        }
    }
}
