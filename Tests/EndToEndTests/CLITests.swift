import Foundation
import GRDB
import Testing

/// The headless CLI contract, through the real binary.
@Suite struct CLITests {
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    @Test func issueCallAndTheWholeLifecycleAsAScriptWouldUseIt() throws {
        let issued = try Desk.run(["ticket", "issue", "--line", "A", "--priority", "elderly", "--json", "--db", db])
        #expect(issued.status == 0)
        #expect(issued.object["code"] as? String == "A001")
        #expect(issued.object["line"] as? String == "A")
        #expect(issued.object["priority"] as? String == "elderly")
        #expect(issued.object["ahead"] as? Int == 0)
        #expect(issued.object["estimated_wait_minutes"] as? Int == 0)
        let second = try Desk.run(["ticket", "issue", "--line", "a", "--json", "--db", db])
        #expect(second.object["code"] as? String == "A002")
        #expect(second.object["ahead"] as? Int == 1)

        let called = try Desk.run(["ticket", "call", "--window", "1", "--json", "--db", db])
        #expect(called.status == 0)
        #expect(called.object["code"] as? String == "A001")
        #expect(called.object["window"] as? Int == 1)
        for step in ["recall", "start", "finish"] {
            let r = try Desk.run(["ticket", step, "--window", "1", "--json", "--db", db])
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let queue = try Desk.run(["queue", "--json", "--db", db])
        let lines = try #require(queue.object["lines"] as? [[String: Any]])
        #expect(lines.first { $0["prefix"] as? String == "A" }?["waiting"] as? Int == 1)
        let windows = try #require(queue.object["windows"] as? [[String: Any]])
        #expect(windows.count == 8)
        let announcements = try #require(queue.object["announcements"] as? [[String: Any]])
        #expect(announcements.map { $0["recall"] as? Bool } == [true, false])

        let stats = try Desk.run(["stats", "--json", "--db", db])
        let total = try #require(stats.object["total"] as? [String: Any])
        #expect(total["arrivals"] as? Int == 2)
        #expect(total["served"] as? Int == 1)
    }

    /// The plain queue shows why a window is paused and how many tickets it holds.
    @Test func theQueueTextShowsPauseReasonsAndHeldCounts() throws {
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "call", "--window", "1", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "hold", "--window", "1", "--db", db]).status == 0)
        #expect(try Desk.run(["window", "pause", "--window", "2", "--reason", "系统故障", "--db", db]).status == 0)
        let queue = try Desk.run(["queue", "--db", db, "--lang", "en"])
        let rows = queue.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("Win") && $0.contains("Held") }, "\(queue.stdout)")
        #expect(rows.contains { $0.hasPrefix("1 ") && $0.hasSuffix(" 1") }, "\(queue.stdout)")
        #expect(rows.contains { $0.hasPrefix("2 ") && $0.hasSuffix("0  paused: 系统故障") }, "\(queue.stdout)")
    }

    /// A full or closed standard output is an error exit with a message, not a trap; the ticket is saved.
    @Test func aFullOrClosedOutputIsAnErrorNotACrash() throws {
        let desk = TmuxSession.quote(Desk.executable.path), hall = TmuxSession.quote(db)
        for redirect in ["> /dev/full", ">&-"] {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "\(desk) ticket issue --line A --json --lang en --db \(hall) \(redirect); echo \"status=$?\" >&2"]
            let err = Pipe()
            shell.standardError = err
            shell.standardOutput = FileHandle.nullDevice
            try shell.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            #expect(text.contains("The output could not be written") && text.contains("status=1"), "\(redirect): \(text)")
        }
        // Both tickets were issued all the same.
        #expect(try Desk.run(["ticket", "show", "A002", "--db", db]).status == 0)
    }

    /// A reader that went away (`| head -1`: EPIPE) is no failure: no message, exit 0, and a write command's
    /// action is done. The pipe's read end is closed before desk starts, so every write meets EPIPE.
    @Test func aClosedPipeEndsQuietly() throws {
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db]).status == 0)
        func runIntoClosedPipe(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
            let p = Process()
            p.executableURL = Desk.executable
            p.arguments = arguments + ["--db", db, "--lang", "en"]
            let out = Pipe(), err = Pipe()
            try out.fileHandleForReading.close()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            try out.fileHandleForWriting.close()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        for arguments in [["audit", "show"], ["ticket", "show", "A001"], ["ticket", "issue", "--line", "A"]] {
            let r = try runIntoClosedPipe(arguments)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(arguments): \(r.status) \(r.stderr)")
        }
        // The issue into the closed pipe was done all the same.
        #expect(try Desk.run(["ticket", "show", "A002", "--db", db]).status == 0)
    }

    /// `--code ''` (an unset variable) is a usage error, not "no ticket  today".
    @Test func aBlankTicketCodeIsAUsageError() throws {
        for arguments in [["ticket", "call", "--window", "2", "--code", ""], ["ticket", "call", "--window", "2", "--code", " "],
                          ["ticket", "show", ""], ["ticket", "cancel", "--code", ""], ["ticket", "resume", "--window", "2", "--code", ""]] {
            let r = try Desk.run(arguments + ["--lang", "zh", "--db", db])
            #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("不能为空") && !r.stderr.contains("今天没有"), "\(arguments): \(r.stderr)")
        }
    }

    /// Only `init` makes a hall: an empty file, another program's database and an empty --db are refused.
    @Test func foreignAndEmptyFilesAreNotTakenOver() throws {
        let folder = try Desk.scratchFolder()
        let empty = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let refusedEmpty = try Desk.run(["queue", "--db", empty])
        #expect(refusedEmpty.status == 4 && refusedEmpty.stderr.contains("is not a hall database (it is empty)"), "\(refusedEmpty.stderr)")
        let other = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes(x)") }
        for arguments in [["queue", "--db", other], ["init", "--db", other]] {
            let r = try Desk.run(arguments)
            #expect(r.status == 4 && r.stderr.contains("is another program's database"), "\(arguments): \(r.stderr)")
        }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["notes"])
        let noPath = try Desk.run(["queue", "--db", ""])
        #expect(noPath.status == 64, "\(noPath.stderr)")
        // init does make a hall of the empty file.
        #expect(try Desk.run(["init", "--db", empty]).status == 0)
    }

    @Test func callingWithNothingWaitingPrintsNullAndExits3() throws {
        let r = try Desk.run(["ticket", "call", "--window", "2", "--json", "--db", db])
        #expect(r.status == 3)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "null")
    }

    @Test func holdResumeTransferCancelAndPause() throws {
        try Desk.run(["ticket", "issue", "--line", "A", "--db", db])
        try Desk.run(["ticket", "issue", "--line", "A", "--db", db])
        try Desk.run(["ticket", "call", "--window", "1", "--db", db])
        #expect(try Desk.run(["ticket", "hold", "--window", "1", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "resume", "--window", "1", "--code", "A001", "--db", db]).status == 0)
        let moved = try Desk.run(["ticket", "transfer", "--window", "1", "--line", "B", "--placement", "front", "--json", "--db", db])
        #expect(moved.object["code"] as? String == "A001")
        #expect(moved.object["line"] as? String == "B")
        #expect(moved.object["state"] as? String == "waiting")
        #expect(try Desk.run(["ticket", "cancel", "--code", "A002", "--db", db]).status == 0)
        #expect(try Desk.run(["window", "pause", "--window", "4", "--reason", "午休", "--db", db]).status == 0)
        let refused = try Desk.run(["ticket", "call", "--window", "4", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("paused"))
        #expect(try Desk.run(["window", "resume", "--window", "4", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "call", "--window", "4", "--json", "--db", db]).object["code"] as? String == "A001")
        let closed = try Desk.run(["day", "close", "--json", "--db", db])
        #expect(closed.object["unserved"] as? Int == 1)
    }

    @Test func badInputGetsAClearMessageAndANonZeroStatus() throws {
        let unknownLine = try Desk.run(["ticket", "issue", "--line", "Z", "--db", db])
        #expect(unknownLine.status == 1)
        #expect(unknownLine.stderr.contains("No service line 'Z'"))
        let zh = try Desk.run(["ticket", "issue", "--line", "Z", "--db", db], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("没有号段"))
        #expect(try Desk.run(["ticket", "issue", "--line", "Z", "--lang", "zh", "--db", db]).stderr.contains("没有号段"))
        let unknownWindow = try Desk.run(["ticket", "call", "--window", "99", "--db", db])
        #expect(unknownWindow.status == 1)
        #expect(unknownWindow.stderr.contains("No window 99"))
        let badTime = try Desk.run(["ticket", "issue", "--line", "A", "--appointment", "25:61", "--db", db])
        #expect(badTime.status == 1)
        #expect(badTime.stderr.contains("not a time of day"))
        let badPriority = try Desk.run(["ticket", "issue", "--line", "A", "--priority", "vip", "--db", db])
        #expect(badPriority.status == 64)
        let missingFolder = try Desk.run(["queue", "--db", folder.appendingPathComponent("no/such/dir/hall.sqlite").path])
        #expect(missingFolder.status == 4)
        #expect(missingFolder.stderr.contains("does not exist"))
        let missingFile = try Desk.run(["queue", "--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(missingFile.status == 4)
        #expect(missingFile.stderr.contains("desk init"))
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x47, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let corrupt = try Desk.run(["queue", "--db", garbage])
        #expect(corrupt.status == 4)
        #expect(corrupt.stderr.contains("not a readable hall database"))
        let badNow = try Desk.run(["queue", "--db", db], environment: ["DESK_NOW": "yesterday"])
        #expect(badNow.status == 1)
        #expect(badNow.stderr.contains("DESK_NOW"))
        #expect(!(unknownLine.stderr + badTime.stderr + corrupt.stderr).contains("Fatal error"))
    }

    @Test func deskNowFixesTheClockAndTheDefaultDatabaseIsCreatedWithTheDemoHall() throws {
        let home = try Desk.scratchFolder()
        let env = ["XDG_DATA_HOME": home.path, "DESK_NOW": "2026-02-12T09:30:00+08:00"]
        let r = try Desk.run(["ticket", "issue", "--line", "B", "--json"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let ticket = try #require(r.object["ticket"] as? [String: Any])
        #expect(ticket["business_date"] as? String == "2026-02-12")
        #expect(ticket["issued_at"] as? String == "2026-02-12T09:30:00+08:00")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("halldesk/hall.sqlite").path))
        let viaEnv = try Desk.run(["queue", "--json"], environment: ["DESK_DB": db])
        #expect(viaEnv.status == 0)
    }

    @Test func initRefusesToSeedTwiceUnlessForced() throws {
        let again = try Desk.run(["init", "--demo", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        try Desk.run(["ticket", "issue", "--line", "A", "--db", db])
        #expect(try Desk.run(["init", "--demo", "--force", "--yes", "--db", db]).status == 0)
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--json", "--db", db]).object["code"] as? String == "A001")
    }
}
