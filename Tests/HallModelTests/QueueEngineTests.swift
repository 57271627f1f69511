import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

@Suite struct NumberingTests {
    @Test func numbersRunPerLineFromOne() throws {
        let hall = try TestHall()
        #expect(try hall.issue("A").code == "A001")
        #expect(try hall.issue("A").code == "A002")
        #expect(try hall.issue("B").code == "B001")
    }

    @Test func numbersWidenPast999() throws {
        let hall = try TestHall()
        let first = try hall.issue("A")
        // Jump the day's sequence to 998 directly rather than issuing a thousand tickets.
        try hall.database.writer.write { db in
            try db.execute(sql: "UPDATE ticket SET sequence = 998, code = 'A998' WHERE id = ?", arguments: [first.id])
        }
        #expect(try hall.issue("A").code == "A999")
        #expect(try hall.issue("A").code == "A1000")
        #expect(try hall.issue("A").code == "A1001")
    }

    @Test func numberingResetsAtTheHallsMidnightNotUTCs() throws {
        let clock = TestClock("2026-03-02T23:58:00+08:00")
        let hall = try TestHall(clock: clock)
        #expect(try hall.issue("A").code == "A001")
        #expect(try hall.issue("A").code == "A002")
        // 16:05 UTC is already 00:05 the next day in Shanghai.
        clock.set("2026-03-02T16:05:00Z")
        let next = try hall.issue("A")
        #expect(next.code == "A001")
        #expect(next.businessDate == "2026-03-03")
    }

    @Test func theHallsTimeZoneDecidesTheBusinessDate() throws {
        let clock = TestClock("2026-03-02T20:00:00Z")
        let hall = try TestHall(clock: clock)
        #expect(try hall.issue("A").businessDate == "2026-03-03")
        var settings = try hall.database.settings()
        settings.timeZoneIdentifier = "Europe/London"
        try hall.database.updateSettings(settings, by: hall.admin)
        let london = try hall.issue("A")
        #expect(london.businessDate == "2026-03-02")
        #expect(london.code == "A001")
    }

    @Test func closedLinesAndDailyCapsRefuseWithoutWriting() throws {
        let hall = try TestHall()
        try hall.database.addLine(prefix: "F", name: "公积金", targetWaitMinutes: 10, dailyCap: 2, by: hall.admin)
        _ = try hall.issue("F"); _ = try hall.issue("F")
        // Closing a line is itself an event: done before counting.
        try hall.database.setLineOpen("A", false, by: hall.supervisor)
        let before = try hall.eventCount()
        #expect(throws: QueueError.dailyCapReached(line: "F", cap: 2)) { try hall.issue("F") }
        #expect(throws: QueueError.lineClosed("A")) { try hall.issue("A") }
        #expect(throws: QueueError.unknownLine("Q")) { try hall.issue("Q") }
        #expect(throws: ClockError.malformedTime("9:3")) { try hall.issue("B", at: "9:3") }
        #expect(try hall.eventCount() == before)
    }

    @Test func estimateCountsPeopleAheadAndOpenWindows() throws {
        let hall = try TestHall()
        let a = try hall.database.issueTicket(IssueRequest(linePrefix: "C"), by: hall.kiosk)
        #expect(a.ahead == 0 && a.estimatedWaitMinutes == 0)
        _ = try hall.issue("C")
        let c = try hall.database.issueTicket(IssueRequest(linePrefix: "C"), by: hall.kiosk)
        // Line C: default 15 min service. A normal ticket is served by window 5 only (window 8 takes priority
        // tickets only, issue 8 review); a priority ticket by both.
        #expect(c.ahead == 2)
        #expect(c.estimatedWaitMinutes == 30)
        _ = try hall.issue("C", .elderly)
        let p = try hall.database.issueTicket(IssueRequest(linePrefix: "C", priority: .disabled), by: hall.kiosk)
        #expect(p.ahead == 1 && p.estimatedWaitMinutes == 8)
    }
}

