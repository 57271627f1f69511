import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// Issue 8: what the kiosk and `ticket issue` tell a citizen when nobody serves a line, and the hall's hours.
/// The demo hall serves line E at window 7 (everyone) and window 8 (priority only). TestClock: Monday 2026-03-02 09:00.
@Suite struct LineServiceTests {
    func date(_ iso: String) -> Date { HallClock.parseISO8601(iso)! }

    func kioskLine(_ hall: TestHall, _ prefix: String) throws -> KioskLine {
        try #require(try hall.database.kioskView().lines.first { $0.line.prefix == prefix })
    }

    @Test func aLineWhoseWindowsArePausedPromisesNoTime() throws {
        let hall = try TestHall()
        _ = try hall.issue("E"); _ = try hall.issue("E")
        #expect(try kioskLine(hall, "E").estimatedWaitMinutes != nil)
        try hall.database.pauseWindow(7, reason: "午休", by: hall.clerk(7))
        try hall.database.pauseWindow(8, reason: "午休", by: hall.clerk(8))
        let line = try kioskLine(hall, "E")
        #expect(line.unservedReason == .windowsPaused && line.estimatedWaitMinutes == nil && line.canIssue)
        let issued = try hall.database.issueTicket(IssueRequest(linePrefix: "E"), by: hall.kiosk)
        #expect(issued.ahead == 2 && issued.estimatedWaitMinutes == nil && issued.unservedReason == .windowsPaused)
        #expect(issued.nextOpening == nil)
        // Nobody signed in: no window is open for it.
        try hall.database.closeWindow(7, by: hall.clerk(7))
        try hall.database.closeWindow(8, by: hall.clerk(8))
        #expect(try kioskLine(hall, "E").unservedReason == .noWindowOpen)
        // Other lines are still served.
        #expect(try kioskLine(hall, "A").unservedReason == nil)
    }

    @Test func aLineSetToRefuseRefusesWhileUnservedAndWritesNothing() throws {
        let hall = try TestHall()
        try hall.database.changeLine("E", whenUnserved: .refuse, by: hall.admin)
        #expect(throws: SetupError.lineUnchanged("E")) { try hall.database.changeLine("E", whenUnserved: .refuse, by: hall.admin) }
        #expect(throws: AccessError.self) { try hall.database.changeLine("E", whenUnserved: .issueWithWarning, by: hall.supervisor) }
        try hall.database.pauseWindow(7, reason: "午休", by: hall.clerk(7))
        try hall.database.pauseWindow(8, reason: "午休", by: hall.clerk(8))
        #expect(try !kioskLine(hall, "E").canIssue)
        let before = try hall.eventCount()
        #expect(throws: IssueRefusal.lineUnserved(prefix: "E", reason: .windowsPaused, opensNext: nil)) { try hall.issue("E") }
        #expect(try hall.eventCount() == before)
        try hall.database.resumeWindow(7, by: hall.clerk(7))
        #expect(try hall.issue("E").code == "E001")
    }

    @Test func afterDayCloseTheKioskSaysSoAndWhenTheHallOpensNext() throws {
        let hall = try TestHall()
        try hall.useStandardHours()
        hall.clock.set("2026-03-02T16:00:00+08:00")
        _ = try hall.database.closeDay(by: hall.supervisor)
        let view = try hall.database.kioskView()
        #expect(view.lines.allSatisfy { $0.unservedReason == .dayClosed && $0.estimatedWaitMinutes == nil })
        #expect(view.nextOpening == date("2026-03-03T09:00:00+08:00"))
        // A closed day refuses tickets whatever the line's setting (issue 8 review: they were closed unserved next morning).
        #expect(view.lines.allSatisfy { !$0.canIssue })
        #expect(throws: IssueRefusal.lineUnserved(prefix: "A", reason: .dayClosed, opensNext: "2026-03-03 09:00")) { try hall.issue("A") }
        try hall.database.changeLine("B", whenUnserved: .refuse, by: hall.admin)
        #expect(throws: IssueRefusal.lineUnserved(prefix: "B", reason: .dayClosed, opensNext: "2026-03-03 09:00")) { try hall.issue("B") }
        // The message says when.
        #expect(IssueRefusal.lineUnserved(prefix: "B", reason: .dayClosed, opensNext: "2026-03-03 09:00").message.en.contains("2026-03-03 09:00"))
    }

