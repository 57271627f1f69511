import Foundation

/// Runs the real `desk` binary, as a script or a person at a shell would.
enum Desk {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
    }

    /// The `desk` built beside the test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("desk"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("desk"),
            packageRoot.appendingPathComponent(".build/debug/desk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = Process()
        // In a session of its own (setsid), so a password prompt can never reach the terminal `swift test`
        // runs in: without DESK_PASSWORD a command that needs one fails at once, as in CI.
        let setsid = URL(fileURLWithPath: "/usr/bin/setsid")
        if FileManager.default.isExecutableFile(atPath: setsid.path) {
            p.executableURL = setsid
            p.arguments = ["--wait", executable.path] + arguments
        } else {
            p.executableURL = executable
            p.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "DESK_DB")
        env.removeValue(forKey: "DESK_NOW")
        env.removeValue(forKey: "DESK_PASSWORD")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = stdin.map { _ in Pipe() }
        p.standardInput = input ?? FileHandle.nullDevice
        try p.run()
        if let input, let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a large output cannot block the child.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// A demo hall made by `desk init --demo` in a new scratch folder: the folder and the database's path.
    static func demoHall() throws -> (folder: URL, db: String) {
        let folder = try scratchFolder()
        let db = folder.appendingPathComponent("hall.sqlite").path
        let r = try run(["init", "--demo", "--db", db])
        guard r.status == 0 else { throw DemoHallFailed(stderr: r.stderr) }
        return (folder, db)
    }

    struct DemoHallFailed: Error { var stderr: String }

    /// A new empty folder for one test's files.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("desk-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

}

/// Data handed from the stderr reader thread.
final class LockedData: @unchecked Sendable {
    // Unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
