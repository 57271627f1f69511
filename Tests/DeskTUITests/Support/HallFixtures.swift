import Foundation
import HallModel
import Queue
@testable import DeskTUI

/// Fixed hall data for the kiosk and board snapshots: Chinese line names beside an ASCII one, a closed
/// line, a full line and a line no window serves.
enum HallFixtures {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-02-12 09:30:00 +08:00.
    static let now = Date(timeIntervalSince1970: 1_770_859_800)

    static func context(_ language: Language, _ width: Int, _ height: Int) -> RenderContext {
        RenderContext(language: language, now: now, size: Size(width: width, height: height))
    }

    static func line(_ id: Int64, _ prefix: String, _ name: String, open: Bool = true, cap: Int? = nil) -> ServiceLine {
        ServiceLine(id: id, prefix: prefix, name: name, targetWaitMinutes: 15, dailyCap: cap, isOpen: open)
    }

    static let kioskView = KioskView(hallName: "城东区政务服务中心", timeZone: shanghai, lines: [
        KioskLine(line: line(1, "A", "综合受理"), waiting: 3, estimatedWaitMinutes: 12, windowsServing: 2, issuedToday: 17),
        KioskLine(line: line(2, "B", "Business start-up"), waiting: 0, estimatedWaitMinutes: 0, windowsServing: 1, issuedToday: 4),
        KioskLine(line: line(3, "C", "工程建设项目", open: false), waiting: 1, estimatedWaitMinutes: 15, windowsServing: 1, issuedToday: 9),
        KioskLine(line: line(4, "D", "城乡居民基本养老保险", cap: 50), waiting: 8, estimatedWaitMinutes: 40, windowsServing: 1, issuedToday: 50),
        KioskLine(line: line(5, "E", "不动产登记"), waiting: 2, estimatedWaitMinutes: nil, windowsServing: 0, issuedToday: 2,
                   unservedReason: .noWindowOpen),
    ])

    static let slip = KioskSlip(code: "A018", linePrefix: "A", lineName: "综合受理", priority: .elderly, ahead: 3,
                                estimatedWaitMinutes: 12, issuedAt: now, hallName: "城东区政务服务中心",
                                timeZone: shanghai)

    static func announcement(_ id: Int64, _ code: String, window: Int, recall: Bool = false, minutesAgo: Double = 0) -> BoardView.Announcement {
        BoardView.Announcement(id: id, at: now.addingTimeInterval(-minutesAgo * 60), code: code, window: window, isRecall: recall)
    }

    static func boardView(_ announcements: [BoardView.Announcement], windows: [BoardView.WindowRow] = HallFixtures.windows) -> BoardView {
        BoardView(hallName: "城东区政务服务中心", timeZone: shanghai, lines: [
            .init(prefix: "A", name: "综合受理", isOpen: true, waiting: 3),
            .init(prefix: "B", name: "Business start-up", isOpen: true, waiting: 0),
            .init(prefix: "C", name: "工程建设项目", isOpen: false, waiting: 1),
            .init(prefix: "E", name: "不动产登记", isOpen: true, waiting: 12, unservedReason: .noWindowOpen),
        ], announcements: announcements, windows: windows)
    }

    static let windows: [BoardView.WindowRow] = [
        .init(number: 1, name: "综合受理一", activity: .serving(code: "A011")),
        .init(number: 2, name: "综合受理二", activity: .paused),
        .init(number: 3, name: "企业开办一", activity: .calling(code: "A012")),
        .init(number: 5, name: "工程建设项目", activity: .serving(code: "B004")),
        .init(number: 6, name: "社会事务", activity: .idle),
    ]

    static let calls = [announcement(7, "A012", window: 3), announcement(6, "B004", window: 5, minutesAgo: 1),
                        announcement(5, "A011", window: 1, recall: true, minutesAgo: 2), announcement(4, "A011", window: 1, minutesAgo: 3)]
}

extension CellGrid {
    /// The display column where `needle` starts on row `y`, or nil.
    func column(of needle: String, y: Int) -> Int? {
        var text = "", columns: [Int] = []
        for x in 0..<width where !self[x, y].isContinuation {
            for ch in self[x, y].grapheme { text.append(ch); columns.append(x) }
        }
        guard let range = text.range(of: needle) else { return nil }
        return columns[text.distance(from: text.startIndex, to: range.lowerBound)]
    }

    /// Rows that hold at least one big-digit cell.
    func rowsWithRole(_ role: StyleRole) -> [Int] {
        (0..<height).filter { y in (0..<width).contains { self[$0, y].role == role } }
    }
}
