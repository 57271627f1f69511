import Foundation
import GRDB
import Queue

/// The decision on an intake recorded as "received, checking", within its 5 working days.
public struct PendingDecision: Sendable {
    /// The intake's registration number (`HD-20260302-R000012`).
    public var reference: String
    /// accept, tolerate, notice or refuse.
    public var decision: IntakeDecisionKind
    /// The checklist as now checked; nil keeps the one recorded at the window.
    public var checklist: IntakeChecklist?
    public var refusal: RefusalReason?
    public var reason: String?
    public var supplementDays: Int?

    public init(reference: String, decision: IntakeDecisionKind, checklist: IntakeChecklist? = nil, refusal: RefusalReason? = nil,
                reason: String? = nil, supplementDays: Int? = nil) {
        self.reference = reference; self.decision = decision; self.checklist = checklist; self.refusal = refusal
        self.reason = reason; self.supplementDays = supplementDays
    }
}

extension HallDatabase {
    /// Decides a pending intake within its 5 working days (art. 32): the clerk who recorded it, or a supervisor
    /// (`decidePendingIntake`). The rule is the window's (`IntakeDecision.assess`); an acceptance is dated the day
    /// of the decision. Once the 5 working days have passed the intake is already an acceptance (it is converted
    /// first, as every intake write looks), and deciding it is refused naming its case.
    public func decidePending(_ request: PendingDecision, by actor: Actor) throws -> IntakeOutcome {
        guard request.decision != .pending else { throw IntakeError.decisionNeeded }
        let reasonText = try request.reason.map { try FreeText.clean($0, field: FreeText.reason, limit: 200) }
        if request.decision == .refuse && (request.refusal == nil || reasonText == nil) { throw IntakeError.refusalNeedsReason }
        var given = request.checklist
        if var checklist = given {
            for i in checklist.entries.indices {
                checklist.entries[i].note = try checklist.entries[i].note.map { try FreeText.clean($0, field: FreeText.materialNote, limit: 200) }
            }
            given = checklist
        }
        let reference = request.reference.uppercased()
        let now = clock.now
        return try perform { db in
            let id = try Self.intakeID(db, reference: reference)
            guard var intake = try Self.fetchIntake(db, id: id) else { throw IntakeError.unknownIntake(reference) }
            do {
                try PermissionPolicy.check(db, .decidePendingIntake, by: actor, windowClerk: intake.staffID)
            } catch AccessError.notPermitted(let id, let name, _, _) {
                // The policy's refusal, said with the intake's own facts: who recorded it (not "you").
                throw AccessError.notTheRecorder(actor: id, name: name, reference: reference, recordedBy: intake.staffID,
                                                 recorderName: try StaffRecord.fetch(db, id: intake.staffID)?.name)
            }
            let settings = try HallSettings.load(db)
            let todayText = settings.businessCalendar.businessDate(of: now)
            let today = try CivilDate(parsing: todayText)
            let calendar = try Self.storedCalendar(db)
            let converted = try Self.convertOverduePending(db, today: today, calendar: calendar, settings: settings, now: now, trigger: actor)
            if let decided = try Self.notPending(db, id: id, reference: reference, settings: settings) { throw decided }
            guard let item = try Self.itemAsReceived(db, intakeID: id, code: intake.itemCode) else { throw IntakeError.unknownItem(intake.itemCode) }
            let checklist = given ?? intake.checklist
            guard checklist.entries.count == item.materials.count else {
                throw IntakeError.checklistLength(item: item.implementationCode, expected: item.materials.count, given: checklist.entries.count)
            }
            guard let applicant = try Self.fetchApplicant(db, id: intake.applicantID) else { throw IntakeError.unknownIntake(reference) }
            let supplementDays = try Self.checkDecision(request.decision, item: item, checklist: checklist, applicant: applicant,
                                                        settings: settings, supplementDays: request.supplementDays)
            try db.execute(cachedSQL: "UPDATE intake SET decision = ?, decided_at = ?, reason = ?, reason_text = ? WHERE id = ?",
                           arguments: [request.decision.rawValue, now.millisecondsSince1970, request.refusal?.rawValue, reasonText, id])
            for (index, entry) in checklist.entries.enumerated() where given != nil {
                try db.execute(cachedSQL: "UPDATE intake_material SET status = ?, note = ? WHERE intake_id = ? AND position = ?",
                               arguments: [entry.status.rawValue, entry.status == .defective || entry.status == .corrected ? entry.note : nil,
                                           id, index + 1])
            }
            intake.checklist = checklist
            let event = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: todayText,
                                     ticketID: intake.ticketID, lineID: nil, window: intake.windowID, staff: intake.staffID)
            let decided = try Self.recordDecision(db, DecisionFacts(
                intakeID: id, decision: request.decision, item: item, applicant: applicant, representative: intake.representative,
                checklist: checklist, refusal: request.refusal, reasonText: reasonText, supplementDays: supplementDays,
                receivedOn: intake.receivedOn, acceptedOn: today, ticketID: intake.ticketID), settings: settings, calendar: calendar,
                today: today, event: event, extra: ["pending_since": .string(intake.receivedOn.description)])
            return IntakeOutcome(intakeID: id, reference: decided.reference, decision: request.decision, applicant: applicant,
                                 representative: intake.representative, item: item,
                                 checklist: checklist, receivedOn: intake.receivedOn, caseRecord: decided.record,
                                 deadlineProblem: decided.problem, decideBy: nil, decideByProblem: nil, documents: decided.documents,
                                 converted: converted)
        }
    }
}

