import ArgumentParser
import Foundation
import GRDB
import HallModel
import Queue

/// A usage mistake found by a command's own `validate()` (exit 64), in both languages. ArgumentParser's
/// `ValidationError` holds one English string; this is thrown instead.
struct UsageError: UserFacingError {
    var message: Bilingual
    init(en: String, zh: String) { message = Bilingual(en: en, zh: zh) }

    /// A material position the item does not have (`case intake --provided 7`, `case supplement --material 9`).
    static func notAMaterial(_ text: String, option: String, count: Int) -> UsageError {
        UsageError(en: "\(option): '\(text)' is not a material of this item (1 to \(count)).",
                   zh: "\(option)：“\(text)”不是此事项的材料序号（1 到 \(count)）。")
    }

    /// `--code ''`, `FILE` as `''` (an unset shell variable): a usage error (64), never a lookup of nothing.
    static func rejectBlank(_ value: String?, _ name: String) throws {
        if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(en: "\(name) needs a value, not an empty one.", zh: "\(name) 不能为空。")
        }
    }
}

/// How a failed command is reported: a stable code (for scripts), the message in both languages and the exit
/// status. Without `--json` the message goes to stderr; with `--json` the report is one object on stdout,
/// `{"error":{"code":"…","message":"…","status":N}}` (README, "Errors").
struct ErrorReport: Equatable {
    var code: String
    var message: Bilingual
    var status: Int32
    /// ArgumentParser's usage text after an English parser error (kept as ArgumentParser prints it).
    var usage: String?

    /// nil for what is not a failure (`--help`, `--version`, a completion request): ArgumentParser prints it.
    init?(_ error: any Error, root: Desk.Type = Desk.self) {
        switch error {
        case let e as UnknownCommand:
            self.init(code: "usage.unknown_command", message: e.message, status: ExitCode.validationFailure.rawValue)
        case let e as UsageError:
            self.init(code: "usage.invalid", message: e.message, status: ExitCode.validationFailure.rawValue)
        case let e as ValidationError:
            // ArgumentParser's own type carries one sentence; ours are `UsageError`s, in both languages.
            self.init(code: "usage.invalid", message: Bilingual(en: e.message, zh: e.message), status: ExitCode.validationFailure.rawValue)
        case let e as UserFacingError:
            // A document whose kept text was changed outside HallDesk: the file is not to be trusted, as a damaged one.
            let status = e is HallDatabaseError || e is DocumentAlteredError || (e as? MaterialLedgerError)?.isReceiptAltered == true
                || (e as? ProjectError)?.isRecordAltered == true ? DeskExit.database
                : e is AccessError ? DeskExit.notPermitted : DeskExit.refused
            self.init(code: Self.code(of: e), message: e.message, status: status)
        case is DatabaseError:
            // What `HallDatabaseError.wrap` does not name (a constraint, an internal error): still no English.
            self.init(code: "hall_database.sqlite", message: HallDatabaseError.message(for: error), status: DeskExit.database)
        case is CocoaError:
            self.init(code: "file", message: HallDatabaseError.message(for: error), status: DeskExit.refused)
        default:
            let status = root.exitCode(for: error)
            guard status != .success else { return nil }
            guard let parser = ParserFailure(error) else {
                // Our own error as thrown from a command's validate(): ArgumentParser wraps it.
                if let inner = ParserFailure.validationError(in: error), let report = ErrorReport(inner) {
                    self = report
                    self.status = ExitCode.validationFailure.rawValue
                    return
                }
                self.init(code: "internal", message: HallDatabaseError.message(for: error), status: status.rawValue)
                return
            }
            let english = root.message(for: error)
            self.init(code: parser.code, message: parser.message(english: english), status: status.rawValue,
                      usage: Self.usageText(root.fullMessage(for: error)))
        }
    }

    init(code: String, message: Bilingual, status: Int32, usage: String? = nil) {
        self.code = code; self.message = message; self.status = status; self.usage = usage
    }

    /// The `error` object of the JSON report.
    struct Body: Encodable { var code: String, message: String, status: Int32 }
    func body(_ language: Language) -> Body { Body(code: code, message: message.text(language), status: status) }

    /// Prints the report: one JSON object on stdout with `--json` (unless stdout itself failed), else the
    /// message on stderr (an English parser error keeps ArgumentParser's usage lines after it).
    func print(json: Bool, language: Language) {
        if json && Output.failed.withLock({ $0 }) == nil {
            struct Envelope: Encodable { var error: Body }
            if (try? Output.json(Envelope(error: body(language)))) != nil { return }
        }
        Output.error(message.text(language))
        if let usage, language == .en { try? FileHandle.standardError.write(contentsOf: Data((usage + "\n").utf8)) }
        if usage != nil, language == .zh, let command = helpHint { Output.error(command) }
    }

    private var helpHint: String? {
        usage.flatMap { text in
            text.split(separator: "\n").first { $0.contains("See '") }
                .flatMap { line in line.split(separator: "'").dropFirst().first.map { "详见 \($0)。" } }
        }
    }

