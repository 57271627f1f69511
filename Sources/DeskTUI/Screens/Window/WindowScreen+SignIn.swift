import HallModel
import Queue

/// The sign-in form of the window screen: staff number and a masked password.
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
}

/// Who may use the window screen: signing in, moving from another window, leaving with a ticket at the
/// window, and the idle lock. Keys here never reach the window's ticket keys.
extension WindowScreen {
    mutating func handleSignIn(_ key: Key, _ form: SignInForm) -> [Effect] {
        var form = form
        switch key {
        case .f(10), .ctrl("q"): return [.quit]
        case .tab, .backTab, .up, .down:
            form.focus = form.focus == .staff ? .password : .staff
        case .escape:
            form = SignInForm()
        case .backspace, .delete, .char:
            // Typing at the end of the focused field, through the shared `TextField`.
            if form.focus == .staff {
                form.staff = Self.typed(key, into: form.staff, maxLength: SignInForm.staffLimit, allowed: .identifier)
            } else {
                form.password = Self.typed(key, into: form.password, maxLength: SignInForm.passwordLimit, allowed: .any)
            }
        case .enter:
            if form.focus == .staff {
                guard !form.staff.isEmpty else { break }
                // The bound account's own number needs no password.
                if form.staff == boundStaffID { mode = .signIn(form); return [.signIn(staff: form.staff, password: "")] }
                form.focus = .password
            } else {
                guard !form.staff.isEmpty else { form.focus = .staff; break }
                guard !form.password.isEmpty || form.staff == boundStaffID else { break }
                mode = .signIn(form)
                return [.signIn(staff: form.staff, password: form.password)]
            }
        default: break
        }
        mode = .signIn(form)
        return []
    }

    /// `text` after `key` (a character, Backspace or Delete at its end) in a `TextField`.
    static func typed(_ key: Key, into text: String, maxLength: Int, allowed: TextField.Allowed) -> String {
        var field = TextField(text, maxLength: maxLength, allowed: allowed)
        _ = field.handle(key == .delete ? .backspace : key)
        return field.text
    }

    mutating func handleConfirmMove(_ key: Key) -> [Effect] {
        switch key {
        case .char("y"), .char("Y"), .enter: return [.confirmMove]
        case .char("n"), .char("N"), .escape: mode = .signIn(SignInForm()); return []
        case .f(10), .ctrl("q"): return [.quit]
        default: return []
        }
    }

    /// f finishes (when serving), h holds, u requeues (when only called); then quit or sign out.
    mutating func handleConfirmLeave(_ key: Key, quitting: Bool) -> [Effect] {
        let then: Effect = quitting ? .quit : .signOut
        let state = view.current?.ticket.state
        switch key {
        case .char("f") where state == .serving: mode = .main; return [.finish, then]
        case .char("h"): mode = .main; return [.hold, then]
        case .char("u") where state == .called: mode = .main; return [.requeue, then]
        case .escape: mode = .main; return []
        default: return []
        }
    }

    mutating func handleLocked(_ key: Key, _ password: String) -> [Effect] {
        switch key {
        case .enter:
            guard !password.isEmpty || signedIn?.byAccount == true else { return [] }
            return [.unlock(password: password)]
        case .backspace, .delete, .char: mode = .locked(password: Self.typed(key, into: password, maxLength: SignInForm.passwordLimit, allowed: .any))
        case .escape: mode = .locked(password: "")
        default: break
        }
        return []
    }

    public var isLocked: Bool { if case .locked = mode { true } else { false } }

    /// Whether the screen is held by an identity mode (nobody may work the window's tickets).
    var isGuarded: Bool {
        switch mode {
        case .signIn, .confirmMove, .locked: true
        default: false
        }
    }

