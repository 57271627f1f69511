import DeskTUI
import Foundation
import HallModel
import Queue

/// The catalog screen on a large list: each keystroke is a search of the in-memory index plus a whole
/// frame, measured together, as a clerk typing a Chinese name, a code and corrections would cause them.
enum CatalogBench {
    /// The demo catalog repeated with distinct codes and names until it has `count` items.
    static func catalog(items count: Int) -> Catalog {
        let demo = DemoCatalog.catalog
        var items: [CatalogItem] = []
        var round = 0
        while items.count < count {
            for var item in demo.items where items.count < count {
                if round > 0 {
                    item.implementationCode += "-\(round)"
                    item.name += "（第\(round)批）"
                }
                items.append(item)
            }
            round += 1
        }
        return Catalog(departments: demo.departments, items: items)
    }

    /// Milliseconds to build the screen's index (search bytes, pinyin keys, short codes) for `count` items:
    /// the first build in a process pays ICU's start-up, a later one (the next catalog revision) does not.
    static func indexBuildMilliseconds(items count: Int) -> (first: Double, next: Double) {
        let catalog = catalog(items: count)
        let first = elapsedMilliseconds { _ = CatalogIndex(catalog) }
        let next = elapsedMilliseconds { _ = CatalogIndex(catalog) }
        return (first, next)
    }

    /// Milliseconds per keystroke (search + render), one sample per key.
    static func keystrokeLatencies(items count: Int, rounds: Int) -> [Double] {
        let index = CatalogIndex(catalog(items: count))
        let size = Size(width: 100, height: 30)
        let context = RenderContext(language: .zh, now: Date(), size: size)
        var keys: [Key] = []
        for text in ["食品经营许可", "4000010006", "区市场", "建设工程", "shipin", "spxk"] {
            keys += text.map { .char($0) }
            keys += Array(repeating: .backspace, count: text.count)
        }
        keys += [.char("许"), .char("可"), .pageDown, .pageDown, .down, .enter, .pageDown, .escape, .escape]
        var samples: [Double] = []
        var screen = CatalogScreen(index: index)
        screen.viewport = size
        for _ in 0..<rounds {
            for key in keys {
                samples.append(elapsedMilliseconds {
                    _ = screen.handle(key)
                    _ = screen.frame(context: context)
                })
            }
        }
        return samples
    }
}

/// A catalog import's write transaction — the time a kiosk's ticket waits behind it — against the same
/// rows inserted with bare SQLite prepared statements in one IMMEDIATE transaction.
extension CatalogBench {
    /// Milliseconds the engine's import held the write lock (a new catalog of `count` items into a hall
    /// with none: every row an insert), median of `rounds`.
    static func importWriteMilliseconds(folder: String, items count: Int, rounds: Int) throws -> Double {
        let catalog = catalog(items: count)
        var samples: [Double] = []
        for round in 0..<rounds {
            let database = try QueueBench.cycleHall(folder + "/catalog-engine-\(count)-\(round).sqlite")
            var held = 0.0
            try database.importCatalog(catalog, by: try QueueBench.actor(database), writeTime: { held = $0 })
            samples.append(held)
        }
        return percentile(samples, 0.5)
    }

    /// The same rows through bare SQLite: departments, items and materials, one IMMEDIATE transaction.
    static func rawImportWriteMilliseconds(folder: String, items count: Int, rounds: Int) throws -> Double {
        let catalog = catalog(items: count)
        func json(_ strings: [String]) -> String { String(decoding: (try? JSONEncoder().encode(strings)) ?? Data(), as: UTF8.self) }
        let departments: [[Any?]] = catalog.departments.enumerated().map { [$1.code, $1.name, $0] }
        let items: [[Any?]] = catalog.items.enumerated().map { position, item in
            [item.implementationCode, position, item.name, item.itemType.rawValue, item.departmentCode, item.legalBasis,
             item.conditions, json(item.processSteps), item.statutoryLimit.count, item.statutoryLimit.unit.rawValue,
             item.statutoryExtension, item.promisedLimit.count, item.promisedLimit.unit.rawValue, item.fee?.amountFen,
             item.fee?.basis, item.visitsRequired, item.online ? 1 : 0, item.supervisionPhone, item.finalApprover.rawValue,
             json(item.sortedSiteLevels.map(\.rawValue)), item.toleranceAllowed ? 1 : 0, item.linePrefix]
        }
        let materials: [[Any?]] = catalog.items.flatMap { item in
            item.materials.enumerated().map { position, m in
                [item.implementationCode, position, m.name, m.kind.rawValue, m.form.rawValue, m.copies, m.blankFormAvailable ? 1 : 0,
                 m.sampleAvailable ? 1 : 0, m.source.rawValue, m.sourceDepartmentCode, m.notes] as [Any?]
            }
        }
        var samples: [Double] = []
        for round in 0..<rounds {
            let path = folder + "/catalog-raw-\(count)-\(round).sqlite"
            _ = try QueueBench.cycleHall(path)
            let raw = try RawSQLiteBaseline(path: path)
            samples.append(try elapsedMilliseconds { try raw.insertCatalog(departments: departments, items: items, materials: materials) })
        }
        return percentile(samples, 0.5)
    }
}
