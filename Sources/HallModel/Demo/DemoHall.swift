import Foundation
import GRDB
import Queue

/// The demo hall: a district approval bureau's hall with five service lines, eight windows of different
/// profiles, a clerk signed in at each window, a supervisor and the demo catalog. Seeded in one transaction.
public enum DemoHall {
    public static let lines: [(prefix: String, name: String, target: Int, service: Int)] = [
        ("A", "综合受理", 15, 6),
        ("B", "企业开办", 20, 10),
        ("C", "工程建设项目", 30, 15),
        ("D", "社会事务", 15, 6),
        ("E", "不动产登记", 20, 12),
    ]

    public static let staff: [(id: String, name: String, role: String)] = [
        ("S01", "王芳", "clerk"), ("S02", "李强", "clerk"), ("S03", "张伟", "clerk"), ("S04", "刘洋", "clerk"),
        ("S05", "陈静", "clerk"), ("S06", "杨磊", "clerk"), ("S07", "赵敏", "clerk"), ("S08", "黄丽", "clerk"),
        ("M01", "周建国", "supervisor"),
        ("R01", "孙志刚", "reviewer"), ("R02", "马丽娟", "reviewer"),
        ("P01", "吴晓燕", "agent"), ("P02", "郑海涛", "agent"), ("P03", "冯雪", "agent"),
    ]

    public static let windows: [(id: Int, name: String, lines: [(String, Double)], filter: WindowFilter, staff: String)] = [
        (1, "综合受理一", [("A", 1), ("D", 0.5)], .all, "S01"),
        (2, "综合受理二", [("A", 1), ("D", 1)], .all, "S02"),
        (3, "企业开办一", [("B", 1), ("A", 0.5)], .all, "S03"),
        (4, "企业开办二", [("B", 1)], .all, "S04"),
        (5, "工程建设项目", [("C", 1), ("B", 0.5)], .all, "S05"),
        (6, "社会事务", [("D", 1), ("A", 1)], .all, "S06"),
        (7, "不动产登记", [("E", 1)], .all, "S07"),
        (8, "优先窗口", [("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 1)], .priorityOnly, "S08"),
    ]

    /// Refused (nothing written) when the file already holds a hall: the check and the seeding are one
    /// transaction, so two processes seeding a fresh file at once cannot both do it.
    public static func seed(_ database: HallDatabase) throws {
        try database.perform { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM service_line") == 0 else {
                throw SetupError.alreadyConfigured(database.path)
            }
            try HallSettings(hallName: "城东区政务服务中心").save(db)
            for s in staff {
                try db.execute(sql: "INSERT INTO staff(id, name, role) VALUES (?, ?, ?)", arguments: [s.id, s.name, s.role])
            }
            for l in lines {
                try db.execute(sql: """
                    INSERT INTO service_line(prefix, name, target_wait_minutes, default_service_minutes) VALUES (?, ?, ?, ?)
                    """, arguments: [l.prefix, l.name, l.target, l.service])
            }
            for w in windows {
                try db.execute(sql: "INSERT INTO service_window(id, name, filter, state, staff_id) VALUES (?, ?, ?, 'open', ?)",
                               arguments: [w.id, w.name, w.filter.rawValue, w.staff])
                for (position, entry) in w.lines.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO window_line(window_id, line_id, position, weight)
                        SELECT ?, id, ?, ? FROM service_line WHERE prefix = ?
                        """, arguments: [w.id, position, entry.1, entry.0])
                }
            }
            // The demo's published list (148 items, 22 departments), in the same transaction.
            try HallDatabase.storeCatalog(DemoCatalog.catalog, mode: .merge, in: db)
        }
    }
}

public enum SetupError: UserFacingError, Equatable {
    case alreadyConfigured(String)
    public var message: Bilingual {
        switch self {
        case .alreadyConfigured(let p):
            .init(en: "'\(p)' already holds a hall; use --force to start over (its data will be lost).",
                  zh: "“\(p)”已有大厅数据；如需重建请加 --force（现有数据将丢失）。")
        }
    }
}
