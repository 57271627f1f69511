import Foundation
import Testing

/// `desk init --demo --cases` (what `desk` seeds its default database with) and `desk cases list` as text: a header
/// row in the user's language, columns aligned by display width, within 80 columns; the chain verifies.
@Suite struct DemoCasesCLITests {
    let folder: URL
    let db: String
    static let now = "2026-03-20T16:00:00+08:00"

    init() throws {
        folder = try Desk.scratchFolder()
        db = folder.appendingPathComponent("hall.sqlite").path
        let r = try Desk.run(["init", "--demo", "--cases", "--db", db], environment: ["DESK_NOW": Self.now])
        #expect(r.status == 0, "\(r.stderr)")
    }

    func desk(_ arguments: [String]) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": Self.now])
    }

    /// The demo team (DemoAgents): 20 agents with phones and skills, P07 on leave with the day back, P05/P11/P17 out on a
    /// case, jobs spread over them, and the cases filed by a proxy agent joined to their jobs.
    @Test func theDemoTeamHasStatesSkillsAndJobs() throws {
        let list = try desk(["agent", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let agents = try #require(list.object["agents"] as? [[String: Any]])
        #expect(agents.count == 20)
        #expect(agents.allSatisfy { ($0["skills"] as? [String])?.count == 3 && $0["phone"] is String })
        let leave = try #require(agents.first { $0["id"] as? String == "P07" })
        #expect(leave["state"] as? String == "onLeave" && leave["back_on"] is String)
        #expect(agents.filter { $0["state"] as? String == "outOnCase" }.compactMap { $0["id"] as? String } == ["P05", "P11", "P17"])
        let total = agents.compactMap { $0["open_cases"] as? Int }.reduce(0, +)
        #expect(total >= 48, "\(total)")
        #expect(agents.filter { ($0["open_cases"] as? Int ?? 0) > 0 }.count >= 15)
        #expect(agents.contains { $0["nearest_deadline"] is String })
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    /// `--department` takes the code or the exact name (as `supervision set` does); an unknown one is a usage error
    /// naming the known departments, never an empty success.
    @Test func theDepartmentIsACodeOrANameAndAnUnknownOneIsRefused() throws {
        let byName = try desk(["cases", "list", "--department", "区市场监督管理局", "--json"])
        #expect(byName.status == 0, "\(byName.stderr)")
        let cases = try #require(byName.object["cases"] as? [[String: Any]])
        #expect(!cases.isEmpty)
        let code = try #require((cases.first?["case"] as? [String: Any])?["department_code"] as? String)
        let byCode = try desk(["cases", "list", "--department", code, "--json"])
        #expect((byCode.object["cases"] as? [[String: Any]])?.count == cases.count)
        let unknown = try desk(["cases", "list", "--department", "区市场监管局", "--lang", "en"])
        #expect(unknown.status == 64 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("No department '区市场监管局'") && unknown.stderr.contains("区市场监督管理局"), "\(unknown.stderr)")
        let zh = try desk(["cases", "list", "--department", "nope", "--lang", "zh"])
        #expect(zh.status == 64 && zh.stderr.contains("事项清单中没有部门“nope”"), "\(zh.stderr)")
    }

    /// Display columns as a terminal counts them: the CJK ranges the demo's text uses take two.
    static func width(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { n, s in
            n + ((0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
                 || (0xF900...0xFAFF).contains(s.value) || (0xFE30...0xFE4F).contains(s.value) || (0xFF00...0xFF60).contains(s.value) ? 2 : 1)
        }
    }

    /// Where each column starts on a line: the display column after each run of spaces.
    static func columnStarts(_ line: Substring) -> [Int] {
        var starts: [Int] = [0]
        var column = 0
        var previous: Character = "x"
        for c in line {
            if previous == " " && c != " " { starts.append(column) }
            column += width(Substring(String(c)))
            previous = c
        }
        return starts
    }

    @Test func theListHasAHeaderInEachLanguageAndItsColumnsAlignWithin80() throws {
        let zh = try desk(["cases", "list", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["办件编号", "状态", "灯", "期限", "剩余", "事项"])
        #expect(lines.count > 30)
        for line in lines { #expect(Self.width(line) <= 80, "\(line)") }
        // Every row's first five columns start where the header's do (the states, lights and items are Chinese).
        let header = Self.columnStarts(lines[0])
        // The state's short label (10 columns) and a light column that holds "unknown" whole.
        #expect(header == [0, 18, 29, 37, 48, 53])
        for line in lines.dropFirst() {
            #expect(Array(Self.columnStarts(line).prefix(5)) == Array(header.prefix(5)), "\(line)")
        }
        let en = try desk(["cases", "list", "--light", "red", "--lang", "en"])
        let enLines = en.stdout.split(separator: "\n")
        #expect(enLines.first == "Number            State      Light   Due        Left Item")
        #expect(enLines.count > 2 && enLines.dropFirst().allSatisfy { $0.contains(" red ") })
    }

    @Test func theDemoCasesVerifyAndCasesNeedTheDemo() throws {
        let verify = try desk(["audit", "verify", "--json"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let sweep = try desk(["cases", "sweep", "--json"])
        #expect((sweep.object["steps"] as? [Any])?.count == 1)
        let other = folder.appendingPathComponent("other.sqlite").path
        #expect(try Desk.run(["init", "--cases", "--db", other]).status == 64)
    }

    /// The demo's material ledger and contact log (issue 10): P01's 代办 case balanced and its job closed; P03's case with
    /// one original at the window and one with the agent; today's jobs with materials collected, one closed; contacts,
    /// one with the next step's day; every receipt prints and the chain verifies.
    @Test func theDemoLedgerHasBalancedAndOutstandingJobsAndContacts() throws {
        let p01 = try desk(["handover", "list", "--agent", "P01", "--json"])
        #expect(p01.status == 0, "\(p01.stderr)")
        let p01Handovers = try #require(p01.object["handovers"] as? [[String: Any]])
        #expect(p01Handovers.contains { $0["case"] is String } && p01Handovers.contains { $0["to"] as? String == "window" })
        let p01Jobs = try desk(["agent", "show", "P01", "--all", "--json"]).object["jobs"] as? [[String: Any]] ?? []
        #expect(p01Jobs.contains { $0["state"] as? String == "closed" && $0["case_state"] as? String == "resultIssued" }, "\(p01Jobs)")
        let p03 = try desk(["handover", "list", "--agent", "P03", "--json"])
        let out = try #require(p03.object["originals_out"] as? [[String: Any]])
        #expect(Set(out.compactMap { $0["holder"] as? String }).isSuperset(of: ["window", "agent"]) && p03.object["balanced"] as? Bool == false,
                "\(p03.stdout)")
        let text = try desk(["handover", "list", "--agent", "P03", "--lang", "zh"])
        #expect(text.stdout.contains("尚未退还的原件") && text.stdout.contains("在窗口处"), "\(text.stdout)")
        let jobs = try desk(["agent", "list", "--json"]).object["agents"] as? [[String: Any]] ?? []
        var contacts: [[String: Any]] = [], receipts: [String] = [], closedWithoutCase = 0
        for agent in jobs.compactMap({ $0["id"] as? String }) {
            contacts += try desk(["contact", "list", "--agent", agent, "--json"]).object["contacts"] as? [[String: Any]] ?? []
            receipts += (try desk(["handover", "list", "--agent", agent, "--json"]).object["handovers"] as? [[String: Any]] ?? [])
                .compactMap { $0["number"] as? String }
            closedWithoutCase += (try desk(["agent", "show", agent, "--all", "--json"]).object["jobs"] as? [[String: Any]] ?? [])
                .filter { $0["state"] as? String == "closed" && $0["case"] is NSNull }.count
        }
        #expect(contacts.count >= 4 && contacts.contains { $0["next"] is String }, "\(contacts)")
        #expect(receipts.count >= 15 && closedWithoutCase == 1, "\(receipts) \(closedWithoutCase)")
        for number in receipts.prefix(3) { #expect(try desk(["handover", "receipt", number]).stdout.contains("材料交接单")) }
        #expect(try desk(["audit", "verify"]).status == 0)
    }

    /// From about 2026-12-21 the demo's extension cannot be counted (2027 is not loaded): init still makes the hall.
    @Test func initWithTheDemoCasesWorksLateInDecember() throws {
        let late = folder.appendingPathComponent("late.sqlite").path
        let r = try Desk.run(["init", "--demo", "--cases", "--db", late], environment: ["DESK_NOW": "2026-12-28T09:00:00+08:00"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let verify = try Desk.run(["audit", "verify", "--db", late], environment: ["DESK_NOW": "2026-12-28T09:00:00+08:00"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // The ledger is there too: P01's job closed once its result was handed back.
        let ledger = try Desk.run(["handover", "list", "--agent", "P01", "--json", "--db", late], environment: ["DESK_NOW": "2026-12-28T09:00:00+08:00"])
        #expect(ledger.status == 0 && (ledger.object["handovers"] as? [Any])?.isEmpty == false, "\(ledger.stdout)\(ledger.stderr)")
    }
}
