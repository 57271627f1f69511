import ArgumentParser
import Foundation
import GRDB
import HallModel
import Queue

/// `desk bench`: the hot paths, measured in one run on scratch databases, each against its target and, where
/// there is one, against the raw-SQLite baseline measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure the hot paths against a raw-SQLite baseline.")

    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Small sizes (seconds, not minutes): checks that the benchmark runs, not how fast.") var quick = false
    @Option(help: "Folder for the scratch databases (default: a new temporary folder, removed afterwards).") var scratch: String?
    /// Only the window frame rows, on a hall with no history: seconds instead of minutes, and small
    /// enough to run under valgrind (callgrind) when profiling the frame.
    @Flag(help: .hidden) var framesOnly = false
    /// Only the audit rows (verify over a long chain, SM3's raw rate, one sign-in).
    @Flag(help: .hidden) var auditOnly = false
    /// Only the issue → call → start → finish rows against the baseline.
    @Flag(help: .hidden) var cyclesOnly = false
    /// Only the catalog rows (keystrokes, index build, the import's write transaction).
    @Flag(help: .hidden) var catalogOnly = false
    /// Only the deadline-computation row (prefix sums against the day-by-day walk).
    @Flag(help: .hidden) var deadlineOnly = false
    /// Only the case rows (an acceptance against the baseline; the red list on a hall of 200,000 cases).
    @Flag(help: .hidden) var casesOnly = false
    /// Only the proxy agents' row (automatic assignment over 20 agents and 5,000 open jobs, against the baseline).
    @Flag(help: .hidden) var agentsOnly = false
    /// Only the supervisor's screen rows (its view's load on the 1,000,000-ticket / 200,000-case hall, its 200×60 frame).
    @Flag(help: .hidden) var superviseOnly = false
    /// Only the report row (the daily report of 2,000 tickets and 500 cases, HTML included, against raw SQLite's reads).
    @Flag(help: .hidden) var reportsOnly = false
    /// The hall size of the case rows (default 200,000, or 20,000 with --quick): small for a debug build's check.
    @Option(help: .hidden) var caseCount: Int?
    /// Only the district-scale rows: N screen processes on pseudo-terminals polling one file.
    @Flag(help: .hidden) var scaleOnly = false
    /// The N of the scale rows (comma-separated; default 50,200, or 10 with --quick).
    @Option(help: .hidden) var scaleN: String?
    /// Seconds of the scale run's quiet spell (idle CPU).
    @Option(help: .hidden) var scaleQuietSeconds: Double?

    func validate() throws {
        if let caseCount, caseCount < 1 {
            throw UsageError(en: "--case-count must be at least 1.", zh: "--case-count 至少为 1。")
        }
        if let scaleN {
            guard let values = Self.parseScaleN(scaleN), !values.isEmpty else {
                throw UsageError(en: "--scale-n must be numbers from 3 to 1000, comma-separated (e.g. 50,200)", zh: "--scale-n 须为 3 到 1000 的数，用逗号分隔（如 50,200）。")
            }
        }
        if let q = scaleQuietSeconds, !(q >= 1 && q <= 600) { throw UsageError(en: "--scale-quiet-seconds must be from 1 to 600", zh: "--scale-quiet-seconds 须为 1 到 600。") }
    }

    static func parseScaleN(_ text: String) -> [Int]? {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0.map { (3...1000).contains($0) } ?? false }) else { return nil }
        return values.compactMap { $0 }
    }

    struct Sizes {
        var cycles: Int, workerCycles: Int, processes: Int, rounds: Int, history: Int, waiting: Int, samples: Int, processSamples: Int
        /// Tickets of the audit hall: four events each (a million events in the full run).
        var auditTickets: Int
        static let full = Sizes(cycles: 300, workerCycles: 50, processes: 8, rounds: 5, history: 1_000_000, waiting: 1_000, samples: 500,
                                processSamples: 15, auditTickets: 250_000)
        static let quick = Sizes(cycles: 40, workerCycles: 8, processes: 8, rounds: 1, history: 20_000, waiting: 200, samples: 60,
                                 processSamples: 3, auditTickets: 2_500)
    }

    func run() throws {
        let sizes = quick ? Sizes.quick : Sizes.full
        let folder = scratch ?? FileManager.default.temporaryDirectory.appendingPathComponent("desk-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if scratch == nil { try? FileManager.default.removeItem(atPath: folder) } }
        var report = BenchReport(machine: .current, quick: quick)
        report.durability = "engine synchronous=\(try QueueBench.engineSynchronous(folder: folder)), baseline synchronous=\(try RawSQLiteBaseline(path: folder + "/sync.sqlite").synchronous()) (2 = FULL), WAL"
        let log: (String) -> Void = { if !json { FileHandle.standardError.write(Data("… \($0)\n".utf8)) } }
        if framesOnly {
            try addFrameRows(&report, QueueBench.historyHall(folder: folder, history: 0, waiting: sizes.waiting), samples: sizes.samples)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if catalogOnly {
            try addCatalogRows(&report, quick: quick, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if deadlineOnly {
            try addDeadlineRows(&report, quick: quick, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if casesOnly {
            try addCaseRows(&report, quick: quick, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if reportsOnly {
            try addReportRows(&report, quick: quick, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if agentsOnly {
            try addAgentRows(&report, quick: quick, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if superviseOnly {
            try addSuperviseRows(&report, sizes: sizes, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if auditOnly {
            try addAuditRows(&report, sizes: sizes, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        if scaleOnly {
            try addScaleRows(&report, folder: folder, log: log)
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        log("issue → call → start → finish, 1 process")
        // Engine and baseline alternate, round by round, and each reports its median round: a drift in the
        // machine (disk cache, another process) then falls on both rather than on whichever ran second.
        let (engine1, raw1) = try QueueBench.alternating(rounds: sizes.rounds) { round, raw in
            try QueueBench.cyclesInProcess(folder: folder, name: "\(raw ? "raw" : "engine")1-\(round)", cycles: sizes.cycles, raw: raw)
        }
        report.add("cycles_1_process", "issue→call→start→finish, 1 process", engine1, unit: "cycles/s", baseline: raw1,
                   target: "cost ≤ 1.5× baseline", higherIsBetter: true, limitRatio: 1.5)

        log("the same, \(sizes.processes) processes")
        let (engine8, raw8) = try QueueBench.alternating(rounds: sizes.rounds) { round, raw in
            try QueueBench.cyclesInProcesses(folder: folder, name: "\(raw ? "raw" : "engine")8-\(round)", processes: sizes.processes,
                                             cycles: sizes.workerCycles, raw: raw)
        }
        report.add("cycles_\(sizes.processes)_processes", "issue→call→start→finish, \(sizes.processes) processes", engine8, unit: "cycles/s",
                   baseline: raw8, target: "cost ≤ 1.5× baseline", higherIsBetter: true, limitRatio: 1.5)
        if cyclesOnly {
            if json { try Output.json(report) } else { report.printTable() }
            return
        }

        log("building a hall with \(sizes.history) historical tickets and \(sizes.waiting) waiting")
        let big = try QueueBench.historyHall(folder: folder, history: sizes.history, waiting: sizes.waiting)
        log("call next")
        let calls = try QueueBench.callNextLatencies(big, samples: sizes.samples)
        report.add("call_next_p50", "call next p50 (\(sizes.history) history, \(sizes.waiting) waiting)", percentile(calls, 0.5), unit: "ms", target: "-")
        report.add("call_next_p99", "call next p99", percentile(calls, 0.99), unit: "ms", target: "≤ 2 ms", limit: 2)
        log("desk queue --json")
        let snapshots = try QueueBench.queueJSONLatencies(big, samples: sizes.samples)
        report.add("queue_json_p50", "queue --json in process p50", percentile(snapshots, 0.5), unit: "ms", target: "-")
        report.add("queue_json_p99", "queue --json in process p99", percentile(snapshots, 0.99), unit: "ms", target: "≤ 20 ms", limit: 20)
        let processes = try QueueBench.queueCommandLatencies(big, samples: sizes.processSamples)
        report.add("queue_command_p50", "desk queue --json, whole process p50", percentile(processes, 0.5), unit: "ms", target: "(context)")
        try addCatalogRows(&report, quick: quick, folder: folder, log: log)
        try addDeadlineRows(&report, quick: quick, log: log)
        try addCaseRows(&report, quick: quick, folder: folder, log: log)
        try addAgentRows(&report, quick: quick, folder: folder, log: log)
        try addReportRows(&report, quick: quick, folder: folder, log: log)
        log("window screen: frame and start-up")
        try addFrameRows(&report, big, samples: sizes.samples)
        let firstFrames = try ScreenBench.firstFrameLatencies(big, samples: sizes.processSamples)
        report.add("window_first_frame_p50", "desk window spawn → first frame → exit p50", percentile(firstFrames, 0.5), unit: "ms",
                   target: "≤ 150 ms", limit: 150)
        log("board propagation: a call here → the board in another process")
        let board = try BoardBench.propagationLatencies(folder: folder, calls: quick ? 10 : 30)
        report.add("board_propagation_p50", "call → board redraw, other process p50", percentile(board, 0.5), unit: "ms", target: "-")
        report.add("board_propagation_p99", "call → board redraw, other process p99", percentile(board, 0.99), unit: "ms",
                   target: "≤ 500 ms", limit: 500)

        try addSuperviseRows(&report, sizes: sizes, folder: folder, log: log)
        try addAuditRows(&report, sizes: sizes, folder: folder, log: log)
        try addScaleRows(&report, folder: folder, log: log)

        report.add("peak_memory", "peak memory of this process", Double(PeakMemory.selfKilobytes()) / 1024, unit: "MiB", target: "-")
        report.add("peak_memory_worker", "peak memory of a worker process", Double(PeakMemory.childrenKilobytes()) / 1024, unit: "MiB", target: "-")

        if json { try Output.json(report) } else { report.printTable() }
    }

    private func addAuditRows(_ report: inout BenchReport, sizes: Sizes, folder: String, log: (String) -> Void) throws {
        log("audit chain: building \(sizes.auditTickets * 4) events")
        let chain = try AuditBench.chainHall(folder: folder, tickets: sizes.auditTickets)
        log("audit verify")
        let verification = try AuditBench.verify(chain)
        guard verification.intact else { throw BenchError.worker("the benchmark's own chain does not verify") }
        let rawSM3 = try AuditBench.rawSM3Milliseconds(chain)
        report.add("audit_verify", "audit verify, \(verification.events) events (chain + ticket re-derivation)", verification.milliseconds,
                   unit: "ms", baseline: rawSM3, target: "≤ 2000 ms", limit: 2000)
        report.add("audit_verify_rate", "audit verify rate", Double(verification.events) / (verification.milliseconds / 1000) / 1e6,
                   unit: "M events/s", target: "-")
        report.add("sm3_raw_rate", "SM3 alone over the same bytes", Double(verification.events) / (rawSM3 / 1000) / 1e6,
                   unit: "M events/s", target: "(context)")
        log("password sign-in")
        let signIns = try AuditBench.signInLatencies(chain, samples: quick ? 3 : 10)
        report.add("sign_in_p50", "one password sign-in (scrypt N=2^15, r=8, p=1) p50", percentile(signIns, 0.5), unit: "ms",
                   target: "50–500 ms (deliberately slow)", limit: 500)

    }

    private func addCaseRows(_ report: inout BenchReport, quick: Bool, folder: String, log: (String) -> Void) throws {
        log("case intake (acceptance: intake, checklist, case, notice, 3 events) against raw SQLite")
        let intake = try CaseBench.intakeMilliseconds(folder: folder, rounds: quick ? 1 : 5, perRound: quick ? 10 : 50)
        report.add("case_intake", "case intake: acceptance with its case and notice (baseline: the same rows, raw SQLite)", intake.engine,
                   unit: "ms", baseline: intake.raw, target: "≤ 1.5× baseline", limitRatio: 1.5)
        let count = caseCount ?? (quick ? 20_000 : 200_000)
        log("a hall of \(count) cases")
        let hall = try CaseBench.caseHall(folder: folder, cases: count)
        log("cases list --light red on \(count) cases")
        let red = try CaseBench.redListLatencies(hall, samples: quick ? 20 : 200)
        report.add("cases_list_red_p99", "cases list --light red, \(count) cases (\(red.red) red), in process p99", percentile(red.latencies, 0.99),
                   unit: "ms", target: "≤ 10 ms", limit: 10)
        log("case screen first frame on \(count) cases")
        let screen = try CaseBench.screenFirstFrameLatencies(hall, samples: quick ? 5 : 20)
        report.add("case_screen_first_frame_p50", "case screen first frame (R01's queue, \(screen.rows) rows), \(count) cases p50",
                   percentile(screen.latencies, 0.5), unit: "ms", target: "-")
        report.add("case_screen_first_frame_p99", "case screen first frame p99", percentile(screen.latencies, 0.99), unit: "ms",
                   target: "≤ 150 ms", limit: 150)
        log("agent's screen first frame on \(count) cases")
        let agent = try AgentBench.screenFirstFrameLatencies(hall, samples: quick ? 5 : 20)
        report.add("agent_screen_first_frame_p50", "agent's screen first frame (\(AgentBench.agent)'s \(agent.rows) jobs), \(count) cases p50",
                   percentile(agent.latencies, 0.5), unit: "ms", target: "-")
        report.add("agent_screen_first_frame_p99", "agent's screen first frame p99", percentile(agent.latencies, 0.99), unit: "ms",
                   target: "≤ 150 ms", limit: 150)
    }

    /// The supervisor's screen: `supervisorView(by:)` on the big hall with the case hall's cases in the same file and a
    /// morning of real work today, against the same reads through raw SQLite; then its 200×60 frame.
    private func addSuperviseRows(_ report: inout BenchReport, sizes: Sizes, folder: String, log: (String) -> Void) throws {
        let cases = caseCount ?? (quick ? 20_000 : 200_000)
        log("supervisor's view: a hall of \(sizes.history) tickets, \(cases) cases and a morning's work")
        let sub = folder + "/supervise"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let hall = try SuperviseBench.hall(folder: sub, history: sizes.history, waiting: sizes.waiting, cases: cases, served: quick ? 50 : 300)
        let load = try SuperviseBench.loadLatencies(hall, samples: quick ? 20 : 200)
        report.add("supervisor_view_p50", "supervisor view load (\(sizes.history) tickets, \(cases) cases, \(load.cases) at risk) p50 (baseline: the same reads, raw SQLite)",
                   percentile(load.engine, 0.5), unit: "ms", baseline: percentile(load.raw, 0.5), target: "-")
        report.add("supervisor_view_p99", "supervisor view load p99", percentile(load.engine, 0.99), unit: "ms",
                   baseline: percentile(load.raw, 0.99), target: "≤ 20 ms", limit: 20)
        log("supervisor's screen 200×60 frame")
        let frames = try SuperviseBench.frameLatencies(hall, samples: sizes.samples)
        report.add("supervisor_frame_p50", "supervisor screen 200×60 render + diff p50", percentile(frames, 0.5), unit: "ms", target: "-")
        report.add("supervisor_frame_p99", "supervisor screen 200×60 render + diff p99", percentile(frames, 0.99), unit: "ms",
                   target: "≤ 1 ms", limit: 1)
    }

    private func addAgentRows(_ report: inout BenchReport, quick: Bool, folder: String, log: (String) -> Void) throws {
        let jobs = 5_000
        log("automatic assignment: 20 agents, \(jobs) open proxy jobs, against raw SQLite")
        let path = folder + "/agents.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try DemoHall.seed(database, osUser: OSAccount.current())
        let (item, department) = try database.seedBenchmarkProxyJobs(count: jobs)
        let raw = try RawSQLiteBaseline(path: path)
        guard let chosen = try database.automaticAgent(item: item, department: department),
              try raw.automaticAgent(item: item, department: department) == chosen.agent else {
            throw BenchError.worker("the baseline chose another agent")
        }
        let samples = quick ? 200 : 2_000
        var engine: [Double] = [], baseline: [Double] = []
        for _ in 0..<samples {
            engine.append(try elapsedMilliseconds { _ = try database.automaticAgent(item: item, department: department) })
            baseline.append(try elapsedMilliseconds { _ = try raw.automaticAgent(item: item, department: department) })
        }
        report.add("agent_assign_auto_p50", "automatic assignment (20 agents, \(jobs) open jobs) p50 (baseline: raw SQLite)",
                   percentile(engine, 0.5), unit: "ms", baseline: percentile(baseline, 0.5), target: "-")
        report.add("agent_assign_auto_p99", "automatic assignment p99", percentile(engine, 0.99), unit: "ms",
                   baseline: percentile(baseline, 0.99), target: "≤ 1 ms", limit: 1)
    }

    private func addReportRows(_ report: inout BenchReport, quick: Bool, folder: String, log: (String) -> Void) throws {
        log("daily report: \(ReportBench.tickets) tickets + \(ReportBench.cases) cases, read, folded and rendered as HTML, against raw SQLite's reads")
        let r = try ReportBench.latencies(folder: folder, samples: quick ? 5 : 50)
        report.add("daily_report_p50", "daily report (2,000 tickets, 500 cases, HTML) p50",
                   percentile(r.engine, 0.5), unit: "ms", baseline: percentile(r.raw, 0.5), target: "-")
        report.add("daily_report_p99", "daily report (2,000 tickets, 500 cases, HTML) p99", percentile(r.engine, 0.99), unit: "ms",
                   baseline: percentile(r.raw, 0.99), target: "≤ 200 ms", limit: 200)
    }

    private func addDeadlineRows(_ report: inout BenchReport, quick: Bool, log: (String) -> Void) throws {
        log("one deadline computation (20 working days), prefix sums against the day-by-day walk")
        let ns = try DeadlineBench.nanosecondsPerDeadline(computations: quick ? 100_000 : 2_000_000)
        report.add("deadline_computation", "one deadline computation (20 working days, prefix sums; baseline: the walk)", ns.engine,
                   unit: "ns", baseline: ns.walk, target: "≤ 1000 ns", limit: 1000)
    }

    private func addCatalogRows(_ report: inout BenchReport, quick: Bool, folder: String, log: (String) -> Void) throws {
        log("catalog index with pinyin keys, 5,000 items")
        let build = CatalogBench.indexBuildMilliseconds(items: 5_000)
        report.add("catalog_index_first", "catalog index build, 5,000 items, first in process (ICU load)", build.first, unit: "ms", target: "(context)")
        report.add("catalog_index_next", "catalog index build, 5,000 items, next revision", build.next, unit: "ms", target: "-")
        log("catalog screen keystrokes, 5,000 items")
        let keystrokes = CatalogBench.keystrokeLatencies(items: 5_000, rounds: quick ? 2 : 10)
        report.add("catalog_keystroke_p50", "catalog screen keystroke (search+render, 5,000 items) p50", percentile(keystrokes, 0.5), unit: "ms", target: "-")
        report.add("catalog_keystroke_p99", "catalog screen keystroke p99", percentile(keystrokes, 0.99), unit: "ms", target: "≤ 20 ms", limit: 20)
        log("catalog import write transaction, 5,000 items")
        let rounds = quick ? 1 : 3
        let write = try CatalogBench.importWriteMilliseconds(folder: folder, items: 5_000, rounds: rounds)
        let rawWrite = try CatalogBench.rawImportWriteMilliseconds(folder: folder, items: 5_000, rounds: rounds)
        report.add("catalog_import_write_5000", "catalog import write transaction, 5,000 new items", write, unit: "ms", baseline: rawWrite,
                   target: "≤ 1000 ms", limit: 1000)
        let large = quick ? 20_000 : 100_000
        log("catalog import write transaction, \(large) items")
        report.add("catalog_import_write_large", "catalog import write transaction, \(large) new items",
                   try CatalogBench.importWriteMilliseconds(folder: folder, items: large, rounds: 1), unit: "ms",
                   target: "< 10000 ms (busy timeout)", limit: 10_000)
    }

    /// The district on one box: for each N, real screen processes on pseudo-terminals (60 % windows, 20 % boards,
    /// 20 % kiosks) polling one file while tickets are called (`ScaleBench`).
    private func addScaleRows(_ report: inout BenchReport, folder: String, log: (String) -> Void) throws {
        let ns = scaleN.flatMap(Self.parseScaleN) ?? (quick ? [10] : [50, 200])
        for n in ns {
            let r = try ScaleBench.run(folder: folder, n: n, calls: quick ? 5 : 30, quietSeconds: scaleQuietSeconds ?? (quick ? 3 : 10), log: log)
            let mix = ScaleBench.Kind.allCases.map { "\(r.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            report.add("scale_\(n)_screens", "N=\(n) screens on ptys: \(mix)", Double(n), unit: "procs", target: "(context)")
            report.add("scale_\(n)_redraw_p50", "N=\(n): call → board drawn p50 (\(r.redraw.count) frames)", percentile(r.redraw, 0.5),
                       unit: "ms", target: "-")
            report.add("scale_\(n)_redraw_p99", "N=\(n): call → board drawn p99 (\(r.missed) missed 5 s)",
                       r.missed > 0 ? 5000 : percentile(r.redraw, 0.99), unit: "ms", target: "≤ 250 ms", limit: 250)
            let all = ScaleBench.Kind.allCases.flatMap { r.idleCPU[$0] ?? [] }
            report.add("scale_\(n)_idle_cpu", "N=\(n): idle CPU per screen, mean over \(Int(r.quietSeconds.rounded())) s",
                       mean(all), unit: "% core", baseline: mean(r.rawPollCPU), target: "≤ 0.1 %", limit: 0.1)
            for kind in ScaleBench.Kind.allCases where !(r.idleCPU[kind] ?? []).isEmpty {
                report.add("scale_\(n)_idle_cpu_\(kind.rawValue)", "N=\(n): idle CPU per \(kind.rawValue) (max \(format(largest(r.idleCPU[kind] ?? []))))",
                           mean(r.idleCPU[kind] ?? []), unit: "% core", target: "(context)")
            }
            report.add("scale_\(n)_idle_cpu_total", "N=\(n): idle CPU of all screens together", all.reduce(0, +), unit: "% core",
                       target: "(context)")
            let pss = ScaleBench.Kind.allCases.flatMap { r.pss[$0] ?? [] }
            report.add("scale_\(n)_pss", "N=\(n): PSS per screen, mean", mean(pss), unit: "MiB", target: "≤ 10 MiB", limit: 10)
            for kind in ScaleBench.Kind.allCases where !(r.pss[kind] ?? []).isEmpty {
                report.add("scale_\(n)_pss_\(kind.rawValue)", "N=\(n): PSS per \(kind.rawValue) (max \(format(largest(r.pss[kind] ?? []))))",
                           mean(r.pss[kind] ?? []), unit: "MiB", target: "(context)")
            }
        }
    }

    private func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    private func largest(_ values: [Double]) -> Double { values.max() ?? 0 }
    private func format(_ v: Double) -> String { String(format: "%.2f", v) }

    private func addFrameRows(_ report: inout BenchReport, _ database: HallDatabase, samples: Int) throws {
        let frames = try ScreenBench.frameLatencies(database, samples: samples)
        report.add("window_frame_p50", "window screen 200×60 render + diff p50", percentile(frames, 0.5), unit: "ms", target: "≤ 1 ms", limit: 1)
        report.add("window_frame_p99", "window screen 200×60 render + diff p99", percentile(frames, 0.99), unit: "ms", target: "≤ 1 ms", limit: 1)
    }
}

/// Percentile by nearest rank over milliseconds.
func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}

func elapsedMilliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

enum PeakMemory {
    static func selfKilobytes() -> Int { usage(RUSAGE_SELF) }
    static func childrenKilobytes() -> Int { usage(RUSAGE_CHILDREN) }
    private static func usage(_ who: __rusage_who) -> Int {
        var u = rusage()
        getrusage(__rusage_who_t(who.rawValue), &u)
        return u.ru_maxrss
    }
}
