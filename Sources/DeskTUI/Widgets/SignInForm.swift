import HallModel
import Queue

/// The sign-in form: staff number and a masked password, in a box over a screen. One widget for every screen a
/// person signs in to (the window screen's `.signIn` mode, the case screen's `SignInScreen`): the keys, the drawing
/// and the key bar are here; what a submitted form comes to (`ScreenSignIn.check`) is the same everywhere.
public struct SignInForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case staff, password }
    public var staff: String
    public var password: String
    public var focus: Field

    public init(staff: String = "", password: String = "", focus: Field? = nil) {
        self.staff = staff; self.password = password
        self.focus = focus ?? (staff.isEmpty ? .staff : .password)
    }

    static let staffLimit = 16
    static let passwordLimit = 64

    /// What a key made of the form.
    public enum Outcome: Sendable, Equatable {
        /// Typed, moved or cleared (or nothing): the form as it is now.
        case edited
        /// Enter on a filled form (an empty password: the bound account's own number).
        case submitted(staff: String, password: String)
        case quit
    }

    /// Tab/Up/Down switch the field; Enter on the number moves to the password (or submits the bound account's own
    /// number, which needs none), Enter on the password submits; Esc clears; F10 and Ctrl-Q quit.
    public mutating func handle(_ key: Key, boundStaffID: String?) -> Outcome {
        switch key {
        case .f(10), .ctrl("q"): return .quit
        case .tab, .backTab, .up, .down:
            focus = focus == .staff ? .password : .staff
        case .escape:
            self = SignInForm()
        case .backspace, .delete, .char:
            // Typing at the end of the focused field, through the shared `TextField`.
            if focus == .staff {
                staff = Self.typed(key, into: staff, maxLength: Self.staffLimit, allowed: .identifier)
            } else {
                password = Self.typed(key, into: password, maxLength: Self.passwordLimit, allowed: .any)
            }
        case .enter:
            if focus == .staff {
                guard !staff.isEmpty else { break }
                if staff == boundStaffID { return .submitted(staff: staff, password: "") }
                focus = .password
            } else {
                guard !staff.isEmpty else { focus = .staff; break }
                guard !password.isEmpty || staff == boundStaffID else { break }
                return .submitted(staff: staff, password: password)
            }
        default: break
        }
        return .edited
    }

    /// `text` after `key` (a character, Backspace or Delete at its end) in a `TextField`.
    static func typed(_ key: Key, into text: String, maxLength: Int, allowed: TextField.Allowed) -> String {
        var field = TextField(text, maxLength: maxLength, allowed: allowed)
        _ = field.handle(key == .delete ? .backspace : key)
        return field.text
    }

    /// The form's box, centred in `body`, titled `title`.
    public func render(into grid: inout CellGrid, over body: Rect, title: String, language: Language) {
        let box = body.centered(width: 46, height: 7)
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        let labelWidth = max(UIText.fieldStaffNumber.text(language).displayWidth, UIText.fieldPassword.text(language).displayWidth) + 2
        let fieldX = box.x + 2 + labelWidth
        let fieldWidth = box.maxX - 2 - fieldX
        for (row, label, text, field) in [(1, UIText.fieldStaffNumber, staff, Field.staff),
                                          (3, UIText.fieldPassword, String(repeating: "*", count: password.count), .password)] {
            grid.put(label.text(language), x: box.x + 2, y: box.y + row, role: .muted, limit: box.maxX - 1)
            let rect = Rect(x: fieldX, y: box.y + row, width: fieldWidth, height: 1)
            grid.fill(rect, role: .input)
            // The password's stars keep to the field (no cut-off marker: the count is nobody's business).
            let shown = field == .password ? String(text.prefix(fieldWidth - 1)) : TextFitting.truncate(text, to: fieldWidth - 1, marker: TextFitting.ellipsis)
            let x = grid.put(shown, x: rect.x, y: rect.y, role: focus == field ? .focused : .input, limit: rect.maxX)
            if focus == field { grid.put("_", x: x, y: rect.y, role: .focused, limit: rect.maxX) }
        }
        grid.put(UIText.signInHint(language), in: Rect(x: box.x + 2, y: box.y + 5, width: box.width - 4, height: 1), role: .muted, marker: TextFitting.ellipsis)
    }

    /// The key bar while the form takes the keys.
    public static var keyBarItems: [KeyBarItem] {
        [KeyBarItem(keys: "Tab", label: UIText.keySwitchField), KeyBarItem(keys: "Enter", label: UIText.confirm), KeyBarItem(keys: "F10", label: UIText.quit)]
    }
}
