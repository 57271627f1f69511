/// Search-as-you-type over the catalog, all in memory. Built once per catalog; every string is folded
/// (ASCII and full-width letters to lower case) and kept as UTF-8 bytes, so a query is a plain byte scan.
/// Byte matching is safe: UTF-8 never matches in the middle of another character.
public struct CatalogSearch: Sendable {
    /// Better matches first.
    public enum Rank: Int, Sendable, Comparable, CaseIterable {
        case exactCode, codePrefix, namePrefix, nameSubstring, codeSubstring, department

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Hit: Sendable, Hashable {
        /// Index into the items the index was built from.
        public var index: Int
        public var code: String
        public var rank: Rank
    }

    private struct Entry: Sendable {
        var code: [UInt8]
        var name: [UInt8]
        var department: [UInt8]
    }

    private let entries: [Entry]
    private let codes: [String]

    public init(items: [CatalogItem], departments: [Department]) {
        let departmentNames = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        entries = items.map { item in
            Entry(code: Self.fold(item.implementationCode),
                  name: Self.fold(item.name),
                  department: Self.fold(departmentNames[item.departmentCode] ?? ""))
        }
        codes = items.map(\.implementationCode)
    }

    public init(_ catalog: Catalog) {
        self.init(items: catalog.items, departments: catalog.departments)
    }

    /// Items matching the query, best rank first and in catalog order within a rank.
    /// An empty (or all-space) query matches nothing; the screen shows the full list instead.
    public func search(_ query: String, limit: Int = .max) -> [Hit] {
        let q = Self.fold(query.trimmed)
        guard !q.isEmpty else { return [] }
        var buckets = [[Int]](repeating: [], count: Rank.allCases.count)
        for (i, entry) in entries.enumerated() {
            guard let rank = Self.rank(entry, q) else { continue }
            buckets[rank.rawValue].append(i)
        }
        var hits: [Hit] = []
        for (rank, indices) in zip(Rank.allCases, buckets) {
            for i in indices {
                if hits.count == limit { return hits }
                hits.append(Hit(index: i, code: codes[i], rank: rank))
            }
        }
        return hits
    }

    private static func rank(_ e: Entry, _ q: [UInt8]) -> Rank? {
        if e.code == q { return .exactCode }
        if hasPrefix(e.code, q) { return .codePrefix }
        if hasPrefix(e.name, q) { return .namePrefix }
        if contains(e.name, q) { return .nameSubstring }
        if contains(e.code, q) { return .codeSubstring }
        if contains(e.department, q) { return .department }
        return nil
    }

    private static func hasPrefix(_ s: [UInt8], _ q: [UInt8]) -> Bool {
        guard q.count <= s.count else { return false }
        for i in 0..<q.count where s[i] != q[i] { return false }
        return true
    }

    private static func contains(_ s: [UInt8], _ q: [UInt8]) -> Bool {
        let n = s.count, m = q.count
        guard m <= n else { return false }
        let first = q[0]
        var i = 0
        while i <= n - m {
            if s[i] == first {
                var j = 1
                while j < m && s[i + j] == q[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }

    /// Lower-cases ASCII and maps full-width ASCII (what a Chinese IME types: Ａ１) to plain ASCII.
    static func fold(_ text: String) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            var v = s.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            scalars.append(Unicode.Scalar(v) ?? s)
        }
        return Array(String(scalars).utf8)
    }
}
