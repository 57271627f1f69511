/// Where text sits inside a wider field.
public enum Alignment: Sendable {
    case left, right, center
}

/// Fitting text into columns, always measured with `DisplayWidth`.
public enum TextFitting {
    /// The mark at the end of cut text: "…" (U+2026). glibc's `wcwidth` (which `DisplayWidth` and
    /// ncursesw both use) gives it one column in every UTF-8 locale, so the grid and the terminal agree.
    public static let ellipsis = "…"

    /// The longest prefix of `text` that fits in `width` columns. With a `marker` (`ellipsis`),
    /// a cut string ends with it so the reader sees it was cut. Never splits a grapheme.
    public static func truncate(_ text: String, to width: Int, marker: String = "") -> String {
        fit(text, to: width, marker: marker).text
    }

    /// `truncate`, and the width of what it returns: `pad` needs both, and measuring twice costs.
    static func fit(_ text: String, to width: Int, marker: String) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let whole = DisplayWidth.of(text)
        if whole <= width { return (text, whole) }
        let markerWidth = DisplayWidth.of(marker)
        let room = markerWidth <= width ? width - markerWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return markerWidth <= width ? (result + marker, used + markerWidth) : (result, used)
    }

    /// `text` cut to `width` if needed, then padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left, marker: String = "") -> String {
        let (fitted, fittedWidth) = fit(text, to: width, marker: marker)
        let gap = max(0, width - fittedWidth)
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }
}

extension String {
    /// Display columns (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
