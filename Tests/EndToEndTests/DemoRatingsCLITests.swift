import Foundation
import Testing

/// `desk init --demo --cases` seeds a few ratings (DemoRatings): six paper forms entered by M01, one 不满意 with its
/// rectification open, one 非常不满意 already followed up (回访 reached); the chain verifies.
@Suite struct DemoRatingsCLITests {
    @Test func theDemoHasRatingsAnOpenRectificationAndAFollowUp() throws {
        let folder = try Desk.scratchFolder()
        let db = folder.appendingPathComponent("hall.sqlite").path
        let env = ["DESK_NOW": DemoCasesCLITests.now]
        #expect(try Desk.run(["init", "--demo", "--cases", "--db", db], environment: env).status == 0)
        let ratings = try Desk.run(["ratings", "list", "--json", "--db", db], environment: env)
        let rows = try #require(ratings.object["ratings"] as? [[String: Any]], "\(ratings.stdout) \(ratings.stderr)")
        #expect(rows.count == 6 && rows.allSatisfy { $0["source"] as? String == "staffEntry" && $0["recorded_by"] as? String == "M01" })
        #expect(rows.filter { ($0["level"] as? Int ?? 5) <= 2 }.count == 2)
        let open = try Desk.run(["rectification", "list", "--open", "--json", "--db", db], environment: env)
        let pending = try #require(open.object["rectifications"] as? [[String: Any]], "\(open.stdout)")
        #expect(pending.count == 2 && pending.map { $0["reached"] as? Int } .sorted { ($0 ?? 0) < ($1 ?? 0) } == [0, 1])
        #expect(try Desk.run(["audit", "verify", "--db", db], environment: env).status == 0)
    }
}
