import Foundation
import GRDB
import Queue

/// 模拟审批 ("先上车后买票"): the hall reviews an item's materials for a project before the formal application can be made.
/// When the formal application comes (a case of that item for the project's investor, added to the project), the
/// reviewer converts the simulation: it is attached to the case and the case's review is completed "as simulated", its
/// opinion quoting the simulated one (docs/agents.md).
public struct ProjectSimulation: Sendable, Hashable {
    public var id: Int64
    public var projectNumber: String
    public var itemCode: String
    public var itemName: String
    /// Positions (as `catalog show` numbers them) of the item's materials reviewed and found in order.
    public var checkedMaterials: [Int]
    public var opinion: String
    public var reviewerID: String
    public var reviewedOn: CivilDate
    /// The case it was converted into (nil until the formal application).
    public var caseNumber: String?
    public var convertedOn: CivilDate?

    /// The review opinion a converted case gets: the simulated opinion quoted, with who gave it and when.
    public var convertedOpinion: String {
        "按模拟审批意见（\(reviewerID)，\(reviewedOn)）：\(opinion)"
    }
}

public enum SimulationError: UserFacingError, Equatable {
    case materialOutOfRange(position: Int, count: Int)
    case alreadySimulated(project: String, item: String)
    case noSimulation(project: String, item: String)
    case alreadyConverted(case: String)
    case caseNotInProject(case: String, project: String)

    public var message: Bilingual {
        switch self {
        case .materialOutOfRange(let p, let n):
            Bilingual(en: "Material \(p) is not in the item's list (1 to \(n)).", zh: "材料 \(p) 不在该事项的材料清单中（1 至 \(n)）。")
        case .alreadySimulated(let p, let i):
            Bilingual(en: "Item \(i) was simulated for project \(p) already.", zh: "重大项目 \(p) 已对事项 \(i) 进行过模拟审批。")
        case .noSimulation(let p, let i):
            Bilingual(en: "Project \(p) has no simulated approval of item \(i).", zh: "重大项目 \(p) 没有事项 \(i) 的模拟审批记录。")
        case .alreadyConverted(let c):
            Bilingual(en: "The simulated approval was converted already (case \(c)).", zh: "该模拟审批已转换（办件 \(c)）。")
        case .caseNotInProject(let c, let p):
            Bilingual(en: "Case \(c) is not in project \(p): add it first (desk project add-case).",
                      zh: "办件 \(c) 不属于重大项目 \(p)，请先加入（desk project add-case）。")
        }
    }
}

extension FreeText {
    /// A simulated approval's opinion (`desk project simulate --opinion`).
    public static let simulationOpinion = Bilingual(en: "The simulated approval's opinion", zh: "模拟审批意见")
}

