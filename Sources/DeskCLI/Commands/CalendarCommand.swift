import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk calendar`: the working-day calendar stored in the hall database (State Council schedules with 调休).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working days: load a year's holiday schedule, count deadlines, show a month.",
        subcommands: [CalendarImportCommand.self, CalendarAddCommand.self, CalendarBetweenCommand.self, CalendarShowCommand.self])
}

enum CalendarCommandError: UserFacingError {
    case notLoaded(year: Int)
    case badMonth(String)
    case daysOption

    var message: Bilingual {
        switch self {
        case .notLoaded(let year):
            Bilingual(en: "The holiday schedule for \(year) is not loaded, so days in \(year) cannot be counted. Load it with 'desk calendar import FILE' (holiday-cn JSON).",
                      zh: "\(year) 年节假日安排未导入，无法计算 \(year) 年的日期。请用 desk calendar import 文件 导入（holiday-cn JSON 格式）。")
        case .badMonth(let text):
            Bilingual(en: "'\(text)' is not a month of the form YYYY-MM", zh: "“\(text)”不是 YYYY-MM 格式的月份")
        case .daysOption:
            Bilingual(en: "Give exactly one of --working-days N and --natural-days N (N ≥ 0).",
                      zh: "请只给出 --working-days N 与 --natural-days N 之一（N ≥ 0）。")
        }
    }
}

/// Runs a calendar computation; an unloaded year becomes the error that tells the clerk how to fix it.
private func counting<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch WorkingCalendarError.scheduleNotLoaded(let year) {
        throw CalendarCommandError.notLoaded(year: year)
    }
}

private func weekdayName(_ day: Weekday) -> Bilingual {
    let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    let zh = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
    return Bilingual(en: en[day.rawValue - 1], zh: zh[day.rawValue - 1])
}

// MARK: - Import

struct CalendarImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Load one year's holiday schedule (holiday-cn JSON), replacing that year's.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The year's file, e.g. 2027.json from github.com/NateScarlet/holiday-cn.") var file: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let schedule = try HolidaySchedule.load(contentsOf: url)
        let database = try options.openDatabase()
        let source = try (try? Data(contentsOf: url)).map { try ImportSource(name: url.lastPathComponent, bytes: $0) }
        let summary = try database.importHolidaySchedule(schedule, source: source, by: try options.actor(database))
        if json { try Output.json(summary); return }
        let replaced = summary.replaced ? Bilingual(en: " (replacing the previous one)", zh: "（替换原有安排）") : Bilingual(en: "", zh: "")
        Output.line(Bilingual(
            en: "Loaded the \(summary.year) holiday schedule\(replaced.en): \(Plural.english(summary.holidays, "holiday")), \(Plural.english(summary.makeUpWorkingDays, "make-up working day")).",
            zh: "已导入 \(summary.year) 年节假日安排\(replaced.zh)：放假 \(summary.holidays) 天，调休上班 \(summary.makeUpWorkingDays) 天。"
        ).text(options.language))
    }
}

// MARK: - Counting

struct CalendarAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "The Nth working (or natural) day after a date; the start day is not counted.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Start date YYYY-MM-DD (e.g. the day of acceptance).") var from: String
    @Option(help: "Working days to add.") var workingDays: Int?
    @Option(help: "Natural (calendar) days to add.") var naturalDays: Int?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        guard (workingDays == nil) != (naturalDays == nil), (workingDays ?? naturalDays ?? -1) >= 0 else {
            throw CalendarCommandError.daysOption
        }
        let start = try CivilDate(parsing: from)
        let calendar = try options.openDatabase().workingCalendar()
        let end = try counting {
            if let workingDays { try calendar.addingWorkingDays(workingDays, to: start) } else { try calendar.addingNaturalDays(naturalDays!, to: start) }
        }
        if json {
            struct Out: Encodable { var from: String; var workingDays: Int?; var naturalDays: Int?; var date: String; var weekday: Int }
            try Output.json(Out(from: start.description, workingDays: workingDays, naturalDays: naturalDays,
                                date: end.description, weekday: end.weekday.rawValue))
            return
        }
        let language = options.language
        Output.line("\(end) \(weekdayName(end.weekday).text(language))")
        let what = workingDays.map { TimeLimit($0, .workingDays) } ?? TimeLimit(naturalDays!, .naturalDays)
        Output.line(Bilingual(en: "\(start) + \(what.label.en) (the start day not counted)",
                              zh: "\(start) 起 \(what.label.zh)（起始日不计）").text(language))
    }
}

struct CalendarBetweenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between", abstract: "Working days after A up to and including B (negative when B is before A).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "From YYYY-MM-DD (not counted).") var from: String
    @Argument(help: "To YYYY-MM-DD (counted).") var to: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let (a, b) = (try CivilDate(parsing: from), try CivilDate(parsing: to))
        let calendar = try options.openDatabase().workingCalendar()
        let working = try counting { try calendar.workingDays(from: a, to: b) }
        let natural = try counting { try calendar.naturalDays(from: a, to: b) }
        if json {
            struct Out: Encodable { var from: String; var to: String; var workingDays: Int; var naturalDays: Int }
            try Output.json(Out(from: a.description, to: b.description, workingDays: working, naturalDays: natural))
            return
        }
        Output.line(Bilingual(en: "\(working) working days (\(natural) natural days) from \(a) to \(b), the start day not counted",
                              zh: "\(a) 至 \(b)：\(working) 个工作日（自然日 \(natural) 天，起始日不计）").text(options.language))
    }
}

// MARK: - Month

struct CalendarShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A month: working days, weekends, holidays with names, make-up working days.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The month, YYYY-MM.") var month: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              let first = CivilDate(year: y, month: m, day: 1) else { throw CalendarCommandError.badMonth(month) }
        let calendar = try options.openDatabase().workingCalendar()
        let days = (0..<CivilDate.daysInMonth(year: y, month: m)).map { first.adding(days: $0) }
        let kinds = try counting { try days.map { try calendar.kind(of: $0) } }
        let working = kinds.filter(\.isWorkingDay).count
        if json {
            struct Day: Encodable { var date: String; var weekday: Int; var kind: String; var name: String?; var workingDay: Bool }
            struct Out: Encodable { var year: Int; var month: Int; var workingDays: Int; var days: [Day] }
            try Output.json(Out(year: y, month: m, workingDays: working, days: zip(days, kinds).map { date, kind in
                let (name, label): (String?, String) = switch kind {
                case .workingDay: (nil, "workingDay")
                case .weekend: (nil, "weekend")
                case .holiday(let n): (n, "holiday")
                case .makeUpWorkingDay(let n): (n, "makeUpWorkingDay")
                }
                return Day(date: date.description, weekday: date.weekday.rawValue, kind: label, name: name, workingDay: kind.isWorkingDay)
            }))
            return
        }
        for line in MonthGrid(first: first, kinds: kinds, language: options.language).lines { Output.line(line) }
    }
}

/// The month as a Monday-first grid, then the named days and the count of working days.
struct MonthGrid {
    let lines: [String]

    init(first: CivilDate, kinds: [WorkingCalendar.DayKind], language: Language) {
        let zh = language == .zh
        // A cell: the day right-aligned in 3 columns, then a 2-column mark (休 holiday, 班 make-up day).
        let cellWidth = 6
        let holidayMark = zh ? "休" : " H"
        let makeUpMark = zh ? "班" : " W"
        var lines = [zh ? "\(first.year) 年 \(first.month) 月" : "\(Self.monthNames[first.month - 1]) \(first.year)"]
        let heads = zh ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        lines.append(heads.map { TextFitting.pad($0, to: cellWidth - 1, alignment: .right) + " " }.joined())
        var row = String(repeating: " ", count: cellWidth * (first.weekday.rawValue - 1))
        for (offset, kind) in kinds.enumerated() {
            let date = first.adding(days: offset)
            let mark: String = switch kind {
            case .holiday: holidayMark
            case .makeUpWorkingDay: makeUpMark
            default: "  "
            }
            row += TextFitting.pad(String(date.day), to: 3, alignment: .right) + mark + " "
            if date.weekday == .sunday { lines.append(row); row = "" }
        }
        if !row.isEmpty { lines.append(row) }
        lines = lines.map { line in var l = line; while l.last == " " { l.removeLast() }; return l }

        lines.append("")
        lines.append(zh ? "休 = 法定节假日放假  班 = 调休上班（周末上班）" : "H = public holiday, W = make-up working day (a weekend day worked)")
        // Each festival's days off (as date ranges) and its make-up days.
        var order: [String] = []
        var off: [String: [CivilDate]] = [:], worked: [String: [CivilDate]] = [:]
        for (offset, kind) in kinds.enumerated() {
            let date = first.adding(days: offset)
            switch kind {
            case .holiday(let name):
                if off[name] == nil && worked[name] == nil { order.append(name) }
                off[name, default: []].append(date)
            case .makeUpWorkingDay(let name):
                if off[name] == nil && worked[name] == nil { order.append(name) }
                worked[name, default: []].append(date)
            default: break
            }
        }
        for name in order {
            var parts: [String] = []
            let ranges = Self.ranges(off[name] ?? [])
            if !ranges.isEmpty {
                let text = ranges.map { $0.0 == $0.1 ? "\($0.0)" : (zh ? "\($0.0) 至 \($0.1)" : "\($0.0) to \($0.1)") }
                let count = off[name]!.count
                parts.append(zh ? "放假 \(text.joined(separator: "、"))（\(count) 天）" : "off \(text.joined(separator: ", ")) (\(Plural.english(count, "day")))")
            }
            if let days = worked[name] {
                let text = days.map { "\($0) \(weekdayName($0.weekday).text(language))" }
                parts.append(zh ? "调休上班 \(text.joined(separator: "、"))" : "make-up working day\(days.count == 1 ? "" : "s") \(text.joined(separator: ", "))")
            }
            lines.append(name + (zh ? "：" : ": ") + parts.joined(separator: zh ? "；" : "; "))
        }
        let working = kinds.filter(\.isWorkingDay).count
        lines.append(zh ? "本月工作日 \(working) 天" : "\(working) working days this month")
        self.lines = lines
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Consecutive dates grouped as (first, last).
    static func ranges(_ dates: [CivilDate]) -> [(CivilDate, CivilDate)] {
        var result: [(CivilDate, CivilDate)] = []
        for date in dates {
            if let last = result.last, last.1.adding(days: 1) == date { result[result.count - 1].1 = date } else { result.append((date, date)) }
        }
        return result
    }
}
