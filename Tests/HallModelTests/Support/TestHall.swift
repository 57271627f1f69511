import Foundation
import Synchronization
@testable import HallModel
import Queue

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ iso: String = "2026-03-02T09:00:00+08:00") { current = Mutex(HallClock.parseISO8601(iso)!) }
    var now: Date { current.withLock { $0 } }
    func advance(minutes: Double) { current.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
    func set(_ iso: String) { current.withLock { $0 = HallClock.parseISO8601(iso)! } }
    var hallClock: HallClock { HallClock { [self] in self.now } }
}

/// A fresh hall database in its own temporary folder.
struct TestHall {
    let database: HallDatabase
    let clock: TestClock
    let directory: URL
    let isDemo: Bool

    /// The operating-system account the test hall is created by (bound to S01 in the demo, ADMIN otherwise).
    static let osUser = "halldesk-test"

    /// `demo`: the demo hall (5 lines, 8 open windows, a clerk signed in at each). Otherwise an empty hall:
    /// no lines, windows or catalog, only the administrator ADMIN that `setUpNewHall` creates (every write
    /// needs someone allowed to make it).
    init(demo: Bool = true, clock: TestClock = TestClock()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.clock = clock
        isDemo = demo
        database = try HallDatabase.open(path: directory.appendingPathComponent("hall.sqlite").path, clock: clock.hallClock)
        if demo { try DemoHall.seed(database, osUser: Self.osUser) } else { try database.setUpNewHall(kind: .test, osUser: Self.osUser) }
    }

    var path: String { database.path }

    // MARK: Who acts

    /// The kiosk device: takes tickets.
    var kiosk: Actor { .device(.kiosk, terminal: .kiosk) }
    /// The demo clerk signed in at `window` (S01 at window 1 … S08 at window 8), at that window.
    func clerk(_ window: Int) -> Actor { Actor(staff: String(format: "S%02d", window), terminal: .window(window)) }
    /// The demo hall's supervisor (M01, supervisor only).
    var supervisor: Actor { Actor(staff: "M01", terminal: .cli) }
    /// The administrator: A01 in the demo hall, ADMIN in an empty one.
    var admin: Actor { Actor(staff: isDemo ? "A01" : "ADMIN", terminal: .cli) }

    func issue(_ prefix: String, _ priority: PriorityClass = .normal, at time: String? = nil) throws -> Ticket {
        try database.issueTicket(IssueRequest(linePrefix: prefix, priority: priority, appointmentTime: time), by: kiosk).ticket
    }

    /// The hall with real opening hours (09:00-12:00, 13:30-17:00 on working days; the demo hall is open all day
    /// so tests can run at any time).
    func useStandardHours() throws {
        var settings = try database.settings()
        settings.openingHours = .standard
        try database.updateSettings(settings, by: admin)
    }

    func state(_ code: String) throws -> TicketState { try database.ticket(code: code).state }

    func eventCount() throws -> Int { try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM hall_event") ?? 0 } }
}
