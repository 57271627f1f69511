import DeskTUI
import Foundation
import Queue

/// A test card for a terminal: mixed Chinese/ASCII columns that must line up, every style role,
/// frame lines, big digits and the clock. For checking a hall terminal, not for the hall.
struct TUIDemoScreen: Screen {
    enum Effect { case quit }

    var lastKey: Key?
    var polls = 0
    var minimumSize: Size { Size(width: 60, height: 20) }

    mutating func handle(_ key: Key) -> [Effect] {
        lastKey = key
        return key == .char("q") || key == .escape ? [.quit] : []
    }

    func render(into grid: inout CellGrid, context: RenderContext) {
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1)])
        let clock = Self.clockFormat.string(from: context.now)
        grid.put(" HallDesk 政务服务中心", in: rows[0], role: .title)
        grid.put(clock + " ", in: Rect(x: rows[0].maxX - 9, y: 0, width: 9, height: 1), role: .title, alignment: .right)

        let columns = rows[1].splitColumns([.fixed(34), .fill()])
        let table = columns[0]
        grid.box(table, title: "窗口 Windows")
        let data = [("1", "张三", "A001", "serving"), ("12", "Li Si", "B012", "叫号中"), ("3", "欧阳修文", "A1000", "暂停")]
        var y = table.y + 1
        grid.put(TextFitting.pad("No", to: 3) + TextFitting.pad("姓名", to: 10) + TextFitting.pad("票号", to: 7) + "状态", x: table.x + 1, y: y, role: .header, limit: table.maxX - 1)
        for (n, name, ticket, state) in data {
            y += 1
            let line = TextFitting.pad(n, to: 3) + TextFitting.pad(name, to: 10, marker: TextFitting.ellipsis) + TextFitting.pad(ticket, to: 7) + state
            grid.put(line, x: table.x + 1, y: y, limit: table.maxX - 1)
        }
        grid.paint(Rect(x: table.x + 1, y: table.y + 3, width: table.width - 2, height: 1), role: .selected)
        y += 2
        let roles = StyleRole.allCases.filter { $0 != .normal && $0 != .bigDigit }
        var x = table.x + 1
        for role in roles {
            let label = role.rawValue
            if x + label.displayWidth >= table.maxX - 1 { x = table.x + 1; y += 1 }
            guard y < table.maxY - 1 else { break }
            x = grid.put(label, x: x, y: y, role: role) + 1
        }

        let board = columns[1].inset(dx: 1, dy: 1)
        grid.put("请 A1000 到 3 号窗口", x: board.x, y: board.y, role: .highlight)
        BigText.render("A1000", into: &grid, x: board.x, y: board.y + 2)
        BigText.render("3", into: &grid, x: board.x, y: board.y + 8)
        let keyText = lastKey.map { "\($0)" } ?? "-"
        grid.put("key: \(keyText)  polls: \(polls)", x: board.x, y: board.y + 14, role: .muted, limit: board.maxX)

        let hint = context.language == .zh ? "q 退出  任意键显示键名" : "q quit  any key shows its name"
        grid.put(" " + hint, in: rows[2], role: .statusInfo)
    }

    private static let clockFormat: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f
    }()
}
