import Foundation
import Queue

/// Reads the theme file format:
///
///     # comment
///     borders = lines                            # or ascii
///     title   = white blue bold | reverse bold    # role = fg bg [attributes] | monochrome attributes
///
/// Colours: `default`, `black red green yellow blue magenta cyan white`, `color0`…`color255`.
/// Attributes: `bold dim underline reverse`, or `none`. Every `StyleRole` must appear exactly once.
public enum ThemeParser {
    static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `text`; `source` (a path, or "built-in …") names the file in errors.
    public static func parse(_ text: String, name: String, source: String) throws(ThemeError) -> Theme {
        var styles: [StyleRole: RoleStyle] = [:]
        var borders = BorderStyle.lines
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            func fail(_ problem: ThemeError.Problem) -> ThemeError { ThemeError(source: source, line: lineNumber, problem: problem) }

            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else { throw fail(.syntax) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)

            if key == "borders" {
                guard let style = BorderStyle(rawValue: value) else { throw fail(.unknownBorders(value)) }
                borders = style
                continue
            }
            guard let role = StyleRole(rawValue: key) else { throw fail(.unknownRole(key)) }
            guard styles[role] == nil else { throw fail(.duplicateRole(key)) }
            let halves = value.split(separator: "|", omittingEmptySubsequences: false)
            guard halves.count == 2 else { throw fail(.missingMonochrome) }
            let words = halves[0].split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2 else { throw fail(.missingColours) }
            guard let fg = colour(words[0]) else { throw fail(.unknownColour(words[0])) }
            guard let bg = colour(words[1]) else { throw fail(.unknownColour(words[1])) }
            var attributes = TextAttributes()
            for word in words.dropFirst(2) {
                guard let a = attribute(word) else { throw fail(.unknownAttribute(word)) }
                attributes.formUnion(a)
            }
            var monochrome = TextAttributes()
            let monoWords = halves[1].split(whereSeparator: \.isWhitespace).map(String.init)
            guard !monoWords.isEmpty else { throw fail(.missingMonochrome) }
            for word in monoWords {
                guard let a = attribute(word) else { throw fail(.unknownAttribute(word)) }
                monochrome.formUnion(a)
            }
            styles[role] = RoleStyle(foreground: fg, background: bg, attributes: attributes, monochrome: monochrome)
        }
        if let missing = StyleRole.allCases.first(where: { styles[$0] == nil }) {
            throw ThemeError(source: source, line: nil, problem: .missingRole(missing.rawValue))
        }
        return Theme(name: name, borders: borders, styles: styles)
    }

    static func colour(_ word: String) -> ThemeColor? {
        if word == "default" { return .terminalDefault }
        if let n = colourNames.firstIndex(of: word) { return .indexed(n) }
        if word.hasPrefix("color"), let n = Int(word.dropFirst(5)), (0...255).contains(n) { return .indexed(n) }
        return nil
    }

    static func attribute(_ word: String) -> TextAttributes? {
        switch word {
        case "none": return []
        case "bold": return .bold
        case "dim": return .dim
        case "underline": return .underline
        case "reverse": return .reverse
        default: return nil
        }
    }
}

/// A theme file that cannot be used, naming the file, the line and what is wrong with it.
public struct ThemeError: UserFacingError, Equatable {
    public enum Problem: Sendable, Equatable {
        case syntax
        case unknownRole(String)
        case duplicateRole(String)
        case missingRole(String)
        case missingColours
        case missingMonochrome
        case unknownColour(String)
        case unknownAttribute(String)
        case unknownBorders(String)
    }

    public var source: String
    /// nil when the problem is with the file as a whole (a role that is missing).
    public var line: Int?
    public var problem: Problem

    public var message: Bilingual {
        let what = problemText
        if let line {
            return Bilingual(en: "theme file \(source), line \(line): \(what.en)", zh: "主题文件 \(source) 第 \(line) 行：\(what.zh)")
        }
        return Bilingual(en: "theme file \(source): \(what.en)", zh: "主题文件 \(source)：\(what.zh)")
    }

    private var problemText: Bilingual {
        switch problem {
        case .syntax:
            return Bilingual(en: "expected 'role = foreground background [attributes] | monochrome-attributes'",
                             zh: "格式应为 '角色 = 前景色 背景色 [属性] | 单色属性'")
        case .unknownRole(let r):
            let known = StyleRole.allCases.map(\.rawValue).joined(separator: " ")
            return Bilingual(en: "unknown role '\(r)' (roles: \(known))", zh: "未知的角色 '\(r)'（可用：\(known)）")
        case .duplicateRole(let r):
            return Bilingual(en: "role '\(r)' is defined twice", zh: "角色 '\(r)' 重复定义")
        case .missingRole(let r):
            return Bilingual(en: "role '\(r)' is not defined", zh: "缺少角色 '\(r)' 的定义")
        case .missingColours:
            return Bilingual(en: "a foreground and a background colour are needed before the attributes",
                             zh: "属性之前需要前景色和背景色")
        case .missingMonochrome:
            return Bilingual(en: "expected one '|' followed by the monochrome attributes (or 'none')",
                             zh: "需要一个 '|'，其后是单色属性（或 'none'）")
        case .unknownColour(let c):
            return Bilingual(en: "unknown colour '\(c)' (default, black..white, color0..color255)",
                             zh: "未知的颜色 '\(c)'（default、black..white、color0..color255）")
        case .unknownAttribute(let a):
            return Bilingual(en: "unknown attribute '\(a)' (bold dim underline reverse none)",
                             zh: "未知的属性 '\(a)'（bold dim underline reverse none）")
        case .unknownBorders(let b):
            return Bilingual(en: "borders must be 'lines' or 'ascii', not '\(b)'", zh: "borders 只能是 'lines' 或 'ascii'，而不是 '\(b)'")
        }
    }
}
