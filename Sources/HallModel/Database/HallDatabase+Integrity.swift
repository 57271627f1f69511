import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// `PRAGMA quick_check`: every page of the file is readable and well-formed (indexes are not compared with
    /// their tables, which is what makes it quick). Screens and `desk init` run it when they open the file and
    /// refuse a damaged one (`HallDatabaseError.damaged`, with the recovery steps); one-shot commands rely on
    /// SQLite's own corruption error, mapped to the same message (README, "The file survives every mishap").
    public func checkIntegrity() throws {
        let findings = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(1)") }
        if findings != ["ok"] { throw HallDatabaseError.damaged(path) }
    }

    /// The other processes that have the hall open now. Every SQLite connection in WAL mode holds a shared
    /// lock on the `-shm` file for as long as it is open, and /proc/locks lists those locks with their process
    /// for every account to read (Linux). Empty where there is no /proc.
    public static func otherProcessesUsing(path: String) -> [Int32] {
        ProcLocks.holders(of: path + "-shm", kind: "POSIX").filter { $0 != getpid() }
    }
}
