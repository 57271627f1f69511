import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// For `desk bench`'s report row: yesterday's business day with `tickets` tickets, each issued, called, started and
    /// finished at one of the 8 windows (four chained events, from 08:00, `6.7 hours / tickets` apart; one in 20 a
    /// no-show instead), every window signed in at 07:55 and out at 17:30 with a pause of 15 minutes, and `cases` intakes
    /// of that day over the catalog's items: one in 10 a one-time notice, one in 25 refused, the rest accepted (one in 5
    /// with deficiency), two in three of those decided the next day against their promise. Returns the day.
    @discardableResult
    public func seedBenchmarkReportDay(tickets: Int, cases: Int) throws -> CivilDate {
        let calendar = try settings().businessCalendar
        let lines = try self.lines()
        let items = try catalog().items
        let day = try CivilDate(parsing: calendar.businessDate(of: clock.now.addingTimeInterval(-86_400)))
        let date = day.description
        let opening = try calendar.date(on: clock.now.addingTimeInterval(-86_400), atTimeOfDay: "08:00")
        let actor = Actor(staff: "BENCH", terminal: .cli)
        try perform { db in
            func event(_ kind: EventKind, _ at: Date, ticket: Int64? = nil, line: Int64? = nil, window: Int?, staff: String? = nil) throws {
                try AuditLog.append(db, kind: kind.rawValue, actor: actor.key, terminal: window.map { "window:\($0)" } ?? "kiosk", at: at,
                                    businessDate: date, ticketID: ticket, lineID: line, window: window, staff: staff, detail: [:])
            }
            for window in 1...8 {
                try event(.signIn, opening.addingTimeInterval(-300), window: window, staff: String(format: "S%02d", window))
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO ticket(business_date, origin_line_id, sequence, code, line_id, state, priority, category, source,
                                   issued_at, queued_at, called_at, started_at, finished_at, window_id, call_count)
                VALUES (?, ?, ?, ?, ?, ?, 'normal', 'normal', 'kiosk', ?, ?, ?, ?, ?, ?, 1)
                """)
            var sequences: [Int64: Int] = [:]
            let spacing = 6.7 * 3600 / Double(max(1, tickets))
            for i in 0..<tickets {
                let issued = opening.addingTimeInterval(Double(i) * spacing)
                let line = lines[i % lines.count]
                let seq = (sequences[line.id] ?? 0) + 1
                sequences[line.id] = seq
                let window = i % 8 + 1
                let noShow = i % 20 == 7
                // Waits from 1 to 40 minutes, services from 4 to 15.
                let called = issued.addingTimeInterval(Double(60 + (i * 37) % 2_340))
                let started = called.addingTimeInterval(45), finished = started.addingTimeInterval(Double(240 + (i * 53) % 660))
                try insert.execute(arguments: [date, line.id, seq, TicketCode.format(prefix: line.prefix, sequence: seq), line.id,
                                               (noShow ? TicketState.noShow : .finished).rawValue, issued.millisecondsSince1970, issued.millisecondsSince1970,
                                               called.millisecondsSince1970, noShow ? nil : started.millisecondsSince1970,
                                               noShow ? nil : finished.millisecondsSince1970, window])
                let id = db.lastInsertedRowID
                try event(.issue, issued, ticket: id, line: line.id, window: nil)
                try event(.call, called, ticket: id, line: line.id, window: window, staff: String(format: "S%02d", window))
                if noShow {
                    try event(.noShow, called.addingTimeInterval(120), ticket: id, line: line.id, window: window)
                } else {
                    try event(.start, started, ticket: id, line: line.id, window: window)
                    try event(.finish, finished, ticket: id, line: line.id, window: window)
                }
            }
            for window in 1...8 {
                try event(.pause, opening.addingTimeInterval(Double(3 * 3600 + window * 60)), window: window)
                try event(.resumeWindow, opening.addingTimeInterval(Double(3 * 3600 + window * 60 + 900)), window: window)
                try event(.signOut, opening.addingTimeInterval(9.5 * 3600), window: window)
            }

            guard !items.isEmpty else { return }
            let now = clock.now.millisecondsSince1970
            try db.execute(sql: "INSERT INTO applicant(kind, id_number, name, created_at) VALUES ('person', '11010519491231002X', '张三丰', ?)",
                           arguments: [now])
            let applicant = db.lastInsertedRowID
            let intake = try db.makeStatement(sql: """
                INSERT INTO intake(at, business_date, received_on, staff_id, applicant_id, item_code, decision, decided_at)
                VALUES (?, ?, ?, 'BENCH', ?, ?, ?, ?)
                """)
            let insertCase = try db.makeStatement(sql: """
                INSERT INTO hall_case(number, accepted_on, daily_seq, intake_id, applicant_id, item_code, item_name, department_code,
                                      final_approver, tolerated, state, statutory_count, statutory_unit, promised_count, promised_unit,
                                      statutory_due, promised_due, decided_on, updated_at, extension_allowed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var seq = 0
            for i in 0..<cases {
                let item = items[i % items.count]
                let decision: IntakeDecisionKind = i % 10 == 3 ? .notice : i % 25 == 4 ? .refuse : i % 5 == 0 ? .tolerate : .accept
                try intake.execute(arguments: [now, date, date, applicant, item.implementationCode, decision.rawValue, now])
                guard decision.opensCase else { continue }
                seq += 1
                let decided = i % 3 != 0
                try insertCase.execute(arguments: [
                    CaseRecord.number(hallCode: "HD", acceptedOn: day, sequence: seq), date, seq, db.lastInsertedRowID, applicant,
                    item.implementationCode, item.name, item.departmentCode, item.finalApprover.rawValue, decision == .tolerate,
                    (decided ? CaseState.approved : .underReview).rawValue, item.statutoryLimit.count, item.statutoryLimit.unit.rawValue,
                    item.promisedLimit.count, item.promisedLimit.unit.rawValue, day.adding(days: 28).description,
                    day.adding(days: i % 7 == 0 ? 0 : 5).description, decided ? day.adding(days: 1).description : nil, now, item.statutoryExtension,
                ])
            }
        }
        try writer.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
        return day
    }
}
