import Foundation
import HallModel
import Queue

/// How a material goes in a handover, as the handover form's checklist cycles it (Space): not in this handover, the
/// original, or a copy.
public enum HandoverMark: CaseIterable, Sendable, Equatable, ChecklistMark {
    case notHanded, original, copy

    /// The ledger's form of a marked row (nil: not handed over).
    public var form: MaterialForm? {
        switch self {
        case .notHanded: nil
        case .original: .original
        case .copy: .copy
        }
    }

    public func label(_ language: Language) -> String { form?.label.text(language) ?? UIText.handoverMarkNone.text(language) }

    public var role: StyleRole {
        switch self {
        case .notHanded: .muted
        case .original: .ok
        case .copy: .normal
        }
    }
}

/// The handover form over the agent's screen (`h` on a job's detail): the direction (from whom to whom, the ledger's
/// parties), the job's materials as a checklist (each not handed, original or copy, with its copies), the two names
/// as signed (prefilled: the applicant's masked name, the agent's name), then the summary to confirm. Pure: keys change
/// the state; the confirmation returns the request for the one write (`recordMaterialHandover`). A refusal of the write
/// comes back as the form's message (`refuse`), the form kept open on its summary. Esc steps back; Esc on the first
/// step closes the form, and nothing is written.
public struct HandoverForm: Sendable, Equatable {
    /// What the form is for: the job, its item's materials (and the result, once decided), the names to prefill, and
    /// the originals out (rows are marked from them when their holder gives).
    public struct Setup: Sendable, Equatable {
        public var jobNumber: String
        /// The item's materials by position (the case's checklist once filed).
        public var materials: [String]
        /// The result's name (the decision letter issued), once the case is decided: a row of its own.
        public var resultName: String?
        public var applicantName: String
        public var agentName: String?
        public var originalsOut: [MaterialLedger.Holding]
        public init(jobNumber: String, materials: [String], resultName: String? = nil, applicantName: String, agentName: String?,
                    originalsOut: [MaterialLedger.Holding] = []) {
            self.jobNumber = jobNumber; self.materials = materials; self.resultName = resultName; self.applicantName = applicantName
            self.agentName = agentName; self.originalsOut = originalsOut
        }
    }

    public enum Step: Int, Sendable, Equatable, CaseIterable { case direction, materials, names, confirm }

    /// From whom to whom.
    public struct Direction: Sendable, Equatable {
        public var from: HandoverParty
        public var to: HandoverParty
        public var text: Bilingual {
            Bilingual(en: "\(from.label.en) → \(to.label.en)", zh: "\(from.label.zh) → \(to.label.zh)")
        }
        /// Every pair of two different parties, in the order a job goes: to the agent, to the window, back.
        public static let all: [Direction] = [
            Direction(from: .applicant, to: .agent), Direction(from: .agent, to: .window), Direction(from: .window, to: .agent),
            Direction(from: .agent, to: .applicant), Direction(from: .applicant, to: .window), Direction(from: .window, to: .applicant),
        ]
    }

    public enum NameField: Sendable, Hashable { case from, to }

    public let setup: Setup
    public private(set) var step = Step.direction
    public var directionList = ListState(count: Direction.all.count, pageSize: Direction.all.count)
    public private(set) var direction: Direction?
    public private(set) var checklist: Checklist<HandoverMark>
    public private(set) var names = Form<NameField>(fields: [])
    /// The request the summary shows (built when the names are left).
    public private(set) var request: MaterialHandoverRequest?
    /// An error of the step (a copies count, no material, a refused write), or nil.
    public private(set) var message: Bilingual?

    public init(_ setup: Setup) {
        self.setup = setup
        checklist = Checklist(rows: [])
        checklist = Self.checklist(setup, giver: nil)
    }

    /// The rows: the listed materials, then the result; copies in the row's note (1 unless an original out with the
    /// giver says more), and the originals the giver holds marked already.
    static func checklist(_ setup: Setup, giver: HandoverParty?) -> Checklist<HandoverMark> {
        var rows = setup.materials.enumerated().map { index, name -> Checklist<HandoverMark>.Row in
            let held = setup.originalsOut.first { $0.holder == giver && $0.material.position == index + 1 }
            return .init(label: "\(index + 1). \(name)", mark: held == nil ? .notHanded : .original, note: String(held?.copies ?? 1))
        }
        if let result = setup.resultName {
            let held = setup.originalsOut.first { if case .result = $0.material, $0.holder == giver { true } else { false } }
            rows.append(.init(label: "- " + result, mark: held == nil ? .notHanded : .original, note: String(held?.copies ?? 1)))
        }
        return Checklist(rows: rows)
    }

    /// The ledger material of row `index`.
    func material(at index: Int) -> MaterialLineInput.What? {
        if setup.materials.indices.contains(index) { return .listed(index + 1) }
        if index == setup.materials.count, let result = setup.resultName { return .result(result) }
        return nil
    }

