import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Back to back (背靠背): the clerk's window screen never shows a rating. After a bad rating is recorded at window 1's
/// rating terminal, the window screen's model (its view, as `windowView` loads it) and its frames carry nothing of it;
/// and the window screen's sources have no code path that reads ratings.
@Suite struct RatingBackToBackTests {
    @Test func theWindowScreenShowsNoRatingAfterOneIsRecorded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-b2b-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path,
                                             clock: .fixed(HallClock.parseISO8601("2026-03-02T10:00:00+08:00")!))
        try DemoActors.seed(database)
        let s01 = try DemoActors.bound(database, at: .window(1))
        let code = try database.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk).ticket.code
        _ = try database.callSpecific(window: 1, code: code, by: s01)
        _ = try database.start(window: 1, by: s01)
        _ = try database.finish(window: 1, by: s01)
        let before = try database.windowView(1)
        let terminal = Actor.device(.rating, terminal: .rating(window: 1))
        let prompt = try #require(try database.ratingPrompt(window: 1))
        let note = "窗口人员态度生硬XYZ"
        let rating = try database.recordRating(RatingRequest(ticketCode: prompt.ticketCode, level: .veryDissatisfied,
                                                             reasons: [.serviceAttitude], note: note), by: terminal)
        #expect(rating.isBad && rating.rectification != nil)

        // The model: the view the window screen loads is the same as before the rating (nothing new to show).
        let after = try database.windowView(1)
        #expect(String(describing: after) == String(describing: before))
        let screen = WindowScreen(view: after)
        let model = String(describing: screen)
        for word in [note, "rating", "Rating", "rectification", "ZG-"] { #expect(!model.contains(word), "\(word)") }
        // The frames, in both languages and sizes, and with the help open.
        for (language, width, height) in [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 200, 60)] {
            let context = RenderContext(language: language, now: Date(timeIntervalSince1970: 1_772_416_800), size: Size(width: width, height: height))
            var shown = screen.frame(context: context).lines().joined(separator: "\n")
            var withHelp = screen
            _ = withHelp.handle(.char("?"))
            shown += withHelp.frame(context: context).lines().joined(separator: "\n")
            for word in [note, "XYZ", "ZG-", RatingLevel.veryDissatisfied.label.text(language), RatingReason.serviceAttitude.label.text(language),
                         UIText.rateTitle.text(language), "评价", "rating"] {
                #expect(!shown.contains(word), "\(language) \(width)x\(height): \(word)")
            }
        }
    }

    /// No code path: the window screen's sources (and the session that loads it) never name a rating read.
    @Test func theWindowScreenHasNoCodePathReadingRatings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/DeskTUI/Screens/Window")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5)
        let session = root.appendingPathComponent("Sources/DeskTUI/App/PersonScreenSession.swift")
        for path in files.map({ folder.appendingPathComponent($0) }) + [session] {
            let text = try String(contentsOf: path, encoding: .utf8)
            for read in ["ratingPrompt", "ratings(", "rating(ticketCode", "rectification", "RatingLevel", "Rating("] {
                #expect(!text.contains(read), "\(path.lastPathComponent) reads \(read)")
            }
        }
    }
}
