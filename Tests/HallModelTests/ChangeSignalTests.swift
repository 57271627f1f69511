import Foundation
import Glibc
@testable import HallModel
import Queue
import Testing

/// The commit signal screens sleep on: a commit to the hall's file makes it readable; other files in the folder
/// do not count.
@Suite struct ChangeSignalTests {
    /// Waits (up to 5 s, returning as soon as it is) for the signal to become readable.
    private func readable(_ signal: ChangeSignal) -> Bool {
        var fds = [pollfd(fd: signal.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 5000) == 1
    }

    @Test func aCommitByAnotherConnectionWakesTheSignal() throws {
        let hall = try TestHall()
        let signal = try #require(hall.database.changeSignal())
        // Another process's connection, as a kiosk would have.
        let other = try HallDatabase.open(path: hall.path, clock: hall.clock.hallClock, create: false)
        signal.drain()
        let before = try hall.database.dataVersion()
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk)
        #expect(readable(signal))
        // The signal comes after the commit: by the time it is readable, the commit is there to be read.
        #expect(try hall.database.dataVersion() != before)
        #expect(signal.drain())
    }

    /// Writing the database file or its WAL by other means (the `sqlite3` shell) does not ring: only a
    /// finished `HallDatabase` write does, so a screen never looks before the commit is visible.
    @Test func theWALAloneDoesNotRing() throws {
        let hall = try TestHall()
        let signal = try #require(hall.database.changeSignal())
        signal.drain()
        let wal = hall.path + "-wal"
        let handle = try #require(FileHandle(forWritingAtPath: wal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data())
        _ = utimensat(AT_FDCWD, wal, nil, 0)
        try handle.close()
        #expect(readable(signal))
        #expect(!signal.drain())
    }

    @Test func anotherFileInTheFolderIsReadButDoesNotCount() throws {
        let hall = try TestHall()
        let signal = try #require(hall.database.changeSignal())
        signal.drain()
        try Data("x".utf8).write(to: hall.directory.appendingPathComponent("notes.txt"))
        #expect(readable(signal))
        #expect(!signal.drain())
        // Drained: nothing pending any more.
        var fds = [pollfd(fd: signal.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&fds, 1, 0) == 0)
    }

    /// A write that found nothing to do (a sweep with nothing due, run by every screen as it opens) does not wake
    /// the other screens. The notes file is a marker queued after anything the sweep could have rung: once it is
    /// readable, every earlier event is in, and none of them counts.
    @Test func aWriteThatChangesNothingDoesNotRing() throws {
        let hall = try TestHall()
        let signal = try #require(hall.database.changeSignal())
        signal.drain()
        _ = try hall.database.sweepCases(by: hall.supervisor)
        try Data("x".utf8).write(to: hall.directory.appendingPathComponent("marker.txt"))
        #expect(readable(signal))
        #expect(!signal.drain())
    }
}
