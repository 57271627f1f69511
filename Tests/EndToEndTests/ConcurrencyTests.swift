import Foundation
import GRDB
import HallModel
import Testing

/// Many `desk` processes on one file, as in a hall.
@Suite(.serialized) struct ConcurrencyTests {
    /// 16 processes issue and call at once on a hall whose 16 windows all serve the same two lines, so they
    /// compete for the same waiting tickets. Afterwards: no ticket called twice, no duplicate code, none lost.
    @Test func sixteenProcessesNeverDoubleCallDuplicateOrLose() throws {
        let folder = try Desk.scratchFolder()
        let path = folder.appendingPathComponent("hall.sqlite").path
        let hall = try HallDatabase.open(path: path)
        try hall.addStaff(id: "S", name: "测试")
        try hall.addLine(prefix: "A", name: "综合受理", targetWaitMinutes: 15)
        try hall.addLine(prefix: "B", name: "企业开办", targetWaitMinutes: 15)
        for w in 1...16 { try hall.addWindow(id: w, name: "\(w)", lines: [("A", 1), ("B", 1)], state: .open, staff: "S") }

        let startFile = folder.appendingPathComponent("go").path
        let processes: [Process] = try (1...16).map { w in
            let p = Process()
            p.executableURL = Desk.executable
            p.arguments = ["bench-worker", "--db", path, "--mode", "stress", "--window", String(w), "--count", "40",
                           "--seed", String(w * 7919), "--start-file", startFile]
            p.standardOutput = Pipe()
            p.standardError = Pipe()
            try p.run()
            return p
        }
        _ = FileManager.default.createFile(atPath: startFile, contents: Data())
        struct Report: Decodable { var issued: [String]; var called: [String]; var refused: Int }
        var issued: [String] = [], called: [String] = []
        for p in processes {
            let data = (p.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let err = String(decoding: (p.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus == 0, "\(err)")
            let report = try JSONDecoder().decode(Report.self, from: data)
            issued += report.issued
            called += report.called
        }
        #expect(issued.count > 100)
        #expect(Set(issued).count == issued.count, "a code was issued twice")
        #expect(Set(called).count == called.count, "a ticket was called twice")
        try hall.read { db in
            let codes = try String.fetchAll(db, sql: "SELECT code FROM ticket")
            #expect(Set(codes) == Set(issued), "a ticket was lost or appeared from nowhere")
            let doubleCalls = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT ticket_id FROM hall_event WHERE kind = 'call' GROUP BY ticket_id HAVING COUNT(*) > 1)
                """)
            #expect(doubleCalls == 0)
            let finished = try String.fetchAll(db, sql: "SELECT code FROM ticket WHERE state = 'finished'")
            #expect(Set(finished) == Set(called))
            let gaps = try Row.fetchAll(db, sql: "SELECT line_id, COUNT(*) AS n, MAX(sequence) AS top FROM ticket GROUP BY line_id")
            for row in gaps { #expect((row["n"] as Int) == (row["top"] as Int), "numbers are gapless per line") }
        }
    }

    /// 16 processes open the same fresh file at once: every one succeeds, the schema is migrated once.
    @Test func theFirstOpenOfAFreshFileIsSafeUnderARace() throws {
        let folder = try Desk.scratchFolder()
        let path = folder.appendingPathComponent("fresh.sqlite").path
        let processes: [Process] = try (0..<16).map { i in
            let p = Process()
            p.executableURL = Desk.executable
            // Half only migrate, half also try to seed the demo hall: exactly one seeding may win.
            p.arguments = i % 2 == 0 ? ["init", "--db", path] : ["init", "--demo", "--db", path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = Pipe()
            try p.run()
            return p
        }
        var seeded = 0, refused = 0
        for (i, p) in processes.enumerated() {
            let err = String(decoding: (p.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if i % 2 == 0 {
                #expect(p.terminationStatus == 0, "\(err)")
            } else if p.terminationStatus == 0 {
                seeded += 1
            } else {
                refused += 1
                #expect(err.contains("already holds a hall"), "\(err)")
            }
        }
        #expect(seeded == 1 && refused == 7)
        let hall = try HallDatabase.open(path: path, create: false)
        #expect(try hall.windows().count == 8)
        #expect(try hall.lines().count == 5)
    }
}
