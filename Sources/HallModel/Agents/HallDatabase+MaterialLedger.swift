import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Records one handover (材料交接) in one transaction: the job and/or the case (each other's when both are
    /// given), the permission (`recordMaterialHandover`: the job's agent on their own job, a clerk signed in at a window
    /// for a handover with the window, a supervisor), the lines (a listed material's name from the case's checklist,
    /// or the item's published list before the case is filed), the next receipt number of the day, the receipt (text,
    /// HTML, SM3 digest), and one `material_handover` event with the lines and the digest in its detail.
    public func recordMaterialHandover(_ request: MaterialHandoverRequest, by actor: Actor) throws -> MaterialHandover {
        let now = clock.now
        return try perform { db in
            var job = try request.jobNumber.map { number in
                guard let job = try Self.fetchProxyJob(db, number: number) else { throw ProxyJobError.unknownJob(number) }
                return job
            }
            var record: CaseRecord?
            if let number = request.caseNumber {
                let found = try Self.fetchCase(db, number: number)
                if let job, job.caseID != found.id { throw MaterialLedgerError.jobAndCaseDiffer(job: job.number, case: found.number) }
                record = found
                if job == nil { job = try Self.fetchProxyJob(db, caseID: found.id) }
            } else if let caseID = job?.caseID {
                record = try Self.fetchCase(db, id: caseID)
            }
            if let job, !job.state.isOpen { throw MaterialLedgerError.jobNotOpen(job.number) }
            let staff = try Self.checkLedgerWrite(db, .recordMaterialHandover, job: job, by: actor,
                                                  atWindow: request.from == .window || request.to == .window)
            guard let applicantID = job?.applicantID ?? record?.applicantID,
                  let applicant = try Self.fetchApplicant(db, id: applicantID) else { throw MaterialLedgerError.jobOrCaseNeeded }
            let itemCode = job?.itemCode ?? record?.itemCode ?? ""
            let item = try Self.storedItem(db, code: itemCode)
            let lines = try request.lines.map { input -> MaterialLine in
                switch input.what {
                case .listed(let position):
                    let name = try record.flatMap {
                        try String.fetchOne(db, cachedSQL: "SELECT name FROM intake_material WHERE intake_id = ? AND position = ?",
                                            arguments: [$0.intakeID, position])
                    } ?? item.flatMap { $0.materials.indices.contains(position - 1) ? $0.materials[position - 1].name : nil }
                    guard let name else { throw MaterialLedgerError.notOnTheList(position) }
                    return MaterialLine(.listed(position: position, name: name), form: input.form, copies: input.copies)
                case .result(let name): return MaterialLine(.result(name: name), form: input.form, copies: input.copies)
                case .other(let name): return MaterialLine(.other(name: name), form: input.form, copies: input.copies)
                }
            }
            func name(_ party: HandoverParty, given: String?) throws -> String {
                if let given { return given }
                switch party {
                case .applicant: return applicant.maskedName
                case .agent:
                    guard let id = job?.agentID, let agent = try StaffRecord.fetch(db, id: id) else { throw MaterialLedgerError.noAgent }
                    return agent.name
                case .window:
                    guard staff.id != job?.agentID else { throw MaterialLedgerError.nameNeeded(.window) }
                    return staff.name
                }
            }
            if (request.from == .agent || request.to == .agent) && job?.agentID == nil { throw MaterialLedgerError.noAgent }
            let fromName = try name(request.from, given: request.fromName)
            let toName = try name(request.to, given: request.toName)
            let settings = try HallSettings.load(db)
            let today = try CivilDate(parsing: settings.businessCalendar.businessDate(of: now))
            let sequence = (try Int.fetchOne(db, cachedSQL: "SELECT MAX(daily_seq) FROM material_handover WHERE handed_on = ?",
                                             arguments: [today.description]) ?? 0) + 1
            let number = MaterialHandover.number(on: today, sequence: sequence)
            let receipt = try HandoverReceipt.render(HandoverReceipt.Facts(
                hallName: settings.hallName, number: number, jobNumber: job?.number, caseNumber: record?.number,
                applicantName: applicant.maskedName, applicantNumber: applicant.maskedNumber,
                itemName: item?.name ?? record?.itemName ?? itemCode, from: request.from, fromName: fromName, to: request.to, toName: toName,
                on: today, time: settings.businessCalendar.timeOfDay(now), recordedBy: "\(staff.name)（\(staff.id)）", lines: lines))
            try db.execute(cachedSQL: """
                INSERT INTO material_handover(number, handed_on, daily_seq, job_id, case_id, from_party, from_name, to_party, to_name, at,
                                              recorded_by, text, html, digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, today.description, sequence, job?.id, record?.id, request.from.rawValue, fromName, request.to.rawValue,
                                 toName, now.millisecondsSince1970, staff.id, receipt.text, receipt.html, receipt.digest])
            let id = db.lastInsertedRowID
            var detailLines: [String: AuditValue] = [:]
            for (i, line) in lines.enumerated() {
                try db.execute(cachedSQL: """
                    INSERT INTO material_handover_line(handover_id, line, material_kind, material_position, material_name, form, copies)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, i + 1, line.material.kindKey, line.material.position, line.material.name, line.form.rawValue, line.copies])
                detailLines[String(i + 1)] = .object([
                    "material": .string(line.material.kindKey), "position": .optional(line.material.position),
                    "name": .string(line.material.name), "form": .string(line.form.rawValue), "copies": .int(line.copies),
                ])
            }
            try AuditLog.append(db, .materialHandover, by: actor, at: now, businessDate: today.description, detail: [
                "handover": .int(id), "number": .string(number), "job": .optional(job?.number), "case": .optional(record?.number),
                "from": .string(request.from.rawValue), "from_name": .string(fromName), "to": .string(request.to.rawValue),
                "to_name": .string(toName), "lines": .object(detailLines), "digest": .string(receipt.digest),
            ])
            return MaterialHandover(id: id, number: number, jobNumber: job?.number, caseNumber: record?.number, from: request.from,
                                    fromName: fromName, to: request.to, toName: toName, at: now, on: today, recordedBy: staff.id, lines: lines,
                                    digest: receipt.digest)
        }
    }

    /// The permission of a ledger or contact-log write on `job`: its current agent (active, role agent) on their own
    /// job; else the policy's table — a supervisor, or (`atWindow`) a clerk signed in at an open window. Returns the
    /// person acting.
    static func checkLedgerWrite(_ db: Database, _ action: HallAction, job: ProxyJob?, by actor: Actor, atWindow: Bool) throws -> Staff {
        guard let id = actor.staffID, let staff = try StaffRecord.fetch(db, id: id), staff.active else {
            throw AccessError.unknownOrInactive(actor.key)
        }
        if let agent = job?.agentID, agent == id, staff.roles.contains(.agent) { return staff }
        let signedIn = atWindow ? try Bool.fetchOne(db, cachedSQL: """
            SELECT EXISTS (SELECT 1 FROM service_window WHERE staff_id = ? AND state <> 'closed')
            """, arguments: [id]) ?? false : false
        try PermissionPolicy.check(db, action, by: actor, windowClerk: signedIn ? id : nil)
        return staff
    }

    static func fetchCase(_ db: Database, id: Int64) throws -> CaseRecord {
        guard let record = try db.fetchFirst(cachedSQL: "SELECT \(CaseRecord.columns) FROM hall_case WHERE id = ?",
                                             arguments: [id], columns: CaseRecord.init) else {
            throw IntakeError.unknownCase(String(id))
        }
        return record
    }

    // MARK: Reads

    static let materialHandoverColumns = """
        h.id, h.number, j.number, c.number, h.from_party, h.from_name, h.to_party, h.to_name, h.at, h.handed_on, h.recorded_by, h.digest
        """

    /// Handovers matching `condition` (on `material_handover h`), oldest first, with their lines.
    static func fetchHandovers(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [MaterialHandover] {
        var handovers = try db.fetchEach(cachedSQL: """
            SELECT \(materialHandoverColumns) FROM material_handover h
            LEFT JOIN proxy_job j ON j.id = h.job_id LEFT JOIN hall_case c ON c.id = h.case_id
            WHERE \(condition) ORDER BY h.id
            """, arguments: arguments) { row in
            MaterialHandover(id: row[0], number: row[1], jobNumber: row[2], caseNumber: row[3],
                             from: try decode(HandoverParty.self, row[4], "material_handover", "from_party"), fromName: row[5],
                             to: try decode(HandoverParty.self, row[6], "material_handover", "to_party"), toName: row[7],
                             at: Date(millisecondsSince1970: row[8]), on: try CivilDate(parsing: row[9]), recordedBy: row[10], lines: [],
                             digest: row[11])
        }
        for i in handovers.indices {
            handovers[i].lines = try db.fetchEach(cachedSQL: """
                SELECT material_kind, material_position, material_name, form, copies FROM material_handover_line WHERE handover_id = ? ORDER BY line
                """, arguments: [handovers[i].id]) { row in
                guard let material = LedgerMaterial(kindKey: row[0], position: row[1], name: row[2]) else {
                    throw HallDatabaseError.corrupt("material_handover_line.material_kind")
                }
                return MaterialLine(material, form: try decode(MaterialForm.self, row[3], "material_handover_line", "form"), copies: row[4])
            }
        }
        return handovers
    }

    /// Every handover of a job or its case (or of a case and its job).
    static func ledger(_ db: Database, jobID: Int64?, caseID: Int64?) throws -> [MaterialHandover] {
        try fetchHandovers(db, where: "h.job_id = ? OR h.case_id = ?", arguments: [jobID ?? -1, caseID ?? -1])
    }

    /// A case closes (result issued, withdrawn, terminated) only once no original of its ledger — or its job's — is
    /// with the hall or the agent. Throws `MaterialLedgerError.originalsOut` listing them.
    static func requireOriginalsReturned(_ db: Database, caseID: Int64) throws {
        let jobID = try Int64.fetchOne(db, cachedSQL: "SELECT id FROM proxy_job WHERE case_id = ?", arguments: [caseID])
        let out = MaterialLedger.originalsOut(try ledger(db, jobID: jobID, caseID: caseID))
        if !out.isEmpty { throw MaterialLedgerError.originalsOut(out) }
    }

    /// The ledger of a job (`DB-…`) or a case (`HD-…`), with the other's lines.
    public func materialLedger(jobNumber: String) throws -> [MaterialHandover] {
        try read { db in
            guard let job = try Self.fetchProxyJob(db, number: jobNumber.uppercased()) else { throw ProxyJobError.unknownJob(jobNumber) }
            return try Self.ledger(db, jobID: job.id, caseID: job.caseID)
        }
    }

    public func materialLedger(caseNumber: String) throws -> [MaterialHandover] {
        try read { db in
            let record = try Self.fetchCase(db, number: caseNumber)
            return try Self.ledger(db, jobID: try Self.fetchProxyJob(db, caseID: record.id)?.id, caseID: record.id)
        }
    }

    /// An agent's ledger: the handovers of every job they hold now (open ones only with `openOnly`) and their cases.
    public func materialLedger(agent: String, openOnly: Bool = false) throws -> [MaterialHandover] {
        try read { db in
            try Self.fetchHandovers(db, where: """
                h.job_id IN (SELECT id FROM proxy_job WHERE agent_id = ?1 \(openOnly ? "AND state = 'open'" : ""))
                OR h.case_id IN (SELECT case_id FROM proxy_job WHERE agent_id = ?1 AND case_id IS NOT NULL \(openOnly ? "AND state = 'open'" : ""))
                """, arguments: [agent])
        }
    }

    /// A handover's receipt as issued: refused (`receiptAltered`) when the kept text no longer hashes to the digest
    /// the chain sealed.
    public func handoverReceipt(number: String) throws -> (handover: MaterialHandover, text: String, html: String) {
        try read { db in
            guard let handover = try Self.fetchHandovers(db, where: "h.number = ?", arguments: [number.uppercased()]).first,
                  let row = try Row.fetchOne(db, cachedSQL: "SELECT text, html FROM material_handover WHERE id = ?", arguments: [handover.id])
            else { throw MaterialLedgerError.unknownHandover(number) }
            let text: String = row[0]
            guard try DocumentSeal.receiptHolds(db, handover: handover, text: text) else {
                throw MaterialLedgerError.receiptAltered(handover.number)
            }
            return (handover, text, row[1])
        }
    }

    // MARK: The job's close

    /// Closes a proxy job: its case finished (result issued, withdrawn or terminated), the result handed back to the
    /// applicant (when its case issued one) and no original with the hall or the agent (`MaterialLedger.closeObstacles`:
    /// refused with every reason, `jobCannotClose`). Its agent or a supervisor (`closeProxyJob`). One `proxy_job_closed` event.
    public func closeProxyJob(number: String, by actor: Actor) throws -> ProxyJobRow {
        let now = clock.now
        return try perform { db in
            guard let job = try Self.fetchProxyJob(db, number: number.uppercased()) else { throw ProxyJobError.unknownJob(number) }
            _ = try Self.checkLedgerWrite(db, .closeProxyJob, job: job, by: actor, atWindow: false)
            guard job.state.isOpen else { throw MaterialLedgerError.jobNotOpen(job.number) }
            let record = try job.caseID.map { try Self.fetchCase(db, id: $0) }
            let obstacles = MaterialLedger.closeObstacles(try Self.ledger(db, jobID: job.id, caseID: job.caseID), caseNumber: record?.number,
                                                          caseState: record?.state)
            if !obstacles.isEmpty { throw MaterialLedgerError.jobCannotClose(job: job.number, obstacles: obstacles) }
            let today = try Self.today(db, now)
            try db.execute(cachedSQL: "UPDATE proxy_job SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
                           arguments: [now.millisecondsSince1970, actor.key, job.id])
            try AuditLog.append(db, .proxyJobClosed, by: actor, at: now, businessDate: today,
                                detail: ["job": .string(job.number), "case_state": .optional(record?.state.rawValue)])
            guard let closed = try Self.proxyJobRows(db, where: "j.id = ?", arguments: [job.id]).first else { throw ProxyJobError.unknownJob(job.number) }
            return closed
        }
    }
}
