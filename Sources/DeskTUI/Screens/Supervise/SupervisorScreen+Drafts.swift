import Foundation
import HallModel
import Queue

/// The supervisor's actions that need more than a yes: a 回访, a closing outcome, a complaint's handler, a message…
/// A `Draft` names the action being put together; `advance` opens what it still lacks — a `Picker` (how, reached,
/// outcome, satisfaction, line) or a `Form` (the words) — one at a time; the last step makes the `Action`. A form's
/// Enter is its confirmation; an action chosen from pickers alone is confirmed (`ConfirmPrompt`) as the others are.
extension SupervisorScreen {
    public enum Draft: Sendable, Equatable {
        case visit(String, how: ContactMethod?, reached: Bool?)
        case closeReview(String, outcome: RectificationOutcome?)
        case extendReview(String)
        case decideAppeal(String, upheld: Bool?)
        case assignComplaint(String)
        case answerComplaint(String)
        case closeComplaint(String)
        case moveTicket(String)
        case message(WindowMessageTarget)
        case windowLines(Int)
        case windowFilter(Int)
    }

    /// What a draft's picker chooses.
    public enum Choice: Sendable, Equatable {
        case method(ContactMethod)
        case reached(Bool)
        case outcome(RectificationOutcome)
        case upheld(Bool)
        case satisfaction(ComplaintSatisfaction)
        case line(String)
        case filter(WindowFilter)
    }

    /// A draft's form: its words, and (assigning a complaint) the unit.
    public enum FormField: Sendable, Hashable { case text, unit }

    /// Starts putting `draft` together.
    mutating func start(_ draft: Draft) -> [Effect] {
        confirming = nil
        advance(draft)
        return []
    }

    mutating func closeDraft() { draft = nil; choice = nil; form = nil }

    /// Opens the picker or the form `d` still needs.
    private mutating func advance(_ d: Draft) {
        draft = d
        choice = nil; form = nil
        switch d {
        case .visit(_, nil, _):
            openChoice(UIText.superviseVisitHow, ContactMethod.allCases.map { ($0.label, .method($0)) })
        case .visit(_, _?, nil):
            openChoice(UIText.superviseVisitReached, [(UIText.superviseReachedYes, .reached(true)), (UIText.superviseReachedNo, .reached(false))])
        case .visit(let n, let how?, let reached?):
            openForm(UIText.superviseVisitTitle(n, how, reached: reached),
                     [.init(id: .text, label: FreeText.visitSaid, input: TextField(maxLength: FreeText.rectificationTextLimit))])
        case .closeReview(_, nil):
            openChoice(UIText.superviseOutcomeTitle, RectificationOutcome.allCases.map { ($0.state.label, .outcome($0)) })
        case .closeReview(let n, let outcome?):
            openForm(UIText.superviseCloseReviewTitle(n, outcome),
                     [.init(id: .text, label: FreeText.rectificationNote, input: TextField(maxLength: FreeText.rectificationTextLimit))])
        case .extendReview(let n):
            openForm(UIText.superviseExtendTitle(n),
                     [.init(id: .text, label: FreeText.extensionReason, input: TextField(maxLength: FreeText.rectificationTextLimit))])
        case .decideAppeal(_, nil):
            openChoice(UIText.superviseAppealTitle, [(UIText.superviseAppealUphold, .upheld(true)), (UIText.superviseAppealReject, .upheld(false))])
        case .decideAppeal(let n, let upheld?):
            openForm(UIText.superviseDecideTitle(n, upheld: upheld),
                     [.init(id: .text, label: FreeText.decisionReason, input: TextField(maxLength: FreeText.rectificationTextLimit))])
        case .assignComplaint(let n):
            openForm(UIText.superviseAssignTitle(n), [
                .init(id: .text, label: UIText.superviseHandler, input: TextField(maxLength: 16, allowed: .identifier)),
                .init(id: .unit, label: FreeText.complaintUnit, input: TextField(maxLength: 40)),
            ])
        case .answerComplaint(let n):
            openForm(UIText.superviseAnswerTitle(n), [.init(id: .text, label: FreeText.complaintReply, input: TextField(maxLength: 500))])
        case .closeComplaint:
            openChoice(UIText.superviseSatisfactionTitle, ComplaintSatisfaction.allCases.map { ($0.label, .satisfaction($0)) })
        case .moveTicket(let code):
            let here = openLine?.line.prefix
            let lines = view.lines.filter { $0.line.prefix != here && $0.line.isOpen }
            guard !lines.isEmpty else { closeDraft(); status = (UIText.superviseNoOtherLine, true); return }
            openChoice(UIText.superviseMoveTitle(code), lines.map { (Bilingual(en: $0.line.prefix + " " + $0.line.name, zh: $0.line.prefix + " " + $0.line.name), .line($0.line.prefix)) })
        case .message(let target):
            openForm(UIText.superviseMessageTitle(target),
                     [.init(id: .text, label: WindowMessage.textField, input: TextField(maxLength: WindowMessage.textLimit))])
        case .windowLines(let id):
            let current = view.windows.first { $0.window.id == id }.map { w in
                WindowProfileText.text(w.window.profile) { lineID in view.lines.first { $0.line.id == lineID }?.line.prefix ?? "?" }
            } ?? ""
            openForm(UIText.superviseLinesTitle(id), [.init(id: .text, label: UIText.superviseLinesField, input: TextField(current, maxLength: 80))])
        case .windowFilter(let id): openFilterChoice(id)
        }
    }

