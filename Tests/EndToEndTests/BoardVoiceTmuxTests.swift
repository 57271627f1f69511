import Foundation
import Testing

/// `desk board --voice` as a real program in a real terminal: a call made from the command line is said (to sox's
/// null output here, as no test machine has speakers) and logged; with a device that does not exist the board runs
/// silent and says so on its footer.
@Suite(.serialized) struct BoardVoiceTmuxTests {
    let folder: URL
    let db: String
    static let voiceInstalled = ["/usr/bin", "/usr/local/bin", "/bin"].contains { folder in
        FileManager.default.isExecutableFile(atPath: folder + "/espeak-ng") } && ["/usr/bin", "/usr/local/bin", "/bin"].contains { folder in
        FileManager.default.isExecutableFile(atPath: folder + "/sox") }

    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    /// The file's lines once `done` holds for them (or `timeout` passed).
    func waitForLines(_ path: String, timeout: Double = 20, until done: ([Substring]) -> Bool) -> [Substring] {
        let start = Date()
        var lines: [Substring] = []
        while Date().timeIntervalSince(start) < timeout {
            lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
            if done(lines) { return lines }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return lines
    }

    @Test(.enabled(if: TmuxSession.isAvailable && BoardVoiceTmuxTests.voiceInstalled, "tmux, espeak-ng or sox is not installed"))
    func aCallFromTheCommandLineIsSpokenAndLogged() throws {
        let log = folder.appendingPathComponent("voice.log").path
        let board = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"], shell: TmuxSession.deskShell(
            "board --voice --audio-device null --lang zh --db \(TmuxSession.quote(db)) 2>>\(TmuxSession.quote(log))"))
        #expect(try board.waitUntilContains("最近叫号") != nil, "\(board.screenText)")
        let ready = waitForLines(log) { $0.contains { $0.contains("语音播报已开启") } }
        #expect(ready.contains { $0.hasSuffix("语音播报已开启：espeak-ng -v cmn-latn-pinyin/en, sox -n。") }, "\(ready)")
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "recall", "--window", "1"]] {
            let r = try Desk.run(step + ["--db", db])
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        #expect(try board.waitUntilContains("A001    1 号窗口") != nil, "\(board.screenText)")
        // The call, then the recall: said twice, one after the other.
        let said = "desk board: 已播报：A001 → 1 号窗口：请 A 零 零 一 号 到 1 号窗口办理"
        let lines = waitForLines(log) { $0.filter { $0.hasSuffix(said) }.count >= 2 }
        #expect(lines.filter { $0.hasSuffix(said) }.count == 2, "\(lines)")
        try board.send("q")
        #expect(try board.waitUntilContains("exit=0") != nil, "\(board.screenText)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func withADeviceThatDoesNotOpenTheBoardRunsSilentAndSaysSoOnce() throws {
        let log = folder.appendingPathComponent("voice.log").path
        let board = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"], shell: TmuxSession.deskShell(
            "board --voice --audio-device desk-no-such-device --lang en --db \(TmuxSession.quote(db)) 2>>\(TmuxSession.quote(log))"))
        let notice = Self.voiceInstalled ? "Voice off: audio device desk-no-such-device cannot be opened." : "Voice off: espeak-ng is not installed."
        #expect(try board.waitUntilContains(notice) != nil, "\(board.screenText)")
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"]] {
            #expect(try Desk.run(step + ["--db", db]).status == 0)
        }
        #expect(try board.waitUntilContains("A001    Window 1") != nil, "\(board.screenText)")
        try board.send("q")
        #expect(try board.waitUntilContains("exit=0") != nil, "\(board.screenText)")
        let lines = waitForLines(log) { $0.contains { $0.hasSuffix(notice) } }
        #expect(lines.filter { $0.hasSuffix(notice) }.count == 1, "\(lines)")
    }

    @Test func anAudioDeviceWithoutVoiceIsAUsageError() throws {
        let r = try Desk.run(["board", "--audio-device", "null", "--lang", "en", "--db", db])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--audio-device goes with --voice."))
    }
}
