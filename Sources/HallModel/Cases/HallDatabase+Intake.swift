import Foundation
import GRDB
import Queue

/// What the clerk decided at the window, with everything the decision rests on.
public struct IntakeRequest: Sendable, Hashable {
    /// The ticket being served (its code, today's).
    public var ticketCode: String
    public var itemCode: String
    public var applicant: ApplicantInput
    public var representative: Representative
    /// One entry per material of the item, in published order.
    public var checklist: IntakeChecklist
    public var decision: IntakeDecisionKind
    /// Required for `refuse`.
    public var refusal: RefusalReason?
    /// Free text: the refusal's particulars, or a note on the decision.
    public var reason: String?
    /// 容缺: fewer working days for the supplements than the hall's `supplement_days` (never more).
    public var supplementDays: Int?
    /// The clerk confirmed that a known ID number's stored name is to be replaced by the one typed (a change of name
    /// seen on the ID); without it a different name is refused (`IntakeError.applicantNameDiffers`), never silently
    /// renamed. The rename is recorded in `intake_decided` (`renamed_from`).
    public var rename = false

    public init(ticketCode: String, itemCode: String, applicant: ApplicantInput, representative: Representative = .none,
                checklist: IntakeChecklist, decision: IntakeDecisionKind, refusal: RefusalReason? = nil, reason: String? = nil,
                supplementDays: Int? = nil) {
        self.ticketCode = ticketCode; self.itemCode = itemCode; self.applicant = applicant; self.representative = representative
        self.checklist = checklist; self.decision = decision; self.refusal = refusal; self.reason = reason
        self.supplementDays = supplementDays
    }
}

/// A document as kept with its intake or case.
public struct StoredDocument: Sendable, Hashable {
    public var id: Int64
    public var intakeID: Int64
    public var caseID: Int64?
    public var kind: CaseDocumentKind
    public var issuedAt: Date
    public var digest: String
    public var text: String
    public var html: String
    /// Whether the item is a licence (its type `01`): the label lists show (`CaseDocumentKind.label(licence:)`).
    public var licence: Bool = true
    public var label: Bilingual { kind.label(licence: licence) }
}

/// What an intake did.
public struct IntakeOutcome: Sendable {
    public var intakeID: Int64
    /// The case number, or for a decision without a case the intake's registration number.
    public var reference: String
    public var decision: IntakeDecisionKind
    public var applicant: Applicant
    /// Who spoke for the applicant (`.none`: the applicant came in person).
    public var representative: Representative
    public var item: CatalogItem
    public var checklist: IntakeChecklist
    public var receivedOn: CivilDate
    /// Opened by accept or tolerate.
    public var caseRecord: CaseRecord?
    /// Why a deadline is unknown, if one is.
    public var deadlineProblem: WorkingCalendarError?
    /// Pending: the last day to decide (nil when it cannot be counted: `decideByProblem` says why).
    public var decideBy: CivilDate?
    /// Pending: why `decideBy` cannot be counted (the year's holiday schedule is not loaded). The intake is not
    /// lost: every write and the sweep count again, and convert it (art. 32) as soon as they can.
    public var decideByProblem: WorkingCalendarError?
    public var documents: [StoredDocument]
    /// Earlier pending intakes this write found overdue and converted to acceptances (art. 32).
    public var converted: [CaseRecord]
}

/// An intake recorded as "received, checking" and not yet decided.
public struct PendingIntake: Sendable, Hashable {
    public var intakeID: Int64
    /// Its registration number (`HD-20260302-R000012`).
    public var reference: String
    public var receivedOn: CivilDate
    /// The last day to decide; after it the intake counts as accepted from `receivedOn`. nil: cannot be counted.
    public var decideBy: CivilDate?
    /// Why `decideBy` cannot be counted (the year's holiday schedule is not loaded); nil when it is counted.
    public var decideByProblem: WorkingCalendarError?
    public var itemCode: String
    public var applicantMaskedNumber: String
    /// Who recorded it (the clerk who decides it, or a supervisor).
    public var staffID: String
}

