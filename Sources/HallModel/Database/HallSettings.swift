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
    /// A production hall refuses `DESK_NOW`; demo and test halls allow it.
    public var hallKind: HallKind
    /// Failed sign-ins in a row that lock an account, and for how long.
    public var lockoutAttempts: Int
    public var lockoutMinutes: Int
    /// Minutes without a key after which a clerk's screen locks (0: never).
    public var idleLockMinutes: Int
    public var passwordMinimumLength: Int
    /// When the hall is open and the kiosk issues (keys `hours_mon`…`hours_sun`, `hours_follow_holidays`,
    /// `issue_stop_minutes`). Default: `OpeningHours.defaults(for: hallKind)`.
    public var openingHours: OpeningHours
    /// Cases (issue 9): the hall code that starts every case number (`hall_code`, 1–8 capital letters or digits).
    public var hallCode: String = "HD"
    /// The level of the platform this hall is (`site_level`): an item not allowed at it is not accepted here.
    public var siteLevel: SiteLevel = .district
    /// A case's light turns yellow when this many working days (or fewer) are left (`case_yellow_days`).
    public var caseYellowDays: Int = 3
    /// 容缺: working days after the intake the outstanding materials are due (`supplement_days`; an intake may
    /// give fewer; never past the promised deadline).
    public var supplementDays: Int = 5
    /// 容缺: working days after the supplement deadline before a still-incomplete case is terminated
    /// (`supplement_grace_days`).
    public var supplementGraceDays: Int = 15
    /// The command documents are printed with (`print_command`; the document on its standard input).
    public var printCommand: String = "lp"
    /// 审管联动: working days a liaison has to acknowledge a handover before it is listed overdue (`handover_ack_days`).
    public var handoverAckDays: Int = HandoverAcknowledgementRule.defaultDays
    /// The organ a decision letter names for administrative review (`remedy_review_organ`, art. 38; 行政复议法).
    public var remedyReviewOrgan: String = HallSettings.defaultRemedyReviewOrgan
    /// The court a decision letter names for a lawsuit (`remedy_court`; 行政诉讼法).
    public var remedyCourt: String = HallSettings.defaultRemedyCourt
    /// 好差评: seconds the rating terminal asks about a finished visit (`rating_timeout_seconds`; `RatingPromptRule`).
    public var ratingTimeoutSeconds: Int = RatingPromptRule.defaultTimeoutSeconds
    /// What a visit left unrated counts as (`rating_timeout_counts_as`): none, or 4 满意 where the local rule says so.
    public var ratingTimeoutCountsAs: RatingTimeoutRule = .none
    /// 整改: working days a bad review's rectification is due in, and its one extension adds (`rectification_days`).
    public var rectificationDays: Int = RectificationRule.defaultDays
    /// Complaints: working days to answer one, the day received not counted (`complaint_days`, `ComplaintRule.dayRange`).
    public var complaintDays: Int = ComplaintRule.defaultDays

    /// Named by function, so a hall that has not set its organs still prints a true sentence: review by the people's
    /// government at the bureau's own level (行政复议法 2023, art. 24), a suit at the court with jurisdiction.
    public static let defaultRemedyReviewOrgan = "本级人民政府"
    public static let defaultRemedyCourt = "有管辖权的人民法院"

    public init(hallName: String = "政务服务中心", timeZoneIdentifier: String = "Asia/Shanghai", noShowAfterCalls: Int = 2,
                callingPolicy: CallingPolicy = .standard, theme: String = "default", hallKind: HallKind = .production,
                lockoutAttempts: Int = 5, lockoutMinutes: Int = 15, idleLockMinutes: Int = 10, passwordMinimumLength: Int = 8,
                openingHours: OpeningHours? = nil) {
        self.hallName = hallName; self.timeZoneIdentifier = timeZoneIdentifier
        self.noShowAfterCalls = noShowAfterCalls; self.callingPolicy = callingPolicy; self.theme = theme
        self.hallKind = hallKind; self.lockoutAttempts = lockoutAttempts; self.lockoutMinutes = lockoutMinutes
        self.idleLockMinutes = idleLockMinutes; self.passwordMinimumLength = passwordMinimumLength
        self.openingHours = openingHours ?? .defaults(for: hallKind)
    }

    /// A case number's first part: 1–8 ASCII capital letters or digits.
    public static func isValidHallCode(_ code: String) -> Bool {
        (1...8).contains(code.count) && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The stored keys of the opening hours, Monday first.
    public static let hoursKeys = ["hours_mon", "hours_tue", "hours_wed", "hours_thu", "hours_fri", "hours_sat", "hours_sun"]

    public var businessCalendar: BusinessCalendar {
        (try? BusinessCalendar(timeZoneIdentifier: timeZoneIdentifier)) ?? BusinessCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// Read on every user action (another terminal may have changed a setting), but parsed only when the
    /// settings changed since the last parse: the settings' revision stamp (renewed by a trigger on every change to
    /// `hall_setting`, migration v5-perf-settings-stamp) is one indexed row; a hall migrated only part way (a
    /// migration reading its settings) compares the whole table's text instead.
    /// `known`: the stamp as the caller read it already in this transaction (`RevisionStamp.all`).
    static func load(_ db: Database, stamp known: Data? = nil) throws -> HallSettings {
        let stamp = known ?? (try? RevisionStamp.settings.current(db))
        let key: Data
        if let stamp {
            key = stamp
        } else {
            key = Data((try String.fetchOne(db, cachedSQL: """
                SELECT group_concat(key || '=' || value, char(1)) FROM (SELECT key, value FROM hall_setting ORDER BY key)
                """) ?? "").utf8)
        }
        if let hit = parsed.withLock({ $0?.key == key ? $0?.settings : nil }) { return hit }
        let pairs = try db.fetchEach(cachedSQL: "SELECT key, value FROM hall_setting ORDER BY key") { ($0[0] as String, $0[1] as String) }
        let settings = parse(pairs)
        parsed.withLock { $0 = (key, settings) }
        return settings
    }

    /// The last parse and what it was parsed under: a stamp (16 random bytes) or the table's text, never equal.
    private static let parsed = Mutex<(key: Data, settings: HallSettings)?>(nil)

    private static func parse(_ pairs: [(String, String)]) -> HallSettings {
        // A hall stored before opening hours existed gets its kind's default hours.
        let kind = pairs.first { $0.0 == "hall_kind" }.flatMap { HallKind(rawValue: $0.1) } ?? .production
        var settings = HallSettings(hallKind: kind)
        for (key, value) in pairs {
            switch key {
            case "hall_name": settings.hallName = value
            case "time_zone": settings.timeZoneIdentifier = value
            case "no_show_after_calls": settings.noShowAfterCalls = Int(value) ?? settings.noShowAfterCalls
            case "calling_policy":
                if let policy = try? JSONDecoder().decode(CallingPolicy.self, from: Data(value.utf8)) { settings.callingPolicy = policy }
            case "theme": settings.theme = value
            case "hall_kind": settings.hallKind = HallKind(rawValue: value) ?? .production
            case "lockout_attempts": settings.lockoutAttempts = Int(value).map { max(1, $0) } ?? settings.lockoutAttempts
            case "lockout_minutes": settings.lockoutMinutes = Int(value).map { max(1, $0) } ?? settings.lockoutMinutes
            case "idle_lock_minutes": settings.idleLockMinutes = Int(value).map { max(0, $0) } ?? settings.idleLockMinutes
            case "password_min_length": settings.passwordMinimumLength = Int(value).map { max(1, $0) } ?? settings.passwordMinimumLength
            case "hours_follow_holidays": settings.openingHours.followsHolidays = value == "true"
            case "issue_stop_minutes": settings.openingHours.issueStopMinutes = Int(value).map { max(0, $0) } ?? settings.openingHours.issueStopMinutes
            case "hall_code": if Self.isValidHallCode(value) { settings.hallCode = value }
            case "site_level": settings.siteLevel = SiteLevel(rawValue: value) ?? settings.siteLevel
            case "case_yellow_days": settings.caseYellowDays = Int(value).map { max(0, $0) } ?? settings.caseYellowDays
            case "supplement_days": settings.supplementDays = Int(value).map { max(1, $0) } ?? settings.supplementDays
            case "supplement_grace_days": settings.supplementGraceDays = Int(value).map { max(0, $0) } ?? settings.supplementGraceDays
            case "print_command": settings.printCommand = value
            case "handover_ack_days": settings.handoverAckDays = Int(value).map { max(1, $0) } ?? settings.handoverAckDays
            case "remedy_review_organ": if !value.isEmpty { settings.remedyReviewOrgan = value }
            case "remedy_court": if !value.isEmpty { settings.remedyCourt = value }
            case "rating_timeout_seconds":
                settings.ratingTimeoutSeconds = Int(value).map { min(max($0, RatingPromptRule.timeoutRange.lowerBound),
                                                                     RatingPromptRule.timeoutRange.upperBound) } ?? settings.ratingTimeoutSeconds
            case "rating_timeout_counts_as": settings.ratingTimeoutCountsAs = RatingTimeoutRule(rawValue: value) ?? settings.ratingTimeoutCountsAs
            case "rectification_days":
                settings.rectificationDays = Int(value).map { min(max($0, RectificationRule.daysRange.lowerBound),
                                                                  RectificationRule.daysRange.upperBound) } ?? settings.rectificationDays
            case "complaint_days":
                settings.complaintDays = Int(value).map { min(max($0, ComplaintRule.dayRange.lowerBound), ComplaintRule.dayRange.upperBound) }
                    ?? settings.complaintDays
            default:
                if let day = hoursKeys.firstIndex(of: key), let periods = try? OpeningHours.parse(value) {
                    settings.openingHours.week[day] = periods
                }
            }
        }
        return settings
    }

    func save(_ db: Database) throws {
        for (key, value) in try pairs() {
            try db.execute(cachedSQL: "INSERT INTO hall_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    func pairs() throws -> [(String, String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let policy = String(decoding: try encoder.encode(callingPolicy), as: UTF8.self)
        return [
            ("hall_name", hallName), ("time_zone", timeZoneIdentifier), ("no_show_after_calls", String(noShowAfterCalls)),
            ("calling_policy", policy), ("theme", theme), ("hall_kind", hallKind.rawValue),
            ("lockout_attempts", String(lockoutAttempts)), ("lockout_minutes", String(lockoutMinutes)),
            ("idle_lock_minutes", String(idleLockMinutes)), ("password_min_length", String(passwordMinimumLength)),
            ("hours_follow_holidays", String(openingHours.followsHolidays)), ("issue_stop_minutes", String(openingHours.issueStopMinutes)),
            ("hall_code", hallCode), ("site_level", siteLevel.rawValue), ("case_yellow_days", String(caseYellowDays)),
            ("supplement_days", String(supplementDays)), ("supplement_grace_days", String(supplementGraceDays)),
            ("print_command", printCommand), ("handover_ack_days", String(handoverAckDays)),
            ("remedy_review_organ", remedyReviewOrgan), ("remedy_court", remedyCourt),
            ("rating_timeout_seconds", String(ratingTimeoutSeconds)), ("rating_timeout_counts_as", ratingTimeoutCountsAs.rawValue),
            ("rectification_days", String(rectificationDays)),
            ("complaint_days", String(complaintDays)),
        ] + zip(Self.hoursKeys, openingHours.week).map { ($0, OpeningHours.format($1)) }
    }
}

/// Whether a hall is real. Only demo and test halls accept `DESK_NOW` (a fixed clock), so nobody can
/// date an event at will in a real hall's audit chain.
public enum HallKind: String, Sendable, Codable, CaseIterable {
    case production, demo, test
    public var allowsFixedClock: Bool { self != .production }
}

extension HallDatabase {
    public func settings() throws -> HallSettings { try read { try HallSettings.load($0) } }

    /// Replaces the hall's settings (admin). The event names each setting that changed, old and new.
    /// The hall's kind is fixed when the hall is created: a production hall cannot be turned into a demo
    /// hall to date events at will.
    public func updateSettings(_ settings: HallSettings, by actor: Actor) throws {
        _ = try BusinessCalendar(timeZoneIdentifier: settings.timeZoneIdentifier)
        try settings.openingHours.validate()
        var settings = settings
        settings.hallName = try FreeText.clean(settings.hallName, field: FreeText.hallName, limit: 40)
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .changeSettings, by: actor)
            let old = try HallSettings.load(db)
            var new = settings
            new.hallKind = old.hallKind
            let before = Dictionary(uniqueKeysWithValues: try old.pairs()), after = try new.pairs()
            var changes: [String: AuditValue] = [:]
            for (key, value) in after where before[key] != value {
                changes[key] = .object(["from": .optional(before[key]), "to": .string(value)])
            }
            guard !changes.isEmpty else { return }
            try new.save(db)
            try AuditLog.append(db, .settingsChanged, by: actor, at: now, businessDate: try Self.today(db, now), detail: changes)
        }
    }
}
