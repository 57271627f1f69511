import DeskTUI
import Foundation
import HallModel
import Queue

/// The supervisor's screen for `desk bench`: its view's load on the 1,000,000-ticket hall with 200,000 cases, against
/// the same reads through raw SQLite in the same run, and its 200×60 frame.
enum SuperviseBench {
    /// The demo hall with `history` finished tickets over past days, `waiting` today, `cases` cases, and a morning of
    /// real work today through the engine (`served` tickets issued, called, started and finished over the eight windows,
    /// window 2 then paused), so today's events are there to fold.
    static func hall(folder: String, history: Int, waiting: Int, cases: Int, served: Int) throws -> HallDatabase {
        let database = try QueueBench.historyHall(folder: folder, history: history, waiting: waiting)
        try database.seedBenchmarkCases(count: cases)
        let kiosk = Actor.device(.kiosk, terminal: .kiosk)
        let lines = try database.lines()
        // S01, bound to this account: clerk and supervisor, who may serve at any window.
        let s01 = try QueueBench.actor(database)
        var finished: [String] = []
        for i in 0..<served {
            let window = i % 7 + 1  // window 8 takes priority tickets only
            let clerk = s01.at(.window(window))
            let profile = try database.window(window)
            guard let line = lines.first(where: { profile.serves(lineID: $0.id) }) else { continue }
            _ = try database.issueTicket(IssueRequest(linePrefix: line.prefix), by: kiosk)
            guard try database.callNext(window: window, by: clerk) != nil else { continue }
            _ = try database.start(window: window, by: clerk)
            finished.append(try database.finish(window: window, by: clerk).code)
        }
        _ = try database.pauseWindow(2, reason: "培训", by: s01.at(.window(2)))
        try followUps(database, finished: finished, supervisor: s01)
        return database
    }

    /// The morning's follow-ups, so the view's panels 4 and 5 have rows to read: every served ticket of today rated
    /// (one in ten 2 不满意, opening a rectification), twenty complaints (five answered), and a message to all windows.
    static func followUps(_ database: HallDatabase, finished: [String], supervisor: Actor) throws {
        for (n, code) in finished.enumerated() {
            let bad = n % 10 == 0
            _ = try database.recordRating(RatingRequest(ticketCode: code, level: bad ? .dissatisfied : .verySatisfied,
                                                         reasons: bad ? [.serviceEfficiency] : []), by: supervisor)
        }
        for n in 0..<20 {
            let c = try database.registerComplaint(ComplaintRequest(source: .phone, name: "投诉人\(n)", phone: "13800138000",
                                                                    subject: ComplaintSubject(window: n % 8 + 1), content: "排队时间太长"), by: supervisor)
            if n % 4 == 0 {
                _ = try database.assignComplaint(number: c.number, to: "S02", by: supervisor)
                _ = try database.answerComplaint(number: c.number, reply: "已调整窗口", by: supervisor)
            }
        }
        _ = try database.sendWindowMessage(to: .all, text: "十点全体开会", by: supervisor)
    }

    /// Milliseconds per `supervisorView(by:)` as M01, and per the same reads through raw SQLite, alternating.
    static func loadLatencies(_ database: HallDatabase, samples: Int) throws -> (engine: [Double], raw: [Double], cases: Int) {
        let supervisor = try database.authenticate(staff: "M01", password: "demo-M01", at: .cli)
        let raw = try RawSQLiteBaseline(path: database.path)
        let settings = try database.settings()
        let today = try CivilDate(parsing: database.today())
        let bounds = CaseRiskBounds(today: today, yellowDays: settings.caseYellowDays, handoverAckDays: settings.handoverAckDays,
                                    calendar: try database.workingCalendar())
        let caseRisk = HallDatabase.supervisorCaseRiskStatement(supervisor: "M01", bounds: bounds)
        var engine: [Double] = [], baseline: [Double] = []
        var cases = 0
        for _ in 0..<samples {
            engine.append(try elapsedMilliseconds { cases = try database.supervisorView(by: supervisor).cases.count })
            baseline.append(try elapsedMilliseconds {
                try raw.supervisorReads(today: today.description, cases: caseRisk)
            })
        }
        return (engine, baseline, cases)
    }

    /// Milliseconds to render the supervisor's screen at 200×60 and diff it against the previous frame, as the run loop
    /// does (the clock moves a second per frame, so the timers change).
    static func frameLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        let supervisor = try database.authenticate(staff: "M01", password: "demo-M01", at: .cli)
        var model = try SupervisorScreenModel(database: database, actor: supervisor)
        var screen = try model.start()
        screen.layout(for: Size(width: 200, height: 60))
        return try ScreenBench.renderAndDiffLatencies(screen, samples: samples)
    }
}
