import Foundation

/// A child process whose standard input and output are the slave side of a new pseudo-terminal, as under
/// ssh or tmux: ncurses draws for real, and the parent holds the master side. Standard error is a pipe the
/// parent reads (the board's `--bench-log` lines go there). The output on the master must be drained
/// (`drain`) or the child blocks once the terminal's buffer is full.
final class PseudoTerminalProcess {
    let process = Process()
    let master: Int32
    let stderr: Pipe
    private(set) var outputBytes = 0

    init(executable: String, arguments: [String], environment: [String: String], size: (columns: Int, rows: Int)) throws {
        // posix_openpt, unlockpt and ptsname, by hand: Swift's Glibc module does not export them. Linux only:
        // the ioctl numbers are TIOCSPTLCK and TIOCGPTN of <asm-generic/ioctls.h> (grantpt is a no-op on devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            let reason = String(cString: strerror(errno))
            if master >= 0 { close(master) }
            throw BenchError.worker("no pseudo-terminal: \(reason)")
        }
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { close(master); throw BenchError.worker("cannot open \(name)") }
        defer { close(slave) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        stderr = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = stderr
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// What is waiting on standard error now (for a process that died: its message), without blocking.
    func pendingStderr() -> String {
        let fd = stderr.fileHandleForReading.fileDescriptor
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return "" }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = read(fd, &chunk, chunk.count)
        return n > 0 ? String(decoding: chunk[..<n], as: UTF8.self) : ""
    }

    /// Reads and discards what the child drew since the last call; the byte count is kept.
    func drain() {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = read(master, &chunk, chunk.count)
            guard n > 0 else { return }
            outputBytes += n
        }
    }

    /// SIGTERM, then SIGKILL if it has not gone within a second; then the master is closed.
    func stop() {
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(1)
            while process.isRunning && Date() < deadline { drain(); usleep(10_000) }
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
        }
        close(master)
    }
}

/// What /proc says about one process: CPU time so far and proportional memory.
enum ProcessStats {
    /// CPU time so far in seconds: /proc/PID/schedstat's first field (nanoseconds on a CPU), which resolves a
    /// 0.1 % target over 10 s; else utime + stime from /proc/PID/stat, counted in clock ticks (10 ms: one tick
    /// in 10 s is already 0.1 %).
    static func cpuSeconds(_ pid: Int32) -> Double? {
        if let schedstat = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
           let first = schedstat.split(separator: " ").first, let ns = Double(first) {
            return ns / 1e9
        }
        return statCPUSeconds(pid)
    }

    /// utime + stime in seconds (fields 14 and 15 of /proc/PID/stat, counted after the command name).
    static func statCPUSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Proportional set size in MiB (/proc/PID/smaps_rollup): shared pages count divided among their users.
    static func pssMiB(_ pid: Int32) -> Double? {
        guard let rollup = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        for line in rollup.split(separator: "\n") where line.hasPrefix("Pss:") {
            let parts = line.split(separator: " ")
            if parts.count >= 2, let kB = Double(parts[1]) { return kB / 1024 }
        }
        return nil
    }
}
