import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "The hall's settings: show them, or change one (admin).",
        subcommands: [SettingsShow.self, SettingsSet.self])
}

/// The settings a person may change by name, with how each value is read.
enum SettingKey: String, CaseIterable, ExpressibleByArgument {
    case hallName = "hall_name", timeZone = "time_zone", noShowAfterCalls = "no_show_after_calls", theme
    case lockoutAttempts = "lockout_attempts", lockoutMinutes = "lockout_minutes", idleLockMinutes = "idle_lock_minutes"
    case passwordMinLength = "password_min_length"
    // Opening hours: one key per weekday ("09:00-12:00,13:30-17:00" or "closed"), the holiday calendar, the kiosk's stop.
    case hoursMon = "hours_mon", hoursTue = "hours_tue", hoursWed = "hours_wed", hoursThu = "hours_thu", hoursFri = "hours_fri"
    case hoursSat = "hours_sat", hoursSun = "hours_sun"
    case hoursFollowHolidays = "hours_follow_holidays", issueStopMinutes = "issue_stop_minutes"
    // Cases: the case number's hall code, the site's platform level, the light, 容缺 follow-up, printing.
    case hallCode = "hall_code", siteLevel = "site_level", caseYellowDays = "case_yellow_days"
    case supplementDays = "supplement_days", supplementGraceDays = "supplement_grace_days", printCommand = "print_command"
    // 审管联动 and the decision letters: the liaison's working days to acknowledge, the remedies' organs.
    case handoverAckDays = "handover_ack_days", remedyReviewOrgan = "remedy_review_organ", remedyCourt = "remedy_court"
    // 好差评 (rating11): how long the rating terminal asks, what no rating counts as, the rectification's working days.
    case ratingTimeoutSeconds = "rating_timeout_seconds", ratingTimeoutCountsAs = "rating_timeout_counts_as"
    case rectificationDays = "rectification_days"
    // Complaints: working days to answer one.
    case complaintDays = "complaint_days"

    /// Monday = 0 for the weekday keys.
    private var weekdayIndex: Int? { HallSettings.hoursKeys.firstIndex(of: rawValue) }

    func value(in s: HallSettings) -> String {
        switch self {
        case .hallName: s.hallName
        case .timeZone: s.timeZoneIdentifier
        case .noShowAfterCalls: String(s.noShowAfterCalls)
        case .theme: s.theme
        case .lockoutAttempts: String(s.lockoutAttempts)
        case .lockoutMinutes: String(s.lockoutMinutes)
        case .idleLockMinutes: String(s.idleLockMinutes)
        case .passwordMinLength: String(s.passwordMinimumLength)
        case .hoursMon, .hoursTue, .hoursWed, .hoursThu, .hoursFri, .hoursSat, .hoursSun:
            OpeningHours.format(weekdayIndex.map { s.openingHours.week[$0] } ?? [])
        case .hoursFollowHolidays: String(s.openingHours.followsHolidays)
        case .issueStopMinutes: String(s.openingHours.issueStopMinutes)
        case .hallCode: s.hallCode
        case .siteLevel: s.siteLevel.rawValue
        case .caseYellowDays: String(s.caseYellowDays)
        case .supplementDays: String(s.supplementDays)
        case .supplementGraceDays: String(s.supplementGraceDays)
        case .printCommand: s.printCommand
        case .handoverAckDays: String(s.handoverAckDays)
        case .remedyReviewOrgan: s.remedyReviewOrgan
        case .remedyCourt: s.remedyCourt
        case .ratingTimeoutSeconds: String(s.ratingTimeoutSeconds)
        case .ratingTimeoutCountsAs: s.ratingTimeoutCountsAs.rawValue
        case .rectificationDays: String(s.rectificationDays)
        case .complaintDays: String(s.complaintDays)
        }
    }

