/// One search result: the item, its department's name (for display) and how well it matched.
public struct CatalogMatch: Sendable, Hashable {
    public var item: CatalogItem
    public var departmentName: String
    public var rank: CatalogSearch.Rank
}

/// The catalog held in memory for search as you type: items, a code lookup, department names and the
/// `CatalogSearch` byte index, all built once. `revision` is the stored catalog's revision it was loaded at.
public struct CatalogIndex: Sendable {
    public let catalog: Catalog
    public let revision: Int
    public let search: CatalogSearch
    /// Each item's shortest unique code tail (`ShortCode`), for a list too narrow for whole codes.
    public let shortCodes: [String]
    private let positionByCode: [String: Int]
    private let departmentNames: [String: String]

    public init(_ catalog: Catalog, revision: Int = 0) {
        self.catalog = catalog
        self.revision = revision
        search = CatalogSearch(catalog)
        shortCodes = ShortCode.tails(of: catalog.items.map(\.implementationCode))
        positionByCode = Dictionary(catalog.items.enumerated().map { ($1.implementationCode, $0) }, uniquingKeysWith: { first, _ in first })
        departmentNames = Dictionary(catalog.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public var items: [CatalogItem] { catalog.items }

    /// Display columns of the widest short code with its "…" marker (one column; codes are ASCII).
    public var shortCodeWidth: Int { (shortCodes.map(\.count).max() ?? 0) + 1 }

    public func item(code: String) -> CatalogItem? {
        positionByCode[code].map { catalog.items[$0] }
    }

    public func position(ofCode code: String) -> Int? { positionByCode[code] }

    /// The department's name, or its code when the department is unknown.
    public func departmentName(_ code: String) -> String { departmentNames[code] ?? code }

    /// Best matches first (see `CatalogSearch.Rank`); an empty query matches nothing.
    public func matches(_ query: String, limit: Int = .max) -> [CatalogMatch] {
        search.search(query, limit: limit).map { hit in
            let item = catalog.items[hit.index]
            return CatalogMatch(item: item, departmentName: departmentName(item.departmentCode), rank: hit.rank)
        }
    }
}

/// Keeps a `CatalogIndex` current for a long-running screen: `refresh` is cheap when nothing changed
/// (one `PRAGMA data_version`), and reloads only when another process imported a catalog.
public struct CatalogIndexFeed: Sendable {
    public private(set) var index: CatalogIndex
    private var dataVersion: Int

    public init(database: HallDatabase) throws {
        dataVersion = try database.dataVersion()
        index = try database.catalogIndex()
    }

    /// True when the index was rebuilt. Commits on this process's own writer connection do not change
    /// `data_version`; after importing in-process, pass `force`.
    public mutating func refresh(from database: HallDatabase, force: Bool = false) throws -> Bool {
        let version = try database.dataVersion()
        guard force || version != dataVersion else { return false }
        dataVersion = version
        guard try database.catalogRevision() != index.revision else { return false }
        index = try database.catalogIndex()
        return true
    }
}
