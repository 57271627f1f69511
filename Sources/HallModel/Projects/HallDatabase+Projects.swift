import Foundation
import GRDB
import Queue

/// What `desk project create` asks for.
public struct ProjectRequest: Sendable, Hashable {
    public var name: String
    public var investorName: String
    public var investorCode: String
    public var leadAgentID: String

    public init(name: String, investorName: String, investorCode: String, leadAgentID: String) {
        self.name = name; self.investorName = investorName; self.investorCode = investorCode; self.leadAgentID = leadAgentID
    }
}

/// A project as `desk project show` prints it: its cases with state, light and deadlines, the critical path, and the
/// joint acceptance (every sign-off, in order).
public struct ProjectView: Sendable {
    public var project: Project
    public var leadAgentName: String?
    public var today: CivilDate
    public var cases: [CaseListEntry]
    public var criticalPath: ProjectCriticalPath
    public var acceptance: JointAcceptance
    public var signOffs: [AcceptanceSignOff]
    /// 模拟审批 of the project's items, and the cases they became.
    public var simulations: [ProjectSimulation]
}

/// A line of `desk project list`.
public struct ProjectListEntry: Sendable, Hashable {
    public var project: Project
    public var caseCount: Int
    public var openCaseCount: Int
}

extension HallDatabase {
    // MARK: Writes