    private mutating func openFilterChoice(_ id: Int) {
        let current = view.windows.first { $0.window.id == id }?.window.filter
        let options = WindowFilter.allCases.filter { $0 != current }
        openChoice(UIText.superviseFilterTitle(id), options.map { (UIText.superviseFilter($0), .filter($0)) })
    }

    private mutating func openChoice(_ title: Bilingual, _ options: [(Bilingual, Choice)]) {
        choice = BilingualPicker(title: title, options: options)
    }

    private mutating func openForm(_ title: Bilingual, _ fields: [Form<FormField>.Field]) {
        formTitle = title
        form = Form(fields: fields)
    }

    mutating func handleChoice(_ key: Key) -> [Effect] {
        guard var picker = choice else { return [] }
        switch picker.handle(key) {
        case .cancelled: closeDraft()
        case .moved, .ignored: choice = picker
        case .chosen(let value): chose(value)
        }
        return []
    }

    private mutating func chose(_ value: Choice) {
        guard let d = draft else { closeDraft(); return }
        switch (d, value) {
        case (.visit(let n, _, _), .method(let how)): advance(.visit(n, how: how, reached: nil))
        case (.visit(let n, let how, _), .reached(let reached)): advance(.visit(n, how: how, reached: reached))
        case (.closeReview(let n, _), .outcome(let outcome)): advance(.closeReview(n, outcome: outcome))
        case (.decideAppeal(let n, _), .upheld(let upheld)): advance(.decideAppeal(n, upheld: upheld))
        case (.closeComplaint(let n), .satisfaction(let s)): closeDraft(); confirming = .closeComplaint(n, s)
        case (.moveTicket(let code), .line(let prefix)): closeDraft(); confirming = .moveTicket(code, toLine: prefix)
        case (.windowFilter(let id), .filter(let filter)): closeDraft(); confirming = .setWindowFilter(id, filter)
        default: closeDraft()
        }
    }

    mutating func handleForm(_ key: Key) -> [Effect] {
        guard var current = form else { return [] }
        switch current.handle(key) {
        case .cancelled:
            closeDraft()
            return []
        case .submitted:
            guard let action = action(from: &current) else { form = current; return [] }
            form = current
            return [.act(action)]
        case .edited, .moved, .ignored:
            form = current
            return []
        }
    }

    /// The action the filled form makes (nil, with the field's error set, when what was typed does not read).
    private func action(from form: inout Form<FormField>) -> Action? {
        let text = form.text(.text)
        switch draft {
        case .visit(let n, let how?, let reached?): return .logVisit(n, how, reached: reached, said: text)
        case .closeReview(let n, let outcome?): return .closeReview(n, outcome, note: text)
        case .extendReview(let n): return .extendReview(n, reason: text)
        case .decideAppeal(let n, let upheld?): return .decideAppeal(n, upheld: upheld, note: text)
        case .assignComplaint(let n):
            let unit = form.text(.unit).trimmingCharacters(in: .whitespaces)
            return .assignComplaint(n, handler: text.trimmingCharacters(in: .whitespaces), unit: unit.isEmpty ? nil : unit)
        case .answerComplaint(let n): return .answerComplaint(n, reply: text)
        case .message(let target): return .sendMessage(target, text)
        case .windowLines(let id):
            do { _ = try WindowProfileText.parse(text) } catch {
                form.setError(error.message, for: .text)
                return nil
            }
            return .setWindowLines(id, text)
        case .visit, .closeReview, .decideAppeal, .closeComplaint, .moveTicket, .windowFilter, nil: return nil
        }
    }
}