/// A pending intake with what the window's form needs to decide it: the applicant and the checklist as recorded.
public struct PendingIntakeDetail: Sendable {
    public var pending: PendingIntake
    public var applicant: Applicant
    public var checklist: IntakeChecklist
    /// The item with its materials as recorded at receipt (`itemAsReceived`): what the checklist's positions number.
    public var item: CatalogItem
}

extension HallDatabase {
    /// The undecided intake with this registration number, with its applicant and recorded checklist
    /// (`IntakeError.unknownIntake` when there is none, or it was decided or converted meanwhile).
    /// One decided already says how, when and into which case (`IntakeError.alreadyDecided`, `convertedByLaw`).
    public func pendingIntake(reference: String) throws -> PendingIntakeDetail {
        let reference = reference.uppercased()
        try read { db in
            let id = try Self.intakeID(db, reference: reference)
            if let decided = try Self.notPending(db, id: id, reference: reference, settings: try HallSettings.load(db)) { throw decided }
        }
        guard let pending = try pendingIntakes().first(where: { $0.reference == reference }) else { throw IntakeError.unknownIntake(reference) }
        return try read { db in
            guard let intake = try Self.fetchIntake(db, id: pending.intakeID), let applicant = try Self.fetchApplicant(db, id: intake.applicantID) else {
                throw IntakeError.unknownIntake(reference)
            }
            guard let item = try Self.itemAsReceived(db, intakeID: intake.id, code: intake.itemCode) else { throw IntakeError.unknownItem(intake.itemCode) }
            return PendingIntakeDetail(pending: pending, applicant: applicant, checklist: intake.checklist, item: item)
        }
    }

    /// Why an intake is no longer pending, or nil while it is: converted by art. 32 into the case named, or decided
    /// (how, on which business day, into which case if it opened one).
    static func notPending(_ db: Database, id: Int64, reference: String, settings: HallSettings) throws -> IntakeError? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT i.decision, i.decided_at, i.reason, c.number FROM intake i LEFT JOIN hall_case c ON c.intake_id = i.id WHERE i.id = ?
            """, arguments: [id]) else { return IntakeError.unknownIntake(reference) }
        let decision = try decode(IntakeDecisionKind.self, row[0], "intake", "decision")
        guard decision != .pending else { return nil }
        let number: String? = row[3]
        if let number, (row[2] as String?) == PendingConversion.art32 { return .convertedByLaw(reference, case: number) }
        let decidedAt = Date(millisecondsSince1970: (row[1] as Int64?) ?? 0)
        return .alreadyDecided(reference, how: decision, on: CivilDate(decidedAt, in: settings.businessCalendar.timeZone), case: number)
    }

    /// The item a pending intake is decided (or converted, art. 32) on: the catalog's item as it is now (limits,
    /// department, approver) with the materials as they were recorded at receipt (`intake_material`: name, kind),
    /// so an item whose list was edited since still decides by what the window checked. A recorded material
    /// still published at the same position, name and kind keeps its published form, copies and notes.
    static func itemAsReceived(_ db: Database, intakeID: Int64, code: String) throws -> CatalogItem? {
        guard var item = try storedItem(db, code: code) else { return nil }
        let published = item.materials
        let recorded = try Row.fetchAll(db, cachedSQL: "SELECT position, name, kind FROM intake_material WHERE intake_id = ? ORDER BY position",
                                        arguments: [intakeID]).map { row -> ItemMaterial in
            let position: Int = row[0], name: String = row[1]
            let kind = try decode(MaterialKind.self, row[2], "intake_material", "kind")
            if position <= published.count, published[position - 1].name == name, published[position - 1].kind == kind {
                return published[position - 1]
            }
            return ItemMaterial(name: name, kind: kind)
        }
        if recorded != published { item.materials = recorded }
        return item
    }
}
