import GRDB
import Queue

extension HallDatabase {
    /// "v7-complaint11-complaints": complaints (GB/T 36113), one row each from registration to close. Stored values are
    /// the enums' stable keys (checked by CHECK constraints); the due date is stored so the open lists are index seeks.
    static func migrateToComplaints(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE complaint (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,        -- TS-<yyyymmdd>-<4-digit daily sequence>
                received_on TEXT NOT NULL,          -- business day (YYYY-MM-DD)
                daily_seq INTEGER NOT NULL CHECK (daily_seq >= 1),
                received_at INTEGER NOT NULL,       -- ms
                source TEXT NOT NULL CHECK (source IN (\(keys(ComplaintSource.self)))),  -- ComplaintSource
                work_order TEXT,                    -- the 12345 work-order number (工单号), hotline only
                complainant_name TEXT NOT NULL,
                complainant_phone TEXT NOT NULL,
                about_window INTEGER,
                about_staff TEXT,
                about_department TEXT,
                about_case TEXT,
                about_ticket TEXT,
                content TEXT NOT NULL,
                registered_by TEXT NOT NULL,        -- actor key
                due_on TEXT,                        -- last day to answer; NULL: not countable (a year without its schedule)
                state TEXT NOT NULL CHECK (state IN (\(keys(ComplaintState.self)))),  -- ComplaintState
                unit TEXT,
                handler TEXT REFERENCES staff(id),
                assigned_at INTEGER,
                reply TEXT,
                answered_at INTEGER,
                answered_on TEXT,
                answered_by TEXT,
                satisfaction TEXT CHECK (satisfaction IN (\(keys(ComplaintSatisfaction.self)))),  -- ComplaintSatisfaction
                closed_at INTEGER,
                closed_by TEXT,
                UNIQUE (received_on, daily_seq),
                CHECK ((source = 'hotline') = (work_order IS NOT NULL)),
                CHECK ((state = 'registered') = (handler IS NULL)),
                CHECK ((state IN ('answered', 'closed')) = (reply IS NOT NULL AND answered_on IS NOT NULL)),
                CHECK ((state = 'closed') = (satisfaction IS NOT NULL))
            );
            CREATE INDEX complaint_awaiting ON complaint(due_on) WHERE state IN ('registered', 'assigned');
            CREATE INDEX complaint_received ON complaint(received_on);
            CREATE INDEX complaint_state ON complaint(state, received_on);
            """)
    }
}
