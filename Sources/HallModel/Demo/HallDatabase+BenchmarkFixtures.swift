import Foundation
import GRDB
import Queue

/// Fixtures for `desk bench` only: large halls written in bulk, far faster than a day's worth of user
/// actions would be. Nothing a person does reaches these.
extension HallDatabase {
    /// `history` finished tickets over past business days and `waiting` tickets today, spread over the
    /// hall's lines with a realistic mix of priorities and appointments. The tickets have no events: the
    /// call-next and queue measurements read tickets, not the log.
    public func seedBenchmarkHistory(history: Int, waiting: Int) throws {
        let lines = try self.lines()
        let calendar = try settings().businessCalendar
        let now = Date()
        let perDay = 2_500
        try writer.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source, appt_at,
                                   issued_at, queued_at, called_at, started_at, finished_at, window_id, call_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var sequences: [String: Int] = [:]
            var opening: (day: Int, at: Date) = (0, now)
            for i in 0..<history {
                let day = i / perDay + 1
                // Each past day's tickets arrive from 08:00, ten seconds apart.
                if opening.day != day { opening = (day, try calendar.date(on: now.addingTimeInterval(-Double(day) * 86_400), atTimeOfDay: "08:00")) }
                let at = opening.at.addingTimeInterval(Double(i % perDay) * 10)
                let date = calendar.businessDate(of: at)
                let line = lines[i % lines.count]
                let key = "\(date)\(line.id)"
                let seq = (sequences[key] ?? 0) + 1
                sequences[key] = seq
                let ms = at.millisecondsSince1970
                try insert.execute(arguments: [date, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               "finished", "normal", "normal", nil, ms, ms, ms + 300_000, ms + 360_000, ms + 900_000,
                                               (i % 7) + 1, 1])
            }
            let today = calendar.businessDate(of: now)
            let mix: [PriorityClass] = [.normal, .normal, .normal, .normal, .elderly, .normal, .disabled, .normal, .greenChannel, .pregnant]
            for i in 0..<waiting {
                let line = lines[i % lines.count]
                let seq = i / lines.count + 1
                let priority = mix[i % mix.count]
                let appointment: Int64? = i % 25 == 0 ? now.addingTimeInterval(Double(i % 50 - 25) * 60).millisecondsSince1970 : nil
                let category = WaitingTicket(id: 0, code: "", lineID: line.id, priority: priority,
                                             appointmentAt: appointment.map(Date.init(millisecondsSince1970:)), queuedAt: now).category
                let ms = now.addingTimeInterval(-Double(waiting - i) * 3).millisecondsSince1970
                try insert.execute(arguments: [today, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               "waiting", priority.rawValue, category.rawValue, appointment, ms, ms, nil, nil, nil, nil, 0])
            }
        }
        try writer.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
    }

    /// `tickets` tickets each issued, called, started and finished (four events), chained: the hall `audit
    /// verify` is measured on. Built in one transaction with the chain kept in memory.
    public func seedBenchmarkAuditChain(tickets: Int) throws {
        let calendar = try settings().businessCalendar
        let lines = try self.lines()
        let actor = Actor(staff: "BENCH", terminal: .cli)
        let start = Date().addingTimeInterval(-Double(tickets) * 2)
        try perform { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source,
                                   issued_at, queued_at, called_at, started_at, finished_at, window_id, call_count)
                VALUES (?, ?, ?, ?, ?, 'finished', 'normal', 'normal', 'kiosk', ?, ?, ?, ?, ?, ?, 1)
                """)
            var sequences: [String: Int] = [:]
            for i in 0..<tickets {
                let at = start.addingTimeInterval(Double(i) * 2)
                let date = calendar.businessDate(of: at)
                let line = lines[i % lines.count]
                let seq = (sequences["\(date)\(line.id)"] ?? 0) + 1
                sequences["\(date)\(line.id)"] = seq
                let ms = at.millisecondsSince1970
                let window = i % 8 + 1
                try insert.execute(arguments: [date, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               ms, ms, ms + 300_000, ms + 360_000, ms + 900_000, window])
                let id = db.lastInsertedRowID
                for (kind, offset) in [(EventKind.issue, Int64(0)), (.call, 300_000), (.start, 360_000), (.finish, 900_000)] {
                    try AuditLog.append(db, kind: kind.rawValue, actor: actor.key, terminal: kind == .issue ? "kiosk" : "window:\(window)",
                                        at: Date(millisecondsSince1970: ms + offset), businessDate: date, ticketID: id, lineID: line.id,
                                        window: kind == .issue ? nil : window, staff: "B\(window)",
                                        detail: kind == .call ? ["reason": .string("fifo")] : [:])
                }
            }
        }
    }

    /// `PRAGMA synchronous` as this connection runs it (the bench reports it beside the baseline's).
    public func synchronousMode() throws -> Int {
        try writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// `count` cases of the catalog's first item spread over the last ~3 years, as a long-running hall holds them:
    /// one in 50 still being decided (a tenth of those overdue, the rest due over the coming weeks), one in 200
    /// suspended, one in 100 decided awaiting issue (due within 10 days), the rest closed (acknowledged). One applicant, one intake per
    /// case, no events: `cases list` reads `hall_case` only. Deadlines are written as stored values (the list
    /// filters on them), not recomputed.
    public func seedBenchmarkCases(count: Int) throws {
        let calendar = try settings().businessCalendar
        let today = try CivilDate(parsing: calendar.businessDate(of: clock.now))
        guard let item = try catalog().items.first else { return }
        let now = clock.now.millisecondsSince1970
        try writer.write { db in
            try db.execute(sql: "INSERT INTO applicant(kind, id_number, name, created_at) VALUES ('person', '11010519491231002X', '张三丰', ?)",
                           arguments: [now])
            let applicant = db.lastInsertedRowID
            let intake = try db.makeStatement(sql: """
                INSERT INTO intake(at, business_date, received_on, staff_id, applicant_id, item_code, decision, decided_at)
                VALUES (?, ?, ?, 'BENCH', ?, ?, 'accept', ?)
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO hall_case(number, accepted_on, daily_seq, intake_id, applicant_id, item_code, item_name, department_code,
                                      final_approver, tolerated, state, statutory_count, statutory_unit, promised_count, promised_unit,
                                      statutory_due, promised_due, result_due, updated_at, extension_allowed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var sequence: [Int: Int] = [:]
            for i in 0..<count {
                let open = i % 50 == 0
                let accepted = open ? today.adding(days: -(i / 50) % 30) : today.adding(days: -30 - (i % 1000))
                let state: CaseState = open ? ((i / 50) % 10 == 0 ? .underReview : .accepted)
                    : i % 200 == 1 ? .suspended : i % 100 == 3 ? .approved : .acknowledged
                // Overdue: one open case in ten has a promise already past.
                let promised = open && (i / 50) % 10 == 0 ? today.adding(days: -1 - i % 5) : accepted.adding(days: 30)
                let seq = (sequence[accepted.dayNumber] ?? 0) + 1
                sequence[accepted.dayNumber] = seq
                try intake.execute(arguments: [now, accepted.description, accepted.description, applicant, item.implementationCode, now])
                try insert.execute(arguments: [
                    CaseRecord.number(hallCode: "HD", acceptedOn: accepted, sequence: seq), accepted.description, seq, db.lastInsertedRowID,
                    applicant, item.implementationCode, item.name, item.departmentCode, item.finalApprover.rawValue, state.rawValue,
                    item.statutoryLimit.count, item.statutoryLimit.unit.rawValue, item.promisedLimit.count, item.promisedLimit.unit.rawValue,
                    accepted.adding(days: 40).description, promised.description,
                    state == .approved ? today.adding(days: i % 10).description : nil, now, item.statutoryExtension,
                ])
            }
        }
        try writer.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
    }
}

