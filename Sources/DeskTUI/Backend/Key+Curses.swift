import CNcursesw

extension Key {
    /// A `get_wch` result of `KEY_CODE_YES`: a special key. nil for keys screens do not use.
    init?(cursesKeyCode code: Int32) {
        switch code {
        case desk_key_resize(): self = .resize
        case KEY_UP: self = .up
        case KEY_DOWN: self = .down
        case KEY_LEFT: self = .left
        case KEY_RIGHT: self = .right
        case KEY_PPAGE: self = .pageUp
        case KEY_NPAGE: self = .pageDown
        // Some terminfo entries name the vt220 keys Find/Select (ESC[1~, ESC[4~), and the keypad's corners
        // A1/C1: on a desk they are Home and End.
        case KEY_HOME, KEY_FIND, KEY_A1: self = .home
        case KEY_END, KEY_SELECT, KEY_LL, KEY_C1: self = .end
        case KEY_ENTER: self = .enter
        case KEY_BACKSPACE: self = .backspace
        case KEY_DC: self = .delete
        case KEY_IC: self = .insert
        case KEY_BTAB: self = .backTab
        case desk_key_f(1)...desk_key_f(12): self = .f(Int(code - desk_key_f(0)))
        default: return nil
        }
    }

    /// A `get_wch` result of `OK`: a character. Enter arrives as CR because of `nonl()`.
    init?(cursesCharacter value: UInt32) {
        switch value {
        case 13, 10: self = .enter
        case 9: self = .tab
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 1...26: self = .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            self = .char(Character(scalar))
        }
    }
}
