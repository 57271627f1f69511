import Foundation
import HallModel
import Queue

/// A material's mark on the intake form's checklist, in the order Space cycles them (a new row starts
/// `missing`, or `provided` for a material another department shares). `supplied` is not a mark: it is
/// what a later supplement makes of a missing one.
public enum IntakeMaterialMark: CaseIterable, Sendable, Equatable, ChecklistMark {
    case missing, provided, defective, corrected

    public init(_ status: MaterialStatus) {
        switch status {
        case .provided, .supplied: self = .provided
        case .missing: self = .missing
        case .defective: self = .defective
        case .corrected: self = .corrected
        }
    }

    public var status: MaterialStatus {
        switch self {
        case .missing: .missing
        case .provided: .provided
        case .defective: .defective
        case .corrected: .corrected
        }
    }

    public func label(_ language: Language) -> String { status.label.text(language) }

    public var role: StyleRole {
        switch self {
        case .provided, .corrected: .ok
        case .missing: .danger
        case .defective: .warning
        }
    }
}

/// The intake form over the window screen (`a` while a ticket is served): one multi-step form — the item
/// (catalog search with pinyin), the applicant (found again by number), the material checklist, the
/// decision (each impossible one with why, from `IntakeDecision.assess`), the decision's particulars
/// (容缺: the supplement days; refusal: the typed reason and its text), then a confirmation. Pure: keys
/// change the state and return at most one `Request` for the model (look up an applicant, or the one
/// `takeIn` write). Esc steps back; Esc on the first step closes the form, and nothing is written.
/// Its keys come from the step's `KeyTable` (`IntakeForm+Keys.swift`); drawing is in `+Render`.
public struct IntakeForm: Sendable {
    /// What the model hands over to open the form.
    public struct Setup: Sendable {
        public var index: CatalogIndex
        /// The ticket being served.
        public var ticketCode: String
        public var today: CivilDate
        public var siteLevel: SiteLevel
        /// The hall's `supplement_days`: the most working days a 容缺 intake may give.
        public var supplementDaysCap: Int
        /// The hall's proxy agents (staff with the agent role, active): staff number and name, in number order.
        public var agents: [(id: String, name: String)]
        /// A proxy ticket's batch (issue 10): the agent and the place of this case among those taken in on the ticket.
        public var batch: ProxyBatch?
        public init(index: CatalogIndex, ticketCode: String, today: CivilDate, siteLevel: SiteLevel, supplementDaysCap: Int,
                    agents: [(id: String, name: String)] = [], batch: ProxyBatch? = nil) {
            self.index = index; self.ticketCode = ticketCode; self.today = today; self.siteLevel = siteLevel
            self.supplementDaysCap = supplementDaysCap; self.agents = agents; self.batch = batch
        }
    }

    public enum Step: Int, Sendable, Equatable, CaseIterable {
        case item, applicant, materials, decision
        /// 容缺: the supplement days; refusal: the reason and its text.
        case details
        case confirm

        /// The step number the title shows (the particulars and the confirmation belong to the decision).
        public var number: Int { min(rawValue, Step.decision.rawValue) + 1 }
    }

    public enum ApplicantField: Sendable, Hashable {
        case number, name, phone, legalRepresentative, contact
        /// An authorised agent's name, resident ID number and authorisation (letter number, or "书面委托书已核验").
        case agentName, agentNumber, authorisation
    }

    /// What the form asks of the model.
    public enum Request: Sendable, Equatable {
        /// Close the form; nothing was written.
        case close
        /// The number was left valid: is the applicant known? (`applicantFound`)
        case lookUpApplicant(ApplicantKind, String)
        /// Confirmed: the one write.
        case takeIn(IntakeRequest)
        /// Confirmed, deciding the pending intake `reference` (`decidePending`): the decision and its particulars
        /// as an `IntakeRequest` would carry them.
        case decide(reference: String, IntakeRequest)
    }

    /// The registration number of the "materials received, checking" intake the form decides (nil: a new intake).
    public private(set) var deciding: String?

