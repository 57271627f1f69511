import DeskTUI
import Foundation
import HallModel
import Queue

/// The case store's rows: an acceptance at the window (`takeIn`: the intake, its checklist, the case with its number
/// and deadlines, the acceptance notice, three events) against the same rows written with bare SQLite in the same
/// run; and `cases list --light red` on a hall of many cases.
enum CaseBench {
    /// A demo hall with A001 served at window 1 by the bound clerk (S01), and that clerk at the window.
    static func servingHall(folder: String, name: String) throws -> (HallDatabase, Actor) {
        let path = folder + "/\(name).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try DemoHall.seed(database, osUser: OSAccount.current())
        let clerk = try QueueBench.actor(database).at(.window(1))
        _ = try database.issueTicket(IssueRequest(linePrefix: "A"), by: .device(.kiosk, terminal: .kiosk))
        _ = try database.callNext(window: 1, by: clerk)
        _ = try database.start(window: 1, by: clerk)
        return (database, clerk)
    }

    /// Milliseconds per acceptance, engine and baseline alternating in rounds of `perRound`; each side's median round.
    static func intakeMilliseconds(folder: String, rounds: Int, perRound: Int) throws -> (engine: Double, raw: Double) {
        let (database, clerk) = try servingHall(folder: folder, name: "intake-engine")
        let (rawHall, _) = try servingHall(folder: folder, name: "intake-raw")
        guard let item = try database.catalog().items.first(where: { $0.name == "企业设立登记" }) else { throw BenchError.worker("no item") }
        let today = try CivilDate(parsing: database.today())
        let request = IntakeRequest(
            ticketCode: "A001", itemCode: item.implementationCode,
            applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: today),
            checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept)
        // The baseline writes the document the engine rendered (its text, page and digest), and the same applicant.
        let first = try database.takeIn(request, by: clerk)
        guard let document = first.documents.first, let record = first.caseRecord else { throw BenchError.worker("no case") }
        var records: [AuditRecord] = []
        try database.forEachAuditRecord { records.append($0) }
        let events = Array(records.suffix(3))
        guard events.map(\.kind) == ["intake_decided", "case_opened", "document_issued"] else { throw BenchError.worker("not the intake's events") }
        _ = try rawHall.takeIn(request, by: clerk)
        let raw = try RawSQLiteBaseline(path: rawHall.path)
        let rows = RawSQLiteBaseline.IntakeRows(
            date: today, itemCode: item.implementationCode, itemName: item.name, departmentCode: item.departmentCode,
            finalApprover: item.finalApprover.rawValue, materials: item.materials.map { ($0.name, $0.kind.rawValue) },
            statutory: (item.statutoryLimit.count, item.statutoryLimit.unit.rawValue), promised: (item.promisedLimit.count, item.promisedLimit.unit.rawValue),
            statutoryExtension: item.statutoryExtension, statutoryDue: record.statutoryDue?.description, promisedDue: record.promisedDue?.description,
            documentText: document.text, documentHTML: document.html, digest: document.digest, events: events)
        var engine: [Double] = [], baseline: [Double] = []
        for _ in 0..<rounds {
            engine.append(try elapsedMilliseconds { for _ in 0..<perRound { _ = try database.takeIn(request, by: clerk) } } / Double(perRound))
            baseline.append(try elapsedMilliseconds {
                for _ in 0..<perRound { try raw.takeIn(rows, now: Date().millisecondsSince1970) }
            } / Double(perRound))
        }
        return (percentile(engine, 0.5), percentile(baseline, 0.5))
    }

    /// A demo hall with `cases` benchmark cases (`seedBenchmarkCases`), for the red list and the case screen.
    static func caseHall(folder: String, cases: Int) throws -> HallDatabase {
        let path = folder + "/cases.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try DemoHall.seed(database, osUser: OSAccount.current())
        try database.seedBenchmarkCases(count: cases)
        return database
    }

    /// Milliseconds per `cases(light: red)` (in process, as `cases list --light red` runs it).
    static func redListLatencies(_ database: HallDatabase, samples: Int) throws -> (latencies: [Double], red: Int) {
        var red = 0
        var latencies: [Double] = []
        for _ in 0..<samples {
            latencies.append(try elapsedMilliseconds { red = try database.cases(CaseListFilter(light: .red)).count })
        }
        return (latencies, red)
    }

    /// Milliseconds from nothing to the case screen's first frame in a `CellGrid` (100×30), as `desk cases` opens it
    /// for the demo reviewer R01 (signed in once, outside the timing: scrypt is deliberately slow): the model (the
    /// desk: staff, settings, calendar, catalog), the opening sweep (none for a reviewer), R01's queue by deadline, and
    /// the frame rendered. Returns the latencies and the rows of the queue.
    static func screenFirstFrameLatencies(_ database: HallDatabase, samples: Int) throws -> (latencies: [Double], rows: Int) {
        let reviewer = try database.authenticate(staff: "R01", password: "demo-R01", at: .cli)
        let size = Size(width: 100, height: 30)
        var rows = 0
        var latencies: [Double] = []
        for _ in 0..<samples {
            latencies.append(try elapsedMilliseconds {
                var model = try CasesScreenModel(database: database, actor: reviewer)
                var screen = try model.start()
                screen.layout(for: size)
                let frame = screen.frame(context: RenderContext(language: .zh, now: database.clock.now, size: size))
                withExtendedLifetime(frame) { rows = screen.view.entries.count }
            })
        }
        return (latencies, rows)
    }
}
