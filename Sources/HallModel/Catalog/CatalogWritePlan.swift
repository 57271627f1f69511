import GRDB

/// What an import will change, worked out before the write transaction: which items are new, changed,
/// unchanged or removed, which departments are new or renamed, and every row already encoded as
/// statement arguments. `HallDatabase.write(_:in:)` then only executes prepared statements, so the
/// write lock is held for the inserts alone (see docs/catalog-format.md, "Importing").
struct CatalogWritePlan {
    struct ItemRow {
        var code: String
        var isNew: Bool
        /// In the order of `HallDatabase.itemColumns`.
        var values: StatementArguments
        var materials: [StatementArguments]
    }

    /// The stored catalog's revision the plan was computed against.
    var revision: Int
    /// Counts of new, updated, unchanged and removed items and new departments (`totalItems` is set by the write).
    var summary = CatalogImportSummary()
    var removedCodes: [String] = []
    var newDepartments: [Department] = []
    var renamedDepartments: [Department] = []
    var changedItems: [ItemRow] = []
    /// With `.replace`: stored departments not in the file, removed when nothing refers to them any more.
    var departmentsToDropIfUnused: [String] = []

    init(_ catalog: Catalog, mode: CatalogImportMode, stored: Catalog, revision: Int) {
        self.revision = revision
        let storedItems = Dictionary(stored.items.map { ($0.implementationCode, $0) }, uniquingKeysWith: { first, _ in first })
        let storedDepartments = Dictionary(stored.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        if mode == .replace {
            let incoming = Set(catalog.items.map(\.implementationCode))
            removedCodes = stored.items.map(\.implementationCode).filter { !incoming.contains($0) }
            summary.removedItems = removedCodes.count
            let keep = Set(catalog.departments.map(\.code))
            departmentsToDropIfUnused = stored.departments.map(\.code).filter { !keep.contains($0) }
        }
        for department in catalog.departments {
            switch storedDepartments[department.code] {
            case nil: newDepartments.append(department)
            case department.name?: break
            default: renamedDepartments.append(department)
            }
        }
        summary.newDepartments = newDepartments.count
        for item in catalog.items {
            let code = item.implementationCode
            let old = storedItems[code]
            if old == item { summary.unchangedItems += 1; continue }
            if old == nil { summary.newItems += 1 } else { summary.updatedItems += 1 }
            changedItems.append(ItemRow(
                code: code, isNew: old == nil, values: HallDatabase.itemValues(item),
                materials: item.materials.enumerated().map { HallDatabase.materialValues($1, code: code, position: $0) }))
        }
    }
}