public enum IntakeError: UserFacingError, Equatable {
    case ticketNotServed(code: String, state: TicketState)
    case unknownItem(String)
    case checklistLength(item: String, expected: Int, given: Int)
    case notPossible(IntakeDecisionKind, [IntakeObstacle])
    case refusalNeedsReason
    case supplementDays(given: Int)
    case unknownCase(String)
    case noDocument(String, CaseDocumentKind?)
    case unknownIntake(String)
    /// A pending intake is decided by accept, tolerate, notice or refuse, not by "pending" again.
    case decisionNeeded
    /// The intake is no longer pending: decided (how, on which business day, and the case it opened, if any).
    case alreadyDecided(String, how: IntakeDecisionKind, on: CivilDate, case: String?)
    /// The intake was not decided within 5 working days: art. 32 made it the case named.
    case convertedByLaw(String, case: String)
    /// An authorised agent whose ID number is the applicant's own: a person cannot be their own agent.
    case agentIsTheApplicant
    /// The ID number is known under another name: the clerk checks the ID, then confirms the rename or types the
    /// stored name (`IntakeRequest.rename`).
    case applicantNameDiffers(stored: String, typed: String)

    public var message: Bilingual {
        switch self {
        case .ticketNotServed(let code, let state):
            Bilingual(en: "Ticket \(code) is \(state.label.en), not being served: a case is taken in while its ticket is served.",
                      zh: "号票 \(code) \(state.label.zh)，不在办理中：须在办理该号时受理。")
        case .unknownItem(let code):
            Bilingual(en: "No item with the code \(code) in the catalog.", zh: "事项清单中没有编码为 \(code) 的事项。")
        case .checklistLength(let item, let expected, let given):
            Bilingual(en: "Item \(item) has \(expected) materials; the checklist has \(given).",
                      zh: "事项 \(item) 有 \(expected) 项材料，核对清单有 \(given) 项。")
        case .notPossible(_, let obstacles) where obstacles.contains(where: \.isSiteLevel):
            // Whatever decision was asked or defaulted: the item is not taken in at this site at all.
            obstacles.lazy.compactMap(\.siteLevelRefusal).first ?? IntakeObstacle.siteLevelFallback
        case .notPossible(let kind, let obstacles):
            Bilingual(en: "\"\(kind.label.en)\" is not possible: " + obstacles.map(\.message.en).joined(separator: "; ") + ".",
                      zh: "“\(kind.label.zh)”不可行：" + obstacles.map(\.message.zh).joined(separator: "；") + "。")
        case .refusalNeedsReason:
            Bilingual(en: "A refusal needs its reason (\(RefusalReason.allCases.map(\.rawValue).joined(separator: " or "))) and its particulars: which organ to apply to, or why no licence is needed.",
                      zh: "不予受理须写明理由（\(RefusalReason.allCases.map(\.label.zh).joined(separator: "，或"))）及具体情况：应向哪个机关申请，或为何无需许可。")
        case .supplementDays(let given):
            Bilingual(en: "Supplements need at least 1 working day, not \(given).", zh: "补齐期限至少 1 个工作日，不能是 \(given)。")
        case .unknownCase(let number):
            Bilingual(en: "No case with the number \(number).", zh: "没有编号为 \(number) 的办件。")
        case .decisionNeeded:
            Bilingual(en: "Decide a pending intake: accept, tolerate, notice or refuse.", zh: "待决收件须作出决定：受理、容缺受理、一次性告知或不予受理。")
        case .unknownIntake(let reference):
            Bilingual(en: "No intake with the registration number \(reference).", zh: "没有登记号为 \(reference) 的收件。")
        case .convertedByLaw(let reference, let number):
            Bilingual(en: "\(reference) is no longer pending: it is case \(number) (art. 32 counts it as accepted after 5 working days).",
                      zh: "\(reference) 已不是待决收件：已成为办件 \(number)（逾 5 个工作日未决的，依法视为受理）。")
        case .alreadyDecided(let reference, let how, let on, let number?):
            Bilingual(en: "\(reference) has been decided already: \(how.label.en) on \(on), it is case \(number).",
                      zh: "\(reference) 已于 \(on) 作出决定（\(how.label.zh)），已成为办件 \(number)。")
        case .alreadyDecided(let reference, let how, let on, nil):
            Bilingual(en: "\(reference) has been decided already: \(how.label.en) on \(on).",
                      zh: "\(reference) 已于 \(on) 作出决定（\(how.label.zh)）。")
        case .agentIsTheApplicant:
            Bilingual(en: "The authorised agent's ID number is the applicant's own: an applicant who comes in person needs no agent.",
                      zh: "委托代理人的身份证号码与申请人相同：申请人本人办理无需委托代理人。")
        case .applicantNameDiffers(let stored, let typed):
            Bilingual(en: "This ID number is registered as \"\(stored)\", not \"\(typed)\": check the ID; to record the new name give --rename (on the form: confirm), else type the registered name.",
                      zh: "该证件号码登记的名称为“\(stored)”，与所填“\(typed)”不同：请核对证件；确认更名请加 --rename（表单中按提示确认），否则按登记名称填写。")
        case .noDocument(let number, let kind):
            Bilingual(en: "Case \(number) has no \(kind?.label.en ?? "document").", zh: "办件 \(number) 没有\(kind?.label.zh ?? "文书")。")
        }
    }
}

