import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The demo hall at 2026-03-02 09:30 with three proxy jobs: P01 brought two applicants' cases to window 1 on ticket
/// A001 (张三丰 in full, 李四 with 容缺), P02 one (华为, in full); and one job nobody holds yet.
struct AgentScreenFixture {
    static let now = CaseScreenFixture.now
    let database: HallDatabase
    /// The case numbers, in order of intake (P01, P01, P02).
    let numbers: [String]

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-agent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: .fixed(Self.now))
        try DemoActors.seed(database)
        let clerk = try DemoActors.clerk(1, database)
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try database.callNext(window: 1, by: clerk)
        _ = try database.start(window: 1, by: clerk)
        guard let item = try database.catalog().items.first(where: { $0.name == "企业设立登记" }) else { throw CaseScreenFixture.FixtureError.noItem }
        let today = CivilDate(year: 2026, month: 3, day: 2)!
        var numbers: [String] = []
        let applicants: [(ApplicantInput, String, [Int])] = [
            (try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: today), "P01", []),
            (try ApplicantInput.person(name: "李四", residentID: CaseScreenFixture.residentID("11010119900307447"), phone: nil, today: today),
             "P01", [4, 5]),
            (try ApplicantInput.organisation(name: "华为技术有限公司", creditCode: "914403001922038216", legalRepresentative: nil, contact: nil),
             "P02", []),
        ]
        for (applicant, agent, missing) in applicants {
            var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
            for p in missing { checklist[p] = ChecklistEntry(.missing) }
            let outcome = try database.takeIn(
                IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode, applicant: applicant,
                              representative: Representative(kind: .proxyAgent, name: try database.staffMember(agent).name, idNumber: agent),
                              checklist: checklist, decision: missing.isEmpty ? .accept : .tolerate),
                by: clerk)
            guard let number = outcome.caseRecord?.number else { throw CaseScreenFixture.FixtureError.noCase }
            numbers.append(number)
        }
        _ = try database.openProxyJob(try ProxyJobRequest(
            mode: .accompany, origin: .reception,
            applicant: try ApplicantInput.person(name: "王五", residentID: CaseScreenFixture.residentID("11010119800101123"), phone: nil,
                                                 today: today),
            itemCode: item.implementationCode), by: try database.authenticate(staff: "M01", password: "demo-M01", at: .cli))
        self.numbers = numbers
    }

    func actor(_ id: String) throws -> Actor { try database.authenticate(staff: id, password: "demo-" + id, at: .cli) }

    func screen(_ id: String, size: Size = Size(width: 80, height: 24)) throws -> (AgentScreenModel, AgentScreen) {
        var model = try AgentScreenModel(database: database, actor: actor(id))
        var screen = try model.start()
        screen.layout(for: size)
        return (model, screen)
    }

    func press(_ keys: [Key], on screen: inout AgentScreen, _ model: inout AgentScreenModel) throws {
        for key in keys {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen) }
        }
    }

    static func context(_ language: Language, _ width: Int, _ height: Int) -> RenderContext {
        RenderContext(language: language, now: now, size: Size(width: width, height: height))
    }

    /// A frame against its reviewed snapshot; a mismatch prints the frame as Swift to paste after review.
    static func check(_ actual: [String], _ expected: [String], _ name: String) {
        if actual != expected {
            print("SNAPSHOT \(name) = [\n" + actual.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]")
        }
        #expect(actual == expected, "\(name)")
    }
}
