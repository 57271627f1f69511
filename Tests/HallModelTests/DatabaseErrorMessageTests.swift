import Foundation
import GRDB
@testable import HallModel
import Queue
import Testing

/// SQLite's and Foundation's English never reaches a person: codes and reasons are put in both languages.
@Suite struct DatabaseErrorMessageTests {
    @Test func anyErrorHasAMessageInBothLanguages() {
        let constraint = HallDatabaseError.message(for: DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed"))
        #expect(constraint.zh == "大厅数据库出错（SQLite 错误码 19），本次操作未写入。")
        #expect(!constraint.en.contains("UNIQUE"))
        let file = HallDatabaseError.message(for: CocoaError(.fileWriteOutOfSpace))
        #expect(file.zh.contains("磁盘已满"))
        #expect(HallDatabaseError.message(for: QueueError.unknownLine("Q")).zh == "没有号段“Q”。")
    }

    @Test func corruptionIsDamageWithTheRecoverySteps() {
        let damaged = HallDatabaseError.wrap(DatabaseError(resultCode: .SQLITE_CORRUPT), path: "/srv/hall.sqlite")
        #expect(damaged as? HallDatabaseError == .damaged("/srv/hall.sqlite"))
        #expect(HallDatabaseError.damaged("/srv/hall.sqlite").message.zh.contains(".recover"))
        #expect(HallDatabaseError.wrap(DatabaseError(resultCode: .SQLITE_NOTADB), path: "x") as? HallDatabaseError == .corrupt("x"))
    }

    @Test func aFolderGivenAsTheDatabaseIsSaidSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = HallDatabaseError.wrap(DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "unable to open database file"), path: folder.path)
        #expect(error as? HallDatabaseError == .cannotOpen(path: folder.path, detail: Bilingual(en: "it is a folder, not a file", zh: "这是一个目录，不是文件")))
    }

    @Test func aJSONSyntaxErrorKeepsOnlyItsPositionInChinese() {
        let error = HolidayScheduleError.notJSON("Unexpected character 'x' around line 3, column 7.")
        #expect(error.message.zh == "不是有效的 JSON（第 3 行第 7 列附近）")
    }

    @Test func procLocksAreReadByDeviceAndInode() {
        let text = """
            1: POSIX  ADVISORY  READ 4242 00:2f:1234 128 128
            1: -> POSIX  ADVISORY  WRITE 4343 00:2f:1234 120 120
            2: FLOCK  ADVISORY  WRITE 77 08:01:99 0 EOF
            """
        let entries = ProcLocks.entries(text)
        let shm = ProcLocks.FileID(device: .init(major: 0, minor: 0x2f), inode: 1234)
        #expect(entries == [.init(kind: "POSIX", pid: 4242, file: shm), .init(kind: "POSIX", pid: 4343, file: shm),
                            .init(kind: "FLOCK", pid: 77, file: .init(device: .init(major: 8, minor: 1), inode: 99))])
    }

    /// The same inode number on another file system is another file: its locks are not the hall's.
    @Test func aSameInodeOnAnotherDeviceIsNotAHolder() {
        let entries = ProcLocks.entries("""
            1: FLOCK  ADVISORY  WRITE 500 08:01:4711 0 EOF
            2: FLOCK  ADVISORY  WRITE 600 fd:00:4711 0 EOF
            3: POSIX  ADVISORY  READ 700 103:02:4711 0 EOF
            """)
        #expect(ProcLocks.holders(of: .init(device: .init(major: 0xfd, minor: 0), inode: 4711), kind: "FLOCK", in: entries) == [600])
        #expect(ProcLocks.holders(of: .init(device: .init(major: 8, minor: 1), inode: 4711), kind: "FLOCK", in: entries) == [500])
        #expect(ProcLocks.holders(of: .init(device: .init(major: 0x103, minor: 2), inode: 4711), kind: "POSIX", in: entries) == [700])
        // st_dev as glibc encodes it: major 259 (0x103), minor 2.
        #expect(ProcLocks.Device(UInt64(0x103) << 8 | 2) == .init(major: 0x103, minor: 2))
        // glibc's makedev(0x1234, 0x5607): the low 12 bits of major and 8 of minor first, the rest above.
        #expect(ProcLocks.Device((UInt64(0x234) << 8) | (UInt64(0x1000) << 32) | 0x07 | (UInt64(0x5600) << 12))
                == .init(major: 0x1234, minor: 0x5607))
    }
}