extension HallDatabase {
    /// Takes in a case at the window (Administrative Licensing Law art. 32), in one transaction: while the ticket
    /// is served, by the window's clerk or a supervisor (`takeInCase`). The applicant is found by number or
    /// added; the decision must be possible by `IntakeDecision.assess` (else `IntakeError.notPossible`, nothing
    /// written); the intake and its checklist are recorded; accept and tolerate open a case with its number and
    /// deadlines (容缺: the supplement deadline, capped by the promised one); the decision's documents are
    /// issued and kept. Events: `intake_decided`, `case_opened`, one `document_issued` per document (with its
    /// SM3 digest). Overdue pending intakes are converted first (art. 32), as every intake write looks.
    public func takeIn(_ request: IntakeRequest, by actor: Actor) throws -> IntakeOutcome {
        let reasonText = try request.reason.map { try FreeText.clean($0, field: FreeText.reason, limit: 200) }
        var checklist = request.checklist
        for i in checklist.entries.indices {
            checklist.entries[i].note = try checklist.entries[i].note.map { try FreeText.clean($0, field: FreeText.materialNote, limit: 200) }
        }
        if request.decision == .refuse && (request.refusal == nil || reasonText == nil) { throw IntakeError.refusalNeedsReason }
        if request.representative.kind == .authorisedAgent, request.representative.idNumber == request.applicant.idNumber {
            throw IntakeError.agentIsTheApplicant
        }
        let now = clock.now
        return try perform { db in
            // The settings, the calendar and the item are each kept under their stamp: the three read at once (none
            // changes before the item is read: converting overdue intakes writes none of them).
            let stamps = (try? RevisionStamp.all(db)) ?? [:]
            let settings = try HallSettings.load(db, stamp: stamps[.settings])
            let todayText = settings.businessCalendar.businessDate(of: now)
            let today = try CivilDate(parsing: todayText)
            let ticket = try Self.fetchTicket(db, code: request.ticketCode, businessDate: todayText)
            let clerk = try ticket.windowID.flatMap {
                try String.fetchOne(db, cachedSQL: "SELECT staff_id FROM service_window WHERE id = ?", arguments: [$0])
            }
            try PermissionPolicy.check(db, .takeInCase, by: actor, windowClerk: clerk)
            guard ticket.state == .serving else { throw IntakeError.ticketNotServed(code: ticket.code, state: ticket.state) }
            let calendar = try Self.storedCalendar(db, stamp: stamps[.calendar])
            let converted = try Self.convertOverduePending(db, today: today, calendar: calendar, settings: settings, now: now, trigger: actor)

            guard let item = try Self.storedItem(db, code: request.itemCode, stamp: stamps[.catalog]) else { throw IntakeError.unknownItem(request.itemCode) }
            guard checklist.entries.count == item.materials.count else {
                throw IntakeError.checklistLength(item: item.implementationCode, expected: item.materials.count, given: checklist.entries.count)
            }
            // A known number under another name is never renamed silently: refused unless the clerk confirmed it.
            let renamedFrom = try Self.fetchApplicant(db, kind: request.applicant.kind, number: request.applicant.idNumber)
                .flatMap { $0.name == request.applicant.name ? nil : $0.name }
            if let renamedFrom, !request.rename {
                throw IntakeError.applicantNameDiffers(stored: renamedFrom, typed: request.applicant.name)
            }
            let applicant = try Self.upsertApplicant(db, request.applicant, now: now)
            let supplementDays = try Self.checkDecision(request.decision, item: item, checklist: checklist, applicant: applicant,
                                                        settings: settings, supplementDays: request.supplementDays)
            let event = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: todayText,
                                     ticketID: ticket.id, lineID: ticket.lineID, window: ticket.windowID, staff: clerk)
            let intakeID = try Self.insertIntake(db, request: request, reasonText: reasonText, checklist: checklist, item: item,
                                                 applicant: applicant, receivedOn: today, ticket: ticket, staff: actor.key, now: now)
            let (decideBy, decideByProblem) = request.decision == .pending
                ? PendingIntakeRule.counted(materialsArrivedOn: today, calendar: calendar) : (nil, nil)
            let decided = try Self.recordDecision(db, DecisionFacts(
                intakeID: intakeID, decision: request.decision, item: item, applicant: applicant, representative: request.representative,
                checklist: checklist, refusal: request.refusal, reasonText: reasonText, supplementDays: supplementDays, receivedOn: today,
                acceptedOn: today, ticketID: ticket.id, decideBy: decideBy), settings: settings, calendar: calendar, today: today, event: event,
                extra: ["decide_by": .optional(decideBy?.description)].merging(renamedFrom.map { ["renamed_from": .string($0)] } ?? [:]) { a, _ in a })
            return IntakeOutcome(intakeID: intakeID, reference: decided.reference, decision: request.decision, applicant: applicant,
                                 representative: request.representative, item: item, checklist: checklist, receivedOn: today, caseRecord: decided.record,
                                 deadlineProblem: decided.problem, decideBy: decideBy, decideByProblem: decideByProblem,
                                 documents: decided.documents, converted: converted)
        }
    }

    /// Converts every "received, checking" intake whose 5 working days have passed into an acceptance dated the
    /// day its materials arrived (art. 32): for the sweep and the screens. Idempotent. The clerks, supervisors and
    /// the system account may run it (`convertPendingIntakes`).
    @discardableResult
    public func convertOverduePendingIntakes(by actor: Actor) throws -> [CaseRecord] {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .convertPendingIntakes, by: actor)
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            return try Self.convertOverduePending(db, today: today, calendar: calendar, settings: settings, now: now, trigger: actor)
        }
    }

    /// The undecided "received, checking" intakes, oldest first, with the day each must be decided by.
    public func pendingIntakes() throws -> [PendingIntake] {
        try read { db in try Self.pendingIntakes(db) }
    }

    /// `pendingIntakes()` inside the caller's read transaction (a seek on `intake_pending`).
    static func pendingIntakes(_ db: Database) throws -> [PendingIntake] {
        let calendar = try Self.storedCalendar(db)
        let hallCode = try HallSettings.load(db).hallCode
        return try Row.fetchAll(db, sql: """
            SELECT i.id, i.received_on, i.item_code, a.kind, a.id_number, i.staff_id FROM intake i JOIN applicant a ON a.id = i.applicant_id
            WHERE i.decision = 'pending' ORDER BY i.received_on, i.id
            """).map { row in
            let received = try CivilDate(parsing: row[1])
            let kind = try Self.decode(ApplicantKind.self, row[3], "applicant", "kind")
            let number: String = row[4]
            let (decideBy, problem) = PendingIntakeRule.counted(materialsArrivedOn: received, calendar: calendar)
            return PendingIntake(intakeID: row[0], reference: Self.intakeReference(hallCode: hallCode, on: received, id: row[0]),
                                 receivedOn: received, decideBy: decideBy, decideByProblem: problem, itemCode: row[2],
                                 applicantMaskedNumber: kind.masked(number), staffID: row[5])
        }
    }

    // MARK: The rows

    /// Who and where an event is written: the acting person, or `@system` for the art. 32 conversion.
    struct EventContext {
        var actor: String
        var terminal: String
        var at: Date
        var businessDate: String
        var ticketID: Int64?
        var lineID: Int64?
        var window: Int?
        var staff: String?
        /// The chain's end as this context's events left it: a context is made inside one write's transaction, and
        /// its events (the decision, the case, the documents) are appended one after the other.
        let chain = ChainTip()
    }

    static func appendEvent(_ db: Database, _ kind: EventKind, _ c: EventContext, detail: [String: AuditValue]) throws {
        try AuditLog.append(db, kind: kind.rawValue, actor: c.actor, terminal: c.terminal, at: c.at, businessDate: c.businessDate,
                            ticketID: c.ticketID, lineID: c.lineID, window: c.window, staff: c.staff, detail: detail, tip: c.chain)
    }

    /// `HD-20260302-R000012`: the registration number of an intake that opened no case (notice, refusal, pending).
    static func intakeReference(hallCode: String, on date: CivilDate, id: Int64) -> String {
        let digits = String(id)
        return "\(hallCode)-\(date.compactText)-R\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    private static func insertIntake(_ db: Database, request: IntakeRequest, reasonText: String?, checklist: IntakeChecklist,
                                     item: CatalogItem, applicant: Applicant, receivedOn: CivilDate, ticket: Ticket, staff: String,
                                     now: Date) throws -> Int64 {
        let decided: Int64? = request.decision == .pending ? nil : now.millisecondsSince1970
        try db.execute(cachedSQL: """
            INSERT INTO intake(at, business_date, received_on, ticket_id, window_id, staff_id, applicant_id, item_code, decision,
                               decided_at, reason, reason_text, representative_kind, representative_name, representative_id_number,
                               authorisation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now.millisecondsSince1970, receivedOn.description, receivedOn.description, ticket.id, ticket.windowID,
                             staff, applicant.id, item.implementationCode, request.decision.rawValue, decided,
                             request.refusal?.rawValue, reasonText, request.representative.kind.rawValue, request.representative.name,
                             request.representative.idNumber, request.representative.authorisation])
        let id = db.lastInsertedRowID
        for (index, material) in item.materials.enumerated() {
            let entry = checklist.entries[index]
            try db.execute(cachedSQL: """
                INSERT INTO intake_material(intake_id, position, name, kind, status, note) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, index + 1, material.name, material.kind.rawValue, entry.status.rawValue,
                                 entry.status == .defective || entry.status == .corrected ? entry.note : nil])
        }
        return id
    }

    /// A decision on an intake, ready to record.
    struct DecisionFacts {
        var intakeID: Int64
        var decision: IntakeDecisionKind
        var item: CatalogItem
        var applicant: Applicant
        var representative: Representative
        var checklist: IntakeChecklist
        var refusal: RefusalReason?
        var reasonText: String?
        var supplementDays: Int?
        var receivedOn: CivilDate
        /// The case's acceptance day: the decision's day, or the materials' arrival day for an art. 32 conversion.
        var acceptedOn: CivilDate
        var ticketID: Int64?
        /// An art. 32 conversion: accepted by the law itself, not by the window's check.
        var deemed = false
        /// "Received, checking": the last day to decide (the receipt says it; nil: cannot be counted yet).
        var decideBy: CivilDate?
    }

    /// The rule again inside the write (`IntakeDecision.assess`), and for 容缺 the supplement days: the hall's
    /// `supplement_days`, or fewer. Returns those days (nil for other decisions).
    static func checkDecision(_ decision: IntakeDecisionKind, item: CatalogItem, checklist: IntakeChecklist, applicant: Applicant,
                              settings: HallSettings, supplementDays: Int?) throws -> Int? {
        let assessment = IntakeDecision.assess(item: item, checklist: checklist, applicantFlagged: applicant.isFlagged,
                                               siteLevel: settings.siteLevel)
        guard assessment.isPossible(decision) else { throw IntakeError.notPossible(decision, assessment.obstacles(to: decision)) }
        guard decision == .tolerate else { return nil }
        // More than the hall's days is `SupplementTerms`' to refuse; none at all is no deadline.
        let days = supplementDays ?? settings.supplementDays
        guard days >= 1 else { throw IntakeError.supplementDays(given: days) }
        return days
    }

    /// What every decision writes after its intake row: the case (accept, tolerate), the `intake_decided` event,
    /// `case_opened`, and the decision's documents with their `document_issued` events.
    static func recordDecision(_ db: Database, _ f: DecisionFacts, settings: HallSettings, calendar: WorkingCalendar, today: CivilDate,
                               event: EventContext, extra: [String: AuditValue])
        throws -> (record: CaseRecord?, problem: WorkingCalendarError?, reference: String, documents: [StoredDocument]) {
        var record: CaseRecord?
        var problem: WorkingCalendarError?
        if f.decision.opensCase {
            (record, problem) = try openCase(db, intakeID: f.intakeID, ticketID: f.ticketID, applicant: f.applicant, item: f.item,
                                             acceptedOn: f.acceptedOn, tolerated: f.decision == .tolerate, supplementDays: f.supplementDays,
                                             settings: settings, calendar: calendar, now: event.at)
        }
        let reference = record?.number ?? intakeReference(hallCode: settings.hallCode, on: f.receivedOn, id: f.intakeID)
        var extra = extra
        // Who spoke for the applicant, and on what authority, is part of what was decided: chained, not only kept in
        // the editable intake row (the number masked as everywhere outside the applicant's own record).
        if let representative = f.representative.auditValue { extra["representative"] = representative }
        try appendEvent(db, .intakeDecided, event, detail: extra.merging([
            "intake": .int(f.intakeID), "decision": .string(f.decision.rawValue), "item": .string(f.item.implementationCode),
            "applicant": .int(f.applicant.id), "number": .string(f.applicant.maskedNumber),
            "outstanding": .string(f.checklist.outstandingPositions.map(String.init).joined(separator: ",")),
            "refusal": .optional(f.refusal?.rawValue), "reason": .optional(f.reasonText), "case": .optional(record?.number),
        ]) { _, new in new })
        if let record {
            try appendCaseOpened(db, record, event)
            // 帮办 or 代办: the case joins its agent's proxy job (Agents/HallDatabase+ProxyJobs.swift).
            try joinProxyJob(db, record: record, representative: f.representative, event: event)
        }
        var facts = documentFacts(settings: settings, issuedOn: today, reference: reference, applicant: f.applicant,
                                  representative: f.representative, item: f.item, checklist: f.checklist, receivedOn: f.receivedOn,
                                  record: record, refusal: f.refusal, reasonText: f.reasonText)
        facts.deemedAccepted = f.deemed
        facts.decideBy = f.decideBy
        let documents = try CaseDocumentKind.issued(for: f.decision).map { kind in
            try issueDocument(db, kind, facts: facts, intakeID: f.intakeID, record: record, event: event)
        }
        return (record, problem, reference, documents)
    }

    /// Opens the case of an acceptance: the next number of the acceptance day, the deadlines (unknown, with the
    /// reason, when the calendar cannot count them), and for 容缺 the supplement deadline, never after the promised one.
    static func openCase(_ db: Database, intakeID: Int64, ticketID: Int64?, applicant: Applicant, item: CatalogItem,
                         acceptedOn: CivilDate, tolerated: Bool, supplementDays: Int?, settings: HallSettings,
                         calendar: WorkingCalendar, now: Date) throws -> (CaseRecord, WorkingCalendarError?) {
        var problem: WorkingCalendarError?
        func counted(_ body: () throws(WorkingCalendarError) -> CivilDate) -> CivilDate? {
            do { return try body() } catch { problem = problem ?? error; return nil }
        }
        let clock = CaseClock(acceptedOn: acceptedOn, statutoryLimit: item.statutoryLimit, promisedLimit: item.promisedLimit)
        let statutoryDue = counted { () throws(WorkingCalendarError) in try clock.statutoryDeadline(calendar: calendar) }
        let promisedDue = counted { () throws(WorkingCalendarError) in try clock.promisedDeadline(calendar: calendar) }
        var supplementDue: CivilDate?
        if let supplementDays, let promisedDue {
            do {
                supplementDue = try SupplementTerms.deadline(intakeOn: acceptedOn, requestedDays: supplementDays, hallDays: settings.supplementDays,
                                                             promisedDeadline: promisedDue, calendar: calendar)
            } catch {
                guard case .deadlineUnknown(let unknown) = error else { throw error }
                problem = problem ?? unknown
            }
        }
        let sequence = (try Int.fetchOne(db, cachedSQL: "SELECT MAX(daily_seq) FROM hall_case WHERE accepted_on = ?",
                                         arguments: [acceptedOn.description]) ?? 0) + 1
        let number = CaseRecord.number(hallCode: settings.hallCode, acceptedOn: acceptedOn, sequence: sequence)
        try db.execute(cachedSQL: """
            INSERT INTO hall_case(number, accepted_on, daily_seq, intake_id, ticket_id, applicant_id, item_code, item_name,
                                  department_code, final_approver, tolerated, state, statutory_count, statutory_unit, promised_count,
                                  promised_unit, statutory_due, promised_due, supplement_due, extension_allowed, updated_at,
                                  supplement_days)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [number, acceptedOn.description, sequence, intakeID, ticketID, applicant.id, item.implementationCode, item.name,
                             item.departmentCode, item.finalApprover.rawValue, tolerated, item.statutoryLimit.count,
                             item.statutoryLimit.unit.rawValue, item.promisedLimit.count, item.promisedLimit.unit.rawValue,
                             statutoryDue?.description, promisedDue?.description, supplementDue?.description,
                             item.statutoryExtension, now.millisecondsSince1970, tolerated ? supplementDays : nil])
        // Read back by rowid rather than `RETURNING`: SQLite answers RETURNING through an ephemeral table and a
        // statement journal, which cost more than the insert itself (`desk bench`, case_intake).
        guard let record = try db.fetchFirst(cachedSQL: "SELECT \(CaseRecord.columns) FROM hall_case WHERE id = ?",
                                             arguments: [db.lastInsertedRowID], columns: CaseRecord.init) else {
            throw IntakeError.unknownCase(number)
        }
        try db.execute(cachedSQL: "UPDATE intake SET case_id = ? WHERE id = ?", arguments: [record.id, intakeID])
        return (record, problem)
    }

    static func appendCaseOpened(_ db: Database, _ record: CaseRecord, _ event: EventContext) throws {
        try appendEvent(db, .caseOpened, event, detail: [
            "case": .string(record.number), "intake": .int(record.intakeID), "item": .string(record.itemCode),
            "accepted_on": .string(record.acceptedOn.description), "tolerated": .bool(record.tolerated),
            "statutory_due": .optional(record.statutoryDue?.description), "promised_due": .optional(record.promisedDue?.description),
            "supplement_due": .optional(record.supplementDue?.description),
        ])
    }

    static func documentFacts(settings: HallSettings, issuedOn: CivilDate, reference: String, applicant: Applicant,
                              representative: Representative, item: CatalogItem, checklist: IntakeChecklist, receivedOn: CivilDate,
                              record: CaseRecord?, refusal: RefusalReason?, reasonText: String?) -> DocumentFacts {
        let materials = item.materials.enumerated().map { index, m in
            DocumentFacts.Material(position: index + 1, name: m.name, kind: m.kind, form: m.form, copies: m.copies,
                                   blankFormAvailable: m.blankFormAvailable, notes: m.notes, status: checklist.entries[index].status,
                                   problem: checklist.entries[index].note)
        }
        return DocumentFacts(hallName: settings.hallName, issuedOn: issuedOn, reference: reference, applicantName: applicant.name,
                             applicantKind: applicant.kind, applicantNumber: applicant.maskedNumber, representative: representative,
                             itemName: item.name, itemCode: item.implementationCode, itemType: item.itemType, legalBasis: item.legalBasis,
                             supervisionPhone: item.supervisionPhone, receivedOn: receivedOn, acceptedOn: record?.acceptedOn,
                             statutoryLimit: item.statutoryLimit, promisedLimit: item.promisedLimit, statutoryDue: record?.statutoryDue,
                             promisedDue: record?.promisedDue, supplementDue: record?.supplementDue, materials: materials,
                             refusal: refusal, reasonText: reasonText,
                             handledAtLevels: item.allowedSiteLevels.contains(settings.siteLevel) ? [] : item.sortedSiteLevels,
                             remedies: DocumentFacts.Remedies(reviewOrgan: settings.remedyReviewOrgan, court: settings.remedyCourt))
    }

    /// Renders, keeps and chains one document: a `document_issued` event with its SM3 digest.
    static func issueDocument(_ db: Database, _ kind: CaseDocumentKind, facts: DocumentFacts, intakeID: Int64, record: CaseRecord?,
                              event: EventContext) throws -> StoredDocument {
        let document = try CaseDocument.render(kind, facts)
        try db.execute(cachedSQL: """
            INSERT INTO case_document(intake_id, case_id, kind, issued_at, text, html, digest) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [intakeID, record?.id, kind.rawValue, event.at.millisecondsSince1970, document.text, document.html,
                             document.digest])
        let id = db.lastInsertedRowID
        try appendEvent(db, .documentIssued, event, detail: [
            "document": .int(id), "kind": .string(kind.rawValue), "digest": .string(document.digest),
            "intake": .int(intakeID), "case": .optional(record?.number),
        ])
        return StoredDocument(id: id, intakeID: intakeID, caseID: record?.id, kind: kind, issuedAt: event.at, digest: document.digest,
                              text: document.text, html: document.html, licence: facts.isLicence)
    }

    /// Art. 32: a pending intake not decided within 5 working days of the materials' arrival counts as accepted
    /// from that day. Each one found becomes a case dated the arrival day, with its acceptance notice; the events
    /// are the program's own (`@system`), at the terminal whose write looked. Intakes whose limit cannot be
    /// counted (no holiday schedule) or whose item left the catalog stay pending. An item whose material list was
    /// edited since converts on the list recorded at receipt (`itemAsReceived`).
    static func convertOverduePending(_ db: Database, today: CivilDate, calendar: WorkingCalendar, settings: HallSettings,
                                      now: Date, trigger: Actor) throws -> [CaseRecord] {
        let ids = try Int64.fetchAll(db, cachedSQL: """
            SELECT id FROM intake INDEXED BY intake_pending WHERE decision = 'pending' AND received_on < ? ORDER BY id
            """, arguments: [today.description])
        var converted: [CaseRecord] = []
        for id in ids {
            guard let intake = try fetchIntake(db, id: id),
                  let decideBy = try? PendingIntakeRule.decisionDeadline(materialsArrivedOn: intake.receivedOn, calendar: calendar),
                  today > decideBy,
                  let item = try itemAsReceived(db, intakeID: id, code: intake.itemCode),
                  let applicant = try fetchApplicant(db, id: intake.applicantID) else { continue }
            let event = EventContext(actor: "@system", terminal: trigger.terminal.description, at: now, businessDate: today.description,
                                     ticketID: intake.ticketID, lineID: nil, window: intake.windowID, staff: intake.staffID)
            try db.execute(cachedSQL: "UPDATE intake SET decision = 'accept', decided_at = ?, reason = ? WHERE id = ?",
                           arguments: [now.millisecondsSince1970, PendingConversion.art32, id])
            let decided = try recordDecision(db, DecisionFacts(
                intakeID: id, decision: .accept, item: item, applicant: applicant, representative: intake.representative,
                checklist: intake.checklist, refusal: nil, reasonText: nil, supplementDays: nil, receivedOn: intake.receivedOn,
                acceptedOn: intake.receivedOn, ticketID: intake.ticketID, deemed: true), settings: settings, calendar: calendar, today: today,
                event: event, extra: ["converted": .string(PendingConversion.art32), "received_on": .string(intake.receivedOn.description),
                        "decide_by": .string(decideBy.description)])
            if let record = decided.record { converted.append(record) }
        }
        return converted
    }
}

