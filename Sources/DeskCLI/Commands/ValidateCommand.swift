import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk validate id NUMBER` / `desk validate uscc CODE`: check an identifier the way intake does.
/// Exit status 0 when valid, 1 when not, so scripts can use it; `--json` for one machine-readable line.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a resident ID number or a unified social credit code.",
        subcommands: [ResidentIDCommand.self, CreditCodeCommand.self]
    )

    public init() {}

    struct Options: ParsableArguments {
        @Flag(help: "Print one JSON object on stdout instead of text.")
        var json = false

        @Option(help: "Message language: zh or en (default: from LC_ALL / LC_MESSAGES / LANG).", completion: HallCompletions.languages)
        var lang: String?

        @Option(help: "The hall database whose time zone decides what 'today' is (default: $DESK_DB, else the default hall).")
        var db: String?

        @Option(help: "Accepted like every command's; checking a number needs no person.")
        var staff: String?

        /// "Today" in the hall's time zone (a birth date may not be after it): the hall's setting when there is a
        /// hall, else the program's default zone, never the machine's.
        func today() throws -> CivilDate {
            let (path, isDefault) = DatabaseLocation.resolve(option: db)
            var zone = TimeZone(identifier: HallSettings().timeZoneIdentifier) ?? .current
            if !isDefault || FileManager.default.fileExists(atPath: path) {
                zone = try HallDatabase.open(path: path, create: false).settings().businessCalendar.timeZone
            }
            return CivilDate(Date(), in: zone)
        }

        var language: Language {
            lang.flatMap(Language.init(option:)) ?? Language.fromEnvironment()
        }

        func validate() throws {
            if let lang, Language(option: lang) == nil {
                throw UsageError(en: "--lang must be zh or en, not '\(lang)'", zh: "--lang 只能是 zh 或 en，不能是“\(lang)”。")
            }
        }
    }

    struct ResidentIDCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "id",
            abstract: "Check a resident ID number (GB 11643); a 15-digit number is upgraded to 18."
        )

        @Argument(help: "The 18-character number (or an old 15-digit one); - reads it from standard input and prints it masked.")
        var number: String

        @OptionGroup var options: Options

        func run() throws {
            // The birth date may not be after today, in the hall's time zone.
            let today = try options.today()
            // `-`: the number comes from standard input, so it is in neither `ps` nor the shell's history,
            // and the output shows it only masked.
            let fromInput = number == "-"
            let text = fromInput ? readFromInput(Bilingual(en: "Resident ID number: ", zh: "身份证号码："), options.language) : number
            let id: ResidentID
            do {
                id = try ResidentID(text, today: today)
            } catch {
                try options.reportInvalid(
                    Bilingual(en: "invalid resident ID number", zh: "身份证号码无效"), rule: error.rule, reason: error.message)
            }
            options.reportValid(normalized: fromInput ? nil : id.value, masked: id.masked, details: fromInput ? [] : [
                ("birthDate", Bilingual(en: "birth date", zh: "出生日期"), id.birthDate.description, id.birthDate.description),
                ("sex", Bilingual(en: "sex", zh: "性别"), id.sex.label.text(options.language), id.sex.rawValue),
            ])
        }
    }

    struct CreditCodeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uscc",
            abstract: "Check a unified social credit code (GB 32100)."
        )

        @Argument(help: "The 18-character code; - reads it from standard input.")
        var code: String

        @OptionGroup var options: Options

        func run() throws {
            let valid: CreditCode
            do {
                valid = try CreditCode(code == "-" ? readFromInput(Bilingual(en: "Credit code: ", zh: "统一社会信用代码："), options.language) : code)
            } catch {
                try options.reportInvalid(
                    Bilingual(en: "invalid unified social credit code", zh: "统一社会信用代码无效"),
                    rule: error.rule, reason: error.message)
            }
            options.reportValid(normalized: valid.value, masked: valid.masked, details: [])
        }
    }
}

/// `-`: the first line of standard input, or, on a terminal, typed at a prompt without echo (the number is
/// then neither on the screen nor in the shell's history).
func readFromInput(_ prompt: Bilingual, _ language: Language) -> String {
    if isatty(STDIN_FILENO) == 1, let typed = PasswordInput.prompt(prompt, language) { return typed }
    let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    return String(text.prefix { $0 != "\n" && $0 != "\r" })
}

extension ValidateCommand.Options {
    /// One extra line of output: JSON key, text label, text value, JSON value.
    typealias Detail = (key: String, label: Bilingual, text: String, json: String)

    /// The normalised value first, alone on its line, so `desk validate id X | head -1` gives it.
    /// `normalized` nil: the number was read from standard input and is shown only masked.
    func reportValid(normalized: String?, masked: String, details: [Detail]) {
        if json {
            var object: [String: JSONValue] = ["valid": .bool(true), "masked": .string(masked)]
            if let normalized { object["normalized"] = .string(normalized) }
            for detail in details { object[detail.key] = .string(detail.json) }
            Output.line(JSONValue.object(object).encoded())
        } else {
            Output.line(normalized ?? masked)
            for detail in details {
                Output.line("\(detail.label.text(language))\(language == .zh ? "：" : ": ")\(detail.text)")
            }
        }
    }

    /// Text goes to stderr, JSON to stdout (the caller asked for it there); exit status 1 either way.
    /// `rule` is a stable machine name of the broken rule, `reason` is for people.
    func reportInvalid(_ heading: Bilingual, rule: String, reason: Bilingual) throws -> Never {
        if json {
            Output.line(JSONValue.object([
                "valid": .bool(false), "rule": .string(rule), "reason": .string(reason.text(language)),
            ]).encoded())
        } else {
            let line = heading.text(language) + (language == .zh ? "：" : ": ") + reason.text(language) + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        throw ExitCode.failure
    }
}

/// Just enough JSON for one flat object, keys sorted so output is stable for scripts and tests.
private enum JSONValue: Encodable {
    case string(String)
    case bool(Bool)
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, bools and objects of them always encode.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

extension ResidentIDError {
    /// Stable name of the rule for `--json` output.
    var rule: String {
        switch self {
        case .length: "length"
        case .character: "character"
        case .areaCode: "areaCode"
        case .birthDate, .birthDateInFuture: "birthDate"
        case .checkCharacter: "checkCharacter"
        }
    }
}

extension CreditCodeError {
    /// Stable name of the rule for `--json` output.
    var rule: String {
        switch self {
        case .length: "length"
        case .character: "character"
        case .checkCharacter: "checkCharacter"
        }
    }
}
