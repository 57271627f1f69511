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
        // A closed day refuses tickets whatever the line's setting (issue 8 review), saying when the hall opens.
        let refused = try desk(["ticket", "issue", "--line", "A", "--lang", "zh"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("下次办理时间：2026-03-03 08:30"), "\(refused.stderr)")
        let json = try desk(["ticket", "issue", "--line", "A", "--json", "--lang", "en"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("2026-03-03 08:30") && json.stdout.contains("the hall has closed for today"), "\(json.stdout)")
        // After closing time, without day close, too.
        let evening = ["DESK_NOW": "2026-03-03T18:00:00+08:00"]
        let late = try desk(["ticket", "issue", "--line", "B", "--lang", "en"], evening)
        #expect(late.status == 1)
        #expect(late.stderr.contains("outside opening hours") && late.stderr.contains("The hall opens next at 2026-03-04"), "\(late.stderr)")
    }

    @Test func aSealedDayIsFinal() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(try desk(["day", "close"]).status == 0)
        let again = try desk(["day", "close", "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("Day 2026-03-02 already closed at 10:00"), "\(again.stderr)")
        let open = try desk(["window", "open", "--window", "1", "--lang", "en"])
        #expect(open.status == 1)
        #expect(open.stderr.contains("Day 2026-03-02 is closed"), "\(open.stderr)")
        #expect(try desk(["ticket", "call", "--window", "1"]).status == 1)
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    @Test func aPriorityOnlyWindowDoesNotServeNormalTickets() throws {
        #expect(try desk(["window", "pause", "--window", "7", "--reason", "午休"]).status == 0)
        let issued = try desk(["ticket", "issue", "--line", "E", "--json"])
        #expect(issued.object["estimated_wait_minutes"] is NSNull, "\(issued.stdout)")
        #expect(issued.object["no_window_serving"] as? Bool == true)
        let elderly = try desk(["ticket", "issue", "--line", "E", "--priority", "elderly", "--json"])
        #expect(elderly.object["no_window_serving"] as? Bool == false, "\(elderly.stdout)")
        #expect(elderly.object["ahead"] as? Int == 0)
    }

    @Test func readOnlyViewsShowNothingOfYesterday() throws {
        let friday = ["DESK_NOW": "2026-03-06T16:00:00+08:00"]
        for _ in 0..<3 { #expect(try desk(["ticket", "issue", "--line", "A"], friday).status == 0) }
        #expect(try desk(["ticket", "call", "--window", "1"], friday).status == 0)
        let monday = ["DESK_NOW": "2026-03-09T08:55:00+08:00"]
        let queue = try desk(["queue", "--json"], monday)
        #expect(queue.status == 0, "\(queue.stderr)")
        let lines = try #require(queue.object["lines"] as? [[String: Any]])
        let a = try #require(lines.first { $0["prefix"] as? String == "A" })
        #expect(a["waiting"] as? Int == 0, "\(queue.stdout)")
        #expect((queue.object["announcements"] as? [Any])?.isEmpty == true, "\(queue.stdout)")
        let text = try desk(["queue", "--lang", "zh"], monday)
        #expect(!text.stdout.contains("最近叫号"), "\(text.stdout)")
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