@Suite struct LifecycleThroughTheDatabaseTests {
    @Test func aTicketWalksTheWholeHappyPath() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        let called = try #require(try hall.database.callNext(window: 1, by: hall.clerk(1)))
        #expect(called.ticket.code == "A001" && called.ticket.state == .called && called.ticket.windowID == 1)
        hall.clock.advance(minutes: 1)
        #expect(try hall.database.recall(window: 1, by: hall.clerk(1)).callCount == 2)
        #expect(try hall.database.start(window: 1, by: hall.clerk(1)).state == .serving)
        hall.clock.advance(minutes: 5)
        #expect(try hall.database.finish(window: 1, by: hall.clerk(1)).state == .finished)
        #expect(try hall.database.activeTicket(window: 1) == nil)
        let kinds = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE ticket_id IS NOT NULL ORDER BY id") }
        #expect(kinds == ["issue", "call", "recall", "start", "finish"])
        let announcements = try hall.database.read { try String.fetchAll($0, sql: "SELECT kind FROM announcement ORDER BY id") }
        #expect(announcements == ["call", "recall"])
    }

    @Test func refusedActionsChangeNothing() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        #expect(throws: QueueError.noActiveTicket(window: 1)) { try hall.database.finish(window: 1, by: hall.clerk(1)) }
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        let before = try hall.eventCount()
        #expect(throws: QueueError.illegalTransition(code: "A001", from: .called, action: .finish)) { try hall.database.finish(window: 1, by: hall.clerk(1)) }
        #expect(throws: QueueError.windowBusy(window: 1, code: "A001")) { try hall.database.callNext(window: 1, by: hall.clerk(1)) }
        #expect(throws: QueueError.tooFewCallsForNoShow(code: "A001", calls: 1, required: 2)) { try hall.database.noShow(window: 1, by: hall.clerk(1)) }
        #expect(throws: QueueError.ticketAtAnotherWindow(code: "A001", state: .called, window: 1, windowName: "综合受理一")) {
            try hall.database.callSpecific(window: 2, code: "A001", by: hall.clerk(2))
        }
        #expect(throws: QueueError.unknownWindow(42)) { try hall.database.callNext(window: 42, by: hall.supervisor) }
        #expect(try hall.eventCount() == before)
        #expect(try hall.state("A001") == .called)
        #expect(try hall.state("A002") == .waiting)
    }

    @Test func noShowAfterEnoughCallsAndTheThresholdIsConfigurable() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        try hall.database.recall(window: 1, by: hall.clerk(1))
        #expect(try hall.database.noShow(window: 1, by: hall.clerk(1)).state == .noShow)
        var settings = try hall.database.settings()
        settings.noShowAfterCalls = 1
        try hall.database.updateSettings(settings, by: hall.admin)
        _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        #expect(try hall.database.noShow(window: 1, by: hall.clerk(1)).state == .noShow)
    }

    @Test func holdAndCallBackAtTheSameWindow() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        try hall.database.start(window: 1, by: hall.clerk(1))
        #expect(try hall.database.hold(window: 1, by: hall.clerk(1)).state == .held)
        #expect(try hall.database.heldTickets(window: 1).map(\.code) == ["A001"])
        // The window is free again: it calls the next ticket meanwhile.
        #expect(try hall.database.callNext(window: 1, by: hall.clerk(1))?.ticket.code == "A002")
        #expect(throws: QueueError.windowBusy(window: 1, code: "A002")) { try hall.database.resumeHeld(window: 1, code: "A001", by: hall.clerk(1)) }
        try hall.database.start(window: 1, by: hall.clerk(1)); try hall.database.finish(window: 1, by: hall.clerk(1))
        #expect(throws: QueueError.notHeldHere(code: "A001", window: 2)) { try hall.database.resumeHeld(window: 2, code: "A001", by: hall.clerk(2)) }
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .finished, action: .resume)) {
            try hall.database.resumeHeld(window: 2, code: "A002", by: hall.clerk(2))
        }
        let back = try hall.database.resumeHeld(window: 1, code: "a001", by: hall.clerk(1))
        #expect(back.state == .called && back.windowID == 1)
    }

    @Test func transferKeepsTheCodeAndHonoursPlacement() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")            // A001 issued at 09:00
        hall.clock.advance(minutes: 2)
        _ = try hall.issue("B")            // B001 at 09:02
        hall.clock.advance(minutes: 2)
        _ = try hall.issue("B")            // B002 at 09:04
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 1)
        let moved = try hall.database.transfer(window: 1, toLine: "B", placement: .original, by: hall.clerk(1))
        #expect(moved.code == "A001" && moved.state == .waiting && moved.transferCount == 1)
        // Original arrival (09:00) puts it ahead of B001 (09:02) at window 4, which serves only B.
        #expect(try hall.database.callNext(window: 4, by: hall.clerk(4))?.ticket.code == "A001")
        #expect(throws: QueueError.sameLineTransfer("B")) { try hall.database.transfer(window: 4, toLine: "B", by: hall.clerk(4)) }
        try hall.database.transfer(window: 4, toLine: "E", placement: .back, by: hall.clerk(4))
        hall.clock.advance(minutes: 1)
        _ = try hall.issue("E")
        #expect(try hall.database.callNext(window: 7, by: hall.clerk(7))?.ticket.code == "A001")
        try hall.database.transfer(window: 7, toLine: "B", placement: .front, by: hall.clerk(7))
        #expect(try hall.database.callingOrder(window: 4).map(\.code) == ["A001", "B001", "B002"])
        _ = try hall.database.callNext(window: 4, by: hall.clerk(4))
        #expect(throws: QueueError.unknownLine("Z")) { try hall.database.transfer(window: 4, toLine: "Z", by: hall.clerk(4)) }
        hall.clock.advance(minutes: 1)
        try hall.database.transfer(window: 4, toLine: "E", placement: .back, by: hall.clerk(4))
        #expect(try hall.database.callingOrder(window: 7).map(\.code) == ["E001", "A001"])
    }

    @Test func cancelAndRequeue() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        #expect(try hall.database.cancel(code: "A002", by: hall.supervisor).state == .cancelled)
        #expect(throws: QueueError.illegalTransition(code: "A002", from: .cancelled, action: .cancel)) { try hall.database.cancel(code: "A002", by: hall.supervisor) }
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        #expect(try hall.database.requeue(window: 1, by: hall.clerk(1)).state == .waiting)
        #expect(try hall.database.callNext(window: 2, by: hall.clerk(2))?.ticket.code == "A001")
        #expect(throws: QueueError.unknownTicket("A999")) { try hall.database.cancel(code: "A999", by: hall.supervisor) }
    }

    @Test func pausedAndClosedWindowsDoNotCall() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        try hall.database.pauseWindow(1, reason: "午休", by: hall.clerk(1))
        #expect(throws: QueueError.windowPaused(window: 1, reason: "午休")) { try hall.database.callNext(window: 1, by: hall.clerk(1)) }
        #expect(throws: FreeTextError.empty(FreeText.pauseReason)) { try hall.database.pauseWindow(2, reason: "  ", by: hall.clerk(2)) }
        try hall.database.resumeWindow(1, by: hall.clerk(1))
        #expect(throws: WindowStateError.notPaused(1)) { try hall.database.resumeWindow(1, by: hall.clerk(1)) }
        try hall.database.closeWindow(2, by: hall.clerk(2))
        // Closed, nobody signed in: a supervisor (who may act at any window) is refused because it is closed.
        #expect(throws: QueueError.windowClosed(2)) { try hall.database.callNext(window: 2, by: hall.supervisor) }
        // A person signs themselves in: an unknown staff number cannot.
        #expect(throws: AccessError.unknownOrInactive("X9")) {
            try hall.database.openWindow(2, by: Actor(staff: "X9", terminal: .window(2)))
        }
        try hall.database.openWindow(2, by: hall.clerk(2))
        #expect(try hall.database.callNext(window: 2, by: hall.clerk(2))?.ticket.code == "A001")
        #expect(throws: QueueError.windowBusy(window: 2, code: "A001")) { try hall.database.closeWindow(2, by: hall.clerk(2)) }
    }

    @Test func callNextReturnsNilWhenNothingWaits() throws {
        let hall = try TestHall()
        #expect(try hall.database.callNext(window: 1, by: hall.clerk(1)) == nil)
        _ = try hall.issue("E")
        #expect(try hall.database.callNext(window: 1, by: hall.clerk(1)) == nil)
    }

    @Test func policyInTheDatabaseMatchesThePurePolicy() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        hall.clock.advance(minutes: 1)
        _ = try hall.issue("A", .elderly)
        _ = try hall.issue("A", .greenChannel)
        _ = try hall.issue("D", .disabled)
        _ = try hall.issue("D")
        let expected = try hall.database.callingOrder(window: 1).map(\.code)
        var actual: [String] = []
        while let c = try hall.database.callNext(window: 1, by: hall.clerk(1)) {
            actual.append(c.ticket.code)
            try hall.database.start(window: 1, by: hall.clerk(1)); try hall.database.finish(window: 1, by: hall.clerk(1))
        }
        #expect(actual == expected)
        #expect(actual == ["A003", "A002", "D001", "A001", "D002"])
    }

    @Test func dayCloseClosesOpenTicketsAndWindows() throws {
        let hall = try TestHall()
        try hall.database.addLine(prefix: "K", name: "留号", targetWaitMinutes: 30, keepsOvernight: true, by: hall.admin)
        _ = try hall.issue("A"); _ = try hall.issue("A"); _ = try hall.issue("K"); _ = try hall.issue("B")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        _ = try hall.database.callNext(window: 4, by: hall.clerk(4))
        try hall.database.hold(window: 4, by: hall.clerk(4))
        let summary = try hall.database.closeDay(by: hall.supervisor)
        #expect(summary.closedUnserved == 3 && summary.keptOvernight == 1 && summary.windowsClosed == 8)
        #expect(try hall.state("A001") == .unserved)
        #expect(try hall.state("B001") == .unserved)
        #expect(try hall.state("K001") == .waiting)
        #expect(try hall.database.windows().allSatisfy { $0.state == .closed && $0.staffID == nil })
    }

    @Test func theEventLogIsAppendOnly() throws {
        let hall = try TestHall()
        let seeded = try hall.eventCount()
        _ = try hall.issue("A")
        #expect(throws: DatabaseError.self) { try hall.database.writer.write { try $0.execute(sql: "DELETE FROM hall_event") } }
        #expect(throws: DatabaseError.self) { try hall.database.writer.write { try $0.execute(sql: "UPDATE hall_event SET kind = 'x'") } }
        #expect(try hall.eventCount() == seeded + 1)
    }

    @Test func oneActiveTicketPerWindowIsEnforcedByTheSchema() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        #expect(throws: DatabaseError.self) {
            try hall.database.writer.write { try $0.execute(sql: "UPDATE ticket SET state = 'called', window_id = 1 WHERE code = 'A002'") }
        }
    }
}

