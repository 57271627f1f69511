import ArgumentParser
import Foundation
import HallModel
import Queue

/// One process of a multi-process run (`desk bench` and the 16-process stress test start several):
/// - `cycle`: issue on --line, call at --window, start, finish — through the engine;
/// - `raw-cycle`: the same rows through the raw-SQLite baseline;
/// - `stress`: random issues and calls on a shared hall, to check that no ticket is called twice or lost;
/// - `raw-poll`: `PRAGMA data_version` through bare SQLite every --interval-ms until the parent goes away, the
///   least a screen polling the file can cost (the scale bench's idle-CPU baseline).
/// Prints one JSON object: what it issued and called, and how long it took.
struct BenchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-worker", abstract: "One process of a multi-process benchmark.",
                                                    shouldDisplay: false)
    @Option var db: String
    @Option var mode: String
    @Option var window: Int
    @Option var line: String = "A"
    @Option var count: Int = 100
    @Option var seed: UInt64 = 1
    @Option var intervalMs: Int = 100
    /// Wait for this file to exist before starting, so every process starts together.
    @Option var startFile: String?

    struct Report: Codable {
        var issued: [String] = []
        var called: [String] = []
        var refused = 0
        var cycles = 0
        var seconds = 0.0
    }

    func run() throws {
        var report = Report()
        let database = try HallDatabase.open(path: db, create: false)
        let actor = try QueueBench.actor(database)
        if let startFile { while !FileManager.default.fileExists(atPath: startFile) { usleep(1000) } }
        let begin = DispatchTime.now().uptimeNanoseconds
        switch mode {
        case "cycle":
            for _ in 0..<count {
                report.issued.append(try database.issueTicket(IssueRequest(linePrefix: line), by: actor).ticket.code)
                guard let called = try database.callNext(window: window, by: actor) else { continue }
                report.called.append(called.ticket.code)
                try database.start(window: window, by: actor)
                try database.finish(window: window, by: actor)
                report.cycles += 1
            }
        case "raw-cycle":
            let raw = try RawSQLiteBaseline(path: db)
            let l = try database.lines().first { $0.prefix == line.uppercased() }
            guard let l else { throw QueueError.unknownLine(line) }
            let date = try database.today()
            for _ in 0..<count {
                let now = Date().millisecondsSince1970
                _ = try raw.issue(lineID: l.id, prefix: l.prefix, date: date, now: now)
                guard let id = try raw.call(window: window, lineID: l.id, date: date, now: now) else { continue }
                try raw.start(ticket: id, window: window, lineID: l.id, date: date, now: now)
                try raw.finish(ticket: id, window: window, lineID: l.id, date: date, now: now)
                report.cycles += 1
            }
        case "raw-poll":
            let raw = try RawSQLiteBaseline(path: db)
            let parent = getppid()
            while getppid() == parent {
                _ = raw.dataVersion()
                usleep(UInt32(max(1, intervalMs)) * 1000)
            }
        case "stress":
            var rng = SplitMix64(seed: seed)
            let prefixes = try database.lines().map(\.prefix)
            for _ in 0..<count {
                do {
                    if rng.next() % 3 != 0 {
                        let prefix = prefixes[Int(rng.next() % UInt64(prefixes.count))]
                        report.issued.append(try database.issueTicket(IssueRequest(linePrefix: prefix), by: actor).ticket.code)
                    }
                    if rng.next() % 2 == 0, let called = try database.callNext(window: window, by: actor) {
                        report.called.append(called.ticket.code)
                        try database.start(window: window, by: actor)
                        try database.finish(window: window, by: actor)
                        report.cycles += 1
                    }
                } catch let error as QueueError {
                    _ = error
                    report.refused += 1
                }
            }
        default:
            throw UsageError(en: "--mode must be cycle, raw-cycle, raw-poll or stress", zh: "--mode 只能是 cycle、raw-cycle、raw-poll 或 stress。")
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
        let data = try JSONEncoder().encode(report)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

