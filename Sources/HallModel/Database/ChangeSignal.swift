import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes a screen when some process commits to the hall file, so screens need not ask `PRAGMA data_version`
/// several times a second (docs/TUI.md, "Waking on a commit"). Linux inotify on the file's folder, for the
/// database and its WAL: in WAL mode every commit writes the `-wal` file (the `-shm` index is written through
/// `mmap`, which inotify does not report), and a checkpoint writes the database.
///
/// The signal only says when to look: `data_version` stays the judge of whether another process committed
/// (our own commits and other files in the folder wake the screen too, and cost one PRAGMA). Not `Sendable`:
/// one screen's loop owns it.
public final class ChangeSignal {
    /// Readable when events are pending; hand it to `poll(2)`.
    public let fileDescriptor: Int32
    private let names: Set<String>
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// nil where inotify is unavailable (no watches left, a file system without it): screens then poll.
    public init?(databasePath: String) {
        let url = URL(fileURLWithPath: databasePath)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        guard inotify_add_watch(fd, url.deletingLastPathComponent().path, mask) >= 0 else {
            close(fd)
            return nil
        }
        fileDescriptor = fd
        names = [url.lastPathComponent, url.lastPathComponent + "-wal"]
    }

    deinit { close(fileDescriptor) }

    /// Reads every pending event (so `poll` stops reporting them); true when one concerns the hall's files.
    @discardableResult
    public func drain() -> Bool {
        var relevant = false
        let header = MemoryLayout<inotify_event>.size // wd, mask, cookie, len: 16 bytes, then the name
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            while offset + header <= count {
                let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if names.contains(String(decoding: nameBytes, as: UTF8.self)) { relevant = true }
                offset += header + length
            }
        }
    }
}

extension HallDatabase {
    /// A signal for commits to this hall's file, or nil where the system cannot give one.
    public func changeSignal() -> ChangeSignal? { ChangeSignal(databasePath: path) }
}
