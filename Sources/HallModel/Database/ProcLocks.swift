import Foundation

/// The file locks the Linux kernel lists in /proc/locks (readable by every account): who holds a lock on
/// which file, by inode. Used to name the process holding the open lock, and to count the processes that
/// have the hall open (each SQLite connection in WAL mode holds a shared lock on the `-shm` file while open).
enum ProcLocks {
    struct Entry: Equatable {
        /// FLOCK, POSIX or OFDLCK.
        var kind: String
        var pid: Int32
        var inode: UInt64
    }

    static func entries(_ text: String? = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) -> [Entry] {
        guard let text else { return [] }
        return text.split(separator: "\n").compactMap { line in
            // "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"; a waiting lock reads "1: -> POSIX …".
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).filter { $0 != "->" }
            guard fields.count >= 6, let pid = Int32(fields[4]),
                  let inode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }) else { return nil }
            return Entry(kind: String(fields[1]), pid: pid, inode: inode)
        }
    }

    /// The processes holding a lock of `kind` on the file at `path` (none when it does not exist).
    static func holders(of path: String, kind: String) -> [Int32] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return holders(inode: UInt64(info.st_ino), kind: kind)
    }

    static func holders(inode: UInt64, kind: String) -> [Int32] {
        Array(Set(entries().filter { $0.kind == kind && $0.inode == inode && $0.pid > 0 }.map(\.pid))).sorted()
    }
}
