import Foundation
import Testing

/// Issue 11 (hallops11) through the real binary: a supervisor moves a ticket, changes a window's profile, signs a
/// clerk out and messages the windows; a clerk is refused each (exit 5).
@Suite struct HallActionsCLITests {
    let folder: URL
    let db: String
    /// Monday 2026-03-02, 10:00 in the hall's zone.
    static let monday = "2026-03-02T10:00:00+08:00"

    init() throws {
        folder = try Desk.scratchFolder()
        db = folder.appendingPathComponent("hall.sqlite").path
        let r = try Desk.run(["init", "--demo", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// As `staff` (M01 the supervisor by default; S03 a clerk at window 3).
    func desk(_ arguments: [String], as staff: String = "M01", at now: String = monday) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db, "--staff", staff], environment: ["DESK_NOW": now, "DESK_PASSWORD": "demo-" + staff])
    }

    @Test func aSupervisorMovesAWaitingTicketAndAClerkMayNot() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(try desk(["ticket", "issue", "--line", "B"]).status == 0)
        let clerk = try desk(["ticket", "move", "--code", "A001", "--line", "B"], as: "S03")
        #expect(clerk.status == 5, "\(clerk.stderr)")
        let moved = try desk(["ticket", "move", "--code", "A001", "--line", "B", "--placement", "front", "--reason", "企业开办", "--json"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.object["code"] as? String == "A001" && moved.object["line"] as? String == "B", "\(moved.stdout)")
        // Window 4 (B only) calls it first; then it is called and a move is refused (exit 1).
        let called = try desk(["ticket", "call", "--window", "4", "--json"], as: "S04")
        #expect(called.object["code"] as? String == "A001", "\(called.stdout)")
        let refused = try desk(["ticket", "move", "--code", "A001", "--line", "C", "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("A001"), "\(refused.stderr)")
        #expect(try desk(["ticket", "move", "--code", "B001", "--line", "Z"]).status == 1)
        #expect(try desk(["ticket", "move", "--code", "", "--line", "B"]).status == 64)
        #expect(try desk(["ticket", "move", "--code", "B001", "--line", "C", "--placement", "middle"]).status == 64)
        let shown = try desk(["ticket", "show", "A001", "--lang", "en"])
        #expect(shown.stdout.contains("A -> B") && shown.stdout.contains("企业开办") && shown.stdout.contains("by M01"), "\(shown.stdout)")
        let verify = try desk(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func aSupervisorSetsAWindowsProfile() throws {
        let set = try desk(["window", "set", "4", "--lines", "c:1,B:0.5", "--filter", "priority", "--lang", "en"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Window 4 企业开办二 calls C:1, B:0.5; filter priority"), "\(set.stdout)")
        let json = try desk(["window", "set", "4", "--filter", "all", "--json"], as: "A01")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.object["filter"] as? String == "all")
        #expect((json.object["lines"] as? [[String: Any]])?.compactMap { $0["line"] as? String } == ["C", "B"], "\(json.stdout)")
        #expect(try desk(["window", "set", "4", "--lines", "A:1"], as: "S03").status == 5)
        #expect(try desk(["window", "set", "4", "--filter", "all"]).status == 1)          // nothing changes
        #expect(try desk(["window", "set", "4"]).status == 64)                             // neither option
        #expect(try desk(["window", "set", "4", "--lines", "A:0"]).status == 64)
        #expect(try desk(["window", "set", "4", "--lines", "A,A"]).status == 1)
        #expect(try desk(["window", "set", "42", "--lines", "A"]).status == 1)
        // Its next call is by the new profile: C before B.
        #expect(try desk(["ticket", "issue", "--line", "B"]).status == 0)
        #expect(try desk(["ticket", "issue", "--line", "C"]).status == 0)
        #expect(try desk(["ticket", "call", "--window", "4", "--json"], as: "S04").object["code"] as? String == "C001")
    }

    @Test func aSupervisorSignsAClerkOutButNotWithAnApplicantAtTheCounter() throws {
        #expect(try desk(["ticket", "issue", "--line", "B"]).status == 0)
        #expect(try desk(["ticket", "call", "--window", "3"], as: "S03").status == 0)
        let busy = try desk(["window", "close", "--window", "3", "--reason", "调岗", "--lang", "en"])
        #expect(busy.status == 1 && busy.stderr.contains("B001"), "\(busy.stderr)")
        #expect(try desk(["window", "close", "--window", "4"], as: "S03").status == 5)
        #expect(try desk(["ticket", "requeue", "--window", "3"]).status == 0)
        let closed = try desk(["window", "close", "--window", "3", "--reason", "调岗到咨询台", "--json"])
        #expect(closed.status == 0 && closed.object["state"] as? String == "closed", "\(closed.stderr)")
        let events = try desk(["audit", "show", "--json"])
        let signOut = (events.object["events"] as? [[String: Any]])?.last { $0["kind"] as? String == "sign_out" }
        #expect(signOut?["actor"] as? String == "M01" && signOut?["staff"] as? String == "S03")
        #expect(signOut?["detail"] as? String == #"{"note":"调岗到咨询台","reason":"supervisor"}"#)
    }

    @Test func messagesGoToOneWindowOrAllAndTheListSaysWhoReadThem() throws {
        let one = try desk(["message", "send", "--window", "3", "请3号窗口暂停叫号，到服务台"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("已发送至3 号窗口") || one.stdout.contains("sent to window 3"), "\(one.stdout)")
        let all = try desk(["message", "send", "--all", "下午三点例会", "--json"])
        #expect(all.object["to"] as? String == "all" && all.object["window"] is NSNull, "\(all.stdout)")
        #expect(try desk(["message", "send", "--window", "3", "x"], as: "S03").status == 5)
        #expect(try desk(["message", "send", "--window", "3", "--all", "x"]).status == 64)
        #expect(try desk(["message", "send", "hello"]).status == 64)
        #expect(try desk(["message", "send", "--all", String(repeating: "长", count: 121)]).status == 1)
        #expect(try desk(["message", "send", "--window", "42", "在吗"]).status == 1)

        let list = try desk(["message", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.object["date"] as? String == "2026-03-02")
        let messages = try #require(list.object["messages"] as? [[String: Any]])
        #expect(messages.map { $0["text"] as? String } == ["请3号窗口暂停叫号，到服务台", "下午三点例会"])
        #expect(messages.first?["from"] as? String == "M01" && messages.first?["from_name"] as? String == "周建国")
        #expect(messages.first?["window"] as? Int == 3 && (messages.first?["reads"] as? [Any])?.isEmpty == true)
        let text = try desk(["message", "list", "--lang", "en"])
        #expect(text.stdout.contains("→ all windows") && text.stdout.contains("unread"), "\(text.stdout)")
        #expect(try desk(["message", "list", "--date", "2026-03-01", "--lang", "en"]).stdout.contains("No message was sent on 2026-03-01."))
        #expect(try desk(["message", "list", "--date", "yesterday"]).status == 64)
    }
}
