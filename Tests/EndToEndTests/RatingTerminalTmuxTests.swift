import Foundation
import Testing

/// The citizen's rating terminal as a real program in a real terminal (tmux), beside the CLI on one file: a ticket
/// finished at window 1 through the CLI appears on `desk rate --window 1`; the citizen presses 2, ticks a reason,
/// confirms; `desk ratings list --bad --json` has it; then the terminal is back to waiting and does not ask again.
@Suite(.serialized) struct RatingTerminalTmuxTests {
    let folder: URL
    let db: String

    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    func desk(_ arguments: String...) -> [String] { [Desk.executable.path] + arguments }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func aTicketFinishedAtWindowOneIsRatedTwoAtItsTerminal() throws {
        let rate = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"],
                                   command: desk("rate", "--window", "1", "--lang", "zh", "--db", db, "--thanks-seconds", "2"))
        #expect(try rate.waitUntilContains("服务评价") != nil, "\(rate.screenText)")
        #expect(!rate.screenText.contains("请对本次服务作出评价"))

        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"],
                     ["ticket", "finish", "--window", "1"]] {
            let r = try Desk.run(step + ["--db", db])
            #expect(r.status == 0, "\(step) \(r.stderr)")
        }
        #expect(try rate.waitUntilContains("请对本次服务作出评价") != nil, "\(rate.screenText)")
        #expect(rate.screenText.contains("非常不满意") && rate.screenText.contains("号码 A001"), "\(rate.screenText)")

        try rate.send("2")
        #expect(try rate.waitUntilContains("服务态度") != nil, "\(rate.screenText)")
        try rate.send("3")
        #expect(try rate.waitUntilContains("[x] 服务态度") != nil, "\(rate.screenText)")
        try rate.send("Enter")
        #expect(try rate.waitUntilContains("您的评价：不满意") != nil, "\(rate.screenText)")
        try rate.send("Enter")
        #expect(try rate.waitUntilContains("感谢您的评价") != nil, "\(rate.screenText)")

        let list = try Desk.run(["ratings", "list", "--bad", "--json", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        let ratings = try #require(list.object["ratings"] as? [[String: Any]], "\(list.stdout)")
        #expect(ratings.count == 1)
        #expect(ratings.first?["ticket"] as? String == "A001" && ratings.first?["level"] as? Int == 2 && ratings.first?["window"] as? Int == 1,
                "\(list.stdout)")
        #expect((ratings.first?["reasons"] as? [String])?.isEmpty == false, "\(list.stdout)")

        // After the thanks, back to waiting; the visit is not asked about again.
        #expect(try rate.waitUntilContains("欢迎您") != nil, "\(rate.screenText)")
        #expect(!rate.screenText.contains("请对本次服务作出评价"))
        try rate.send("C-q")
    }
}