@Suite struct StatisticsTests {
    @Test func figuresComeFromTheEventLog() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")                          // waits 4 min, serves 6 min
        hall.clock.advance(minutes: 1)
        _ = try hall.issue("A")                          // waits 20 min (target 15): no-show
        hall.clock.advance(minutes: 3)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 1)
        try hall.database.start(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 6)
        try hall.database.finish(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 8)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 2)
        try hall.database.recall(window: 1, by: hall.clerk(1))             // last call: 20 minutes after issue
        try hall.database.noShow(window: 1, by: hall.clerk(1))
        _ = try hall.issue("B")
        let stats = try hall.database.statistics()
        #expect(stats.total.arrivals == 3 && stats.total.called == 2 && stats.total.served == 1 && stats.total.noShows == 1)
        func minutes(_ s: Double?) -> Double? { s.map { ($0 / 60 * 1000).rounded() / 1000 } }
        #expect(minutes(stats.total.averageWaitSeconds) == 12)
        #expect(minutes(stats.total.p90WaitSeconds) == 20)
        #expect(minutes(stats.total.averageWalkSeconds) == 1)
        #expect(minutes(stats.total.averageServiceSeconds) == 6)
        #expect(stats.total.serviceLevel == 0.5)
        #expect(stats.total.noShowRate == 0.5)
        let a = try #require(stats.perLine.first { $0.prefix == "A" })
        #expect(a.figures.arrivals == 2)
        let w1 = try #require(stats.perWindow.first { $0.window == 1 })
        #expect(w1.figures.served == 1 && minutes(w1.figures.busySeconds) == 6)
        #expect(try hall.database.statistics(businessDate: "2026-03-01").total.arrivals == 0)
        #expect(throws: ClockError.malformedDate("2026-13-01")) { try hall.database.statistics(businessDate: "2026-13-01") }
    }

    @Test func percentileIsNearestRank() {
        #expect(DayStatistics.percentile90([]) == nil)
        #expect(DayStatistics.percentile90([5]) == 5)
        #expect(DayStatistics.percentile90((1...10).map(Double.init)) == 9)
        #expect(DayStatistics.percentile90((1...11).map(Double.init)) == 10)
    }
}

