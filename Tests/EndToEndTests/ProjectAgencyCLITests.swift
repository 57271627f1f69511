import Foundation
import Testing

/// Major projects and the intermediary-service supermarket through the real binary on the demo hall: an agent creates a
/// project, adds three parallel cases of the investor, `project show --json` gives the critical path; the joint
/// acceptance; a referral suspends a case and the delivery resumes it; refusals (exit 5 not permitted, exit 1 a bad
/// credit code). S01 (the test's account) is clerk, supervisor and admin; P01 an agent; S03 a clerk only.
@Suite struct ProjectAgencyCLITests {
    let cli: CaseLifecycleCLITests
    init() throws { cli = try CaseLifecycleCLITests() }

    static let food = "11510199MB1530000K4000010007"   // 食品生产许可, promised 10 working days (区市场监督管理局)
    static let fire = "11510199MB1531373C4000010003"   // 建设工程消防设计审查, promised 12 (区住房和城乡建设局)
    static let investorCode: String = {
        let first17 = "91330110MA2D4M2X1", alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(first17, weights).reduce(0) { $0 + (alphabet.firstIndex(of: $1.0) ?? 0) * $1.1 }
        return first17 + String(alphabet[(31 - sum % 31) % 31])
    }()

    func desk(_ arguments: [String], as staff: String? = nil, on day: String = "2026-03-02") throws -> Desk.Result {
        try cli.desk(arguments, as: staff, on: day)
    }

