/// What a cell *means*; the theme decides how it looks (colour pair and attributes, or
/// attributes alone on monochrome and `NO_COLOR` terminals). Screens never pick colours.
///
/// Adding a role: add the case here, then a line for it in every file in `themes/` and in the
/// built-in copies (`BuiltInThemes.swift`); the theme tests say which file misses it.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case normal
    /// The title bar at the top of a screen.
    case title
    /// Column headers of tables, section headings.
    case header
    /// Frame lines and separators.
    case border
    /// The selected row of a list.
    case selected
    /// The form field that has the cursor.
    case focused
    /// An input field that does not have the cursor.
    case input
    /// Secondary text: hints, timestamps, disabled items.
    case muted
    /// Key names in the help line ("F2", "Enter").
    case keyHint
    /// Good news: served, accepted, within target.
    case ok
    /// Needs attention soon: approaching a deadline or a wait target.
    case warning
    /// Wrong or late: over deadline, bad review, refused.
    case danger
    /// Priority tickets (elderly, disabled, military, pregnant) and the green channel.
    case priority
    /// The big ticket numbers on the display board (drawn as reverse-video spaces).
    case bigDigit
    /// The ticket currently being called, on the board and the clerk screen.
    case highlight
    /// The status line when it reports an error.
    case statusError
    /// The status line when it reports information.
    case statusInfo
}
