import GRDB
import Queue

extension HallDatabase {
    /// "v6-project10-agencies": the intermediary-service supermarket (中介服务超市) — its agencies, what each item needs
    /// of it, and the referrals recorded with cases.
    static func migrateToAgencies(_ db: Database) throws {
        let categories = AgencyCategory.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE agency (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),   -- GB 32100, normalised
                category TEXT NOT NULL CHECK (category IN (\(categories))),       -- AgencyCategory
                services TEXT NOT NULL,
                fees TEXT NOT NULL,                 -- as published
                contact TEXT NOT NULL,
                rating_count INTEGER NOT NULL DEFAULT 0,
                rating_sum INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX agency_category ON agency(category, id);
            -- What an item needs of the supermarket (item_code = the item's implementation code).
            CREATE TABLE item_agency_need (
                item_code TEXT NOT NULL,
                category TEXT NOT NULL CHECK (category IN (\(categories))),
                suspends_clock INTEGER NOT NULL DEFAULT 0,   -- the agency's delivery time is not counted (art. 45)
                PRIMARY KEY (item_code, category)
            ) WITHOUT ROWID;
            CREATE TABLE agency_referral (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES hall_case(id),
                category TEXT NOT NULL CHECK (category IN (\(categories))),
                referred_on TEXT NOT NULL,
                referred_by TEXT NOT NULL,
                agency_id INTEGER REFERENCES agency(id),     -- the applicant's choice; NULL until made
                chosen_on TEXT,
                delivered_on TEXT,
                rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                suspended_case INTEGER NOT NULL DEFAULT 0,
                UNIQUE (case_id, category),
                CHECK ((agency_id IS NULL) = (chosen_on IS NULL))
            );
            """)
    }
}