    func apply(_ text: String, to s: inout HallSettings) throws {
        func number(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(text), range.contains(n) else { throw SettingError.outOfRange(key: rawValue, range: range) }
            return n
        }
        switch self {
        case .hallName: s.hallName = try FreeText.clean(text, field: FreeText.hallName, limit: 40)
        case .timeZone: _ = try BusinessCalendar(timeZoneIdentifier: text); s.timeZoneIdentifier = text
        case .noShowAfterCalls: s.noShowAfterCalls = try number(1...9)
        // Every screen loads it at start: a theme that does not load would stop them all.
        case .theme: _ = try ThemeLocator().load(text); s.theme = text
        case .lockoutAttempts: s.lockoutAttempts = try number(1...100)
        case .lockoutMinutes: s.lockoutMinutes = try number(1...1440)
        case .idleLockMinutes: s.idleLockMinutes = try number(0...480)
        case .passwordMinLength: s.passwordMinimumLength = try number(6...64)
        case .hoursMon, .hoursTue, .hoursWed, .hoursThu, .hoursFri, .hoursSat, .hoursSun:
            if let day = weekdayIndex { s.openingHours.week[day] = try OpeningHours.parse(text) }
        case .hoursFollowHolidays:
            guard let flag = Bool(text) else { throw SettingError.notABoolean(key: rawValue) }
            s.openingHours.followsHolidays = flag
        case .issueStopMinutes: s.openingHours.issueStopMinutes = try number(0...120)
        case .hallCode:
            guard HallSettings.isValidHallCode(text) else { throw SettingError.invalidHallCode(text) }
            s.hallCode = text
        case .siteLevel:
            guard let level = SiteLevel(rawValue: text) else { throw SettingError.invalidSiteLevel(text) }
            s.siteLevel = level
        case .caseYellowDays: s.caseYellowDays = try number(0...30)
        case .supplementDays: s.supplementDays = try number(1...60)
        case .supplementGraceDays: s.supplementGraceDays = try number(0...120)
        case .printCommand: s.printCommand = try FreeText.clean(text, field: FreeText.printCommand, limit: 200)
        case .handoverAckDays: s.handoverAckDays = try number(1...30)
        case .remedyReviewOrgan: s.remedyReviewOrgan = try FreeText.clean(text, field: FreeText.remedyOrgan, limit: 40)
        case .remedyCourt: s.remedyCourt = try FreeText.clean(text, field: FreeText.remedyOrgan, limit: 40)
        case .ratingTimeoutSeconds: s.ratingTimeoutSeconds = try number(RatingPromptRule.timeoutRange)
        case .ratingTimeoutCountsAs:
            guard let rule = RatingTimeoutRule(rawValue: text) else { throw SettingError.notOneOf(key: rawValue, RatingTimeoutRule.allCases.map(\.rawValue)) }
            s.ratingTimeoutCountsAs = rule
        case .rectificationDays: s.rectificationDays = try number(RectificationRule.daysRange)
        case .complaintDays: s.complaintDays = try number(ComplaintRule.dayRange)
        }
    }
}

enum SettingError: UserFacingError {
    case outOfRange(key: String, range: ClosedRange<Int>)
    case notABoolean(key: String)
    case invalidHallCode(String)
    case invalidSiteLevel(String)
    case notOneOf(key: String, [String])
    var message: Bilingual {
        switch self {
        case .notOneOf(let k, let values):
            Bilingual(en: "\(k) must be one of \(values.joined(separator: ", ")).", zh: "\(k) 须为 \(values.joined(separator: "、")) 之一。")
        case .invalidHallCode(let c):
            Bilingual(en: "hall_code must be 1 to 8 capital letters or digits, not '\(c)'.", zh: "hall_code 须为 1 到 8 位大写字母或数字，不能是“\(c)”。")
        case .invalidSiteLevel(let l):
            Bilingual(en: "site_level must be one of \(SiteLevel.allCases.map(\.rawValue).joined(separator: ", ")), not '\(l)'.",
                      zh: "site_level 须为 \(SiteLevel.allCases.map(\.rawValue).joined(separator: "、")) 之一，不能是“\(l)”。")
        case .notABoolean(let k): Bilingual(en: "\(k) must be true or false.", zh: "\(k) 须为 true 或 false。")
        case .outOfRange(let k, let r):
            Bilingual(en: "\(k) must be from \(r.lowerBound) to \(r.upperBound).", zh: "\(k) 须在 \(r.lowerBound) 到 \(r.upperBound) 之间。")
        }
    }
}

struct SettingsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Every setting and its value.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false
    func run() throws {
        let settings = try options.openDatabase().settings()
        var values = Dictionary(uniqueKeysWithValues: SettingKey.allCases.map { ($0.rawValue, $0.value(in: settings)) })
        values["hall_kind"] = settings.hallKind.rawValue
        if json { try Output.json(values); return }
        for key in values.keys.sorted() { Output.line(pad(key, 22) + (values[key] ?? "")) }
    }
}

struct SettingsSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change one setting (admin); recorded with its old and new value.",
        discussion: "Keys: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")). Example: desk settings set idle_lock_minutes 5; desk settings set hours_sat 09:00-12:00")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The setting.") var key: SettingKey
    @Argument(help: "Its new value.") var value: String
    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        var settings = try database.settings()
        try key.apply(value, to: &settings)
        try database.updateSettings(settings, by: actor)
        Output.line("\(key.rawValue) = \(key.value(in: try database.settings()))")
    }
}