    public let setup: Setup
    public private(set) var step = Step.item
    /// The form's own message line (an error, or a note such as "known applicant").
    public private(set) var message: WindowScreen.Status?

    // Step 1
    public private(set) var query = TextField(maxLength: 40)
    /// Positions in `setup.index.items` of the search's results (every item while the query is empty).
    public private(set) var results: [Int]
    public var resultList: ListState
    public private(set) var item: CatalogItem?

    // Step 2
    public private(set) var applicantKind = ApplicantKind.person
    public private(set) var applicantForm: Form<ApplicantField>
    /// The applicant the database knows by the number in the form (nil: new, or not looked up yet).
    public private(set) var knownApplicant: Applicant?
    /// The name typed for a known number differs from the stored one and the clerk pressed Enter again to record it
    /// (`IntakeRequest.rename`); the first Enter shows both names.
    public private(set) var renameConfirmed: String?
    /// The number the last lookup was for.
    public private(set) var lookedUp: String?
    public private(set) var applicant: ApplicantInput?
    /// Who acts for the applicant (F3): in person, an authorised agent (fields in the applicant form), or a proxy agent.
    public private(set) var representativeKind = RepresentativeKind.none
    /// The proxy agent chosen (F4 moves on), an index into `setup.agents`.
    public private(set) var agentIndex = 0
    /// The representative as checked when the applicant step is left.
    public private(set) var representative = Representative.none

    // Step 3
    public private(set) var checklist = Checklist<IntakeMaterialMark>(rows: [])

    // Step 4 and on
    public var decisionList = ListState(count: IntakeDecisionKind.allCases.count, pageSize: IntakeDecisionKind.allCases.count)
    public private(set) var decision: IntakeDecisionKind?
    public private(set) var supplementDays = TextField(maxLength: 2, allowed: .code)
    public var refusalList = ListState(count: RefusalReason.allCases.count, pageSize: RefusalReason.allCases.count, wraps: true)
    public private(set) var refusalText = TextField(maxLength: 100)

    /// The terminal's size (the run loop's `layout`): the lists page by the rows they show.
    public mutating func layout(for size: Size) {
        let body = max(1, size.height - Self.chromeRows)
        resultList.pageSize = max(1, body - 3)
        checklist.list.pageSize = Self.checklistRows(body: body)
    }

    /// The window's row, the form's title, its message line and its two-row key bar.
    static let chromeRows = 5
    /// The checklist's rows in a body of `body` rows: below the item's row, above a blank row, the decisions' heading
    /// and the five decisions.
    static func checklistRows(body: Int) -> Int { max(1, body - IntakeDecisionKind.allCases.count - 3) }

    public init(_ setup: Setup) {
        self.setup = setup
        results = Array(setup.index.items.indices)
        resultList = ListState(count: results.count, pageSize: 12)
        applicantForm = Self.applicantForm(.person)
    }

    /// Deciding a "materials received, checking" intake (`d` on the window screen): the item, the applicant and the
    /// checklist as recorded at the window; the form opens at the checklist (the marks may change as the check
    /// found), its decisions exclude "received, checking" again, Esc at the checklist closes it, and the
    /// confirmation decides the intake instead of taking in a new one.
    public init(_ setup: Setup, deciding reference: String, item: CatalogItem, applicant: Applicant, checklist recorded: IntakeChecklist) {
        self.init(setup)
        deciding = reference
        self.item = item
        checklist = Checklist(rows: zip(item.materials, recorded.entries).enumerated().map { index, pair in
            Checklist.Row(label: Self.materialLabel(position: index + 1, pair.0), mark: IntakeMaterialMark(pair.1.status), note: pair.1.note ?? "")
        })
        applicantKind = applicant.kind
        applicantForm = Self.applicantForm(applicant.kind)
        applicantForm[.number]?.set(applicant.idNumber)
        applicantForm[.name]?.set(applicant.name)
        knownApplicant = applicant
        lookedUp = applicant.idNumber
        self.applicant = try? applicant.kind == .person
            ? ApplicantInput.person(name: applicant.name, residentID: applicant.idNumber, phone: applicant.phone, today: setup.today)
            : ApplicantInput.organisation(name: applicant.name, creditCode: applicant.idNumber, legalRepresentative: applicant.legalRepresentative,
                                          contact: applicant.contact)
        step = .materials
        message = WindowScreen.Status(UIText.pendingDeciding(reference))
    }