    @Test func openingHoursDecideWhenTheKioskIssues() throws {
        let hall = try TestHall()
        try hall.useStandardHours()
        try hall.database.changeLine("A", whenUnserved: .refuse, by: hall.admin)
        #expect(try hall.issue("A").code == "A001")
        // The lunch break: closed, open again at 13:30.
        hall.clock.set("2026-03-02T12:10:00+08:00")
        var view = try hall.database.kioskView()
        #expect(view.lines.allSatisfy { $0.unservedReason == .outOfHours })
        #expect(view.nextOpening == date("2026-03-02T13:30:00+08:00"))
        #expect(throws: IssueRefusal.lineUnserved(prefix: "A", reason: .outOfHours, opensNext: "2026-03-02 13:30")) { try hall.issue("A") }
        // 30 minutes before closing the kiosk stops; the next opening is tomorrow morning.
        hall.clock.set("2026-03-02T16:45:00+08:00")
        view = try hall.database.kioskView()
        #expect(view.lines.allSatisfy { $0.unservedReason == .outOfHours })
        #expect(view.nextOpening == date("2026-03-03T09:00:00+08:00"))
        hall.clock.set("2026-03-02T16:29:00+08:00")
        #expect(try kioskLine(hall, "A").unservedReason == nil)
        // Friday evening: Monday. Qingming (2026-04-04..06, Saturday to Monday): Tuesday.
        hall.clock.set("2026-03-06T18:00:00+08:00")
        #expect(try hall.database.kioskView().nextOpening == date("2026-03-09T09:00:00+08:00"))
        hall.clock.set("2026-04-03T18:00:00+08:00")
        #expect(try hall.database.kioskView().nextOpening == date("2026-04-07T09:00:00+08:00"))
        // A make-up working Saturday (2026-02-28) is open; a weekday holiday (2026-02-16) is not.
        hall.clock.set("2026-02-28T10:00:00+08:00")
        #expect(try kioskLine(hall, "B").unservedReason == nil)
        hall.clock.set("2026-02-16T10:00:00+08:00")
        #expect(try kioskLine(hall, "B").unservedReason == .outOfHours)
    }

    @Test func appointmentsInThePastOrOutOfHoursAreRefused() throws {
        let hall = try TestHall()
        try hall.useStandardHours()
        hall.clock.set("2026-03-02T06:52:00+08:00")
        #expect(throws: IssueRefusal.appointmentPast("05:00")) { try hall.issue("A", at: "05:00") }
        #expect(throws: IssueRefusal.appointmentOutOfHours("12:30")) { try hall.issue("A", at: "12:30") }
        #expect(throws: IssueRefusal.appointmentOutOfHours("17:00")) { try hall.issue("A", at: "17:00") }
        hall.clock.set("2026-03-02T10:00:30+08:00")
        #expect(try hall.issue("A", at: "10:00").appointmentAt == date("2026-03-02T10:00:00+08:00"))
        #expect(try hall.issue("A", at: "14:00").appointmentAt == date("2026-03-02T14:00:00+08:00"))
        #expect(throws: IssueRefusal.appointmentPast("09:59")) { try hall.issue("A", at: "09:59") }
    }

    @Test func settingsStoreTheHoursPerWeekday() throws {
        let hall = try TestHall(demo: false)
        // A test hall is open all day; a production hall gets the standard hours.
        #expect(try hall.database.settings().openingHours == .allDay)
        #expect(HallSettings().openingHours == .standard)
        var settings = try hall.database.settings()
        settings.openingHours.week[5] = try OpeningHours.parse("09:00-12:00")
        settings.openingHours.issueStopMinutes = 15
        try hall.database.updateSettings(settings, by: hall.admin)
        let stored = try hall.database.settings().openingHours
        #expect(stored.week[5] == [.init(start: 540, end: 720)] && stored.issueStopMinutes == 15)
        let event = try hall.database.read { try String.fetchOne($0, sql: "SELECT detail FROM hall_event WHERE kind = 'settings_changed'") }
        #expect(event?.contains("hours_sat") == true)
        // Hours built in code are checked as the text is: overlapping periods are refused.
        settings.openingHours.week[0] = [.init(start: 540, end: 720), .init(start: 700, end: 800)]
        #expect(throws: OpeningHoursError.notOrdered("09:00-12:00,11:40-13:20")) { try hall.database.updateSettings(settings, by: hall.admin) }
    }
}

