import Foundation
import Testing
@testable import HallModel
import Queue

/// 整改 in the store, the clock and the calendar injected: a bad review opens its rectification in the rating's write,
/// assigned to the serving clerk's department; the deadline over the May Day holiday, overdue the day after, the one
/// extension; 回访, outcomes, the appeal decided by another supervisor; the summary with the 回访 rate; the chain holds.
@Suite struct RectificationStoreTests {
    let hall: TestHall
    /// S01 is clerk, supervisor and admin; M01 supervisor only.
    var s01: Actor { hall.clerk(1) }
    init() throws { hall = try TestHall(clock: TestClock("2026-04-30T10:00:00+08:00")) }

    /// A ticket finished at `window` and rated `level` by the window's terminal: its rectification's number, if any.
    func rated(_ level: RatingLevel, at window: Int = 3) throws -> Rating {
        let ticket = try hall.issue("A")
        _ = try hall.database.callSpecific(window: window, code: ticket.code, by: hall.clerk(window))
        try hall.database.start(window: window, by: hall.clerk(window))
        try hall.database.finish(window: window, by: hall.clerk(window))
        return try hall.database.recordRating(RatingRequest(ticketCode: ticket.code, level: level,
                                                            reasons: level.isBad ? [.serviceAttitude] : []),
                                              by: .device(.rating, terminal: .rating(window: window)))
    }

