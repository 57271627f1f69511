import Foundation
import GRDB
import Queue

/// What one `desk cases sweep` did.
public struct CaseSweepSummary: Sendable {
    public struct Step: Sendable, Hashable {
        public var caseNumber: String
        public var action: CaseActionKind
        /// The day the step took effect (the rule's day, even when the sweep runs later).
        public var effectiveOn: CivilDate
    }
    /// Pending intakes converted to acceptances (art. 32): their case numbers.
    public var converted: [String]
    /// The 容缺 steps applied, in order.
    public var steps: [Step]
    /// Cases the sweep could not judge (a deadline in a year without a holiday schedule): left as they are.
    public var unknown: [String]
    /// Cases whose deadlines, uncounted until now, the sweep counted (`case_deadlines_counted`), before its 容缺 steps.
    public var counted: [String] = []
    /// A document the sweep issued (a 补齐材料期限告知书, a suspension or termination notice…): nobody stood at a window
    /// to hand it over, so the hall must deliver it; `desk case document CASE --kind KIND` reprints it.
    public struct IssuedDocument: Sendable, Hashable {
        public var caseNumber: String
        public var kind: CaseDocumentKind
    }
    /// The documents this run issued, in order: each must be delivered to its applicant.
    public var documents: [IssuedDocument] = []
    /// An approved 容缺 case whose materials are still out past the supplement deadline, flagged by this run for a
    /// supervisor (`CaseSweep.overdueFlag`, `case_supplement_overdue_flagged`): it stays approved; only its result waits.
    public struct Flagged: Sendable, Hashable {
        public var caseNumber: String
        public var supplementDeadline: CivilDate
        /// The materials still out, by position in the item's list, with their names as at the intake.
        public var outstanding: [OutstandingMaterial]
    }
    public struct OutstandingMaterial: Sendable, Hashable {
        public var position: Int
        public var name: String
    }
    /// The cases this run flagged, in order (a case flagged by an earlier run is not flagged again).
    public var flagged: [Flagged] = []

    /// The run changed nothing and flagged nothing (a screen that opens says nothing).
    public var isEmpty: Bool { converted.isEmpty && steps.isEmpty && counted.isEmpty && flagged.isEmpty }

    /// `detail.by` of the `case_deadlines_counted` events the sweep writes.
    static let sweepKey = "sweep"
}

