import HallModel
import Queue

/// The handover form's key tables, one per step: `HandoverForm.handle`, the form's key bar and the agent screen's help
/// read them, and `AgentScreenDocTests` checks that docs/TUI.md lists each table's bindings.
extension HandoverForm {
    public enum Command: Sendable, Equatable {
        /// Up/Down (PgUp/PgDn, Home/End): move in the step's list.
        case move
        /// Enter on the direction.
        case choose
        /// Space: the material's next mark (not handed, original, copy).
        case mark
        /// Enter: edit the material's copies (Enter keeps them).
        case copies
        /// Tab: from the materials to the names.
        case next
        case nextField, previousField
        /// Enter on the summary: record the handover.
        case record
        /// Esc: a step back (on the direction: close the form, nothing written).
        case back
    }

    typealias Binding = KeyBinding<Command, HandoverForm>

    public static var directionKeys: KeyTable<Command, HandoverForm> {
        KeyTable([
            Binding([.up, .down, .home, .end], .move, label: UIText.keySelect, help: UIText.handoverHelpMoveDirection),
            Binding([.enter], .choose, label: UIText.casesKeyChoose, help: UIText.handoverHelpChooseDirection),
            Binding([.escape], .back, label: UIText.cancel, help: UIText.handoverHelpClose),
        ])
    }

    public static var materialKeys: KeyTable<Command, HandoverForm> {
        KeyTable([
            Binding([.up, .down], .move, label: UIText.keySelect, help: UIText.handoverHelpMoveMaterial),
            Binding([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.handoverHelpMoveMaterial),
            Binding([.char(" ")], .mark, label: UIText.handoverKeyMark, help: UIText.handoverHelpMark),
            Binding([.enter], .copies, label: UIText.handoverKeyCopies, help: UIText.handoverHelpCopies),
            Binding([.tab], .next, label: UIText.handoverKeyNames, help: UIText.handoverHelpNames),
            Binding([.escape], .back, label: UIText.back, help: UIText.handoverHelpBack),
        ])
    }

    public static var nameKeys: KeyTable<Command, HandoverForm> {
        KeyTable([
            Binding([.tab, .down, .enter], .nextField, label: UIText.intakeKeyNextField, help: UIText.handoverHelpNextField),
            Binding([.backTab, .up], .previousField, label: nil, help: UIText.intakeHelpPreviousField),
            Binding([.escape], .back, label: UIText.back, help: UIText.handoverHelpBack),
        ])
    }

    public static var confirmKeys: KeyTable<Command, HandoverForm> {
        KeyTable([
            Binding([.enter], .record, label: UIText.handoverKeyRecord, help: UIText.handoverHelpRecord),
            Binding([.escape], .back, label: UIText.back, help: UIText.handoverHelpBack),
        ])
    }

    /// The table of the step the form is on.
    public var keys: KeyTable<Command, HandoverForm> {
        switch step {
        case .direction: Self.directionKeys
        case .materials: Self.materialKeys
        case .names: Self.nameKeys
        case .confirm: Self.confirmKeys
        }
    }
}
