import Foundation
import GRDB
import Queue

/// What a catalog import did, item by item.
public struct CatalogImportSummary: Sendable, Hashable, Codable {
    public var newItems = 0
    public var updatedItems = 0
    public var unchangedItems = 0
    /// Items removed because the import replaced the whole catalog.
    public var removedItems = 0
    public var newDepartments = 0
    public var totalItems = 0
}

/// A catalog that breaks the published-list rules; nothing was imported.
public struct CatalogImportError: UserFacingError, Hashable, Sendable {
    public var errors: [CatalogError]

    public var message: Bilingual {
        let head = Bilingual(en: "The catalog has \(Plural.english(errors.count, "problem")); nothing was imported.",
                             zh: "事项清单有 \(errors.count) 处错误，未导入任何内容。")
        return Bilingual(en: ([head.en] + errors.map(\.message.en)).joined(separator: "\n"),
                         zh: ([head.zh] + errors.map(\.message.zh)).joined(separator: "\n"))
    }
}

/// The stored catalog holds a value this program cannot read (written by hand or by a newer version).
public struct CatalogStorageError: UserFacingError, Hashable, Sendable {
    public var table: String
    public var column: String
    public var value: String

    public var message: Bilingual {
        Bilingual(en: "The stored catalog has an unreadable value in \(table).\(column): \"\(value)\"",
                  zh: "已存储的事项清单中 \(table).\(column) 的值无法读取：“\(value)”")
    }
}

/// Which items an import leaves alone.
public enum CatalogImportMode: Sendable {
    /// Items in the file are added or updated (by implementation code); other stored items stay.
    case merge
    /// The stored catalog becomes exactly the file's: items not in it are removed.
    case replace
}

