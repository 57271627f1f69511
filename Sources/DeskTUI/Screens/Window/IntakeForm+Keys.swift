import HallModel
import Queue

/// The intake form's key tables, one per step: `IntakeForm.handle`, the form's key bar and the window's help
/// read them, and `IntakeFormDocTests` checks that docs/window-screen.md ("## Intake form keys") lists each
/// table's bindings.
extension IntakeForm {
    public enum Command: Sendable, Equatable {
        /// Up/Down, PgUp/PgDn, Home/End: move in the step's list.
        case move
        /// Enter: choose the selected row (item, decision), or go on (particulars, confirmation).
        case choose
        /// Backspace in the item search.
        case deleteLast
        /// Ctrl-U: clear the item search.
        case clear
        /// F2: a person or an organisation.
        case switchKind
        /// F3: the representative: in person, an authorised agent, or one of the hall's proxy agents.
        case switchRepresentative
        /// F4: the next of the hall's proxy agents (while one represents the applicant).
        case nextAgent
        case nextField, previousField
        /// Space: the material's next mark.
        case cycleMark
        /// Enter: the material's note (what is wrong with a defective one).
        case note
        /// Tab: from the checklist to the decision.
        case next
        /// Esc: a step back (on the first step: close the form, nothing written).
        case back
    }

    typealias Binding = KeyBinding<Command, IntakeForm>
    /// Up/Down are named on the key bar (how to move is the first thing a clerk looks for); the page keys only in help.
    static let pageKeys: [Key] = [.pageUp, .pageDown, .home, .end]

    public static var itemKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.up, .down], .move, label: UIText.keySelect, help: UIText.intakeHelpMoveItem),
            Binding(pageKeys, .move, label: nil, help: UIText.intakeHelpMoveItem),
            Binding([.enter], .choose, label: UIText.intakeKeyChooseItem, help: UIText.intakeHelpChooseItem),
            Binding([.backspace], .deleteLast, label: nil, help: UIText.intakeHelpDeleteLast),
            Binding([.ctrl("u")], .clear, label: nil, help: UIText.intakeHelpClear),
            Binding([.escape], .back, label: UIText.intakeKeyClose, help: UIText.intakeHelpCloseForm),
        ])
    }

    public static var applicantKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.tab, .down, .enter], .nextField, label: UIText.intakeKeyNextField, help: UIText.intakeHelpNextField),
            Binding([.backTab, .up], .previousField, label: nil, help: UIText.intakeHelpPreviousField),
            Binding([.f(2)], .switchKind, label: { $0.applicantKind == .person ? UIText.intakeKeyToOrganisation : UIText.intakeKeyToPerson },
                    help: { _ in UIText.intakeHelpSwitchKind }),
            Binding([.f(3)], .switchRepresentative, label: UIText.intakeKeyRepresentative, help: UIText.intakeHelpRepresentative),
            Binding([.f(4)], .nextAgent, label: nil, help: UIText.intakeHelpNextAgent, enabled: { $0.representativeKind == .proxyAgent }),
            Binding([.escape], .back, label: UIText.back, help: UIText.intakeHelpBack),
        ])
    }

    public static var materialKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.up, .down], .move, label: UIText.keySelect, help: UIText.intakeHelpMoveMaterial),
            Binding(pageKeys, .move, label: nil, help: UIText.intakeHelpMoveMaterial),
            Binding([.char(" ")], .cycleMark, label: UIText.intakeKeyMark, help: UIText.intakeHelpMark),
            Binding([.enter], .note, label: UIText.intakeKeyNote, help: UIText.intakeHelpNote),
            Binding([.tab], .next, label: UIText.intakeKeyDecide, help: UIText.intakeHelpDecide),
            Binding([.escape], .back, label: UIText.back, help: UIText.intakeHelpBack),
        ])
    }

    public static var decisionKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.up, .down], .move, label: UIText.keySelect, help: UIText.intakeHelpMoveDecision),
            Binding(pageKeys, .move, label: nil, help: UIText.intakeHelpMoveDecision),
            Binding([.enter], .choose, label: UIText.intakeKeyChooseDecision, help: UIText.intakeHelpChooseDecision,
                    enabled: { form in form.assessment?.isPossible(IntakeDecisionKind.allCases[form.decisionList.selected]) ?? false }),
            Binding([.escape], .back, label: UIText.back, help: UIText.intakeHelpBack),
        ])
    }

    public static var detailKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.up, .down], .move, label: nil, help: UIText.intakeHelpRefusalReason),
            Binding([.enter], .choose, label: UIText.intakeKeyGoOn, help: UIText.intakeHelpDetails),
            Binding([.escape], .back, label: UIText.back, help: UIText.intakeHelpBack),
        ])
    }

    public static var confirmKeys: KeyTable<Command, IntakeForm> {
        KeyTable([
            Binding([.enter], .choose, label: UIText.intakeKeyConfirm, help: UIText.intakeHelpConfirm),
            Binding([.escape], .back, label: UIText.back, help: UIText.intakeHelpBack),
        ])
    }

    /// Each step's table, in the order of the steps (and of docs/window-screen.md).
    public static var keyTables: [(step: Step, table: KeyTable<Command, IntakeForm>)] {
        [(.item, itemKeys), (.applicant, applicantKeys), (.materials, materialKeys), (.decision, decisionKeys),
         (.details, detailKeys), (.confirm, confirmKeys)]
    }

    /// The table of the step the form is on.
    public var keys: KeyTable<Command, IntakeForm> {
        switch step {
        case .item: Self.itemKeys
        case .applicant: Self.applicantKeys
        case .materials: Self.materialKeys
        case .decision: Self.decisionKeys
        case .details: Self.detailKeys
        case .confirm: Self.confirmKeys
        }
    }
}
