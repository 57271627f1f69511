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
    /// A hall database with damaged pages (SQLite's corruption error, or `PRAGMA quick_check` failing).
    case damaged(String)
    case readOnly(String)
    case cannotOpen(path: String, detail: Bilingual)
    case diskFull(String)
    case ioError(String)
    case openLockHeld(lockFile: String, holder: Int32?)
    /// `flock` on the open lock failed for another reason than a holder (ENOLCK: a file system without locks).
    case lockUnsupported(lockFile: String, errno: Int32)
    case notAHall(String)
    case foreignDatabase(String)
    /// Any other SQLite failure, named by its (extended) result code, never by SQLite's English text.
    case sqlite(code: Int32)

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
        case .damaged(let p):
            return .init(en: """
                The hall database '\(p)' is damaged; HallDesk writes nothing to it. Stop every desk on this file, keep a \
                copy (cp '\(p)' '\(p).damaged'), then either restore the last backup or recover what is readable: \
                sqlite3 '\(p).damaged' .recover | sqlite3 '\(p).recovered', check it with \
                'desk audit verify --db \(p).recovered' and move it into place.
                """,
                         zh: """
                大厅数据库“\(p)”已损坏，HallDesk 不再向其写入。请停止使用此文件的所有终端，先保留一份副本\
                （cp '\(p)' '\(p).damaged'），然后从最近的备份恢复，或恢复可读部分：\
                sqlite3 '\(p).damaged' .recover | sqlite3 '\(p).recovered'，用 desk audit verify --db \(p).recovered \
                检查后再替换原文件。
                """)
        case .sqlite(let code):
            return .init(en: "The hall database reported an error (SQLite code \(code)); nothing was written.",
                         zh: "大厅数据库出错（SQLite 错误码 \(code)），本次操作未写入。")
        case .readOnly(let p):
            return .init(en: "The hall database '\(p)' is read-only here; check the file's and folder's permissions.",
                         zh: "大厅数据库“\(p)”在此处只读，请检查文件及其目录的权限。")
        case .cannotOpen(let p, let detail):
            return .init(en: "Cannot open the hall database '\(p)': \(detail.en).", zh: "无法打开大厅数据库“\(p)”：\(detail.zh)。")
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
        case .lockUnsupported(let file, let code):
            let reason = code == ENOLCK ? Bilingual(en: "its file system does not support locks (a network share?)", zh: "所在文件系统不支持文件锁（网络共享盘？）")
                                        : Bilingual(en: "system error \(code)", zh: "系统错误 \(code)")
            return .init(en: "The hall database cannot be locked: '\(file)' cannot be locked, \(reason.en). Keep the hall on a local disk (README, \"Deploying in a hall\").",
                         zh: "无法锁定大厅数据库：“\(file)”无法加锁，\(reason.zh)。请将大厅数据库放在本机磁盘上（见 README“Deploying in a hall”）。")
        case .ioError(let p):
            return .init(en: "The disk failed while using the hall database '\(p)'; nothing was written. Check the disk, then try again.",
                         zh: "读写大厅数据库“\(p)”时磁盘出错，本次操作未写入。请检查磁盘后重试。")
        }
    }

    /// What any error means to a person, in both languages: ours say it themselves; SQLite's by their code and
    /// the system's by their reason (never their English text).
    public static func message(for error: Error) -> Bilingual {
        switch error {
        case let e as UserFacingError: e.message
        case let e as DatabaseError: HallDatabaseError.sqlite(code: e.extendedResultCode.rawValue).message
        case let e as CocoaError:
            Bilingual(en: "A file could not be used: \(FileProblem.reason(e, path: e.filePath ?? "").en).",
                      zh: "无法使用文件：\(FileProblem.reason(e, path: e.filePath ?? "").zh)。")
        default: Bilingual(en: "Unexpected failure: \(error)", zh: "意外错误（\(type(of: error))）")
        }
    }

    /// Maps SQLite's result codes to what they mean for the hall (never SQLite's English text); other errors
    /// pass through unchanged.
    public static func wrap(_ error: Error, path: String) -> Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return HallDatabaseError.locked(path)
        case .SQLITE_CORRUPT: return HallDatabaseError.damaged(path)
        case .SQLITE_NOTADB: return HallDatabaseError.corrupt(path)
        case .SQLITE_READONLY: return HallDatabaseError.readOnly(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return HallDatabaseError.cannotOpen(path: path, detail: openProblem(path))
        case .SQLITE_FULL: return HallDatabaseError.diskFull(path)
        // A write that fails for want of space may come back as an I/O error (ENOSPC on the WAL or a temp file).
        case .SQLITE_IOERR: return isDiskFull(near: path) ? HallDatabaseError.diskFull(path) : HallDatabaseError.ioError(path)
        default: return error
        }
    }

    /// Why SQLite could not open `path`, found by asking the system the same question (SQLite's own text is
    /// English: "unable to open database file").
    static func openProblem(_ path: String) -> Bilingual {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { return FileProblem.reason(CocoaError(.fileReadUnknown), path: path) }
        if access(exists ? path : directory, exists ? (R_OK | W_OK) : (W_OK | X_OK)) != 0 || (exists && access(directory, W_OK | X_OK) != 0) {
            return FileProblem.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(errno)), path: path)
        }
        if isDiskFull(near: path) { return FileProblem.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)), path: path) }
        return Bilingual(en: "SQLite cannot open it", zh: "SQLite 无法打开该文件")
    }

    /// Whether the file system holding `path` has (almost) no room left: fewer free blocks than a few pages.
    public static func isDiskFull(near path: String) -> Bool {
        var info = statvfs()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(directory, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 64 * 1024
    }
}