extension HallDatabase {
    /// The sweep (cron, or a supervisor), in one transaction: converts the overdue "received, checking" intakes
    /// (`convertOverduePending`, art. 32), counts the deadlines open cases were left without once the calendar can
    /// (`countUnknownDeadlines`), then, for every 容缺 case whose supplement deadline has passed, applies
    /// `CaseSweep.step` as the system account (`CaseActor.system`) until none is due: suspend for overdue supplements,
    /// resume when every material is in, terminate after the grace period; and flags, once, an approved case whose
    /// materials are still out (`CaseSweep.overdueFlag`: one `case_supplement_overdue_flagged` event, the case's
    /// `supplement_overdue_flagged_on`). Each step is one event by `actor`, dated (`detail.on`) the day the rule says.
    /// Idempotent: a second run finds nothing due and writes nothing.
    @discardableResult
    public func sweepCases(by actor: Actor) throws -> CaseSweepSummary {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .sweepCases, by: actor)
            let documentsBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM case_document") ?? 0
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let converted = try Self.convertOverduePending(db, today: today, calendar: calendar, settings: settings, now: now, trigger: actor)
            let counting = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: today.description,
                                        ticketID: nil, lineID: nil, window: nil, staff: actor.staffID)
            let counted = try Self.countUnknownDeadlines(db, settings: settings, today: today, calendar: calendar, event: counting,
                                                         by: CaseSweepSummary.sweepKey)
            let system = CaseActor.system(actor.staffID ?? actor.key)
            let rules = CaseSweep.Settings(graceDays: settings.supplementGraceDays)
            var summary = CaseSweepSummary(converted: converted.map(\.number), steps: [], unknown: [], counted: counted)
            let numbers = try String.fetchAll(db, sql: """
                SELECT number FROM hall_case INDEXED BY hall_case_supplement_due
                WHERE supplement_due IS NOT NULL AND supplement_due < ? AND state IN (\(Self.sweptStates)) ORDER BY id
                """, arguments: [today.description])
            for number in numbers {
                var record = try Self.fetchCase(db, number: number)
                // Each step changes the state; at most suspend → resume or suspend → terminate is due in one run.
                for _ in 0..<CaseSweep.maxStepsPerRun {
                    let step: CaseSweep.Step?
                    do { step = try CaseSweep.step(for: try Self.loadCaseFacts(db, record), today: today, settings: rules, calendar: calendar) }
                    catch { summary.unknown.append(number); break }
                    guard let step else { break }
                    let event = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now,
                                             businessDate: today.description, ticketID: record.ticketID, lineID: nil, window: nil,
                                             staff: actor.staffID)
                    // A termination waits while an original is with the hall or the agent (the case stays suspended).
                    do {
                        record = try Self.applyCaseAction(db, step.action, to: record, by: system, on: step.effectiveOn, calendar: calendar,
                                                          event: event)
                    } catch MaterialLedgerError.originalsOut { break }
                    summary.steps.append(CaseSweepSummary.Step(caseNumber: number, action: step.action.kind, effectiveOn: step.effectiveOn))
                }
                if let flagged = try Self.flagOverdueSupplements(db, record, today: today, context: EventContext(
                    actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: today.description,
                    ticketID: record.ticketID, lineID: nil, window: nil, staff: actor.staffID)) {
                    summary.flagged.append(flagged)
                }
            }
            summary.documents = try Row.fetchAll(db, sql: """
                SELECT c.number, d.kind FROM case_document d JOIN hall_case c ON c.id = d.case_id WHERE d.id > ? ORDER BY d.id
                """, arguments: [documentsBefore]).map {
                CaseSweepSummary.IssuedDocument(caseNumber: $0[0], kind: try Self.decode(CaseDocumentKind.self, $0[1], "case_document", "kind"))
            }
            return summary
        }
    }

    /// What a screen does as it opens for a signed-in person (docs/cases.md): the whole sweep for a role that may run
    /// it (supervisor, system), else the art. 32 conversion of overdue pending intakes for a role that may (clerk);
    /// for anyone else (a reviewer, an approver, a liaison) nothing — they read what the last sweep left. Idempotent.
    /// nil when it did nothing.
    public func sweepAsAScreenOpens(by actor: Actor) throws -> CaseSweepSummary? {
        let roles = try caseActor(actor).roles
        let summary: CaseSweepSummary
        if !roles.isDisjoint(with: PermissionPolicy.rule(for: .sweepCases).roles) {
            summary = try sweepCases(by: actor)
        } else if !roles.isDisjoint(with: PermissionPolicy.rule(for: .convertPendingIntakes).roles) {
            summary = CaseSweepSummary(converted: try convertOverduePendingIntakes(by: actor).map(\.number), steps: [], unknown: [])
        } else {
            return nil
        }
        return summary.isEmpty ? nil : summary
    }

    /// Flags an approved case whose 容缺 materials are overdue, if `CaseSweep.overdueFlag` says it is due: the day on
    /// the case and one `case_supplement_overdue_flagged` event (`detail`: the case, `on`, `supplement_due`, the
    /// positions `outstanding`, "3,4" as the intake's event writes them). nil when nothing is due (not overdue, not approved, or flagged already).
    static func flagOverdueSupplements(_ db: Database, _ record: CaseRecord, today: CivilDate,
                                       context: EventContext) throws -> CaseSweepSummary.Flagged? {
        let facts = try loadCaseFacts(db, record)
        guard let on = CaseSweep.overdueFlag(for: facts, today: today), let due = facts.supplementDeadline else { return nil }
        let outstanding = try Row.fetchAll(db, cachedSQL: "SELECT position, name FROM intake_material WHERE intake_id = ? ORDER BY position",
                                           arguments: [record.intakeID])
            .filter { facts.outstandingMaterials.contains($0[0]) }
            .map { CaseSweepSummary.OutstandingMaterial(position: $0[0], name: $0[1]) }
        try db.execute(cachedSQL: "UPDATE hall_case SET supplement_overdue_flagged_on = ? WHERE id = ?", arguments: [on.description, record.id])
        try appendEvent(db, .caseSupplementOverdueFlagged, context, detail: [
            "case": .string(record.number), "on": .string(on.description), "state": .string(record.state.rawValue),
            "supplement_due": .string(due.description),
            "outstanding": .string(outstanding.map { String($0.position) }.joined(separator: ",")),
        ])
        return CaseSweepSummary.Flagged(caseNumber: record.number, supplementDeadline: due, outstanding: outstanding)
    }

    /// The states the sweep looks at (`CaseSweep.step`, `CaseSweep.overdueFlag`): the clock runs, approved (the
    /// licence waits for the materials: flagged, never suspended), or suspended.
    static let sweptStates = CaseState.allCases.filter { $0.clockRuns || $0 == .approved || $0 == .suspended }.map { "'\($0.rawValue)'" }
        .joined(separator: ", ")
}

extension CaseSweep {
    /// Steps one sweep applies to one case at most (suspend, then resume or terminate): a guard, never reached.
    static let maxStepsPerRun = 3
}