@Suite struct DatabaseFileTests {
    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let hall = try TestHall()
        try hall.database.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')") }
        #expect(throws: HallDatabaseError.newerVersion(path: hall.path)) { try HallDatabase.open(path: hall.path) }
    }

    @Test func missingFolderAndFileAndGarbageAreClearErrors() throws {
        #expect(throws: HallDatabaseError.missingDirectory("/nonexistent-halldesk")) {
            try HallDatabase.open(path: "/nonexistent-halldesk/hall.sqlite")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(throws: HallDatabaseError.notFound(missing)) { try HallDatabase.open(path: missing, create: false) }
        let garbage = dir.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: HallDatabaseError.corrupt(garbage)) { try HallDatabase.open(path: garbage) }
    }

    @Test func aDatabaseLockedByAnotherConnectionIsAClearErrorAndNothingIsWritten() throws {
        let hall = try TestHall()
        let impatient = try HallDatabase.open(path: hall.path, clock: hall.clock.hallClock, busyTimeout: 0.2)
        let other = try DatabaseQueue(path: hall.path)
        let before = try hall.eventCount()
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: HallDatabaseError.locked(hall.path)) { try impatient.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk) }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try hall.eventCount() == before)
        #expect(try impatient.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk).ticket.code == "A001")
    }

    @Test func reopeningKeepsTheData() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        let again = try HallDatabase.open(path: hall.path, clock: hall.clock.hallClock, create: false)
        #expect(try again.ticket(code: "A001").state == .waiting)
        #expect(try again.windows().count == 8)
    }
}

@Suite struct DatabaseErrorMappingTests {
    @Test func diskAndIOFailuresBecomeClearMessages() {
        let full = HallDatabaseError.wrap(DatabaseError(resultCode: .SQLITE_FULL), path: "/srv/hall.sqlite")
        #expect(full as? HallDatabaseError == .diskFull("/srv/hall.sqlite"))
        let io = HallDatabaseError.wrap(DatabaseError(resultCode: .SQLITE_IOERR), path: "/srv/hall.sqlite")
        #expect(io as? HallDatabaseError == .ioError("/srv/hall.sqlite"))
        #expect(HallDatabaseError.diskFull("x").message.zh.contains("磁盘已满"))
    }
}
