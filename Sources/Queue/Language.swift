import Foundation

/// The language of everything HallDesk says to a person: screens, CLI messages, errors.
/// Hall data (line names, item names) is shown as entered, never translated.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case zh

    /// `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX precedence): a value starting with `zh` means Chinese;
    /// anything else, or nothing, means English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// Parses the `--lang` option: `zh`, `zh-Hans`, `zh_CN`… or `en…`.
    public init?(option: String) {
        let lower = option.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// A text in both UI languages. Domain errors and UI strings are written as pairs so that
/// a message can never exist in one language only.
public struct Bilingual: Sendable, Hashable {
    public let en: String
    public let zh: String
    public init(en: String, zh: String) { self.en = en; self.zh = zh }
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// An error that a person reads. Every error HallDesk shows to a user conforms, so the CLI and the
/// screens can print it in the user's language.
public protocol UserFacingError: Error {
    var message: Bilingual { get }
}
