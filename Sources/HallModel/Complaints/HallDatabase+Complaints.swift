import Foundation
import GRDB
import Queue

extension HallDatabase {
    // MARK: Writes

    /// Registers a complaint in one transaction (`registerComplaint`: a supervisor): the texts cleaned, what it is about
    /// checked against the hall (the window, the staff member and the case must exist), the next number of the day
    /// (`TS-20260302-0001`), the due date `complaint_days` working days after today (not countable: stored empty and
    /// listed as such), and one `complaint_registered` event.
    public func registerComplaint(_ request: ComplaintRequest, by actor: Actor) throws -> Complaint {
        let now = clock.now
        let name = try FreeText.clean(request.name, field: FreeText.complainantName, limit: 40)
        let phone = try ApplicantInput.phone(request.phone)
        let content = try FreeText.clean(request.content, field: FreeText.complaintContent, limit: 500)
        let workOrder = try Self.workOrder(request.workOrder, source: request.source)
        var subject = request.subject
        subject.department = try subject.department.map { try FreeText.clean($0, field: FreeText.department, limit: 40) }
        subject.staff = subject.staff.map { $0.uppercased() }
        subject.caseNumber = subject.caseNumber.map { $0.uppercased() }
        if let code = subject.ticketCode {
            guard let parsed = TicketCode.parse(code) else { throw ComplaintError.invalidTicketCode(code) }
            subject.ticketCode = TicketCode.format(prefix: parsed.prefix, sequence: parsed.sequence)
        }
        return try perform { db in
            try PermissionPolicy.check(db, .registerComplaint, by: actor)
            try Self.checkSubject(db, subject)
            let (settings, today, calendar) = try Self.caseDay(db, now: now)
            let sequence = (try Int.fetchOne(db, cachedSQL: "SELECT MAX(daily_seq) FROM complaint WHERE received_on = ?",
                                             arguments: [today.description]) ?? 0) + 1
            let number = today.dailyNumber("TS", sequence: sequence)
            let due = try? ComplaintRule.deadline(receivedOn: today, days: settings.complaintDays, calendar: calendar)
            try db.execute(cachedSQL: """
                INSERT INTO complaint(number, received_on, daily_seq, received_at, source, work_order, complainant_name, complainant_phone,
                                      about_window, about_staff, about_department, about_case, about_ticket, content, registered_by, due_on, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered')
                """, arguments: [number, today.description, sequence, now.millisecondsSince1970, request.source.rawValue, workOrder, name, phone,
                                 subject.window, subject.staff, subject.department, subject.caseNumber, subject.ticketCode, content, actor.key,
                                 due?.description])
            try AuditLog.append(db, .complaintRegistered, by: actor, at: now, businessDate: today.description, window: subject.window,
                                staff: subject.staff, detail: [
                                    "complaint": .string(number), "source": .string(request.source.rawValue), "order": .optional(workOrder),
                                    "department": .optional(subject.department), "case": .optional(subject.caseNumber),
                                    "ticket": .optional(subject.ticketCode), "due": .optional(due?.description),
                                ])
            return try Self.requireComplaint(db, number: number, today: today)
        }
    }

    /// Gives a complaint not yet answered to a handler (an active staff member) and a unit (`--unit`; else the handler's
    /// department; else the hall's name), again if need be (`assignComplaint`: a supervisor). One `complaint_assigned` event.
    public func assignComplaint(number: String, to handler: String, unit: String? = nil, by actor: Actor) throws -> Complaint {
        let now = clock.now
        let unit = try unit.map { try FreeText.clean($0, field: FreeText.complaintUnit, limit: 40) }
        return try perform { db in
            try PermissionPolicy.check(db, .assignComplaint, by: actor)
            let (settings, today, _) = try Self.caseDay(db, now: now)
            let complaint = try Self.requireComplaint(db, number: number, today: today)
            try ComplaintRule.check(.assign, in: complaint.state, number: complaint.number)
            let staff = try StaffRecord.require(db, id: handler.uppercased())
            guard staff.active else { throw ComplaintError.handlerInactive(staff.id) }
            let assignedUnit = unit ?? staff.department ?? settings.hallName
            try db.execute(cachedSQL: """
                UPDATE complaint SET state = 'assigned', handler = ?, unit = ?, assigned_at = ? WHERE number = ?
                """, arguments: [staff.id, assignedUnit, now.millisecondsSince1970, complaint.number])
            try AuditLog.append(db, .complaintAssigned, by: actor, at: now, businessDate: today.description, staff: staff.id, detail: [
                "complaint": .string(complaint.number), "handler": .string(staff.id), "unit": .string(assignedUnit),
                "from": .optional(complaint.handler),
            ])
            return try Self.requireComplaint(db, number: complaint.number, today: today)
        }
    }

