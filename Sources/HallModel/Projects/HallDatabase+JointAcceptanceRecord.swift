import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// "v6-ledger10b-acceptance-record": the joint acceptance record (联合验收意见书) kept as issued when a project passes,
    /// one per project, its text's SM3 digest sealed by the accepting `project_signed_off` event (`record`, `digest`).
    static func migrateToAcceptanceRecord(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE project_acceptance_record (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL UNIQUE REFERENCES project(id),
                issued_on TEXT NOT NULL,                -- business day (YYYY-MM-DD)
                issued_at INTEGER NOT NULL,             -- ms: the accepting sign-off's event
                text TEXT NOT NULL,
                html TEXT NOT NULL,
                digest TEXT NOT NULL                    -- SM3 of text, lower-case hex
            );
            """)
    }

    /// The record's facts as they stand in `db`: the project, its cases, every department's sign-offs in order.
    static func acceptanceRecordFacts(_ db: Database, project: Project, issuedOn: CivilDate) throws -> JointAcceptanceRecord.Facts {
        var names: [String: String] = [:]
        func staffName(_ id: String) throws -> String {
            if let name = names[id] { return name }
            let name = "\(try StaffRecord.fetch(db, id: id)?.name ?? id)（\(id)）"
            names[id] = name
            return name
        }
        func departmentName(_ code: String) throws -> String {
            try String.fetchOne(db, cachedSQL: "SELECT name FROM catalog_department WHERE code = ?", arguments: [code]) ?? code
        }
        let cases = try Row.fetchAll(db, sql: """
            SELECT c.number, c.item_name, c.department_code, c.state FROM project_case pc JOIN hall_case c ON c.id = pc.case_id
            WHERE pc.project_id = ? ORDER BY c.id
            """, arguments: [project.id])
        let signOffs = try signOffs(db, projectID: project.id)
        let acceptance = JointAcceptance(departments: cases.map { $0[2] as String }, signOffs: signOffs)
        return JointAcceptanceRecord.Facts(
            hallName: try HallSettings.load(db).hallName, projectNumber: project.number, projectName: project.name,
            investorName: project.investorName, investorCode: IdentifierMask.creditCode(project.investorCode),
            leadAgent: try staffName(project.leadAgentID), createdOn: project.createdOn,
            cases: try cases.map {
                JointAcceptanceRecord.Facts.Case(number: $0[0], itemName: $0[1], departmentName: try departmentName($0[2]),
                                                 state: try decode(CaseState.self, $0[3], "hall_case", "state"))
            },
            departments: try acceptance.departments.map { code in
                JointAcceptanceRecord.Facts.Department(name: try departmentName(code), signOffs: try signOffs.filter { $0.departmentCode == code }.map {
                    JointAcceptanceRecord.Facts.SignOff(verdict: $0.verdict, opinion: $0.opinion, signedBy: try staffName($0.signedBy),
                                                        signedOn: $0.signedOn)
                })
            },
            acceptedOn: project.acceptedOn, issuedOn: issuedOn)
    }

    /// Issues the record of a project that has just passed, in the accepting sign-off's transaction: kept, and its
    /// id and digest returned for that sign-off's event to seal.
    static func issueAcceptanceRecord(_ db: Database, project: Project, on day: CivilDate, at now: Date) throws -> (id: Int64, digest: String) {
        let record = try JointAcceptanceRecord.render(try acceptanceRecordFacts(db, project: project, issuedOn: day))
        try db.execute(sql: """
            INSERT INTO project_acceptance_record(project_id, issued_on, issued_at, text, html, digest) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [project.id, day.description, now.millisecondsSince1970, record.text, record.html, record.digest])
        return (db.lastInsertedRowID, record.digest)
    }

    /// `desk project document`: the joint acceptance record. A project that passed prints its record as issued — refused
    /// (`ProjectError.recordAltered`, exit 4) when the kept text no longer hashes to the digest the chain sealed; a project
    /// in progress (or accepted before records were kept) prints the record of its sign-offs so far, dated today.
    public func jointAcceptanceDocument(project number: String) throws -> JointAcceptanceDocument {
        let now = clock.now
        return try read { db in
            let project = try Self.fetchProject(db, number: number)
            if let row = try Row.fetchOne(db, sql: """
                SELECT id, issued_on, issued_at, text, html, digest FROM project_acceptance_record WHERE project_id = ?
                """, arguments: [project.id]) {
                let text: String = row[3]
                guard try DocumentSeal.keptHolds(db, event: .projectSignedOff, businessDate: row[1], at: row[2], idKey: "record", id: row[0],
                                                 digest: row[5], text: text) else {
                    throw ProjectError.recordAltered(project.number)
                }
                return JointAcceptanceDocument(projectNumber: project.number, issued: true, text: text, html: row[4])
            }
            let today = try CivilDate(parsing: try Self.today(db, now))
            let record = try JointAcceptanceRecord.render(try Self.acceptanceRecordFacts(db, project: project, issuedOn: today))
            return JointAcceptanceDocument(projectNumber: project.number, issued: false, text: record.text, html: record.html)
        }
    }
}
