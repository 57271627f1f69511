import Testing
@testable import DeskTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("Window 3") == 8)
        #expect(DisplayWidth.of(Character("A")) == 1)
    }

    @Test func chineseIsTwoColumns() {
        #expect(DisplayWidth.of("窗口") == 4)
        #expect(DisplayWidth.of("A001 请到3号窗口") == 5 + 2 * 2 + 1 + 2 * 3)
        #expect(DisplayWidth.of(Character("，")) == 2) // fullwidth comma
        #expect(DisplayWidth.of(Character("Ａ")) == 2) // fullwidth A
    }

    @Test func combiningMarksAddNothing() {
        let decomposed = "e\u{301}" // e + COMBINING ACUTE ACCENT: one grapheme
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("Zo\u{308}e") == 3)
    }

    @Test func controlsAreZero() {
        #expect(DisplayWidth.of("\t") == 0)
        #expect(DisplayWidth.of("a\nb") == 2)
        #expect(DisplayWidth.isControl("\u{1B}"))
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        #expect(TextFitting.truncate("政务服务中心", to: 5) == "政务")
        #expect(TextFitting.truncate("政务服务中心", to: 5, marker: "~") == "政务~")
        #expect(TextFitting.truncate("short", to: 10, marker: "~") == "short")
    }

    @Test func padAligns() {
        #expect(TextFitting.pad("中", to: 5) == "中   ")
        #expect(TextFitting.pad("中", to: 5, alignment: .right) == "   中")
        #expect(TextFitting.pad("中", to: 6, alignment: .center) == "  中  ")
        #expect(TextFitting.pad("中文字", to: 5).displayWidth == 5)
    }

    @Test func fallbackTableAgreesOnTheBasics() {
        #expect(FallbackWidthTable.width(of: "中") == 2)
        #expect(FallbackWidthTable.width(of: "a") == 1)
        #expect(FallbackWidthTable.width(of: "\u{301}") == 0)
    }
}
