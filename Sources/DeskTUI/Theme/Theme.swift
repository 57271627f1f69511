/// A terminal colour: the terminal's own default, or an index in the 256-colour palette
/// (0–7 are black red green yellow blue magenta cyan white).
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(Int)

    /// The closest colour a terminal with `colors` colours can show: 256-colour indices are
    /// folded onto the 8 basic colours when the terminal has fewer than 256 (or 16).
    public func reduced(toColors colors: Int) -> ThemeColor {
        guard case .indexed(let n) = self, n >= colors else { return self }
        if n < 16 { return .indexed(n == 8 ? 7 : n - 8) } // bright → base; bright black reads as grey/white
        if colors >= 16, n >= 16 { return ThemeColor.indexed(n).reduced(toColors: 8) }
        if n >= 232 { return .indexed(n < 244 ? 0 : 7) } // grey ramp: darker half → black, else white
        // 6×6×6 cube (channels 0…5): a channel is on when it is 2 or more, or the strongest one.
        let cube = n - 16
        let channels = [cube / 36, (cube / 6) % 6, cube % 6]
        let strongest = channels.max() ?? 0
        let bits = channels.enumerated().map { i, c in (c >= 2 || (c > 0 && c == strongest)) ? 1 << i : 0 }
        return .indexed(bits.reduce(0, |))
    }
}

/// Character attributes, on their own (monochrome) or on top of colours.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
}

/// How one role looks: colours and attributes, plus the attributes used instead on monochrome
/// terminals and when `NO_COLOR` is set.
public struct RoleStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
    public var monochrome: TextAttributes

    public init(foreground: ThemeColor, background: ThemeColor, attributes: TextAttributes, monochrome: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.monochrome = monochrome
    }
}

/// How frame lines are drawn.
public enum BorderStyle: String, Sendable, Hashable {
    /// The terminal's line-drawing set (ACS).
    case lines
    /// "+", "-", "|": for terminals whose line drawing is broken or double width.
    case ascii
}

/// A complete look for every `StyleRole`, read from a `.theme` file (see `ThemeParser`).
public struct Theme: Sendable, Hashable {
    public var name: String
    public var borders: BorderStyle
    /// One style per role: the parser refuses a theme that misses one.
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, borders: BorderStyle, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.borders = borders
        self.styles = styles
    }

    public subscript(role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [], monochrome: [])
    }

    /// The built-in default theme (identical to `themes/default.theme`).
    public static var standard: Theme { try! ThemeParser.parse(BuiltInThemes.defaultTheme, name: "default", source: "built-in default") }
}
