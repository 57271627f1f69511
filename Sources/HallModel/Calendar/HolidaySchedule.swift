import Foundation
import Queue

/// One year's exceptions to the Monday–Friday working week, as published by the State Council:
/// holidays (`isOffDay == true`) and make-up working days on weekends (调休, `isOffDay == false`).
/// Read from and written to the holiday-cn JSON format (github.com/NateScarlet/holiday-cn, MIT),
/// which is both the bundled format and the import format:
/// `{"year":2026,"papers":[...],"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},...]}`.
public struct HolidaySchedule: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public let date: CivilDate
        /// The festival the day belongs to (元旦, 春节...), also on make-up working days.
        public let name: String
        public let isOffDay: Bool

        public init(date: CivilDate, name: String, isOffDay: Bool) {
            self.date = date
            self.name = name
            self.isOffDay = isOffDay
        }
    }

    public let year: Int
    /// Addresses of the State Council notices the schedule comes from.
    public let papers: [String]
    /// In date order.
    public let days: [Day]
    private let byDate: [CivilDate: Day]

    /// Every day must lie in `year`, appear once, and there must be at least one: an empty schedule
    /// is far more likely a broken file than a year without holidays.
    public init(year: Int, days: [Day], papers: [String] = []) throws(HolidayScheduleError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard !days.isEmpty else { throw .noDays(year: year) }
        var byDate: [CivilDate: Day] = [:]
        for day in days {
            guard day.date.year == year else { throw .dayOutsideYear(day.date, year: year) }
            guard byDate.updateValue(day, forKey: day.date) == nil else { throw .duplicateDate(day.date) }
            // A make-up working day (调休) moves work onto a weekend: one on a weekday changes nothing and is
            // a mistake in the file (often a holiday with the flag the wrong way round).
            guard day.isOffDay || day.date.weekday.isWeekend else { throw .makeUpDayOnWeekday(day.date) }
        }
        self.year = year
        self.papers = papers
        self.days = days.sorted { $0.date < $1.date }
        self.byDate = byDate
    }

    /// The exception for a date, or nil when the date follows the ordinary week.
    public func day(on date: CivilDate) -> Day? {
        byDate[date]
    }
}

// MARK: - The holiday-cn JSON format

extension HolidaySchedule {
    /// The file as written. `papers` is optional on reading: it is provenance, not needed to count days,
    /// and a hand-made import file may leave it out.
    private struct FileFormat: Codable {
        struct Entry: Codable {
            var name: String
            var date: String
            var isOffDay: Bool
        }
        var year: Int
        var papers: [String]?
        var days: [Entry]
    }

    public init(jsonData data: Data) throws(HolidayScheduleError) {
        let file: FileFormat
        do {
            file = try JSONDecoder().decode(FileFormat.self, from: data)
        } catch let error as DecodingError {
            throw HolidayScheduleError(error)
        } catch {
            throw .notJSON(String(describing: error))
        }
        var days: [Day] = []
        for (index, entry) in file.days.enumerated() {
            let date: CivilDate
            do {
                date = try CivilDate(parsing: entry.date)
            } catch {
                throw .badDate(field: "days[\(index)].date", error)
            }
            days.append(Day(date: date, name: entry.name, isOffDay: entry.isOffDay))
        }
        try self.init(year: file.year, days: days, papers: file.papers ?? [])
    }

    /// The same format as read, so an exported schedule can be imported again.
    public func jsonData() -> Data {
        let file = FileFormat(
            year: year, papers: papers,
            days: days.map { .init(name: $0.name, date: $0.date.description, isOffDay: $0.isOffDay) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, ints and bools cannot fail.
        return try! encoder.encode(file)
    }

    /// Reads one file; errors name the file.
    public static func load(contentsOf url: URL) throws(HolidayScheduleError) -> HolidaySchedule {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .inFile(url.lastPathComponent, .unreadable(FileProblem.reason(error, path: url.path)))
        }
        do {
            return try HolidaySchedule(jsonData: data)
        } catch {
            throw .inFile(url.lastPathComponent, error)
        }
    }

    /// The schedules shipped with HallDesk (`Resources/holidays/YYYY.json`), in year order.
    public static func bundled() throws(HolidayScheduleError) -> [HolidaySchedule] {
        guard let folder = Bundle.module.url(forResource: "holidays", withExtension: nil, subdirectory: "Resources"),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { throw .bundledFilesMissing }
        // Only YYYY.json: the folder also holds the data's LICENSE.
        let yearFiles = files.filter { url in
            url.pathExtension == "json" && url.deletingPathExtension().lastPathComponent.allSatisfy(\.isNumber)
        }
        var schedules: [HolidaySchedule] = []
        for url in yearFiles {
            schedules.append(try load(contentsOf: url))
        }
        return schedules.sorted { $0.year < $1.year }
    }
}

/// What is wrong with a holiday schedule or its file, precisely enough to fix the file by hand.
public enum HolidayScheduleError: UserFacingError, Equatable {
    case unreadable(Bilingual)
    case notJSON(String)
    case missingField(String)
    case wrongType(field: String, expected: JSONKind)
    case badDate(field: String, CivilDateError)
    case yearOutOfRange(Int)
    case noDays(year: Int)
    case dayOutsideYear(CivilDate, year: Int)
    case duplicateDate(CivilDate)
    case makeUpDayOnWeekday(CivilDate)
    case bundledFilesMissing
    /// Any of the above, found in the named file.
    indirect case inFile(String, HolidayScheduleError)

