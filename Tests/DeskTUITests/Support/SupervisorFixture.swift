import Foundation
import HallModel
import Queue
import Synchronization
@testable import DeskTUI

/// A demo hall with its cases in flight (`DemoCases`) and a morning at the windows on Friday 2026-03-20, for the
/// supervisor's screen: from 08:30 eight A and three B tickets issued; two A served at window 1, one B at window 4, the
/// next B a no-show there; window 2 paused ("培训") at 09:10; window 3 calls at 09:32; the clock then stays at 09:40.
struct SupervisorFixture {
    static let now = HallClock.parseISO8601("2026-03-20T09:40:00+08:00")!
    let database: HallDatabase
    let clock: MovingClock

    final class MovingClock: Sendable {
        private let current: Mutex<Date>
        init(_ date: Date) { current = Mutex(date) }
        var now: Date { current.withLock { $0 } }
        func set(_ iso: String) { current.withLock { $0 = HallClock.parseISO8601(iso)! } }
    }

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-supervise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = MovingClock(HallClock.parseISO8601("2026-03-20T08:30:00+08:00")!)
        let moving = clock
        database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: HallClock { moving.now })
        try DemoActors.seed(database)
        _ = try DemoCases.seed(database)
        func at(_ time: String) { clock.set("2026-03-20T\(time):00+08:00") }
        func clerk(_ w: Int) throws -> Actor { try DemoActors.clerk(w, database) }
        let kiosk = DemoActors.kiosk
        for (n, prefix) in ["A", "A", "A", "B", "A", "A", "B", "A", "A", "B", "A"].enumerated() {
            at(String(format: "08:%02d", 30 + n * 2))
            _ = try database.issueTicket(IssueRequest(linePrefix: prefix), by: kiosk)
        }
        at("08:55"); _ = try database.callNext(window: 1, by: try clerk(1)); _ = try database.start(window: 1, by: try clerk(1))
        at("08:56"); _ = try database.callNext(window: 4, by: try clerk(4)); _ = try database.start(window: 4, by: try clerk(4))
        at("09:05"); _ = try database.finish(window: 1, by: try clerk(1))
        at("09:06"); _ = try database.callNext(window: 1, by: try clerk(1)); _ = try database.start(window: 1, by: try clerk(1))
        at("09:10"); _ = try database.pauseWindow(2, reason: "培训", by: try clerk(2))
        at("09:15"); _ = try database.finish(window: 4, by: try clerk(4))
        at("09:20"); _ = try database.finish(window: 1, by: try clerk(1))
        at("09:21"); _ = try database.callNext(window: 4, by: try clerk(4))
        at("09:25"); _ = try database.recall(window: 4, by: try clerk(4))
        at("09:30"); _ = try database.noShow(window: 4, by: try clerk(4))
        at("09:32"); _ = try database.callNext(window: 3, by: try clerk(3))
        at("09:40")
    }

    /// A demo staff member signed in with their demo password.
    func actor(_ id: String) throws -> Actor { try database.authenticate(staff: id, password: "demo-" + id, at: .cli) }

    /// The screen as `desk supervise` opens it for `id`, laid out for `size`.
    func screen(_ id: String = "M01", size: Size = Size(width: 80, height: 24)) throws -> (SupervisorScreenModel, SupervisorScreen) {
        var model = try SupervisorScreenModel(database: database, actor: actor(id))
        var screen = try model.start()
        screen.layout(for: size)
        return (model, screen)
    }

    /// Presses `keys`, performing every effect as the run loop does.
    func press(_ keys: [Key], on screen: inout SupervisorScreen, _ model: inout SupervisorScreenModel) throws {
        for key in keys {
            for effect in screen.handle(key) { _ = try model.apply(effect, to: &screen) }
        }
    }

    static func context(_ language: Language, _ width: Int, _ height: Int) -> RenderContext {
        RenderContext(language: language, now: now, size: Size(width: width, height: height))
    }
}
