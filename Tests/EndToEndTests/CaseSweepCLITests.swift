import Foundation
import Testing

/// `desk cases sweep` through the real binary, on the demo hall of `CaseLifecycleCLITests`: the documents it issued
/// (listed for delivery, and among the case's documents in `case show`), and the approved 容缺 case it flags instead of
/// suspending (docs/cases.md, "Fix9d decisions").
extension CaseLifecycleCLITests {
    /// The sweep suspends an overdue 容缺 case (中止办理告知书), later terminates it (终止办理告知书): each run lists the
    /// document it issued for delivery with the command that reprints it (text and `documents` in JSON), and `case show`
    /// has them among its documents (text and JSON).
    @Test func theSweepListsTheDocumentsItIssuedAndCaseShowHasThem() throws {
        let number = try openCase(provided: "1,2,3,4,6")   // 容缺: material 5 outstanding, due 2026-03-03
        let suspend = try desk(["cases", "sweep", "--json"], on: "2026-03-05")
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let reprint = "desk case document \(number) --kind suspensionNotice"
        #expect(suspend.object["documents"] as? [[String: String]] == [["case": number, "kind": "suspensionNotice", "reprint": reprint]],
                "\(suspend.stdout)")
        // A second run issues nothing.
        #expect((try desk(["cases", "sweep", "--json"], on: "2026-03-05").object["documents"] as? [Any])?.isEmpty == true)
        // The grace period (15 working days after 3 March) over: terminated, its notice listed, in both languages.
        let terminate = try desk(["cases", "sweep", "--lang", "en"], on: "2026-04-01")
        #expect(terminate.status == 0, "\(terminate.stderr)")
        let lines = terminate.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(number)  terminate  2026-03-25"), "\(terminate.stdout)")
        #expect(lines.contains("\(number): notice of termination issued, to be delivered: desk case document \(number) --kind terminationNotice"),
                "\(terminate.stdout)")
        let show = try desk(["case", "show", number, "--json"], on: "2026-04-01")
        let kinds = (show.object["documents"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.suffix(2) == ["suspensionNotice", "terminationNotice"], "\(kinds)")
        #expect((show.object["documents"] as? [[String: Any]])?.allSatisfy { ($0["digest"] as? String)?.count == 64 } == true)
        let text = try desk(["case", "show", number, "--lang", "zh"], on: "2026-04-01").stdout
        #expect(text.contains("已出具  中止办理告知书  SM3 ") && text.contains("已出具  终止办理告知书  SM3 "), "\(text)")
        // Each reprints as listed.
        let letter = try desk(["case", "document", number, "--kind", "terminationNotice"], on: "2026-04-01")
        #expect(letter.status == 0 && letter.stdout.contains("终止办理告知书"), "\(letter.stdout) \(letter.stderr)")
        let zh = try desk(["cases", "sweep", "--lang", "zh"], on: "2026-04-01").stdout
        #expect(zh.contains("没有到期事项。"), "\(zh)")
    }

    /// An approved 容缺 case whose material is still out after the supplement deadline: the sweep flags it once for a
    /// supervisor (text and `flagged` in JSON), never suspends or terminates it; it stays approved and red, `case show`
    /// says the flag; the material in, the result is issued as before and the chain verifies.
    @Test func theSweepFlagsAnApprovedCaseWhoseSupplementsAreOverdueOnce() throws {
        let number = try openCase(provided: "1,2,3,4,6")   // 容缺: material 5 outstanding, due 2026-03-03
        #expect(try desk(["case", "review", number, "--opinion", "符合法定条件"], as: "R01", on: "2026-03-03").status == 0)
        #expect(try desk(["case", "approve", number, "--reason", "准予许可"], as: "C01", on: "2026-03-03").status == 0)
        // The same hall copied, for the text of the same run.
        let copy = folder.appendingPathComponent("copy.sqlite").path
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.copyItem(atPath: db + suffix, toPath: copy + suffix)
        }
        let sweep = try desk(["cases", "sweep", "--json"], on: "2026-03-05")
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect((sweep.object["steps"] as? [Any])?.isEmpty == true && (sweep.object["documents"] as? [Any])?.isEmpty == true, "\(sweep.stdout)")
        let flagged = try #require(sweep.object["flagged"] as? [[String: Any]])
        #expect(flagged.count == 1 && flagged.first?["case"] as? String == number && flagged.first?["supplement_due"] as? String == "2026-03-03",
                "\(sweep.stdout)")
        let outstanding = try #require(flagged.first?["outstanding"] as? [[String: Any]])
        #expect(outstanding.map { $0["position"] as? Int } == [5], "\(outstanding)")
        let name = try #require(outstanding.first?["name"] as? String)
        let text = try Desk.run(["cases", "sweep", "--lang", "en", "--db", copy], environment: ["DESK_NOW": "2026-03-05T10:00:00+08:00"])
        #expect(text.stdout == "\(number): flagged for a supervisor: approved, supplements due 2026-03-03 still out (5. \(name)); "
                + "the approval stands, the result waits for them\n", "\(text.stdout) \(text.stderr)")
        // Once: a second run flags nothing, and says so.
        #expect((try desk(["cases", "sweep", "--json"], on: "2026-03-06").object["flagged"] as? [Any])?.isEmpty == true)
        #expect(try desk(["cases", "sweep", "--lang", "en"], on: "2026-03-06").stdout == "Nothing due.\n")
        // Still approved, red (its result deadline is days away), the flag in case show, one event.
        let show = try desk(["case", "show", number, "--json"], on: "2026-03-06")
        #expect(show.object["state"] as? String == "approved" && show.object["light"] as? String == "red", "\(show.stdout)")
        #expect(show.object["supplement_overdue_flagged_on"] as? String == "2026-03-05")
        let kinds = (show.object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.filter { $0 == "case_supplement_overdue_flagged" }.count == 1 && !kinds.contains("case_suspended"), "\(kinds)")
        let shown = try desk(["case", "show", number, "--lang", "en"], on: "2026-03-06").stdout
        #expect(shown.contains("Flagged    2026-03-05 for a supervisor: supplements overdue, result held back"), "\(shown)")
        func listed(_ light: String) throws -> Bool {
            try (desk(["cases", "list", "--light", light, "--json"], on: "2026-03-06").object["cases"] as? [[String: Any]])?
                .contains { ($0["case"] as? [String: Any])?["number"] as? String == number } == true
        }
        #expect(try listed("red") && !listed("green") && !listed("yellow"))
        // The result waits for the material, then is issued as before; the flag is lifted.
        let early = try desk(["case", "issue", number, "--json"], on: "2026-03-06")
        #expect(early.status == 1 && code(early) == "case_rule.materials_outstanding", "\(early.stdout)")
        #expect(try desk(["case", "supplement", number, "--material", "5"], on: "2026-03-09").status == 0)
        let supplied = try desk(["case", "show", number, "--json"], on: "2026-03-09")
        #expect(supplied.object["state"] as? String == "approved" && supplied.object["supplement_overdue_flagged_on"] is NSNull, "\(supplied.stdout)")
        #expect(try desk(["case", "issue", number, "--json"], on: "2026-03-09").object["state"] as? String == "resultIssued")
        #expect(try desk(["audit", "verify"], on: "2026-03-09").status == 0)
    }
}
