import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// A hall written by the version before identity (migrations v1 and v2 only) keeps its staff, with their
/// one role mapped, and its event log, carried into the SM3 chain in order.
@Suite struct MigrationV3Tests {
    @Test func anOlderHallKeepsItsStaffAndItsEventsChained() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("hall.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try HallDatabase.migrator.migrate(pool, upTo: "v2-catalog-calendar")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO staff(id, name, role) VALUES ('S01', '王芳', 'clerk'), ('M01', '周建国', 'supervisor'), ('R01', '孙志刚', 'reviewer');
                    INSERT INTO service_line(prefix, name, target_wait_minutes) VALUES ('A', '综合受理', 15);
                    INSERT INTO service_window(id, name, filter, state, staff_id) VALUES (1, '一', 'all', 'open', 'S01');
                    INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source,
                                       issued_at, queued_at, called_at, window_id, call_count)
                        VALUES ('2026-03-02', 1, 1, 'A001', 1, 'called', 'normal', 'normal', 'kiosk', 1000, 1000, 2000, 1, 1);
                    INSERT INTO hall_event(at, business_date, kind, ticket_id, line_id, window_id, staff_id, detail)
                        VALUES (1000, '2026-03-02', 'issue', 1, 1, NULL, NULL, 'normal kiosk'),
                               (2000, '2026-03-02', 'call', 1, 1, 1, 'S01', 'fifo');
                    """)
            }
        }
        let hall = try HallDatabase.open(path: path, create: false)
        let staff = try hall.staffList()
        #expect(staff.map(\.id) == ["M01", "R01", "S01"])
        #expect(staff.map(\.roles) == [[.supervisor], [.reviewer], [.clerk]])
        #expect(try hall.staffMember("S01").window == 1)

        let verification = try hall.verifyAudit()
        #expect(verification.isIntact, "\(verification)")
        // The two old events, then the migration's own record of carrying them over.
        #expect(verification.events == 3)
        let entries = try hall.auditEntries(AuditFilter())
        #expect(entries.map(\.record.kind) == ["issue", "call", "chain_started"])
        #expect(entries[0].record.actor == "@legacy" && entries[1].record.staffID == "S01")
        #expect(entries[1].record.detail == #"{"legacy":"fifo"}"#)
        #expect(entries[2].record.detail == #"{"legacy_events":2}"#)
        #expect(entries[1].record.prev == entries[0].record.hash)

        // The migrated hall goes on as any other: the clerk at window 1 works its ticket, and the chain holds.
        try hall.start(window: 1, by: Actor(staff: "S01", terminal: .window(1)))
        #expect(try hall.verifyAudit().isIntact)
    }
}
