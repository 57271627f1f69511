import Foundation
import GRDB
import Testing

/// Stored catalog text reaches terminals through `desk catalog search`, `show` and `export`: control
/// characters are shown escaped, never obeyed; bad command lines are usage errors, not system codes.
@Suite struct CatalogTextOutputTests {
    let folder: URL
    let db: String
    static let code = "11510199MB1530000K4000010006"
    static let hostile = "食品经营许可\u{1B}[2J\u{1B}]0;owned\u{07}"

    init() throws {
        folder = try Desk.scratchFolder()
        db = folder.appendingPathComponent("hall.sqlite").path
        #expect(try Desk.run(["init", "--demo", "--db", db]).status == 0)
        // Text stored before imports refused control characters (or written by another program).
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "UPDATE catalog_item SET name = ?, legal_basis = ? WHERE code = ?",
                           arguments: [Self.hostile, "依据\u{9B}2J\n第二行", Self.code])
            try db.execute(sql: "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
        }
    }

    private func expectNoControls(_ r: Desk.Result, keepingLineFeeds: Bool = true) {
        let controls = (r.stdout + r.stderr).unicodeScalars.filter {
            $0.properties.generalCategory == .control && !($0 == "\n" && keepingLineFeeds) && $0 != "\r"
        }
        #expect(controls.isEmpty, "\(controls.map(\.value))")
    }

    @Test func searchAndShowEscapeStoredControlCharacters() throws {
        let search = try Desk.run(["catalog", "search", "食品经营", "--db", db, "--lang", "zh"])
        #expect(search.status == 0, "\(search.stderr)")
        expectNoControls(search)
        #expect(search.stdout.contains("食品经营许可\\x1B[2J\\x1B]0;owned\\x07"), "\(search.stdout)")
        let show = try Desk.run(["catalog", "show", Self.code, "--db", db, "--lang", "en"])
        #expect(show.status == 0, "\(show.stderr)")
        expectNoControls(show)
        #expect(show.stdout.hasPrefix("食品经营许可\\x1B[2J\\x1B]0;owned\\x07\n"), "\(show.stdout)")
        let csv = try Desk.run(["catalog", "export", "--db", db])
        #expect(csv.status == 0)
        expectNoControls(csv)
        // JSON escapes them itself (\u001b), which a terminal shows as text.
        let json = try Desk.run(["catalog", "show", Self.code, "--db", db, "--json"])
        expectNoControls(json)
        #expect((json.object["item"] as? [String: Any])?["name"] as? String == Self.hostile)
    }

    /// A query or code typed with escapes comes back escaped in the error, and bounded.
    @Test func errorsQuoteTheInputEscapedAndBounded() throws {
        let noMatch = try Desk.run(["catalog", "search", "\u{1B}[2J" + String(repeating: "x", count: 5_000), "--db", db, "--lang", "en"])
        #expect(noMatch.status == 1)
        expectNoControls(noMatch)
        #expect(noMatch.stderr.contains("\\x1B[2J") && noMatch.stderr.count < 300, "\(noMatch.stderr)")
        let noItem = try Desk.run(["catalog", "show", "\u{1B}]0;x\u{07}", "--db", db, "--lang", "zh"])
        #expect(noItem.status == 1)
        expectNoControls(noItem)
    }

    /// `desk catalog import ''` reported "NSCocoaErrorDomain 256".
    @Test func anEmptyFileArgumentIsAUsageError() throws {
        let r = try Desk.run(["catalog", "import", "", "--db", db, "--lang", "zh"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("256"), "\(r.stderr)")
    }
}
