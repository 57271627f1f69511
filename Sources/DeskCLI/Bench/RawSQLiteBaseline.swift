import Foundation
import GRDBSQLite
import HallModel
import Queue

/// The benchmark's baseline: the same rows the engine writes for issue → call → start → finish, written with
/// bare SQLite calls and prepared statements, one IMMEDIATE transaction per action, on the same schema and
/// the same durability settings (WAL, synchronous FULL). What the engine costs on top of this is validation,
/// the calling policy, GRDB, the permission check and the audit chain: the baseline's events go to a table
/// of their own with the same columns and indexes but no hash chain, no chain trigger and no actor check.
final class RawSQLiteBaseline {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            throw BenchError.sqlite("open \(path)")
        }
        sqlite3_busy_timeout(db, 10_000)
        try exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
        try exec("""
            CREATE TABLE IF NOT EXISTS baseline_event (
                id INTEGER PRIMARY KEY, at INTEGER NOT NULL, business_date TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL,
                terminal TEXT NOT NULL, ticket_id INTEGER REFERENCES ticket(id), line_id INTEGER, window_id INTEGER, staff_id TEXT,
                detail TEXT, prev BLOB, hash BLOB);
            CREATE INDEX IF NOT EXISTS baseline_event_ticket ON baseline_event(ticket_id);
            CREATE INDEX IF NOT EXISTS baseline_event_date ON baseline_event(business_date, kind);
            """)
    }

    deinit {
        for s in statements.values { sqlite3_finalize(s) }
        sqlite3_close_v2(db)
    }

    func synchronous() -> Int {
        var s: OpaquePointer?
        sqlite3_prepare_v2(db, "PRAGMA synchronous", -1, &s, nil)
        defer { sqlite3_finalize(s) }
        return sqlite3_step(s) == SQLITE_ROW ? Int(sqlite3_column_int(s, 0)) : -1
    }

    /// `PRAGMA data_version`, as every screen polls it: the floor of a screen's idle cost.
    func dataVersion() -> Int64 {
        guard let s = try? statement("PRAGMA data_version"), sqlite3_step(s) == SQLITE_ROW else { return -1 }
        return sqlite3_column_int64(s, 0)
    }

    func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError.sqlite(String(cString: sqlite3_errmsg(db))) }
    }

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let s = statements[sql] { sqlite3_reset(s); sqlite3_clear_bindings(s); return s }
        var s: OpaquePointer?
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil) == SQLITE_OK, let s else {
            throw BenchError.sqlite(String(cString: sqlite3_errmsg(db)))
        }
        statements[sql] = s
        return s
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs a statement with integer/text arguments; returns the first column of the first row, if any.
    @discardableResult
    fileprivate func run(_ sql: String, _ args: [Any?]) throws -> Int64? {
        let s = try statement(sql)
        for (i, a) in args.enumerated() {
            let index = Int32(i + 1)
            switch a {
            case let v as Int64: sqlite3_bind_int64(s, index, v)
            case let v as Int: sqlite3_bind_int64(s, index, Int64(v))
            case let v as String: sqlite3_bind_text(s, index, v, -1, Self.transient)
            case let v as Data: _ = v.withUnsafeBytes { sqlite3_bind_blob(s, index, $0.baseAddress, Int32($0.count), Self.transient) }
            default: sqlite3_bind_null(s, index)
            }
        }
        var result: Int64?
        var rc = sqlite3_step(s)
        if rc == SQLITE_ROW {
            if sqlite3_column_type(s, 0) != SQLITE_NULL { result = sqlite3_column_int64(s, 0) }
            while rc == SQLITE_ROW { rc = sqlite3_step(s) }
        }
        guard rc == SQLITE_DONE else { throw BenchError.sqlite(String(cString: sqlite3_errmsg(db))) }
        return result
    }

    /// The automatic assignment's reads with bare SQLite: the active agents with their state, open jobs' counter and
    /// nearest deadline (one index seek each), and their skills (the same statements), then the same order
    /// (skill, load, deadline, staff number) picked by hand. Returns the chosen agent.
    func automaticAgent(item: String, department: String) throws -> String? {
        struct Agent { var id: String; var takes: Bool; var skill = 0; var load = 0; var due = "9999-12-31" }
        func text(_ s: OpaquePointer, _ i: Int32) -> String? {
            sqlite3_column_type(s, i) == SQLITE_NULL ? nil : String(cString: sqlite3_column_text(s, i))
        }
        var agents: [Agent] = []
        var index: [String: Int] = [:]
        let a = try statement("""
            SELECT s.id, p.state, COALESCE(l.open_jobs, 0),
                   (SELECT MIN(j.case_due) FROM proxy_job j INDEXED BY proxy_job_agent_open WHERE j.agent_id = s.id AND j.state = 'open')
            FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = 'agent' LEFT JOIN agent_profile p ON p.staff_id = s.id
            LEFT JOIN agent_load l ON l.staff_id = s.id
            WHERE s.active AND (?1 IS NULL OR s.id = ?1) ORDER BY s.id
            """)
        while sqlite3_step(a) == SQLITE_ROW, let id = text(a, 0) {
            index[id] = agents.count
            agents.append(Agent(id: id, takes: text(a, 1) != "onLeave", load: Int(sqlite3_column_int64(a, 2)), due: text(a, 3) ?? "9999-12-31"))
        }
        let k = try statement("SELECT staff_id, scope, code FROM agent_skill ORDER BY staff_id, scope, code")
        while sqlite3_step(k) == SQLITE_ROW {
            guard let id = text(k, 0), let i = index[id] else { continue }
            let scope = text(k, 1), code = text(k, 2)
            if scope == "item" && code == item { agents[i].skill = 2 } else if scope == "department" && code == department { agents[i].skill = max(agents[i].skill, 1) }
        }
        return agents.filter(\.takes).min { x, y in
            (x.skill, -x.load, x.due, y.id) > (y.skill, -y.load, y.due, x.id)
        }?.id
    }

    /// The rows a daily report reads, with bare SQLite, in one read transaction: the day's ticket events (with their
    /// line), the window events, the intakes and the cases, every column of every row taken out of SQLite (integers
    /// read, texts copied into Swift strings). No fold, no rendering: the report's cost above this is its own.
    /// Returns the number of rows.
    func dailyReportRows(date: String) throws -> Int {
        try exec("BEGIN")
        defer { try? exec("COMMIT") }
        var rows = 0, checksum = 0
        for sql in [
            """
            SELECT e.ticket_id, e.kind, e.at, e.window_id, e.staff_id, t.line_id, t.business_date
            FROM ticket t JOIN hall_event e ON e.ticket_id = t.id WHERE t.business_date BETWEEN ?1 AND ?1 ORDER BY e.id
            """,
            """
            SELECT kind, at, window_id, ticket_id, staff_id, business_date FROM hall_event
            WHERE business_date BETWEEN ?1 AND ?1 AND kind IN ('sign_in', 'sign_out', 'pause', 'resume_window', 'call', 'recall', 'resume',
                  'start', 'finish', 'no_show', 'hold', 'transfer', 'cancel', 'requeue', 'unserved') ORDER BY id
            """,
            "SELECT business_date, item_code, decision FROM intake WHERE business_date BETWEEN ?1 AND ?1",
            "SELECT accepted_on, item_code, tolerated, decided_on, closed_on, promised_due FROM hall_case WHERE accepted_on BETWEEN ?1 AND ?1",
        ] {
            let s = try statement(sql)
            sqlite3_bind_text(s, 1, date, -1, Self.transient)
            while sqlite3_step(s) == SQLITE_ROW {
                rows += 1
                for c in 0..<sqlite3_column_count(s) {
                    switch sqlite3_column_type(s, c) {
                    case SQLITE_INTEGER: checksum &+= Int(sqlite3_column_int64(s, c))
                    case SQLITE_TEXT: checksum &+= String(cString: sqlite3_column_text(s, c)).utf8.count
                    default: break
                    }
                }
            }
        }
        return checksum == Int.min ? 0 : rows
    }

    fileprivate func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    private func event(_ kind: String, ticket: Int64, line: Int64, window: Int?, date: String, now: Int64) throws {
        try run("INSERT INTO baseline_event(at, business_date, kind, actor, terminal, ticket_id, line_id, window_id) VALUES (?, ?, ?, 'BENCH', 'cli', ?, ?, ?)",
                [now, date, kind, ticket, line, window])
    }

    func issue(lineID: Int64, prefix: String, date: String, now: Int64) throws -> Int64 {
        try transaction {
            let seq = (try run("SELECT MAX(sequence) FROM ticket WHERE origin_line_id = ? AND business_date = ?", [lineID, date]) ?? 0) + 1
            let code = prefix + String(format: "%03lld", seq)
            try run("""
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source, issued_at, queued_at)
                VALUES (?, ?, ?, ?, ?, 'waiting', 'normal', 'normal', 'kiosk', ?, ?)
                """, [date, lineID, seq, code, lineID, now, now])
            let id = sqlite3_last_insert_rowid(db)
            try event("issue", ticket: id, line: lineID, window: nil, date: date, now: now)
            return id
        }
    }

    func call(window: Int, lineID: Int64, date: String, now: Int64) throws -> Int64? {
        try transaction {
            guard let id = try run("""
                SELECT id FROM ticket WHERE state = 'waiting' AND line_id = ? AND category = 'normal' ORDER BY queued_at, id LIMIT 1
                """, [lineID]) else { return nil }
            try run("UPDATE ticket SET state = 'called', window_id = ?, called_at = ?, call_count = call_count + 1 WHERE id = ? AND state = 'waiting'",
                    [window, now, id])
            try event("call", ticket: id, line: lineID, window: window, date: date, now: now)
            try run("INSERT INTO announcement(at, ticket_id, code, window_id, kind) SELECT ?, id, code, ?, 'call' FROM ticket WHERE id = ?",
                    [now, window, id])
            return id
        }
    }

    func start(ticket: Int64, window: Int, lineID: Int64, date: String, now: Int64) throws {
        try transaction {
            try run("UPDATE ticket SET state = 'serving', started_at = ? WHERE id = ?", [now, ticket])
            try event("start", ticket: ticket, line: lineID, window: window, date: date, now: now)
        }
    }

    func finish(ticket: Int64, window: Int, lineID: Int64, date: String, now: Int64) throws {
        try transaction {
            try run("UPDATE ticket SET state = 'finished', finished_at = ? WHERE id = ?", [now, ticket])
            try event("finish", ticket: ticket, line: lineID, window: window, date: date, now: now)
        }
    }
}