    /// `HallDatabaseError.corrupt(…)` → `hall_database.corrupt`; a struct error → its type alone (`catalog_csv`).
    static func code(of error: any Error) -> String {
        var type = String(describing: Swift.type(of: error))
        if type.hasSuffix("Error") { type.removeLast("Error".count) }
        let mirror = Mirror(reflecting: error)
        let caseName: String? = switch mirror.displayStyle {
        case .enum: mirror.children.first?.label ?? String(describing: error)
        default: nil
        }
        return [type, caseName].compactMap { $0.map(snakeCase) }.joined(separator: ".")
    }

    /// `HallDatabase` → `hall_database`, `notAHall` → `not_a_hall`; an acronym stays one word:
    /// `CatalogCSV` → `catalog_csv`.
    static func snakeCase(_ name: String) -> String {
        let c = Array(name)
        var out = ""
        for i in c.indices {
            if i > 0, c[i].isUppercase,
               !c[i - 1].isUppercase || (i + 1 < c.count && c[i + 1].isLowercase) { out += "_" }
            out += c[i].lowercased()
        }
        return out
    }

    /// The lines of ArgumentParser's full message after its "Error: …" line: the option's help, if any, and the usage.
    static func usageText(_ full: String) -> String? {
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Help:") }) ?? lines.firstIndex(where: { $0.hasPrefix("Usage:") }) else { return nil }
        return lines[start...].joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}

/// One of ArgumentParser's parse errors, read from its (internal) error value by reflection: the case says what
/// went wrong; the quoted words of its English message (option names, values) are put into our sentence.
struct ParserFailure {
    enum Kind: String {
        case unknownOption = "unknown_option"
        case missingValue = "missing_value"
        case missingArgument = "missing_argument"
        case invalidValue = "invalid_value"
        case unexpectedArgument = "unexpected_argument"
        case unexpectedValue = "unexpected_value"
        case duplicate = "duplicate"
        case other = "other"
    }
    var kind: Kind

    init?(_ error: any Error) {
        guard let name = Self.parserErrorCase(error) else { return nil }
        switch name {
        case "userValidationError", "helpRequested", "versionRequested", "dumpHelpRequested",
             "completionScriptRequested", "completionScriptCustomResponse":
            return nil
        case "unknownOption", "invalidOption", "nonAlphanumericShortOption": kind = .unknownOption
        case "missingValueForOption", "missingValueOrUnknownCompositeOption": kind = .missingValue
        case "noValue": kind = .missingArgument
        case "unableToParseValue": kind = .invalidValue
        case "unexpectedExtraValues": kind = .unexpectedArgument
        case "unexpectedValueForOption": kind = .unexpectedValue
        case "duplicateExclusiveValues": kind = .duplicate
        default: kind = .other
        }
    }

    var code: String { "usage." + kind.rawValue }

    func message(english: String) -> Bilingual {
        let quoted = english.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let first = quoted.first ?? "", second = quoted.dropFirst().first
        let zh: String = switch kind {
        case .unknownOption: "未知选项“\(first)”。" + (second.map { "是否要用 \($0)？" } ?? "")
        case .missingValue: "选项“\(first)”缺少取值。"
        case .missingArgument: "缺少必需的参数“\(first)”。"
        case .invalidValue: "“\(first)”不是“\(second ?? "")”的有效取值。" + Self.choices(in: english)
        case .unexpectedArgument: "多余的参数“\(quoted.joined(separator: " "))”。"
        case .unexpectedValue: "选项“\(first)”不带取值。"
        case .duplicate: "选项“\(first)”只能给一次。"
        case .other: "命令行有误，见 desk --help。"
        }
        return Bilingual(en: english, zh: zh)
    }

    /// "Please provide one of the following:\n  - a\n  - b" (or "… one of 'a', 'b' and 'c'.") → "可选：a、b。"
    private static func choices(in english: String) -> String {
        guard let range = english.range(of: "Please provide one of") else { return "" }
        let rest = english[range.upperBound...]
        let listed = rest.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : nil
        }
        let quoted = rest.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let values = listed.isEmpty ? quoted : listed
        return values.isEmpty ? "" : "可选：" + values.joined(separator: "、") + "。"
    }

    /// The name of the `ParserError` case inside ArgumentParser's `CommandError`.
    static func parserErrorCase(_ error: any Error) -> String? {
        guard let parserError = parserError(of: error) else { return nil }
        return Mirror(reflecting: parserError).children.first?.label ?? String(describing: parserError)
    }

    /// The error a command's `validate()` threw, as ArgumentParser wrapped it.
    static func validationError(in error: any Error) -> (any Error)? {
        guard let parserError = parserError(of: error),
              let child = Mirror(reflecting: parserError).children.first, child.label == "userValidationError" else { return nil }
        return child.value as? any Error
    }

    private static func parserError(of error: any Error) -> Any? {
        let mirror = Mirror(reflecting: error)
        if let value = mirror.children.first(where: { $0.label == "parserError" })?.value { return value }
        // A bare ParserError (thrown before a command is known).
        return String(describing: Swift.type(of: error)) == "ParserError" ? error : nil
    }
}
