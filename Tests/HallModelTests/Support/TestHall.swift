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

    /// `demo`: the demo hall (5 lines, 8 open windows). Otherwise an empty schema.
    init(demo: Bool = true, clock: TestClock = TestClock()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.clock = clock
        database = try HallDatabase.open(path: directory.appendingPathComponent("hall.sqlite").path, clock: clock.hallClock)
        if demo { try DemoHall.seed(database) }
    }

    var path: String { database.path }

    func issue(_ prefix: String, _ priority: PriorityClass = .normal, at time: String? = nil) throws -> Ticket {
        try database.issueTicket(IssueRequest(linePrefix: prefix, priority: priority, appointmentTime: time)).ticket
    }

    func state(_ code: String) throws -> TicketState { try database.ticket(code: code).state }

    func eventCount() throws -> Int { try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM hall_event") ?? 0 } }
}
