import Foundation
import Testing
@testable import HallModel

/// A process stopped while it held the open lock does not freeze everyone else: the wait is bounded, and the
/// message names the lock file and the holder.
@Suite struct OpenLockTests {
    @Test func theOpenLockWaitIsBoundedAndNamesTheHolder() throws {
        let hall = try TestHall()
        let lockFile = hall.path + ".lock"
        let fd = open(lockFile, O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        #expect(throws: HallDatabaseError.openLockHeld(lockFile: lockFile, holder: getpid())) {
            _ = try HallDatabase.open(path: hall.path, create: false, busyTimeout: 0.2)
        }
        flock(fd, LOCK_UN)
        _ = try HallDatabase.open(path: hall.path, create: false, busyTimeout: 0.2)
    }
}

/// A lock file on a file system without locks (ENOLCK) is refused with the file named, not taken as locked.
@Suite struct OpenLockUnsupportedTests {
    @Test func aFileSystemWithoutLocksIsRefusedNamingTheLockFile() throws {
        let hall = try TestHall()
        let lock = MigrationLock(path: hall.path + ".lock")
        defer { lock.release() }
        #expect(throws: HallDatabaseError.lockUnsupported(lockFile: hall.path + ".lock", errno: ENOLCK)) {
            try lock.acquire(waiting: 0.2, tryLock: { _ in ENOLCK })
        }
        let message = HallDatabaseError.lockUnsupported(lockFile: "/mnt/share/hall.sqlite.lock", errno: ENOLCK).message
        #expect(message.en.contains("'/mnt/share/hall.sqlite.lock'") && message.en.contains("does not support locks"))
        #expect(message.zh.contains("“/mnt/share/hall.sqlite.lock”") && message.zh.contains("不支持文件锁"))
        // An interrupted try is tried again.
        var tries = 0
        try lock.acquire(waiting: 0.2, tryLock: { _ in tries += 1; return tries == 1 ? EINTR : 0 })
        #expect(tries == 2)
    }
}
