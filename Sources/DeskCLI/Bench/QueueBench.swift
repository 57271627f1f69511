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
        // One clerk signed in at each window; the bench itself acts as BENCH, bound to this OS account, whose
        // supervisor role may work every window (the same permission check a clerk's own window costs).
        try database.seed(HallBlueprint(
            settings: HallSettings(hallName: "Bench", hallKind: .test),
            staff: [.init(id: "BENCH", name: "Bench", roles: [.admin, .supervisor])]
                + prefixes.indices.map { .init(id: "B\($0 + 1)", name: "Clerk \($0 + 1)", roles: [.clerk]) },
            boundStaff: "BENCH",
            lines: prefixes.map { .init(prefix: $0, name: "Line \($0)", targetWaitMinutes: 15) },
            windows: prefixes.enumerated().map { .init(id: $0.offset + 1, name: "W\($0.offset + 1)", lines: [($0.element, 1)], staff: "B\($0.offset + 1)") }),
            osUser: OSAccount.current())
        return database
    }

    /// The person the bench acts as (bound to this OS account by `cycleHall` and the demo hall).
    static func actor(_ database: HallDatabase) throws -> Actor {
        guard let actor = try database.authenticate(osUser: OSAccount.current(), at: .cli) else { throw BenchError.worker("no bound staff") }
        return actor
    }

    static let prefixes = ["A", "B", "C", "D", "E", "F", "G", "H"]

    /// `PRAGMA synchronous` as the engine's connection sees it, for the report: the comparison is only fair
    /// at the same durability.
    static func engineSynchronous(folder: String) throws -> Int {
        let database = try cycleHall(folder + "/sync.sqlite")
        return try database.synchronousMode()
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
            let actor = try actor(database)
            ms = try elapsedMilliseconds {
                for _ in 0..<cycles {
                    _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: actor)
                    guard try database.callNext(window: 1, by: actor) != nil else { throw BenchError.worker("nothing to call") }
                    try database.start(window: 1, by: actor)
                    try database.finish(window: 1, by: actor)
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
        try DemoHall.seed(database, osUser: OSAccount.current())
        try database.seedBenchmarkHistory(history: history, waiting: waiting)
        return database
    }

    /// Milliseconds per `callNext` (each call is then finished, untimed, to free the window).
    static func callNextLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        let actor = try actor(database)
        var result: [Double] = []
        for i in 0..<samples {
            let window = i % 7 + 1
            var called: CalledTicket?
            result.append(try elapsedMilliseconds { called = try database.callNext(window: window, by: actor) })
            if called != nil {
                try database.start(window: window, by: actor)
                try database.finish(window: window, by: actor)
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
