import Foundation
import Testing

/// A program running in a detached tmux session of a fixed size, on a private tmux server (its own
/// socket), so tests neither see nor disturb anyone's tmux. Read the screen with `capture()`.
final class TmuxSession {
    let socket: String
    let name = "t"
    /// The tmux server and the program in the pane, to end them if `kill-server` leaves them behind.
    private var pids: [pid_t] = []

    /// nil when tmux is not installed (the test should then skip, saying so).
    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { tmuxPath != nil }
    static let missingMessage: Comment = "tmux is not installed: skipping the terminal tests (apt-get install tmux)"

    /// Starts `command` (argv) in a `width`×`height` session with `environment` added to a clean one.
    init(width: Int, height: Int, environment: [String: String] = [:], command: [String]) throws {
        socket = "desk-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = (["env", "-u", "LC_ALL", "-u", "DESK_DB", "-u", "DESK_NOW"] + assignments + command).map(Self.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), line])
        // Keep the pane after the program exits, so a crash message can still be read.
        _ = try? tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        pids = ((try? tmux(["display-message", "-p", "-t", name, "#{pid} #{pane_pid}"])) ?? "")
            .split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
    }

    deinit { kill() }

    /// Keys in tmux's names: "Enter", "Escape", "Down", "F10", or literal text.
    func send(_ keys: String...) throws { try send(keys) }
    func send(_ keys: [String]) throws { _ = try tmux(["send-keys", "-t", name] + keys) }

    /// The visible screen as plain text, one string per row.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The screen as one string, for failure messages.
    var screenText: String {
        let windows = (try? tmux(["list-windows", "-t", name])) ?? ""
        return windows + ((try? capture().joined(separator: "\n")) ?? "(no screen)")
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Starts a shell command line (for tests that wrap the program, e.g. to report its exit status).
    convenience init(width: Int, height: Int, environment: [String: String] = [:], shell line: String) throws {
        try self.init(width: width, height: height, environment: environment, command: ["sh", "-c", line])
    }

    /// Waits until the screen shows every one of `texts`; false (after `timeout` seconds) when it never did.
    func waitFor(_ texts: String..., timeout: Double = 10) -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            let screen = (try? capture().joined(separator: "\n")) ?? ""
            if texts.allSatisfy(screen.contains) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Polls the screen until `text` appears; returns the seconds it took, or nil at the timeout.
    @discardableResult
    func waitUntilContains(_ text: String, timeout: Double = 10, every interval: Double = 0.02) throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try capture().joined(separator: "\n").contains(text) { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: interval)
        }
        return nil
    }

    /// Ends the session. A server started from a test process has been seen to hang while exiting (its
    /// child unreaped), so after `kill-server` the server and the pane's program are ended by their ids.
    func kill() {
        _ = try? tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(1)
        while pids.contains(where: { Foundation.kill($0, 0) == 0 }) && Date() < deadline { usleep(20_000) }
        for pid in pids where Foundation.kill(pid, 0) == 0 { Foundation.kill(pid, SIGKILL) }
        pids = []
    }

    /// Runs one tmux client, with posix_spawn rather than Foundation's Process: the first client forks the
    /// tmux server, which keeps every descriptor it inherits. Process gives its child one end of a socket pair
    /// and waits for it to close, so through the server it would wait forever. Here the child gets only
    /// stdin, stdout (a file) and stderr, and is reaped with waitpid.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let executable = Self.tmuxPath ?? "/usr/bin/tmux"
        let argv = ([executable, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Self.closeFrom3(&actions)
        // Test threads block signals, and a blocked mask is inherited down to the program under test (which
        // would then never see SIGWINCH): start the client with none blocked and default dispositions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxError.failed(arguments.first ?? "", spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status >> 8) & 0xff
        guard status & 0x7f == 0, exitStatus == 0 else { throw TmuxError.failed(arguments.first ?? "", exitStatus) }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which the Glibc module does not export; else each
    /// descriptor open now (a descriptor closed meanwhile would make the spawn fail, and the test with it).
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for fd in ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap({ Int32($0) }) where fd > 2 {
            if fcntl(fd, F_GETFD) >= 0 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error { case failed(String, Int32) }

extension TmuxSession {
    /// `desk …` inside a shell that reports the exit status and whether the terminal settings came back as
    /// they were, then stays open so the screen can be read. `environment` is a shell prefix such as
    /// "DESK_PASSWORD=demo-S02 ".
    static func deskShell(_ arguments: String, environment: String = "") -> String {
        let desk = quote(Desk.executable.path)
        return """
            before=$(stty -g); \(environment)\(desk) \(arguments); status=$?; \
            [ "$before" = "$(stty -g)" ] && echo TERMINAL-RESTORED; echo "exit=$status"; sleep 60
            """
    }
}
