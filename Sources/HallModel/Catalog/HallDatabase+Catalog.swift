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
        let head = Bilingual(en: "The catalog has \(errors.count) problem(s); nothing was imported.",
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
    @discardableResult
    public func importCatalog(_ catalog: Catalog, mode: CatalogImportMode = .merge, source: ImportSource? = nil,
                              by actor: Actor) throws -> CatalogImportSummary {
        let errors = catalog.validate()
        guard errors.isEmpty else { throw CatalogImportError(errors: errors) }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .importCatalog, by: actor)
            let summary = try Self.storeCatalog(catalog, mode: mode, in: db)
            try AuditLog.append(db, .catalogImport, by: actor, at: now, businessDate: try Self.today(db, now), detail: (source?.detail ?? [:]).merging([
                "mode": .string(mode == .merge ? "merge" : "replace"), "new_items": .int(summary.newItems),
                "updated_items": .int(summary.updatedItems), "unchanged_items": .int(summary.unchangedItems),
                "removed_items": .int(summary.removedItems), "new_departments": .int(summary.newDepartments), "total_items": .int(summary.totalItems),
            ]) { a, _ in a })
            return summary
        }
    }

    /// The stored catalog: departments and items in published order, each item with its materials.
    public func catalog() throws -> Catalog {
        try read { db in try Self.loadCatalog(db) }
    }

    public func item(code: String) throws -> CatalogItem? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM catalog_item WHERE code = ?", arguments: [code]) else { return nil }
            let materials = try Row.fetchAll(db, sql: "SELECT * FROM catalog_material WHERE item_code = ? ORDER BY position",
                                             arguments: [code]).map(Self.material)
            return try Self.item(row, materials: materials)
        }
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

    /// The import itself; the caller owns the transaction (`importCatalog`, or the demo hall's seeding).
    @discardableResult
    static func storeCatalog(_ catalog: Catalog, mode: CatalogImportMode, in db: Database) throws -> CatalogImportSummary {
        var summary = CatalogImportSummary()
        let stored = try loadCatalog(db)
        let storedItems = Dictionary(stored.items.map { ($0.implementationCode, $0) }, uniquingKeysWith: { first, _ in first })
        let storedDepartments = Set(stored.departments.map(\.code))
        let incomingCodes = Set(catalog.items.map(\.implementationCode))

        if mode == .replace {
            for item in stored.items where !incomingCodes.contains(item.implementationCode) {
                try db.execute(sql: "DELETE FROM catalog_item WHERE code = ?", arguments: [item.implementationCode])
                summary.removedItems += 1
            }
        }

        var nextDepartment = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM catalog_department") ?? -1) + 1
        for department in catalog.departments {
            if storedDepartments.contains(department.code) {
                try db.execute(sql: "UPDATE catalog_department SET name = ? WHERE code = ?", arguments: [department.name, department.code])
            } else {
                try db.execute(sql: "INSERT INTO catalog_department(code, name, position) VALUES (?, ?, ?)",
                               arguments: [department.code, department.name, nextDepartment])
                nextDepartment += 1
                summary.newDepartments += 1
            }
        }

        var nextItem = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM catalog_item") ?? -1) + 1
        for item in catalog.items {
            let code = item.implementationCode
            if let old = storedItems[code] {
                if old == item { summary.unchangedItems += 1; continue }
                // Materials are replaced as a whole: the file's checklist is the published one.
                try db.execute(sql: "DELETE FROM catalog_material WHERE item_code = ?", arguments: [code])
                try db.execute(sql: "UPDATE catalog_item SET \(itemColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE code = ?",
                               arguments: StatementArguments(itemValues(item) + [code]))
                summary.updatedItems += 1
            } else {
                try db.execute(sql: """
                    INSERT INTO catalog_item(code, position, \(itemColumns.joined(separator: ", ")))
                    VALUES (?, ?, \(itemColumns.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: StatementArguments([code, nextItem] + itemValues(item)))
                nextItem += 1
                summary.newItems += 1
            }
            for (position, m) in item.materials.enumerated() {
                try db.execute(sql: """
                    INSERT INTO catalog_material(item_code, position, name, kind, form, copies, blank_form, sample,
                                                 source, source_department_code, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [code, position, m.name, m.kind.rawValue, m.form.rawValue, m.copies, m.blankFormAvailable,
                                     m.sampleAvailable, m.source.rawValue, m.sourceDepartmentCode, m.notes])
            }
        }

        if mode == .replace {
            let keep = Set(catalog.departments.map(\.code))
            for code in storedDepartments where !keep.contains(code) {
                let used = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM catalog_item WHERE department_code = ?)
                        OR EXISTS (SELECT 1 FROM catalog_material WHERE source_department_code = ?)
                    """, arguments: [code, code]) ?? true
                if !used { try db.execute(sql: "DELETE FROM catalog_department WHERE code = ?", arguments: [code]) }
            }
        }
        try db.execute(sql: "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
        summary.totalItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM catalog_item") ?? 0
        return summary
    }

    private static let itemColumns = [
        "name", "item_type", "department_code", "legal_basis", "conditions", "process_steps",
        "statutory_limit", "statutory_unit", "statutory_extension", "promised_limit", "promised_unit",
        "fee_fen", "fee_basis", "visits_required", "online", "supervision_phone", "final_approver",
        "site_levels", "tolerance_allowed", "line_prefix",
    ]

    /// In the order of `itemColumns`.
    private static func itemValues(_ item: CatalogItem) -> [(any DatabaseValueConvertible)?] {
        [item.name, item.itemType.rawValue, item.departmentCode, item.legalBasis, item.conditions, jsonText(item.processSteps),
         item.statutoryLimit.count, item.statutoryLimit.unit.rawValue, item.statutoryExtension,
         item.promisedLimit.count, item.promisedLimit.unit.rawValue,
         item.fee?.amountFen, item.fee?.basis, item.visitsRequired, item.online, item.supervisionPhone,
         item.finalApprover.rawValue, jsonText(item.sortedSiteLevels.map(\.rawValue)), item.toleranceAllowed, item.linePrefix]
    }

    private static func jsonText(_ strings: [String]) -> String {
        // Arrays of strings always encode.
        String(decoding: try! JSONEncoder().encode(strings), as: UTF8.self)
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

    private static func decode<T: RawRepresentable<String>>(_: T.Type, _ text: String, _ table: String, _ column: String) throws -> T {
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
