import GRDB
import Queue

extension HallDatabase {
    /// "v6-team10-agents" (代办员): the agents' profiles and skills, the proxy jobs (代办件) and the history of their
    /// assignments. Stored values are the enums' stable keys (checked by CHECK constraints).
    static func migrateToAgents(_ db: Database) throws {
        try db.execute(sql: """
            -- A proxy agent's profile (a staff member with the role agent). An agent without a row is on duty, no phone.
            CREATE TABLE agent_profile (
                staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff(id),
                phone TEXT,
                state TEXT NOT NULL CHECK (state IN (\(keys(AgentState.self)))),  -- AgentState
                back_on TEXT,                       -- on leave: the day back (YYYY-MM-DD); NULL otherwise
                state_note TEXT,                    -- why (free text), as given with the state
                since INTEGER NOT NULL,             -- ms: when the state was set
                CHECK ((state = 'onLeave') = (back_on IS NOT NULL))
            ) WITHOUT ROWID;

            -- What an agent knows: a department's items (scope 'department', the department's code) or one item
            -- (scope 'item', the item's implementation code).
            CREATE TABLE agent_skill (
                staff_id TEXT NOT NULL REFERENCES staff(id),
                scope TEXT NOT NULL CHECK (scope IN (\(keys(AgentSkillScope.self)))),  -- AgentSkillScope
                code TEXT NOT NULL,
                PRIMARY KEY (staff_id, scope, code)
            ) WITHOUT ROWID;
            -- The assignment's skill match: who knows this department or this item.
            CREATE INDEX agent_skill_code ON agent_skill(scope, code);

            -- A proxy job (代办件): one applicant, one item, one agent at a time, at most one case.
            CREATE TABLE proxy_job (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,        -- DB-<yyyymmdd opened>-<4-digit daily sequence>
                opened_on TEXT NOT NULL,            -- business day (YYYY-MM-DD)
                daily_seq INTEGER NOT NULL CHECK (daily_seq >= 1),
                mode TEXT NOT NULL CHECK (mode IN (\(keys(ProxyMode.self)))),        -- ProxyMode
                origin TEXT NOT NULL CHECK (origin IN (\(keys(ProxyOrigin.self)))),  -- ProxyOrigin
                origin_site TEXT,                   -- the requesting site's name (origin 'site' only)
                applicant_id INTEGER NOT NULL REFERENCES applicant(id),  -- always the legal applicant
                item_code TEXT NOT NULL,
                department_code TEXT NOT NULL,
                authorisation TEXT,                 -- 委托书 as recorded (scope, date); required for fullProxy
                ticket_id INTEGER REFERENCES ticket(id),       -- 帮办: the ticket the applicant came on
                case_id INTEGER UNIQUE REFERENCES hall_case(id),  -- NULL until the case is filed; one job per case
                case_due TEXT,                      -- the case's promised deadline while the case is open (trigger below)
                agent_id TEXT REFERENCES staff(id),  -- the current agent; NULL while unassigned
                state TEXT NOT NULL CHECK (state IN (\(keys(ProxyJobState.self)))),  -- ProxyJobState
                opened_at INTEGER NOT NULL,         -- ms
                opened_by TEXT NOT NULL,            -- staff number
                closed_at INTEGER,                  -- ms, closed or cancelled
                closed_by TEXT,
                note TEXT,
                UNIQUE (opened_on, daily_seq),
                CHECK ((origin = 'site') = (origin_site IS NOT NULL)),
                CHECK (mode <> 'fullProxy' OR authorisation IS NOT NULL),
                CHECK ((state = 'open') = (closed_at IS NULL))
            );
            -- An agent's open jobs, the load per agent (COUNT by agent_id) and their nearest deadline (the first case_due):
            -- only open jobs are indexed, and the assignment reads each agent's load from this index alone.
            CREATE INDEX proxy_job_agent_open ON proxy_job(agent_id, case_due) WHERE state = 'open';
            -- The case's deadline kept on its job, so an agent's nearest deadline is one index seek, not a join over
            -- every open case (the automatic assignment's benchmark): the promised deadline while the case is open
            -- (written out as HallDatabase.openCaseCondition: a migration never changes), NULL once it is closed or has none.
            CREATE TRIGGER proxy_job_case_due AFTER UPDATE OF promised_due, state ON hall_case
                WHEN OLD.promised_due IS NOT NEW.promised_due OR OLD.state IS NOT NEW.state
                BEGIN
                    UPDATE proxy_job SET case_due = CASE WHEN NEW.state NOT IN ('acknowledged', 'withdrawn', 'terminated') THEN NEW.promised_due END
                    WHERE case_id = NEW.id;
                END;
            CREATE INDEX proxy_job_applicant ON proxy_job(applicant_id);

            -- Every assignment of a job, kept: the current one has ended_at NULL.
            CREATE TABLE proxy_assignment (
                id INTEGER PRIMARY KEY,
                job_id INTEGER NOT NULL REFERENCES proxy_job(id),
                agent_id TEXT NOT NULL REFERENCES staff(id),
                at INTEGER NOT NULL,                -- ms
                by_staff TEXT NOT NULL,             -- who assigned (staff number, or @system)
                how TEXT NOT NULL CHECK (how IN (\(keys(AssignmentMethod.self)))),  -- AssignmentMethod
                reason TEXT,                        -- the automatic rule's reason key, or the supervisor's text
                ended_at INTEGER                    -- ms: when the job moved on (NULL: current)
            );
            CREATE INDEX proxy_assignment_job ON proxy_assignment(job_id, at);
            CREATE UNIQUE INDEX proxy_assignment_current ON proxy_assignment(job_id) WHERE ended_at IS NULL;
            """)
    }

