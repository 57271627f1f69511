import Foundation
import GRDB
import Queue

/// The one owner of the hall database: the connection pool, the migrator, and every write that keeps the
/// hall's invariants (see the `HallDatabase+*.swift` files). Every user action is one IMMEDIATE transaction,
/// so many `desk` processes on one file serialise their writes and never see each other's half-done work.
public struct HallDatabase: Sendable {
    // Not public: every write goes through the invariant-keeping methods of this type (and its permission
    // checks and audit events). The benchmark's raw-SQLite baseline opens its own connection.
    let writer: DatabasePool
    public let path: String
    public let clock: HallClock

    /// Opens (and migrates) the database at `path`. With `create: false` a missing file is an error rather
    /// than a new empty hall.
    /// `busyTimeout`: how long a write waits for another process's transaction before giving up with
    /// `HallDatabaseError.locked` (user actions are milliseconds long, so 10 s means something is wrong).
    public static func open(path: String, clock: HallClock = .system, create: Bool = true,
                            busyTimeout: TimeInterval = 10) throws -> HallDatabase {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HallDatabaseError.missingDirectory(directory)
        }
        if !create && !FileManager.default.fileExists(atPath: path) { throw HallDatabaseError.notFound(path) }
        // Only `init` makes a hall: an empty file is not one (a typo'd path someone touched).
        if !create, let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw HallDatabaseError.notAHall(path)
        }
        // Concurrent first opens race on setting WAL and on migrating: serialise them across processes.
        let lock = MigrationLock(path: path + ".lock")
        try lock.acquire(waiting: busyTimeout)
        defer { lock.release() }
        do {
            var config = Configuration()
            config.busyMode = .timeout(busyTimeout)
            config.foreignKeysEnabled = true
            config.label = "hall"
            let pool = try DatabasePool(path: path, configuration: config)
            // GRDB sets its WAL writer to synchronous=NORMAL, where a power cut can undo the last commits.
            // A ticket handed to a citizen must survive that: FULL syncs the WAL on every commit.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            let migrator = HallDatabase.migrator
            try pool.read { db in
                // Another program's database is never taken over (HallDesk's tables added to it).
                if try !db.tableExists("grdb_migrations") {
                    let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                    if tables > 0 { throw HallDatabaseError.foreignDatabase(path) }
                    if !create { throw HallDatabaseError.notAHall(path) }
                }
                if try migrator.hasBeenSuperseded(db) { throw HallDatabaseError.newerVersion(path: path) }
            }
            try migrator.migrate(pool)
            return HallDatabase(writer: pool, path: path, clock: clock)
        } catch let error as HallDatabaseError {
            throw error
        } catch {
            throw HallDatabaseError.wrap(error, path: path)
        }
    }

    /// One user action: one IMMEDIATE transaction. IMMEDIATE takes the write lock at BEGIN, so two processes
    /// deciding on the same waiting ticket are serialised before either reads it.
    public func perform<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let (value, changed) = try writer.writeWithoutTransaction { db in
                var result: T?
                let before = db.totalChangesCount
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { preconditionFailure("a committed transaction always has a result") }
                return (result, db.totalChangesCount != before)
            }
            // Only a commit that wrote something wakes the hall's screens: a sweep that found nothing due (run by
            // every screen as it opens) must not make every other screen reload.
            if changed { ChangeSignal.ring(databasePath: path) }
            return value
        } catch {
            throw HallDatabaseError.wrap(error, path: path)
        }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw HallDatabaseError.wrap(error, path: path) }
    }

    /// A consistent copy of the whole hall in a new file (SQLite's online backup), e.g. before it is replaced.
    public func backup(to path: String) throws {
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
        } catch {
            throw HallDatabaseError.wrap(error, path: path)
        }
    }

    /// Other processes' commits change this number; screens poll it to know when to reload.
    /// `PRAGMA data_version` is per connection, so it is always asked on the same one (the writer's):
    /// a pool's readers rotate, and two readers' numbers cannot be compared.
    public func dataVersion() throws -> Int {
        do {
            return try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw HallDatabaseError.wrap(error, path: path)
        }
    }
}

/// An advisory lock file (`flock`) beside the database, held only while opening and migrating.
/// A separate file, because closing any descriptor of the database file itself would drop SQLite's own
/// POSIX locks in this process.
struct MigrationLock {
    let path: String
    private let fd: Int32

    /// Created with the database file's own mode (0660 for a new hall): with 0644 the staff accounts of a
    /// shared `halldesk` group could not open it and would silently skip the lock (docs/SECURITY.md).
    init(path: String) {
        self.path = path
        let databasePath = String(path.dropLast(".lock".count))
        var info = stat()
        let mode: mode_t = stat(databasePath, &info) == 0 ? info.st_mode & 0o777 : 0o660
        let existed = access(path, F_OK) == 0
        fd = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        if fd >= 0 && !existed { fchmod(fd, mode) }
    }

    /// Waits at most `seconds` (the busy timeout): a process stopped while opening (Ctrl-Z, a debugger) must
    /// not freeze every other terminal. Then fails naming the lock file and, from /proc/locks, its holder.
    /// A file system that cannot lock at all (ENOLCK: NFS without its lock daemon, some FUSE mounts) is refused
    /// with the lock file named, not passed as if locked: it is the shared-folder case README warns about, where
    /// SQLite's own locks do not hold either. `tryLock` is `flock` (a test gives another).
    func acquire(waiting seconds: TimeInterval, tryLock: (Int32) -> Int32 = { flock($0, LOCK_EX | LOCK_NB) == 0 ? 0 : errno }) throws {
        // No lock file (read-only folder): nobody can be migrating here anyway.
        guard fd >= 0 else { return }
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let error = tryLock(fd)
            if error == 0 { return }
            guard error == EWOULDBLOCK || error == EINTR else {
                throw HallDatabaseError.lockUnsupported(lockFile: path, errno: error)
            }
            guard Date() < deadline else { throw HallDatabaseError.openLockHeld(lockFile: path, holder: holder()) }
            usleep(10_000)
        }
    }

    /// The process holding the lock, from /proc/locks (Linux), matched by the lock file's device and inode.
    func holder() -> Int32? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return ProcLocks.holders(of: ProcLocks.FileID(info), kind: "FLOCK").first
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }
}
