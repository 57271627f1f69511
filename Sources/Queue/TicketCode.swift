/// Ticket codes: the line's prefix and the daily sequence, at least three digits.
/// A999 is followed by A1000: the code widens rather than truncating or wrapping.
public enum TicketCode {
    public static func format(prefix: String, sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Splits "A012" into ("A", 12); nil when it is not a code.
    public static func parse(_ code: String) -> (prefix: String, sequence: Int)? {
        let upper = code.uppercased()
        let letters = upper.prefix { $0.isLetter && $0.isASCII }
        let digits = upper.dropFirst(letters.count)
        guard (1...2).contains(letters.count), digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(digits), n > 0 else { return nil }
        return (String(letters), n)
    }

    /// A line prefix is one or two ASCII letters, never I or O (they read as 1 and 0 on a board).
    public static func validatePrefix(_ prefix: String) throws -> String {
        let upper = prefix.uppercased()
        guard (1...2).contains(upper.count),
              upper.allSatisfy({ $0.isASCII && $0.isLetter && $0 != "I" && $0 != "O" }) else {
            throw QueueError.invalidPrefix(prefix)
        }
        return upper
    }
}
