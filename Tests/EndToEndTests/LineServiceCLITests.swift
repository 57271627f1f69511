import Foundation
import Testing

/// Issue 8 through the real binary: a line nobody serves, opening hours, past appointments, yesterday's tickets.
@Suite struct LineServiceCLITests {
    let folder: URL
    let db: String
    /// Monday 2026-03-02, 10:00 in the hall's zone.
    let monday = ["DESK_NOW": "2026-03-02T10:00:00+08:00"]

    init() throws {
        folder = try Desk.scratchFolder()
        db = folder.appendingPathComponent("hall.sqlite").path
        let r = try Desk.run(["init", "--demo", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
    }

    func desk(_ arguments: [String], _ environment: [String: String]? = nil) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: environment ?? monday)
    }

    @Test func aLineWithItsWindowsPausedGivesNoEstimateAndSaysWhy() throws {
        for window in ["7", "8"] {
            #expect(try desk(["window", "pause", "--window", window, "--reason", "午休"]).status == 0)
        }
        let issued = try desk(["ticket", "issue", "--line", "E", "--json"])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.object["estimated_wait_minutes"] is NSNull, "\(issued.stdout)")
        #expect(issued.object["warning"] as? String == "windows_paused")
        #expect(issued.object["no_window_serving"] as? Bool == true)
        #expect(issued.object["opens_next"] is NSNull)
        let text = try desk(["ticket", "issue", "--line", "E", "--lang", "en"])
        #expect(text.stdout.contains("not served now (its windows are paused), no time estimate"), "\(text.stdout)")
        #expect(!text.stdout.contains("min"))
        // A served line still gets its estimate.
        #expect(try desk(["ticket", "issue", "--line", "A", "--json"]).object["estimated_wait_minutes"] as? Int == 0)

        #expect(try desk(["line", "set", "E", "--when-unserved", "refuse"]).status == 0)
        let refused = try desk(["ticket", "issue", "--line", "E", "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Line E is not issuing tickets: its windows are paused."), "\(refused.stderr)")
        #expect(try desk(["line", "set", "E", "--when-unserved", "sometimes"]).status == 64)
    }

    @Test func afterDayCloseATicketSaysWhenTheHallOpensNext() throws {
        #expect(try desk(["settings", "set", "hours_mon", "09:00-12:00,13:30-17:00"]).status == 0)
        #expect(try desk(["settings", "set", "hours_mon", "13:30-17:00,09:00-12:00"]).status == 1)
        #expect(try desk(["settings", "set", "hours_tue", "08:30-12:00"]).status == 0)
        #expect(try desk(["day", "close"]).status == 0)
        let issued = try desk(["ticket", "issue", "--line", "A", "--json"])
        #expect(issued.object["warning"] as? String == "day_closed")
        #expect(issued.object["opens_next"] as? String == "2026-03-03 08:30")
        #expect(issued.object["estimated_wait_minutes"] is NSNull)
        #expect(try desk(["line", "set", "A", "--when-unserved", "refuse"]).status == 0)
        let refused = try desk(["ticket", "issue", "--line", "A", "--lang", "zh"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("下次办理时间：2026-03-03 08:30"), "\(refused.stderr)")
    }

    @Test func pastAppointmentsAreRefused() throws {
        let past = try desk(["ticket", "issue", "--line", "A", "--appointment", "05:00", "--lang", "en"])
        #expect(past.status == 1)
        #expect(past.stderr.contains("05:00 has already passed"), "\(past.stderr)")
        #expect(try desk(["ticket", "issue", "--line", "A", "--appointment", "11:00"]).status == 0)
    }

    @Test func yesterdaysTicketsAreNotCalledAsTodays() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        // No day close; the next morning's first ticket is A001 again and is the one called.
        let tuesday = ["DESK_NOW": "2026-03-03T09:00:00+08:00"]
        #expect(try desk(["ticket", "issue", "--line", "A", "--json"], tuesday).object["code"] as? String == "A001")
        let called = try desk(["ticket", "call", "--window", "1", "--json"], tuesday)
        let ticket = try #require(called.object["ticket"] as? [String: Any])
        #expect(ticket["code"] as? String == "A001" && ticket["business_date"] as? String == "2026-03-03", "\(called.stdout)")
        // Yesterday's two were closed as unserved; nothing else waits.
        #expect(try desk(["ticket", "call", "--window", "2"], tuesday).status == 3)
        #expect(try desk(["audit", "verify"], tuesday).status == 0)
    }
}
