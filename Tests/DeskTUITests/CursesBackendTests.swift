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
        // Home and End under the names some terminfo entries give them: Find/Select (ESC[1~, ESC[4~), keypad A1/C1, LL.
        #expect(Key(cursesKeyCode: 0o552) == .home && Key(cursesKeyCode: 0o534) == .home)
        #expect(Key(cursesKeyCode: 0o601) == .end && Key(cursesKeyCode: 0o537) == .end && Key(cursesKeyCode: 0o533) == .end)
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
        #expect(TerminalError.cannotAddressCursor("dumb").message.en.contains("'dumb' cannot position the cursor"))
    }
}