    static func applicantForm(_ kind: ApplicantKind, representative: RepresentativeKind = .none) -> Form<ApplicantField> {
        typealias F = Form<ApplicantField>.Field
        var fields: [F]
        switch kind {
        case .person:
            fields = [F(id: .number, label: UIText.intakeResidentID, input: TextField(maxLength: 18, allowed: .code)),
                      F(id: .name, label: UIText.intakeName, input: TextField(maxLength: 50)),
                      F(id: .phone, label: UIText.intakePhone, input: TextField(maxLength: 20))]
        case .organisation:
            fields = [F(id: .number, label: UIText.intakeCreditCode, input: TextField(maxLength: 18, allowed: .code)),
                      F(id: .name, label: UIText.intakeOrgName, input: TextField(maxLength: 100)),
                      F(id: .legalRepresentative, label: UIText.intakeLegalRep, input: TextField(maxLength: 50)),
                      F(id: .contact, label: UIText.intakeContact, input: TextField(maxLength: 100))]
        }
        if representative == .authorisedAgent {
            fields += [F(id: .agentName, label: UIText.intakeAgentName, input: TextField(maxLength: 50)),
                       F(id: .agentNumber, label: UIText.intakeAgentNumber, input: TextField(maxLength: 18, allowed: .code)),
                       F(id: .authorisation, label: UIText.intakeAuthorisation, input: TextField(maxLength: 100))]
        }
        return Form(fields: fields)
    }

    /// The applicant form for the representative chosen, keeping what was typed.
    private mutating func rebuildApplicantForm() {
        var form = Self.applicantForm(applicantKind, representative: representativeKind)
        for field in form.fields { form[field.id]?.set(applicantForm.text(field.id)) }
        if let focus = applicantForm.focus, form[focus] != nil { form.focus(on: focus) }
        applicantForm = form
    }

    public var selectedItem: CatalogItem? {
        results.indices.contains(resultList.selected) ? setup.index.items[results[resultList.selected]] : nil
    }

    /// The checklist as the model takes it.
    public var intakeChecklist: IntakeChecklist {
        IntakeChecklist(checklist.rows.map { row in
            ChecklistEntry(row.mark.status, note: row.note.isEmpty ? nil : row.note)
        })
    }

    /// Each decision possible or not, and why, for the marks as they are now (nil before an item is chosen).
    public var assessment: IntakeAssessment? {
        item.map {
            IntakeDecision.assess(item: $0, checklist: intakeChecklist, applicantFlagged: knownApplicant?.isFlagged ?? false,
                                  siteLevel: setup.siteLevel, deciding: deciding != nil)
        }
    }

    /// Where the chosen (or selected) item is handled when this hall's level may not: shown on the item step.
    public func siteObstacle(_ candidate: CatalogItem?) -> IntakeObstacle? {
        guard let candidate, !candidate.allowedSiteLevels.contains(setup.siteLevel) else { return nil }
        return .siteLevelNotAllowed(here: setup.siteLevel, allowed: candidate.sortedSiteLevels)
    }

    // MARK: Keys

    /// One key: the state changes, and at most one request goes to the model.
    public mutating func handle(_ key: Key) -> Request? {
        switch step {
        case .item: return handleItem(key)
        case .applicant: return handleApplicant(key)
        case .materials: return handleMaterials(key)
        case .decision: return handleDecision(key)
        case .details: return handleDetails(key)
        case .confirm: return handleConfirm(key)
        }
    }

