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