    /// Creates a project (supervisor or agent, `createProject`): the investor's credit code checked (GB 32100), the lead
    /// an active staff member with the `agent` role; the next number of the year. One `project_created` event.
    @discardableResult
    public func createProject(_ request: ProjectRequest, by actor: Actor) throws -> Project {
        let name = try FreeText.clean(request.name, field: FreeText.projectName, limit: 100)
        let investor = try FreeText.clean(request.investorName, field: FreeText.investorName, limit: 100)
        let code = try CreditCode(request.investorCode).value
        let lead = try Staff.validateID(request.leadAgentID)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .createProject, by: actor)
            guard let agent = try StaffRecord.fetch(db, id: lead), agent.active, agent.roles.contains(.agent) else {
                throw ProjectError.notAnAgent(lead)
            }
            let today = try CivilDate(parsing: try Self.today(db, now))
            let numbers = try String.fetchAll(db, sql: "SELECT number FROM project WHERE number LIKE ?", arguments: ["XM-\(today.year)-%"])
            let sequence = (numbers.compactMap { ProjectNumber.sequence(of: $0, year: today.year) }.max() ?? 0) + 1
            let number = ProjectNumber.make(year: today.year, sequence: sequence)
            try db.execute(sql: """
                INSERT INTO project(number, name, investor_name, investor_code, lead_agent_id, state, created_on, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, name, investor, code, agent.id, ProjectState.open.rawValue, today.description,
                                 now.millisecondsSince1970, actor.key])
            let project = Project(id: db.lastInsertedRowID, number: number, name: name, investorName: investor, investorCode: code,
                                  leadAgentID: agent.id, state: .open, createdOn: today, acceptedOn: nil)
            try AuditLog.append(db, .projectCreated, by: actor, at: now, businessDate: today.description, detail: [
                "project": .string(number), "name": .string(name), "investor": .string(investor), "investor_code": .string(code),
                "lead_agent": .string(agent.id),
            ])
            return project
        }
    }

    /// Adds a case to a project (`addProjectCase`: the project's lead agent or a supervisor). The case's applicant is the
    /// project's investor (same credit code); a case joins at most one project. One `project_case_added` event.
    public func addCase(_ caseNumber: String, toProject number: String, by actor: Actor) throws {
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .addProjectCase, by: actor)
            let project = try Self.fetchProject(db, number: number)
            let roles = try StaffRecord.activeRoles(db, id: actor.staffID ?? "")?.roles ?? []
            guard roles.contains(.supervisor) || actor.staffID == project.leadAgentID else {
                throw ProjectError.notTheLeadAgent(lead: project.leadAgentID)
            }
            let record = try Self.fetchCase(db, number: caseNumber)
            if let other = try String.fetchOne(db, sql: """
                SELECT p.number FROM project_case pc JOIN project p ON p.id = pc.project_id WHERE pc.case_id = ?
                """, arguments: [record.id]) {
                throw other == project.number ? ProjectError.caseAlreadyInProject(case: record.number)
                    : ProjectError.caseInAnotherProject(case: record.number, project: other)
            }
            let applicantNumber = try String.fetchOne(db, sql: "SELECT id_number FROM applicant WHERE id = ?", arguments: [record.applicantID])
            guard applicantNumber == project.investorCode else { throw ProjectError.applicantIsNotTheInvestor(case: record.number) }
            guard project.state == .open else { throw ProjectError.alreadyAccepted(project.number) }
            let today = try Self.today(db, now)
            try db.execute(sql: "INSERT INTO project_case(case_id, project_id, added_on, added_by) VALUES (?, ?, ?, ?)",
                           arguments: [record.id, project.id, today, actor.key])
            try AuditLog.append(db, .projectCaseAdded, by: actor, at: now, businessDate: today, detail: [
                "project": .string(project.number), "case": .string(record.number), "item": .string(record.itemCode),
                "department": .string(record.departmentCode),
            ])
        }
    }

    /// A department's joint-acceptance sign-off (`signJointAcceptance`): a supervisor, or a reviewer or approver who
    /// reviewed or decided one of the project's cases of that department. Only once none of the project's cases is
    /// still being decided or suspended. The project is accepted when every department's latest sign-off is a pass: that
    /// sign-off issues the joint acceptance record (`JointAcceptanceRecord`, kept in `project_acceptance_record`).
    /// One `project_signed_off` event (`detail.accepted` says whether this sign-off accepted the project; then `record` and
    /// `digest` seal the record).
    @discardableResult
    public func signJointAcceptance(project number: String, department: String, verdict: AcceptanceVerdict, opinion: String,
                                    by actor: Actor) throws -> JointAcceptance {
        let opinion = try FreeText.clean(opinion, field: FreeText.acceptanceOpinion, limit: 200)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .signJointAcceptance, by: actor)
            let project = try Self.fetchProject(db, number: number)
            guard project.state == .open else { throw ProjectError.alreadyAccepted(project.number) }
            let cases = try Row.fetchAll(db, sql: """
                SELECT c.number, c.department_code, c.state, c.reviewer_id, c.approver_id FROM project_case pc
                JOIN hall_case c ON c.id = pc.case_id WHERE pc.project_id = ? ORDER BY c.id
                """, arguments: [project.id])
            guard !cases.isEmpty else { throw ProjectError.noCases }
            let stillOpen = try cases.filter { row in
                let state = try Self.decode(CaseState.self, row[2], "hall_case", "state")
                return state.clockRuns || state == .suspended
            }.map { $0[0] as String }
            guard stillOpen.isEmpty else { throw ProjectError.casesStillOpen(stillOpen) }
            let ofDepartment = cases.filter { ($0[1] as String) == department }
            guard !ofDepartment.isEmpty else { throw ProjectError.departmentNotInProject(department: department) }
            let staffID = actor.staffID ?? ""
            let roles = try StaffRecord.activeRoles(db, id: staffID)?.roles ?? []
            let handled = ofDepartment.contains { ($0[3] as String?) == staffID || ($0[4] as String?) == staffID }
            guard roles.contains(.supervisor) || handled else { throw ProjectError.notOfDepartment(staff: staffID, department: department) }
            let today = try CivilDate(parsing: try Self.today(db, now))
            try db.execute(sql: """
                INSERT INTO project_acceptance(project_id, department_code, verdict, opinion, signed_by, signed_on, signed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [project.id, department, verdict.rawValue, opinion, staffID, today.description, now.millisecondsSince1970])
            let acceptance = JointAcceptance(departments: cases.map { $0[1] as String }, signOffs: try Self.signOffs(db, projectID: project.id))
            var detail: [String: AuditValue] = [
                "project": .string(project.number), "department": .string(department), "verdict": .string(verdict.rawValue),
                "opinion": .string(opinion), "accepted": .bool(acceptance.isAccepted),
            ]
            if acceptance.isAccepted {
                try db.execute(sql: "UPDATE project SET state = ?, accepted_on = ? WHERE id = ?",
                               arguments: [ProjectState.accepted.rawValue, today.description, project.id])
                // The joint acceptance record (联合验收意见书) is issued with the sign-off that passes the project, sealed by its event.
                var accepted = project
                accepted.state = .accepted; accepted.acceptedOn = today
                let record = try Self.issueAcceptanceRecord(db, project: accepted, on: today, at: now)
                detail["record"] = .int(record.id)
                detail["digest"] = .string(record.digest)
            }
            try AuditLog.append(db, .projectSignedOff, by: actor, at: now, businessDate: today.description, detail: detail)
            return acceptance
        }
    }

    // MARK: Reads

    static let projectColumns = "id, number, name, investor_name, investor_code, lead_agent_id, state, created_on, accepted_on"

    static func project(_ row: Row) throws -> Project {
        Project(id: row[0], number: row[1], name: row[2], investorName: row[3], investorCode: row[4], leadAgentID: row[5],
                state: try decode(ProjectState.self, row[6], "project", "state"), createdOn: try CivilDate(parsing: row[7]),
                acceptedOn: try (row[8] as String?).map { try CivilDate(parsing: $0) })
    }

    static func fetchProject(_ db: Database, number: String) throws -> Project {
        let number = number.uppercased()
        guard let row = try Row.fetchOne(db, sql: "SELECT \(projectColumns) FROM project WHERE number = ?", arguments: [number]) else {
            throw ProjectError.unknownProject(number)
        }
        return try project(row)
    }

    static func signOffs(_ db: Database, projectID: Int64) throws -> [AcceptanceSignOff] {
        try Row.fetchAll(db, sql: """
            SELECT department_code, verdict, opinion, signed_by, signed_on FROM project_acceptance WHERE project_id = ? ORDER BY id
            """, arguments: [projectID]).map { row in
            AcceptanceSignOff(departmentCode: row[0], verdict: try decode(AcceptanceVerdict.self, row[1], "project_acceptance", "verdict"),
                              opinion: row[2], signedBy: row[3], signedOn: try CivilDate(parsing: row[4]))
        }
    }

    /// `desk project show`: the project, its cases (as `cases list` reads them: state, light, deadlines), its critical
    /// path and its joint acceptance. Reading needs nobody.
    public func projectView(number: String) throws -> ProjectView {
        let now = clock.now
        return try read { db in
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let project = try Self.fetchProject(db, number: number)
            let cases = try db.fetchEach(cachedSQL: """
                SELECT \(Self.caseListColumns)
                FROM hall_case WHERE id IN (SELECT case_id FROM project_case WHERE project_id = ?) ORDER BY id
                """, arguments: [project.id]) { c in
                try Self.caseListEntry(c, today: today, settings: settings, calendar: calendar)
            }
            let signOffs = try Self.signOffs(db, projectID: project.id)
            return ProjectView(project: project, leadAgentName: try StaffRecord.fetch(db, id: project.leadAgentID)?.name, today: today,
                               cases: cases, criticalPath: ProjectCriticalPath(cases.map(ProjectCaseStanding.init)),
                               acceptance: JointAcceptance(departments: cases.map(\.record.departmentCode), signOffs: signOffs),
                               signOffs: signOffs, simulations: try Self.simulations(db, projectID: project.id))
        }
    }

    /// `desk project list`: every project (optionally of one state), newest first, with its case counts.
    public func projects(state: ProjectState? = nil) throws -> [ProjectListEntry] {
        let open = Self.quoted(CaseState.allCases.filter { !CaseState.noDeadlineRuns.contains($0) })
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.projectColumns),
                       (SELECT COUNT(*) FROM project_case pc WHERE pc.project_id = project.id),
                       (SELECT COUNT(*) FROM project_case pc JOIN hall_case c ON c.id = pc.case_id
                        WHERE pc.project_id = project.id AND c.state IN (\(open)))
                FROM project \(state == nil ? "" : "WHERE state = ?") ORDER BY id DESC
                """, arguments: StatementArguments(state.map { [$0.rawValue] } ?? [])).map { row in
                ProjectListEntry(project: try Self.project(row), caseCount: row[9], openCaseCount: row[10])
            }
        }
    }
}