@Suite struct OpeningHoursTests {
    @Test func periodsAreOrderedAndDoNotOverlap() throws {
        #expect(try OpeningHours.parse("09:00-12:00,13:30-17:00") == [.init(start: 540, end: 720), .init(start: 810, end: 1020)])
        #expect(try OpeningHours.parse("closed") == [])
        #expect(try OpeningHours.parse("00:00-24:00") == [.init(start: 0, end: 1440)])
        #expect(throws: OpeningHoursError.notOrdered("12:00-09:00")) { try OpeningHours.parse("12:00-09:00") }
        #expect(throws: OpeningHoursError.notOrdered("09:00-12:00,11:00-17:00")) { try OpeningHours.parse("09:00-12:00,11:00-17:00") }
        #expect(throws: OpeningHoursError.notOrdered("13:30-17:00,09:00-12:00")) { try OpeningHours.parse("13:30-17:00,09:00-12:00") }
        #expect(throws: OpeningHoursError.malformed("9-12")) { try OpeningHours.parse("9-12") }
        #expect(throws: OpeningHoursError.malformed("09:00-24:30")) { try OpeningHours.parse("09:00-24:30") }
        #expect(OpeningHours.format(try OpeningHours.parse("09:00-12:00,13:30-17:00")) == "09:00-12:00,13:30-17:00")
    }

    @Test func withoutAScheduleTheWeekDecides() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        // 2031: no schedule loaded. A Monday is open, a Sunday is not.
        let monday = OpeningHours.standard.status(at: HallClock.parseISO8601("2031-03-03T10:00:00+08:00")!, timeZone: zone,
                                                  calendar: try WorkingCalendar.bundled())
        #expect(monday.isOpen && monday.isIssuing)
        let sunday = OpeningHours.standard.status(at: HallClock.parseISO8601("2031-03-02T10:00:00+08:00")!, timeZone: zone, calendar: nil)
        #expect(!sunday.isOpen && sunday.nextOpening == HallClock.parseISO8601("2031-03-03T09:00:00+08:00"))
    }
}

/// Yesterday's tickets are never called as today's, and the first write of a new day closes them.
@Suite struct StaleTicketTests {
    @Test func theFirstWriteOfANewDayClosesYesterdaysTickets() throws {
        let hall = try TestHall()
        try hall.database.changeLine("B", keepsOvernight: true, by: hall.admin)
        _ = try hall.issue("A"); _ = try hall.issue("A"); _ = try hall.issue("B")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))          // yesterday's A001, called
        // No day close. The next morning:
        hall.clock.set("2026-03-03T09:00:00+08:00")
        let today = try hall.issue("A")
        #expect(today.code == "A001" && today.businessDate == "2026-03-03")
        let yesterday = try hall.database.read { db in
            try Row.fetchAll(db, sql: "SELECT code, state FROM ticket WHERE business_date = '2026-03-02' ORDER BY id").map { "\($0[0] as String) \($0[1] as String)" }
        }
        #expect(yesterday == ["A001 unserved", "A002 unserved", "B001 waiting"])
        let events = try hall.database.read { db in
            try Row.fetchAll(db, sql: "SELECT actor, business_date, detail FROM hall_event WHERE kind = 'unserved' ORDER BY id")
        }
        #expect(events.count == 2)
        #expect(events.allSatisfy { ($0[0] as String) == "@system" && ($0[1] as String) == "2026-03-02" })
        #expect(events.allSatisfy { ($0[2] as String).contains("new_business_day") })
        // Window 1 is free again; it calls today's A001, and line B (kept overnight) still has yesterday's B001.
        let called = try #require(try hall.database.callNext(window: 1, by: hall.clerk(1)))
        #expect(called.ticket.code == "A001" && called.ticket.businessDate == "2026-03-03")
        let kept = try #require(try hall.database.callNext(window: 4, by: hall.clerk(4)))
        #expect(kept.ticket.code == "B001" && kept.ticket.businessDate == "2026-03-02")
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func theCallingOrderSkipsEarlierDaysEvenBeforeTheyAreClosed() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        hall.clock.set("2026-03-03T09:00:00+08:00")
        // Stale rows as an older HallDesk left them: only today's tickets are candidates.
        let candidates = try hall.database.read { db in
            try HallDatabase.candidates(db, lines: HallDatabase.fetchLines(db), today: "2026-03-03")
        }
        #expect(candidates.isEmpty)
        let yesterday = try hall.database.read { db in
            try HallDatabase.candidates(db, lines: HallDatabase.fetchLines(db), today: "2026-03-02")
        }
        #expect(yesterday.map(\.code) == ["A001"])
    }
}

/// The window's view says why each ticket is (or was) called: an appointment due goes first.
@Suite struct WindowViewReasonTests {
    @Test func appointmentsCarryTheirReasonInTheWindowView() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        hall.clock.advance(minutes: 5)
        _ = try hall.issue("A", at: "09:05")
        var view = try hall.database.windowView(1)
        #expect(view.waiting.map(\.ticket.code) == ["A002", "A001"])
        #expect(view.waiting.map(\.reason) == [.appointmentDue, .fifo])
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        view = try hall.database.windowView(1)
        #expect(view.current?.ticket.code == "A002" && view.current?.reason == .appointmentDue)
        #expect(view.current?.ticket.appointmentAt != nil)
    }
}
