import GRDB
import Queue

extension HallDatabase {
    /// "v5-findings9-intake-receipt": the pending intake's receipt (材料接收凭证, `CaseDocumentKind.intakeReceipt`)
    /// joins `case_document`'s CHECK (SQLite cannot alter a CHECK: the table is rebuilt, every row kept).
    static func migrateToIntakeReceipt(_ db: Database) throws {
        let kinds = CaseDocumentKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE case_document_f9 (
                id INTEGER PRIMARY KEY,
                intake_id INTEGER NOT NULL REFERENCES intake(id),
                case_id INTEGER REFERENCES hall_case(id),  -- NULL for a notice, a refusal or a receipt (no case)
                kind TEXT NOT NULL CHECK (kind IN (\(kinds))),  -- CaseDocumentKind
                issued_at INTEGER NOT NULL,         -- ms
                text TEXT NOT NULL,                 -- plain text, ≤ 80 display columns a line (A4)
                html TEXT NOT NULL,                 -- self-contained page with A4 print CSS
                digest TEXT NOT NULL                -- SM3 of the text's UTF-8 bytes, lower-case hex
            );
            INSERT INTO case_document_f9(id, intake_id, case_id, kind, issued_at, text, html, digest)
                SELECT id, intake_id, case_id, kind, issued_at, text, html, digest FROM case_document;
            DROP TABLE case_document;
            ALTER TABLE case_document_f9 RENAME TO case_document;
            CREATE INDEX case_document_case ON case_document(case_id);
            CREATE INDEX case_document_intake ON case_document(intake_id);
            """)
    }

    /// "v5-findings9-deadline-recount": a 容缺 case keeps the supplement days it was given at intake, so a supplement
    /// deadline that could not be counted then (the year's holiday schedule not loaded) is counted later with
    /// them; and the open cases with a deadline still uncounted are found by index (`countUnknownDeadlines`).
    static func migrateToDeadlineRecount(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hall_case ADD COLUMN supplement_days INTEGER;  -- 容缺: the working days given at intake; NULL before this column
            CREATE INDEX hall_case_uncounted ON hall_case(id)
                WHERE statutory_due IS NULL OR promised_due IS NULL OR (tolerated = 1 AND supplement_due IS NULL);
            """)
    }

    /// "v5-fix9-supplement-deadline-notice": the 补齐材料期限告知书 (`CaseDocumentKind.supplementDeadlineNotice`, a 容缺
    /// supplement deadline counted late and told) joins `case_document`'s CHECK: the same rebuild as the receipt's,
    /// with every kind there is now, every row kept.
    static func migrateToSupplementDeadlineNotice(_ db: Database) throws {
        try migrateToIntakeReceipt(db)
    }
}