    /// Records the reply given to the complainant (`answerComplaint`): the assigned handler (active), or a supervisor.
    /// Only an assigned complaint, once. One `complaint_answered` event, with whether it was on time.
    public func answerComplaint(number: String, reply: String, by actor: Actor) throws -> Complaint {
        let now = clock.now
        let reply = try FreeText.clean(reply, field: FreeText.complaintReply, limit: 500)
        return try perform { db in
            let (_, today, _) = try Self.caseDay(db, now: now)
            let complaint = try Self.requireComplaint(db, number: number, today: today)
            try Self.checkAnswer(db, complaint, by: actor)
            try ComplaintRule.check(.answer, in: complaint.state, number: complaint.number)
            try db.execute(cachedSQL: """
                UPDATE complaint SET state = 'answered', reply = ?, answered_at = ?, answered_on = ?, answered_by = ? WHERE number = ?
                """, arguments: [reply, now.millisecondsSince1970, today.description, actor.key, complaint.number])
            let onTime = ComplaintRule.answeredOnTime(dueOn: complaint.dueOn, answeredOn: today)
            try AuditLog.append(db, .complaintAnswered, by: actor, at: now, businessDate: today.description, detail: [
                "complaint": .string(complaint.number), "reply": .string(reply), "on_time": onTime.map(AuditValue.bool) ?? .null,
            ])
            return try Self.requireComplaint(db, number: complaint.number, today: today)
        }
    }