extension HallDatabase {
    /// 模拟审批 of an item for a project (`simulateApproval`, a reviewer): the materials reviewed (their positions in the
    /// item's list), the opinion, the day. One per project and item. One `project_simulated` event.
    @discardableResult
    public func simulateApproval(project number: String, itemCode: String, checkedMaterials: [Int], opinion: String,
                                 by actor: Actor) throws -> ProjectSimulation {
        let opinion = try FreeText.clean(opinion, field: FreeText.simulationOpinion, limit: 200)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .simulateApproval, by: actor)
            let project = try Self.fetchProject(db, number: number)
            guard project.state == .open else { throw ProjectError.alreadyAccepted(project.number) }
            guard let item = try Self.storedItem(db, code: itemCode) else { throw IntakeError.unknownItem(itemCode) }
            let positions = Array(Set(checkedMaterials)).sorted()
            if let bad = positions.first(where: { !(1...item.materials.count).contains($0) }) {
                throw SimulationError.materialOutOfRange(position: bad, count: item.materials.count)
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project_simulation WHERE project_id = ? AND item_code = ?)",
                                 arguments: [project.id, item.implementationCode]) == true {
                throw SimulationError.alreadySimulated(project: project.number, item: item.implementationCode)
            }
            let today = try Self.today(db, now)
            try db.execute(sql: """
                INSERT INTO project_simulation(project_id, item_code, item_name, checked_materials, opinion, reviewer_id, reviewed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [project.id, item.implementationCode, item.name, positions.map(String.init).joined(separator: ","), opinion,
                                 actor.staffID ?? actor.key, today])
            try AuditLog.append(db, .projectSimulated, by: actor, at: now, businessDate: today, detail: [
                "project": .string(project.number), "item": .string(item.implementationCode),
                "materials": .string(positions.map(String.init).joined(separator: ",")), "opinion": .string(opinion),
            ])
            return try Self.simulations(db, projectID: project.id).first { $0.itemCode == item.implementationCode }
                ?? ProjectSimulation(id: db.lastInsertedRowID, projectNumber: project.number, itemCode: item.implementationCode, itemName: item.name,
                                     checkedMaterials: positions, opinion: opinion, reviewerID: actor.staffID ?? actor.key,
                                     reviewedOn: try CivilDate(parsing: today), caseNumber: nil, convertedOn: nil)
        }
    }

    /// Converts the simulated approval of a case's item (`reviewCase`, a reviewer): the case — the formal application, in the
    /// project — gets the simulation attached and its review completed as simulated (taken if nobody has, then submitted
    /// with the simulated opinion quoted), in one transaction. Events: `project_simulation_converted`, then the case's
    /// `case_review_started` (if it was accepted) and `case_reviewed`.
    @discardableResult
    public func convertSimulation(project number: String, caseNumber: String, by actor: Actor) throws -> CaseRecord {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .reviewCase, by: actor)
            let (_, today, calendar) = try Self.caseDay(db, now: now)
            let project = try Self.fetchProject(db, number: number)
            var record = try Self.fetchCase(db, number: caseNumber)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project_case WHERE project_id = ? AND case_id = ?)",
                                    arguments: [project.id, record.id]) == true else {
                throw SimulationError.caseNotInProject(case: record.number, project: project.number)
            }
            guard let simulation = try Self.simulations(db, projectID: project.id).first(where: { $0.itemCode == record.itemCode }) else {
                throw SimulationError.noSimulation(project: project.number, item: record.itemCode)
            }
            if let converted = simulation.caseNumber { throw SimulationError.alreadyConverted(case: converted) }
            try db.execute(sql: "UPDATE project_simulation SET case_id = ?, converted_on = ? WHERE id = ?",
                           arguments: [record.id, today.description, simulation.id])
            try AuditLog.append(db, .projectSimulationConverted, by: actor, at: now, businessDate: today.description, ticket: nil, detail: [
                "project": .string(project.number), "case": .string(record.number), "item": .string(record.itemCode),
                "simulation": .int(simulation.id),
            ])
            let caseActor = try Self.caseActor(db, actor)
            let event = EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: today.description,
                                     ticketID: record.ticketID, lineID: nil, window: nil, staff: actor.staffID)
            let actions: [CaseAction] = record.state == .accepted
                ? [.startReview, .submitReview(opinion: simulation.convertedOpinion)] : [.submitReview(opinion: simulation.convertedOpinion)]
            for action in actions {
                record = try Self.applyCaseAction(db, action, to: record, by: caseActor, on: today, calendar: calendar, event: event)
            }
            return record
        }
    }

    static func simulations(_ db: Database, projectID: Int64) throws -> [ProjectSimulation] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, p.number, s.item_code, s.item_name, s.checked_materials, s.opinion, s.reviewer_id, s.reviewed_on, c.number,
                   s.converted_on
            FROM project_simulation s JOIN project p ON p.id = s.project_id LEFT JOIN hall_case c ON c.id = s.case_id
            WHERE s.project_id = ? ORDER BY s.id
            """, arguments: [projectID]).map { row in
            ProjectSimulation(id: row[0], projectNumber: row[1], itemCode: row[2], itemName: row[3],
                              checkedMaterials: (row[4] as String).split(separator: ",").compactMap { Int($0) }, opinion: row[5],
                              reviewerID: row[6], reviewedOn: try CivilDate(parsing: row[7]), caseNumber: row[8],
                              convertedOn: try (row[9] as String?).map { try CivilDate(parsing: $0) })
        }
    }

    /// The simulated approvals of a project (`desk project show`).
    public func projectSimulations(number: String) throws -> [ProjectSimulation] {
        try read { db in try Self.simulations(db, projectID: try Self.fetchProject(db, number: number).id) }
    }

    /// "v6-project10-simulation": 模拟审批 records, one per project and item, and the case each was converted into.
    static func migrateToProjectSimulation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE project_simulation (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES project(id),
                item_code TEXT NOT NULL,
                item_name TEXT NOT NULL,
                checked_materials TEXT NOT NULL,     -- positions in the item's list, comma-separated, ascending
                opinion TEXT NOT NULL CHECK (length(opinion) > 0),
                reviewer_id TEXT NOT NULL,
                reviewed_on TEXT NOT NULL,
                case_id INTEGER UNIQUE REFERENCES hall_case(id),   -- the formal application it was converted into
                converted_on TEXT,
                UNIQUE (project_id, item_code),
                CHECK ((case_id IS NULL) = (converted_on IS NULL))
            );
            """)
    }
}