    /// A001 served at window 1, and the investor's three cases taken in on it: 企业设立登记, 食品生产许可, 消防设计审查.
    func threeCases() throws -> [String] {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"]] {
            #expect(try desk(step).status == 0)
        }
        return try [(CaseLifecycleCLITests.item, "1,2,3,4,5,6"), (Self.food, "1,2,3,4,5,6"), (Self.fire, "1,2,3,4")].map { item, provided in
            let r = try desk(["case", "intake", "--ticket", "A001", "--item", item, "--org-uscc", Self.investorCode, "--name", "杭州禾润食品有限公司",
                              "--legal-rep", "林淑芬", "--provided", provided, "--decision", "accept", "--json"])
            return try #require((r.object["case"] as? [String: Any])?["number"] as? String, "\(r.stdout) \(r.stderr)")
        }
    }

    func createProject(as staff: String = "P01", on day: String = "2026-03-02") throws -> Desk.Result {
        try desk(["project", "create", "--name", "年产5万吨食品加工项目", "--investor", "杭州禾润食品有限公司", "--investor-code", Self.investorCode,
                  "--lead", "P01", "--json"], as: staff, on: day)
    }

    @Test func anAgentsProjectWithThreeParallelCasesShowsItsCriticalPath() throws {
        let numbers = try threeCases()
        let created = try createProject()
        #expect(created.status == 0 && created.object["number"] as? String == "XM-2026-001", "\(created.stdout) \(created.stderr)")
        #expect(created.object["investor_code"] as? String != Self.investorCode)  // masked
        for n in numbers { #expect(try desk(["project", "add-case", "XM-2026-001", n], as: "P01").status == 0) }
        let show = try desk(["project", "show", "XM-2026-001", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect((show.object["cases"] as? [[String: Any]])?.count == 3)
        let path = try #require(show.object["critical_path"] as? [String: Any], "\(show.stdout)")
        #expect(path["case"] as? String == numbers[2] && path["basis"] as? String == "promisedDeadline" && path["on_time"] as? Bool == true)
        let fireCase = try #require((show.object["cases"] as? [[String: Any]])?.last?["case"] as? [String: Any])
        #expect(path["date"] as? String == (fireCase["deadlines"] as? [String: Any])?["promised"] as? String)
        let text = try desk(["project", "show", "XM-2026-001", "--lang", "zh"])
        #expect(text.stdout.contains("关键路径：\(numbers[2])") && text.stdout.contains("是否按期：按期"), "\(text.stdout)")
        let list = try desk(["project", "list", "--json"])
        #expect(((list.object["projects"] as? [[String: Any]])?.first)?["open_cases"] as? Int == 3)
        // Another agent may not add cases (exit 1, the store's rule); a clerk may not create a project (exit 5).
        let other = try desk(["project", "add-case", "XM-2026-001", numbers[0], "--json"], as: "P02")
        #expect(other.status == 1 && cli.code(other) == "project.not_the_lead_agent", "\(other.stdout)")
        let clerk = try createProject(as: "S03")
        #expect(clerk.status == 5, "\(clerk.stdout) \(clerk.stderr)")
    }

    @Test func theJointAcceptanceAcceptsTheProjectWhenEveryDepartmentPasses() throws {
        let numbers = try threeCases()
        #expect(try createProject().status == 0)
        for n in numbers {
            #expect(try desk(["project", "add-case", "XM-2026-001", n], as: "P01").status == 0)
            #expect(try desk(["case", "review", n, "--opinion", "材料齐全"], as: "R01").status == 0)
            #expect(try desk(["case", "approve", n, "--reason", "符合法定条件"], as: "C01").status == 0)
        }
        let show = try desk(["project", "show", "XM-2026-001", "--json"])
        let departments = try #require((show.object["joint_acceptance"] as? [String: Any])?["departments"] as? [String])
        #expect(departments.count == 2)
        let fail = try desk(["project", "accept", "XM-2026-001", "--department", departments[1], "--fail", "--opinion", "消防设施未完成", "--json"])
        #expect(fail.status == 0 && fail.object["state"] as? String == "open", "\(fail.stdout) \(fail.stderr)")
        let inProgress = try desk(["project", "document", "XM-2026-001"])
        #expect(inProgress.status == 0 && inProgress.stdout.contains("联合验收记录（未完成）") && inProgress.stdout.contains("不通过"), "\(inProgress.stdout)")
        #expect(try desk(["project", "accept", "XM-2026-001", "--department", departments[0], "--pass", "--opinion", "符合验收条件"], as: "R01").status == 0)
        let pass = try desk(["project", "accept", "XM-2026-001", "--department", departments[1], "--pass", "--opinion", "整改完成", "--json"])
        #expect(pass.status == 0 && pass.object["state"] as? String == "accepted", "\(pass.stdout) \(pass.stderr)")
        // The joint acceptance record (联合验收意见书): issued by the passing sign-off, text ≤ 80 columns and A4 HTML.
        let record = try desk(["project", "document", "XM-2026-001"])
        #expect(record.status == 0 && record.stdout.contains("联合验收意见书") && record.stdout.contains("消防设施未完成")
                && record.stdout.contains("整改完成") && record.stdout.contains("通过联合验收") && !record.stdout.contains(Self.investorCode),
                "\(record.stdout) \(record.stderr)")
        #expect(record.stdout.split(separator: "\n").allSatisfy { $0.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } <= 80 })
        #expect(numbers.allSatisfy { record.stdout.contains($0) })
        let html = try desk(["project", "document", "XM-2026-001", "--format", "html"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<h1>联合验收意见书</h1>"))
        #expect(try desk(["project", "document", "XM-2026-999"]).status == 1)
        #expect(try desk(["audit", "verify"]).status == 0)
        let both = try desk(["project", "accept", "XM-2026-001", "--department", departments[1], "--pass", "--fail", "--opinion", "x"])
        #expect(both.status == 64)
    }

    @Test func aBadCreditCodeIsRefusedByItsRule() throws {
        let r = try desk(["project", "create", "--name", "项目", "--investor", "某公司", "--investor-code", "91330110MA2D4M2X10", "--lead", "P01",
                          "--json"], as: "P01")
        #expect(r.status == 1 && cli.code(r) == "credit_code.check_character", "\(r.stdout)")
    }

    @Test func aReferralSuspendsTheCaseUntilTheAgencyDelivers() throws {
        let number = try threeCases()[1]
        let refer = try desk(["agency", "refer", number, "--category", "testing", "--json"], as: "P01")
        #expect(refer.status == 0, "\(refer.stdout) \(refer.stderr)")
        let agencies = try #require(refer.object["agencies"] as? [[String: Any]])
        #expect(agencies.count == 6 && (refer.object["referral"] as? [String: Any])?["suspended_case"] as? Bool == true)
        #expect(try desk(["case", "show", number, "--json"]).object["state"] as? String == "suspended")
        let agency = try #require(agencies.first?["id"] as? Int)
        #expect(try desk(["agency", "choose", number, "--category", "testing", "--agency", String(agency)], as: "P01").status == 0)
        #expect(try desk(["agency", "deliver", number, "--category", "testing"], as: "P01", on: "2026-03-09").status == 0)
        let resumed = try desk(["case", "show", number, "--json"], on: "2026-03-09")
        #expect(resumed.object["state"] as? String == "accepted", "\(resumed.stdout)")
        let rate = try desk(["agency", "rate", number, "--category", "testing", "--rating", "5", "--json"], as: "P01", on: "2026-03-09")
        #expect(rate.status == 0 && rate.object["rating_count"] as? Int == 1, "\(rate.stdout)")
        let reviewer = try desk(["agency", "refer", number, "--category", "surveying", "--json"], as: "R01")
        #expect(reviewer.status == 5)
        let list = try desk(["agency", "list", "--json"])
        #expect((list.object["agencies"] as? [[String: Any]])?.count == 103)
    }

    @Test func aSimulatedApprovalIsConvertedWhenTheFormalApplicationComes() throws {
        #expect(try createProject(on: "2026-02-27").status == 0)
        let simulate = try desk(["project", "simulate", "XM-2026-001", "--item", Self.food, "--checked", "1,3,4,5", "--opinion", "材料基本齐全，待正式申报",
                                 "--json"], as: "R01", on: "2026-02-27")
        #expect(simulate.status == 0, "\(simulate.stdout) \(simulate.stderr)")
        let materials = try #require(simulate.object["materials"] as? [[String: Any]])
        #expect(materials.filter { $0["checked"] as? Bool == true }.map { $0["position"] as? Int } == [1, 3, 4, 5])
        #expect(try desk(["project", "simulate", "XM-2026-001", "--item", Self.food, "--checked", "1", "--opinion", "x"], as: "P01", on: "2026-02-27").status == 5)
        let number = try threeCases()[1]
        #expect(try desk(["project", "add-case", "XM-2026-001", number], as: "P01").status == 0)
        let convert = try desk(["project", "convert", "XM-2026-001", number, "--json"], as: "R01")
        #expect(convert.status == 0 && convert.object["state"] as? String == "underApproval", "\(convert.stdout) \(convert.stderr)")
        let show = try desk(["case", "show", number, "--json"])
        #expect((show.object["review_opinion"] as? String)?.hasPrefix("按模拟审批意见（R01，2026-02-27）") == true, "\(show.stdout)")
        let project = try desk(["project", "show", "XM-2026-001", "--json"])
        #expect(((project.object["simulations"] as? [[String: Any]])?.first)?["case"] as? String == number, "\(project.stdout)")
    }
}
