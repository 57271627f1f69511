import Testing
@testable import DeskTUI

/// The parts of the ncurses backend that need no terminal. The rest is checked through tmux.
@Suite struct CursesBackendTests {
    @Test func cursesKeyCodesMap() {
        #expect(Key(cursesKeyCode: 0o403) == .up)
        #expect(Key(cursesKeyCode: 0o522) == .pageDown)
        #expect(Key(cursesKeyCode: 0o410 + 5) == .f(5))
        #expect(Key(cursesKeyCode: 0o632) == .resize)
        #expect(Key(cursesKeyCode: 0o777) == nil)
    }

    @Test func cursesCharactersMap() {
        #expect(Key(cursesCharacter: 13) == .enter)
        #expect(Key(cursesCharacter: 27) == .escape)
        #expect(Key(cursesCharacter: 127) == .backspace)
        #expect(Key(cursesCharacter: 17) == .ctrl("q"))
        #expect(Key(cursesCharacter: 0x4E2D) == .char("中"))
        #expect(Key(cursesCharacter: 0x61) == .char("a"))
        #expect(Key(cursesCharacter: 0) == nil)
    }

    @Test func acsLettersAreDistinct() {
        #expect(Set(LineGlyph.allCases.map(CursesTerminal.acsLetter)).count == LineGlyph.allCases.count)
    }

    @Test func openingWithoutTERMIsAClearError() {
        #expect(throws: TerminalError.termUnset) { _ = try CursesTerminal(theme: .standard, environment: [:]) }
        #expect(TerminalError.unknownTerminal("xyz").message.zh.contains("未知的终端类型 'xyz'"))
    }
}
