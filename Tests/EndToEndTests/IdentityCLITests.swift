import Foundation
import GRDB
import HallModel
import Testing

/// Exit statuses (README): 1 refused, 5 not signed in or not permitted.
private let refused: Int32 = 1, notPermitted: Int32 = 5

/// Identity and the audit trail through the real binary, as a clerk's script or an administrator would use them.
@Suite struct IdentityCLITests {
    let folder: URL
    let db: String

    /// A demo hall made by `desk init --demo`: the account running the tests is bound to S01 (clerk at window 1,
    /// supervisor and admin).
    init() throws {
        folder = try Desk.scratchFolder()
        db = folder.appendingPathComponent("hall.sqlite").path
        let r = try desk(["init", "--demo"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// `desk ARGS --db <this hall> --lang en`.
    @discardableResult
    func desk(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Desk.Result {
        try Desk.run(arguments + ["--db", db, "--lang", "en"], environment: environment, stdin: stdin)
    }

    func exportLines() throws -> [[String: Any]] {
        let r = try desk(["audit", "export"])
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not a JSON object: \($0)")
        }
    }

    @Test func staffListJSONHasEveryDemoPersonWithTheirRoles() throws {
        let r = try desk(["staff", "list", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.object.keys.sorted() == ["staff"])
        let staff = try #require(r.object["staff"] as? [[String: Any]])
        #expect(staff.count == 59)
        let keys: Set = ["id", "name", "department", "roles", "approver_level", "active", "os_user", "has_password", "locked_until", "window"]
        for person in staff { #expect(Set(person.keys) == keys, "\(person)") }
        func person(_ id: String) throws -> [String: Any] { try #require(staff.first { $0["id"] as? String == id }) }
        let s01 = try person("S01")
        #expect(s01["roles"] as? [String] == ["clerk", "supervisor", "admin"])
        #expect(s01["os_user"] as? String == OSAccount.current())
        #expect(s01["window"] as? Int == 1)
        #expect(s01["active"] as? Bool == true && s01["has_password"] as? Bool == true)
        #expect(try person("S03")["window"] as? Int == 3)
        #expect(try person("S03")["os_user"] is NSNull)
        #expect(try person("M01")["roles"] as? [String] == ["supervisor"])
        #expect(try person("M01")["window"] is NSNull)
        #expect(try person("A01")["roles"] as? [String] == ["admin"])
        #expect(try person("C01")["roles"] as? [String] == ["approver"])
        #expect(try person("C01")["approver_level"] as? String == "sectionChief")
        #expect(try person("D01")["approver_level"] as? String == "deputyDirector")
        #expect(try person("R01")["approver_level"] is NSNull)
        let ids = staff.compactMap { $0["id"] as? String }
        #expect(ids.filter { $0.hasPrefix("P") }.count == 20)
        #expect(ids.filter { $0.hasPrefix("S") }.count == 8)
        #expect(staff.allSatisfy { ($0["roles"] as? [String])?.isEmpty == false && $0["locked_until"] is NSNull })
    }

    @Test func actingAsSomeoneElseNeedsTheirPasswordAndTheirWindow() throws {
        // The bound account's own number needs no password.
        #expect(try desk(["ticket", "issue", "--line", "B", "--staff", "S01"]).status == 0)
        // No password, and no terminal to ask on.
        let noPassword = try desk(["ticket", "call", "--window", "3", "--staff", "S03"])
        #expect(noPassword.status == notPermitted)
        #expect(noPassword.stderr.contains("A password is needed for S03"), "\(noPassword.stderr)")
        let wrong = try desk(["ticket", "call", "--window", "3", "--staff", "S03"], environment: ["DESK_PASSWORD": "demo-S04"])
        #expect(wrong.status == notPermitted)
        #expect(wrong.stderr.contains("Wrong staff number or password."), "\(wrong.stderr)")
        let right = ["DESK_PASSWORD": "demo-S03"]
        let called = try desk(["ticket", "call", "--window", "3", "--staff", "S03", "--json"], environment: right)
        #expect(called.status == 0, "\(called.stderr)")
        #expect(called.object["code"] as? String == "B001")
        #expect(called.object["window"] as? Int == 3)
        // Window 4 is S04's: S03 may not work it; the message names her and who may.
        #expect(try desk(["ticket", "issue", "--line", "B"]).status == 0)
        let elsewhere = try desk(["ticket", "call", "--window", "4", "--staff", "S03"], environment: right)
        #expect(elsewhere.status == notPermitted)
        #expect(elsewhere.stderr.contains("S03 张伟 may not work this window's tickets"), "\(elsewhere.stderr)")
        #expect(elsewhere.stderr.contains("needs: supervisor"), "\(elsewhere.stderr)")
        #expect(elsewhere.stdout.isEmpty)
        // The call is in the log as S03's; the refusal wrote no call.
        let calls = try exportLines().filter { $0["kind"] as? String == "call" }
        #expect(calls.count == 1)
        #expect(calls.first?["actor"] as? String == "S03")
        #expect(calls.first?["window_id"] as? Int == 3)
        let failures = try exportLines().filter { $0["kind"] as? String == "sign_in_failed" }
        #expect(failures.count == 1)
        #expect(!(try desk(["audit", "export"])).stdout.contains("demo-S0"))
    }

    @Test func anAdministratorAddsAPersonWhoSetsToWorkWithTheirNewPassword() throws {
        // The bound account is S01, an administrator: no password needed.
        let added = try desk(["staff", "add", "S09", "--name", "陈新", "--department", "综合受理科", "--roles", "clerk", "--json"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.object["id"] as? String == "S09")
        #expect(added.object["has_password"] as? Bool == false)
        // No password yet: said so.
        let before = try desk(["ticket", "issue", "--line", "A", "--staff", "S09"], environment: ["DESK_PASSWORD": "anything"])
        #expect(before.status == notPermitted)
        #expect(before.stderr.contains("S09 has no password yet"), "\(before.stderr)")
        // Too short, from standard input: refused; then a good one.
        let short = try desk(["staff", "password", "S09"], stdin: "short\n")
        #expect(short.status == refused)
        #expect(short.stderr.contains("at least 8 characters"), "\(short.stderr)")
        let set = try desk(["staff", "password", "S09"], stdin: "Chen-Xin-2026\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Password set for S09."))
        #expect(try desk(["staff", "show", "S09", "--json"]).object["has_password"] as? Bool == true)
        // A clerk may not set someone else's password.
        let notAdmin = try desk(["staff", "password", "S09", "--staff", "S03"], environment: ["DESK_PASSWORD": "demo-S03"], stdin: "Taken-Over-1\n")
        #expect(notAdmin.status == notPermitted)
        #expect(notAdmin.stderr.contains("may not manage staff"), "\(notAdmin.stderr)")

        // S09 takes over window 2: S02 signs out, S09 signs in with the new password and calls.
        let asS09 = ["DESK_PASSWORD": "Chen-Xin-2026"]
        #expect(try desk(["ticket", "issue", "--line", "A", "--staff", "S09"], environment: asS09).status == 0)
        #expect(try desk(["window", "close", "--window", "2", "--staff", "S02"], environment: ["DESK_PASSWORD": "demo-S02"]).status == 0)
        let open = try desk(["window", "open", "--window", "2", "--staff", "S09"], environment: asS09)
        #expect(open.status == 0, "\(open.stderr)")
        #expect(try desk(["staff", "show", "S09", "--json"]).object["window"] as? Int == 2)
        let called = try desk(["ticket", "call", "--window", "2", "--staff", "S09", "--json"], environment: asS09)
        #expect(called.status == 0, "\(called.stderr)")
        #expect(called.object["code"] as? String == "A001")
        let byS09 = try exportLines().filter { $0["actor"] as? String == "S09" }.compactMap { $0["kind"] as? String }
        #expect(byS09 == ["authenticated", "issue", "authenticated", "sign_in", "authenticated", "call"])
        // The new password is nowhere in the log.
        #expect(!(try desk(["audit", "export"])).stdout.contains("Chen-Xin-2026"))
    }

    @Test func aFixedClockOnlyOnDemoAndTestHalls() throws {
        let now = "2026-03-02T09:00:00+08:00"
        let fixed = try #require(ISO8601DateFormatter().date(from: now))
        // A real hall (plain `desk init`): events must carry the real time.
        let real = folder.appendingPathComponent("real.sqlite").path
        #expect(try Desk.run(["init", "--db", real]).status == 0)
        let refusedOnReal = try Desk.run(["ticket", "issue", "--line", "A", "--db", real, "--lang", "en"],
                                                        environment: ["DESK_NOW": now])
        #expect(refusedOnReal.status == refused)
        #expect(refusedOnReal.stderr.contains("DESK_NOW is refused on a real hall"), "\(refusedOnReal.stderr)")
        let count = try DatabaseQueue(path: real).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM hall_event") }
        #expect(count == 1)

        // The demo hall takes a ticket at the fixed time.
        let issued = try desk(["ticket", "issue", "--line", "A", "--json"], environment: ["DESK_NOW": now])
        #expect(issued.status == 0, "\(issued.stderr)")
        let ticket = try #require(issued.object["ticket"] as? [String: Any])
        #expect((ticket["issued_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } == fixed)
        #expect(ticket["business_date"] as? String == "2026-03-02")

        // A test hall (`desk init --test`): its bound ADMIN adds someone at the fixed time.
        let test = folder.appendingPathComponent("test.sqlite").path
        let made = try Desk.run(["init", "--test", "--db", test], environment: ["DESK_NOW": now])
        #expect(made.status == 0, "\(made.stderr)")
        let added = try Desk.run(["staff", "add", "T01", "--name", "测试员", "--roles", "clerk", "--db", test],
                                                environment: ["DESK_NOW": now])
        #expect(added.status == 0, "\(added.stderr)")
        let export = try Desk.run(["audit", "export", "--db", test])
        let last = try #require(try export.stdout.split(separator: "\n").last.map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        } ?? nil)
        #expect(last["kind"] as? String == "staff_added")
        #expect(last["actor"] as? String == "ADMIN")
        #expect((last["at"] as? Int).map(Int64.init) == Int64(fixed.timeIntervalSince1970 * 1000))
        #expect(last["business_date"] as? String == "2026-03-02")
    }

    @Test func auditVerifyFindsAnEditMadeOnTheFile() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(try desk(["ticket", "call", "--window", "1"]).status == 0)
        #expect(try desk(["ticket", "start", "--window", "1"]).status == 0)
        let intact = try desk(["audit", "verify"])
        #expect(intact.status == 0, "\(intact.stdout)\(intact.stderr)")
        #expect(intact.stdout.contains("The audit chain holds"))

        let lines = try exportLines()
        let call = try #require(lines.first { $0["kind"] as? String == "call" }?["seq"] as? Int)
        do {
            let file = try DatabaseQueue(path: db)
            try file.write { db in
                try db.execute(sql: "DROP TRIGGER hall_event_no_update")
                try db.execute(sql: "UPDATE hall_event SET kind = 'recall' WHERE id = ?", arguments: [call])
            }
            try file.close()
        }
        let broken = try desk(["audit", "verify"])
        #expect(broken.status == refused)
        #expect(broken.stdout.contains("BROKEN at event \(call):"), "\(broken.stdout)")
        let json = try desk(["audit", "verify", "--json"])
        #expect(json.status == refused)
        #expect(json.object["ok"] as? Bool == false)
        let first = try #require(json.object["first_broken_link"] as? [String: Any])
        #expect(first["seq"] as? Int == call)
        #expect(first["reason"] as? String == "hash_mismatch")
    }

    @Test func auditExportIsOneLinkedJSONObjectALine() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        #expect(try desk(["window", "pause", "--window", "1", "--reason", #"午休 "A""#]).status == 0)
        let lines = try exportLines()
        #expect(lines.count > 3)
        var prev = String(repeating: "0", count: 64)
        for (i, line) in lines.enumerated() {
            #expect(line["seq"] as? Int == i + 1)
            #expect(line["prev"] as? String == prev, "seq \(i + 1)")
            let hash = try #require(line["hash"] as? String)
            #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
            prev = hash
        }
        let pause = try #require(lines.last)
        #expect(pause["kind"] as? String == "pause")
        #expect((pause["detail"] as? [String: Any])?["reason"] as? String == #"午休 "A""#)
        // From a sequence number on.
        let tail = try desk(["audit", "export", "--from", "\(lines.count - 1)"])
        #expect(tail.stdout.split(separator: "\n").count == 2)
    }

    @Test func theDaysSealVerifiesAndAMadeUpOneDoesNot() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        let closed = try desk(["day", "close", "--json"])
        #expect(closed.status == 0, "\(closed.stderr)")
        let seal = try #require(closed.object["seal"] as? String)
        #expect(seal.count == 64)
        let lines = try exportLines()
        #expect(lines.last?["kind"] as? String == "day_close")
        #expect(lines.last?["hash"] as? String == seal)
        #expect(lines.last?["seq"] as? Int == closed.object["seal_seq"] as? Int)

        let verified = try desk(["audit", "verify", "--seal", seal])
        #expect(verified.status == 0, "\(verified.stdout)")
        let madeUp = String(seal.reversed())
        let notFound = try desk(["audit", "verify", "--seal", madeUp])
        #expect(notFound.status == refused)
        #expect(notFound.stdout.contains("Seal \(madeUp): not in the chain"), "\(notFound.stdout)")
    }

    @Test func onlyAnAdministratorMayReplaceTheHall() throws {
        #expect(try desk(["ticket", "issue", "--line", "A"]).status == 0)
        let clerk = try desk(["init", "--force", "--staff", "S02"], environment: ["DESK_PASSWORD": "demo-S02"])
        #expect(clerk.status == notPermitted)
        #expect(clerk.stderr.contains("S02 李强 may not replace the hall database"), "\(clerk.stderr)")
        let wrong = try desk(["init", "--force", "--staff", "A01"], environment: ["DESK_PASSWORD": "demo-S02"])
        #expect(wrong.status == notPermitted)
        // The hall is untouched.
        #expect(FileManager.default.fileExists(atPath: db))
        #expect((try desk(["staff", "list", "--json"]).object["staff"] as? [Any])?.count == 59)
        #expect(try desk(["ticket", "show", "A001"]).status == 0)
        #expect(try desk(["audit", "verify"]).status == 0)

        // Its administrator may: a new real hall, with this account bound to its ADMIN.
        let admin = try desk(["init", "--force", "--yes", "--staff", "A01"], environment: ["DESK_PASSWORD": "demo-A01"])
        #expect(admin.status == 0, "\(admin.stderr)")
        let staff = try #require(try desk(["staff", "list", "--json"]).object["staff"] as? [[String: Any]])
        #expect(staff.map { $0["id"] as? String } == ["ADMIN"])
        #expect(staff.first?["os_user"] as? String == OSAccount.current())
        // The replaced demo hall was kept beside it, whole.
        let kept = try #require(admin.stdout.split(separator: "\n").first { $0.hasPrefix("The replaced hall is kept as ") })
        let keptPath = String(kept.dropFirst("The replaced hall is kept as ".count).dropLast())
        #expect(try Desk.run(["staff", "list", "--json", "--db", keptPath]).object["staff"].map { ($0 as? [Any])?.count } == 59)

        // A real hall is never replaced by a demo or test hall in place (DESK_NOW would then date its events).
        let demo = try desk(["init", "--force", "--demo"])
        #expect(demo.status == refused && demo.stderr.contains("is a real hall"), "\(demo.stderr)")
        #expect(try desk(["settings", "show", "--json"]).object["hall_kind"] as? String == "production")
    }

    /// A real hall is set up from the command line: lines and windows by its administrator, then a clerk.
    @Test func aRealHallIsSetUpFromTheCommandLine() throws {
        let real = folder.appendingPathComponent("real.sqlite").path
        func run(_ arguments: [String], _ environment: [String: String] = [:]) throws -> Desk.Result {
            try Desk.run(arguments + ["--db", real, "--lang", "en"], environment: environment)
        }
        #expect(try run(["init"]).status == 0)
        // A real hall keeps its real clock: open all day, so the ticket below is issued whenever the tests run.
        for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
            #expect(try run(["settings", "set", "hours_\(day)", "00:00-23:59"]).status == 0)
        }
        #expect(try run(["settings", "set", "hours_follow_holidays", "false"]).status == 0)
        #expect(try run(["settings", "set", "issue_stop_minutes", "0"]).status == 0)
        #expect(try run(["line", "add", "F", "--name", "公积金", "--target-wait", "20"]).status == 0)
        #expect(try run(["line", "add", "F", "--name", "again"]).stderr.contains("Line F already exists."))
        #expect(try run(["window", "add", "1", "--name", "公积金窗口", "--lines", "F:1"]).status == 0)
        #expect(try run(["staff", "add", "S01", "--name", "钱进", "--roles", "clerk"]).status == 0)
        #expect(try run(["staff", "password", "S01"]).status != 0, "no password on standard input")
        let set = try Desk.run(["staff", "password", "S01", "--db", real], stdin: "qian-jin-2026\n")
        #expect(set.status == 0, "\(set.stderr)")
        let clerk = ["DESK_PASSWORD": "qian-jin-2026"]
        #expect(try run(["window", "open", "--window", "1", "--staff", "S01"], clerk).status == 0)
        #expect(try run(["ticket", "issue", "--line", "F", "--staff", "S01"], clerk).status == 0)
        let called = try run(["ticket", "call", "--window", "1", "--json", "--staff", "S01"], clerk)
        #expect(called.object["code"] as? String == "F001", "\(called.stderr)")
        // The administrator alone is no clerk: refused at the window, with who lacks which right.
        let admin = try run(["ticket", "start", "--window", "1"])
        #expect(admin.status == notPermitted && admin.stderr.contains("ADMIN"), "\(admin.stderr)")
        #expect(try run(["audit", "verify"]).status == 0)
    }
}