    public enum Outcome: Sendable, Equatable {
        case none
        case close
        /// Confirmed: the one write.
        case record(MaterialHandoverRequest)
    }

    public mutating func layout(for size: Size) {
        checklist.list.pageSize = max(1, size.height - 10)
    }

    public mutating func handle(_ key: Key) -> Outcome {
        guard let command = keys.command(for: key) else {
            // Unbound keys edit: the copies' editor, the names.
            if step == .names { edit(key) } else if step == .materials, checklist.noteEditor != nil { _ = checklist.handle(key) }
            return .none
        }
        if step == .materials, checklist.noteEditor != nil, command != .copies {
            // The copies' editor takes every key but Enter (keeps) until it closes (Esc drops the change).
            _ = checklist.handle(key)
            return .none
        }
        switch command {
        case .move:
            if step == .direction { _ = directionList.handle(key) } else { _ = checklist.handle(key) }
        case .choose:
            guard Direction.all.indices.contains(directionList.selected) else { return .none }
            choose(Direction.all[directionList.selected])
        case .mark:
            _ = checklist.handle(key)
            message = nil
        case .copies:
            _ = checklist.handle(key)
            message = nil
        case .next: toNames()
        case .nextField, .previousField:
            if names.handle(key) == .submitted { toConfirm() }
        case .record:
            guard let request else { return .none }
            return .record(request)
        case .back:
            message = nil
            switch step {
            case .direction: return .close
            case .materials: step = .direction
            case .names: step = .materials
            case .confirm: step = .names
            }
        }
        return .none
    }

    private mutating func edit(_ key: Key) {
        if names.handle(key) == .edited { message = nil }
    }

    private mutating func choose(_ chosen: Direction) {
        if direction != chosen {
            direction = chosen
            checklist = Self.checklist(setup, giver: chosen.from)
            names = Form(fields: [
                .init(id: .from, label: UIText.handoverSigner(chosen.from, giving: true), input: TextField(prefill(chosen.from), maxLength: 30)),
                .init(id: .to, label: UIText.handoverSigner(chosen.to, giving: false), input: TextField(prefill(chosen.to), maxLength: 30)),
            ])
        }
        message = nil
        step = .materials
    }

    /// The name a party signs with unless changed: the applicant masked (the receipt is a shared paper), the agent's
    /// name; the window's clerk is typed.
    private func prefill(_ party: HandoverParty) -> String {
        switch party {
        case .applicant: setup.applicantName
        case .agent: setup.agentName ?? ""
        case .window: ""
        }
    }

    /// The marked rows as lines; the first row whose copies are not 1–99 is refused (the ledger's own message).
    var lines: Result<[MaterialLineInput], MaterialLedgerError> {
        var lines: [MaterialLineInput] = []
        for (index, row) in checklist.rows.enumerated() {
            guard let form = row.mark.form, let what = material(at: index) else { continue }
            guard let copies = Int(row.note), (1...99).contains(copies) else {
                return .failure(.copiesOutOfRange(Int(row.note.filter(\.isNumber).prefix(6)) ?? 0))
            }
            lines.append(MaterialLineInput(what, form: form, copies: copies))
        }
        return lines.isEmpty ? .failure(.noLines) : .success(lines)
    }

    private mutating func toNames() {
        switch lines {
        case .failure(let error): message = error.message
        case .success:
            message = nil
            step = .names
            names.focus(on: .from)
        }
    }

    private mutating func toConfirm() {
        guard let direction, case .success(let lines) = lines else { return }
        func given(_ id: NameField) -> String? {
            let text = names.text(id).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        do {
            request = try MaterialHandoverRequest(jobNumber: setup.jobNumber, from: direction.from, fromName: given(.from), to: direction.to,
                                                  toName: given(.to), lines: lines)
            message = nil
            step = .confirm
        } catch let error as UserFacingError {
            message = error.message
        } catch {
            message = UIText.handoverNotRecorded
        }
    }

    /// The write was refused: its message on the summary, the form kept as filled.
    public mutating func refuse(_ why: Bilingual) { message = why }

    /// The summary's lines: the direction with the names, then each line.
    public func summary(_ language: Language) -> [String] {
        guard let request else { return [] }
        let from = request.fromName ?? UIText.handoverDefaultName.text(language)
        let to = request.toName ?? UIText.handoverDefaultName.text(language)
        var lines = ["\(request.from.label.text(language)) \(from) → \(request.to.label.text(language)) \(to)"]
        for (index, row) in checklist.rows.enumerated() {
            guard let form = row.mark.form, let what = material(at: index) else { continue }
            let name: Bilingual = switch what {
            case .listed(let p): LedgerMaterial.listed(position: p, name: setup.materials[p - 1]).text
            case .result(let n): LedgerMaterial.result(name: n).text
            case .other(let n): LedgerMaterial.other(name: n).text
            }
            lines.append("  " + name.text(language) + "  " + UIText.handoverFormCopies(form, Int(row.note) ?? 1).text(language))
        }
        return lines
    }
}
