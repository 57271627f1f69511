import Foundation
import Queue
import Synchronization

/// Where the voice is played: sox's output (`--audio-device`).
public enum AudioOutput: Sendable, Equatable {
    /// The system's default device (sox `-d`: `AUDIODEV`, else the default driver's default device).
    case systemDefault
    /// Nowhere: sox's null output, which reads the sound as fast as it can (for trying the board without speakers).
    case null
    /// An ALSA device by name: `hw:1,0`, `plughw:CARD=PCH,DEV=0`, `pulse`…
    case alsa(String)

    /// `--audio-device DEV`: "null" and "default" are words; anything else names an ALSA device.
    public init(device: String?) {
        switch device {
        case nil, "default"?: self = .systemDefault
        case "null"?: self = .null
        case let name?: self = .alsa(name)
        }
    }

    /// sox's output arguments.
    public var soxArguments: [String] {
        switch self {
        case .systemDefault: ["-d"]
        case .null: ["-n"]
        case .alsa(let name): ["-t", "alsa", name]
        }
    }

    /// The device's name for messages (nil: the default one).
    public var deviceName: String? {
        switch self {
        case .systemDefault: nil
        case .null: "null"
        case .alsa(let name): name
        }
    }
}

/// The real speaker: `espeak-ng -w` renders the sentence to a temporary WAV file and `sox` plays it on the chosen
/// output, after a short two-tone chime made by sox itself. Each runs as a child process without a shell (the sentence is an
/// argument); their output and errors are discarded (the board's terminal is the screen's).
///
/// The player is sox rather than espeak-ng's own output because espeak-ng cannot choose a device, and rather than
/// aplay because sox is needed anyway (the chime; the WAV test) and plays to ALSA, PulseAudio or OSS alike.
public final class EspeakSpeaker: Speaker {
    // Sendable without @unchecked: the one thing found at `prepare` (the Chinese voice) is in a Mutex.
    public struct Settings: Sendable, Equatable {
        /// Words a minute: slower than espeak-ng's 175, for a hall.
        public var rate = 140
        /// espeak-ng's amplitude (0–200); 100 is its default and already reaches full scale, so louder would clip:
        /// the hall's amplifier sets the volume.
        public var amplitude = 100
        /// Extra pause between words, in 10 ms units: the spelled characters stay apart.
        public var wordGap = 2
        public var chime = true
        public init() {}
    }

    /// espeak-ng 1.51's `cmn` voice ("latin as English") reads Chinese characters as pinyin spoken in English — 号 as
    /// "hao four" (espeak-ng issues #1028, #1236); `cmn-latn-pinyin` reads them as Mandarin. The board uses it when
    /// the installed espeak-ng has it, else `cmn`.
    public static let chineseVoices = ["cmn-latn-pinyin", "cmn"]
    public static let englishVoice = "en"

    public let output: AudioOutput
    public let settings: Settings
    /// Where espeak-ng and sox are looked for (the process's `PATH`).
    public let searchPath: String?
    private let chineseVoice = Mutex<String>("cmn")

    public init(output: AudioOutput, settings: Settings = Settings(), searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        self.output = output
        self.settings = settings
        self.searchPath = searchPath
    }

    /// espeak-ng and sox, or why the voice cannot start.
    private func programs() throws -> (espeak: String, sox: String) {
        guard let espeak = Self.executable("espeak-ng", path: searchPath) else { throw VoiceUnavailable.speechProgramMissing }
        guard let sox = Self.executable("sox", path: searchPath) else { throw VoiceUnavailable.playerMissing }
        return (espeak, sox)
    }

    public func prepare() throws -> String {
        let (espeak, sox) = try programs()
        // `-q` (no sound): exit status 1 when the voice does not exist.
        let voice = Self.chineseVoices.first { (try? Self.run(espeak, ["-q", "-v", $0, "号"])) == 0 } ?? "cmn"
        chineseVoice.withLock { $0 = voice }
        // 50 ms of silence: the device opens, or the voice is off before the first call.
        guard (try? Self.run(sox, ["-q", "-n", "-r", "22050", "-c", "1"] + output.soxArguments + ["trim", "0", "0.05"])) == 0 else {
            throw VoiceUnavailable.deviceUnavailable(device: output.deviceName)
        }
        return "espeak-ng -v \(voice)/\(Self.englishVoice), sox \(output.soxArguments.joined(separator: " "))"
    }

    public func speak(_ call: SpokenCall) throws {
        let sox = try programs().sox
        if settings.chime {
            let status = try Self.run(sox, ["-q", "-n", "-r", "22050", "-c", "1"] + output.soxArguments + Self.chimeEffects)
            guard status == 0 else { throw VoiceUnavailable.speakingFailed(status: status) }
        }
        // Rendered to a file, then played: no pipe between the two (a player that stops reading early would kill
        // espeak-ng with SIGPIPE), and the file is what the WAV test measures.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-voice-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try render(call, to: file)
        let status = try Self.run(sox, ["-q", file] + output.soxArguments)
        guard status == 0 else { throw VoiceUnavailable.speakingFailed(status: status) }
    }

    /// The sentence as a WAV file (`espeak-ng -w`), with the voice and settings the board speaks with: for the test
    /// that listens to it with sox, and for a hall that wants to hear it first.
    public func render(_ call: SpokenCall, to path: String) throws {
        let espeak = try programs().espeak
        let status = try Self.run(espeak, espeakArguments(call) + ["-w", path, call.text])
        guard status == 0 else { throw VoiceUnavailable.speakingFailed(status: status) }
    }

    /// `-v` voice, `-s` rate, `-a` amplitude, `-g` word gap.
    func espeakArguments(_ call: SpokenCall) -> [String] {
        let voice = call.language == .zh ? chineseVoice.withLock { $0 } : Self.englishVoice
        return ["-v", voice, "-s", String(settings.rate), "-a", String(settings.amplitude), "-g", String(settings.wordGap)]
    }

    /// Ding-dong: G5 then E5, 0.8 s, at 40 % so it does not drown the words.
    static let chimeEffects = ["synth", "0.3", "sine", "784", "fade", "0.01", "0.3", "0.2", "vol", "0.4", ":",
                               "synth", "0.5", "sine", "659", "fade", "0.01", "0.5", "0.4", "vol", "0.4"]

    /// The program's path on `PATH`, nil when it is not installed.
    public static func executable(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to its end, its standard streams on /dev/null; its exit status (128 + the signal when a signal
    /// ended it). posix_spawn and a blocking waitpid: the announcer's thread simply waits, and the board's file
    /// descriptors stay out of the picture (no pipes to close).
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw VoiceUnavailable.speakingFailed(status: -1) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw VoiceUnavailable.speakingFailed(status: -1) }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
