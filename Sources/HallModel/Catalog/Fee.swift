import Foundation

/// A fee charged for an item. Amounts are whole fen (分) so that money never goes through floating point.
/// An item without a fee has `fee == nil`.
public struct Fee: Codable, Sendable, Hashable {
    public var amountFen: Int
    public var basis: String

    public init(amountFen: Int, basis: String) {
        self.amountFen = amountFen
        self.basis = basis
    }

    /// "80" or "12.50" (yuan), as clerks write it.
    public var yuanText: String {
        let yuan = amountFen / 100, fen = amountFen % 100
        return fen == 0 ? "\(yuan)" : "\(yuan)." + (fen < 10 ? "0\(fen)" : "\(fen)")
    }

    /// Parses a yuan amount with at most two decimals ("80", "12.5", "12.50") into fen, without floating point.
    public static func fen(fromYuan text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit), parts[0].count <= 9,
              let yuan = Int(parts[0]) else { return nil }
        var fen = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit) else { return nil }
            fen = Int(decimals)! * (decimals.count == 1 ? 10 : 1)
        }
        return yuan * 100 + fen
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
