import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// 好差评 in the store: one rating per visit (the UNIQUE index too), only finished visits, the rating terminal bound to
/// its window and to the visit it shows, a clerk refused (back to back), the timeout rule, the cases of the visit.
@Suite struct RatingStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    /// The rating terminal of `window`.
    func terminal(_ window: Int) -> Actor { .device(.rating, terminal: .rating(window: window)) }

    /// A ticket of line A issued, called, started and finished at `window` by its clerk.
    @discardableResult
    func finished(at window: Int = 2) throws -> Ticket {
        let ticket = try hall.issue("A")
        _ = try hall.database.callSpecific(window: window, code: ticket.code, by: hall.clerk(window))
        try hall.database.start(window: window, by: hall.clerk(window))
        return try hall.database.finish(window: window, by: hall.clerk(window))
    }

    @Test func oneRatingPerVisitAndTheIndexBehindIt() throws {
        let ticket = try finished()
        let rating = try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .verySatisfied), by: terminal(2))
        #expect(rating.window == 2 && rating.staffID == "S02" && rating.source == .ratingTerminal && rating.rectification == nil)
        #expect(throws: RatingError.alreadyRated(ticket.code)) {
            try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .satisfied), by: hall.supervisor)
        }
        // Not only the code: the database refuses a second row for the ticket.
        #expect(throws: DatabaseError.self) {
            try hall.database.perform { db in
                try db.execute(sql: """
                    INSERT INTO rating(ticket_id, business_date, window_id, level, source, at, recorded_by)
                    VALUES (?, '2026-03-02', 2, 5, 'staffEntry', 0, 'M01')
                    """, arguments: [ticket.id])
            }
        }
    }

    @Test func aTicketNotFinishedIsRefused() throws {
        let waiting = try hall.issue("A")
        #expect(throws: RatingError.notFinished(waiting.code, .waiting)) {
            try hall.database.recordRating(RatingRequest(ticketCode: waiting.code, level: .satisfied), by: hall.supervisor)
        }
        _ = try hall.database.callSpecific(window: 2, code: waiting.code, by: hall.clerk(2))
        #expect(throws: RatingError.notFinished(waiting.code, .called)) {
            try hall.database.recordRating(RatingRequest(ticketCode: waiting.code, level: .satisfied), by: hall.supervisor)
        }
    }

    @Test func theRatingTerminalRatesOnlyItsOwnWindowsShownVisit() throws {
        let first = try finished(at: 2)
        #expect(throws: RatingError.notThisWindow(code: first.code, window: 3)) {
            try hall.database.recordRating(RatingRequest(ticketCode: first.code, level: .satisfied), by: terminal(3))
        }
        #expect(throws: RatingError.noWindow) {
            try hall.database.recordRating(RatingRequest(ticketCode: first.code, level: .satisfied), by: .device(.rating, terminal: .cli))
        }
        // A newer finish at the window replaces it on the terminal.
        let second = try finished(at: 2)
        #expect(throws: RatingError.notPrompted(first.code)) {
            try hall.database.recordRating(RatingRequest(ticketCode: first.code, level: .satisfied), by: terminal(2))
        }
        // Past the timeout (60 s by default) the terminal no longer asks.
        hall.clock.advance(minutes: 1.5)
        #expect(try hall.database.ratingPrompt(window: 2) == nil)
        #expect(throws: RatingError.notPrompted(second.code)) {
            try hall.database.recordRating(RatingRequest(ticketCode: second.code, level: .satisfied), by: terminal(2))
        }
        // A supervisor enters the paper form of either.
        #expect(try hall.database.recordRating(RatingRequest(ticketCode: first.code, level: .satisfied), by: hall.supervisor).source == .staffEntry)
        // The kiosk is no rating device.
        #expect(throws: AccessError.self) {
            try hall.database.recordRating(RatingRequest(ticketCode: second.code, level: .satisfied), by: hall.kiosk)
        }
    }

    @Test func aClerkNeitherRatesNorSeesRatings() throws {
        let ticket = try finished(at: 2)
        #expect(throws: AccessError.self) {
            try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .verySatisfied), by: hall.clerk(2))
        }
        _ = try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .verySatisfied), by: terminal(2))
        #expect(throws: AccessError.self) { try hall.database.ratings(by: hall.clerk(2)) }
        #expect(throws: AccessError.self) { try hall.database.rectifications(by: hall.clerk(2)) }
        #expect(try hall.database.ratings(by: hall.admin).count == 1)
        // Nor does the ticket's history show it (the event has no ticket column).
        #expect(try hall.database.ticketHistory(code: ticket.code).steps.allSatisfy { $0.kind != .ratingRecorded })
    }

    @Test func reasonsGoWithBadReviewsOnly() throws {
        let ticket = try finished()
        #expect(throws: RatingError.reasonNeeded) {
            try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .dissatisfied), by: terminal(2))
        }
        #expect(throws: RatingError.reasonsOnlyForBad) {
            try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .satisfied, reasons: [.serviceLevel]), by: terminal(2))
        }
        let bad = try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .veryDissatisfied,
                                                               reasons: [.serviceAttitude, .serviceEfficiency], note: "等了很久没人理"), by: terminal(2))
        #expect(bad.reasons == [.serviceEfficiency, .serviceAttitude] && bad.note == "等了很久没人理")
        #expect(bad.rectification == "ZG-20260302-0001")
        #expect(try hall.database.ratings(bad: true, by: hall.supervisor).map(\.ticketCode) == [ticket.code])
    }

    @Test func thePromptShowsTheItemsAndTheRatingListsTheCases() throws {
        let number = try hall.openCase()
        let ticket = try hall.database.finish(window: 1, by: hall.clerk(1))
        let prompt = try #require(try hall.database.ratingPrompt(window: 1))
        #expect(prompt.ticketCode == ticket.code && prompt.items == ["企业设立登记"] && !prompt.lineName.isEmpty)
        #expect(prompt.until == prompt.finishedAt.addingTimeInterval(60))
        let rating = try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: .verySatisfied), by: terminal(1))
        #expect(rating.cases == [number])
        #expect(try hall.database.ratings(window: 1, by: hall.supervisor).first?.cases == [number])
        #expect(try hall.database.ratingPrompt(window: 1) == nil)
    }

    @Test func theTimeoutCountsAsSatisfiedOnlyWhereTheLocalRuleSaysSo() throws {
        let ticket = try finished(at: 2)
        hall.clock.advance(minutes: 2)
        #expect(try hall.database.recordRatingTimeout(window: 2, ticket: ticket.id, by: terminal(2)) == nil)
        #expect(try hall.database.ratings(by: hall.supervisor).isEmpty)
        var settings = try hall.database.settings()
        settings.ratingTimeoutCountsAs = .satisfied
        try hall.database.updateSettings(settings, by: hall.admin)
        let next = try finished(at: 2)
        #expect(throws: RatingError.notTimedOut(next.code)) { try hall.database.recordRatingTimeout(window: 2, ticket: next.id, by: terminal(2)) }
        // The earlier visit was replaced: no longer asked, so it counts too.
        let earlier = try #require(try hall.database.recordRatingTimeout(window: 2, ticket: ticket.id, by: terminal(2)))
        #expect(earlier.level == .satisfied && earlier.source == .timeoutDefault && earlier.recordedBy == "@rating")
        hall.clock.advance(minutes: 1)
        #expect(try hall.database.recordRatingTimeout(window: 2, ticket: next.id, by: terminal(2))?.level == .satisfied)
        #expect(try hall.database.ratings(by: hall.supervisor).count == 2)
        #expect(try hall.database.verifyAudit().isIntact)
    }
}
