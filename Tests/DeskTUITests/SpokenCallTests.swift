import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The sentence the board's voice says: the code one character at a time, the window as a number.
@Suite struct SpokenCallTests {
    @Test(arguments: [
        ("A012", 3, "请 A 零 一 二 号 到 3 号窗口办理"),
        ("B004", 5, "请 B 零 零 四 号 到 5 号窗口办理"),
        ("A100", 1, "请 A 一 零 零 号 到 1 号窗口办理"),
        ("E007", 12, "请 E 零 零 七 号 到 12 号窗口办理"),
        ("AB1000", 20, "请 A B 一 零 零 零 号 到 20 号窗口办理"),
        ("c359", 10, "请 C 三 五 九 号 到 10 号窗口办理"),   // letters upper case: a lower-case one would be read as pinyin
    ])
    func chinese(code: String, window: Int, spoken: String) {
        #expect(SpokenCall(code: code, window: window, language: .zh).text == spoken)
    }

    @Test(arguments: [
        ("A012", 3, "Number A, 0 1 2, please go to window 3."),
        ("B004", 5, "Number B, 0 0 4, please go to window 5."),
        ("E007", 12, "Number E, 0 0 7, please go to window 12."),
        ("AB1000", 20, "Number A, B, 1 0 0 0, please go to window 20."),
    ])
    func english(code: String, window: Int, spoken: String) {
        #expect(SpokenCall(code: code, window: window, language: .en).text == spoken)
    }

    @Test func everyDigitHasItsNumeral() {
        #expect(SpokenCall.spell("A0123456789", .zh) == "A 零 一 二 三 四 五 六 七 八 九")
        #expect(SpokenCall.spell("A0123456789", .en) == "A, 0 1 2 3 4 5 6 7 8 9")
        // Nothing but letters and digits is read: no punctuation spoken.
        #expect(SpokenCall.spell("A-01 2", .zh) == "A 零 一 二")
    }

    @Test func fromTheBoardsAnnouncementARecallSaysTheSame() {
        let call = BoardView.Announcement(id: 8, at: HallFixtures.now, code: "A012", window: 3, isRecall: false)
        let recall = BoardView.Announcement(id: 9, at: HallFixtures.now, code: "A012", window: 3, isRecall: true)
        #expect(SpokenCall(call, language: .zh) == SpokenCall(recall, language: .zh))
        #expect(SpokenCall(recall, language: .zh).code == "A012" && SpokenCall(recall, language: .zh).window == 3)
    }
}
