import Foundation
import GRDB
import Testing

/// The file survives every mishap: no replacing a hall in use, no writing to a damaged one, a full disk said as
/// such and no half-made hall left by `init`.
@Suite struct FileMishapTests {
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    /// `init --force` is refused while another process has the hall open (saying how many), needs --yes, and
    /// keeps a dated copy.
    @Test func initForceIsRefusedWhileTheHallIsOpen() throws {
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db]).status == 0)
        // This test process holds the file open, as a running screen would.
        var screen: DatabasePool? = try DatabasePool(path: db)
        #expect(try screen?.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ticket") } == 1)
        let inUse = try Desk.run(["init", "--demo", "--force", "--yes", "--db", db])
        #expect(inUse.status == 1)
        #expect(inUse.stderr.contains("is open in 1 other process (\(getpid()))"), "\(inUse.stderr)")
        try screen?.close()
        screen = nil
        #expect(try Desk.run(["ticket", "show", "A001", "--db", db]).status == 0)

        let unconfirmed = try Desk.run(["init", "--demo", "--force", "--db", db])
        #expect(unconfirmed.status == 1 && unconfirmed.stderr.contains("Add --yes to confirm"), "\(unconfirmed.stderr)")
        #expect(try Desk.run(["ticket", "show", "A001", "--db", db]).status == 0)

        let replaced = try Desk.run(["init", "--demo", "--force", "--yes", "--db", db])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try Desk.run(["ticket", "show", "A001", "--db", db]).status == 1)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("hall.sqlite.replaced-") }
        #expect(kept.count == 1)
        let copy = folder.appendingPathComponent(kept.first ?? "none").path
        #expect(try Desk.run(["ticket", "show", "A001", "--db", copy]).status == 0)
    }

    /// A page overwritten with garbage: `init` and screens find it (quick_check), writes hit it; nothing is
    /// written, the message gives the recovery steps, exit 4.
    @Test func aDamagedFileIsNotWrittenTo() throws {
        let (root, pageSize) = try DatabaseQueue(path: db).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'ticket'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        #expect(root > 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: db))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.close()

        // (A one-shot command meets the damage only if it reads the damaged page: SQLite's own error, same message.)
        for arguments in [["init"], ["ticket", "issue", "--line", "A"], ["board"], ["kiosk"], ["window", "--window", "1"]] {
            let r = try Desk.run(arguments + ["--db", db], environment: ["TERM": "xterm"])
            #expect(r.status == 4, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("is damaged") && r.stderr.contains(".recover"), "\(arguments): \(r.stderr)")
            #expect(!r.stdout.contains("ready"), "\(arguments): \(r.stdout)")
        }
        let zh = try Desk.run(["init", "--db", db, "--lang", "zh"])
        #expect(zh.status == 4 && zh.stderr.contains("已损坏") && zh.stderr.contains(".recover"), "\(zh.stderr)")
    }

    /// A tiny tmpfs (mounted in a private mount namespace with `unshare`): `init --demo` on it fails saying the
    /// disk is full and leaves nothing; a ticket on a full disk is refused the same way.
    @Test(.enabled(if: FileMishapTests.canMountTmpfs, "needs unshare and tmpfs mounts (root or user namespaces)"))
    func aFullDiskIsSaidAsSuchAndInitLeavesNothing() throws {
        let mount = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let tiny = try Self.inTmpfs(mount, size: "256k", """
            "$DESK" init --demo --lang en --db "$DIR/hall.sqlite"; echo "status=$?"; echo "files=$(ls -A "$DIR" | tr '\\n' ' ')"
            """)
        #expect(tiny.contains("status=4") && tiny.contains("is full"), "\(tiny)")
        #expect(tiny.contains("files=\n") || tiny.hasSuffix("files="), "\(tiny)")
        #expect(!tiny.contains("disk failed"), "\(tiny)")

        let filled = try Self.inTmpfs(mount, size: "16m", """
            "$DESK" init --demo --db "$DIR/hall.sqlite" >/dev/null || exit 98
            dd if=/dev/zero of="$DIR/filler" bs=64k 2>/dev/null
            "$DESK" ticket issue --line A --lang en --db "$DIR/hall.sqlite"; echo "status=$?"
            """)
        #expect(filled.contains("status=4") && filled.contains("is full"), "\(filled)")
    }

    static var canMountTmpfs: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), let folder = try? Desk.scratchFolder() else { return false }
        return (try? inTmpfs(folder, size: "64k", "echo mounted")) == "mounted"
    }

    /// Runs `script` (sh) in a private mount namespace with a tmpfs of `size` on `directory` ($DIR; $DESK is the
    /// binary). Output and errors together, trimmed.
    static func inTmpfs(_ directory: URL, size: String, _ script: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        let sizeOption = "size=\(size)"
        p.arguments = ["-rm", "sh", "-c", "mount -t tmpfs -o \(sizeOption) tmpfs \"$DIR\" || exit 97\n" + script]
        var env = ProcessInfo.processInfo.environment
        env["DIR"] = directory.path
        env["DESK"] = Desk.executable.path
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "DESK_DB")
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
