import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Versioned migrations. Never edit a shipped migration: add a new one. A database that has migrations
    /// this program does not know was written by a newer HallDesk and is refused (see `open`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-queue") { db in
            try db.execute(sql: """
                CREATE TABLE hall_setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'agent', 'reviewer'))
                );
                CREATE TABLE service_line (
                    id INTEGER PRIMARY KEY,
                    prefix TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    target_wait_minutes INTEGER NOT NULL CHECK (target_wait_minutes > 0),
                    daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
                    is_open INTEGER NOT NULL DEFAULT 1,
                    keeps_overnight INTEGER NOT NULL DEFAULT 0,
                    default_service_minutes INTEGER NOT NULL DEFAULT 8
                );
                CREATE TABLE service_window (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    filter TEXT NOT NULL CHECK (filter IN ('all', 'priority', 'appointments')),
                    state TEXT NOT NULL CHECK (state IN ('open', 'paused', 'closed')),
                    pause_reason TEXT,
                    staff_id TEXT REFERENCES staff(id),
                    priority_streak INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE window_line (
                    window_id INTEGER NOT NULL REFERENCES service_window(id) ON DELETE CASCADE,
                    line_id INTEGER NOT NULL REFERENCES service_line(id),
                    position INTEGER NOT NULL,
                    weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
                    PRIMARY KEY (window_id, line_id)
                );
                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY,
                    business_date TEXT NOT NULL,
                    origin_line_id INTEGER NOT NULL REFERENCES service_line(id),
                    sequence INTEGER NOT NULL CHECK (sequence > 0),
                    code TEXT NOT NULL,
                    line_id INTEGER NOT NULL REFERENCES service_line(id),
                    state TEXT NOT NULL CHECK (state IN ('waiting','called','serving','held','finished','no_show','cancelled','unserved')),
                    priority TEXT NOT NULL,
                    category TEXT NOT NULL CHECK (category IN ('green','appointment','priority','normal')),
                    source TEXT NOT NULL,
                    appt_at INTEGER,
                    issued_at INTEGER NOT NULL,
                    queued_at INTEGER NOT NULL,
                    called_at INTEGER,
                    started_at INTEGER,
                    finished_at INTEGER,
                    window_id INTEGER REFERENCES service_window(id),
                    call_count INTEGER NOT NULL DEFAULT 0,
                    transfer_count INTEGER NOT NULL DEFAULT 0,
                    citizen_id INTEGER,
                    proxy_agent_id TEXT,
                    UNIQUE (business_date, origin_line_id, sequence)
                );
                -- A code is unique within its business day, whatever line the ticket has moved to.
                CREATE UNIQUE INDEX ticket_code ON ticket(business_date, code);
                -- One active ticket per window, enforced by the database itself.
                CREATE UNIQUE INDEX ticket_active_window ON ticket(window_id) WHERE state IN ('called', 'serving');
                -- The calling policy's candidate seeks: only waiting tickets are indexed.
                CREATE INDEX ticket_waiting ON ticket(line_id, category, queued_at) WHERE state = 'waiting';
                CREATE INDEX ticket_waiting_appointment ON ticket(line_id, appt_at) WHERE state = 'waiting' AND appt_at IS NOT NULL;
                CREATE INDEX ticket_held ON ticket(window_id) WHERE state = 'held';
                CREATE INDEX ticket_open ON ticket(state) WHERE state IN ('waiting', 'called', 'serving', 'held');
                -- Covers the wait estimate's recent service times (newest first) without touching the table.
                CREATE INDEX ticket_finished_line ON ticket(business_date, line_id, finished_at, started_at) WHERE state = 'finished';

                -- The append-only event log every figure is derived from.
                CREATE TABLE hall_event (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    business_date TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    ticket_id INTEGER REFERENCES ticket(id),
                    line_id INTEGER,
                    window_id INTEGER,
                    staff_id TEXT,
                    detail TEXT
                );
                CREATE INDEX hall_event_ticket ON hall_event(ticket_id);
                CREATE INDEX hall_event_date ON hall_event(business_date, kind);
                CREATE TRIGGER hall_event_no_update BEFORE UPDATE ON hall_event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER hall_event_no_delete BEFORE DELETE ON hall_event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

                -- What the board and the voice say: separate from the state change (a recall is a new row).
                CREATE TABLE announcement (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    code TEXT NOT NULL,
                    window_id INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('call', 'recall'))
                );
                """)
        }
        migrator.registerMigration("v2-catalog-calendar") { db in
            try db.execute(sql: """
                -- The published list (权责清单). `position` keeps the published order; codes are the keys.
                CREATE TABLE catalog_department (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE TABLE catalog_item (
                    code TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    item_type TEXT NOT NULL,
                    department_code TEXT NOT NULL REFERENCES catalog_department(code),
                    legal_basis TEXT NOT NULL,
                    conditions TEXT NOT NULL,
                    -- JSON array of step texts, in order.
                    process_steps TEXT NOT NULL,
                    statutory_limit INTEGER NOT NULL CHECK (statutory_limit >= 0),
                    statutory_unit TEXT NOT NULL CHECK (statutory_unit IN ('workingDays', 'naturalDays')),
                    statutory_extension INTEGER CHECK (statutory_extension IS NULL OR statutory_extension >= 1),
                    promised_limit INTEGER NOT NULL CHECK (promised_limit >= 0),
                    promised_unit TEXT NOT NULL CHECK (promised_unit IN ('workingDays', 'naturalDays')),
                    -- NULL: free of charge. Whole fen, never floating point.
                    fee_fen INTEGER CHECK (fee_fen IS NULL OR fee_fen > 0),
                    fee_basis TEXT,
                    visits_required INTEGER NOT NULL CHECK (visits_required >= 0),
                    online INTEGER NOT NULL,
                    supervision_phone TEXT NOT NULL,
                    final_approver TEXT NOT NULL CHECK (final_approver IN ('sectionChief', 'deputyDirector')),
                    -- JSON array of site levels, district first.
                    site_levels TEXT NOT NULL,
                    tolerance_allowed INTEGER NOT NULL,
                    line_prefix TEXT NOT NULL
                );
                CREATE INDEX catalog_item_department ON catalog_item(department_code);
                CREATE TABLE catalog_material (
                    item_code TEXT NOT NULL REFERENCES catalog_item(code) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('core', 'tolerable')),
                    form TEXT NOT NULL CHECK (form IN ('original', 'copy')),
                    copies INTEGER NOT NULL CHECK (copies >= 1),
                    blank_form INTEGER NOT NULL,
                    sample INTEGER NOT NULL,
                    source TEXT NOT NULL CHECK (source IN ('applicant', 'shared')),
                    source_department_code TEXT REFERENCES catalog_department(code),
                    notes TEXT NOT NULL,
                    PRIMARY KEY (item_code, position)
                );
                -- Bumped by every catalog import, so a screen's in-memory index knows when to reload.
                CREATE TABLE catalog_revision (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    revision INTEGER NOT NULL
                );
                INSERT INTO catalog_revision(id, revision) VALUES (1, 0);

                -- The State Council holiday schedules: only the exceptions to the Monday-Friday week.
                -- A year is loaded when it has a holiday_year row; a date in any other year cannot be counted.
                CREATE TABLE holiday_year (
                    year INTEGER PRIMARY KEY NOT NULL,
                    -- JSON array of the notices' addresses.
                    papers TEXT NOT NULL
                );
                CREATE TABLE holiday_day (
                    date TEXT PRIMARY KEY NOT NULL,
                    year INTEGER NOT NULL REFERENCES holiday_year(year) ON DELETE CASCADE,
                    is_off_day INTEGER NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE INDEX holiday_day_year ON holiday_day(year);
                """)
            // Deadlines work out of the box: the schedules shipped with this program.
            for schedule in try HolidaySchedule.bundled() {
                try HallDatabase.storeHolidaySchedule(schedule, in: db)
            }
        }
        migrator.registerMigration("v3-identity-audit") { db in
            try migrateToIdentityAndAuditChain(db)
        }
        // The clerk's note on a ticket (`setTicketNote`): on the ticket's row, so it travels with transfers and holds.
        migrator.registerMigration("v4-ticket-note") { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN note TEXT")
        }
        migrator.registerMigration("v4-queue-when-unserved") { db in
            // What a line does with a new ticket while no window serves it (UnservedIssuePolicy's keys).
            let keys = UnservedIssuePolicy.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(sql: """
                ALTER TABLE service_line ADD COLUMN when_unserved TEXT NOT NULL DEFAULT 'issueWithWarning'
                    CHECK (when_unserved IN (\(keys)));
                """)
        }
        migrator.registerMigration("v4-queue-stale-tickets") { db in
            // The first write of a day looks for earlier days' open tickets (`closeEarlierDays`): a seek, not a
            // scan of every waiting ticket on every issue and call.
            try db.execute(sql: """
                CREATE INDEX ticket_open_date ON ticket(business_date) WHERE state IN ('waiting', 'called', 'serving', 'held');
                """)
        }
        // Applicants, intake decisions, cases and their documents (HallDatabase+CaseSchema.swift).
        migrator.registerMigration("v5-cases") { db in
            try migrateToCases(db)
        }
        // A ticket transferred with `--placement front` (排到队首): the calling policy calls it next at a window
        // serving its line, whatever the line weights (`CallingPolicy`, step 3).
        migrator.registerMigration("v5-ticket-front-placement") { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN placed_front INTEGER NOT NULL DEFAULT 0")
        }
        // A case's life after intake: what the lifecycle rules need that v5-cases did not keep (CaseSchema).
        migrator.registerMigration("v5-case-lifecycle") { db in
            try migrateToCaseLifecycle(db)
        }
        // The day a suspended case resumed: a later suspension (the 容缺 sweep's) never dates from before it, and
        // a licence held back by overdue supplements counts its result deadline from it (CaseFacts.resumedOn).
        migrator.registerMigration("v5-case-resumed-on") { db in
            try db.execute(sql: "ALTER TABLE hall_case ADD COLUMN resumed_on TEXT")
        }
        // 审管联动: supervision pairings, the handover ledger, the liaison role, the decision letters' kinds
        // (HallDatabase+SupervisionSchema.swift).
        migrator.registerMigration("v5-handover-supervision") { db in
            try migrateToHandoverSupervision(db)
        }
        // The case screen's "my queue" (`cases list --mine`): the open cases a person reviews or decides, by index
        // (HallDatabase+CaseList.swift), not a scan of every case the hall ever had.
        migrator.registerMigration("v5-casescreen-queue") { db in
            try migrateToCaseQueue(db)
        }
        // The stamps a process compares before reusing the calendar and the catalog items it loaded (RevisionStamp).
        migrator.registerMigration("v5-perf-revision-stamps") { db in
            try migrateToRevisionStamps(db)
        }
        // The pending intake's receipt (材料接收凭证) joins case_document's kinds (HallDatabase+ReceiptAndRecountSchema.swift).
        migrator.registerMigration("v5-findings9-intake-receipt") { db in
            try migrateToIntakeReceipt(db)
        }
        // Deadlines left uncounted (a year without a holiday schedule) are counted once they can be: a 容缺 case keeps
        // its supplement days, and the uncounted open cases are found by index (HallDatabase+ReceiptAndRecountSchema.swift).
        migrator.registerMigration("v5-findings9-deadline-recount") { db in
            try migrateToDeadlineRecount(db)
        }
        // The settings' revision stamp: every write reads the settings, now by one indexed row (RevisionStamp.swift).
        migrator.registerMigration("v5-perf-settings-stamp") { db in
            try migrateToSettingsStamp(db)
        }
        // A 容缺 supplement deadline counted late is told in writing: its notice joins case_document's kinds
        // (HallDatabase+ReceiptAndRecountSchema.swift).
        migrator.registerMigration("v5-fix9-supplement-deadline-notice") { db in
            try migrateToSupplementDeadlineNotice(db)
        }
        // The day the sweep flagged an approved 容缺 case whose materials are overdue (CaseSweep.overdueFlag), found by
        // index for the red list (HallDatabase+SupplementFlagSchema.swift).
        migrator.registerMigration("v5-fix9d-supplement-overdue-flag") { db in
            try migrateToSupplementOverdueFlag(db)
        }
        // Issue 10 (代办员): agent profiles and skills, proxy jobs and their assignment history (Agents/HallDatabase+AgentSchema.swift).
        migrator.registerMigration("v6-team10-agents") { db in
            try migrateToAgents(db)
        }
        // Each agent's open jobs counted by triggers, for the automatic assignment (Agents/HallDatabase+AgentSchema.swift).
        migrator.registerMigration("v6-team10-agent-load") { db in
            try migrateToAgentLoad(db)
        }
        // Major projects, their cases and the joint acceptance (issue 10; HallDatabase+ProjectSchema.swift).
        migrator.registerMigration("v6-project10-projects") { db in
            try migrateToProjects(db)
        }
        // The intermediary-service supermarket: agencies, items' needs, referrals (HallDatabase+AgencySchema.swift).
        migrator.registerMigration("v6-project10-agencies") { db in
            try migrateToAgencies(db)
        }
        // 模拟审批: simulated approvals of a project's items and the case each became (Projects/ProjectSimulation.swift).
        migrator.registerMigration("v6-project10-simulation") { db in
            try migrateToProjectSimulation(db)
        }
        // Issue 10, the agent's screen: each agent's last-seen mark of their inbox (Agents/HallDatabase+AgentInbox.swift).
        migrator.registerMigration("v6-screen10-inbox-mark") { db in
            try migrateToAgentInboxMark(db)
        }
        // Issue 10: the material handover ledger (材料交接台账) and the contact log (Agents/HallDatabase+MaterialLedgerSchema.swift).
        migrator.registerMigration("v6-ledger10-material-ledger") { db in
            try migrateToMaterialLedger(db)
        }
        // Issue 10: the joint acceptance record (联合验收意见书) kept as issued (Projects/HallDatabase+JointAcceptanceRecord.swift).
        migrator.registerMigration("v6-ledger10b-acceptance-record") { db in
            try migrateToAcceptanceRecord(db)
        }
        // Issue 11 (rating11): 好差评, one rating per visit, and the rating terminal's seek (Ratings/HallDatabase+RatingSchema.swift).
        migrator.registerMigration("v7-rating11-ratings") { db in
            try migrateToRatings(db)
        }
        // Issue 11 (rating11): 整改, the bad reviews' rectifications and their follow-ups (回访) (same file).
        migrator.registerMigration("v7-rating11-rectification") { db in
            try migrateToRectification(db)
        }
        // Issue 11: complaints (GB/T 36113), registered, assigned, answered and closed (Complaints/HallDatabase+ComplaintSchema.swift).
        migrator.registerMigration("v7-complaint11-complaints") { db in
            try migrateToComplaints(db)
        }
        // Issue 11 (hallops11): a supervisor's messages to the window screens and each window's reading of them
        // (WindowMessages/HallDatabase+WindowMessages.swift).
        migrator.registerMigration("v7-hallops11-window-messages") { db in
            try migrateToWindowMessages(db)
        }
        // Issue 11: the reports read a period's intakes by business date (Reports/HallDatabase+Report.swift).
        migrator.registerMigration("v7-report11-intake-date") { db in
            try migrateToReportIntakeDate(db)
        }
        return migrator
    }

    /// An enum's stored keys as an SQL list (`'a', 'b'`), for the CHECK constraints that keep a column to them.
    static func keys<T: CaseIterable & RawRepresentable<String>>(_: T.Type) -> String {
        T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// v3: staff with several roles, passwords and bound accounts; the event log becomes the SM3 hash chain
    /// (every earlier event is carried over, in order, and chained); the day's seals.
    private static func migrateToIdentityAndAuditChain(_ db: Database) throws {
        let roles = Role.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE staff_v3 (
                id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 16 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
                name TEXT NOT NULL CHECK (length(name) > 0),
                department TEXT,
                active INTEGER NOT NULL DEFAULT 1,
                approver_level TEXT CHECK (approver_level IN ('sectionChief', 'deputyDirector')),
                -- scrypt, PHC string form (PasswordHash.swift); NULL: no password (a bound account only).
                password_hash TEXT,
                os_user TEXT UNIQUE,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until INTEGER
            );
            INSERT INTO staff_v3(id, name) SELECT id, name FROM staff;
            CREATE TABLE staff_role (
                staff_id TEXT NOT NULL REFERENCES staff(id),
                role TEXT NOT NULL CHECK (role IN (\(roles))),
                PRIMARY KEY (staff_id, role)
            ) WITHOUT ROWID;
            -- Today's staff keep their one role (clerk, supervisor, agent, reviewer map to themselves).
            INSERT INTO staff_role(staff_id, role) SELECT id, role FROM staff;
            DROP TABLE staff;
            ALTER TABLE staff_v3 RENAME TO staff;

            DROP TRIGGER hall_event_no_update;
            DROP TRIGGER hall_event_no_delete;
            DROP INDEX hall_event_ticket;
            DROP INDEX hall_event_date;
            ALTER TABLE hall_event RENAME TO hall_event_v1;
            CREATE TABLE hall_event (
                id INTEGER PRIMARY KEY,             -- seq: 1, 2, 3… with no gaps
                at INTEGER NOT NULL,
                business_date TEXT NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,                -- staff number, or @device
                terminal TEXT NOT NULL,             -- cli, window:3, kiosk, board…
                ticket_id INTEGER REFERENCES ticket(id),
                line_id INTEGER,
                window_id INTEGER,
                staff_id TEXT,                      -- the person the event concerns (the window's clerk)
                detail TEXT,                        -- canonical JSON object (RFC 8785) or NULL
                prev BLOB NOT NULL,                 -- the previous event's hash (32 zero bytes for the first)
                hash BLOB NOT NULL                  -- SM3(prev ‖ canonical bytes of this event without hash)
            );
            CREATE TABLE day_seal (
                business_date TEXT PRIMARY KEY NOT NULL,
                seq INTEGER NOT NULL,
                hash BLOB NOT NULL,
                sealed_at INTEGER NOT NULL
            );
            """)
        // Carry the old log over in order, chained. The actor was not recorded before: `@legacy`.
        var carried = 0
        let old = try Row.fetchCursor(db, sql: "SELECT at, business_date, kind, ticket_id, line_id, window_id, staff_id, detail FROM hall_event_v1 ORDER BY id")
        while let row = try old.next() {
            let detail: String? = row[7]
            try AuditLog.append(db, kind: row[2], actor: "@legacy", terminal: "legacy", at: Date(millisecondsSince1970: row[0]),
                                businessDate: row[1], ticketID: row[3], lineID: row[4], window: row[5], staff: row[6],
                                detail: detail.map { ["legacy": .string($0)] } ?? [:])
            carried += 1
        }
        try db.execute(sql: "DROP TABLE hall_event_v1")
        if carried > 0 {
            let now = Date()
            let zone = try String.fetchOne(db, sql: "SELECT value FROM hall_setting WHERE key = 'time_zone'") ?? "Asia/Shanghai"
            let today = ((try? BusinessCalendar(timeZoneIdentifier: zone)) ?? BusinessCalendar(timeZone: TimeZone(secondsFromGMT: 8 * 3600)!))
                .businessDate(of: now)
            try AuditLog.append(db, kind: EventKind.chainStarted.rawValue, actor: "@migration", terminal: "migration", at: now,
                                businessDate: today, ticketID: nil, lineID: nil, window: nil, staff: nil,
                                detail: ["legacy_events": .int(carried)])
        }
        try db.execute(sql: """
            CREATE INDEX hall_event_ticket ON hall_event(ticket_id);
            CREATE INDEX hall_event_date ON hall_event(business_date, kind);
            -- Append-only: no row changes or goes, and a new row must come after the last one (this also
            -- stops `REPLACE INTO`, which deletes without firing delete triggers). Whoever can write the file
            -- can drop these; the hash chain is what makes that detectable (docs/SECURITY.md).
            CREATE TRIGGER hall_event_no_update BEFORE UPDATE ON hall_event
                BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
            CREATE TRIGGER hall_event_no_delete BEFORE DELETE ON hall_event
                BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
            -- (Whether `prev` is the last hash is left to `audit verify`: one lookup less on every write.)
            CREATE TRIGGER hall_event_append_only BEFORE INSERT ON hall_event
                WHEN NEW.id IS NOT (SELECT COALESCE(MAX(id), 0) + 1 FROM hall_event)
                BEGIN SELECT RAISE(ABORT, 'an event must extend the end of the audit chain'); END;
            """)
    }
}
