import GRDB
import Queue

/// An enum's stored keys for a CHECK constraint: `'a', 'b', 'c'`.
private func keys<T: CaseIterable & RawRepresentable<String>>(_: T.Type) -> String {
    T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
}

extension HallDatabase {
    /// "v7-rating11-ratings": 好差评 — one rating per visit (the UNIQUE index on the ticket, not only the code), the
    /// window and staff member who finished it, the level, the reasons of a bad review, the source; and the index the
    /// rating terminal's prompt seeks (a window's latest finished ticket). Stored values are the enums' keys.
    static func migrateToRatings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rating (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                business_date TEXT NOT NULL,        -- the ticket's business day (YYYY-MM-DD)
                window_id INTEGER NOT NULL,         -- the window that finished the ticket
                staff_id TEXT,                      -- who served there (the finish event's clerk); NULL: nobody signed in
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),  -- RatingLevel
                reason_efficiency INTEGER NOT NULL DEFAULT 0,          -- RatingReason.serviceEfficiency
                reason_level INTEGER NOT NULL DEFAULT 0,               -- RatingReason.serviceLevel
                reason_attitude INTEGER NOT NULL DEFAULT 0,            -- RatingReason.serviceAttitude
                note TEXT,
                source TEXT NOT NULL CHECK (source IN (\(keys(RatingSource.self)))),  -- RatingSource
                at INTEGER NOT NULL,                -- ms
                recorded_by TEXT NOT NULL,          -- the actor's key (@rating, or a staff number)
                excluded INTEGER NOT NULL DEFAULT 0,  -- 1: an appeal against it was upheld (kept, out of the figures)
                CHECK (level <= 2 OR (reason_efficiency + reason_level + reason_attitude) = 0),
                CHECK (level > 2 OR (reason_efficiency + reason_level + reason_attitude) > 0)
            );
            -- One rating per visit, enforced by the database itself.
            CREATE UNIQUE INDEX rating_one_per_ticket ON rating(ticket_id);
            CREATE INDEX rating_date ON rating(business_date, level);
            CREATE INDEX rating_window ON rating(window_id, business_date);
            CREATE INDEX rating_staff ON rating(staff_id, business_date);
            -- The rating terminal's seek: its window's latest finished ticket.
            CREATE INDEX ticket_finished_window ON ticket(window_id, finished_at) WHERE state = 'finished';
            """)
    }

    /// "v7-rating11-rectification": 整改 — one rectification per bad review (ZG-<yyyymmdd>-<4-digit daily sequence>),
    /// its unit, due day, the one extension, the outcome, the appeal and its decision; and the follow-up log (回访).
    static func migrateToRectification(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rectification (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,        -- ZG-<yyyymmdd>-<4-digit daily sequence>
                opened_on TEXT NOT NULL,            -- the day of the bad review (not counted)
                daily_seq INTEGER NOT NULL CHECK (daily_seq >= 1),
                rating_id INTEGER NOT NULL UNIQUE REFERENCES rating(id),
                unit TEXT,                          -- the serving staff member's department; NULL: the hall's management office
                state TEXT NOT NULL CHECK (state IN (\(keys(RectificationState.self)))),  -- RectificationState
                due_on TEXT,                        -- NULL: unknown (a year without a holiday schedule)
                extended INTEGER NOT NULL DEFAULT 0,
                extension_reason TEXT,
                closed_on TEXT,
                closed_by TEXT,
                outcome_note TEXT,                  -- what was done / explained / why it cannot be rectified
                appeal_ground TEXT CHECK (appeal_ground IS NULL OR appeal_ground IN (\(keys(AppealGround.self)))),
                appeal_note TEXT,
                appealed_by TEXT,
                appealed_on TEXT,
                appeal_upheld INTEGER,              -- NULL until decided
                decision_note TEXT,
                decided_by TEXT,
                decided_on TEXT,
                UNIQUE (opened_on, daily_seq),
                CHECK (appealed_by IS NULL OR decided_by IS NULL OR appealed_by <> decided_by)
            );
            CREATE INDEX rectification_pending ON rectification(due_on) WHERE state IN ('open', 'appealed');
            CREATE INDEX rectification_opened ON rectification(opened_on);

            -- 回访: the follow-up calls and visits with the citizen.
            CREATE TABLE rectification_visit (
                id INTEGER PRIMARY KEY,
                rectification_id INTEGER NOT NULL REFERENCES rectification(id),
                at INTEGER NOT NULL,                -- ms
                visit_on TEXT NOT NULL,             -- business day
                by_staff TEXT NOT NULL REFERENCES staff(id),
                how TEXT NOT NULL CHECK (how IN (\(keys(ContactMethod.self)))),  -- ContactMethod
                reached INTEGER NOT NULL,           -- 1: the citizen was reached
                said TEXT NOT NULL                  -- what the citizen said (or why not reached)
            );
            CREATE INDEX rectification_visit_of ON rectification_visit(rectification_id, at);
            """)
    }
}
