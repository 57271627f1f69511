import Queue
import Testing
@testable import DeskTUI

@Suite struct UITextTests {
    @Test func languageComesFromTheEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
        #expect(UIText.quit.text(.zh) == "退出")
    }

    @Test func chromeStringsHaveNoAmbiguousWidthCharacters() {
        let texts = [UIText.quit, UIText.help, UIText.back, UIText.confirm, UIText.cancel, UIText.yes, UIText.no,
                     UIText.loading, UIText.error, UIText.terminalTooSmall(minimum: Size(width: 80, height: 24), current: Size(width: 1, height: 1))]
        for text in texts {
            for s in [text.en, text.zh] {
                #expect(!s.contains("…") && !s.contains("—"), "\(s)")
            }
        }
    }
}
