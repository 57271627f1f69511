import Foundation
import Queue

/// The demo hall's proxy-agent team (docs/agents.md): the 20 agents P01–P20 get phones, skills spread over the
/// catalog's departments (two departments each, and one item of the first), states (P07 on leave for a week, P05,
/// P11 and P17 out on a case), and a few proxy jobs each through the real writes — 代办 with the authorisation from the
/// reception or a lower-level site, 帮办 — assigned by hand or by the rule. The demo cases filed by a proxy agent
/// (`DemoCases`) already joined their jobs at intake, with their material ledger. A few jobs get ledger lines and
/// contact log entries (`seedLedger`).
public enum DemoAgents {
    static let leaveTaker = "P07"
    static let outOnCase: Set<String> = ["P05", "P11", "P17"]
    static let sites = ["青石镇便民服务中心", "东湖街道便民服务中心", "柳溪村便民服务站", "桃源村便民服务站"]

    /// Seeds the team into a demo hall already seeded (`DemoHall.seed`), today. Returns the jobs opened.
    @discardableResult
    public static func seed(_ database: HallDatabase) throws -> Int {
        let supervisor = Actor(staff: "M01", terminal: .cli)
        let catalog = try database.catalog()
        let departments = catalog.departments.map(\.code)
        guard !departments.isEmpty else { return 0 }
        let agents = DemoHall.staff.filter { $0.roles.contains(.agent) }.map(\.id)
        for (i, agent) in agents.enumerated() {
            let first = departments[i % departments.count], second = departments[(i + 7) % departments.count]
            var skills: [AgentSkill] = [.department(first), .department(second)]
            if let item = catalog.items.first(where: { $0.departmentCode == first }) { skills.append(.item(item.implementationCode)) }
            try database.setAgentProfile(agent, phone: String(format: "138 0571 %04d", 3100 + i + 1), skills: skills, by: supervisor)
        }
        let today = CivilDate(database.clock.now, in: try database.settings().businessCalendar.timeZone)
        var opened = 0
        var collected: [(job: String, agent: String)] = []
        // Two rounds over the demo applicants: about two jobs an agent, besides the cases filed by an agent.
        for index in 0..<(DemoCases.applicants.count * 2) {
            let applicant = DemoCases.applicants[index % DemoCases.applicants.count]
            let item = catalog.items[(index * 5) % catalog.items.count]
            let input = try applicant.isPerson
                ? ApplicantInput.person(name: applicant.name, residentID: applicant.number, phone: applicant.phone, today: today)
                : ApplicantInput.organisation(name: applicant.name, creditCode: applicant.number,
                                              legalRepresentative: applicant.legalRepresentative, contact: applicant.phone)
            let fullProxy = index % 3 != 2
            let origin: ProxyOrigin = index % 4 == 1 ? .site : .reception
            let job = try database.openProxyJob(try ProxyJobRequest(
                mode: fullProxy ? .fullProxy : .accompany, origin: origin, originSite: origin == .site ? sites[index % sites.count] : nil,
                applicant: input, itemCode: item.implementationCode,
                authorisation: fullProxy ? "委托代为办理\(item.name)，\(today)" : nil), by: supervisor)
            // Every other job by the rule, the rest by hand to the agent whose turn it is.
            let assigned = try database.assignProxyJob(job.number, to: index % 2 == 0 ? .automatic : .agent(agents[(index * 3) % agents.count]),
                                                       by: supervisor)
            if fullProxy, let agent = assigned.job.agentID, item.materials.count >= 3 { collected.append((job.number, agent)) }
            opened += 1
        }
        try seedLedger(database, collected: collected, today: today)
        for agent in outOnCase.sorted() { try database.setAgentState(agent, to: .outOnCase, note: "外出办件", by: supervisor) }
        try database.setAgentState(leaveTaker, to: .onLeave, until: today.adding(days: 7), note: "年休假", by: supervisor)
        return opened
    }

    /// The material ledger and the contact log of a few of today's 代办 jobs (none filed yet) and of the cases filed by
    /// an agent (`DemoCases`): materials collected and still with the agent, a job whose applicant took the originals back
    /// to apply in person (balanced, closed), calls and visits, one with the next step's day.
    static func seedLedger(_ database: HallDatabase, collected: [(job: String, agent: String)], today: CivilDate) throws {
        func agent(_ id: String) -> Actor { Actor(staff: id, terminal: .cli) }
        for (i, (job, id)) in collected.prefix(6).enumerated() {
            let lines = [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2)), MaterialLineInput(.listed(3), form: .copy, copies: 2)]
            _ = try database.recordMaterialHandover(MaterialHandoverRequest(jobNumber: job, from: .applicant, to: .agent, lines: lines), by: agent(id))
            switch i {
            case 0:
                _ = try database.recordContact(jobNumber: job, how: .phone, note: "已收取申请材料原件，约定补交法定代表人身份证复印件后到窗口递交",
                                               next: today.adding(days: 2), by: agent(id))
            case 1:
                _ = try database.recordContact(jobNumber: job, how: .visit, note: "上门收取材料，告知代办全程免费，申请人仍为法定申请人", by: agent(id))
            case 2:
                // The applicant decided to apply in person: the originals back, the ledger balanced, the job closed.
                _ = try database.recordMaterialHandover(MaterialHandoverRequest(
                    jobNumber: job, from: .agent, to: .applicant, lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2))]), by: agent(id))
                _ = try database.recordContact(jobNumber: job, how: .phone, note: "申请人决定自行到窗口办理，原件已当面退还", by: agent(id))
                _ = try database.closeProxyJob(number: job, by: agent(id))
            default: break
            }
        }
        // P03's filed case: one original still with the window during the review, one back with the agent.
        if let job = try database.proxyJobs(agent: "P03").first(where: { $0.caseID != nil }) {
            _ = try database.recordContact(jobNumber: job.number, how: .message, note: "告知申请人：申请表原件在窗口审查期间留存，场所使用证明原件由代办员保管",
                                           by: agent("P03"))
        }
    }
}
