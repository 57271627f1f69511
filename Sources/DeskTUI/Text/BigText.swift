/// Big characters for the display board: ticket codes like "A1000" readable across the hall.
///
/// Each glyph is a 5-row bitmap. A lit pixel is a cell of role `.bigDigit` holding a space; the
/// theme draws that role in reverse video, so the glyphs show on colour and monochrome terminals
/// alike. (U+2588 FULL BLOCK is East Asian Ambiguous, so it is not used.) A pixel is `2 × scale`
/// columns by `scale` rows, because terminal cells are about twice as tall as they are wide.
public enum BigText {
    /// Rows of a glyph at scale 1.
    public static let glyphRows = 5

    /// Columns `text` takes at `scale`: glyphs plus one pixel of space between them.
    public static func width(of text: String, scale: Int = 1) -> Int {
        let pixels = text.uppercased().map { (glyphs[$0] ?? blank).first!.count }
        guard !pixels.isEmpty else { return 0 }
        return (pixels.reduce(0, +) + pixels.count - 1) * 2 * max(1, scale)
    }

    /// Rows `text` takes at `scale`.
    public static func height(scale: Int = 1) -> Int { glyphRows * max(1, scale) }

    /// True when every character of `text` has a big glyph (digits, A–Z but I and O, space, "-").
    public static func canRender(_ text: String) -> Bool {
        text.uppercased().allSatisfy { glyphs[$0] != nil }
    }

    /// Draws `text` with its top-left at (x, y) and returns the column after it. Unlit pixels are
    /// left as they are, so draw on a cleared area. Characters without a glyph draw as a gap.
    @discardableResult
    public static func render(_ text: String, into grid: inout CellGrid, x: Int, y: Int, scale: Int = 1, role: StyleRole = .bigDigit) -> Int {
        let scale = max(1, scale)
        var left = x
        for (index, character) in text.uppercased().enumerated() {
            if index > 0 { left += 2 * scale }
            let bitmap = glyphs[character] ?? blank
            for (row, bits) in bitmap.enumerated() {
                for (column, bit) in bits.enumerated() where bit == "#" {
                    grid.fill(Rect(x: left + column * 2 * scale, y: y + row * scale, width: 2 * scale, height: scale), role: role)
                }
            }
            left += bitmap[0].count * 2 * scale
        }
        return left
    }

    private static let blank = [".", ".", ".", ".", "."]

    /// 3 pixels wide, except letters that need 5. No I or O: ticket prefixes avoid them (they read
    /// as 1 and 0).
    static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        "A": [".#.", "#.#", "###", "#.#", "#.#"],
        "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"],
        "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"],
        "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"],
        "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
        "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        "N": ["#...#", "##..#", "#.#.#", "#..##", "#...#"],
        "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"],
        "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."],
        "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"],
        "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "##.##", "#...#"],
        "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."],
        "Z": ["###", "..#", ".#.", "#..", "###"],
        " ": ["..", "..", "..", "..", ".."],
        "-": ["...", "...", "###", "...", "..."],
    ]
}
