import Foundation
import GRDB
import Synchronization

/// What a process keeps between user actions instead of reloading it on every one: the working calendar (the
/// holiday schedules), the catalog's items with their materials, and the parsed settings. The hall keeps one random stamp for each
/// (`revision_stamp`, migration v5-perf-revision-stamps), renewed by triggers in the same transaction as any
/// change: every row written to `holiday_year` or `holiday_day`, and every bump of `catalog_revision` (which
/// every catalog import makes). A process compares the stamp, one indexed row, and reloads only when it
/// differs; another process's import is seen by the next action. Random rather than a counter, so two halls
/// opened in one process, or two copies of a hall that went apart, never share a stamp.
enum RevisionStamp: String, CaseIterable {
    case calendar, catalog
    /// The hall's settings (`hall_setting`), read by every write (v5-perf-settings-stamp).
    case settings

    /// The stamp as committed (or as changed by this transaction); nil in a hall without the table.
    func current(_ db: Database) throws -> Data? {
        try Data.fetchOne(db, cachedSQL: "SELECT stamp FROM revision_stamp WHERE name = ?", arguments: [rawValue])
    }

    /// Every stamp as committed, in one statement: a write that compares them all (an intake reads the settings, the
    /// calendar and an item) reads them once instead of one statement each.
    static func all(_ db: Database) throws -> [RevisionStamp: Data] {
        var stamps: [RevisionStamp: Data] = [:]
        for (name, stamp) in try db.fetchEach(cachedSQL: "SELECT name, stamp FROM revision_stamp", { ($0[0] as String, $0[1] as Data) }) {
            if let key = RevisionStamp(rawValue: name) { stamps[key] = stamp }
        }
        return stamps
    }
}

/// Values loaded under one stamp; any other stamp empties it. `load` runs outside the lock.
final class StampedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<(stamp: Data?, values: [Key: Value])>((nil, [:]))

    /// The value for `key` under `stamp`, loading it on a miss; a nil stamp is never cached.
    func value(_ key: Key, stamp: Data?, load: () throws -> Value?) throws -> Value? {
        guard let stamp else { return try load() }
        if let hit = entries.withLock({ $0.stamp == stamp ? $0.values[key] : nil }) { return hit }
        guard let value = try load() else { return nil }
        entries.withLock {
            if $0.stamp != stamp { $0 = (stamp, [:]) }
            $0.values[key] = value
        }
        return value
    }
}

extension HallDatabase {
    /// v5-perf-revision-stamps: the two stamps and the triggers that renew them. A row written to the schedules
    /// renews the calendar's; a catalog import renews the catalog's through its `catalog_revision` bump (one
    /// trigger per import rather than one per item and material written).
    static func migrateToRevisionStamps(_ db: Database) throws {
        let names = RevisionStamp.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE revision_stamp (
                name TEXT PRIMARY KEY NOT NULL CHECK (name IN (\(names))),
                stamp BLOB NOT NULL CHECK (length(stamp) = 16)
            ) WITHOUT ROWID;
            """)
        for stamp in RevisionStamp.allCases {
            try db.execute(sql: "INSERT INTO revision_stamp(name, stamp) VALUES (?, randomblob(16))", arguments: [stamp.rawValue])
        }
        let renew = { (stamp: RevisionStamp) in "UPDATE revision_stamp SET stamp = randomblob(16) WHERE name = '\(stamp.rawValue)';" }
        for table in ["holiday_year", "holiday_day"] {
            for change in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(change.lowercased())_stamp AFTER \(change) ON \(table)
                    BEGIN \(renew(.calendar)) END;
                    """)
            }
        }
        try db.execute(sql: "CREATE TRIGGER catalog_revision_stamp AFTER UPDATE ON catalog_revision BEGIN \(renew(.catalog)) END;")
    }

    /// v5-perf-settings-stamp: the settings get a stamp too, renewed by every row written to `hall_setting`. SQLite
    /// cannot alter the CHECK on the stamp's name: the table is rebuilt (its rows kept), and the triggers that write
    /// to it are dropped before and made again after, so no trigger ever names a table being replaced.
    /// (A hall created by this version already has the settings row: v5-perf-revision-stamps writes one row for
    /// every `RevisionStamp`, hence `OR IGNORE`.)
    static func migrateToSettingsStamp(_ db: Database) throws {
        let tables = ["holiday_year", "holiday_day"]
        let changes = ["INSERT", "UPDATE", "DELETE"]
        for table in tables { for change in changes { try db.execute(sql: "DROP TRIGGER \(table)_\(change.lowercased())_stamp") } }
        try db.execute(sql: "DROP TRIGGER catalog_revision_stamp")
        let names = RevisionStamp.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE revision_stamp_v5 (
                name TEXT PRIMARY KEY NOT NULL CHECK (name IN (\(names))),
                stamp BLOB NOT NULL CHECK (length(stamp) = 16)
            ) WITHOUT ROWID;
            INSERT INTO revision_stamp_v5(name, stamp) SELECT name, stamp FROM revision_stamp;
            INSERT OR IGNORE INTO revision_stamp_v5(name, stamp) VALUES ('\(RevisionStamp.settings.rawValue)', randomblob(16));
            DROP TABLE revision_stamp;
            ALTER TABLE revision_stamp_v5 RENAME TO revision_stamp;
            """)
        let renew = { (stamp: RevisionStamp) in "UPDATE revision_stamp SET stamp = randomblob(16) WHERE name = '\(stamp.rawValue)';" }
        for (table, stamp) in tables.map({ ($0, RevisionStamp.calendar) }) + [("hall_setting", .settings)] {
            for change in changes {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(change.lowercased())_stamp AFTER \(change) ON \(table)
                    BEGIN \(renew(stamp)) END;
                    """)
            }
        }
        try db.execute(sql: "CREATE TRIGGER catalog_revision_stamp AFTER UPDATE ON catalog_revision BEGIN \(renew(.catalog)) END;")
    }
}
