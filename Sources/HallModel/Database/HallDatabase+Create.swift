import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Makes a new hall at `path` all or nothing: the file is built beside it under a temporary name, set up by
    /// `setUp`, closed, and only then given its name (with `link`, which never replaces a file someone else
    /// created meanwhile). A failure — the disk filling up half-way, say — leaves no half-made hall behind.
    /// Returns nil when another process created `path` first (the caller then opens that one).
    public static func createAtomically(path: String, clock: HallClock = .system,
                                        setUp: (HallDatabase) throws -> Void) throws -> HallDatabase? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { removeFiles(of: temporary) }
        do {
            let building = try open(path: temporary, clock: clock, create: true)
            try setUp(building)
            try building.close()
        } catch {
            throw wrap(error, path: path, renaming: temporary)
        }
        var failure: Int32 = link(temporary, path) == 0 ? 0 : errno
        if failure == EEXIST { return nil }
        // A file system without hard links: rename, after checking nobody made the hall meanwhile.
        if failure == EPERM || failure == EOPNOTSUPP || failure == ENOSYS {
            if FileManager.default.fileExists(atPath: path) { return nil }
            failure = rename(temporary, path) == 0 ? 0 : errno
        }
        if failure != 0 {
            if failure == ENOSPC { throw HallDatabaseError.diskFull(path) }
            throw HallDatabaseError.cannotOpen(path: path, detail: FileProblem.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(failure)), path: path))
        }
        return try open(path: path, clock: clock, create: false)
    }

    /// Copies the WAL into the file (waiting for readers) and closes the connections: the file is then complete
    /// on its own, without its `-wal`.
    public func close() throws {
        do {
            try writer.writeWithoutTransaction { db in
                let (log, copied) = try db.checkpoint(.truncate)
                if log != copied { throw HallDatabaseError.locked(path) }
            }
            try writer.close()
        } catch {
            throw HallDatabaseError.wrap(error, path: path)
        }
    }

    /// Removes a database file with its WAL, shared-memory and open-lock companions (whichever exist).
    static func removeFiles(of path: String) {
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] { unlink(path + suffix) }
    }

    /// An error about the temporary file, told about the hall's own path.
    private static func wrap(_ error: Error, path: String, renaming temporary: String) -> Error {
        switch error {
        case HallDatabaseError.diskFull: HallDatabaseError.diskFull(path)
        case HallDatabaseError.ioError: HallDatabaseError.isDiskFull(near: path) ? HallDatabaseError.diskFull(path) : HallDatabaseError.ioError(path)
        case let e as HallDatabaseError: e
        default: error
        }
    }
}
