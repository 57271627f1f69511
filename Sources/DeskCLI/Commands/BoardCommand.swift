import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk board`: the display board for a wall screen (read-only).
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "The display board for the hall's wall screen (read-only; q, Esc or F10 quits).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    @Flag(help: .hidden) var watchForBench = false
    /// For `desk bench`'s scale run: the real board on its terminal, and "<epoch ms> <code>" on standard error
    /// once a frame showing a new announcement has been drawn.
    @Flag(help: .hidden) var benchLog = false
    @Flag(help: ArgumentHelp("Announce each call and recall aloud with espeak-ng (Mandarin, or English with --lang en).",
                             discussion: "Needs espeak-ng and sox; without them, or without an audio device, the board runs silent and says so once."))
    var voice = false
    @Option(help: ArgumentHelp("With --voice: the audio device: an ALSA name (hw:1,0, plughw:…, pulse), 'null' (play nowhere) or 'default'.",
                               valueName: "DEV"))
    var audioDevice: String?

    func validate() throws {
        try UsageError.rejectBlank(audioDevice, "--audio-device")
        if audioDevice != nil && !voice {
            throw UsageError(en: "--audio-device goes with --voice.", zh: "--audio-device 需与 --voice 一起使用。")
        }
    }

    func run() throws {
        let database = try options.openDatabase(checkingIntegrity: !watchForBench)
        if watchForBench {
            try BoardBench.watch(database, language: options.language)
            return
        }
        let chosen = try themeOption.load(for: database)
        let session = BoardSession(database: database)
        let language = options.language
        let boardVoice = voice ? Self.startVoice(device: audioDevice, language: language) : nil
        defer { boardVoice?.announcer.stop() }
        try CursesTerminal.run(theme: chosen) { terminal in
            guard benchLog else {
                try session.run(on: terminal, language: language, voice: boardVoice)
                return
            }
            let logging = AnnouncementLoggingTerminal(terminal)
            try session.run(on: logging, language: language, voice: boardVoice, afterPoll: logging.noteLatest)
        }
    }

    /// The announcer with espeak-ng and sox on `device`, started (it checks the programs and the device on its own
    /// thread). Its log goes to standard error when that is not the board's terminal (`2>>voice.log`).
    static func startVoice(device: String?, language: Language) -> BoardVoice {
        let logs = isatty(STDERR_FILENO) == 0
        let announcer = Announcer(speaker: EspeakSpeaker(output: AudioOutput(device: device)), log: { event in
            guard logs else { return }
            let line = ISO8601DateFormatter().string(from: Date()) + " desk board: " + UIText.voiceLog(event).text(language) + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        })
        announcer.start()
        return BoardVoice(announcer: announcer, language: language)
    }
}
