import Foundation
import Testing

/// Issue 11's supervisor's screen in a real terminal: a ticket served at window 1 and more waiting (by the CLI); the
/// supervisor M01 opens `desk supervise`, sees line A past its target and window 2 paused, opens line A and cancels a
/// waiting ticket (asked first); `desk ticket show` then says it is cancelled. A non-supervisor is refused, exit 5.
@Suite(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
struct SuperviseTmuxTests {
    static let morning = "2026-03-02T09:00:00+08:00"
    static let now = "2026-03-02T09:40:00+08:00"
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    func desk(_ arguments: [String], at time: String = now, password: String? = nil) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db], environment: ["DESK_NOW": time].merging(password.map { ["DESK_PASSWORD": $0] } ?? [:]) { a, _ in a })
    }

    func screen(lang: String, width: Int, height: Int) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        shell: TmuxSession.deskShell("supervise --staff M01 --db \(TmuxSession.quote(db)) --lang \(lang)",
                                                     environment: "DESK_NOW=\(Self.now) DESK_PASSWORD=demo-M01 "))
    }

    @Test func theSupervisorSeesTheHallAndCancelsATicketFromALine() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "issue", "--line", "A"], ["ticket", "issue", "--line", "A"],
                     ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"], ["ticket", "finish", "--window", "1"]] {
            let r = try desk(step, at: Self.morning)
            #expect(r.status == 0, "\(step) \(r.stderr)")
        }
        #expect(try desk(["window", "pause", "--window", "2", "--reason", "培训"], at: Self.morning).status == 0)

        let s = try screen(lang: "zh", width: 80, height: 24)
        #expect(s.waitFor("现场监督", "1 号段!", "!A", "综合受理"), "\(s.screenText)")
        try s.send("2")
        #expect(s.waitFor("培训（09:00 起）"), "\(s.screenText)")
        try s.send("1")
        try s.send("Enter")
        #expect(s.waitFor("号段 A 综合受理 · 今日号票", "A002", "c 作废"), "\(s.screenText)")
        try s.send("Down")
        try s.send("c")
        #expect(s.waitFor("作废号票 A002？", "Enter 确认 / Esc 取消"), "\(s.screenText)")
        try s.send("Enter")
        #expect(s.waitFor("号票 A002 已作废。"), "\(s.screenText)")
        try s.send("F10")
        #expect(s.waitFor("TERMINAL-RESTORED", "exit=0"), "\(s.screenText)")
        let show = try desk(["ticket", "show", "A002", "--json"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("\"cancelled\""), "\(show.stdout)")
    }

    @Test func aNonSupervisorIsRefusedBeforeTheScreenOpens() throws {
        let r = try desk(["supervise", "--staff", "S02", "--lang", "en"], password: "demo-S02")
        #expect(r.status == 5)
        #expect(r.stderr.contains("may not open the supervisor's screen"), "\(r.stderr)")
    }
}
