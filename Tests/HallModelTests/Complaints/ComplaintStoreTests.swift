import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Complaints in the demo hall: registered (numbered, due after `complaint_days` working days, a 12345 transfer with its
/// work order), assigned, answered by the handler, closed with the satisfaction; who may; overdue by the injected clock;
/// the due list and the summary; one event each; the chain verifies.
@Suite struct ComplaintStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    var clerk: Actor { Actor(staff: "S02", terminal: .cli) }
    var handler: Actor { Actor(staff: "S03", terminal: .cli) }

    func register(_ source: ComplaintSource = .phone, order: String? = nil, window: Int? = 3) throws -> Complaint {
        try hall.database.registerComplaint(ComplaintRequest(source: source, workOrder: order, name: "张三丰", phone: "13800138000",
                                                             subject: ComplaintSubject(window: window, staff: "s03", ticketCode: "a012"),
                                                             content: "窗口人员态度生硬"), by: hall.supervisor)
    }

    @Test func aComplaintGoesFromRegisteredToClosed() throws {
        // Monday 2026-03-02: due Monday 2026-03-09.
        let events = try hall.eventCount()
        let c = try register(.hotline, order: "12345-0815")
        let due = try CivilDate(parsing: "2026-03-09"), answeredOn = try CivilDate(parsing: "2026-03-05")
        #expect(c.number == "TS-20260302-0001" && c.state == .registered && c.dueOn == due)
        #expect(c.workOrder == "12345-0815" && c.subject.staff == "S03" && c.subject.ticketCode == "A012")
        #expect(c.maskedName == "张*丰" && c.maskedPhone == "138****8000")
        #expect(try register().number == "TS-20260302-0002")

        let assigned = try hall.database.assignComplaint(number: c.number.lowercased(), to: "S03", by: hall.supervisor)
        #expect(assigned.state == .assigned && assigned.handler == "S03" && assigned.unit == "企业服务科" && assigned.handlerName == "张伟")
        let moved = try hall.database.assignComplaint(number: c.number, to: "S04", unit: "区市场监督管理局", by: hall.supervisor)
        #expect(moved.handler == "S04" && moved.unit == "区市场监督管理局")

        hall.clock.set("2026-03-05T10:00:00+08:00")
        let answered = try hall.database.answerComplaint(number: c.number, reply: "已约谈窗口人员并当面致歉", by: Actor(staff: "S04", terminal: .cli))
        #expect(answered.state == .answered && answered.answeredOn == answeredOn && answered.answeredOnTime == true)
        let closed = try hall.database.closeComplaint(number: c.number, satisfaction: .basicallySatisfied, by: hall.supervisor)
        #expect(closed.state == .closed && closed.satisfaction == .basicallySatisfied)

        #expect(try hall.eventCount() == events + 6)
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event ORDER BY id DESC LIMIT 4") }
        #expect(kinds == ["complaint_closed", "complaint_answered", "complaint_assigned", "complaint_assigned"])
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func theWorkOrderIsAHotlineTransfersOnly() throws {
        #expect(throws: ComplaintError.workOrderNeeded) { try register(.hotline) }
        #expect(throws: ComplaintError.workOrderNotHotline(.visit)) { try register(.visit, order: "123") }
        #expect(throws: ComplaintError.invalidWorkOrder("12 34")) { try register(.hotline, order: "12 34") }
        #expect(throws: QueueError.unknownWindow(99)) { try register(window: 99) }
    }

    @Test func whoMayDoWhat() throws {
        let events = try hall.eventCount()
        #expect(throws: AccessError.self) {
            try hall.database.registerComplaint(ComplaintRequest(source: .visit, name: "张三", phone: "13800138000", content: "x"), by: clerk)
        }
        #expect(try hall.eventCount() == events)
        let c = try register()
        #expect(throws: AccessError.self) { try hall.database.assignComplaint(number: c.number, to: "S03", by: clerk) }
        #expect(throws: ComplaintError.notAssigned(c.number)) { try hall.database.answerComplaint(number: c.number, reply: "答复", by: hall.supervisor) }
        _ = try hall.database.assignComplaint(number: c.number, to: "S03", by: hall.supervisor)
        // Another clerk is not the handler; the handler (a clerk) is.
        #expect(throws: AccessError.self) { try hall.database.answerComplaint(number: c.number, reply: "答复", by: clerk) }
        #expect(throws: ComplaintError.notAnswered(c.number)) { try hall.database.closeComplaint(number: c.number, satisfaction: .satisfied, by: hall.supervisor) }
        _ = try hall.database.answerComplaint(number: c.number, reply: "答复", by: handler)
        #expect(throws: ComplaintError.alreadyAnswered(c.number)) { try hall.database.answerComplaint(number: c.number, reply: "再答复", by: handler) }
        #expect(throws: AccessError.self) { try hall.database.closeComplaint(number: c.number, satisfaction: .satisfied, by: handler) }
        // A supervisor answers too (another complaint).
        let other = try register()
        _ = try hall.database.assignComplaint(number: other.number, to: "S03", by: hall.supervisor)
        #expect(try hall.database.answerComplaint(number: other.number, reply: "答复", by: hall.supervisor).state == .answered)
    }

    @Test func overdueAndDueByTheInjectedClock() throws {
        try hall.database.updateSettings({ var s = try hall.database.settings(); s.complaintDays = 3; return s }(), by: hall.admin)
        let late = try register()          // Mon 03-02 + 3: due Thu 03-05
        _ = try hall.database.assignComplaint(number: late.number, to: "S03", by: hall.supervisor)
        hall.clock.set("2026-03-04T09:00:00+08:00")
        let soon = try register()          // Wed 03-04 + 3: due Mon 03-09
        hall.clock.set("2026-03-05T16:00:00+08:00")
        #expect(try hall.database.complaints(overdueOnly: true).isEmpty)
        #expect(try hall.database.complaintsDue(within: 0).map(\.number) == [late.number])
        #expect(try hall.database.complaintsDue(within: 2).map(\.number) == [late.number, soon.number])
        hall.clock.set("2026-03-06T09:00:00+08:00")
        #expect(try hall.database.complaints(overdueOnly: true).map(\.number) == [late.number])
        #expect(try hall.database.complaint(number: late.number).overdue)
        // Answered late: no longer overdue, not on time.
        let answered = try hall.database.answerComplaint(number: late.number, reply: "已处理", by: handler)
        #expect(!answered.overdue && answered.answeredOnTime == false)
        #expect(try hall.database.complaints(openOnly: true).count == 2)
        let (first, last) = (try CivilDate(parsing: "2026-03-01"), try CivilDate(parsing: "2026-03-31"))
        let summary = try hall.database.complaintSummary(from: first, through: last, by: hall.supervisor)
        #expect(summary.received == 2 && summary.answered == 1 && summary.answeredOnTime == 0 && summary.overdue == 0)
        // The reports' figures: not a clerk's read.
        #expect(throws: AccessError.self) { try hall.database.complaintSummary(from: first, through: last, by: clerk) }
    }

    @Test func aDueDateTheCalendarCannotCountIsStoredEmpty() throws {
        hall.clock.set("2026-12-29T09:00:00+08:00")   // + 5 working days reaches 2027, whose schedule is not loaded
        let c = try register()
        #expect(c.dueOn == nil && !c.overdue)
        hall.clock.set("2027-02-01T09:00:00+08:00")
        #expect(try hall.database.complaintsDue().map(\.number) == [c.number])
        #expect(try hall.database.complaints(overdueOnly: true).isEmpty)
    }
}
