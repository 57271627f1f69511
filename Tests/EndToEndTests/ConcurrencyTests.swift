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
        // A window holds one person: a clerk signed in at each of the 16. The workers act as "S", a supervisor
        // bound to this OS account (`bench-worker` acts as the bound person), who may issue and work every window.
        try hall.seed(HallBlueprint(
            settings: HallSettings(hallName: "测试", hallKind: .test),
            staff: [.init(id: "S", name: "测试", roles: [.supervisor])] + (1...16).map { .init(id: "C\($0)", name: "窗口\($0)", roles: [.clerk]) },
            boundStaff: "S",
            lines: [.init(prefix: "A", name: "综合受理", targetWaitMinutes: 15), .init(prefix: "B", name: "企业开办", targetWaitMinutes: 15)],
            windows: (1...16).map { .init(id: $0, name: "\($0)", lines: [("A", 1), ("B", 1)], staff: "C\($0)") }),
            osUser: OSAccount.current())

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

    /// 16 processes open the same fresh file at once: every one succeeds or is refused cleanly, the schema is
    /// migrated once and the hall is created exactly once. Half run `desk init` (create or migrate: a new hall
    /// becomes an empty production hall; an existing one is left as it is, exit 0), half `desk init --demo`
    /// (refused once the file holds a hall). Whichever creates the hall first wins; nothing is created twice.
    @Test func theFirstOpenOfAFreshFileIsSafeUnderARace() throws {
        let folder = try Desk.scratchFolder()
        let path = folder.appendingPathComponent("fresh.sqlite").path
        let processes: [Process] = try (0..<16).map { i in
            let p = Process()
            p.executableURL = Desk.executable
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
                #expect(p.terminationStatus == 0, "desk init: \(err)")
            } else if p.terminationStatus == 0 {
                seeded += 1
            } else {
                refused += 1
                #expect(err.contains("already holds a hall"), "\(err)")
            }
        }
        #expect(seeded + refused == 8 && seeded <= 1)
        let hall = try HallDatabase.open(path: path, create: false)
        let created = try hall.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM hall_event WHERE kind = 'hall_created'") }
        #expect(created == 1, "the hall was created \(created ?? 0) times")
        if seeded == 1 {
            #expect(try hall.settings().hallKind == .demo)
            #expect(try hall.windows().count == 8)
            #expect(try hall.lines().count == 5)
        } else {
            // A plain `desk init` came first: an empty production hall, its administrator bound to this account.
            #expect(try hall.settings().hallKind == .production)
            #expect(try hall.staffList().map(\.id) == ["ADMIN"])
            #expect(try hall.lines().isEmpty)
        }
    }
}