    private mutating func handleItem(_ key: Key) -> Request? {
        guard let command = Self.itemKeys.command(for: key) else {
            if case .char = key, query.handle(key) == .edited { research() }
            return nil
        }
        switch command {
        case .move: _ = resultList.handle(key)
        case .deleteLast:
            if query.handle(.backspace) == .edited { research() }
        case .clear:
            query.set("")
            research()
        case .choose:
            guard let chosen = selectedItem else { return nil }
            if item?.implementationCode != chosen.implementationCode {
                item = chosen
                let initial = IntakeChecklist.initial(for: chosen)
                let pageSize = checklist.list.pageSize
                checklist = Checklist(rows: zip(chosen.materials, initial.entries).enumerated().map { index, pair in
                    Checklist.Row(label: Self.materialLabel(position: index + 1, pair.0), mark: IntakeMaterialMark(pair.1.status))
                })
                checklist.list.pageSize = pageSize
                decision = nil
            }
            message = siteObstacle(chosen).map { WindowScreen.Status($0.message, isError: true) }
            step = .applicant
        case .back:
            if !query.isEmpty {
                query.set("")
                research()
            } else {
                return .close
            }
        default: break
        }
        return nil
    }

    /// "1 食品经营许可申请书": the position as `catalog show` numbers it, and the name (core or tolerable is
    /// drawn in its own column, in the screen's language).
    static func materialLabel(position: Int, _ material: ItemMaterial) -> String {
        "\(position) \(material.name)"
    }

    private mutating func research() {
        let text = query.text.trimmingCharacters(in: .whitespaces)
        results = text.isEmpty ? Array(setup.index.items.indices) : setup.index.search.search(text).map(\.index)
        resultList.setCount(results.count)
        resultList.select(0)
    }

    private mutating func handleApplicant(_ key: Key) -> Request? {
        let command = Self.applicantKeys.command(for: key)
        switch command {
        case .switchRepresentative:
            let kinds = RepresentativeKind.allCases
            let next = kinds[((kinds.firstIndex(of: representativeKind) ?? 0) + 1) % kinds.count]
            representativeKind = next == .proxyAgent && setup.agents.isEmpty ? .none : next
            rebuildApplicantForm()
            message = representativeKind == .none && next == .proxyAgent ? WindowScreen.Status(UIText.intakeNoAgents, isError: true) : nil
            return nil
        case .nextAgent:
            if representativeKind == .proxyAgent, !setup.agents.isEmpty { agentIndex = (agentIndex + 1) % setup.agents.count }
            return nil
        case .switchKind:
            applicantKind = applicantKind == .person ? .organisation : .person
            applicantForm = Self.applicantForm(applicantKind, representative: representativeKind)
            knownApplicant = nil
            lookedUp = nil
            message = nil
            return nil
        case .back:
            step = .item
            message = nil
            return nil
        default:
            let leaving = applicantForm.focus == .number
            let before = applicantForm.text(.number)
            let outcome = applicantForm.handle(key)
            if outcome == .edited && applicantForm.focus == .number && applicantForm.text(.number) != before {
                knownApplicant = nil
                lookedUp = nil
                message = nil
            }
            if outcome == .edited, applicantForm.focus == .name { nameEdited() }
            if (outcome == .moved || outcome == .submitted) && leaving, let request = checkNumber() { return request }
            if outcome == .submitted { submitApplicant() }
            return nil
        }
    }

    /// The number as the focus leaves it: checked (GB 11643 / GB 32100), normalised, and looked up once.
    private mutating func checkNumber() -> Request? {
        let text = applicantForm.text(.number)
        guard !text.isEmpty else { return nil }
        do {
            let number = try ApplicantInput.normalisedNumber(kind: applicantKind, text, today: setup.today)
            applicantForm[.number]?.set(number)
            guard lookedUp != number else { return nil }
            return .lookUpApplicant(applicantKind, number)
        } catch let error as UserFacingError {
            applicantForm.setError(error.message, for: .number)
        } catch {
            applicantForm.setError(UIText.intakeNumberInvalid, for: .number)
        }
        return nil
    }

    /// The model's answer to `lookUpApplicant`: a known applicant fills the rest of the form.
    /// A message for the form's status row (what the previous case of a batch came to).
    public mutating func say(_ status: WindowScreen.Status) { message = status }

