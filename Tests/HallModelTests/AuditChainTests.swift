import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

// The audit chain: SM3 (GB/T 32905) and RFC 8785 canonical JSON as the chain uses them, `verifyAudit` on an
// intact day and after edits made directly on the file (as someone with `sqlite3` would make them), the day's
// seal, and an export checked by an SM3 implementation that is not HallDesk's (Python's hashlib, OpenSSL-backed
// but reached through another program and its own JSON serialiser).

@Suite struct SM3Tests {
    @Test func theStandardsVectors() throws {
        // GB/T 32905-2016, Appendix A: "abc", and "abcd" sixteen times (one 64-byte block plus padding).
        #expect(Hex.encode(try SM3.hash(Array("abc".utf8))) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        #expect(Hex.encode(try SM3.hash(Array(String(repeating: "abcd", count: 16).utf8)))
                == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test func aReusedContextHashesPartsAsTheirConcatenation() throws {
        let sm3 = try SM3()
        let whole = try SM3.hash(Array("abcdefgh".utf8))
        #expect(sm3.digest(Array("abcd".utf8), Array("efgh".utf8)) == whole)
        #expect(sm3.digest(Array("abc".utf8)) == Hex.decode("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"))
        #expect(sm3.digest(Array("abcdefgh".utf8)) == whole)
        #expect(sm3.digest([]) == (try SM3.hash([])))
        #expect(Hex.decode(Hex.encode(whole)) == whole && Hex.decode("ABCDEF") == [0xab, 0xcd, 0xef])
        #expect(Hex.decode("abc") == nil && Hex.decode("zz") == nil)
    }
}

@Suite struct CanonicalJSONTests {
    @Test func membersAreSortedAtEveryLevelWithoutWhiteSpace() {
        let value = AuditValue.object([
            "b": .int(1), "a": .int(-2), "B": .bool(true), "aa": .null, "": .bool(false),
            "z": .object(["y": .null, "x": .object(["2": .int(0), "10": .int(9_007_199_254_740_993)])]),
        ])
        #expect(CanonicalJSON.string(value) == #"{"":false,"B":true,"a":-2,"aa":null,"b":1,"z":{"x":{"10":9007199254740993,"2":0},"y":null}}"#)
        #expect(CanonicalJSON.string(.object([:])) == "{}")
    }

    @Test func namesAreOrderedByUTF16CodeUnitsAsRFC8785Says() {
        // U+1F600 is D83D DE00 in UTF-16, before U+E000 (code-point order would put it after).
        let value = AuditValue.object(["\u{E000}": .int(1), "\u{1F600}": .int(2), "é": .int(3)])
        #expect(CanonicalJSON.string(value) == "{\"é\":3,\"\u{1F600}\":2,\"\u{E000}\":1}")
    }

    @Test func stringsCarryOnlyTheEscapesJSONRequires() {
        #expect(CanonicalJSON.string(.string("say \"hi\"")) == #""say \"hi\"""#)
        #expect(CanonicalJSON.string(.string(#"C:\temp"#)) == #""C:\\temp""#)
        #expect(CanonicalJSON.string(.string("a\nb\tc\rd\u{8}e\u{C}f")) == #""a\nb\tc\rd\be\ff""#)
        // Other control characters as \u00xx, in lower case; DEL and "/" as they are.
        #expect(CanonicalJSON.string(.string("\u{1F}\u{0}\u{1B}")) == #""\u001f\u0000\u001b""#)
        #expect(CanonicalJSON.string(.string("/\u{7F}")) == "\"/\u{7F}\"")
    }

    @Test func nonASCIIIsKeptAsUTF8() {
        let bytes = CanonicalJSON.bytes(.object(["reason": .string("午休 \"A\" ✓ \u{1F600}")]))
        #expect(bytes == Array("{\"reason\":\"午休 \\\"A\\\" ✓ \u{1F600}\"}".utf8))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\\u"))
    }

