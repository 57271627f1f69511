/// Wrapping running text to a width, by display width.
public enum TextWrapping {
    /// Greedy lines of at most `width` columns. Chinese breaks between any two characters (a line may not
    /// start with a space); English breaks at spaces, and inside a word only when it is longer than a line.
    public static func lines(_ text: String, width: Int, breakAnywhere: Bool) -> [String] {
        guard breakAnywhere else { return TooSmallScreen.wrap(text, width: width) }
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width {
                lines.append(line)
                line = ""; used = 0
            }
            if used == 0 && character == " " { continue }
            line.append(character)
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
