import Foundation
import Testing
@testable import HallModel
import Queue

/// Issue 8 review: once the day is over (its last opening period ended, or `desk day close` ran) every line refuses
/// tickets whatever its `--when-unserved` setting; the setting governs only the in-day reasons.
@Suite struct DayOverIssueTests {
    @Test func afterClosingTimeEveryLineRefusesAndSaysWhenTheHallOpens() throws {
        let hall = try TestHall()
        try hall.useStandardHours()
        #expect(try hall.database.lines().allSatisfy { $0.whenUnserved == .issueWithWarning })
        // The lunch break is in the day: the line's setting (issue with a warning) decides.
        hall.clock.set("2026-03-02T12:10:00+08:00")
        #expect(try hall.database.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk).unservedReason == .outOfHours)
        #expect(try hall.database.kioskView().lines.allSatisfy(\.canIssue))
        // After the last period (and in the last minutes when the kiosk stops): refused, next opening tomorrow.
        for time in ["2026-03-02T16:45:00+08:00", "2026-03-02T18:00:00+08:00"] {
            hall.clock.set(time)
            let before = try hall.eventCount()
            #expect(throws: IssueRefusal.lineUnserved(prefix: "A", reason: .outOfHours, opensNext: "2026-03-03 09:00")) { try hall.issue("A") }
            #expect(try hall.eventCount() == before)
            #expect(try hall.database.kioskView().lines.allSatisfy { !$0.canIssue && $0.refusesUnserved })
        }
        // Before opening on a working day: in the day, issued with the warning.
        hall.clock.set("2026-03-03T08:30:00+08:00")
        #expect(try hall.database.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk).unservedReason == .outOfHours)
    }

    @Test func thePureRule() {
        #expect(!UnservedIssuePolicy.issueWithWarning.refuses(nil, dayOver: true))
        #expect(!UnservedIssuePolicy.issueWithWarning.refuses(.windowsPaused, dayOver: false))
        #expect(UnservedIssuePolicy.issueWithWarning.refuses(.outOfHours, dayOver: true))
        #expect(UnservedIssuePolicy.refuse.refuses(.noWindowOpen, dayOver: false))
    }
}

/// Issue 8 review: a sealed business day is final.
@Suite struct SealedDayTests {
    @Test func aSecondDayCloseIsRefused() throws {
        let hall = try TestHall()
        hall.clock.set("2026-03-02T17:05:00+08:00")
        _ = try hall.database.closeDay(by: hall.supervisor)
        hall.clock.set("2026-03-02T17:30:00+08:00")
        let before = try hall.eventCount()
        #expect(throws: SealedDayError.alreadyClosed(date: "2026-03-02", at: "17:05")) { try hall.database.closeDay(by: hall.supervisor) }
        #expect(try hall.eventCount() == before)
        #expect(SealedDayError.alreadyClosed(date: "2026-03-02", at: "17:05").message.en.contains("already closed at 17:05"))
        // The next day closes as usual.
        hall.clock.set("2026-03-03T17:05:00+08:00")
        #expect(try hall.database.closeDay(by: hall.supervisor).businessDate == "2026-03-03")
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func noWindowOpensAndNoTicketIsCalledOnAClosedDay() throws {
        let hall = try TestHall()
        try hall.database.changeLine("B", keepsOvernight: true, by: hall.admin)
        _ = try hall.issue("A"); _ = try hall.issue("B")
        _ = try hall.database.closeDay(by: hall.supervisor)
        let sealed = SealedDayError.daySealed(date: "2026-03-02")
        #expect(throws: sealed) { try hall.database.openWindow(4, by: hall.clerk(4)) }
        let before = try hall.eventCount()
        #expect(try hall.database.windows().allSatisfy { $0.state == .closed })
        // The next morning the windows open and B001, kept overnight, is called.
        hall.clock.set("2026-03-03T09:00:00+08:00")
        try hall.database.openWindow(4, by: hall.clerk(4))
        #expect(try hall.database.callNext(window: 4, by: hall.clerk(4))?.ticket.code == "B001")
        #expect(try hall.eventCount() > before)
    }

    @Test func aTicketAtAWindowStillFinishesButNothingMoreIsCalled() throws {
        let hall = try TestHall()
        _ = try hall.issue("A"); _ = try hall.issue("A")
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        // Day close unserves every ticket and closes every window, so a ticket still at a window on a sealed day is
        // one a concurrent close sealed under it: the seal is written directly here.
        try hall.database.perform { db in
            try db.execute(sql: "INSERT INTO day_seal(business_date, seq, hash, sealed_at) VALUES ('2026-03-02', 0, x'00', 0)")
        }
        let sealed = SealedDayError.daySealed(date: "2026-03-02")
        try hall.database.start(window: 1, by: hall.clerk(1))
        try hall.database.finish(window: 1, by: hall.clerk(1))
        #expect(throws: sealed) { try hall.database.callNext(window: 1, by: hall.clerk(1)) }
        #expect(throws: sealed) { try hall.database.callSpecific(window: 1, code: "A002", by: hall.clerk(1)) }
        #expect(throws: sealed) { try hall.database.openWindow(1, by: hall.clerk(1)) }
    }
}
