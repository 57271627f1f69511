import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Issue 11 (hallops11): the supervisor's hall actions — move a ticket, change a window's profile, sign a clerk out,
/// message the windows — on the demo hall (window 1 calls A and D, window 3 B and A, window 4 B only).
@Suite struct SupervisorHallActionTests {
    private func events(_ hall: TestHall, _ kind: EventKind) throws -> [AuditRecord] {
        var found: [AuditRecord] = []
        try hall.database.forEachAuditRecord(AuditFilter()) { if $0.kind == kind.rawValue { found.append($0) } }
        return found
    }

    // MARK: Move a ticket

    @Test func aMovedTicketKeepsItsCodeAndFollowsThePlacementRules() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")             // A001 at 09:00
        hall.clock.advance(minutes: 2)
        _ = try hall.issue("B")             // B001 at 09:02
        hall.clock.advance(minutes: 2)
        _ = try hall.issue("B")             // B002 at 09:04
        let moved = try hall.database.moveTicket(code: "A001", toLine: "B", reason: "办理企业开办", by: hall.supervisor)
        #expect(moved.code == "A001" && moved.state == .waiting && moved.transferCount == 1)
        #expect(moved.issuedAt == HallClock.parseISO8601("2026-03-02T09:00:00+08:00"))
        // Original place: its issue time puts it ahead of B001 at window 4 (B only).
        #expect(try hall.database.callingOrder(window: 4).map(\.code) == ["A001", "B001", "B002"])
        // Back of line E, then to the front of B.
        try hall.database.moveTicket(code: "B002", toLine: "E", placement: .back, by: hall.supervisor)
        try hall.database.moveTicket(code: "B002", toLine: "B", placement: .front, by: hall.supervisor)
        #expect(try hall.database.callingOrder(window: 4).map(\.code) == ["B002", "A001", "B001"])
        #expect(throws: QueueError.sameLineTransfer("B")) { try hall.database.moveTicket(code: "B001", toLine: "B", by: hall.supervisor) }
        #expect(throws: QueueError.unknownLine("Z")) { try hall.database.moveTicket(code: "B001", toLine: "Z", by: hall.supervisor) }

        // The event is a transfer by the supervisor, at no window, saying where from and why; verify re-derives the states.
        let transfers = try events(hall, .transfer)
        #expect(transfers.count == 3)
        let first = try #require(transfers.first)
        #expect(first.actor == "M01" && first.windowID == nil)
        #expect(first.detail == #"{"from":"waiting","note":null,"placement":"original","reason":"办理企业开办","to_line":"B"}"#)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func aHeldTicketLeavesItsWindowAndACalledOrFinishedOneIsRefused() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))              // A001 called at window 1
        try hall.database.hold(window: 1, by: hall.clerk(1))
        let moved = try hall.database.moveTicket(code: "A001", toLine: "D", by: hall.supervisor)
        #expect(moved.state == .waiting && moved.windowID == nil && moved.callCount == 0)
        #expect(try hall.database.heldTickets(window: 1).isEmpty)
        #expect(try events(hall, .transfer).last?.windowID == 1)  // the window it was held at reloads

