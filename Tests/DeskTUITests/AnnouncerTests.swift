import Dispatch
import Foundation
import HallModel
import Queue
import Synchronization
import Testing
@testable import DeskTUI

/// A speaker that records when each call starts and ends, and can hold a call until the test lets it go.
final class RecordingSpeaker: Speaker {
    // Sendable without @unchecked: the record is in a Mutex; semaphores are thread-safe.
    enum Entry: Equatable { case start(String), end(String) }
    private let record = Mutex<(entries: [Entry], speaking: Int, most: Int)>(([], 0, 0))
    let prepareError: VoiceUnavailable?
    let failOn: String?
    /// Signalled when a call starts; a held speaker waits on `release` before it ends.
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let holds: Bool

    init(prepareError: VoiceUnavailable? = nil, failOn: String? = nil, holds: Bool = false) {
        self.prepareError = prepareError; self.failOn = failOn; self.holds = holds
    }

    var entries: [Entry] { record.withLock { $0.entries } }
    /// The most calls ever spoken at once.
    var mostAtOnce: Int { record.withLock { $0.most } }
    var spokenTexts: [String] { entries.compactMap { if case .end(let t) = $0 { t } else { nil } } }

    func prepare() throws -> String {
        if let prepareError { throw prepareError }
        return "recording"
    }

    func speak(_ call: SpokenCall) throws {
        record.withLock { r in
            r.entries.append(.start(call.text)); r.speaking += 1; r.most = max(r.most, r.speaking)
        }
        started.signal()
        if holds { release.wait() }
        if call.code == failOn {
            record.withLock { $0.speaking -= 1 }
            throw VoiceUnavailable.speakingFailed(status: 1)
        }
        record.withLock { r in r.entries.append(.end(call.text)); r.speaking -= 1 }
    }
}

/// Collects the announcer's log events.
final class VoiceLog: Sendable {
    private let events = Mutex<[VoiceEvent]>([])
    var all: [VoiceEvent] { events.withLock { $0 } }
    var sink: @Sendable (VoiceEvent) -> Void { { [self] event in events.withLock { $0.append(event) } } }
}

@Suite struct AnnouncerTests {
    func call(_ code: String, _ window: Int = 3) -> SpokenCall { SpokenCall(code: code, window: window, language: .zh) }

    @Test func callsArrivingTogetherAreSpokenOneAfterAnotherInOrder() {
        let speaker = RecordingSpeaker(holds: true)
        let log = VoiceLog()
        let announcer = Announcer(speaker: speaker, log: log.sink)
        announcer.start()
        announcer.enqueue(call("A001"))
        speaker.started.wait()                      // A001 is being spoken…
        announcer.enqueue(call("A002", 4))          // …while two more arrive: they wait their turn
        announcer.enqueue(call("B001", 5))
        #expect(announcer.waitingCount == 2)
        for _ in 0..<3 { speaker.release.signal() }
        announcer.waitUntilIdle()
        let texts = ["A001", "A002", "B001"].map { call($0).text }
        let (a, b, c) = (call("A001").text, call("A002", 4).text, call("B001", 5).text)
        #expect(speaker.entries == [.start(a), .end(a), .start(b), .end(b), .start(c), .end(c)])
        #expect(speaker.mostAtOnce == 1)
        #expect(texts[0] == "请 A 零 零 一 号 到 3 号窗口办理")
        #expect(log.all == [.ready("recording"), .spoken(call("A001")), .spoken(call("A002", 4)), .spoken(call("B001", 5))])
    }

    @Test func aFloodedQueueDropsTheOldestAndLogsIt() {
        let speaker = RecordingSpeaker(holds: true)
        let log = VoiceLog()
        let announcer = Announcer(speaker: speaker, capacity: 2, log: log.sink)
        announcer.start()
        announcer.enqueue(call("A001"))
        speaker.started.wait()
        for code in ["A002", "A003", "A004", "A005"] { announcer.enqueue(call(code)) }  // never blocks
        #expect(announcer.waitingCount == 2)
        for _ in 0..<3 { speaker.release.signal() }
        announcer.waitUntilIdle()
        #expect(speaker.spokenTexts == ["A001", "A004", "A005"].map { call($0).text })
        #expect(log.all.filter { if case .dropped = $0 { true } else { false } } == [.dropped(call("A002")), .dropped(call("A003"))])
        #expect(UIText.voiceLog(.dropped(call("A002"))).text(.zh) == "待播报的叫号太多，未播报：A002 → 3 号窗口。")
    }

    @Test func noSpeakerMeansOneNoticeAndCallsAreIgnored() {
        let speaker = RecordingSpeaker(prepareError: .deviceUnavailable(device: nil))
        let log = VoiceLog()
        let announcer = Announcer(speaker: speaker, log: log.sink)
        announcer.enqueue(call("A001"))             // queued before the check: dropped when the voice turns off
        announcer.start()
        announcer.waitUntilIdle()
        #expect(announcer.status == .off(.deviceUnavailable(device: nil)))
        #expect(announcer.takeNotice() == .deviceUnavailable(device: nil))
        announcer.enqueue(call("A002"))
        announcer.waitUntilIdle()
        #expect(announcer.takeNotice() == nil)      // once
        #expect(announcer.waitingCount == 0)
        #expect(speaker.entries.isEmpty)
        #expect(log.all.filter { if case .off = $0 { true } else { false } }.count == 1)
    }

    @Test func aSpeakerFailingMidwayTurnsTheVoiceOffOnce() {
        let speaker = RecordingSpeaker(failOn: "A002")
        let log = VoiceLog()
        let announcer = Announcer(speaker: speaker, log: log.sink)
        announcer.start()
        for code in ["A001", "A002", "A003"] { announcer.enqueue(call(code)) }
        announcer.waitUntilIdle()
        #expect(announcer.takeNotice() == .speakingFailed(status: 1))
        #expect(announcer.takeNotice() == nil)
        #expect(speaker.spokenTexts == [call("A001").text])
        #expect(log.all.last == .off(.speakingFailed(status: 1)))
    }

    @Test func stopEndsTheWorkerWithoutSayingWhatWaits() {
        let speaker = RecordingSpeaker(holds: true)
        let announcer = Announcer(speaker: speaker)
        announcer.start()
        announcer.enqueue(call("A001"))
        speaker.started.wait()
        announcer.enqueue(call("A002"))
        announcer.stop()
        speaker.release.signal()
        announcer.waitUntilIdle()
        #expect(speaker.spokenTexts == [call("A001").text])
    }

    @Test func theNoticesInBothLanguages() {
        #expect(UIText.voiceOff(.speechProgramMissing).text(.zh) == "语音播报已关闭：未安装 espeak-ng。")
        #expect(UIText.voiceOff(.deviceUnavailable(device: "hw:1,0")).text(.en) == "Voice off: audio device hw:1,0 cannot be opened.")
        #expect(UIText.voiceOff(.deviceUnavailable(device: nil)).text(.zh) == "语音播报已关闭：默认音频设备无法打开。")
    }
}