extension HallDatabase {
    /// Imports a whole catalog in one transaction: all or nothing. Items are matched by implementation
    /// code, so a re-import updates them (their materials replaced) instead of adding duplicates.
    /// `source` names the file and its SM3 digest for the event, so the audit trail says exactly what was loaded.
    ///
    /// Only the write holds the write lock: the rules, the line check, the comparison with what is stored
    /// and the encoding of every row happen before it (`CatalogWritePlan`), so a kiosk issuing a ticket
    /// during a large import waits for the inserts alone. If another import committed in between (the
    /// revision moved), the plan is worked out again under the lock. `writeTime`, if given, is told how
    /// long the write transaction took, from BEGIN IMMEDIATE to its commit, in milliseconds (`desk bench`).
    @discardableResult
    public func importCatalog(_ catalog: Catalog, mode: CatalogImportMode = .merge, source: ImportSource? = nil,
                              by actor: Actor, writeTime: ((Double) -> Void)? = nil) throws -> CatalogImportSummary {
        let errors = catalog.validate()
        guard errors.isEmpty else { throw CatalogImportError(errors: errors) }
        let now = clock.now
        let (stored, revision, prefixes) = try read { db in (try Self.loadCatalog(db), try Self.revision(db), try Self.linePrefixes(db)) }
        let lineErrors = catalog.lineErrors(knownPrefixes: prefixes)
        guard lineErrors.isEmpty else { throw CatalogImportError(errors: lineErrors) }
        var plan = CatalogWritePlan(catalog, mode: mode, stored: stored, revision: revision)
        let start = DispatchTime.now().uptimeNanoseconds
        defer { writeTime?(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
        return try perform { db in
            try PermissionPolicy.check(db, .importCatalog, by: actor)
            if try Self.revision(db) != plan.revision {
                plan = CatalogWritePlan(catalog, mode: mode, stored: try Self.loadCatalog(db), revision: try Self.revision(db))
            }
            let summary = try Self.write(plan, in: db)
            try AuditLog.append(db, .catalogImport, by: actor, at: now, businessDate: try Self.today(db, now), detail: (source?.detail ?? [:]).merging([
                "mode": .string(mode == .merge ? "merge" : "replace"), "new_items": .int(summary.newItems),
                "updated_items": .int(summary.updatedItems), "unchanged_items": .int(summary.unchangedItems),
                "removed_items": .int(summary.removedItems), "new_departments": .int(summary.newDepartments), "total_items": .int(summary.totalItems),
            ]) { a, _ in a })
            return summary
        }
    }

    /// The prefixes of the hall's service lines.
    static func linePrefixes(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT prefix FROM service_line"))
    }

    /// The stored catalog: departments and items in published order, each item with its materials.
    public func catalog() throws -> Catalog {
        try read { db in try Self.loadCatalog(db) }
    }

    public func item(code: String) throws -> CatalogItem? {
        try read { db in try Self.storedItem(db, code: code) }
    }

    /// One item with its materials, inside a caller's transaction (the intake write).
    /// The item with its materials as stored, kept by the process while the hall's catalog stamp is unchanged
    /// (`RevisionStamp`): an intake reads it at least twice (the form, the write).
    /// `known`: the stamp as the caller read it already in this transaction (`RevisionStamp.all`).
    static func storedItem(_ db: Database, code: String, stamp known: Data? = nil) throws -> CatalogItem? {
        try items.value(code, stamp: known ?? RevisionStamp.catalog.current(db)) { try fetchItem(db, code: code) }
    }

    private static let items = StampedCache<String, CatalogItem>()

    private static func fetchItem(_ db: Database, code: String) throws -> CatalogItem? {
        guard let row = try Row.fetchOne(db, cachedSQL: "SELECT * FROM catalog_item WHERE code = ?", arguments: [code]) else { return nil }
        let materials = try Row.fetchAll(db, cachedSQL: "SELECT * FROM catalog_material WHERE item_code = ? ORDER BY position",
                                         arguments: [code]).map(Self.material)
        return try Self.item(row, materials: materials)
    }

    /// Search as the catalog screen does (name, code or department; see `CatalogSearch`). Loads the
    /// catalog for each call: for one-off lookups. A screen keeps a `CatalogIndexFeed` instead.
    public func searchCatalog(text: String, limit: Int = .max) throws -> [CatalogMatch] {
        try catalogIndex().matches(text, limit: limit)
    }

    /// The catalog and its search index, tagged with the revision they were read at.
    public func catalogIndex() throws -> CatalogIndex {
        let (catalog, revision) = try read { db in (try Self.loadCatalog(db), try Self.revision(db)) }
        return CatalogIndex(catalog, revision: revision)
    }

    /// Bumped by every import.
    public func catalogRevision() throws -> Int {
        try read { db in try Self.revision(db) }
    }

    // MARK: Writing

    /// The import itself; the caller owns the transaction (the demo hall's seeding).
    @discardableResult
    static func storeCatalog(_ catalog: Catalog, mode: CatalogImportMode, in db: Database) throws -> CatalogImportSummary {
        try write(CatalogWritePlan(catalog, mode: mode, stored: try loadCatalog(db), revision: try revision(db)), in: db)
    }

    /// Carries out a plan: bulk deletes, updates and inserts through prepared statements, nothing else.
    static func write(_ plan: CatalogWritePlan, in db: Database) throws -> CatalogImportSummary {
        var summary = plan.summary
        // A large catalog's B-trees outgrow SQLite's default 2 MiB page cache, and pages spilled in the
        // middle of the transaction cost about a quarter of a 100,000-item write: 64 MiB while it lasts.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        let deleteItem = try db.cachedStatement(sql: "DELETE FROM catalog_item WHERE code = ?")
        for code in plan.removedCodes { try deleteItem.execute(arguments: [code]) }

        var nextDepartment = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM catalog_department") ?? -1) + 1
        let renameDepartment = try db.cachedStatement(sql: "UPDATE catalog_department SET name = ? WHERE code = ?")
        let insertDepartment = try db.cachedStatement(sql: "INSERT INTO catalog_department(code, name, position) VALUES (?, ?, ?)")
        for department in plan.renamedDepartments { try renameDepartment.execute(arguments: [department.name, department.code]) }
        for department in plan.newDepartments {
            try insertDepartment.execute(arguments: [department.code, department.name, nextDepartment])
            nextDepartment += 1
        }

        var nextItem = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM catalog_item") ?? -1) + 1
        let deleteMaterials = try db.cachedStatement(sql: "DELETE FROM catalog_material WHERE item_code = ?")
        let updateItem = try db.cachedStatement(sql: "UPDATE catalog_item SET \(itemColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE code = ?")
        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO catalog_item(\(itemColumns.joined(separator: ", ")), code, position)
            VALUES (\(itemColumns.map { _ in "?" }.joined(separator: ", ")), ?, ?)
            """)
        let insertMaterial = try db.cachedStatement(sql: """
            INSERT INTO catalog_material(item_code, position, name, kind, form, copies, blank_form, sample,
                                         source, source_department_code, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in plan.changedItems {
            if row.isNew {
                try insertItem.execute(arguments: row.values + [row.code, nextItem])
                nextItem += 1
            } else {
                // Materials are replaced as a whole: the file's checklist is the published one.
                try deleteMaterials.execute(arguments: [row.code])
                try updateItem.execute(arguments: row.values + [row.code])
            }
            for material in row.materials { try insertMaterial.execute(arguments: material) }
        }

        if !plan.departmentsToDropIfUnused.isEmpty {
            let dropUnused = try db.cachedStatement(sql: """
                DELETE FROM catalog_department WHERE code = ?1
                    AND NOT EXISTS (SELECT 1 FROM catalog_item WHERE department_code = ?1)
                    AND NOT EXISTS (SELECT 1 FROM catalog_material WHERE source_department_code = ?1)
                """)
            for code in plan.departmentsToDropIfUnused { try dropUnused.execute(arguments: [code]) }
        }
        try db.execute(sql: "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
        summary.totalItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM catalog_item") ?? 0
        return summary
    }

    static let itemColumns = [
        "name", "item_type", "department_code", "legal_basis", "conditions", "process_steps",
        "statutory_limit", "statutory_unit", "statutory_extension", "promised_limit", "promised_unit",
        "fee_fen", "fee_basis", "visits_required", "online", "supervision_phone", "final_approver",
        "site_levels", "tolerance_allowed", "line_prefix",
    ]

    /// In the order of `itemColumns`.
    static func itemValues(_ item: CatalogItem) -> StatementArguments {
        [item.name, item.itemType.rawValue, item.departmentCode, item.legalBasis, item.conditions, jsonText(item.processSteps),
         item.statutoryLimit.count, item.statutoryLimit.unit.rawValue, item.statutoryExtension,
         item.promisedLimit.count, item.promisedLimit.unit.rawValue,
         item.fee?.amountFen, item.fee?.basis, item.visitsRequired, item.online, item.supervisionPhone,
         item.finalApprover.rawValue, jsonText(item.sortedSiteLevels.map(\.rawValue)), item.toleranceAllowed, item.linePrefix]
    }

    static func materialValues(_ m: ItemMaterial, code: String, position: Int) -> StatementArguments {
        [code, position, m.name, m.kind.rawValue, m.form.rawValue, m.copies, m.blankFormAvailable,
         m.sampleAvailable, m.source.rawValue, m.sourceDepartmentCode, m.notes]
    }

    private static func jsonText(_ strings: [String]) -> String {
        // Arrays of strings always encode; should one not, the empty list is stored rather than a trap.
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    // MARK: Reading

    static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT revision FROM catalog_revision WHERE id = 1") ?? 0
    }

    static func loadCatalog(_ db: Database) throws -> Catalog {
        let departments = try Row.fetchAll(db, sql: "SELECT code, name FROM catalog_department ORDER BY position").map {
            Department(code: $0["code"], name: $0["name"])
        }
        var materials: [String: [ItemMaterial]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM catalog_material ORDER BY item_code, position") {
            materials[row["item_code"], default: []].append(try material(row))
        }
        let items = try Row.fetchAll(db, sql: "SELECT * FROM catalog_item ORDER BY position").map { row in
            try item(row, materials: materials[row["code"]] ?? [])
        }
        return Catalog(departments: departments, items: items)
    }

    private static func item(_ row: Row, materials: [ItemMaterial]) throws -> CatalogItem {
        let feeFen: Int? = row["fee_fen"]
        let levels = try strings(row, "site_levels").map { try decode(SiteLevel.self, $0, "catalog_item", "site_levels") }
        return CatalogItem(
            implementationCode: row["code"],
            name: row["name"],
            itemType: try decode(ItemType.self, row["item_type"], "catalog_item", "item_type"),
            departmentCode: row["department_code"],
            legalBasis: row["legal_basis"],
            conditions: row["conditions"],
            processSteps: try strings(row, "process_steps"),
            statutoryLimit: TimeLimit(row["statutory_limit"], try decode(TimeLimitUnit.self, row["statutory_unit"], "catalog_item", "statutory_unit")),
            statutoryExtension: row["statutory_extension"],
            promisedLimit: TimeLimit(row["promised_limit"], try decode(TimeLimitUnit.self, row["promised_unit"], "catalog_item", "promised_unit")),
            fee: feeFen.map { Fee(amountFen: $0, basis: row["fee_basis"] ?? "") },
            visitsRequired: row["visits_required"],
            online: row["online"],
            supervisionPhone: row["supervision_phone"],
            finalApprover: try decode(ApproverLevel.self, row["final_approver"], "catalog_item", "final_approver"),
            allowedSiteLevels: Set(levels),
            toleranceAllowed: row["tolerance_allowed"],
            linePrefix: row["line_prefix"],
            materials: materials)
    }

    private static func material(_ row: Row) throws -> ItemMaterial {
        ItemMaterial(
            name: row["name"],
            kind: try decode(MaterialKind.self, row["kind"], "catalog_material", "kind"),
            form: try decode(MaterialForm.self, row["form"], "catalog_material", "form"),
            copies: row["copies"],
            blankFormAvailable: row["blank_form"],
            sampleAvailable: row["sample"],
            source: try decode(MaterialSource.self, row["source"], "catalog_material", "source"),
            sourceDepartmentCode: row["source_department_code"],
            notes: row["notes"])
    }

    static func decode<T: RawRepresentable<String>>(_: T.Type, _ text: String, _ table: String, _ column: String) throws -> T {
        guard let value = T(rawValue: text) else { throw CatalogStorageError(table: table, column: column, value: text) }
        return value
    }

    private static func strings(_ row: Row, _ column: String) throws -> [String] {
        let text: String = row[column]
        guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw CatalogStorageError(table: "catalog_item", column: column, value: text)
        }
        return list
    }
}
