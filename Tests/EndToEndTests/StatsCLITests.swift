import Foundation
import Testing

/// `desk stats` as a supervisor prints it: units, every window with its idle time, a row per staff member.
@Suite struct StatsCLITests {
    @Test func statsShowUnitsEveryWindowAndEachStaffMember() throws {
        let folder = try Desk.scratchFolder()
        let db = folder.appendingPathComponent("hall.sqlite").path
        let env = ["DESK_NOW": "2026-02-12T09:00:00+08:00"]
        #expect(try Desk.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Desk.run(["ticket", "issue", "--line", "A", "--db", db], environment: env).status == 0)
        for step in ["call", "start", "finish"] {
            #expect(try Desk.run(["ticket", step, "--window", "1", "--db", db], environment: ["DESK_NOW": "2026-02-12T09:10:00+08:00"]).status == 0)
        }
        let later = ["DESK_NOW": "2026-02-12T09:30:00+08:00"]
        let text = try Desk.run(["stats", "--lang", "en", "--db", db], environment: later)
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "Figures for 2026-02-12 (times in minutes, rates in %)", "\(text.stdout)")
        #expect(rows.contains { $0.hasPrefix("Win 8 ") }, "every window, idle ones too: \(text.stdout)")
        // A window row leaves "taken" empty; window 2 was idle for the 30 minutes since the hall opened.
        let win2 = try #require(rows.first { $0.hasPrefix("Win 2 ") }).split(separator: " ", omittingEmptySubsequences: true)
        #expect(win2.dropFirst(3).first == "-" && win2.last == "30.0", "\(win2)")
        #expect(rows.contains { $0.hasPrefix("S01 ") }, "a row for the clerk who served: \(text.stdout)")
        // The header keeps its blank label column: each heading ends where its column of figures ends.
        let header = try #require(rows.dropFirst().first)
        let all = try #require(rows.first { $0.hasPrefix("All ") })
        #expect(header.hasPrefix(String(repeating: " ", count: 18) + "Taken"), "\(header)")
        #expect(header.range(of: "Called")?.lowerBound.utf16Offset(in: header) == 27, "\(header)\n\(all)")
        #expect(all.dropFirst(18).hasPrefix("1 "), "\(all)")
        for zh in [try Desk.run(["stats", "--lang", "zh", "--db", db], environment: later)] {
            let line = try #require(zh.stdout.split(separator: "\n").dropFirst().first)
            #expect(line.hasPrefix(String(repeating: " ", count: 18) + "取号(张)"), "\(line)")
        }

        let json = try Desk.run(["stats", "--json", "--db", db], environment: later)
        let windows = try #require(json.object["windows"] as? [[String: Any]])
        #expect(windows.count == 8)
        let w1 = try #require(windows.first { $0["window"] as? Int == 1 })
        #expect((w1["figures"] as? [String: Any])?["arrivals"] == nil)
        #expect((w1["times"] as? [String: Any])?["idle_minutes"] as? Double == 30)
        let staff = try #require(json.object["staff"] as? [[String: Any]])
        #expect(staff.map { $0["staff"] as? String } == ["S01"])
        #expect((json.object["total"] as? [String: Any])?["arrivals"] as? Int == 1)
    }
}
