import Foundation
import Testing
@testable import HallModel
import Queue

/// Issue 8: the ticket's note (audited, travels with holds and transfers), where a transferred ticket came
/// from, how long a ticket is held, `c CODE` naming the window that has the ticket, and the ticket's history.
@Suite struct TicketNoteTests {
    @Test func theWindowsClerkSetsAndClearsANoteAsOneAuditedEvent() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        let before = try hall.eventCount()
        let noted = try hall.database.setTicketNote(code: "a001", note: "  缺身份证复印件 ", by: hall.clerk(1))
        #expect(noted.note == "缺身份证复印件")
        #expect(try hall.database.ticket(code: "A001").note == "缺身份证复印件")
        #expect(try hall.eventCount() == before + 1)
        let event = try #require(try hall.database.auditEntries(AuditFilter(ticketCode: "A001")).last)
        #expect(event.record.kind == "ticket_note" && event.record.actor == "S01" && event.record.windowID == 1)
        #expect(event.record.detail == #"{"note":"缺身份证复印件"}"#)

        // The same note again is refused, not recorded; clearing it is an event with a null note.
        #expect(throws: QueueError.noteUnchanged("A001")) { try hall.database.setTicketNote(code: "A001", note: "缺身份证复印件", by: hall.clerk(1)) }
        #expect(try hall.database.setTicketNote(code: "A001", note: nil, by: hall.clerk(1)).note == nil)
        #expect(try hall.database.auditEntries(AuditFilter(ticketCode: "A001")).last?.record.detail == #"{"note":null}"#)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func onlyTheWindowsClerkOrASupervisorMayWriteTheNote() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        let before = try hall.eventCount()
        #expect(throws: AccessError.self) { try hall.database.setTicketNote(code: "A001", note: "x", by: hall.clerk(2)) }
        // A waiting ticket is at no window: only a supervisor (S01, the demo's clerk at window 1, is also one).
        #expect(throws: AccessError.self) { try hall.database.setTicketNote(code: "A002", note: "x", by: hall.clerk(3)) }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.setTicketNote(code: "A002", note: "老人，坐轮椅", by: hall.supervisor).note == "老人，坐轮椅")
        #expect(try hall.database.setTicketNote(code: "A001", note: "补充", by: hall.supervisor).note == "补充")
    }

    @Test func aNoteIsCleanedAndAClosedTicketsNoteIsPartOfItsRecord() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        #expect(throws: FreeTextError.empty(FreeText.ticketNote)) { try hall.database.setTicketNote(code: "A001", note: "  ", by: hall.clerk(1)) }
        #expect(throws: FreeTextError.controlCharacters(FreeText.ticketNote)) {
            try hall.database.setTicketNote(code: "A001", note: "a\u{1B}[2Jb", by: hall.clerk(1))
        }
        #expect(throws: FreeTextError.tooLong(FreeText.ticketNote, limit: FreeText.ticketNoteLimit)) {
            try hall.database.setTicketNote(code: "A001", note: String(repeating: "备", count: FreeText.ticketNoteLimit + 1), by: hall.clerk(1))
        }
        try hall.database.start(window: 1, by: hall.clerk(1))
        try hall.database.finish(window: 1, by: hall.clerk(1))
        #expect(throws: QueueError.noteOnClosedTicket(code: "A001", state: .finished)) {
            try hall.database.setTicketNote(code: "A001", note: "迟到的备注", by: hall.supervisor)
        }
    }

    @Test func theNoteTravelsWithHoldAndTransferAndTheNewWindowSeesWhereItCameFrom() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        try hall.database.setTicketNote(code: "A001", note: "缺营业执照副本", by: hall.clerk(1))
        try hall.database.hold(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 12)
        // Held: the window lists it with the time it was put on hold, and its note.
        let held = try #require(try hall.database.windowView(1).held.first)
        #expect(held.ticket.note == "缺营业执照副本")
        #expect(held.heldSince == hall.clock.now.addingTimeInterval(-12 * 60))
        try hall.database.resumeHeld(window: 1, code: "A001", by: hall.clerk(1))
        hall.clock.advance(minutes: 1)
        let moved = try hall.database.transfer(window: 1, toLine: "B", placement: .front, by: hall.clerk(1))
        #expect(moved.note == "缺营业执照副本")
        let transferEvent = try #require(try hall.database.auditEntries(AuditFilter(ticketCode: "A001")).last)
        #expect(transferEvent.record.detail == #"{"note":"缺营业执照副本","placement":"front","to_line":"B"}"#)

        let called = try #require(try hall.database.callNext(window: 4, by: hall.clerk(4)))
        #expect(called.ticket.code == "A001" && called.ticket.note == "缺营业执照副本")
        let current = try #require(try hall.database.windowView(4).current)
        let origin = try #require(current.origin)
        #expect(origin.line?.prefix == "A" && origin.window == 1 && origin.windowName == "综合受理一")
        #expect(origin.note == "缺营业执照副本")
        #expect(current.heldSince == nil)
        // A ticket never transferred has no origin.
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))
        #expect(try hall.database.windowView(2).current?.origin == nil)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aTransferCanReplaceTheNoteInTheSameTransaction() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        try hall.database.setTicketNote(code: "A001", note: "旧备注", by: hall.clerk(1))
        let before = try hall.eventCount()
        let moved = try hall.database.transfer(window: 1, toLine: "B", note: "请核对章程", by: hall.clerk(1))
        #expect(moved.note == "请核对章程")
        #expect(try hall.eventCount() == before + 1)
        #expect(try hall.database.ticketHistory(code: "A001").transfers.last?.note == "请核对章程")
    }

    @Test func callingATicketThatIsAtAnotherWindowNamesThatWindow() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        let before = try hall.eventCount()
        #expect(throws: QueueError.ticketAtAnotherWindow(code: "A001", state: .called, window: 1, windowName: "综合受理一")) {
            try hall.database.callSpecific(window: 2, code: "A001", by: hall.clerk(2))
        }
        try hall.database.start(window: 1, by: hall.clerk(1))
        let serving = #expect(throws: QueueError.self) { try hall.database.callSpecific(window: 2, code: "a001", by: hall.clerk(2)) }
        #expect(serving?.message.zh == "A001 号正在 1 号窗口（综合受理一）办理。")
        #expect(serving?.message.en == "Ticket A001 is being served at window 1 (综合受理一).")
        try hall.database.hold(window: 1, by: hall.clerk(1))
        #expect(throws: QueueError.ticketAtAnotherWindow(code: "A001", state: .held, window: 1, windowName: "综合受理一")) {
            try hall.database.callSpecific(window: 2, code: "A001", by: hall.clerk(2))
        }
        #expect(try hall.eventCount() == before + 2)
        // A finished ticket is refused by the state machine as before.
        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))
        try hall.database.start(window: 2, by: hall.clerk(2))
        try hall.database.finish(window: 2, by: hall.clerk(2))
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .finished, action: .call)) {
            try hall.database.callSpecific(window: 2, code: "A002", by: hall.clerk(2))
        }
    }

    @Test func theHistoryHasEveryCallTransferHoldAndNote() throws {
        let hall = try TestHall()
        _ = try hall.database.issueTicket(IssueRequest(linePrefix: "A", priority: .elderly, source: .desk), by: hall.clerk(1))
        hall.clock.advance(minutes: 5)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 1)
        try hall.database.recall(window: 1, by: hall.clerk(1))
        try hall.database.setTicketNote(code: "A001", note: "转企业开办", by: hall.clerk(1))
        try hall.database.transfer(window: 1, toLine: "B", by: hall.clerk(1))
        _ = try hall.database.callNext(window: 4, by: hall.clerk(4))
        try hall.database.start(window: 4, by: hall.clerk(4))
        try hall.database.hold(window: 4, by: hall.clerk(4))
        hall.clock.advance(minutes: 3)
        try hall.database.resumeHeld(window: 4, code: "A001", by: hall.clerk(4))
        try hall.database.start(window: 4, by: hall.clerk(4))
        try hall.database.finish(window: 4, by: hall.clerk(4))

        let history = try hall.database.ticketHistory(code: "A001")
        #expect(history.ticket.state == .finished && history.ticket.source == .desk && history.ticket.priority == .elderly)
        #expect(history.line.prefix == "B" && history.originLine.prefix == "A")
        #expect(history.ticket.windowID == 4 && history.windowName == "企业开办二" && history.staffID == "S04")
        #expect(history.ticket.note == "转企业开办")
        #expect(history.steps.map(\.kind) == [.issue, .call, .recall, .ticketNote, .transfer, .call, .start, .hold, .resume, .start, .finish])
        #expect(history.calls.map(\.kind) == [.call, .recall, .call, .resume])
        #expect(history.calls.map(\.window) == [1, 1, 4, 4])
        #expect(history.calls.first?.callReason == .priority)
        let transfer = try #require(history.transfers.first)
        #expect(transfer.fromLine == "A" && transfer.line == "B" && transfer.window == 1 && transfer.placement == .original)
        #expect(transfer.note == "转企业开办")
        let hold = try #require(history.holds.first)
        #expect(hold.window == 4 && hold.endedBy == .resume && hold.until.map { $0.timeIntervalSince(hold.at) } == 180)
        #expect(history.heldSince == nil)

        // By date; an unknown code or date says which.
        #expect(try hall.database.ticketHistory(code: "A001", businessDate: "2026-03-02").ticket.id == history.ticket.id)
        #expect(throws: QueueError.unknownTicketOn(code: "A001", date: "2026-03-01")) {
            try hall.database.ticketHistory(code: "A001", businessDate: "2026-03-01")
        }
        #expect(throws: CivilDateError.notARealDate("2026-02-30")) { try hall.database.ticketHistory(code: "A001", businessDate: "2026-02-30") }
        #expect(try hall.database.verifyAudit().isIntact)
    }
}
