/// Text from a file or the database made safe to print on a terminal, and bounded when an error quotes it.
///
/// A terminal obeys control characters instead of showing them: `ESC [2J` clears the screen, `ESC ]0;…BEL`
/// retitles the window, a C1 `CSI` does the same in one byte. Every text output of `desk` goes through
/// `escapingControls` (`Output.line`, `Output.error`); the screens' cell grid skips controls on its own.
public enum PrintableText {
    /// A control character (Unicode general category Cc: C0, DEL and C1).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    public static func containsControls(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
        text.unicodeScalars.contains { isControl($0) && !(allowingLineBreaks && ($0 == "\n" || $0 == "\r")) }
    }

    /// Each control character written as a visible escape (`\x1B`, `\x07`), except those `kept` (by
    /// default the line feed, for multi-line text): shown, never obeyed.
    public static func escapingControls(_ text: String, keeping kept: Set<Unicode.Scalar> = ["\n"]) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) || kept.contains(scalar) {
                out.append(scalar)
            } else {
                // Controls are U+0000…U+009F: two hex digits.
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ((hex.count < 2 ? "\\x0" : "\\x") + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Each control character replaced by `replacement` (one line of a listing: `desk audit` shows a
    /// detail's controls as "?").
    public static func replacingControls(_ text: String, with replacement: Unicode.Scalar) -> String {
        guard containsControls(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? replacement : $0 }))
    }

    /// At most `limit` characters of a value an error message quotes (a 500 KB cell must not become a
    /// 500 KB message), controls escaped, with "…" when cut.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        let line = escapingControls(text, keeping: [])
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// JSON text with DEL and the C1 controls (U+007F…U+009F) written as `\u009b`: JSON requires escaping
    /// only U+0000…U+001F, which encoders do, but a terminal obeys a raw C1 `CSI` as it does `ESC [`.
    /// Outside strings JSON has no such characters, so the result is the same JSON value.
    public static func jsonEscapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isControl($0) && $0.value >= 0x7F }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isControl(scalar), scalar.value >= 0x7F {
                out.append(contentsOf: ("\\u00" + String(scalar.value, radix: 16)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
