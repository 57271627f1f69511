import Foundation
import DeskTUI
import HallModel
import Queue

/// Board propagation latency: a call committed in this process → the board, polling in another process,
/// has rendered it. The board runs its real poll step (`BoardSession`) headless (`desk board
/// --watch-for-bench`), rendering into a `CellGrid` instead of a terminal.
enum BoardBench {
    static let frameSize = Size(width: 120, height: 40)

    /// The headless board: prints "ready", then "<epoch ms> <code>" each time a new announcement changes the
    /// rendered frame. Ends when its parent goes away.
    static func watch(_ database: HallDatabase, language: Language) throws {
        let parent = getppid()
        var (screen, poll) = try BoardSession(database: database).start()
        let context = { RenderContext(language: language, now: database.clock.now, size: frameSize) }
        var frame = screen.frame(context: context())
        var shown = screen.latest?.id
        emit("ready")
        let (seconds, attoseconds) = BoardSession.pollInterval.components
        let interval = Double(seconds) + Double(attoseconds) / 1e18
        while getppid() == parent {
            Thread.sleep(forTimeInterval: interval)
            try poll(&screen)
            let next = screen.frame(context: context())
            if let latest = screen.latest, latest.id != shown, next != frame {
                shown = latest.id
                emit("\(Int64(Date().timeIntervalSince1970 * 1000)) \(latest.code)")
            }
            frame = next
        }
    }

    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Milliseconds from each call's commit here to the watcher's print of it, over `calls` calls spaced
    /// irregularly (so they do not fall in step with the board's poll).
    static func propagationLatencies(folder: String, calls: Int) throws -> [Double] {
        let database = try QueueBench.cycleHall(folder + "/board.sqlite")
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: QueueBench.executablePath())
        watcher.arguments = ["board", "--watch-for-bench", "--db", database.path]
        let out = Pipe()
        watcher.standardOutput = out
        try watcher.run()
        defer { watcher.terminate(); watcher.waitUntilExit() }
        var reader = LineReader(fd: out.fileHandleForReading.fileDescriptor)
        guard reader.next(timeoutMs: 20_000) == "ready" else { throw BenchError.worker("the board watcher did not start") }

        let actor = try QueueBench.actor(database)
        var generator = SystemRandomNumberGenerator()
        var result: [Double] = []
        for _ in 0..<calls {
            _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: actor)
            guard let called = try database.callNext(window: 1, by: actor) else { throw BenchError.worker("nothing to call") }
            let committed = Date().timeIntervalSince1970 * 1000
            while true {
                guard let line = reader.next(timeoutMs: 5_000) else { throw BenchError.worker("the board never showed \(called.ticket.code)") }
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[1] == called.ticket.code, let at = Double(parts[0]) {
                    result.append(max(0, at - committed))
                    break
                }
            }
            try database.start(window: 1, by: actor)
            try database.finish(window: 1, by: actor)
            usleep(UInt32.random(in: 30_000...230_000, using: &generator))
        }
        return result
    }
}

/// Lines from a pipe, with a timeout, without a reader thread.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    /// One read (call when `poll` says the pipe is readable), then every complete line so far.
    mutating func readAvailable() -> [String] {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = read(fd, &chunk, chunk.count)
        if n > 0 { buffer += chunk[..<n] }
        var lines: [String] = []
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
            buffer.removeSubrange(...newline)
        }
        return lines
    }

    mutating func next(timeoutMs: Int) -> String? {
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(left)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { return nil }
            buffer += chunk[..<n]
        }
    }
}
