import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Takes one action on a case (docs/cases.md), in one transaction: the permission (`PermissionPolicy`, by the
    /// action's `hallAction`), the case's facts loaded from `hall_case` and its checklist, `CaseTransition.apply` as
    /// the acting staff member (roles and approver level from the staff record) on today's business date with the
    /// loaded holiday schedules (a deadline left uncounted counted first, `countUnknownDeadlines`), the new facts written, and one event of the action's kind (`EventKind(kind)`); the
    /// handover ledger's line (`handOver`, `acknowledge`) and the action's letters (`CaseDocumentKind.issued(for:)`) in
    /// the same transaction. A refused transition writes nothing and throws `CaseRuleError` (or `HandoverError`).
    @discardableResult
    public func act(onCase number: String, _ action: CaseAction, by actor: Actor) throws -> CaseRecord {
        try act(onCase: number, by: actor) { _ in [action] }
    }

    /// 一审 in one step (`desk case review`): a case still `accepted` is taken (`startReview`) and its opinion
    /// submitted (`submitReview`) in the same transaction, two events; a case already under review is submitted.
    @discardableResult
    public func review(caseNumber number: String, opinion: String, by actor: Actor) throws -> CaseRecord {
        try act(onCase: number, by: actor) { facts in
            facts.state == .accepted ? [.startReview, .submitReview(opinion: opinion)] : [.submitReview(opinion: opinion)]
        }
    }

    private func act(onCase number: String, by actor: Actor, actions: (CaseFacts) -> [CaseAction]) throws -> CaseRecord {
        let now = clock.now
        return try perform { db in
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            var record = try Self.fetchCase(db, number: number)
            let planned = actions(try Self.loadCaseFacts(db, record))
            for action in planned { try PermissionPolicy.check(db, action.kind.hallAction, by: actor) }
            let caseActor = try Self.caseActor(db, actor)
            let event = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: today.description,
                                     ticketID: record.ticketID, lineID: nil, window: nil, staff: actor.staffID)
            // A deadline left uncounted is counted first, once the calendar can: the rules then judge the case by it.
            if let first = planned.first,
               !(try Self.countUnknownDeadlines(db, caseID: record.id, settings: settings, today: today, calendar: calendar, event: event,
                                                by: EventKind(first.kind).rawValue)).isEmpty {
                record = try Self.fetchCase(db, number: record.number)
            }
            for action in planned {
                record = try Self.applyCaseAction(db, action, to: record, by: caseActor, on: today, calendar: calendar, event: event)
            }
            // The last overdue 容缺 material recorded: the clock restarts today, in the same write (the sweep's rule, as
            // the system account), not on the night a sweep next runs.
            // (A year without its holiday schedule: the sweep resumes it, by the same date, once it can count.)
            if planned.contains(where: { $0.kind == .supplement }),
               case let facts = try Self.loadCaseFacts(db, record),
               let step = try? CaseSweep.step(for: facts, today: today, calendar: calendar), step.action == .resume {
                record = try Self.applyCaseAction(db, .resume, to: record, by: .system(actor.staffID ?? actor.key), on: step.effectiveOn,
                                                  calendar: calendar, event: event)
            }
            return record
        }
    }

    /// What every case write and list reads first: the hall's settings, today's business date, and the working
    /// calendar of the loaded holiday schedules.
    static func caseDay(_ db: Database, now: Date) throws -> (settings: HallSettings, today: CivilDate, calendar: WorkingCalendar) {
        let settings = try HallSettings.load(db)
        return (settings, try CivilDate(parsing: settings.businessCalendar.businessDate(of: now)),
                try storedCalendar(db))
    }

    /// The case with this number (any case), or `IntakeError.unknownCase`.
    static func fetchCase(_ db: Database, number: String) throws -> CaseRecord {
        let number = number.uppercased()
        guard let record = try db.fetchFirst(cachedSQL: "SELECT \(CaseRecord.columns) FROM hall_case WHERE number = ?",
                                             arguments: [number], columns: CaseRecord.init) else {
            throw IntakeError.unknownCase(number)
        }
        return record
    }

    /// The person acting as the rules see them: staff number, roles and approver level (`cases list --mine`).
    public func caseActor(_ actor: Actor) throws -> CaseActor {
        try read { db in try Self.caseActor(db, actor) }
    }

    /// The person acting as the rules see them: staff number, roles, approver level (after the permission check).
    static func caseActor(_ db: Database, _ actor: Actor) throws -> CaseActor {
        guard let id = actor.staffID, let staff = try StaffRecord.fetch(db, id: id), staff.active else {
            throw AccessError.unknownOrInactive(actor.key)
        }
        return CaseActor(staffID: staff.id, roles: Set(staff.roles), approverLevel: staff.approverLevel)
    }

    /// Everything the lifecycle rules need of a stored case: its row's lifecycle columns and which materials of its
    /// checklist are not in (`MaterialStatus.isIn` false).
    static func loadCaseFacts(_ db: Database, _ record: CaseRecord) throws -> CaseFacts {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT reviewer_id, approver_id, suspended_since, suspension_reason, resume_state, extension_allowed FROM hall_case WHERE id = ?
            """, arguments: [record.id]) else { throw IntakeError.unknownCase(record.number) }
        var outstanding: Set<Int> = []
        var lastSupplied: String?
        for m in try Row.fetchAll(db, cachedSQL: "SELECT position, status, supplied_on FROM intake_material WHERE intake_id = ?",
                                  arguments: [record.intakeID]) {
            if !(try decode(MaterialStatus.self, m[1], "intake_material", "status").isIn) { outstanding.insert(m[0]) }
            if let on = m[2] as String?, on > (lastSupplied ?? "") { lastSupplied = on }
        }
        var facts = record.facts(outstanding: outstanding)
        facts.lastSuppliedOn = try lastSupplied.map { try CivilDate(parsing: $0) }
        facts.reviewerID = row[0]
        facts.approverID = row[1]
        facts.extensionAllowed = row[5]
        if let since = try (row[2] as String?).map({ try CivilDate(parsing: $0) }) {
            facts.suspension = CaseSuspension(since: since, reason: try decode(SuspensionReason.self, row[3], "hall_case", "suspension_reason"),
                                              resumeTo: try decode(CaseState.self, row[4], "hall_case", "resume_state"))
            if facts.suspension?.reason == .supplementsOverdue {
                facts.suspension?.toldOn = try documentDay(db, record, kind: .suspensionNotice, last: true)
            }
        }
        return facts
    }

    /// Applies one action to a stored case and writes what changed, with the action's event. Throws `CaseRuleError`
    /// (nothing written) when the rules refuse.
    static func applyCaseAction(_ db: Database, _ action: CaseAction, to record: CaseRecord, by actor: CaseActor, on date: CivilDate,
                                calendar: WorkingCalendar, event: EventContext) throws -> CaseRecord {
        let before = try loadCaseFacts(db, record)
        let after = try CaseTransition.apply(action, to: before, by: actor, on: date, calendar: calendar)
        let text = try action.writtenReason.map { text throws(CaseRuleError) in try CaseTransition.cleanReason(text, for: action.kind) }
        // 审管联动: the handover needs a pairing, the acknowledgement the ledger's liaison; refused before any write.
        let handover = try handoverPlan(db, action.kind, record: record, by: actor)
        // 材料交接台账: the result is not served, nor the case withdrawn or terminated, while an original is still with the
        // hall or the agent (docs/agents.md).
        if [.issueResult, .withdraw, .terminate].contains(action.kind) { try requireOriginalsReturned(db, caseID: record.id) }
        let day = date.description
        try db.execute(cachedSQL: """
            UPDATE hall_case SET state = ?, reviewer_id = ?, approver_id = ?, decided_on = ?, suspended_since = ?, suspension_reason = ?,
                resume_state = ?, suspended_working_days = ?, extension_days = ?, statutory_due = ?, promised_due = ?, result_due = ?,
                updated_at = ?
            WHERE id = ?
            """, arguments: [after.state.rawValue, after.reviewerID, after.approverID, after.decidedOn?.description,
                             after.suspension?.since.description, after.suspension?.reason.rawValue, after.suspension?.resumeTo.rawValue,
                             after.clock.suspendedWorkingDays, after.clock.extensionDays,
                             (try? after.clock.statutoryDeadline(calendar: calendar))?.description,
                             (try? after.clock.promisedDeadline(calendar: calendar))?.description,
                             (try? after.resultDeadline(calendar: calendar))??.description,
                             event.at.millisecondsSince1970, record.id])
        var detail: [String: AuditValue] = ["case": .string(record.number), "on": .string(day), "state": .string(after.state.rawValue)]
        if let text { detail["reason"] = .string(text) }
        switch action {
        case .submitReview:
            try db.execute(cachedSQL: "UPDATE hall_case SET review_opinion = ? WHERE id = ?", arguments: [text, record.id])
        case .approve, .reject:
            try db.execute(cachedSQL: "UPDATE hall_case SET decision_reason = ? WHERE id = ?", arguments: [text, record.id])
        case .issueResult:
            try db.execute(cachedSQL: "UPDATE hall_case SET result_issued_on = ? WHERE id = ?", arguments: [day, record.id])
        case .handOver:
            try db.execute(cachedSQL: "UPDATE hall_case SET handed_over_on = ? WHERE id = ?", arguments: [day, record.id])
        case .acknowledge:
            try db.execute(cachedSQL: "UPDATE hall_case SET acknowledged_on = ? WHERE id = ?", arguments: [day, record.id])
        case .withdraw, .terminate:
            try db.execute(cachedSQL: "UPDATE hall_case SET closed_on = ? WHERE id = ?", arguments: [day, record.id])
        case .suspend(let reason):
            detail["suspension"] = .string(reason.rawValue)
        case .resume:
            try db.execute(cachedSQL: "UPDATE hall_case SET resumed_on = ? WHERE id = ?", arguments: [day, record.id])
            detail["suspended_working_days"] = .int(Int64(after.clock.suspendedWorkingDays - before.clock.suspendedWorkingDays))
        case .extend:
            detail["extension_days"] = .int(Int64(after.clock.extensionDays))
        case .supplement(let position):
            try db.execute(cachedSQL: """
                UPDATE intake_material SET status = ?, supplied_on = ?, supplied_by = ? WHERE intake_id = ? AND position = ?
                """, arguments: [MaterialStatus.supplied.rawValue, day, actor.staffID, record.intakeID, position])
            detail["material"] = .int(Int64(position))
            // Every material in: the sweep's flag of an approved case held back is lifted (its event stays in the timeline).
            if after.outstandingMaterials.isEmpty, before.supplementOverdueFlaggedOn != nil {
                try db.execute(cachedSQL: "UPDATE hall_case SET supplement_overdue_flagged_on = NULL WHERE id = ?", arguments: [record.id])
            }
        case .startReview:
            break
        }
        if let handover {
            detail.merge(try writeHandover(db, handover, record: record, by: actor, on: date, at: event.at)) { _, new in new }
        }
        try appendEvent(db, EventKind(action.kind), event, detail: detail)
        let updated = try fetchCase(db, number: record.number)
        try issueCaseLetters(db, action, before: before, after: after, reason: text, record: updated, on: date, calendar: calendar, event: event)
        return updated
    }
}
