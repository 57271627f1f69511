import Foundation
import Queue
import Testing
@testable import DeskTUI

/// The real voice: espeak-ng renders an announcement, sox measures it. Skipped (with the reason) on a machine
/// without espeak-ng and sox (`.ci/run` installs them).
@Suite(.enabled(if: VoiceTools.installed, "espeak-ng or sox is not installed: apt-get install espeak-ng sox"))
struct VoiceAudioTests {
    let folder: URL
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// `sox FILE -n stat`: its figures (written on standard error) by name.
    func stat(_ path: String) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(EspeakSpeaker.executable("sox", path: VoiceTools.path)))
        process.arguments = [path, "-n", "stat"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var figures: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
            figures[parts[0].trimmingCharacters(in: .whitespaces)] = value
        }
        return figures
    }

    @Test(arguments: [Language.zh, .en])
    func anAnnouncementIsAPlausibleLengthAndNotSilence(language: Language) throws {
        let speaker = EspeakSpeaker(output: .null)
        _ = try speaker.prepare()
        let path = folder.appendingPathComponent("A012-\(language).wav").path
        try speaker.render(SpokenCall(code: "A012", window: 3, language: language), to: path)
        let figures = try stat(path)
        let seconds = try #require(figures["Length (seconds)"])
        let rms = try #require(figures["RMS     amplitude"])
        #expect((1.5...10).contains(seconds), "\(seconds) s")
        #expect(rms > 0.05, "RMS \(rms)")   // silence is 0; speech at espeak-ng's default amplitude is about 0.13
    }

    @Test func theChineseVoiceReadsMandarinNotPinyinInEnglish() throws {
        let speaker = EspeakSpeaker(output: .null)
        let how = try speaker.prepare()
        // espeak-ng 1.51 has both; its `cmn` reads 号 as "hao four" in English, so the pinyin voice is chosen.
        #expect(how.hasPrefix("espeak-ng -v cmn-latn-pinyin/en"))
        #expect(speaker.espeakArguments(SpokenCall(code: "A012", window: 3, language: .zh)).prefix(2) == ["-v", "cmn-latn-pinyin"])
        #expect(speaker.espeakArguments(SpokenCall(code: "A012", window: 3, language: .en)).prefix(2) == ["-v", "en"])
    }

    @Test func speakingToTheNullDeviceRunsTheWholePipeline() throws {
        let speaker = EspeakSpeaker(output: .null)
        _ = try speaker.prepare()
        try speaker.speak(SpokenCall(code: "B004", window: 12, language: .zh))
        try speaker.speak(SpokenCall(code: "B004", window: 12, language: .en))
    }

    @Test func aDeviceThatDoesNotExistTurnsTheVoiceOffAtPrepare() {
        let speaker = EspeakSpeaker(output: .alsa("desk-no-such-device"))
        #expect(throws: VoiceUnavailable.deviceUnavailable(device: "desk-no-such-device")) { try speaker.prepare() }
    }
}

/// Whether this machine has the voice's programs.
enum VoiceTools {
    static let path = ProcessInfo.processInfo.environment["PATH"]
    static let installed = EspeakSpeaker.executable("espeak-ng", path: path) != nil && EspeakSpeaker.executable("sox", path: path) != nil
}

@Suite struct AudioOutputTests {
    @Test func theDeviceOptionChoosesSoxsOutput() {
        #expect(AudioOutput(device: nil) == .systemDefault)
        #expect(AudioOutput(device: "default").soxArguments == ["-d"])
        #expect(AudioOutput(device: "null").soxArguments == ["-n"])
        #expect(AudioOutput(device: "plughw:1,0").soxArguments == ["-t", "alsa", "plughw:1,0"])
        #expect(AudioOutput(device: "null").deviceName == "null" && AudioOutput(device: nil).deviceName == nil)
    }

    @Test func programsAreLookedUpOnThePath() {
        #expect(EspeakSpeaker.executable("sh", path: "/nonexistent:/bin") == "/bin/sh")
        #expect(EspeakSpeaker.executable("espeak-ng", path: "/nonexistent") == nil)
    }

    @Test func withoutEspeakNgTheVoiceIsOffAtPrepare() {
        #expect(throws: VoiceUnavailable.speechProgramMissing) { try EspeakSpeaker(output: .null, searchPath: "/nonexistent").prepare() }
        let announcer = Announcer(speaker: EspeakSpeaker(output: .null, searchPath: "/nonexistent"))
        announcer.start()
        announcer.waitUntilIdle()
        #expect(announcer.takeNotice() == .speechProgramMissing)
    }
}
