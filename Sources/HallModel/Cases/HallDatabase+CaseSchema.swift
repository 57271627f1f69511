import GRDB
import Queue

extension HallDatabase {
    /// "v5-cases": applicants, the intake decisions at the window, their material checklists, the cases they
    /// open and the documents issued. Stored values are the enums' stable keys (checked by CHECK constraints).
    static func migrateToCases(_ db: Database) throws {
        try db.execute(sql: """
            -- A person or an organisation that applies. Found again by its number on the next visit.
            CREATE TABLE applicant (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN (\(keys(ApplicantKind.self)))),  -- ApplicantKind
                id_number TEXT NOT NULL,            -- normalised: resident ID (GB 11643, 18 chars) or USCC (GB 32100)
                name TEXT NOT NULL,                 -- the person's or the organisation's name
                phone TEXT,                         -- a person's phone
                legal_representative TEXT,          -- an organisation's legal representative
                contact TEXT,                       -- an organisation's contact (name and phone, free text)
                flagged_on TEXT,                    -- 失信 flag: the date it was set (YYYY-MM-DD); NULL when not flagged
                flag_reason TEXT,                   -- why (set with flagged_on, NULL with it)
                created_at INTEGER NOT NULL,        -- ms since 1970
                UNIQUE (kind, id_number),
                CHECK ((flagged_on IS NULL) = (flag_reason IS NULL))
            );

            -- One row per decision at the window (受理, 容缺受理, 一次性告知, 不予受理, or "received, checking").
            CREATE TABLE intake (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,                -- when it was recorded (ms)
                business_date TEXT NOT NULL,        -- the hall's business day it was recorded on
                received_on TEXT NOT NULL,          -- the day the materials arrived (art. 32 counts from it)
                ticket_id INTEGER REFERENCES ticket(id),  -- the ticket being served
                window_id INTEGER,                  -- the window it was taken in at
                staff_id TEXT NOT NULL,             -- who recorded it
                applicant_id INTEGER NOT NULL REFERENCES applicant(id),
                item_code TEXT NOT NULL,            -- catalog_item.code at the time (the catalog may change later)
                decision TEXT NOT NULL CHECK (decision IN (\(keys(IntakeDecisionKind.self)))),  -- IntakeDecisionKind
                decided_at INTEGER,                 -- when decided (ms); NULL while pending
                reason TEXT,                        -- refusal: RefusalReason key; conversion: 'art32'; else NULL
                reason_text TEXT,                   -- the clerk's free text with the reason
                representative_kind TEXT NOT NULL DEFAULT 'none'
                    CHECK (representative_kind IN (\(keys(RepresentativeKind.self)))),  -- RepresentativeKind
                representative_name TEXT,
                representative_id_number TEXT,      -- normalised resident ID of the representative
                authorisation TEXT,                 -- the authorisation as recorded (scope, date)
                case_id INTEGER                     -- the case it opened (accept, tolerate, converted pending)
            );
            CREATE INDEX intake_ticket ON intake(ticket_id);
            CREATE INDEX intake_applicant ON intake(applicant_id);
            -- The pending sweep's seek: only undecided rows.
            CREATE INDEX intake_pending ON intake(received_on) WHERE decision = 'pending';

            -- The item's checklist as found at the intake, one row per material of the published list.
            CREATE TABLE intake_material (
                intake_id INTEGER NOT NULL REFERENCES intake(id),
                position INTEGER NOT NULL CHECK (position >= 1),  -- as in the item's published list, 1-based
                name TEXT NOT NULL,                 -- the material's name at the time
                kind TEXT NOT NULL CHECK (kind IN (\(keys(MaterialKind.self)))),  -- MaterialKind
                status TEXT NOT NULL CHECK (status IN (\(keys(MaterialStatus.self)))),  -- MaterialStatus
                note TEXT,                          -- what is wrong with a defective material
                supplied_on TEXT,                   -- a 容缺 supplement: the day it came
                supplied_by TEXT,                   -- and the staff member who recorded it
                PRIMARY KEY (intake_id, position)
            ) WITHOUT ROWID;

            -- A case opened by an acceptance (受理 or 容缺受理), through 一审一核 to its result and handover.
            CREATE TABLE hall_case (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,        -- <hall code>-<yyyymmdd accepted>-<4-digit daily sequence>
                accepted_on TEXT NOT NULL,          -- the day of acceptance (not counted in the limits)
                daily_seq INTEGER NOT NULL CHECK (daily_seq >= 1),  -- the sequence of that day
                intake_id INTEGER NOT NULL UNIQUE REFERENCES intake(id),
                ticket_id INTEGER REFERENCES ticket(id),  -- the ticket it was taken in on
                applicant_id INTEGER NOT NULL REFERENCES applicant(id),
                item_code TEXT NOT NULL,
                item_name TEXT NOT NULL,            -- as published when accepted
                department_code TEXT NOT NULL,
                final_approver TEXT NOT NULL CHECK (final_approver IN (\(keys(ApproverLevel.self)))),
                tolerated INTEGER NOT NULL,         -- 1: 容缺受理 (materials outstanding at acceptance)
                state TEXT NOT NULL CHECK (state IN (\(keys(CaseState.self)))),  -- CaseState
                statutory_count INTEGER NOT NULL,   -- the item's statutory limit when accepted
                statutory_unit TEXT NOT NULL CHECK (statutory_unit IN (\(keys(TimeLimitUnit.self)))),
                promised_count INTEGER NOT NULL,    -- the item's promised limit when accepted
                promised_unit TEXT NOT NULL CHECK (promised_unit IN (\(keys(TimeLimitUnit.self)))),
                statutory_due TEXT,                 -- NULL: unknown (a year without a holiday schedule)
                promised_due TEXT,                  -- NULL: unknown, as above
                supplement_due TEXT,                -- 容缺: the day the outstanding materials are due; else NULL
                extension_days INTEGER NOT NULL DEFAULT 0,  -- added once by an approved extension
                suspended_since TEXT,               -- while suspended: the first day the clock stopped
                suspension_reason TEXT,             -- the suspension's reason key
                resume_state TEXT CHECK (resume_state IS NULL OR resume_state IN (\(keys(CaseState.self)))),
                suspended_working_days INTEGER NOT NULL DEFAULT 0,  -- stopped days added back to the deadlines
                reviewer_id TEXT,                   -- 一审
                review_opinion TEXT,
                approver_id TEXT,                   -- 一核
                decided_on TEXT,
                decision_reason TEXT,
                result_issued_on TEXT,
                handed_over_on TEXT,
                acknowledged_on TEXT,
                updated_at INTEGER NOT NULL,        -- ms, the last change
                UNIQUE (accepted_on, daily_seq)
            );
            -- `cases list --light red|yellow`: open cases by promised deadline, a range seek per state.
            CREATE INDEX hall_case_state_due ON hall_case(state, promised_due);
            CREATE INDEX hall_case_applicant ON hall_case(applicant_id);
            CREATE INDEX hall_case_ticket ON hall_case(ticket_id);

            -- Every document issued at an intake or on a case: its text as printed, kept, and its SM3 digest
            -- (also in the audit chain's `document_issued` event).
            CREATE TABLE case_document (
                id INTEGER PRIMARY KEY,
                intake_id INTEGER NOT NULL REFERENCES intake(id),
                case_id INTEGER REFERENCES hall_case(id),  -- NULL for a notice or a refusal (no case)
                kind TEXT NOT NULL CHECK (kind IN (\(keys(CaseDocumentKind.self)))),  -- CaseDocumentKind
                issued_at INTEGER NOT NULL,         -- ms
                text TEXT NOT NULL,                 -- plain text, ≤ 80 display columns a line (A4)
                html TEXT NOT NULL,                 -- self-contained page with A4 print CSS
                digest TEXT NOT NULL                -- SM3 of the text's UTF-8 bytes, lower-case hex
            );
            CREATE INDEX case_document_case ON case_document(case_id);
            CREATE INDEX case_document_intake ON case_document(intake_id);
            """)
    }