    /// "… around line 3, column 7." → (3, 7).
    static func position(in reason: String) -> (line: Int, column: Int)? {
        let numbers = reason.components(separatedBy: "line ").dropFirst().first?
            .split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) } ?? []
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    init(_ error: DecodingError) {
        // `days[3].date`, as a person editing the file would look for it.
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            self = .missingField(path(context.codingPath + [key]))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self = .wrongType(field: path(context.codingPath), expected: JSONKind(type))
        case .dataCorrupted(let context):
            // The decoder reports invalid JSON at the root; a corrupted value elsewhere is a wrong type.
            self = context.codingPath.isEmpty
                ? .notJSON(context.underlyingError.map { String(describing: $0) } ?? context.debugDescription)
                : .wrongType(field: path(context.codingPath), expected: .validValue)
        @unknown default:
            self = .notJSON(String(describing: error))
        }
    }

    public var message: Bilingual {
        switch self {
        case .unreadable(let reason):
            Bilingual(en: "cannot read the file: \(reason.en)", zh: "无法读取文件：\(reason.zh)")
        case .notJSON(let reason):
            // Foundation's reason is English: the Chinese message keeps only where it is.
            Bilingual(en: "not valid JSON (\(reason))", zh: "不是有效的 JSON" + (Self.position(in: reason).map { "（第 \($0.line) 行第 \($0.column) 列附近）" } ?? ""))
        case .missingField(let field):
            Bilingual(en: "field \"\(field)\" is missing", zh: "缺少字段“\(field)”")
        case .wrongType(let field, let expected):
            Bilingual(en: "field \"\(field)\" should be \(expected.name.en)",
                      zh: "字段“\(field)”的类型不对，应为\(expected.name.zh)")
        case .badDate(let field, let error):
            Bilingual(en: "field \"\(field)\": \(error.message.en)", zh: "字段“\(field)”：\(error.message.zh)")
        case .yearOutOfRange(let year):
            Bilingual(en: "year \(year) is out of range", zh: "年份 \(year) 超出范围")
        case .noDays(let year):
            Bilingual(en: "the schedule for \(year) lists no days", zh: "\(year) 年的安排中没有任何日期")
        case .dayOutsideYear(let date, let year):
            Bilingual(en: "\(date) is not in \(year), the year of the schedule",
                      zh: "\(date) 不在本安排所属的 \(year) 年内")
        case .duplicateDate(let date):
            Bilingual(en: "\(date) is listed more than once", zh: "\(date) 重复出现")
        case .makeUpDayOnWeekday(let date):
            Bilingual(en: "\(date) is a make-up working day (isOffDay false) but falls on a weekday; make-up days are weekends",
                      zh: "\(date) 标为调休上班（isOffDay 为 false），却是工作日；调休上班日应在周末")
        case .bundledFilesMissing:
            Bilingual(en: "the bundled holiday schedules are missing from the installation",
                      zh: "安装中缺少内置的节假日安排文件")
        case .inFile(let file, let error):
            Bilingual(en: "\(file): \(error.message.en)", zh: "\(file)：\(error.message.zh)")
        }
    }
}

/// The kind of JSON value a field should hold, for `HolidayScheduleError.wrongType`.
public enum JSONKind: Sendable, Hashable {
    case string, integer, boolean, array, object, validValue

    init(_ type: Any.Type) {
        if type == String.self {
            self = .string
        } else if type == Int.self {
            self = .integer
        } else if type == Bool.self {
            self = .boolean
        } else {
            self = String(describing: type).hasPrefix("Array") ? .array : .object
        }
    }

    public var name: Bilingual {
        switch self {
        case .string: Bilingual(en: "a string", zh: "字符串")
        case .integer: Bilingual(en: "an integer", zh: "整数")
        case .boolean: Bilingual(en: "true or false", zh: "true 或 false")
        case .array: Bilingual(en: "an array", zh: "数组")
        case .object: Bilingual(en: "an object", zh: "对象")
        case .validValue: Bilingual(en: "a valid value", zh: "有效的值")
        }
    }
}
