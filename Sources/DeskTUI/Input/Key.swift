/// One key press, as screens see it. The backend maps terminal input to these.
public enum Key: Sendable, Hashable {
    /// A printable grapheme (letters, digits, Chinese from an input method, space).
    case char(Character)
    case enter, escape, backspace, delete, insert, tab, backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// Function key F1…F12 (`.f(1)`).
    case f(Int)
    /// Control plus a letter, lower case: `.ctrl("l")`. Ctrl-C does not arrive here: the
    /// terminal turns it into SIGINT, which restores the terminal and exits.
    case ctrl(Character)
    /// The terminal changed size: the run loop rereads it and redraws.
    case resize
}
