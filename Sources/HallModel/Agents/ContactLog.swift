import Foundation
import GRDB
import Queue

/// One line of an agent's contact log: a call or a visit with a job's applicant, what was agreed, the next step's day.
public struct ContactEntry: Sendable, Hashable {
    public var id: Int64
    public var jobNumber: String
    public var at: Date
    public var on: CivilDate
    public var how: ContactMethod
    public var note: String
    public var next: CivilDate?
    public var by: String
}

extension HallDatabase {
    /// Records a contact with the job's applicant in one transaction: the job's agent on their own job, or a supervisor
    /// (`recordContact`); the note cleaned (≤ 200 characters); one `contact_logged` event.
    public func recordContact(jobNumber: String, how: ContactMethod, note: String, next: CivilDate? = nil, by actor: Actor) throws -> ContactEntry {
        let now = clock.now
        let note = try FreeText.clean(note, field: FreeText.contactNote, limit: 200)
        return try perform { db in
            guard let job = try Self.fetchProxyJob(db, number: jobNumber.uppercased()) else { throw ProxyJobError.unknownJob(jobNumber) }
            let staff = try Self.checkLedgerWrite(db, .recordContact, job: job, by: actor, atWindow: false)
            let today = try CivilDate(parsing: try Self.today(db, now))
            try db.execute(cachedSQL: """
                INSERT INTO proxy_contact(job_id, at, contact_on, how, note, next_on, by_staff) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [job.id, now.millisecondsSince1970, today.description, how.rawValue, note, next?.description, staff.id])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, .contactLogged, by: actor, at: now, businessDate: today.description, detail: [
                "job": .string(job.number), "how": .string(how.rawValue), "note": .string(note), "next": .optional(next?.description),
            ])
            return ContactEntry(id: id, jobNumber: job.number, at: now, on: today, how: how, note: note, next: next, by: staff.id)
        }
    }

    /// The contact log of a job, or of every job an agent holds now (by `agent`), oldest first.
    public func contacts(jobNumber: String? = nil, agent: String? = nil) throws -> [ContactEntry] {
        try read { db in
            let condition: String, arguments: StatementArguments
            if let jobNumber {
                guard let job = try Self.fetchProxyJob(db, number: jobNumber.uppercased()) else { throw ProxyJobError.unknownJob(jobNumber) }
                (condition, arguments) = ("k.job_id = ?", [job.id])
            } else {
                (condition, arguments) = ("j.agent_id = ?", [agent ?? ""])
            }
            return try db.fetchEach(cachedSQL: """
                SELECT k.id, j.number, k.at, k.contact_on, k.how, k.note, k.next_on, k.by_staff
                FROM proxy_contact k JOIN proxy_job j ON j.id = k.job_id WHERE \(condition) ORDER BY k.at, k.id
                """, arguments: arguments) { row in
                ContactEntry(id: row[0], jobNumber: row[1], at: Date(millisecondsSince1970: row[2]), on: try CivilDate(parsing: row[3]),
                             how: try Self.decode(ContactMethod.self, row[4], "proxy_contact", "how"), note: row[5],
                             next: try (row[6] as String?).map { try CivilDate(parsing: $0) }, by: row[7])
            }
        }
    }
}
