import GRDB
import Queue

extension HallDatabase {
    /// "v6-project10-projects": major projects (重大项目), the cases they group (a case in at most one: `case_id` is the key),
    /// and the departments' joint-acceptance sign-offs (every one kept, the latest per department counts).
    static func migrateToProjects(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE project (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,            -- XM-2026-001 (ProjectNumber)
                name TEXT NOT NULL CHECK (length(name) > 0),
                investor_name TEXT NOT NULL CHECK (length(investor_name) > 0),
                investor_code TEXT NOT NULL CHECK (length(investor_code) = 18),  -- GB 32100, normalised
                lead_agent_id TEXT NOT NULL REFERENCES staff(id),
                state TEXT NOT NULL CHECK (state IN (\(keys(ProjectState.self)))),  -- ProjectState
                created_on TEXT NOT NULL,               -- business day (YYYY-MM-DD)
                created_at INTEGER NOT NULL,            -- ms
                created_by TEXT NOT NULL,
                accepted_on TEXT,
                CHECK ((state = 'accepted') = (accepted_on IS NOT NULL))
            );
            CREATE TABLE project_case (
                case_id INTEGER PRIMARY KEY REFERENCES hall_case(id),   -- a case joins at most one project
                project_id INTEGER NOT NULL REFERENCES project(id),
                added_on TEXT NOT NULL,
                added_by TEXT NOT NULL
            );
            CREATE INDEX project_case_project ON project_case(project_id);
            CREATE TABLE project_acceptance (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES project(id),
                department_code TEXT NOT NULL,
                verdict TEXT NOT NULL CHECK (verdict IN (\(keys(AcceptanceVerdict.self)))),  -- AcceptanceVerdict
                opinion TEXT NOT NULL CHECK (length(opinion) > 0),
                signed_by TEXT NOT NULL,
                signed_on TEXT NOT NULL,
                signed_at INTEGER NOT NULL
            );
            CREATE INDEX project_acceptance_project ON project_acceptance(project_id, id);
            """)
    }
}