extension RawSQLiteBaseline {
    /// A catalog import's rows, already encoded, inserted in one IMMEDIATE transaction.
    /// The same 64 MiB page cache as the engine's import, so the ratio compares like with like.
    func insertCatalog(departments: [[Any?]], items: [[Any?]], materials: [[Any?]]) throws {
        try exec("PRAGMA cache_size = -65536")
        try transaction {
            for d in departments { try run("INSERT INTO catalog_department(code, name, position) VALUES (?, ?, ?)", d) }
            for i in items {
                try run("""
                    INSERT INTO catalog_item(code, position, name, item_type, department_code, legal_basis, conditions, process_steps,
                        statutory_limit, statutory_unit, statutory_extension, promised_limit, promised_unit, fee_fen, fee_basis,
                        visits_required, online, supervision_phone, final_approver, site_levels, tolerance_allowed, line_prefix)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, i)
            }
            for m in materials {
                try run("""
                    INSERT INTO catalog_material(item_code, position, name, kind, form, copies, blank_form, sample, source,
                        source_department_code, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, m)
            }
            try run("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1", [])
        }
    }
}

extension RawSQLiteBaseline {
    /// What an acceptance writes that does not change from one to the next.
    struct IntakeRows {
        var date: CivilDate, itemCode: String, itemName: String, departmentCode: String, finalApprover: String
        var materials: [(name: String, kind: String)]
        var statutory: (count: Int, unit: String), promised: (count: Int, unit: String), statutoryExtension: Int?
        var statutoryDue: String?, promisedDue: String?
        var documentText: String, documentHTML: String, digest: String
        /// The engine's three events of one acceptance as it stored them: the baseline writes the same bytes (the
        /// detail, the 32-byte previous hash and hash) without computing them, as it writes the document's text.
        var events: [AuditRecord]
    }

