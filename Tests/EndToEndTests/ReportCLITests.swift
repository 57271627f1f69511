import Foundation
import Testing

/// `desk report daily|monthly` through the binary: each format, the 80-column text in both languages, who may read it,
/// a bad date, the atomic --output; and the HTML page looked at in a real browser (ReportBrowserTests).
@Suite struct ReportCLITests {
    static let env = ["DESK_NOW": "2026-02-12T09:00:00+08:00"]
    static let later = ["DESK_NOW": "2026-02-12T10:00:00+08:00"]

    /// A demo hall (init --demo --cases) on Thursday 12 February 2026 with two tickets: A001 served at window 1
    /// (wait 10), A002 waiting.
    static func hall() throws -> (folder: URL, db: String) {
        let folder = try Desk.scratchFolder()
        let db = folder.appendingPathComponent("hall.sqlite").path
        guard try Desk.run(["init", "--demo", "--cases", "--db", db], environment: env).status == 0,
              try Desk.run(["ticket", "issue", "--line", "A", "--db", db], environment: env).status == 0,
              try Desk.run(["ticket", "issue", "--line", "A", "--db", db], environment: ["DESK_NOW": "2026-02-12T09:05:00+08:00"]).status == 0
        else { throw Desk.DemoHallFailed(stderr: "setup") }
        for step in ["call", "start", "finish"] {
            guard try Desk.run(["ticket", step, "--window", "1", "--db", db], environment: ["DESK_NOW": "2026-02-12T09:10:00+08:00"]).status == 0
            else { throw Desk.DemoHallFailed(stderr: step) }
        }
        return (folder, db)
    }

