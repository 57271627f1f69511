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

    @Test func procLocksAreReadByInode() {
        let text = """
            1: POSIX  ADVISORY  READ 4242 00:2f:1234 128 128
            1: -> POSIX  ADVISORY  WRITE 4343 00:2f:1234 120 120
            2: FLOCK  ADVISORY  WRITE 77 08:01:99 0 EOF
            """
        let entries = ProcLocks.entries(text)
        #expect(entries == [.init(kind: "POSIX", pid: 4242, inode: 1234), .init(kind: "POSIX", pid: 4343, inode: 1234),
                            .init(kind: "FLOCK", pid: 77, inode: 99)])
    }
}
