/// Short forms of implementation codes for a narrow list column. A code's front is usually the
/// department's credit code and its end the item's number, and the numbers repeat across departments
/// (`…4000010006` is item 6 of every department), so a fixed-width tail collides. Each code is instead
/// shown by its shortest tail that no other code of the catalog ends with, and never shorter than
/// `minimum` characters (a tail of 2 would be unique but unreadable as a code).
public enum ShortCode {
    public static let minimumLength = 6

    /// For each code (in order), its shortest unique tail of at least `minimum` characters; the whole
    /// code when it is that short, or when it is the tail of another code.
    ///
    /// Reversed, the codes are sorted; a code's longest common tail with any other code is the longer
    /// of its common prefixes with its two neighbours, so the whole catalog takes one sort.
    public static func tails(of codes: [String], minimum: Int = minimumLength) -> [String] {
        let reversed = codes.map { Array($0.reversed()) }
        let order = reversed.indices.sorted { reversed[$0].lexicographicallyPrecedes(reversed[$1]) }
        var needed = Array(repeating: minimum, count: codes.count)
        for (a, b) in zip(order, order.dropFirst()) {
            let common = commonPrefixLength(reversed[a], reversed[b])
            needed[a] = max(needed[a], common + 1)
            needed[b] = max(needed[b], common + 1)
        }
        return codes.indices.map { i in
            let code = codes[i]
            return needed[i] >= code.count ? code : String(code.suffix(needed[i]))
        }
    }

    private static func commonPrefixLength(_ a: [Character], _ b: [Character]) -> Int {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return n
    }
}
