import Foundation
import GRDB
import Queue

/// Why the hall database cannot be used, in words a clerk or the person setting up the hall can act on.
public enum HallDatabaseError: UserFacingError, Equatable {
    case missingDirectory(String)
    case notFound(String)
    case newerVersion(path: String)
    case locked(String)
    case corrupt(String)
    case readOnly(String)
    case cannotOpen(path: String, detail: String)
    case diskFull(String)
    case ioError(String)
    case openLockHeld(lockFile: String, holder: Int32?)
    case notAHall(String)
    case foreignDatabase(String)

    public var message: Bilingual {
        switch self {
        case .missingDirectory(let d):
            return .init(en: "The folder '\(d)' for the hall database does not exist.", zh: "存放大厅数据库的目录“\(d)”不存在。")
        case .notFound(let p):
            return .init(en: "No hall database at '\(p)': create one with 'desk init' (or 'desk init --demo').",
                         zh: "“\(p)”没有大厅数据库：请先运行 desk init（或 desk init --demo）创建。")
        case .newerVersion(let p):
            return .init(en: "The hall database '\(p)' was written by a newer HallDesk; update this program before using it.",
                         zh: "大厅数据库“\(p)”由更新版本的 HallDesk 写入，请先升级本程序。")
        case .locked(let p):
            return .init(en: "The hall database '\(p)' stayed locked by another program; try again.",
                         zh: "大厅数据库“\(p)”一直被其他程序锁定，请稍后重试。")
        case .corrupt(let p):
            return .init(en: "'\(p)' is not a readable hall database (damaged or not SQLite). Restore it from a backup.",
                         zh: "“\(p)”不是可读的大厅数据库（已损坏或不是 SQLite 文件），请从备份恢复。")
        case .readOnly(let p):
            return .init(en: "The hall database '\(p)' is read-only here; check the file's and folder's permissions.",
                         zh: "大厅数据库“\(p)”在此处只读，请检查文件及其目录的权限。")
        case .cannotOpen(let p, let detail):
            return .init(en: "Cannot open the hall database '\(p)': \(detail)", zh: "无法打开大厅数据库“\(p)”：\(detail)")
        case .diskFull(let p):
            return .init(en: "The disk holding the hall database '\(p)' is full; nothing was written. Free some space and try again.",
                         zh: "大厅数据库“\(p)”所在磁盘已满，本次操作未写入。请清理磁盘空间后重试。")
        case .notAHall(let p):
            return .init(en: "'\(p)' is not a hall database (it is empty); create a hall with 'desk init --db \(p)'.",
                         zh: "“\(p)”不是大厅数据库（文件为空）；请用 desk init --db \(p) 创建大厅。")
        case .foreignDatabase(let p):
            return .init(en: "'\(p)' is another program's database, not a hall's; HallDesk leaves it alone. Give the hall's own file.",
                         zh: "“\(p)”是其他程序的数据库，不是大厅数据库；HallDesk 不会改动它。请指定大厅自己的文件。")
        case .openLockHeld(let file, let holder):
            let who = holder.map { Bilingual(en: " by process \($0)", zh: "（进程 \($0)）") } ?? Bilingual(en: "", zh: "")
            return .init(en: "The hall database is being opened by another program that does not finish: '\(file)' stays locked\(who.en). Check that program (stopped with Ctrl-Z?), then try again.",
                         zh: "另一个程序打开大厅数据库后迟迟未完成：“\(file)”一直被锁定\(who.zh)。请检查该程序（是否被 Ctrl-Z 暂停？）后重试。")
        case .ioError(let p):
            return .init(en: "The disk failed while using the hall database '\(p)'; nothing was written. Check the disk, then try again.",
                         zh: "读写大厅数据库“\(p)”时磁盘出错，本次操作未写入。请检查磁盘后重试。")
        }
    }

    /// Maps SQLite's result codes to what they mean for the hall; other errors pass through unchanged.
    public static func wrap(_ error: Error, path: String) -> Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return HallDatabaseError.locked(path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return HallDatabaseError.corrupt(path)
        case .SQLITE_READONLY: return HallDatabaseError.readOnly(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return HallDatabaseError.cannotOpen(path: path, detail: db.message ?? "\(db.resultCode)")
        case .SQLITE_FULL: return HallDatabaseError.diskFull(path)
        case .SQLITE_IOERR: return HallDatabaseError.ioError(path)
        default: return error
        }
    }
}