        _ = try hall.database.callNext(window: 2, by: hall.clerk(2))              // A002 (A before D at window 2)
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .called, action: .move)) {
            try hall.database.moveTicket(code: "A002", toLine: "B", by: hall.supervisor)
        }
        _ = try hall.database.start(window: 2, by: hall.clerk(2))
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .serving, action: .move)) {
            try hall.database.moveTicket(code: "A002", toLine: "B", by: hall.supervisor)
        }
        _ = try hall.database.finish(window: 2, by: hall.clerk(2))
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .finished, action: .move)) {
            try hall.database.moveTicket(code: "A002", toLine: "B", by: hall.supervisor)
        }
        // The moved ticket is called on its new line; the figures and verify still agree.
        #expect(try hall.database.callNext(window: 6, by: hall.clerk(6))?.ticket.code == "A001")
        #expect(try hall.database.verifyAudit().isIntact)
    }

    // MARK: A window's profile

    @Test func aWindowsProfileChangesAtItsNextCallAndKeepsItsTicket() throws {
        let hall = try TestHall()
        _ = try hall.issue("B"); _ = try hall.issue("C")
        _ = try hall.database.callNext(window: 4, by: hall.clerk(4))              // B001 at window 4 (B only)
        let changed = try hall.database.setWindowProfile(window: 4, lines: [("c", 1), ("B", 0.5)], filter: .all, by: hall.supervisor)
        #expect(changed.profile.map(\.weight) == [1, 0.5])
        #expect(try hall.database.activeTicket(window: 4)?.code == "B001")       // the ticket in hand stays
        try hall.database.start(window: 4, by: hall.clerk(4))
        try hall.database.finish(window: 4, by: hall.clerk(4))
        #expect(try hall.database.callNext(window: 4, by: hall.clerk(4))?.ticket.code == "C001")

        let event = try #require(try events(hall, .windowProfileSet).last)
        #expect(event.actor == "M01" && event.windowID == 4 && event.staffID == "S04")
        #expect(event.detail == #"{"filter":"all","from_filter":"all","from_lines":"B:1.0","lines":"C:1.0,B:0.5"}"#)

        #expect(throws: SetupError.windowUnchanged(4)) {
            try hall.database.setWindowProfile(window: 4, lines: [("C", 1), ("B", 0.5)], by: hall.supervisor)
        }
        #expect(throws: SetupError.lineTwiceInProfile("B")) {
            try hall.database.setWindowProfile(window: 4, lines: [("B", 1), ("b", 2)], by: hall.supervisor)
        }
        #expect(throws: SetupError.emptyProfile) { try hall.database.setWindowProfile(window: 4, lines: [], by: hall.supervisor) }
        #expect(throws: SetupError.badWeight("B")) { try hall.database.setWindowProfile(window: 4, lines: [("B", 0)], by: hall.supervisor) }
        #expect(throws: QueueError.unknownLine("Z")) { try hall.database.setWindowProfile(window: 4, lines: [("Z", 1)], by: hall.supervisor) }
        #expect(throws: QueueError.unknownWindow(42)) { try hall.database.setWindowProfile(window: 42, lines: [("A", 1)], by: hall.supervisor) }
        // A filter alone is a change.
        #expect(try hall.database.setWindowProfile(window: 4, lines: [("C", 1), ("B", 0.5)], filter: .priorityOnly, by: hall.supervisor).filter
                == .priorityOnly)
    }

    // MARK: Sign a clerk out

    @Test func aSupervisorSignsAClerkOutNamingBothAndNotWhileAnApplicantIsAtTheCounter() throws {
        let hall = try TestHall()
        _ = try hall.issue("B")
        _ = try hall.database.callNext(window: 3, by: hall.clerk(3))
        #expect(throws: QueueError.windowBusy(window: 3, code: "B001")) {
            try hall.database.closeWindow(3, reason: "调岗", by: hall.supervisor)
        }
        try hall.database.requeue(window: 3, by: hall.supervisor)
        let closed = try hall.database.closeWindow(3, reason: "调岗到咨询台", by: hall.supervisor)
        #expect(closed.state == .closed && closed.staffID == nil)
        let event = try #require(try events(hall, .signOut).last)
        #expect(event.actor == "M01" && event.staffID == "S03" && event.windowID == 3)
        #expect(event.detail == #"{"note":"调岗到咨询台","reason":"supervisor"}"#)
        // The clerk's own sign-out names no supervisor.
        try hall.database.closeWindow(4, by: hall.clerk(4))
        #expect(try events(hall, .signOut).last?.detail == nil)
    }

    // MARK: Messages to windows

    @Test func aMessageToOneWindowShowsThereUntilItsClerkReadsIt() throws {
        let hall = try TestHall()
        let message = try hall.database.sendWindowMessage(to: .window(3), text: "  请3号窗口暂停叫号，到服务台 ", by: hall.supervisor)
        #expect(message.text == "请3号窗口暂停叫号，到服务台" && message.senderName == "周建国" && message.senderID == "M01")
        #expect(try hall.database.unreadWindowMessages(window: 3).map(\.id) == [message.id])
        #expect(try hall.database.unreadWindowMessages(window: 4).isEmpty)
        #expect(try hall.database.windowView(3).messages.map(\.text) == ["请3号窗口暂停叫号，到服务台"])
        #expect(throws: WindowMessageError.notForThisWindow(message: message.id, window: 4)) {
            try hall.database.markWindowMessageRead(message.id, window: 4, by: hall.clerk(4))
        }
        hall.clock.advance(minutes: 1)
        let read = try hall.database.markWindowMessageRead(message.id, window: 3, by: hall.clerk(3))
        #expect(read.staffID == "S03" && read.staffName == "张伟")
        #expect(try hall.database.unreadWindowMessages(window: 3).isEmpty)
        #expect(throws: WindowMessageError.alreadyRead(message: message.id, window: 3)) {
            try hall.database.markWindowMessageRead(message.id, window: 3, by: hall.clerk(3))
        }
        let sent = try #require(try hall.database.windowMessages().first)
        #expect(sent.reads.map(\.window) == [3] && sent.isRead(by: 3))
        let events = (try events(hall, .windowMessageSent), try events(hall, .windowMessageRead))
        #expect(events.0.count == 1 && events.0.first?.windowID == 3 && events.0.first?.actor == "M01")
        #expect(events.1.count == 1 && events.1.first?.staffID == "S03" && events.1.first?.actor == "S03")
    }

    @Test func aMessageToAllIsReadPerWindow() throws {
        let hall = try TestHall()
        let message = try hall.database.sendWindowMessage(to: .all, text: "下午三点例会", by: hall.supervisor)
        #expect(try events(hall, .windowMessageSent).first?.detail?.contains(#""to":"all""#) == true)
        for w in 1...8 { #expect(try hall.database.unreadWindowMessages(window: w).count == 1) }
        try hall.database.markWindowMessageRead(message.id, window: 2, by: hall.clerk(2))
        try hall.database.markWindowMessageRead(message.id, window: 5, by: hall.clerk(5))
        #expect(try hall.database.unreadWindowMessages(window: 2).isEmpty)
        #expect(try hall.database.unreadWindowMessages(window: 1).count == 1)
        let sent = try #require(try hall.database.windowMessages(on: hall.database.today()).first)
        #expect(sent.message.target == .all && sent.reads.map(\.window) == [2, 5])
        // Yesterday's unread messages are not today's: a new business day starts with none.
        hall.clock.set("2026-03-03T09:00:00+08:00")
        #expect(try hall.database.unreadWindowMessages(window: 1).isEmpty)
        #expect(try hall.database.windowMessages(on: "2026-03-02").count == 1)
        #expect(try hall.database.windowMessages().isEmpty)
    }

    @Test func aMessageIsShortPrintableTextToAWindowThatExists() throws {
        let hall = try TestHall()
        let long = String(repeating: "长", count: WindowMessage.textLimit + 1)
        #expect(throws: FreeTextError.tooLong(WindowMessage.textField, limit: 120)) {
            try hall.database.sendWindowMessage(to: .all, text: long, by: hall.supervisor)
        }
        #expect(throws: FreeTextError.controlCharacters(WindowMessage.textField)) {
            try hall.database.sendWindowMessage(to: .all, text: "清屏\u{1b}[2J", by: hall.supervisor)
        }
        #expect(throws: FreeTextError.empty(WindowMessage.textField)) { try hall.database.sendWindowMessage(to: .all, text: "  ", by: hall.supervisor) }
        #expect(throws: QueueError.unknownWindow(42)) { try hall.database.sendWindowMessage(to: .window(42), text: "在吗", by: hall.supervisor) }
        #expect(try hall.database.sendWindowMessage(to: .all, text: String(repeating: "满", count: 120), by: hall.supervisor).text.count == 120)
    }

    /// A message reaches a window screen's reload: an event on the window (one message) or on none (to all).
    @Test func aMessageConcernsTheWindowsItIsFor() throws {
        let hall = try TestHall()
        let mark = try hall.database.lastEventID()
        try hall.database.sendWindowMessage(to: .window(3), text: "请到服务台", by: hall.supervisor)
        let one = try hall.database.changes(after: mark)
        #expect(one.concern(window: 3, lines: []) && !one.concern(window: 4, lines: []))
        try hall.database.sendWindowMessage(to: .all, text: "例会", by: hall.supervisor)
        #expect(try hall.database.changes(after: one.lastEventID).concern(window: 4, lines: []))
    }
}
