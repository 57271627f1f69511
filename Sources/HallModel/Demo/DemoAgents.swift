import Foundation
import Queue

/// The demo hall's proxy-agent team (docs/agents.md): the 20 agents P01–P20 get phones, skills spread over the
/// catalog's departments (two departments each, and one item of the first), states (P07 on leave for a week, P05,
/// P11 and P17 out on a case), and a few proxy jobs each through the real writes — 代办 with the authorisation from the
/// reception or a lower-level site, 帮办 — assigned by hand or by the rule. The demo cases filed by a proxy agent
/// (`DemoCases`) already joined their jobs at intake.
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
            _ = try database.assignProxyJob(job.number, to: index % 2 == 0 ? .automatic : .agent(agents[(index * 3) % agents.count]),
                                            by: supervisor)
            opened += 1
        }
        for agent in outOnCase.sorted() { try database.setAgentState(agent, to: .outOnCase, note: "外出办件", by: supervisor) }
        try database.setAgentState(leaveTaker, to: .onLeave, until: today.adding(days: 7), note: "年休假", by: supervisor)
        return opened
    }
}
