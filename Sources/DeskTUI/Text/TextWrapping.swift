extension TextFitting {
    /// `text` broken into lines of at most `width` columns: at its own line breaks, then wherever a
    /// line is full. Chinese has no spaces, so it breaks between graphemes; an ASCII word (a run of ASCII
    /// non-spaces) is moved whole to the next line when the line has a place to break before it: a space, or
    /// the boundary where the word follows Chinese ("…准予许可。Reviewer" breaks before "Reviewer", never
    /// inside it); a word longer than a line is cut where it must. Never returns an empty array.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line: [Character] = []
            var used = 0
            // Where the line may break before the word being written: the position in `line` of a space (dropped
            // at the break), or of the word's first character after Chinese (kept, it starts the next line).
            var breakAt: (position: Int, dropsSpace: Bool)?
            for character in paragraph {
                let w = DisplayWidth.of(character)
                if used + w > width {
                    // Inside a word, or at the start of one after a space: the line breaks at `breakAt`.
                    let midWord = character != " " && character.isASCII && (line.last?.isASCII ?? false)
                    if midWord, let at = breakAt, at.position > 0 {
                        lines.append(String(line[..<at.position]))
                        line = Array(line[(at.dropsSpace ? at.position + 1 : at.position)...])
                        used = line.reduce(0) { $0 + DisplayWidth.of($1) }
                    } else if Self.noLineStart.contains(character), line.count > 1 {
                        // Chinese typesetting: a line never starts with closing punctuation,
                        // so the last character goes down with it.
                        lines.append(String(line.dropLast()))
                        line = [line.last!]
                        used = DisplayWidth.of(line[0])
                    } else {
                        lines.append(String(line))
                        line = []
                        used = 0
                    }
                    breakAt = nil
                    if character == " " { continue }
                }
                if character == " " {
                    breakAt = (line.count, true)
                } else if character.isASCII, !Self.noLineStart.contains(character), let last = line.last, last != " ", !last.isASCII {
                    // A word starting after Chinese: the break goes before it, or before an opening bracket it
                    // follows (避尾: "（" never ends a line).
                    breakAt = Self.noLineEnd.contains(last) ? (line.count > 1 ? (line.count - 1, false) : breakAt) : (line.count, false)
                }
                line.append(character)
                used += w
            }
            lines.append(String(line))
        }
        return lines.isEmpty ? [""] : lines
    }

    /// `label` then `text` wrapped to `width` columns with a hanging indent: the first line starts with the label,
    /// the next ones with as many spaces ("审查意见  材料齐全，…" / "          符合条件。"). A label as wide as the
    /// line leaves the text the width of the line itself.
    public static func hanging(_ label: String, _ text: String, width: Int) -> [String] {
        let indent = DisplayWidth.of(label)
        let room = indent < width ? width - indent : width
        return wrap(text, to: room).enumerated().map { n, part in (n == 0 ? label : String(repeating: " ", count: indent)) + part }
    }

    /// `text` cut to `width` columns as `truncate` cuts it, but never inside an ASCII word: the first line of `wrap`
    /// and `marker` (a command or a word on a status line stays whole, or goes whole).
    public static func truncateAtWord(_ text: String, to width: Int, marker: String = TextFitting.ellipsis) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = max(0, width - DisplayWidth.of(marker))
        return (wrap(text, to: room).first ?? "") + marker
    }

    /// Punctuation that may not begin a line (行首禁则).
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", ")"]
    /// Opening brackets and quotes that may not end a line (行尾禁则).
    static let noLineEnd: Set<Character> = ["（", "《", "「", "『", "“", "‘"]
}
