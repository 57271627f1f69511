import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes a screen when some process commits to the hall file, so screens need not ask `PRAGMA data_version`
/// several times a second (docs/TUI.md, "Waking on a commit"). Linux inotify on the file's folder, for the
/// hall's `.lock` file, whose time stamp every `HallDatabase.perform` sets after its commit (`ring`).
///
/// Why not watch the `-wal` file: a commit writes it first and becomes visible only after its fsync and the
/// `-shm` index update (through `mmap`, which inotify does not report). A screen woken by the WAL write looks
/// too early under load, finds nothing, and then waits for its next poll, a second later; that was the slow
/// tail of call → board. The ring comes after the commit, so one look finds it. A program that writes the file
/// without ringing (the `sqlite3` shell) is still seen by the poll, within a second.
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
        let mask = UInt32(IN_ATTRIB | IN_CREATE | IN_MOVED_TO)
        guard inotify_add_watch(fd, url.deletingLastPathComponent().path, mask) >= 0 else {
            close(fd)
            return nil
        }
        fileDescriptor = fd
        names = [Self.beaconName(databasePath)]
    }

    /// The file whose time stamp a commit sets: the open lock beside the database (`MigrationLock`), which
    /// every terminal can already write (docs/SECURITY.md), so the ring adds no file to the hall's folder.
    static func beaconName(_ databasePath: String) -> String { URL(fileURLWithPath: databasePath).lastPathComponent + ".lock" }

    /// Tells every screen watching this hall that a commit is visible: sets the `.lock` file's times to now
    /// (one `utimensat`, no data written). Best effort: a folder the process cannot write only means screens
    /// see the commit at their next poll.
    static func ring(databasePath: String) {
        _ = utimensat(AT_FDCWD, databasePath + ".lock", nil, 0)
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