    public mutating func applicantFound(number: String, _ found: Applicant?) {
        guard applicantForm.text(.number) == number else { return }  // the number changed meanwhile
        lookedUp = number
        knownApplicant = found
        guard let found else {
            message = WindowScreen.Status(UIText.intakeNewApplicant)
            return
        }
        applicantForm[.name]?.set(found.name)
        if let phone = found.phone { applicantForm[.phone]?.set(phone) }
        if let rep = found.legalRepresentative { applicantForm[.legalRepresentative]?.set(rep) }
        if let contact = found.contact { applicantForm[.contact]?.set(contact) }
        message = Self.knownApplicantNote(found)
    }

    /// What the form says of a known applicant: flagged (失信, no 容缺), or found with the details filled in.
    static func knownApplicantNote(_ found: Applicant) -> WindowScreen.Status {
        found.isFlagged ? WindowScreen.Status(UIText.intakeFlaggedApplicant(found.name), isError: true)
            : WindowScreen.Status(UIText.intakeKnownApplicant(found.name))
    }

    /// The name was edited: the rename prompt ("登记名为…，所填…") stands only for the name it quoted. Edited back to the
    /// stored name, or to yet another one, the prompt goes (the note on the known applicant comes back) and the rename
    /// is no longer confirmed; Enter asks again for a name that still differs.
    private mutating func nameEdited() {
        guard let confirmed = renameConfirmed, applicantForm.text(.name).trimmingCharacters(in: .whitespaces) != confirmed else { return }
        renameConfirmed = nil
        message = knownApplicant.map(Self.knownApplicantNote)
    }