    /// "v6-team10-agent-load": each agent's open jobs counted as they change (`agent_load`, kept by triggers on
    /// `proxy_job` in the same transaction as the job's write), so the automatic assignment reads 20 counters and 20
    /// index seeks for the nearest deadlines instead of scanning every open job (its benchmark: p99 ≤ 1 ms over 5,000).
    static func migrateToAgentLoad(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agent_load (
                staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff(id),
                open_jobs INTEGER NOT NULL DEFAULT 0 CHECK (open_jobs >= 0)
            ) WITHOUT ROWID;
            INSERT INTO agent_load(staff_id, open_jobs)
                SELECT agent_id, COUNT(*) FROM proxy_job WHERE state = 'open' AND agent_id IS NOT NULL GROUP BY agent_id;
            CREATE TRIGGER agent_load_insert AFTER INSERT ON proxy_job
                WHEN NEW.state = 'open' AND NEW.agent_id IS NOT NULL
                BEGIN
                    INSERT OR IGNORE INTO agent_load(staff_id, open_jobs) VALUES (NEW.agent_id, 0);
                    UPDATE agent_load SET open_jobs = open_jobs + 1 WHERE staff_id = NEW.agent_id;
                END;
            CREATE TRIGGER agent_load_update AFTER UPDATE OF agent_id, state ON proxy_job
                WHEN OLD.agent_id IS NOT NEW.agent_id OR OLD.state IS NOT NEW.state
                BEGIN
                    UPDATE agent_load SET open_jobs = open_jobs - 1
                    WHERE OLD.state = 'open' AND OLD.agent_id IS NOT NULL AND staff_id = OLD.agent_id;
                    INSERT OR IGNORE INTO agent_load(staff_id, open_jobs)
                        SELECT NEW.agent_id, 0 WHERE NEW.state = 'open' AND NEW.agent_id IS NOT NULL;
                    UPDATE agent_load SET open_jobs = open_jobs + 1
                    WHERE NEW.state = 'open' AND NEW.agent_id IS NOT NULL AND staff_id = NEW.agent_id;
                END;
            CREATE TRIGGER agent_load_delete AFTER DELETE ON proxy_job
                WHEN OLD.state = 'open' AND OLD.agent_id IS NOT NULL
                BEGIN
                    UPDATE agent_load SET open_jobs = open_jobs - 1 WHERE staff_id = OLD.agent_id;
                END;
            """)
    }
}
