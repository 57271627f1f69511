import Foundation
import HallModel
import Queue

/// A whole district on one box: `n` real screen processes (`desk window`, `desk board`, `desk kiosk`), each on
/// its own pseudo-terminal as over SSH, polling one hall file while this process issues and calls tickets.
/// Measures call → board redraw (each board logs when the frame showing the call has been drawn: `desk
/// board --bench-log`), and, over a quiet spell, each screen's CPU (/proc/PID/stat) and PSS
/// (/proc/PID/smaps_rollup).
enum ScaleBench {
    enum Kind: String, CaseIterable {
        case window, board, kiosk
    }

    struct Result {
        var n: Int
        var counts: [Kind: Int]
        /// Milliseconds, one per board per call.
        var redraw: [Double]
        /// Calls some board never showed within the timeout.
        var missed: Int
        /// Per process, % of one core over the quiet spell.
        var idleCPU: [Kind: [Double]]
        var pss: [Kind: [Double]]
        /// % of one core of a bare-SQLite process polling `data_version` every 100 ms (the board's cadence).
        var rawPollCPU: [Double]
        var quietSeconds: Double
    }

    /// 60 % windows, 20 % boards, the rest kiosks.
    static func mix(_ n: Int) -> [Kind: Int] {
        let windows = Int((Double(n) * 0.6).rounded()), boards = max(1, Int((Double(n) * 0.2).rounded()))
        return [.window: windows, .board: boards, .kiosk: max(0, n - windows - boards)]
    }

    static let clerkPassword = "bench-clerk-password"

    /// The bench's own hall: eight lines, a window per window process serving one line each, and a clerk per
    /// window who signs in there through the real sign-in (scrypt at its lowest allowed cost, N = 2^10: the
    /// sign-in is not what is measured). BENCH (admin, supervisor, bound to this OS account) issues and calls.
    static func hall(path: String, windows: Int) throws -> HallDatabase {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        let hash = try PasswordHash.make(clerkPassword, parameters: .init(logN: 10, r: 8, p: 1)).encoded
        let prefixes = QueueBench.prefixes
        try database.seed(HallBlueprint(
            settings: HallSettings(hallName: "District bench", hallKind: .test),
            staff: [.init(id: "BENCH", name: "Bench", roles: [.admin, .supervisor])]
                + (1...max(1, windows)).map { .init(id: clerk($0), name: "Clerk \($0)", roles: [.clerk], passwordHash: hash) },
            boundStaff: "BENCH",
            lines: prefixes.map { .init(prefix: $0, name: "Line \($0)", targetWaitMinutes: 15) },
            windows: (1...max(1, windows)).map { .init(id: $0, name: "W\($0)", lines: [(prefixes[($0 - 1) % prefixes.count], 1)]) }),
            osUser: OSAccount.current())
        return database
    }

    static func clerk(_ window: Int) -> String { "C\(window)" }

    static func run(folder: String, n: Int, calls: Int, quietSeconds: Double, log: (String) -> Void) throws -> Result {
        let counts = mix(n)
        let windows = counts[.window] ?? 0
        let database = try hall(path: folder + "/scale-\(n).sqlite", windows: windows)
        let actor = try QueueBench.actor(database)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "DESK_NOW")

        var screens: [(kind: Kind, process: PseudoTerminalProcess)] = []
        defer { for s in screens { s.process.stop() } }
        var boardLines: [Int32: LineReader] = [:] // by stderr descriptor
        var logged: [(board: Int32, ms: Double, code: String)] = []
        var ready = Set<Int32>()
        var boardErrors: [Int32: String] = [:]

