import Foundation
import GRDB
import Queue
import Synchronization

/// Hall-wide settings, stored as key/value rows in `hall_setting`.
public struct HallSettings: Sendable, Equatable, Codable {
    public var hallName: String
    public var timeZoneIdentifier: String
    /// A ticket can be marked a no-show only after this many calls (call + recalls).
    public var noShowAfterCalls: Int
    public var callingPolicy: CallingPolicy
    /// Colour theme name for every screen unless `--theme` says otherwise.
    public var theme: String

    public init(hallName: String = "政务服务中心", timeZoneIdentifier: String = "Asia/Shanghai", noShowAfterCalls: Int = 2,
                callingPolicy: CallingPolicy = .standard, theme: String = "default") {
        self.hallName = hallName; self.timeZoneIdentifier = timeZoneIdentifier
        self.noShowAfterCalls = noShowAfterCalls; self.callingPolicy = callingPolicy; self.theme = theme
    }

    public var businessCalendar: BusinessCalendar {
        (try? BusinessCalendar(timeZoneIdentifier: timeZoneIdentifier)) ?? BusinessCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// Read on every user action (another terminal may have changed a setting), but parsed only when the
    /// stored text differs from the last parse.
    static func load(_ db: Database) throws -> HallSettings {
        // One string for the whole table: comparing it is much cheaper than decoding the rows.
        let fingerprint = try String.fetchOne(db, cachedSQL: """
            SELECT group_concat(key || '=' || value, char(1)) FROM (SELECT key, value FROM hall_setting ORDER BY key)
            """) ?? ""
        if let hit = parsed.withLock({ $0?.fingerprint == fingerprint ? $0?.settings : nil }) { return hit }
        let pairs = try db.fetchEach(cachedSQL: "SELECT key, value FROM hall_setting ORDER BY key") { ($0[0] as String, $0[1] as String) }
        let settings = parse(pairs)
        parsed.withLock { $0 = (fingerprint, settings) }
        return settings
    }

    private static let parsed = Mutex<(fingerprint: String, settings: HallSettings)?>(nil)

    private static func parse(_ pairs: [(String, String)]) -> HallSettings {
        var settings = HallSettings()
        for (key, value) in pairs {
            switch key {
            case "hall_name": settings.hallName = value
            case "time_zone": settings.timeZoneIdentifier = value
            case "no_show_after_calls": settings.noShowAfterCalls = Int(value) ?? settings.noShowAfterCalls
            case "calling_policy":
                if let policy = try? JSONDecoder().decode(CallingPolicy.self, from: Data(value.utf8)) { settings.callingPolicy = policy }
            case "theme": settings.theme = value
            default: break
            }
        }
        return settings
    }

    func save(_ db: Database) throws {
        let policy = String(decoding: try JSONEncoder().encode(callingPolicy), as: UTF8.self)
        let pairs: [(String, String)] = [
            ("hall_name", hallName), ("time_zone", timeZoneIdentifier), ("no_show_after_calls", String(noShowAfterCalls)),
            ("calling_policy", policy), ("theme", theme),
        ]
        for (key, value) in pairs {
            try db.execute(cachedSQL: "INSERT INTO hall_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}

extension HallDatabase {
    public func settings() throws -> HallSettings { try read { try HallSettings.load($0) } }

    public func updateSettings(_ settings: HallSettings) throws {
        _ = try BusinessCalendar(timeZoneIdentifier: settings.timeZoneIdentifier)
        try perform { db in try settings.save(db) }
    }
}