    /// "v5-case-lifecycle": the item's extension days as published at acceptance (the catalog may change later),
    /// the result deadline (art. 44: 10 working days after the decision) that the light of a decided case is judged
    /// against, the day a case closed, and the seeks `cases list --light` and `cases sweep` use.
    static func migrateToCaseLifecycle(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hall_case ADD COLUMN extension_allowed INTEGER;  -- the item's statutoryExtension; NULL: none
            ALTER TABLE hall_case ADD COLUMN result_due TEXT;            -- set with decided_on; NULL: unknown or undecided
            ALTER TABLE hall_case ADD COLUMN closed_on TEXT;             -- withdrawn or terminated: the day
            UPDATE hall_case SET extension_allowed =
                (SELECT statutory_extension FROM catalog_item c WHERE c.code = hall_case.item_code);
            -- `cases list --light red|yellow|green` on a decided case: a range seek per state on the result deadline.
            CREATE INDEX hall_case_state_result_due ON hall_case(state, result_due) WHERE result_due IS NOT NULL;
            -- `cases sweep`: the 容缺 cases with a supplement deadline, by it.
            CREATE INDEX hall_case_supplement_due ON hall_case(supplement_due) WHERE supplement_due IS NOT NULL;
            """)
    }

    /// The states a case is open in for "mine" (every state but the final ones), as the partial indexes of
    /// "v5-casescreen-queue" and the list's conditions write them: the same text, so SQLite uses the indexes.
    static let openCaseCondition = "state NOT IN ('acknowledged', 'withdrawn', 'terminated')"

    /// "v5-casescreen-queue": the open cases by reviewer and by approver (partial: a closed case is never in a queue),
    /// so "my queue" is a multi-index OR of seeks — mine as reviewer, mine as approver, the unclaimed ones by state.
    static func migrateToCaseQueue(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX hall_case_open_reviewer ON hall_case(reviewer_id) WHERE \(openCaseCondition);
            CREATE INDEX hall_case_open_approver ON hall_case(approver_id) WHERE \(openCaseCondition);
            """)
    }
}