    /// Closes an answered complaint with the complainant's satisfaction (`closeComplaint`: a supervisor). One
    /// `complaint_closed` event.
    public func closeComplaint(number: String, satisfaction: ComplaintSatisfaction, by actor: Actor) throws -> Complaint {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .closeComplaint, by: actor)
            let (_, today, _) = try Self.caseDay(db, now: now)
            let complaint = try Self.requireComplaint(db, number: number, today: today)
            try ComplaintRule.check(.close, in: complaint.state, number: complaint.number)
            try db.execute(cachedSQL: """
                UPDATE complaint SET state = 'closed', satisfaction = ?, closed_at = ?, closed_by = ? WHERE number = ?
                """, arguments: [satisfaction.rawValue, now.millisecondsSince1970, actor.key, complaint.number])
            try AuditLog.append(db, .complaintClosed, by: actor, at: now, businessDate: today.description, detail: [
                "complaint": .string(complaint.number), "satisfaction": .string(satisfaction.rawValue),
            ])
            return try Self.requireComplaint(db, number: complaint.number, today: today)
        }
    }

    /// The assigned handler (active, whatever their roles) answers their own complaint; anyone else needs the policy
    /// (a supervisor), else `AccessError` (exit 5).
    static func checkAnswer(_ db: Database, _ complaint: Complaint, by actor: Actor) throws {
        if let id = actor.staffID, id == complaint.handler, try StaffRecord.activeRoles(db, id: id) != nil { return }
        try PermissionPolicy.check(db, .answerComplaint, by: actor)
    }

    static func workOrder(_ text: String?, source: ComplaintSource) throws -> String? {
        guard let text else {
            if source.carriesWorkOrder { throw ComplaintError.workOrderNeeded }
            return nil
        }
        guard source.carriesWorkOrder else { throw ComplaintError.workOrderNotHotline(source) }
        let order = text.trimmingCharacters(in: .whitespaces)
        guard (1...32).contains(order.count),
              order.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "-" })
        else { throw ComplaintError.invalidWorkOrder(text) }
        return order
    }

    /// What the complaint is about must exist in the hall (the department and the ticket code are as told): the
    /// hall's own lookups refuse an unknown window, staff member or case.
    static func checkSubject(_ db: Database, _ subject: ComplaintSubject) throws {
        if let window = subject.window { _ = try fetchWindow(db, id: window) }
        if let staff = subject.staff { _ = try StaffRecord.require(db, id: staff) }
        if let number = subject.caseNumber { _ = try fetchCase(db, number: number) }
    }

    // MARK: Reads

    /// Every complaint (newest first), or those in `state`, or open ones (not closed), or overdue ones (not answered, past
    /// the due date today).
    public func complaints(state: ComplaintState? = nil, openOnly: Bool = false, overdueOnly: Bool = false) throws -> [Complaint] {
        let now = clock.now
        return try read { db in
            let (_, today, _) = try Self.caseDay(db, now: now)
            var conditions: [String] = [], arguments: StatementArguments = []
            if let state { conditions.append("c.state = ?"); arguments += [state.rawValue] }
            if openOnly { conditions.append("c.state <> 'closed'") }
            if overdueOnly {
                conditions.append("c.state IN ('registered', 'assigned') AND c.due_on < ?")
                arguments += [today.description]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Self.fetchComplaints(db, "\(filter) ORDER BY c.received_at DESC, c.id DESC", arguments, today: today)
        }
    }

    /// One complaint by its number.
    public func complaint(number: String) throws -> Complaint {
        let now = clock.now
        return try read { db in try Self.requireComplaint(db, number: number, today: try Self.caseDay(db, now: now).today) }
    }

    /// For the supervisor's screen: the complaints not answered whose due date is at most `within` working days after
    /// `today` (default: the clock's business day) — overdue ones included — and those whose due date could not be
    /// counted, the earliest due first (uncounted last).
    public func complaintsDue(today: CivilDate? = nil, within days: Int = 2) throws -> [Complaint] {
        let now = clock.now
        return try read { db in
            let (_, clockToday, calendar) = try Self.caseDay(db, now: now)
            return try Self.complaintsDue(db, today: today ?? clockToday, calendar: calendar, within: days)
        }
    }

    /// `complaintsDue(today:within:)` inside the caller's read.
    static func complaintsDue(_ db: Database, today: CivilDate, calendar: WorkingCalendar, within days: Int = 2) throws -> [Complaint] {
        let horizon = (try? calendar.addingWorkingDays(max(0, days), to: today)) ?? today.adding(days: max(0, days))
        return try fetchComplaints(db, index: "complaint_awaiting", """
            WHERE c.state IN ('registered', 'assigned') AND (c.due_on <= ? OR c.due_on IS NULL)
            ORDER BY c.due_on IS NULL, c.due_on, c.id
            """, [horizon.description], today: today)
    }

    /// For the supervisor's screen: every complaint not closed — those awaiting their answer first, the earliest due
    /// first (uncounted after them), then the answered ones waiting for the complainant's satisfaction — at most `limit`.
    /// A new complaint is there from its registration, to be assigned.
    static func openComplaints(_ db: Database, today: CivilDate, limit: Int) throws -> [Complaint] {
        try fetchComplaints(db, """
            WHERE c.state <> 'closed'
            ORDER BY c.state = 'answered', c.due_on IS NULL, c.due_on, c.id LIMIT ?
            """, [limit], today: today)
    }

    /// The figures of the complaints received from `from` through `through` (`ComplaintSummary`), as they stand today.
    /// The reports' figures: a supervisor or an administrator (`viewReports`).
    public func complaintSummary(from: CivilDate, through: CivilDate, by actor: Actor) throws -> ComplaintSummary {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewReports, by: actor)
            return try Self.complaintSummary(db, from: from, through: through, today: try Self.caseDay(db, now: now).today)
        }
    }

    /// `complaintSummary(from:through:by:)` inside the caller's read (the report reads it with its other figures), as the
    /// complaints stand on `today`.
    static func complaintSummary(_ db: Database, from: CivilDate, through: CivilDate, today: CivilDate) throws -> ComplaintSummary {
        let complaints = try fetchComplaints(db, index: "complaint_received", "WHERE c.received_on BETWEEN ? AND ? ORDER BY c.id",
                                             [from.description, through.description], today: today)
        return ComplaintSummary.make(complaints, from: from, through: through, asOf: today)
    }

    static func requireComplaint(_ db: Database, number: String, today: CivilDate) throws -> Complaint {
        let number = number.uppercased()
        guard let found = try fetchComplaints(db, "WHERE c.number = ?", [number], today: today).first else {
            throw ComplaintError.unknownComplaint(number)
        }
        return found
    }

    /// Complaints by `clause` (on `complaint c`: the WHERE and the ORDER), through `index` if given, the handler's name
    /// joined; the due date of a row stored without one is counted again (the calendar may know the year by now).
    static func fetchComplaints(_ db: Database, index: String? = nil, _ clause: String, _ arguments: StatementArguments,
                                today: CivilDate) throws -> [Complaint] {
        var calendar: WorkingCalendar?
        var settings: HallSettings?
        return try db.fetchEach(cachedSQL: """
            SELECT c.number, c.received_on, c.received_at, c.source, c.work_order, c.complainant_name, c.complainant_phone,
                   c.about_window, c.about_staff, c.about_department, c.about_case, c.about_ticket, c.content, c.registered_by, c.due_on,
                   c.state, c.unit, c.handler, s.name, c.assigned_at, c.reply, c.answered_at, c.answered_on, c.answered_by,
                   c.satisfaction, c.closed_at, c.closed_by
            FROM complaint c \(index.map { "INDEXED BY \($0)" } ?? "") LEFT JOIN staff s ON s.id = c.handler \(clause)
            """, arguments: arguments) { row in
            let receivedOn = try CivilDate(parsing: row[1])
            var due = try (row[14] as String?).map { try CivilDate(parsing: $0) }
            if due == nil {
                if calendar == nil { calendar = try storedCalendar(db); settings = try HallSettings.load(db) }
                if let calendar, let settings {
                    due = try? ComplaintRule.deadline(receivedOn: receivedOn, days: settings.complaintDays, calendar: calendar)
                }
            }
            let answeredOn = try (row[22] as String?).map { try CivilDate(parsing: $0) }
            return Complaint(
                number: row[0], receivedOn: receivedOn, receivedAt: Date(millisecondsSince1970: row[2]),
                source: try decode(ComplaintSource.self, row[3], "complaint", "source"), workOrder: row[4], name: row[5], phone: row[6],
                subject: ComplaintSubject(window: row[7], staff: row[8], department: row[9], caseNumber: row[10], ticketCode: row[11]),
                content: row[12], registeredBy: row[13], dueOn: due,
                state: try decode(ComplaintState.self, row[15], "complaint", "state"), unit: row[16], handler: row[17], handlerName: row[18],
                assignedAt: (row[19] as Int64?).map(Date.init(millisecondsSince1970:)), reply: row[20],
                answeredAt: (row[21] as Int64?).map(Date.init(millisecondsSince1970:)), answeredOn: answeredOn, answeredBy: row[23],
                satisfaction: try (row[24] as String?).map { try decode(ComplaintSatisfaction.self, $0, "complaint", "satisfaction") },
                closedAt: (row[25] as Int64?).map(Date.init(millisecondsSince1970:)), closedBy: row[26],
                overdue: ComplaintRule.isOverdue(dueOn: due, answeredOn: answeredOn, today: today))
        }
    }
}
