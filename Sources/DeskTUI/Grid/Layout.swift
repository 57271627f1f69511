/// How much of a row or column split one part takes.
public enum LayoutSize: Sendable, Hashable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// A share of what the fixed parts leave, by weight.
    case fill(Int = 1)
}

extension Rect {
    /// Splits top to bottom: `[.fixed(1), .fill(), .fixed(1)]` gives title bar, body, status line.
    public func splitRows(_ sizes: [LayoutSize]) -> [Rect] {
        Self.distribute(height, sizes).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Splits left to right, like `splitRows`.
    public func splitColumns(_ sizes: [LayoutSize]) -> [Rect] {
        Self.distribute(width, sizes).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Fixed parts first (in order, until space runs out), then the rest shared by weight;
    /// rounding leftovers go to the last fill part so the parts always cover the whole length.
    static func distribute(_ total: Int, _ sizes: [LayoutSize]) -> [(offset: Int, length: Int)] {
        var lengths = Array(repeating: 0, count: sizes.count)
        var remaining = total
        for (i, size) in sizes.enumerated() {
            if case .fixed(let n) = size {
                lengths[i] = min(max(0, n), remaining)
                remaining -= lengths[i]
            }
        }
        let fills = sizes.enumerated().compactMap { i, s -> (Int, Int)? in
            if case .fill(let w) = s { return (i, max(0, w)) } else { return nil }
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        if totalWeight > 0 {
            var given = 0
            for (i, weight) in fills {
                lengths[i] = remaining * weight / totalWeight
                given += lengths[i]
            }
            if let last = fills.last(where: { $0.1 > 0 }) { lengths[last.0] += remaining - given }
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length }
            return (offset, length)
        }
    }
}