/// An intake row as stored, with its checklist.
struct StoredIntake {
    var id: Int64
    var receivedOn: CivilDate
    var ticketID: Int64?
    var windowID: Int?
    var staffID: String
    var applicantID: Int64
    var itemCode: String
    var decision: IntakeDecisionKind
    var representative: Representative
    var checklist: IntakeChecklist
}

extension HallDatabase {
    static func fetchIntake(_ db: Database, id: Int64) throws -> StoredIntake? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT id, received_on, ticket_id, window_id, staff_id, applicant_id, item_code, decision, representative_kind,
                   representative_name, representative_id_number, authorisation
            FROM intake WHERE id = ?
            """, arguments: [id]) else { return nil }
        let entries = try Row.fetchAll(db, cachedSQL: "SELECT status, note FROM intake_material WHERE intake_id = ? ORDER BY position",
                                       arguments: [id]).map {
            ChecklistEntry(try decode(MaterialStatus.self, $0[0], "intake_material", "status"), note: $0[1])
        }
        return StoredIntake(id: row[0], receivedOn: try CivilDate(parsing: row[1]), ticketID: row[2], windowID: row[3], staffID: row[4],
                            applicantID: row[5], itemCode: row[6], decision: try decode(IntakeDecisionKind.self, row[7], "intake", "decision"),
                            representative: Representative(kind: try decode(RepresentativeKind.self, row[8], "intake", "representative_kind"),
                                                           name: row[9], idNumber: row[10], authorisation: row[11]),
                            checklist: IntakeChecklist(entries))
    }
}

/// The stored reason key of a pending intake converted by art. 32.
enum PendingConversion {
    static let art32 = "art32"
}
