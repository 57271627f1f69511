import Foundation

/// Drives a program in a real terminal: a detached tmux session on its own server (`-L`), so
/// tests running at once never share one. Tests that need it are skipped when tmux is missing.
final class Tmux {
    let socket: String
    let session = "desk"

    /// The tmux executable on PATH, or nil.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static var isAvailable: Bool { path != nil }

    /// Starts `command` (a shell command line) in a `width`×`height` terminal with `environment` added.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "desk-test-\(UUID().uuidString.prefix(8))"
        var assignments = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in environment { assignments[k] = v }
        let prefix = assignments.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "env \(prefix) \(command)"])
    }

    deinit { kill() }

    /// Types `keys` (tmux key names: "n", "F2", "Escape", "Enter"…).
    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// The visible screen as text.
    func capture() -> String { (try? run(["capture-pane", "-p", "-t", session], output: true)) ?? "" }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen shows every one of `texts`; false (after `timeout`) when it never did.
    func waitFor(_ texts: String..., timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let screen = capture()
            if texts.allSatisfy(screen.contains) { return true }
            usleep(100_000)
        }
        return false
    }

    func kill() { _ = try? run(["kill-server"]) }

    /// Runs one tmux command and waits for it. Spawned directly rather than with `Process`: the client
    /// that starts the server forks it, and Foundation's `waitUntilExit` then never returns.
    @discardableResult
    private func run(_ arguments: [String], output: Bool = false) throws -> String {
        let outputPath = output ? FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).txt").path
            : "/dev/null"
        defer { if output { try? FileManager.default.removeItem(atPath: outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let executable = Self.path ?? "/usr/bin/tmux"
        // -u: UTF-8 whatever the test's locale; -f /dev/null: nobody's tmux.conf.
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable, "-u", "-f", "/dev/null", "-L", socket] + arguments).map { strdup($0) } + [nil]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runner's threads block most signals; a server inheriting that mask could never reap its
        // panes or obey kill-server, and the program under test could not be interrupted. Start clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError(message: "cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return output ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

struct TmuxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
