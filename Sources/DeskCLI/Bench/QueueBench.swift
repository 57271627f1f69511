import Foundation
import GRDB
import HallModel
import Queue

/// The queue engine's measurements for `desk bench`.
enum QueueBench {
    /// A hall for cycle runs: eight lines (A…H) and eight open windows, window i serving line i only, so
    /// processes contend only for the database's write lock, as a real hall's windows do.
    static func cycleHall(_ path: String) throws -> HallDatabase {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try database.addStaff(id: "B01", name: "Bench")
        for (i, prefix) in ["A", "B", "C", "D", "E", "F", "G", "H"].enumerated() {
            try database.addLine(prefix: prefix, name: "Line \(prefix)", targetWaitMinutes: 15)
            try database.addWindow(id: i + 1, name: "W\(i + 1)", lines: [(prefix, 1)], state: .open, staff: "B01")
        }
        return database
    }

    static let prefixes = ["A", "B", "C", "D", "E", "F", "G", "H"]

    /// `PRAGMA synchronous` as the engine's connection sees it, for the report: the comparison is only fair
    /// at the same durability.
    static func engineSynchronous(folder: String) throws -> Int {
        let database = try cycleHall(folder + "/sync.sqlite")
        return try database.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Runs `measure` for the engine and the baseline in alternation, `rounds` times each; the median of each.
    static func alternating(rounds: Int, _ measure: (_ round: Int, _ raw: Bool) throws -> Double) throws -> (engine: Double, raw: Double) {
        var engine: [Double] = [], raw: [Double] = []
        for round in 0..<rounds {
            engine.append(try measure(round, false))
            raw.append(try measure(round, true))
        }
        return (percentile(engine, 0.5), percentile(raw, 0.5))
    }

    /// Cycles per second in this process, through the engine or the raw baseline.
    static func cyclesInProcess(folder: String, name: String, cycles: Int, raw: Bool) throws -> Double {
        let database = try cycleHall(folder + "/\(name).sqlite")
        let ms: Double
        if raw {
            let baseline = try RawSQLiteBaseline(path: database.path)
            let line = try database.lines()[0]
            let date = try database.today()
            ms = try elapsedMilliseconds {
                for _ in 0..<cycles {
                    let now = Date().millisecondsSince1970
                    _ = try baseline.issue(lineID: line.id, prefix: line.prefix, date: date, now: now)
                    guard let id = try baseline.call(window: 1, lineID: line.id, date: date, now: now) else { throw BenchError.worker("nothing to call") }
                    try baseline.start(ticket: id, window: 1, lineID: line.id, date: date, now: now)
                    try baseline.finish(ticket: id, window: 1, lineID: line.id, date: date, now: now)
                }
            }
        } else {
            ms = try elapsedMilliseconds {
                for _ in 0..<cycles {
                    _ = try database.issueTicket(IssueRequest(linePrefix: "A"))
                    guard try database.callNext(window: 1) != nil else { throw BenchError.worker("nothing to call") }
                    try database.start(window: 1)
                    try database.finish(window: 1)
                }
            }
        }
        return Double(cycles) / (ms / 1000)
    }

    /// Total cycles per second of `processes` worker processes started together on one file.
    static func cyclesInProcesses(folder: String, name: String, processes: Int, cycles: Int, raw: Bool) throws -> Double {
        let database = try cycleHall(folder + "/\(name).sqlite")
        let startFile = folder + "/\(name).start"
        try? FileManager.default.removeItem(atPath: startFile)
        var workers: [(Process, Pipe)] = []
        for i in 0..<processes {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executablePath())
            p.arguments = ["bench-worker", "--db", database.path, "--mode", raw ? "raw-cycle" : "cycle", "--window", String(i % 8 + 1),
                           "--line", prefixes[i % 8], "--count", String(cycles), "--start-file", startFile]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            workers.append((p, out))
        }
        usleep(300_000)  // let every worker open the database before the clock starts
        let begin = DispatchTime.now().uptimeNanoseconds
        _ = FileManager.default.createFile(atPath: startFile, contents: Data())
        var total = 0
        for (p, out) in workers {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationStatus == 0, let r = try? JSONDecoder().decode(BenchWorkerCommand.Report.self, from: data) else {
                throw BenchError.worker("a worker failed (status \(p.terminationStatus))")
            }
            total += r.cycles
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
        return Double(total) / seconds
    }

    /// The demo hall with `history` finished tickets over past business days and `waiting` tickets today,
    /// spread over the five lines with a realistic mix of priorities and appointments.
    static func historyHall(folder: String, history: Int, waiting: Int) throws -> HallDatabase {
        let path = folder + "/history.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try DemoHall.seed(database)
        let lines = try database.lines()
        let calendar = try database.settings().businessCalendar
        let now = Date()
        let perDay = 2_500
        try database.writer.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source, appt_at,
                                   issued_at, queued_at, called_at, started_at, finished_at, window_id, call_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var sequences: [String: Int] = [:]
            var opening: (day: Int, at: Date) = (0, now)
            for i in 0..<history {
                let day = i / perDay + 1
                // Each past day's tickets arrive from 08:00, ten seconds apart.
                if opening.day != day { opening = (day, try calendar.date(on: now.addingTimeInterval(-Double(day) * 86_400), atTimeOfDay: "08:00")) }
                let at = opening.at.addingTimeInterval(Double(i % perDay) * 10)
                let date = calendar.businessDate(of: at)
                let line = lines[i % lines.count]
                let key = "\(date)\(line.id)"
                let seq = (sequences[key] ?? 0) + 1
                sequences[key] = seq
                let ms = at.millisecondsSince1970
                try insert.execute(arguments: [date, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               "finished", "normal", "normal", nil, ms, ms, ms + 300_000, ms + 360_000, ms + 900_000,
                                               (i % 7) + 1, 1])
            }
            let today = calendar.businessDate(of: now)
            let mix: [PriorityClass] = [.normal, .normal, .normal, .normal, .elderly, .normal, .disabled, .normal, .greenChannel, .pregnant]
            for i in 0..<waiting {
                let line = lines[i % lines.count]
                let seq = i / lines.count + 1
                let priority = mix[i % mix.count]
                let appointment: Int64? = i % 25 == 0 ? now.addingTimeInterval(Double(i % 50 - 25) * 60).millisecondsSince1970 : nil
                let category = WaitingTicket(id: 0, code: "", lineID: line.id, priority: priority,
                                             appointmentAt: appointment.map(Date.init(millisecondsSince1970:)), queuedAt: now).category
                let ms = now.addingTimeInterval(-Double(waiting - i) * 3).millisecondsSince1970
                try insert.execute(arguments: [today, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               "waiting", priority.rawValue, category.rawValue, appointment, ms, ms, nil, nil, nil, nil, 0])
            }
        }
        try database.writer.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
        return database
    }

    /// Milliseconds per `callNext` (each call is then finished, untimed, to free the window).
    static func callNextLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        var result: [Double] = []
        for i in 0..<samples {
            let window = i % 7 + 1
            var called: CalledTicket?
            result.append(try elapsedMilliseconds { called = try database.callNext(window: window) })
            if called != nil {
                try database.start(window: window)
                try database.finish(window: window)
            }
        }
        return result
    }

    /// Milliseconds to read the live hall and encode it as `desk queue --json` does, in this process.
    static func queueJSONLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        let encoder = JSONEncoder()
        return try (0..<samples).map { _ in
            try elapsedMilliseconds {
                let snapshot = try database.snapshot()
                _ = try encoder.encode(snapshot.lines.map(\.waiting))
            }
        }
    }

    /// Milliseconds for the whole `desk queue --json` process, start to exit.
    static func queueCommandLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        try (0..<samples).map { _ in
            try elapsedMilliseconds {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: executablePath())
                p.arguments = ["queue", "--json", "--db", database.path]
                p.standardOutput = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
            }
        }
    }

    /// This program's own executable, to start workers.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