    func renderGuard(into grid: inout CellGrid, _ body: Rect, _ language: Language) {
        switch mode {
        case .signIn(let form):
            let box = body.centered(width: 46, height: 7)
            grid.fill(box, role: .normal)
            grid.box(box, title: UIText.signInTitle(view.window.id).text(language))
            let labelWidth = max(UIText.fieldStaffNumber.text(language).displayWidth, UIText.fieldPassword.text(language).displayWidth) + 2
            let fieldX = box.x + 2 + labelWidth
            let fieldWidth = box.maxX - 2 - fieldX
            for (row, label, text, field) in [(1, UIText.fieldStaffNumber, form.staff, SignInForm.Field.staff),
                                              (3, UIText.fieldPassword, String(repeating: "*", count: form.password.count), .password)] {
                grid.put(label.text(language), x: box.x + 2, y: box.y + row, role: .muted, limit: box.maxX - 1)
                let rect = Rect(x: fieldX, y: box.y + row, width: fieldWidth, height: 1)
                grid.fill(rect, role: .input)
                // The password's stars keep to the field (no cut-off marker: the count is nobody's business).
                let shown = field == .password ? String(text.prefix(fieldWidth - 1)) : TextFitting.truncate(text, to: fieldWidth - 1, marker: TextFitting.ellipsis)
                let x = grid.put(shown, x: rect.x, y: rect.y, role: form.focus == field ? .focused : .input, limit: rect.maxX)
                if form.focus == field { grid.put("_", x: x, y: rect.y, role: .focused, limit: rect.maxX) }
            }
            grid.put(UIText.signInHint(language), in: Rect(x: box.x + 2, y: box.y + 5, width: box.width - 4, height: 1), role: .muted, marker: TextFitting.ellipsis)
        case .confirmMove(let from, let name):
            let text = UIText.confirmMove(name: name, from: from, to: view.window.id).text(language)
            let box = body.centered(width: min(body.width - 4, max(40, text.displayWidth + 4)), height: 5)
            grid.fill(box, role: .normal)
            grid.box(box, title: UIText.signInTitle(view.window.id).text(language))
            grid.put(text, in: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: 1), marker: TextFitting.ellipsis)
            grid.put(UIText.confirmMoveHint.text(language), in: Rect(x: box.x + 2, y: box.y + 3, width: box.width - 4, height: 1), role: .keyHint, marker: TextFitting.ellipsis)
        case .locked(let password):
            let who = signedIn.map { "\($0.name) (\($0.staffID))" } ?? ""
            let box = body.centered(width: 46, height: 7)
            grid.fill(box, role: .normal)
            grid.box(box, title: UIText.lockedTitle.text(language))
            grid.put(who, in: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: 1), role: .highlight, marker: TextFitting.ellipsis)
            if signedIn?.byAccount == true {
                grid.put(UIText.unlockByAccount.text(language), in: Rect(x: box.x + 2, y: box.y + 3, width: box.width - 4, height: 1), marker: TextFitting.ellipsis)
            } else {
                let label = UIText.fieldPassword.text(language)
                grid.put(label, x: box.x + 2, y: box.y + 3, role: .muted, limit: box.maxX - 1)
                let rect = Rect(x: box.x + 4 + label.displayWidth, y: box.y + 3, width: box.maxX - 2 - (box.x + 4 + label.displayWidth), height: 1)
                grid.fill(rect, role: .input)
                let x = grid.put(String(repeating: "*", count: min(password.count, rect.width - 1)), x: rect.x, y: rect.y, role: .focused, limit: rect.maxX)
                grid.put("_", x: x, y: rect.y, role: .focused, limit: rect.maxX)
            }
            grid.put(UIText.unlockHint.text(language), in: Rect(x: box.x + 2, y: box.y + 5, width: box.width - 4, height: 1), role: .muted, marker: TextFitting.ellipsis)
        default: return
        }
    }

    func renderConfirmLeave(into grid: inout CellGrid, _ body: Rect, _ language: Language, quitting: Bool) {
        guard let current = view.current else { return }
        let state = current.ticket.state
        var options: [String] = []
        if state == .serving { options.append("f  " + UIText.leaveFinish.text(language)) }
        options.append("h  " + UIText.leaveHold.text(language))
        if state == .called { options.append("u  " + UIText.leaveRequeue.text(language)) }
        options.append("Esc  " + UIText.cancel.text(language))
        let title = UIText.leaveFirst(current.ticket.code, quitting: quitting).text(language)
        let width = min(body.width - 4, max(title.displayWidth + 6, (options.map(\.displayWidth).max() ?? 0) + 6, 36))
        let box = body.centered(width: width, height: options.count + 2)
        grid.fill(box, role: .normal)
        grid.box(box, title: title)
        for (i, option) in options.enumerated() {
            grid.put(option, in: Rect(x: box.x + 2, y: box.y + 1 + i, width: box.width - 4, height: 1), marker: TextFitting.ellipsis)
        }
    }
}
