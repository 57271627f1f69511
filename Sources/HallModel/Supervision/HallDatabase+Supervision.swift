import Foundation
import GRDB
import Queue

extension HallDatabase {
    // MARK: Pairings

    /// Sets who supervises a department's or an item's decisions (`desk supervision set`; admin, `manageSupervision`):
    /// the department (or item) must be in the catalog, the liaison an active staff member with the `liaison` role.
    /// Replaces an earlier pairing of the same scope and code; one `supervision_pairing_set` event with the old and
    /// new values. Handovers already in the ledger keep the pairing they were made to.
    public func setSupervisionPairing(_ pairing: SupervisionPairing, by actor: Actor) throws {
        let supervisor = try FreeText.clean(pairing.supervisor, field: FreeText.supervisor, limit: FreeText.supervisorLimit)
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .manageSupervision, by: actor)
            switch pairing.scope {
            case .department:
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM catalog_department WHERE code = ?)", arguments: [pairing.code]) == true
                else { throw HandoverError.unknownDepartment(pairing.code) }
            case .item:
                guard try Self.storedItem(db, code: pairing.code) != nil else { throw IntakeError.unknownItem(pairing.code) }
            }
            guard let liaison = try StaffRecord.fetch(db, id: pairing.liaisonID), liaison.active, liaison.roles.contains(.liaison)
            else { throw HandoverError.notALiaison(pairing.liaisonID) }
            let before = try Self.fetchPairing(db, scope: pairing.scope, code: pairing.code)
            try Self.storePairing(db, SupervisionPairing(scope: pairing.scope, code: pairing.code, supervisor: supervisor, liaisonID: liaison.id),
                                  at: now)
            try AuditLog.append(db, .supervisionPairingSet, by: actor, at: now, businessDate: try Self.today(db, now), detail: [
                "scope": .string(pairing.scope.rawValue), "code": .string(pairing.code), "supervisor": .string(supervisor),
                "liaison": .string(liaison.id), "from_supervisor": .optional(before?.supervisor), "from_liaison": .optional(before?.liaisonID),
            ])
        }
    }

    static func storePairing(_ db: Database, _ pairing: SupervisionPairing, at now: Date) throws {
        try db.execute(cachedSQL: """
            INSERT INTO supervision_pairing(scope, code, supervisor, liaison_id, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(scope, code) DO UPDATE SET supervisor = excluded.supervisor, liaison_id = excluded.liaison_id,
                updated_at = excluded.updated_at
            """, arguments: [pairing.scope.rawValue, pairing.code, pairing.supervisor, pairing.liaisonID, now.millisecondsSince1970])
    }

    static func fetchPairing(_ db: Database, scope: SupervisionScope, code: String) throws -> SupervisionPairing? {
        try db.fetchFirst(cachedSQL: "SELECT scope, code, supervisor, liaison_id FROM supervision_pairing WHERE scope = ? AND code = ?",
                          arguments: [scope.rawValue, code], pairing)
    }

    static func pairing(_ row: Row) throws -> SupervisionPairing {
        SupervisionPairing(scope: try decode(SupervisionScope.self, row[0], "supervision_pairing", "scope"), code: row[1],
                           supervisor: row[2], liaisonID: row[3])
    }

    /// Every pairing, departments first, with the names of what it covers and of the liaison (`desk supervision list`).
    public func supervisionPairings() throws -> [SupervisionPairingRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.scope, p.code, p.supervisor, p.liaison_id,
                       CASE p.scope WHEN 'department' THEN (SELECT name FROM catalog_department d WHERE d.code = p.code)
                                    ELSE (SELECT name FROM catalog_item i WHERE i.code = p.code) END,
                       (SELECT name FROM staff s WHERE s.id = p.liaison_id)
                FROM supervision_pairing p ORDER BY p.scope = 'item', p.code
                """).map { row in SupervisionPairingRow(pairing: try Self.pairing(row), name: row[4], liaisonName: row[5]) }
        }
    }

    /// The pairing that applies to a case's item: the item's own, else its department's (`SupervisionPairing.applying`).
    static func applyingPairing(_ db: Database, itemCode: String, department: String) throws -> SupervisionPairing? {
        try fetchPairing(db, scope: .item, code: itemCode) ?? fetchPairing(db, scope: .department, code: department)
    }

    // MARK: The ledger, written with the case's handOver and acknowledge (HallDatabase+CaseLifecycle.swift)

    /// What a handover step will write, decided before anything is written: the named refusals come first.
    enum HandoverPlan {
        case handOver(SupervisionPairing)
        /// The ledger line (nil for a case handed over before the ledger existed: a supervisor records it).
        case acknowledge(lineID: Int64?)
    }

    static func handoverPlan(_ db: Database, _ action: CaseActionKind, record: CaseRecord, by actor: CaseActor) throws -> HandoverPlan? {
        switch action {
        case .handOver:
            guard let pairing = try applyingPairing(db, itemCode: record.itemCode, department: record.departmentCode) else {
                throw HandoverError.noSupervisionPairing(item: record.itemCode, department: record.departmentCode)
            }
            // The same rule `supervision set` applies: a line only a person who can sign in may acknowledge.
            guard let liaison = try StaffRecord.fetch(db, id: pairing.liaisonID), liaison.active, liaison.roles.contains(.liaison) else {
                throw HandoverError.liaisonUnavailable(liaison: pairing.liaisonID, supervisor: pairing.supervisor)
            }
            return .handOver(pairing)
        case .acknowledge:
            let line = try Row.fetchOne(db, cachedSQL: "SELECT id, liaison_id FROM handover WHERE case_id = ?", arguments: [record.id])
            let bySupervisor = actor.roles.contains(.supervisor)
            guard let line else {
                guard bySupervisor else { throw HandoverError.notInLedger(record.number) }
                return .acknowledge(lineID: nil)
            }
            let liaison: String = line[1]
            guard liaison == actor.staffID || bySupervisor else { throw HandoverError.notTheLiaison(assigned: liaison) }
            return .acknowledge(lineID: line[0])
        default:
            return nil
        }
    }

    /// Writes the ledger's side of the step; returns what the case event's `detail` adds.
    static func writeHandover(_ db: Database, _ plan: HandoverPlan, record: CaseRecord, by actor: CaseActor, on day: CivilDate,
                              at now: Date) throws -> [String: AuditValue] {
        switch plan {
        case .handOver(let p):
            try db.execute(cachedSQL: """
                INSERT INTO handover(case_id, item_code, department_code, scope, supervisor, liaison_id, handed_over_on, handed_over_at,
                                     handed_over_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.id, record.itemCode, record.departmentCode, p.scope.rawValue, p.supervisor, p.liaisonID,
                                 day.description, now.millisecondsSince1970, actor.staffID])
            return ["handover": .int(db.lastInsertedRowID), "supervisor": .string(p.supervisor), "liaison": .string(p.liaisonID),
                    "pairing": .string(p.scope.rawValue)]
        case .acknowledge(let id?):
            try db.execute(cachedSQL: "UPDATE handover SET acknowledged_on = ?, acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
                           arguments: [day.description, now.millisecondsSince1970, actor.staffID, id])
            return ["handover": .int(id)]
        case .acknowledge(nil):
            return ["handover": .null]
        }
    }

    // MARK: Reading the ledger

    static let handoverColumns = """
        h.id, c.number, h.item_code, c.item_name, h.department_code, h.scope, h.supervisor, h.liaison_id, h.handed_over_on,
        h.handed_over_at, h.handed_over_by, h.acknowledged_on, h.acknowledged_at, h.acknowledged_by
        """

    static func handoverLine(_ row: Row) throws -> HandoverLine {
        HandoverLine(id: row[0], caseNumber: row[1], itemCode: row[2], itemName: row[3], departmentCode: row[4],
                     scope: try decode(SupervisionScope.self, row[5], "handover", "scope"), supervisor: row[6], liaisonID: row[7],
                     handedOverOn: try CivilDate(parsing: row[8]), handedOverAt: Date(millisecondsSince1970: row[9]), handedOverBy: row[10],
                     acknowledgedOn: try (row[11] as String?).map { try CivilDate(parsing: $0) },
                     acknowledgedAt: (row[12] as Int64?).map { Date(millisecondsSince1970: $0) }, acknowledgedBy: row[13])
    }

    /// The ledger's line of a case, if it was handed over.
    public func handoverLine(caseNumber: String) throws -> HandoverLine? {
        try read { db in try Self.handoverLine(db, caseNumber: caseNumber) }
    }

    /// The ledger's line of a case, inside a caller's read (`case show`).
    static func handoverLine(_ db: Database, caseNumber: String) throws -> HandoverLine? {
        try db.fetchFirst(cachedSQL: "SELECT \(Self.handoverColumns) FROM handover h JOIN hall_case c ON c.id = h.case_id WHERE c.number = ?",
                          arguments: [caseNumber.uppercased()], Self.handoverLine)
    }

    /// A ledger line with where it stands today.
    public struct HandoverStanding: Sendable, Hashable {
        public var line: HandoverLine
        /// nil: cannot be counted (a year without a holiday schedule).
        public var status: HandoverAcknowledgementRule.Status?
    }

    /// `desk handover overdue`: the lines not acknowledged `handover_ack_days` working days after the handover, oldest
    /// first, and those whose deadline cannot be counted (listed with a nil status: never silently dropped).
    public func overdueHandovers() throws -> (asOf: CivilDate, ackDays: Int, lines: [HandoverStanding]) {
        let now = clock.now
        return try read { db in
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let open = try db.fetchEach(cachedSQL: """
                SELECT \(Self.handoverColumns) FROM handover h INDEXED BY handover_open JOIN hall_case c ON c.id = h.case_id
                WHERE h.acknowledged_on IS NULL AND h.handed_over_on < ? ORDER BY h.handed_over_on, h.id
                """, arguments: [today.description], Self.handoverLine)
            let lines = open.compactMap { line -> HandoverStanding? in
                let status = try? HandoverAcknowledgementRule.status(handedOverOn: line.handedOverOn, acknowledgedOn: nil, today: today,
                                                                     days: settings.handoverAckDays, calendar: calendar)
                if let status, !status.isOverdue { return nil }
                return HandoverStanding(line: line, status: status)
            }
            return (today, settings.handoverAckDays, lines)
        }
    }

    /// `desk handover report --month M`: the month's handovers per supervising department (`HandoverReport`), as of today.
    public func handoverReport(month: YearMonth) throws -> HandoverReport {
        let now = clock.now
        return try read { db in
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let lines = try db.fetchEach(cachedSQL: """
                SELECT \(Self.handoverColumns) FROM handover h INDEXED BY handover_day JOIN hall_case c ON c.id = h.case_id
                WHERE h.handed_over_on BETWEEN ? AND ? ORDER BY h.id
                """, arguments: [month.first.description, month.last.description], Self.handoverLine)
            return HandoverReport.make(month: month, lines: lines, asOf: today, ackDays: settings.handoverAckDays, calendar: calendar)
        }
    }
}
