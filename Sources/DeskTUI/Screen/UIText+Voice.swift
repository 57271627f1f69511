import HallModel
import Queue

// The board's voice (`desk board --voice`): what it says, and what it tells the hall about itself.
extension UIText {
    // MARK: Voice
    /// The spoken call, the code already spelled for the language (`SpokenCall.spell`): "请 A 零 一 二 号 到 3 号窗口办理".
    public static func voiceCall(zh: String, en: String, window: Int) -> Bilingual {
        Bilingual(en: "Number \(en), please go to window \(window).", zh: "请 \(zh) 号 到 \(window) 号窗口办理")
    }
}

extension UIText {
    /// Once, on the board's footer and in the log, when the voice cannot speak.
    public static func voiceOff(_ reason: VoiceUnavailable) -> Bilingual {
        switch reason {
        case .speechProgramMissing:
            Bilingual(en: "Voice off: espeak-ng is not installed.", zh: "语音播报已关闭：未安装 espeak-ng。")
        case .playerMissing:
            Bilingual(en: "Voice off: sox is not installed.", zh: "语音播报已关闭：未安装 sox。")
        case .deviceUnavailable(nil):
            Bilingual(en: "Voice off: the default audio device cannot be opened.", zh: "语音播报已关闭：默认音频设备无法打开。")
        case .deviceUnavailable(let device?):
            Bilingual(en: "Voice off: audio device \(device) cannot be opened.", zh: "语音播报已关闭：音频设备 \(device) 无法打开。")
        case .speakingFailed(let status):
            Bilingual(en: "Voice off: speaking failed (status \(status)).", zh: "语音播报已关闭：播报失败（状态 \(status)）。")
        }
    }

    /// A line of the voice's log (`desk board --voice 2>>voice.log`).
    public static func voiceLog(_ event: VoiceEvent) -> Bilingual {
        switch event {
        case .ready(let how): Bilingual(en: "Voice on: \(how).", zh: "语音播报已开启：\(how)。")
        case .spoken(let call):
            Bilingual(en: "Spoken: \(call.code) -> window \(call.window): \(call.text)",
                      zh: "已播报：\(call.code) → \(call.window) 号窗口：\(call.text)")
        case .dropped(let call):
            Bilingual(en: "Not spoken, too many calls waiting: \(call.code) -> window \(call.window).",
                      zh: "待播报的叫号太多，未播报：\(call.code) → \(call.window) 号窗口。")
        case .off(let reason): voiceOff(reason)
        }
    }
}
