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

    /// Milliseconds per keystroke (search + render), one sample per key.
    static func keystrokeLatencies(items count: Int, rounds: Int) -> [Double] {
        let index = CatalogIndex(catalog(items: count))
        let size = Size(width: 100, height: 30)
        let context = RenderContext(language: .zh, now: Date(), size: size)
        var keys: [Key] = []
        for text in ["食品经营许可", "4000010006", "区市场", "建设工程"] {
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