    /// An acceptance's rows, as `takeIn` writes them, in one IMMEDIATE transaction: the served ticket found, the
    /// applicant upserted as the engine does (its row rewritten), the intake and its checklist, the case with the
    /// day's next number, the acceptance notice, the three events with their hashes (not computed, no chain). The
    /// applicant's id comes back from its upsert (`RETURNING`), as the engine's row does.
    func takeIn(_ r: IntakeRows, now: Int64) throws {
        try transaction {
            let applicant = try run("""
                INSERT INTO applicant(kind, id_number, name, phone, legal_representative, contact, created_at)
                VALUES ('person', '11010519491231002X', '张三丰', NULL, NULL, NULL, ?)
                ON CONFLICT(kind, id_number) DO UPDATE SET name = excluded.name, phone = COALESCE(excluded.phone, phone),
                    legal_representative = COALESCE(excluded.legal_representative, legal_representative),
                    contact = COALESCE(excluded.contact, contact)
                RETURNING id
                """, [now])
            let date = r.date.description
            guard let ticket = try run("SELECT id FROM ticket WHERE code = 'A001' AND business_date = ? AND state = 'serving'", [date]),
                  let applicant else {
                throw BenchError.sqlite("no served ticket or applicant")
            }
            try run("""
                INSERT INTO intake(at, business_date, received_on, ticket_id, window_id, staff_id, applicant_id, item_code, decision, decided_at,
                                   representative_kind) VALUES (?, ?, ?, ?, 1, 'S01', ?, ?, 'accept', ?, 'none')
                """, [now, date, date, ticket, applicant, r.itemCode, now])
            let intake = sqlite3_last_insert_rowid(db)
            for (i, m) in r.materials.enumerated() {
                try run("INSERT INTO intake_material(intake_id, position, name, kind, status) VALUES (?, ?, ?, ?, 'provided')",
                        [intake, i + 1, m.name, m.kind])
            }
            let seq = (try run("SELECT MAX(daily_seq) FROM hall_case WHERE accepted_on = ?", [date]) ?? 0) + 1
            let number = CaseRecord.number(hallCode: "HD", acceptedOn: r.date, sequence: Int(seq))
            try run("""
                INSERT INTO hall_case(number, accepted_on, daily_seq, intake_id, ticket_id, applicant_id, item_code, item_name, department_code,
                    final_approver, tolerated, state, statutory_count, statutory_unit, promised_count, promised_unit, statutory_due,
                    promised_due, extension_allowed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [number, date, seq, intake, ticket, applicant, r.itemCode, r.itemName, r.departmentCode, r.finalApprover,
                      r.statutory.count, r.statutory.unit, r.promised.count, r.promised.unit, r.statutoryDue, r.promisedDue,
                      r.statutoryExtension, now])
            let caseID = sqlite3_last_insert_rowid(db)
            try run("UPDATE intake SET case_id = ? WHERE id = ?", [caseID, intake])
            try run("INSERT INTO case_document(intake_id, case_id, kind, issued_at, text, html, digest) VALUES (?, ?, 'acceptanceNotice', ?, ?, ?, ?)",
                    [intake, caseID, now, r.documentText, r.documentHTML, r.digest])
            for event in r.events {
                try run("""
                    INSERT INTO baseline_event(at, business_date, kind, actor, terminal, ticket_id, line_id, window_id, staff_id, detail, prev, hash)
                    VALUES (?, ?, ?, 'S01', 'window:1', ?, 1, 1, 'S01', ?, ?, ?)
                    """, [now, date, event.kind, ticket, event.detail, Data(event.prev), Data(event.hash)])
            }
        }
    }
}

extension RawSQLiteBaseline {
    /// The supervisor's view's reads with bare SQLite, in one read transaction, every row stepped (nothing folded):
    /// the lines' waiting counts, the active and held tickets, lines, windows, profiles, staff; today's tickets' events
    /// and the window marks; the cases at risk (`cases`: the view's own statement,
    /// `HallDatabase.supervisorCaseRiskStatement`); the pending intakes; the follow-ups. The floor of `supervisorView(by:)`.
    func supervisorReads(today: String, cases: (sql: String, arguments: [String])) throws {
        try exec("BEGIN")
        defer { try? exec("COMMIT") }
        let todays = "(business_date = ? OR line_id IN (SELECT id FROM service_line WHERE keeps_overnight))"
        try run("SELECT line_id, COUNT(*), MIN(queued_at) FROM ticket WHERE state = 'waiting' AND \(todays) GROUP BY line_id", [today])
        try run("SELECT * FROM ticket WHERE state IN ('called','serving') AND \(todays)", [today])
        try run("SELECT window_id, COUNT(*) FROM ticket WHERE state = 'held' AND \(todays) GROUP BY window_id", [today])
        try run("SELECT * FROM service_line ORDER BY prefix", [])
        try run("SELECT * FROM service_window ORDER BY id", [])
        try run("SELECT window_id, line_id, weight FROM window_line ORDER BY window_id, position", [])
        try run("SELECT id, name FROM staff", [])
        try run("""
            SELECT e.ticket_id, e.kind, e.at, e.window_id, e.staff_id, t.line_id FROM ticket t JOIN hall_event e ON e.ticket_id = t.id
            WHERE t.business_date = ? ORDER BY e.id
            """, [today])
        try run("""
            SELECT kind, at, window_id, ticket_id, staff_id, business_date FROM hall_event WHERE business_date BETWEEN ? AND ? AND kind IN ('sign_in',
            'sign_out', 'pause', 'resume_window', 'call', 'recall', 'resume', 'start', 'finish', 'no_show', 'hold', 'transfer', 'cancel', 'requeue',
            'unserved') ORDER BY id
            """, [today, today])
        try run("SELECT MAX(at) FROM hall_event WHERE business_date = ?", [today])
        // The cases at risk: the view's own statement (its index-seek terms, columns, order and limit).
        try run(cases.sql, cases.arguments)
        try run("""
            SELECT i.id, i.received_on, i.item_code, a.kind, a.id_number, i.staff_id FROM intake i JOIN applicant a ON a.id = i.applicant_id
            WHERE i.decision = 'pending' ORDER BY i.received_on, i.id
            """, [])
        // The follow-ups: pending rectifications with their ratings and 回访 counts, complaints not closed, today's
        // ratings by level, today's window messages and who read them.
        try run("""
            SELECT r.*, t.code, x.*, (SELECT COUNT(*) FROM rectification_visit v WHERE v.rectification_id = x.id),
                   (SELECT COUNT(*) FROM rectification_visit v WHERE v.rectification_id = x.id AND v.reached),
                   (SELECT group_concat(number, ',') FROM (SELECT c.number FROM hall_case c INDEXED BY hall_case_ticket
                                                           WHERE c.ticket_id = r.ticket_id ORDER BY c.id))
            FROM rectification x CROSS JOIN rating r ON r.id = x.rating_id CROSS JOIN ticket t ON t.id = r.ticket_id
            WHERE x.state IN ('open', 'appealed') ORDER BY x.due_on IS NULL, x.due_on, x.id
            """, [])
        try run("""
            SELECT c.*, s.name FROM complaint c LEFT JOIN staff s ON s.id = c.handler WHERE c.state <> 'closed'
            ORDER BY c.state = 'answered', c.due_on IS NULL, c.due_on, c.id LIMIT 200
            """, [])
        try run("SELECT level, COUNT(*) FROM rating WHERE business_date = ? AND excluded = 0 GROUP BY level", [today])
        try run("SELECT m.*, s.name FROM window_message m LEFT JOIN staff s ON s.id = m.sender_id WHERE m.business_date = ? ORDER BY m.id", [today])
        try run("""
            SELECT r.*, s.name FROM window_message_read r JOIN window_message m ON m.id = r.message_id LEFT JOIN staff s ON s.id = r.staff_id
            WHERE m.business_date = ? ORDER BY r.read_at, r.window_id
            """, [today])
    }
}

/// Bench errors are for the person running the benchmark; the technical text is the same in both languages.
enum BenchError: UserFacingError {
    case sqlite(String)
    case worker(String)
    var message: Bilingual {
        switch self {
        case .sqlite(let m): .init(en: "SQLite: \(m)", zh: "SQLite：\(m)")
        case .worker(let m): .init(en: "bench worker: \(m)", zh: "基准测试子进程：\(m)")
        }
    }
}
