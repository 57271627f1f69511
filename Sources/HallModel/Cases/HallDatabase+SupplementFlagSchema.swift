import GRDB

extension HallDatabase {
    /// "v5-fix9d-supplement-overdue-flag": `supplement_overdue_flagged_on`, the day the sweep flagged an approved 容缺
    /// case whose materials were still out past the supplement deadline (`CaseSweep.overdueFlag`; NULL: not flagged, or
    /// every material in since), with a partial index by (state, day): the red list seeks the few approved flagged
    /// cases, never every approved one.
    static func migrateToSupplementOverdueFlag(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE hall_case ADD COLUMN supplement_overdue_flagged_on TEXT;
            CREATE INDEX hall_case_supplement_flagged ON hall_case(state, supplement_overdue_flagged_on)
                WHERE supplement_overdue_flagged_on IS NOT NULL;
            """)
    }
}
