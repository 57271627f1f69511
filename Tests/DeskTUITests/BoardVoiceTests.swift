import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Which of the board's announcements the voice says, and the board with a voice that cannot speak.
@Suite struct BoardVoiceTests {
    typealias F = HallFixtures

    @Test func theFirstViewIsThePastThenEveryNewAnnouncementOldestFirst() {
        let first = BoardVoice.newAnnouncements(in: F.boardView(F.calls), after: nil)
        #expect(first.new.isEmpty && first.lastID == 7)
        let same = BoardVoice.newAnnouncements(in: F.boardView(F.calls), after: 7)
        #expect(same.new.isEmpty && same.lastID == 7)
        // Two calls between polls, and a recall of A012: all three, oldest first.
        let later = [F.announcement(10, "A012", window: 3, recall: true), F.announcement(9, "B005", window: 4),
                     F.announcement(8, "A013", window: 1)] + F.calls
        let next = BoardVoice.newAnnouncements(in: F.boardView(later), after: 7)
        #expect(next.new.map(\.id) == [8, 9, 10] && next.lastID == 10)
        // An empty board (a new day before the first call) keeps the mark.
        #expect(BoardVoice.newAnnouncements(in: F.boardView([]), after: 10) == ([], 10))
        // A board started before the day's first call: that call is new.
        let empty = BoardVoice.newAnnouncements(in: F.boardView([]), after: nil)
        #expect(empty.new.isEmpty && empty.lastID == 0)
        #expect(BoardVoice.newAnnouncements(in: F.boardView([F.announcement(1, "A001", window: 1)]), after: 0).new.map(\.id) == [1])
    }

    @Test func theFooterSaysOnceForAMinuteThatTheVoiceIsOff() {
        let t0 = F.now
        var board = BoardScreen(view: F.boardView(F.calls), now: t0)
        board.showVoiceNotice(.speechProgramMissing, at: t0)
        let frame = board.frame(context: F.context(.zh, 80, 24))
        #expect(frame.lines()[23].hasPrefix(" 语音播报已关闭：未安装 espeak-ng。"))
        let footerRoles = frame.roles(y: 23, legend: [.warning: "w"])
        #expect(footerRoles.hasPrefix("www"))
        let before = board.tick(at: t0.addingTimeInterval(59))
        #expect(!before && board.voiceNotice != nil)
        let ended = board.tick(at: t0.addingTimeInterval(60))
        #expect(ended)
        #expect(board.voiceNotice == nil)
        #expect(board.frame(context: F.context(.zh, 80, 24)).lines()[23].hasPrefix(" 请留意叫号。"))
    }
}

/// The board's session with a voice, against a real hall file and a recording speaker.
@Suite struct BoardVoiceSessionTests {
    let database: HallDatabase

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardvoice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path)
        try DemoActors.seed(database)
    }

    @Test func aCallAndItsRecallAreEachSpokenAndTheBoardDoesNotWait() throws {
        let other = try HallDatabase.open(path: database.path)
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try other.callNext(window: 1, by: try DemoActors.clerk(1, other))  // before the board starts: not announced
        let clerk = try DemoActors.clerk(3, other)
        let speaker = RecordingSpeaker(holds: true)
        let announcer = Announcer(speaker: speaker)
        announcer.start()
        let terminal = ActingTerminal(size: Size(width: 80, height: 24), steps: [
            .act({ _ = try other.callNext(window: 3, by: clerk) }, then: nil),
            .act({ try other.recall(window: 3, by: clerk) }, then: nil),
            .key(nil),
        ])
        // The speaker holds the first call until after the board has run: the board never waited for it.
        try BoardSession(database: database).run(on: terminal, language: .zh, voice: BoardVoice(announcer: announcer, language: .zh))
        #expect(terminal.frames.count >= 3)
        #expect(terminal.lastFrame!.lines()[1].contains("再次呼叫"))
        speaker.release.signal(); speaker.release.signal()
        announcer.waitUntilIdle()
        let said = "请 A 零 零 二 号 到 3 号窗口办理"
        #expect(speaker.spokenTexts == [said, said])
    }

    @Test func withoutAudioTheBoardKeepsRunningAndSaysSoOnce() throws {
        let other = try HallDatabase.open(path: database.path)
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        let clerk = try DemoActors.clerk(3, other)
        let announcer = Announcer(speaker: RecordingSpeaker(prepareError: .deviceUnavailable(device: "hw:9,0")))
        announcer.start()
        announcer.waitUntilIdle()                   // the check has failed (it runs on the announcer's thread)
        let terminal = ActingTerminal(size: Size(width: 80, height: 24), steps: [
            .act({ _ = try other.callNext(window: 3, by: clerk) }, then: nil),
            .key(nil),
        ])
        let board = try BoardSession(database: database).run(on: terminal, language: .en, voice: BoardVoice(announcer: announcer, language: .en))
        let footers = terminal.frames.map { $0.lines()[23] }
        #expect(footers.allSatisfy { $0.hasPrefix(" Voice off: audio device hw:9,0 cannot be opened.") })
        #expect(terminal.lastFrame!.lines()[9].contains("A001"))   // the call is on the board all the same
        #expect(board.voiceNotice?.reason == .deviceUnavailable(device: "hw:9,0"))
        #expect(announcer.takeNotice() == nil)
    }
}