    @Test func anEventIsItsCanonicalBytesHashedAfterItsPrev() throws {
        let record = AuditRecord(seq: 7, at: 1_772_413_200_000, businessDate: "2026-03-02", kind: "pause", actor: "S03", terminal: "window:3",
                                 ticketID: nil, lineID: nil, windowID: 3, staffID: "S03", detail: #"{"reason":"午休"}"#,
                                 prev: Array(repeating: 0xab, count: 32), hash: Array(repeating: 1, count: 32))
        let canonical = String(decoding: record.canonicalBytes(), as: UTF8.self)
        #expect(canonical == """
            {"actor":"S03","at":1772413200000,"business_date":"2026-03-02","detail":{"reason":"午休"},"kind":"pause","line_id":null,\
            "prev":"\(String(repeating: "ab", count: 32))","seq":7,"staff_id":"S03","terminal":"window:3","ticket_id":null,"window_id":3}
            """)
        // The export line is the same object with its hash, still in order.
        #expect(record.exportLine() == canonical.replacingOccurrences(of: #","kind""#, with: #","hash":"\#(String(repeating: "01", count: 32))","kind""#))
        #expect(record.computedHash(try SM3()) == (try SM3.hash(record.prev + record.canonicalBytes())))
    }
}

/// A hall with a full day behind it: every kind of ticket event, a pause and a day close.
private struct BusyDay {
    let hall: TestHall
    let seal: DayCloseSummary
    /// Ticket codes to their ids.
    let tickets: [String: Int64]

    /// Quotes, a backslash and non-ASCII (control characters are refused in reasons: `FreeText`).
    static let pauseReason = "午休 \"A\" C:\\temp ✓"

    init() throws {
        let hall = try TestHall()
        let db = hall.database
        var tickets: [String: Int64] = [:]
        for line in ["A", "A", "A", "B", "D", "E"] {
            let t = try hall.issue(line)
            tickets[t.code] = t.id
        }
        hall.clock.advance(minutes: 3)
        // Window 1: A001 straight through; A002 held, called back, finished.
        let clerk1 = hall.clerk(1)
        _ = try db.callSpecific(window: 1, code: "A001", by: clerk1)
        try db.start(window: 1, by: clerk1)
        hall.clock.advance(minutes: 5)
        try db.finish(window: 1, by: clerk1)
        _ = try db.callSpecific(window: 1, code: "A002", by: clerk1)
        try db.hold(window: 1, by: clerk1)
        try db.resumeHeld(window: 1, code: "A002", by: clerk1)
        try db.start(window: 1, by: clerk1)
        try db.finish(window: 1, by: clerk1)
        // Window 2: A003 called twice, then a no-show.
        _ = try db.callSpecific(window: 2, code: "A003", by: hall.clerk(2))
        try db.recall(window: 2, by: hall.clerk(2))
        try db.noShow(window: 2, by: hall.clerk(2))
        // Window 3: B001 is for another line.
        _ = try db.callSpecific(window: 3, code: "B001", by: hall.clerk(3))
        try db.transfer(window: 3, toLine: "C", by: hall.clerk(3))
        // The supervisor cancels D001; window 6 pauses for lunch and comes back.
        try db.cancel(code: "D001", by: hall.supervisor)
        try db.pauseWindow(6, reason: Self.pauseReason, by: hall.clerk(6))
        try db.resumeWindow(6, by: hall.clerk(6))
        // E001 and the transferred B001 are still waiting at the day's end.
        hall.clock.advance(minutes: 60)
        seal = try db.closeDay(by: hall.supervisor)
        self.hall = hall
        self.tickets = tickets
    }

    func records() throws -> [AuditRecord] {
        var all: [AuditRecord] = []
        try hall.database.forEachAuditRecord { all.append($0) }
        return all
    }

    /// The sequence number of the first event of `kind` (for `code`'s ticket, when given).
    func seq(of kind: EventKind, ticket code: String? = nil) throws -> Int64 {
        let ticketID = try code.map { try #require(tickets[$0]) }
        let found = try records().first { $0.kind == kind.rawValue && (ticketID == nil || $0.ticketID == ticketID) }
        return try #require(found).seq
    }

    /// SQL run on the file by another connection, as `sqlite3 hall.sqlite` would.
    func onTheFile(_ statements: String...) throws { try onTheFile(statements) }

    func onTheFile(_ statements: [String]) throws {
        let queue = try DatabaseQueue(path: hall.path)
        try queue.writeWithoutTransaction { db in
            for sql in statements { try db.execute(sql: sql) }
        }
        try queue.close()
    }

    static let dropTriggers = [
        "DROP TRIGGER hall_event_no_update", "DROP TRIGGER hall_event_no_delete", "DROP TRIGGER hall_event_append_only",
    ]
}

@Suite struct AuditVerifyTests {
    @Test func aBusyDayVerifies() throws {
        let day = try BusyDay()
        let records = try day.records()
        let kinds = Set(records.map(\.kind))
        for kind: EventKind in [.hallCreated, .signIn, .catalogImport, .issue, .call, .recall, .start, .finish, .hold, .resume, .noShow,
                                .transfer, .cancel, .pause, .resumeWindow, .unserved, .signOut, .dayClose] {
            #expect(kinds.contains(kind.rawValue), "no \(kind) event")
        }
        let result = try day.hall.database.verifyAudit()
        #expect(result.isIntact)
        #expect(result.brokenLinks.isEmpty && result.ticketMismatches.isEmpty && result.sealMismatches.isEmpty)
        #expect(try result.events == records.count && result.events == day.hall.eventCount())
        #expect(records.map(\.seq) == Array(1...Int64(records.count)))
        #expect(result.lastHash == Hex.encode(records.last!.hash))
        #expect(records.last?.kind == "day_close")
        #expect(day.seal.seal == Hex.encode(records.last!.hash) && day.seal.sealSeq == records.last!.seq)
        #expect(try day.hall.database.daySeals().map(\.hash) == [day.seal.seal])
        #expect(try day.hall.state("B001") == .unserved && day.hall.state("E001") == .unserved)
    }

    @Test func anEventEditedInPlaceBreaksTheChainAtThatEvent() throws {
        let day = try BusyDay()
        let finish = try day.seq(of: .finish, ticket: "A001")
        // The trigger refuses the edit first.
        #expect(throws: DatabaseError.self) { try day.onTheFile("UPDATE hall_event SET kind = 'cancel' WHERE id = \(finish)") }
        #expect(try day.hall.database.verifyAudit().isIntact)
        try day.onTheFile("DROP TRIGGER hall_event_no_update", "UPDATE hall_event SET kind = 'cancel' WHERE id = \(finish)")
        let result = try day.hall.database.verifyAudit()
        #expect(!result.isIntact)
        #expect(result.brokenLinks == [.init(seq: finish, reason: .hashMismatch, expectedSeq: nil)])
        // And the ticket its events now describe is not the ticket in the table.
        #expect(result.ticketMismatches.contains {
            $0.code == "A001" && $0.field == "state" && $0.stored == "finished" && $0.derived == "cancelled"
        })
    }

    @Test func aValueOfTheWrongTypeIsABrokenLinkNotACrash() throws {
        let day = try BusyDay()
        let call = try day.seq(of: .call, ticket: "A003")
        try day.onTheFile("DROP TRIGGER hall_event_no_update", "UPDATE hall_event SET at = 'yesterday', hash = 'x' WHERE id = \(call)")
        let result = try day.hall.database.verifyAudit()
        #expect(result.brokenLinks.first == .init(seq: call, reason: .hashMismatch, expectedSeq: nil))
        // Its successor's prev no longer matches the (damaged) hash before it.
        #expect(result.brokenLinks.contains(.init(seq: call + 1, reason: .prevMismatch, expectedSeq: nil)))
    }

    @Test func replaceIntoIsRefusedAndWithoutTheTriggersDetected() throws {
        let day = try BusyDay()
        let finish = try day.seq(of: .finish, ticket: "A001")
        // REPLACE deletes the old row without firing delete triggers: the append-only insert trigger stops it.
        let forge = """
            REPLACE INTO hall_event(id, at, business_date, kind, actor, terminal, ticket_id, line_id, window_id, staff_id, detail, prev, hash)
            SELECT id, at, business_date, kind, 'M01', terminal, ticket_id, line_id, window_id, staff_id, detail, prev, hash
            FROM hall_event WHERE id = \(finish)
            """
        #expect(throws: DatabaseError.self) { try day.onTheFile(forge) }
        #expect(try day.hall.database.verifyAudit().isIntact)
        #expect(try day.records().first { $0.seq == finish }?.actor == "S01")

        try day.onTheFile(BusyDay.dropTriggers + [forge])
        #expect(try day.records().first { $0.seq == finish }?.actor == "M01")
        let result = try day.hall.database.verifyAudit()
        #expect(result.brokenLinks == [.init(seq: finish, reason: .hashMismatch, expectedSeq: nil)])
        #expect(result.ticketMismatches.isEmpty)
    }

    @Test func aDeletedEventIsMissingAtTheNextOne() throws {
        let day = try BusyDay()
        let pause = try day.seq(of: .pause)
        #expect(throws: DatabaseError.self) { try day.onTheFile("DELETE FROM hall_event WHERE id = \(pause)") }
        try day.onTheFile(BusyDay.dropTriggers + ["DELETE FROM hall_event WHERE id = \(pause)"])
        let result = try day.hall.database.verifyAudit()
        #expect(result.brokenLinks.first == .init(seq: pause + 1, reason: .missing, expectedSeq: pause))
        #expect(result.brokenLinks.contains(.init(seq: pause + 1, reason: .prevMismatch, expectedSeq: nil)))
        #expect(result.events == (try day.hall.eventCount()))
    }

    @Test func theLastEventsDeletedAreCaughtByTheSeal() throws {
        let day = try BusyDay()
        // The links alone cannot show a cut tail; the seal stored with the day and the one kept elsewhere can.
        try day.onTheFile(BusyDay.dropTriggers + ["DELETE FROM hall_event WHERE id = \(day.seal.sealSeq)"])
        let result = try day.hall.database.verifyAudit(seals: [day.seal.seal])
        #expect(result.brokenLinks.isEmpty)
        #expect(result.sealMismatches == [
            .init(businessDate: day.seal.businessDate, hash: day.seal.seal, reason: "changed"),
            .init(businessDate: nil, hash: day.seal.seal, reason: "not_found"),
        ])
    }

    @Test func aChangedTicketRowIsNamedWithItsField() throws {
        let day = try BusyDay()
        try day.onTheFile("UPDATE ticket SET state = 'no_show' WHERE code = 'A001'")
        let result = try day.hall.database.verifyAudit()
        #expect(result.brokenLinks.isEmpty)
        #expect(result.ticketMismatches == [
            .init(ticketID: try #require(day.tickets["A001"]), code: "A001", field: "state", stored: "no_show", derived: "finished"),
        ])
        // A row no event created, and a count of calls the events do not show.
        try day.onTheFile("UPDATE ticket SET call_count = 5 WHERE code = 'A003'")
        #expect(try day.hall.database.verifyAudit().ticketMismatches.contains {
            $0.code == "A003" && $0.field == "calls" && $0.stored == "5" && $0.derived == "2"
        })
    }

    @Test func theDaysSealChecksTheChainAgainstAHashKeptElsewhere() throws {
        let day = try BusyDay()
        let db = day.hall.database
        #expect(try db.verifyAudit(seals: [day.seal.seal]).isIntact)
        #expect(try db.verifyAudit(seals: [day.seal.seal.uppercased()]).isIntact)
        let madeUp = Hex.encode(try SM3.hash(Array("a seal nobody made".utf8)))
        let result = try db.verifyAudit(seals: [day.seal.seal, madeUp])
        #expect(!result.isIntact)
        #expect(result.sealMismatches == [.init(businessDate: nil, hash: madeUp, reason: "not_found")])
        // Only a day-close hash is a seal: any other event's hash is not one.
        let issued = Hex.encode(try #require(try day.records().first { $0.kind == "issue" }).hash)
        #expect(try db.verifyAudit(seals: [issued]).sealMismatches.map(\.reason) == ["not_found"])
        // The seal stored in the file, changed by hand.
        try day.onTheFile("UPDATE day_seal SET hash = zeroblob(32)")
        #expect(try db.verifyAudit().sealMismatches
                == [.init(businessDate: day.seal.businessDate, hash: String(repeating: "0", count: 64), reason: "changed")])
    }

    @Test func aRewrittenHistoryWithFreshHashesPassesItsLinksButNotTheSealKeptElsewhere() throws {
        let day = try BusyDay()
        let target = try day.seq(of: .cancel, ticket: "D001")
        // Someone who knows the algorithm blames S06 for the cancel and rehashes every event after it,
        // the stored seal included.
        var records = try day.records()
        let sm3 = try SM3()
        var statements = BusyDay.dropTriggers
        for i in records.indices where records[i].seq >= target {
            if records[i].seq == target { records[i].actor = "S06" }
            if i > 0 { records[i].prev = records[i - 1].hash }
            records[i].hash = records[i].computedHash(sm3)
            statements.append("""
                UPDATE hall_event SET actor = '\(records[i].actor)', prev = x'\(Hex.encode(records[i].prev))',
                hash = x'\(Hex.encode(records[i].hash))' WHERE id = \(records[i].seq)
                """)
        }
        let forgedSeal = Hex.encode(records.last!.hash)
        statements.append("UPDATE day_seal SET hash = x'\(forgedSeal)'")
        try day.onTheFile(statements)
        #expect(try day.records().first { $0.seq == target }?.actor == "S06")
        // Self-consistent: every link holds and every ticket agrees. What gives it away: the guard triggers it
        // dropped (a careful forger would put them back) and, above all, the seal written down on the day.
        let own = try day.hall.database.verifyAudit()
        #expect(own.brokenLinks.isEmpty && own.ticketMismatches.isEmpty && own.sealMismatches.isEmpty)
        #expect(own.missingTriggers == AuditVerification.guardTriggers)
        let result = try day.hall.database.verifyAudit(seals: [day.seal.seal])
        #expect(result.sealMismatches == [.init(businessDate: nil, hash: day.seal.seal, reason: "not_found")])
        #expect(forgedSeal != day.seal.seal)
    }

    @Test func anEventAppendedByHandMustComeLastAndIsFoundOut() throws {
        let day = try BusyDay()
        let last = try #require(try day.records().last)
        let insert = { (id: Int64, prev: String) in
            """
            INSERT INTO hall_event(id, at, business_date, kind, actor, terminal, prev, hash)
            VALUES (\(id), \(last.at), '\(last.businessDate)', 'cancel', 'M01', 'cli', x'\(prev)', zeroblob(32))
            """
        }
        // Not after a gap (the trigger).
        #expect(throws: DatabaseError.self) { try day.onTheFile(insert(last.seq + 2, Hex.encode(last.hash))) }
        // At the end it goes in; linked off another event than the last, verify names the link and the hash.
        try day.onTheFile(insert(last.seq + 1, Hex.encode(last.prev)))
        let offTheChain = try day.hall.database.verifyAudit()
        #expect(offTheChain.brokenLinks == [.init(seq: last.seq + 1, reason: .prevMismatch, expectedSeq: nil),
                                            .init(seq: last.seq + 1, reason: .hashMismatch, expectedSeq: nil)])
    }
}

/// `ChainTip`: a write that appends several events in its transaction looks the chain's end up once and carries it.
@Suite struct ChainTipTests {
    static func append(_ db: Database, _ kind: String, tip: ChainTip?) throws -> AuditRecord {
        try AuditLog.append(db, kind: kind, actor: "M01", terminal: "cli", at: Date(millisecondsSince1970: 1_772_400_000_000),
                            businessDate: "2026-03-02", ticketID: nil, lineID: nil, window: nil, staff: nil, detail: ["n": .int(1)], tip: tip)
    }

    /// Three events through one tip are the events three lookups would have chained: the same seq and prev, and
    /// the chain verifies; the next write's new tip starts from the end the last one left.
    @Test func eventsCarriedByATipChainAsLookedUpOnes() throws {
        let hall = try TestHall()
        let carried = try hall.database.perform { db in
            let tip = ChainTip()
            return try (1...3).map { _ in try Self.append(db, "settings_changed", tip: tip) }
        }
        #expect(carried[1].prev == carried[0].hash && carried[2].prev == carried[1].hash)
        #expect(carried.map(\.seq) == [carried[0].seq, carried[0].seq + 1, carried[0].seq + 2])
        let next = try hall.database.perform { db in try Self.append(db, "settings_changed", tip: ChainTip()) }
        #expect(next.seq == carried[2].seq + 1 && next.prev == carried[2].hash)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    /// An event appended past a tip (another tip, or none) leaves it behind: its next append is refused by the
    /// chain's trigger, and the transaction rolled back, never chained off a stale hash.
    @Test func aTipLeftBehindIsRefusedNotChainedOffAStaleHash() throws {
        let hall = try TestHall()
        let before = try hall.eventCount()
        #expect(throws: (any Error).self) {
            try hall.database.perform { db in
                let tip = ChainTip()
                _ = try Self.append(db, "settings_changed", tip: tip)
                _ = try Self.append(db, "settings_changed", tip: nil)
                _ = try Self.append(db, "settings_changed", tip: tip)
            }
        }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.verifyAudit().isIntact)
    }
}

@Suite struct AuditExportTests {
    /// Checks an export as docs/SECURITY.md describes, with no HallDesk code: for each line, take out "hash",
    /// check "prev" is the hash before (32 zero bytes first), re-serialise sorted with no white space and
    /// UTF-8 kept as is, and compare SM3(prev ‖ body) with the hash. Prints the count and the last hash.
    static let checker = #"""
        import hashlib, json, sys
        prev = "00" * 32
        count = 0
        with open(sys.argv[1], encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                event = json.loads(line)
                if json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False) != line:
                    sys.exit(f"line {number}: not canonical")
                stated = event.pop("hash")
                if event["prev"] != prev:
                    sys.exit(f"line {number}: prev does not link to the line before")
                body = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
                if hashlib.new("sm3", bytes.fromhex(prev) + body).hexdigest() != stated:
                    sys.exit(f"line {number}: hash mismatch")
                prev = stated
                count += 1
        print(count, prev)
        """#

    private func check(_ export: URL) throws -> (status: Int32, output: String) {
        let script = export.deletingLastPathComponent().appendingPathComponent("check_chain.py")
        try Self.checker.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, export.path]
        let output = export.deletingLastPathComponent().appendingPathComponent("check.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    @Test func anExportChecksOutWithAnIndependentSM3() throws {
        let day = try BusyDay()
        let folder = URL(fileURLWithPath: day.hall.path).deletingLastPathComponent()
        var lines: [String] = []
        try day.hall.database.forEachAuditRecord { lines.append($0.exportLine()) }
        let export = folder.appendingPathComponent("audit.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: export, atomically: true, encoding: .utf8)
        // The pause reason is in it as typed: Chinese raw, the quote and backslash escaped, the tab as \t.
        #expect(lines.contains { $0.contains(#""detail":{"reason":"午休 \"A\" C:\\temp ✓"}"#) })

        let verification = try day.hall.database.verifyAudit()
        let checked = try check(export)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(lines.count) \(verification.lastHash ?? "-")")

        // The checker is not vacuous: one character changed in the pause event, and it fails there.
        let tampered = folder.appendingPathComponent("tampered.jsonl")
        try (lines.map { $0.replacingOccurrences(of: "午休", with: "午饭") }.joined(separator: "\n") + "\n")
            .write(to: tampered, atomically: true, encoding: .utf8)
        let number = try #require(lines.firstIndex { $0.contains("午休") }) + 1
        let refused = try check(tampered)
        #expect(refused.status != 0)
        #expect(refused.output.contains("line \(number): hash mismatch"))
    }
}
