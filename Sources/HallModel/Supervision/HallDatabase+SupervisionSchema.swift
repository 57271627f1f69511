import GRDB
import Queue

extension HallDatabase {
    /// "v5-handover-supervision" (审管联动): who supervises each department's and item's decisions, and the handover
    /// ledger; the `liaison` role and the decision letters' document kinds join the CHECK constraints written
    /// before them (SQLite cannot alter a CHECK: `staff_role` and `case_document` are rebuilt, every row kept).
    static func migrateToHandoverSupervision(_ db: Database) throws {
        try db.execute(sql: """
            -- Who supervises a department's decisions (scope 'department', code = the department's code) or one item's
            -- (scope 'item', code = the item's implementation code; it wins over its department's).
            CREATE TABLE supervision_pairing (
                scope TEXT NOT NULL CHECK (scope IN (\(keys(SupervisionScope.self)))),  -- SupervisionScope
                code TEXT NOT NULL,
                supervisor TEXT NOT NULL CHECK (length(supervisor) > 0),  -- the supervising department's name
                liaison_id TEXT NOT NULL REFERENCES staff(id),           -- 联络员: a staff member with role liaison
                updated_at INTEGER NOT NULL,                             -- ms
                PRIMARY KEY (scope, code)
            ) WITHOUT ROWID;

            -- The handover ledger: one line per case handed over, to the pairing as it stood that day.
            CREATE TABLE handover (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL UNIQUE REFERENCES hall_case(id),
                item_code TEXT NOT NULL,
                department_code TEXT NOT NULL,      -- the approving department (the case's)
                scope TEXT NOT NULL CHECK (scope IN (\(keys(SupervisionScope.self)))),  -- which pairing applied
                supervisor TEXT NOT NULL,
                liaison_id TEXT NOT NULL,
                handed_over_on TEXT NOT NULL,       -- business day (YYYY-MM-DD)
                handed_over_at INTEGER NOT NULL,    -- ms
                handed_over_by TEXT NOT NULL,       -- staff number
                acknowledged_on TEXT,               -- NULL while unacknowledged
                acknowledged_at INTEGER,
                acknowledged_by TEXT,               -- the liaison, or the supervisor who recorded a paper receipt
                CHECK ((acknowledged_on IS NULL) = (acknowledged_by IS NULL))
            );
            -- `handover overdue`: the unacknowledged lines by day; `handover report --month`: a month's lines.
            CREATE INDEX handover_open ON handover(handed_over_on) WHERE acknowledged_on IS NULL;
            CREATE INDEX handover_day ON handover(handed_over_on);

            CREATE TABLE staff_role_v5 (
                staff_id TEXT NOT NULL REFERENCES staff(id),
                role TEXT NOT NULL CHECK (role IN (\(keys(Role.self)))),
                PRIMARY KEY (staff_id, role)
            ) WITHOUT ROWID;
            INSERT INTO staff_role_v5(staff_id, role) SELECT staff_id, role FROM staff_role;
            DROP TABLE staff_role;
            ALTER TABLE staff_role_v5 RENAME TO staff_role;

            CREATE TABLE case_document_v5 (
                id INTEGER PRIMARY KEY,
                intake_id INTEGER NOT NULL REFERENCES intake(id),
                case_id INTEGER REFERENCES hall_case(id),  -- NULL for a notice or a refusal (no case)
                kind TEXT NOT NULL CHECK (kind IN (\(keys(CaseDocumentKind.self)))),  -- CaseDocumentKind
                issued_at INTEGER NOT NULL,         -- ms
                text TEXT NOT NULL,                 -- plain text, ≤ 80 display columns a line (A4)
                html TEXT NOT NULL,                 -- self-contained page with A4 print CSS
                digest TEXT NOT NULL                -- SM3 of the text's UTF-8 bytes, lower-case hex
            );
            INSERT INTO case_document_v5(id, intake_id, case_id, kind, issued_at, text, html, digest)
                SELECT id, intake_id, case_id, kind, issued_at, text, html, digest FROM case_document;
            DROP TABLE case_document;
            ALTER TABLE case_document_v5 RENAME TO case_document;
            CREATE INDEX case_document_case ON case_document(case_id);
            CREATE INDEX case_document_intake ON case_document(intake_id);
            """)
    }
}
