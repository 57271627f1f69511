import GRDB
import Queue

extension HallDatabase {
    /// "v6-ledger10-material-ledger": the material handover ledger (材料交接台账) — one row per handover (one receipt
    /// number, the parties as they signed, the receipt as issued with its SM3 digest), one row per line — and the
    /// agents' contact log. Stored values are the enums' stable keys (checked by CHECK constraints).
    static func migrateToMaterialLedger(_ db: Database) throws {
        try db.execute(sql: """
            -- One handover: lines recorded together, one receipt (交接单). A job's, a case's, or both.
            CREATE TABLE material_handover (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,        -- JJ-<yyyymmdd>-<4-digit daily sequence>
                handed_on TEXT NOT NULL,            -- business day (YYYY-MM-DD)
                daily_seq INTEGER NOT NULL CHECK (daily_seq >= 1),
                job_id INTEGER REFERENCES proxy_job(id),
                case_id INTEGER REFERENCES hall_case(id),
                from_party TEXT NOT NULL CHECK (from_party IN (\(keys(HandoverParty.self)))),  -- HandoverParty
                from_name TEXT NOT NULL,            -- as signed
                to_party TEXT NOT NULL CHECK (to_party IN (\(keys(HandoverParty.self)))),
                to_name TEXT NOT NULL,
                at INTEGER NOT NULL,                -- ms
                recorded_by TEXT NOT NULL,          -- staff number
                text TEXT NOT NULL,                 -- the receipt as issued, ≤ 80 display columns a line (A4)
                html TEXT NOT NULL,                 -- its A4 page
                digest TEXT NOT NULL,               -- SM3 of the text, also in the material_handover event
                UNIQUE (handed_on, daily_seq),
                CHECK (job_id IS NOT NULL OR case_id IS NOT NULL),
                CHECK (from_party <> to_party)
            );
            CREATE INDEX material_handover_job ON material_handover(job_id) WHERE job_id IS NOT NULL;
            CREATE INDEX material_handover_case ON material_handover(case_id) WHERE case_id IS NOT NULL;

            CREATE TABLE material_handover_line (
                handover_id INTEGER NOT NULL REFERENCES material_handover(id),
                line INTEGER NOT NULL CHECK (line >= 1),
                material_kind TEXT NOT NULL CHECK (material_kind IN ('listed', 'result', 'other')),  -- LedgerMaterial.kindKey
                material_position INTEGER CHECK (material_position >= 1),  -- the item's list position (listed only)
                material_name TEXT NOT NULL,
                form TEXT NOT NULL CHECK (form IN (\(keys(MaterialForm.self)))),  -- MaterialForm
                copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 99),
                PRIMARY KEY (handover_id, line),
                CHECK ((material_kind = 'listed') = (material_position IS NOT NULL))
            ) WITHOUT ROWID;

            -- The contact log: an agent's calls and visits with a job's applicant.
            CREATE TABLE proxy_contact (
                id INTEGER PRIMARY KEY,
                job_id INTEGER NOT NULL REFERENCES proxy_job(id),
                at INTEGER NOT NULL,                -- ms
                contact_on TEXT NOT NULL,           -- business day (YYYY-MM-DD)
                how TEXT NOT NULL CHECK (how IN (\(keys(ContactMethod.self)))),  -- ContactMethod
                note TEXT NOT NULL,                 -- what was agreed
                next_on TEXT,                       -- the next step's day (YYYY-MM-DD), optional
                by_staff TEXT NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX proxy_contact_job ON proxy_contact(job_id, at);
            CREATE INDEX proxy_contact_staff ON proxy_contact(by_staff, at);
            """)
    }
}