extension HallDatabase {
    /// `count` open proxy jobs spread over the demo hall's 20 agents (P01–P20), each agent with two department skills
    /// and one item skill of the catalog, a few of them out on a case and one on leave; the jobs' case deadlines over
    /// the coming weeks (one in five without a case yet). No events: the assignment reads `proxy_job`'s index and the
    /// agents' tables only. Returns the item and department the benchmark assigns (the catalog's first item).
    @discardableResult
    public func seedBenchmarkProxyJobs(count: Int) throws -> (item: String, department: String) {
        let calendar = try settings().businessCalendar
        let today = try CivilDate(parsing: calendar.businessDate(of: clock.now))
        let catalog = try catalog()
        guard let item = catalog.items.first, !catalog.departments.isEmpty else { return ("", "") }
        let departments = catalog.departments.map(\.code)
        let agents = (1...20).map { String(format: "P%02d", $0) }
        let now = clock.now.millisecondsSince1970
        try writer.write { db in
            for (i, agent) in agents.enumerated() {
                let state = i == 6 ? "onLeave" : i % 6 == 4 ? "outOnCase" : "onDuty"
                try db.execute(sql: "INSERT OR REPLACE INTO agent_profile(staff_id, state, back_on, since) VALUES (?, ?, ?, ?)",
                               arguments: [agent, state, state == "onLeave" ? today.adding(days: 7).description : nil, now])
                for code in [departments[i % departments.count], departments[(i + 7) % departments.count]] {
                    try db.execute(sql: "INSERT OR IGNORE INTO agent_skill(staff_id, scope, code) VALUES (?, 'department', ?)", arguments: [agent, code])
                }
                if i % 4 == 0 {
                    try db.execute(sql: "INSERT OR IGNORE INTO agent_skill(staff_id, scope, code) VALUES (?, 'item', ?)",
                                   arguments: [agent, item.implementationCode])
                }
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO applicant(kind, id_number, name, created_at) VALUES ('person', '11010519491231002X', '张三丰', ?)
                """, arguments: [now])
            guard let applicant = try Int64.fetchOne(db, sql: "SELECT id FROM applicant WHERE id_number = '11010519491231002X'") else { return }
            let insert = try db.makeStatement(sql: """
                INSERT INTO proxy_job(number, opened_on, daily_seq, mode, origin, applicant_id, item_code, department_code, authorisation,
                                      case_due, agent_id, state, opened_at, opened_by)
                VALUES (?, ?, ?, 'fullProxy', 'reception', ?, ?, ?, '委托', ?, ?, 'open', ?, 'BENCH')
                """)
            for i in 0..<count {
                let opened = today.adding(days: -(i % 60))
                let seq = i / 60 + 1
                let due: String? = i % 5 == 0 ? nil : today.adding(days: 1 + (i * 7) % 40).description
                try insert.execute(arguments: [ProxyJob.number(openedOn: opened, sequence: seq), opened.description, seq, applicant,
                                               item.implementationCode, item.departmentCode, due, agents[(i * 7) % agents.count], now])
            }
        }
        try writer.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
        return (item.implementationCode, item.departmentCode)
    }

}
