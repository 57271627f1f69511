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
            try PermissionPolicy.check(db, .decidePendingIntake, by: actor, windowClerk: intake.staffID)
            let settings = try HallSettings.load(db)
            let todayText = settings.businessCalendar.businessDate(of: now)
            let today = try CivilDate(parsing: todayText)
            let calendar = try Self.storedCalendar(db)
            let converted = try Self.convertOverduePending(db, today: today, calendar: calendar, settings: settings, now: now, trigger: actor)
            if let number = try String.fetchOne(db, cachedSQL: "SELECT number FROM hall_case WHERE intake_id = ?", arguments: [id]) {
                let byLaw = try String.fetchOne(db, cachedSQL: "SELECT reason FROM intake WHERE id = ?", arguments: [id]) == PendingConversion.art32
                throw byLaw ? IntakeError.convertedByLaw(reference, case: number) : IntakeError.alreadyDecided(reference, case: number)
            }
            guard intake.decision == .pending else { throw IntakeError.alreadyDecided(reference, case: nil) }
            guard let item = try Self.storedItem(db, code: intake.itemCode) else { throw IntakeError.unknownItem(intake.itemCode) }
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
            return IntakeOutcome(intakeID: id, reference: decided.reference, decision: request.decision, applicant: applicant, item: item,
                                 checklist: checklist, receivedOn: intake.receivedOn, caseRecord: decided.record,
                                 deadlineProblem: decided.problem, decideBy: nil, documents: decided.documents, converted: converted)
        }
    }
}

/// A pending intake with what the window's form needs to decide it: the applicant and the checklist as recorded.
public struct PendingIntakeDetail: Sendable {
    public var pending: PendingIntake
    public var applicant: Applicant
    public var checklist: IntakeChecklist
}

extension HallDatabase {
    /// The undecided intake with this registration number, with its applicant and recorded checklist
    /// (`IntakeError.unknownIntake` when there is none, or it was decided or converted meanwhile).
    public func pendingIntake(reference: String) throws -> PendingIntakeDetail {
        let reference = reference.uppercased()
        guard let pending = try pendingIntakes().first(where: { $0.reference == reference }) else { throw IntakeError.unknownIntake(reference) }
        return try read { db in
            guard let intake = try Self.fetchIntake(db, id: pending.intakeID), let applicant = try Self.fetchApplicant(db, id: intake.applicantID) else {
                throw IntakeError.unknownIntake(reference)
            }
            return PendingIntakeDetail(pending: pending, applicant: applicant, checklist: intake.checklist)
        }
    }
}
