import HallModel
import Queue

/// Who may use the window screen: signing in, moving from another window, leaving with a ticket at the
/// window, and the idle lock. Keys here never reach the window's ticket keys.
extension WindowScreen {
    /// The shared `SignInForm` takes the keys; a submitted form is the one `.signIn` effect.
    mutating func handleSignIn(_ key: Key, _ form: SignInForm) -> [Effect] {
        var form = form
        let outcome = form.handle(key, boundStaffID: boundStaffID)
        mode = .signIn(form)
        switch outcome {
        case .quit: return [.quit]
        case .submitted(let staff, let password): return [.signIn(staff: staff, password: password)]
        case .edited: return []
        }
    }

    mutating func handleConfirmMove(_ key: Key) -> [Effect] {
        if key == .f(10) || key == .ctrl("q") { return [.quit] }
        switch ConfirmPrompt().handle(key) {
        case .confirmed: return [.confirmMove]
        case .cancelled: mode = .signIn(SignInForm()); return []
        case .ignored: return []
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
        case .backspace, .delete, .char: mode = .locked(password: SignInForm.typed(key, into: password, maxLength: SignInForm.passwordLimit, allowed: .any))
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
            form.render(into: &grid, over: body, title: UIText.signInTitle(view.window.id).text(language), language: language)
        case .confirmMove(let from, let name):
            ConfirmPrompt().render(into: &grid, over: body, title: UIText.signInTitle(view.window.id).text(language),
                                   question: UIText.confirmMove(name: name, from: from, to: view.window.id).text(language),
                                   hint: UIText.confirmMoveHint.text(language))
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