    /// Display columns as a terminal counts them: ASCII 1, the wide East Asian ranges 2. Anything else (an
    /// ambiguous-width symbol, a dash, an ellipsis) counts as 3 so that the check fails: the report uses none.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { sum, u in
            let v = u.value
            if v < 0x80 { return sum + 1 }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return sum + (wide ? 2 : 3)
        }
    }

    @Test func theTextReportFitsEightyColumnsInBothLanguages() throws {
        let (_, db) = try Self.hall()
        // A bad review (its rectification opened) and a 12345 complaint: the ratings' and complaints' sections filled.
        for step in [["rating", "add", "--ticket", "A001", "--level", "2", "--reason", "attitude"],
                     ["complaint", "add", "--source", "hotline", "--order", "12345-0815", "--name", "张三", "--phone", "13800138000",
                      "--window", "1", "--content", "等候时间过长"]] {
            let r = try Desk.run(step + ["--db", db], environment: Self.later)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        for kind in ["daily", "monthly"] {
            for lang in ["zh", "en"] {
                let r = try Desk.run(["report", kind, "--date", "2026-02-12", "--lang", lang, "--db", db], environment: Self.later)
                #expect(r.status == 0, "\(kind) \(lang): \(r.stderr)")
                let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count > 20)
                for line in lines { #expect(Self.columns(line) <= 80, "\(kind) \(lang): \(Self.columns(line)) columns: \(line)") }
            }
        }
        let zh = try Desk.run(["report", "daily", "--date", "2026-02-12", "--lang", "zh", "--db", db], environment: Self.later)
        #expect(zh.stdout.hasPrefix("政务服务中心 日报 2026-02-12\n") || zh.stdout.contains(" 日报 2026-02-12\n"), "\(zh.stdout.prefix(200))")
        #expect(zh.stdout.contains("取号 2 张，办结 1 张，过号 0 张"), "\(zh.stdout)")
        #expect(zh.stdout.contains("等候：平均 10.0 分钟，P90 10.0 分钟，最长 10.0 分钟；达标率 100%"), "\(zh.stdout)")
        #expect(zh.stdout.contains("评价 1 条，满意率 0%，差评 1 条，回访率 0%，逾期未整改 0 件"), "\(zh.stdout)")
        #expect(zh.stdout.contains("\n好差评\n") && zh.stdout.contains("\n分来源投诉情况\n"), "\(zh.stdout)")
        let en = try Desk.run(["report", "daily", "--date", "2026-02-12", "--lang", "en", "--db", db], environment: Self.later)
        #expect(en.stdout.contains("Tickets taken 2, served 1, no-shows 0"), "\(en.stdout)")
        // Wrapped at 80 columns.
        #expect(en.stdout.contains("Complaints 1, answered 0, answered on time -, closed 0, complainants satisfied\n-, overdue 0\n"), "\(en.stdout)")
        // The hours as bars: 09:00, 2 taken, 1 served.
        #expect(en.stdout.split(separator: "\n").contains { $0.hasPrefix("09:00") && $0.contains(" 2 ") && $0.hasSuffix("#") }, "\(en.stdout)")
        let month = try Desk.run(["report", "monthly", "--date", "2026-02", "--lang", "en", "--db", db], environment: Self.later)
        #expect(month.stdout.contains("Monthly report 2026-02") && month.stdout.contains("Day by day"), "\(month.stdout)")
    }

    @Test func csvAndJsonUseStableKeys() throws {
        let (_, db) = try Self.hall()
        // A001 (served) rated 4 满意 from a paper form: the day's one rating.
        let rated = try Desk.run(["rating", "add", "--ticket", "A001", "--level", "4", "--db", db], environment: Self.later)
        #expect(rated.status == 0, "\(rated.stderr)")
        let csv = try Desk.run(["report", "daily", "--date", "2026-02-12", "--format", "csv", "--db", db], environment: Self.later)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}section,report\r\nkind,first,last,hall,generated_at,time_zone\r\ndaily,2026-02-12,2026-02-12,"))
        for block in ["summary", "tickets_by_line", "windows", "staff", "cases_by_department", "cases_by_item", "ratings", "rectifications",
                      "complaints_by_source", "complaint_satisfaction", "hourly", "wait_distribution"] {
            #expect(csv.stdout.contains("\r\nsection,\(block)\r\n"), "\(block)")
        }
        #expect(csv.stdout.contains("\r\narrivals,2\r\n") && csv.stdout.contains("\r\nwait_max_min,10.0\r\n"))
        // No bad review: no 回访 rate (an empty field), not 0.
        #expect(csv.stdout.contains("\r\nratings,1\r\nratings_satisfied,1\r\nratings_satisfaction_rate,100.0\r\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("\r\nratings_visit_rate,\r\n") && csv.stdout.contains("\r\ncomplaints_received,0\r\n"))
        let daily = try Desk.run(["report", "daily", "--date", "2026-02-12", "--format", "json", "--db", db], environment: Self.later)
        #expect(daily.status == 0, "\(daily.stderr)")
        let summary = try #require(daily.object["summary"] as? [String: Any])
        #expect(summary["arrivals"] as? Int == 2 && summary["served"] as? Int == 1 && summary["wait_p90_min"] as? Double == 10)
        #expect(summary.keys.contains("cases_completion_rate"))
        #expect(summary["ratings"] as? Int == 1 && summary["ratings_satisfaction_rate"] as? Double == 100 && summary["ratings_visit_rate"] is NSNull)
        #expect(summary["complaints_received"] as? Int == 0 && summary["complaints_on_time_rate"] is NSNull)
        let levels = try #require((daily.object["tables"] as? [String: Any])?["ratings"] as? [[String: Any]])
        #expect(levels.map { $0["level"] as? Int } == [5, 4, 3, 2, 1] && levels.map { $0["ratings"] as? Int } == [0, 1, 0, 0, 0])
        #expect(levels[1]["share"] as? Double == 100 && levels[1]["label"] as? String == "satisfied")
        let lines = try #require((daily.object["tables"] as? [String: Any])?["tickets_by_line"] as? [[String: Any]])
        #expect(lines.first?["service_level"] as? Double == 100)
        // The month of the demo hall's history (--cases: a case history over February's working days), day by day.
        let json = try Desk.run(["report", "monthly", "--date", "2026-02-12", "--format", "json", "--db", db], environment: Self.later)
        #expect(json.status == 0, "\(json.stderr)")
        let o = json.object
        #expect(o["kind"] as? String == "monthly" && o["first"] as? String == "2026-02-01" && o["last"] as? String == "2026-02-28")
        let days = try #require((o["tables"] as? [String: Any])?["days"] as? [[String: Any]])
        #expect(days.count > 1 && days.last?["date"] as? String == "2026-02-12" && days.last?["arrivals"] as? Int == 2)
        let monthArrivals = try #require((o["summary"] as? [String: Any])?["arrivals"] as? Int)
        #expect(monthArrivals == days.reduce(0) { $0 + ($1["arrivals"] as? Int ?? 0) })
    }

    @Test func whoMayReadItAndABadDate() throws {
        let (folder, db) = try Self.hall()
        // S02 is a clerk only: exit 5, nothing written.
        let clerk = try Desk.run(["report", "daily", "--staff", "S02", "--db", db], environment: Self.later.merging(["DESK_PASSWORD": "demo-S02"]) { $1 })
        #expect(clerk.status == 5, "\(clerk.stderr)")
        let supervisor = try Desk.run(["report", "daily", "--staff", "M01", "--db", db], environment: Self.later.merging(["DESK_PASSWORD": "demo-M01"]) { $1 })
        #expect(supervisor.status == 0, "\(supervisor.stderr)")
        for bad in ["2026-02-30", "12/02/2026", "2026-2"] {
            let r = try Desk.run(["report", "daily", "--date", bad, "--db", db], environment: Self.later)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
        #expect(try Desk.run(["report", "weekly", "--db", db], environment: Self.later).status == 64)
        // --output: the file, nothing else in the folder (the temporary file renamed), a message on standard output.
        let file = folder.appendingPathComponent("daily.html").path
        let written = try Desk.run(["report", "daily", "--date", "2026-02-12", "--output", file, "--lang", "en", "--db", db], environment: Self.later)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Wrote the daily report for 2026-02-12 to \(file).\n")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("hall.sqlite") }
        #expect(names == ["daily.html"], "\(names)")
        let unwritable = try Desk.run(["report", "daily", "--output", folder.appendingPathComponent("no/such/dir.txt").path, "--db", db], environment: Self.later)
        #expect(unwritable.status == 1, "\(unwritable.stderr)")
    }
}
