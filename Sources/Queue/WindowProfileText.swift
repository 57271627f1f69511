import Foundation

/// A window's profile as people type it: `A:1, B:0.5` — line prefixes in calling-preference order, each with its
/// weight (1 when left out). `desk window add|set --lines` and the supervisor's window drill-down read and write it.
public enum WindowProfileText {
    public struct Malformed: UserFacingError, Equatable {
        /// The part that did not read, nil when nothing was given.
        public var part: String?
        public var message: Bilingual {
            guard let part else { return Bilingual(en: "Give at least one line.", zh: "至少要有一个号段。") }
            return Bilingual(en: "'\(part)' is not PREFIX or PREFIX:WEIGHT with a weight above 0 (up to 100).",
                             zh: "“\(part)”应为“前缀”或“前缀:权重”（权重大于 0，不超过 100）。")
        }
    }

    /// The prefixes (upper-cased) and weights, in the order typed.
    public static func parse(_ text: String) throws(Malformed) -> [(prefix: String, weight: Double)] {
        var lines: [(prefix: String, weight: Double)] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            let pieces = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            let prefix = pieces.first.map { String($0).trimmingCharacters(in: .whitespaces).uppercased() } ?? ""
            let weight = pieces.count == 2 ? Double(pieces[1].trimmingCharacters(in: .whitespaces)) : pieces.count == 1 ? 1 : nil
            guard !prefix.isEmpty, let weight, weight > 0, weight <= 100 else { throw Malformed(part: trimmed) }
            lines.append((prefix, weight))
        }
        guard !lines.isEmpty else { throw Malformed(part: nil) }
        return lines
    }

    /// "A:1, B:0.5" of a profile, the prefix of each line by `prefix(lineID)`.
    public static func text(_ profile: [ProfileEntry], prefix: (Int64) -> String) -> String {
        profile.map { entry in
            let weight = entry.weight == entry.weight.rounded() ? String(Int(entry.weight)) : String(entry.weight)
            return prefix(entry.lineID) + ":" + weight
        }.joined(separator: ", ")
    }
}