    /// Enter on the last field: the applicant is built (every check the model makes) before the checklist.
    private mutating func submitApplicant() {
        func blank(_ id: ApplicantField) -> String? {
            let text = applicantForm.text(id).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        for id in [ApplicantField.number, .name] where blank(id) == nil {
            applicantForm.setError(UIText.intakeRequired, for: id)
            applicantForm.focus(on: id)
            return
        }
        do {
            switch applicantKind {
            case .person:
                applicant = try .person(name: applicantForm.text(.name), residentID: applicantForm.text(.number), phone: blank(.phone),
                                        today: setup.today)
            case .organisation:
                applicant = try .organisation(name: applicantForm.text(.name), creditCode: applicantForm.text(.number),
                                              legalRepresentative: blank(.legalRepresentative), contact: blank(.contact))
            }
            switch representativeKind {
            case .none: representative = .none
            case .authorisedAgent:
                for id in [ApplicantField.agentName, .agentNumber, .authorisation] where blank(id) == nil {
                    applicantForm.setError(UIText.intakeRequired, for: id)
                    applicantForm.focus(on: id)
                    return
                }
                do {
                    representative = try .authorisedAgent(name: applicantForm.text(.agentName), residentID: applicantForm.text(.agentNumber),
                                                          authorisation: applicantForm.text(.authorisation), today: setup.today)
                } catch let error as UserFacingError {
                    applicantForm.setError(error.message, for: .agentNumber)
                    applicantForm.focus(on: .agentNumber)
                    return
                }
            case .proxyAgent:
                guard setup.agents.indices.contains(agentIndex) else { return }
                let agent = setup.agents[agentIndex]
                representative = Representative(kind: .proxyAgent, name: agent.name, idNumber: agent.id)
            }
            // A known number under another name: say both names; a second Enter with the same name confirms the rename.
            if let known = knownApplicant, let typed = applicant?.name, known.name != typed, renameConfirmed != typed {
                renameConfirmed = typed
                message = WindowScreen.Status(UIText.intakeNameDiffers(stored: known.name, typed: typed), isError: true)
                applicantForm.focus(on: .name)
                return
            }
            step = .materials
            if !(knownApplicant?.isFlagged ?? false) { message = nil }
        } catch let error as UserFacingError {
            message = WindowScreen.Status(error.message, isError: true)
        } catch {
            message = WindowScreen.Status(UIText.intakeNumberInvalid, isError: true)
        }
    }

    private mutating func handleMaterials(_ key: Key) -> Request? {
        if checklist.noteEditor != nil {  // the note editor takes every key until Enter or Esc
            _ = checklist.handle(key)
            return nil
        }
        switch Self.materialKeys.command(for: key) {
        case .move, .cycleMark, .note: _ = checklist.handle(key)
        case .next:
            step = .decision
            message = nil
            if let first = assessment?.possible.first, let at = IntakeDecisionKind.allCases.firstIndex(of: first) {
                decisionList.select(at)
            }
        case .back:
            if deciding != nil { return .close }
            step = .applicant
            message = nil
        default: break
        }
        return nil
    }

    private mutating func handleDecision(_ key: Key) -> Request? {
        switch Self.decisionKeys.command(for: key) {
        case .move: _ = decisionList.handle(key)
        case .choose:
            let kind = IntakeDecisionKind.allCases[decisionList.selected]
            guard let assessment, assessment.isPossible(kind) else {
                message = WindowScreen.Status(IntakeError.notPossible(kind, assessment?.obstacles(to: kind) ?? []).message, isError: true)
                return nil
            }
            decision = kind
            message = nil
            switch kind {
            case .tolerate:
                if supplementDays.isEmpty { supplementDays.set(String(setup.supplementDaysCap)) }
                step = .details
            case .refuse: step = .details
            case .accept, .notice, .pending: step = .confirm
            }
        case .back:
            step = .materials
            message = nil
        default: break
        }
        return nil
    }

    private mutating func handleDetails(_ key: Key) -> Request? {
        switch Self.detailKeys.command(for: key) {
        case .move:
            if decision == .refuse { _ = refusalList.handle(key) }
        case .choose:
            if decision == .tolerate {
                guard let days = Int(supplementDays.text), (1...setup.supplementDaysCap).contains(days) else {
                    message = WindowScreen.Status(UIText.intakeSupplementDaysRange(setup.supplementDaysCap), isError: true)
                    return nil
                }
            } else if refusalText.text.trimmingCharacters(in: .whitespaces).isEmpty {
                message = WindowScreen.Status(UIText.intakeRefusalTextNeeded, isError: true)
                return nil
            }
            message = nil
            step = .confirm
        case .back:
            step = .decision
            message = nil
        default:
            if decision == .tolerate {
                if case .char(let c) = key, !c.isASCII || !c.isNumber { return nil }
                _ = supplementDays.handle(key)
            } else {
                _ = refusalText.handle(key)
            }
            message = nil
        }
        return nil
    }

    private mutating func handleConfirm(_ key: Key) -> Request? {
        switch Self.confirmKeys.command(for: key) {
        case .choose:
            guard let request else { return nil }
            if let deciding { return .decide(reference: deciding, request) }
            return .takeIn(request)
        case .back:
            step = decision == .tolerate || decision == .refuse ? .details : .decision
            message = nil
        default: break
        }
        return nil
    }

    /// The write the confirmation asks for (nil until everything is chosen).
    public var request: IntakeRequest? {
        guard let item, let applicant, let decision else { return nil }
        let refusal = decision == .refuse ? RefusalReason.allCases[refusalList.selected] : nil
        let reason = decision == .refuse ? refusalText.text.trimmingCharacters(in: .whitespaces) : nil
        var request = IntakeRequest(ticketCode: setup.ticketCode, itemCode: item.implementationCode, applicant: applicant,
                                    representative: representative, checklist: intakeChecklist, decision: decision, refusal: refusal,
                                    reason: reason, supplementDays: decision == .tolerate ? Int(supplementDays.text) : nil)
        request.rename = knownApplicant.map { $0.name != applicant.name && renameConfirmed == applicant.name } ?? false
        return request
    }

    /// The model refused the write (nothing was written): the form stays at the confirmation with why.
    public mutating func refused(_ why: Bilingual) {
        message = WindowScreen.Status(why, isError: true)
    }
}
