import Foundation

/// The file locks the Linux kernel lists in /proc/locks (readable by every account): who holds a lock on
/// which file, by device and inode (an inode number alone repeats across file systems). Used to name the
/// process holding the open lock, and to count the processes that have the hall open (each SQLite connection
/// in WAL mode holds a shared lock on the `-shm` file while open).
enum ProcLocks {
    /// A file system, as /proc/locks names it: major and minor device numbers (printed there in hex).
    struct Device: Hashable {
        var major: UInt32
        var minor: UInt32

        /// From `stat`'s `st_dev` (glibc's encoding: the `major()` and `minor()` macros, which Swift does not import).
        init(_ dev: UInt64) {
            major = UInt32(truncatingIfNeeded: ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff)))
            minor = UInt32(truncatingIfNeeded: (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff)))
        }

        init(major: UInt32, minor: UInt32) { self.major = major; self.minor = minor }
    }

    /// The file a lock is on.
    struct FileID: Hashable {
        var device: Device
        var inode: UInt64

        init(device: Device, inode: UInt64) { self.device = device; self.inode = inode }
        init(_ info: stat) { self.init(device: Device(UInt64(info.st_dev)), inode: UInt64(info.st_ino)) }
    }

    struct Entry: Equatable {
        /// FLOCK, POSIX or OFDLCK.
        var kind: String
        var pid: Int32
        var file: FileID
    }

    static func entries(_ text: String? = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) -> [Entry] {
        guard let text else { return [] }
        return text.split(separator: "\n").compactMap { line in
            // "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF" (major:minor in hex, the inode in decimal);
            // a waiting lock reads "1: -> POSIX …".
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).filter { $0 != "->" }
            guard fields.count >= 6, let pid = Int32(fields[4]) else { return nil }
            let parts = fields[5].split(separator: ":")
            guard parts.count == 3, let major = UInt32(parts[0], radix: 16), let minor = UInt32(parts[1], radix: 16),
                  let inode = UInt64(parts[2]) else { return nil }
            return Entry(kind: String(fields[1]), pid: pid, file: FileID(device: Device(major: major, minor: minor), inode: inode))
        }
    }

    /// The processes holding a lock of `kind` on the file at `path` (none when it does not exist).
    static func holders(of path: String, kind: String) -> [Int32] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return holders(of: FileID(info), kind: kind)
    }

    static func holders(of file: FileID, kind: String, in entries: [Entry] = entries()) -> [Int32] {
        Array(Set(entries.filter { $0.kind == kind && $0.file == file && $0.pid > 0 }.map(\.pid))).sorted()
    }
}