        /// Drains every terminal and reads the boards' lines for up to `ms`.
        func pump(ms: Int) {
            var fds = screens.map { pollfd(fd: $0.process.master, events: Int16(POLLIN), revents: 0) }
                + boardLines.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), Int32(ms)) > 0 else { return }
            for s in screens { s.process.drain() }
            for fd in fds where fd.revents != 0 && boardLines[fd.fd] != nil {
                for line in boardLines[fd.fd]?.readAvailable() ?? [] {
                    if line == "ready" { ready.insert(fd.fd); continue }
                    let parts = line.split(separator: " ")
                    if parts.count == 2, let at = Double(parts[0]) { logged.append((fd.fd, at, String(parts[1]))) } else { boardErrors[fd.fd] = line }
                }
            }
        }

        func checkAlive() throws {
            guard let dead = screens.first(where: { !$0.process.process.isRunning }) else { return }
            let message = boardErrors[dead.process.stderr.fileHandleForReading.fileDescriptor] ?? dead.process.pendingStderr()
            throw BenchError.worker("a \(dead.kind.rawValue) screen exited (status \(dead.process.process.terminationStatus)): \(message)")
        }

        func pump(seconds: Double) {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end { pump(ms: max(1, min(50, Int(end.timeIntervalSinceNow * 1000)))) }
        }

        log("scale N=\(n): starting \(windows) windows, \(counts[.board] ?? 0) boards, \(counts[.kiosk] ?? 0) kiosks on pseudo-terminals")
        let executable = QueueBench.executablePath()
        var plan: [(Kind, Int)] = []
        for k in Kind.allCases { plan += (0..<(counts[k] ?? 0)).map { (k, $0) } }
        // Interleaved, so the kinds start side by side; ten at a time, so start-up does not swamp the box.
        plan.sort { ($0.1, $0.0.rawValue) < ($1.1, $1.0.rawValue) }
        for (i, (kind, index)) in plan.enumerated() {
            var arguments: [String]
            var env = environment
            var size = (columns: 80, rows: 24)
            switch kind {
            case .window:
                arguments = ["window", "--window", "\(index + 1)", "--staff", clerk(index + 1)]
                env["DESK_PASSWORD"] = clerkPassword
            case .board:
                arguments = ["board", "--bench-log"]
                size = (120, 40)
            case .kiosk:
                arguments = ["kiosk"]
            }
            arguments += ["--db", database.path, "--lang", "zh"]
            let process = try PseudoTerminalProcess(executable: executable, arguments: arguments, environment: env, size: size)
            screens.append((kind, process))
            if kind == .board {
                let fd = process.stderr.fileHandleForReading.fileDescriptor
                boardLines[fd] = LineReader(fd: fd)
            }
            // Ten at a time, each ten drawn before the next start: terminals connect over time, not all in
            // one instant (200 processes opening the file at once wait on its open lock).
            if i % 10 == 9 || i == plan.count - 1 {
                let batchDeadline = Date().addingTimeInterval(60)
                while screens.contains(where: { $0.process.outputBytes == 0 && $0.process.process.isRunning }) && Date() < batchDeadline {
                    pump(seconds: 0.1)
                }
                try checkAlive()
            }
        }

        // Ready: every screen has drawn, every window is open with its clerk, every board has said so.
        let deadline = Date().addingTimeInterval(180)
        while true {
            pump(seconds: 0.5)
            let drawn = screens.allSatisfy { $0.process.outputBytes > 0 }
            let open = try database.windows().filter { $0.state == .open }.count
            if drawn && open == windows && ready.count == boardLines.count { break }
            try checkAlive()
            guard Date() < deadline else {
                throw BenchError.worker("screens not ready after 180 s: drawn \(drawn), windows open \(open)/\(windows), boards \(ready.count)/\(boardLines.count)")
            }
        }
        // The baseline: two bare-SQLite pollers at the board's cadence, drawing nothing.
        var pollers: [Process] = []
        defer { for p in pollers where p.isRunning { p.terminate(); p.waitUntilExit() } }
        for _ in 0..<2 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = ["bench-worker", "--db", database.path, "--mode", "raw-poll", "--window", "0", "--interval-ms", "100"]
            try p.run()
            pollers.append(p)
        }
        log("scale N=\(n): all screens up; \(Int(quietSeconds)) s quiet")
        pump(seconds: 2) // the start-up's last redraws
        let before = screens.map { ProcessStats.cpuSeconds($0.process.pid) }
        let pollersBefore = pollers.map { ProcessStats.cpuSeconds($0.processIdentifier) }
        let quietStart = Date()
        pump(seconds: quietSeconds)
        let elapsed = Date().timeIntervalSince(quietStart)
        var idleCPU: [Kind: [Double]] = [:], pss: [Kind: [Double]] = [:], rawPollCPU: [Double] = []
        for (i, p) in pollers.enumerated() {
            if let a = pollersBefore[i], let b = ProcessStats.cpuSeconds(p.processIdentifier) { rawPollCPU.append((b - a) / elapsed * 100) }
        }
        for (i, s) in screens.enumerated() {
            if let a = before[i], let b = ProcessStats.cpuSeconds(s.process.pid) { idleCPU[s.kind, default: []].append((b - a) / elapsed * 100) }
            if let m = ProcessStats.pssMiB(s.process.pid) { pss[s.kind, default: []].append(m) }
        }

        log("scale N=\(n): \(calls) calls")
        var redraw: [Double] = []
        var missed = 0
        var generator = SystemRandomNumberGenerator()
        for j in 0..<calls {
            let window = j % max(1, windows) + 1
            let prefix = QueueBench.prefixes[(window - 1) % QueueBench.prefixes.count]
            _ = try database.issueTicket(IssueRequest(linePrefix: prefix), by: actor)
            guard let called = try database.callNext(window: window, by: actor) else { throw BenchError.worker("nothing to call") }
            let committed = Date().timeIntervalSince1970 * 1000
            let code = called.ticket.code
            let until = Date().addingTimeInterval(5)
            while Date() < until, Set(logged.filter { $0.code == code }.map(\.board)).count < boardLines.count { pump(ms: 20) }
            let seen = logged.filter { $0.code == code }
            var first: [Int32: Double] = [:]
            for s in seen where first[s.board] == nil { first[s.board] = s.ms }
            redraw += first.values.map { max(0, $0 - committed) }
            missed += boardLines.count - first.count
            logged.removeAll()
            try database.start(window: window, by: actor)
            try database.finish(window: window, by: actor)
            pump(seconds: Double.random(in: 0.05...0.25, using: &generator))
        }
        return Result(n: n, counts: counts, redraw: redraw, missed: missed, idleCPU: idleCPU, pss: pss, rawPollCPU: rawPollCPU, quietSeconds: elapsed)
    }
}
