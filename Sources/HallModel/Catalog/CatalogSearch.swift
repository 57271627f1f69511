/// Search-as-you-type over the catalog, all in memory. Built once per catalog; every string is folded
/// (ASCII and full-width letters to lower case) and kept as UTF-8 bytes, so a query is a plain byte scan.
/// Byte matching is safe: UTF-8 never matches in the middle of another character.
///
/// Names are also found by pinyin, as every Chinese search box allows: full pinyin (`shipin`) or the
/// syllables' initials (`spjy`), as a prefix or anywhere in the name, and initials that skip a word
/// (`spxk` → 食品经营许可: in order, starting with the name's first syllable). The keys (`Pinyin`) are
/// built with the index, once per catalog revision, never per keystroke.
public struct CatalogSearch: Sendable {
    /// Better matches first.
    public enum Rank: Int, Sendable, Comparable, CaseIterable {
        case exactCode, codePrefix, namePrefix, nameSubstring, pinyinPrefix, pinyinSubstring, codeSubstring, department
        /// The query's letters are initials of the name's syllables, in order, from the first one.
        case pinyinInitials

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
        var pinyin: [UInt8]
        var initials: [UInt8]
    }

    private let entries: [Entry]
    private let codes: [String]

    public init(items: [CatalogItem], departments: [Department]) {
        let departmentNames = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let pinyin = Pinyin.keys(for: items.map(\.name))
        entries = zip(items, pinyin).map { item, keys in
            Entry(code: Self.fold(item.implementationCode),
                  name: Self.fold(item.name),
                  department: Self.fold(departmentNames[item.departmentCode] ?? ""),
                  pinyin: Array(keys.full.utf8), initials: Array(keys.initials.utf8))
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
        // Pinyin is letters only: a query with digits or Chinese is not looked up there. Spaces between
        // syllables are how people type pinyin (`shi pin`), so they are left out of the pinyin query.
        let p = q.filter { $0 != 0x20 }
        let pinyin = p.allSatisfy { (0x61...0x7A).contains($0) } ? p : nil
        for (i, entry) in entries.enumerated() {
            guard let rank = Self.rank(entry, q, pinyin: pinyin) else { continue }
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

    /// `pinyin` is the query without its spaces when it is letters only, else nil.
    private static func rank(_ e: Entry, _ q: [UInt8], pinyin p: [UInt8]?) -> Rank? {
        if e.code == q { return .exactCode }
        if hasPrefix(e.code, q) { return .codePrefix }
        if hasPrefix(e.name, q) { return .namePrefix }
        if contains(e.name, q) { return .nameSubstring }
        if let p {
            if hasPrefix(e.pinyin, p) || hasPrefix(e.initials, p) { return .pinyinPrefix }
            if contains(e.pinyin, p) || contains(e.initials, p) { return .pinyinSubstring }
        }
        if contains(e.code, q) { return .codeSubstring }
        if contains(e.department, q) { return .department }
        if let p, p.count >= 2, isAnchoredSubsequence(p, of: e.initials) { return .pinyinInitials }
        return nil
    }

    /// `q` is `s`'s first byte followed by later bytes of `s` in order ("spxk" in "spjyxk").
    private static func isAnchoredSubsequence(_ q: [UInt8], of s: [UInt8]) -> Bool {
        guard let first = s.first, q[0] == first else { return false }
        var j = 1
        for byte in s.dropFirst() where j < q.count && byte == q[j] { j += 1 }
        return j == q.count
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