    @Test func aBadReviewOpensItsRectificationDueOverTheHolidayOverdueTheDayAfterExtendedOnce() throws {
        let rating = try rated(.dissatisfied, at: 3)
        let number = try #require(rating.rectification)
        #expect(number == "ZG-20260430-0001")
        var x = try hall.database.rectification(number: number, by: hall.supervisor)
        // S03 张伟 serves at window 3, of 企业服务科.
        #expect(x.state == .open && x.unit == "企业服务科" && x.rating.staffID == "S03")
        #expect(x.due == (try CivilDate(parsing: "2026-05-11")) && !x.overdue)
        hall.clock.set("2026-05-11T17:00:00+08:00")
        #expect(try hall.database.rectifications(overdueOnly: true, by: hall.supervisor).isEmpty)
        hall.clock.set("2026-05-12T09:00:00+08:00")
        #expect(try hall.database.rectifications(overdueOnly: true, by: hall.supervisor).map(\.number) == [number])
        x = try hall.database.extendRectification(number, reason: "当事人出差，约定返回后面谈", by: hall.supervisor)
        #expect(x.due == (try CivilDate(parsing: "2026-05-18")) && x.extended && !x.overdue)
        #expect(throws: RectificationError.alreadyExtended) {
            try hall.database.extendRectification(number, reason: "再次延期", by: hall.supervisor)
        }
        hall.clock.set("2026-05-19T09:00:00+08:00")
        #expect(try hall.database.rectifications(openOnly: true, by: hall.supervisor).first?.overdue == true)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func followUpThenCloseWithAnOutcome() throws {
        let number = try #require(try rated(.veryDissatisfied).rectification)
        #expect(throws: RectificationError.noVisitYet) {
            try hall.database.closeRectification(number, outcome: .rectified, note: "已整改", by: hall.supervisor)
        }
        _ = try hall.database.logFollowUp(rectification: number, how: .phone, reached: false, said: "无人接听", by: hall.supervisor)
        let x = try hall.database.logFollowUp(rectification: number, how: .phone, reached: true, said: "对等候时间不满，已致歉", by: hall.supervisor)
        #expect(x.visitCount == 2 && x.reachedCount == 1 && x.visits.map(\.reached) == [false, true] && x.visits.last?.by == "M01")
        let closed = try hall.database.closeRectification(number, outcome: .explained, note: "所提要求无法律依据，已解释说明", by: hall.supervisor)
        #expect(closed.state == .explained && closed.closedBy == "M01" && closed.outcomeNote == "所提要求无法律依据，已解释说明")
        #expect(throws: RectificationError.finished(.explained)) {
            try hall.database.logFollowUp(rectification: number, how: .visit, reached: true, said: "再次回访", by: hall.supervisor)
        }
        #expect(throws: AccessError.self) {
            try hall.database.logFollowUp(rectification: number, how: .visit, reached: true, said: "窗口自行回访", by: hall.clerk(3))
        }
    }

    @Test func anUpheldAppealExcludesTheRatingARejectedOneReopens() throws {
        let first = try #require(try rated(.veryDissatisfied).rectification)
        let second = try #require(try rated(.dissatisfied).rectification)
        _ = try hall.database.appealRating(first, ground: .mistaken, note: "群众误按，当场表示满意", by: s01)
        #expect(throws: RectificationError.decidedByAppellant) {
            try hall.database.decideRatingAppeal(first, upheld: true, note: "同意", by: s01)
        }
        let upheld = try hall.database.decideRatingAppeal(first, upheld: true, note: "监控录像证实误按", by: hall.supervisor)
        #expect(upheld.state == .appealUpheld && upheld.rating.excluded && upheld.appeal?.decidedBy == "M01")
        _ = try hall.database.appealRating(second, ground: .malicious, note: "与服务无关", by: hall.supervisor)
        let rejected = try hall.database.decideRatingAppeal(second, upheld: false, note: "无证据", by: s01)
        #expect(rejected.state == .open && !rejected.rating.excluded && rejected.appeal?.upheld == false)
        #expect(throws: RectificationError.alreadyAppealed) {
            try hall.database.appealRating(second, ground: .mistaken, note: "再次申诉", by: hall.supervisor)
        }
        // The excluded rating is kept and marked, out of the figures.
        let day = try CivilDate(parsing: "2026-04-30")
        let summary = try hall.database.ratingSummary(from: day, to: day, by: hall.supervisor)
        #expect(summary.excluded == 1 && summary.bad == 1 && summary.distribution[.veryDissatisfied] == 0)
        #expect(summary.rectifications[.appealUpheld] == 1 && summary.rectifications[.open] == 1)
        #expect(try hall.database.ratings(date: day, by: hall.supervisor).filter(\.excluded).count == 1)
        #expect(try hall.database.verifyAudit().isIntact)
    }

    @Test func theSummaryCountsTheDistributionAndTheVisitRate() throws {
        _ = try rated(.verySatisfied)
        _ = try rated(.satisfied)
        _ = try rated(.basicallySatisfied)
        let a = try #require(try rated(.dissatisfied).rectification)
        let b = try #require(try rated(.veryDissatisfied).rectification)
        _ = try #require(try rated(.dissatisfied).rectification)
        _ = try hall.database.logFollowUp(rectification: a, how: .phone, reached: true, said: "已致歉", by: hall.supervisor)
        _ = try hall.database.logFollowUp(rectification: b, how: .phone, reached: false, said: "空号", by: hall.supervisor)
        _ = try hall.database.logFollowUp(rectification: b, how: .message, reached: true, said: "短信回复：接受", by: hall.supervisor)
        _ = try hall.database.closeRectification(a, outcome: .rectified, note: "已对窗口人员进行服务规范培训", by: hall.supervisor)
        let day = try CivilDate(parsing: "2026-04-30")
        let s = try hall.database.ratingSummary(from: day, to: day, by: hall.supervisor)
        #expect(s.rated == 6 && s.bad == 3 && s.distribution == [.verySatisfied: 1, .satisfied: 1, .basicallySatisfied: 1,
                                                                      .dissatisfied: 2, .veryDissatisfied: 1])
        #expect(s.bySource[.ratingTerminal] == 6 && s.excluded == 0)
        #expect(s.rectifications[.open] == 2 && s.rectifications[.rectified] == 1 && s.overdue == 0)
        // Two of the three bad reviews reached (b after a second try): 2 / 3.
        #expect(s.visitRate == RectificationRule.VisitRate(reached: 2, badReviews: 3) && s.visitRate.permille == 667)
        hall.clock.set("2026-05-12T09:00:00+08:00")
        #expect(try hall.database.ratingSummary(from: day, to: day, by: hall.supervisor).overdue == 2)
        #expect(throws: AccessError.self) { try hall.database.ratingSummary(from: day, to: day, by: hall.clerk(3)) }
    }
}
