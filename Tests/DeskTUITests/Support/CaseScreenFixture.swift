import Foundation
import HallModel
import Queue
@testable import DeskTUI

/// A demo hall with cases taken in at window 1 on Monday 2026-03-02 09:30 (the clock fixed), for the case screen's
/// key, snapshot and model tests: 企业设立登记 accepted with every material (promised 1 working day: yellow), and the same
/// item accepted with deficiency (容缺: materials 4 and 5 outstanding).
struct CaseScreenFixture {
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!
    let database: HallDatabase
    /// The database file (`reopened(at:)` opens it on another day).
    let path: String
    /// The case numbers, in order of intake.
    let numbers: [String]

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("hall.sqlite").path
        database = try HallDatabase.open(path: path, clock: .fixed(Self.now))
        try DemoActors.seed(database)
        let clerk = try DemoActors.clerk(1, database)
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        _ = try database.callNext(window: 1, by: clerk)
        _ = try database.start(window: 1, by: clerk)
        guard let item = try database.catalog().items.first(where: { $0.name == "企业设立登记" }) else { throw FixtureError.noItem }
        let today = CivilDate(year: 2026, month: 3, day: 2)!
        var numbers: [String] = []
        for (name, id, missing) in [("张三丰", "11010519491231002X", [Int]()), ("李四", Self.residentID("11010119900307447"), [4, 5])] {
            var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
            for p in missing { checklist[p] = ChecklistEntry(.missing) }
            let outcome = try database.takeIn(
                IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode,
                              applicant: try ApplicantInput.person(name: name, residentID: id, phone: nil, today: today),
                              checklist: checklist, decision: missing.isEmpty ? .accept : .tolerate),
                by: clerk)
            guard let number = outcome.caseRecord?.number else { throw FixtureError.noCase }
            numbers.append(number)
        }
        self.numbers = numbers
    }

    /// The same hall on another day (its clock fixed at `now`).
    func reopened(at now: Date) throws -> HallDatabase { try HallDatabase.open(path: path, clock: .fixed(now)) }

    /// A valid resident ID number from its first 17 digits.
    static func residentID(_ first17: String) -> String {
        first17 + String(ResidentID.checkCharacter(forDigits: first17.compactMap(\.wholeNumberValue)))
    }

    /// A demo staff member signed in with their demo password.
    func actor(_ id: String) throws -> Actor { try database.authenticate(staff: id, password: "demo-" + id, at: .cli) }

    func model(_ id: String) throws -> CasesScreenModel { try CasesScreenModel(database: database, actor: actor(id)) }

    /// The screen as `desk cases` opens it for `id`, laid out for `size`.
    func screen(_ id: String, size: Size = Size(width: 80, height: 24)) throws -> (CasesScreenModel, CasesScreen) {
        var model = try model(id)
        var screen = try model.start()
        screen.layout(for: size)
        return (model, screen)
    }

    /// Presses `keys`, performing every effect as the run loop does.
    func press(_ keys: [Key], on screen: inout CasesScreen, _ model: inout CasesScreenModel) throws {
        for key in keys {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen) }
        }
    }

    static func context(_ language: Language, _ width: Int, _ height: Int) -> RenderContext {
        RenderContext(language: language, now: now, size: Size(width: width, height: height))
    }

    enum FixtureError: Error { case noItem, noCase }
}

extension Array where Element == Key {
    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
}
