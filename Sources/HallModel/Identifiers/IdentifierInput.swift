// Input handling shared by the identifier validators.

extension Character {
    /// 0...9 for ASCII digits only: full-width or other-script digits are not accepted in identifiers.
    var asciiDigit: Int? {
        guard let ascii = asciiValue, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) else { return nil }
        return Int(ascii - UInt8(ascii: "0"))
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
