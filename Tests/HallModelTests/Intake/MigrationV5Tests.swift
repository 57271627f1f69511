import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// "v5-cases": registered after every v4 migration (migrations run in the order they were written), and its
/// CHECK constraints refuse a value that is not an enum's key, so a hand-edited or foreign row cannot smuggle a
/// label into a state column.
@Suite struct MigrationV5Tests {
    @Test func v5CasesComesAfterTheV4Migrations() throws {
        let names = HallDatabase.migrator.migrations
        let v5 = try #require(names.firstIndex(of: "v5-cases"))
        let v4 = names.indices.filter { names[$0].hasPrefix("v4-") }
        #expect(!v4.isEmpty && v4.allSatisfy { $0 < v5 })
        #expect(names[(v5 + 1)...].allSatisfy { $0.hasPrefix("v5-") || $0.hasPrefix("v6-") || $0.hasPrefix("v7-") })
        // Issue 10's v6 migrations build on the v5 tables: every one of them after every v5 one.
        let v6 = names.indices.filter { names[$0].hasPrefix("v6-") }
        #expect(v6.allSatisfy { i in names.indices.filter { names[$0].hasPrefix("v5-") }.allSatisfy { $0 < i } })
        // Issue 11's v7 migrations come after every v6 one.
        let v7 = names.indices.filter { names[$0].hasPrefix("v7-") }
        #expect(v7.allSatisfy { i in v6.allSatisfy { $0 < i } })
        // The case lifecycle's columns go onto v5-cases' hall_case, so after it.
        #expect(try #require(names.firstIndex(of: "v5-case-lifecycle")) > v5)
    }

    @Test func storedValuesMustBeTheEnumsKeys() throws {
        let hall = try TestHall()
        try hall.database.perform { db in
            try db.execute(sql: """
                INSERT INTO applicant(kind, id_number, name, created_at) VALUES ('person', '11010519491231002X', '张三丰', 0)
                """)
        }
        #expect(throws: (any Error).self) {
            try hall.database.perform { db in
                try db.execute(sql: "INSERT INTO applicant(kind, id_number, name, created_at) VALUES ('自然人', 'X', 'x', 0)")
            }
        }
        #expect(throws: (any Error).self) {
            try hall.database.perform { db in
                try db.execute(sql: """
                    INSERT INTO intake(at, business_date, received_on, staff_id, applicant_id, item_code, decision)
                    VALUES (0, '2026-03-02', '2026-03-02', 'S01', 1, 'X', '受理')
                    """)
            }
        }
        // The same number twice for one kind is one applicant.
        #expect(throws: (any Error).self) {
            try hall.database.perform { db in
                try db.execute(sql: "INSERT INTO applicant(kind, id_number, name, created_at) VALUES ('person', '11010519491231002X', '张三', 0)")
            }
        }
        // A flag has both its date and its reason, or neither.
        #expect(throws: (any Error).self) {
            try hall.database.perform { db in try db.execute(sql: "UPDATE applicant SET flagged_on = '2026-03-02'") }
        }
    }
}
