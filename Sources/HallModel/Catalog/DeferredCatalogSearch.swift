import Synchronization

/// A `CatalogSearch` built the first time a search is made. A screen whose item picker may never be opened (the case
/// screen) does not pay for the pinyin keys before its first frame: in a fresh process they load ICU's transliterator,
/// about 100 ms, most of a cold first frame. Thread-safe: the search is built once, under the lock.
public final class DeferredCatalogSearch: Sendable {
    private let catalog: Catalog
    private let built = Mutex<CatalogSearch?>(nil)

    public init(_ catalog: Catalog) {
        self.catalog = catalog
    }

    /// What `CatalogSearch.search` finds; the first call builds the search.
    public func search(_ query: String, limit: Int = .max) -> [CatalogSearch.Hit] {
        built.withLock { search in
            if search == nil { search = CatalogSearch(catalog) }
            return search?.search(query, limit: limit) ?? []
        }
    }
}
