import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The supervisor's screen's actions that take words (`SupervisorScreen+Drafts`): a bad review followed up (回访) and
/// closed, an extension and an appeal decided; a complaint assigned, answered and closed; a ticket moved to another
/// line; a window's lines changed; a message to one window and to all — each the store's write with its event, a
/// refusal kept in the form with the write's own message.
@Suite struct SupervisorFollowUpTests {
    let hall: SupervisorFixture
    init() throws { hall = try SupervisorFixture() }

    func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    func eventKinds() throws -> [String] {
        var kinds: [String] = []
        try hall.database.forEachAuditRecord { kinds.append($0.kind) }
        return kinds
    }

    /// A001, finished at window 1 at 09:05, rated 2 for its attitude by the supervisor's paper form.
    func badReview() throws -> Rating {
        try hall.database.recordRating(RatingRequest(ticketCode: "A001", level: .dissatisfied, reasons: [.serviceAttitude], note: "态度不好"),
                                       by: try hall.actor("M01"))
    }

    func text(_ screen: SupervisorScreen, _ language: Language = .zh) -> String {
        screen.frame(context: SupervisorFixture.context(language, 80, 24)).lines().joined(separator: "\n")
    }

    @Test func aBadReviewIsFollowedUpAndClosedFromTheScreen() throws {
        let rating = try badReview()
        let number = try #require(rating.rectification)
        var (model, screen) = try hall.screen()
        try hall.press([.char("4")], on: &screen, &model)
        #expect(text(screen).contains(number))
        try hall.press([.enter], on: &screen, &model)
        #expect(screen.mode == .review(number))
        #expect(text(screen).contains("态度不好") && text(screen).contains("回访：尚无"))

        // Closing before any 回访 is refused on the screen; nothing written.
        try hall.press([.char("c")], on: &screen, &model)
        #expect(screen.status?.isError == true && screen.form == nil)

        // v → phone → reached → what the citizen said → Enter.
        try hall.press([.char("v"), .char("1"), .char("1")], on: &screen, &model)
        #expect(screen.form != nil && screen.takesText)
        try hall.press(type("市民表示理解") + [.enter], on: &screen, &model)
        #expect(screen.form == nil && screen.status?.isError == false)
        var x = try hall.database.rectification(number: number, by: try hall.actor("M01"))
        #expect(x.visits.map(\.said) == ["市民表示理解"] && x.visits.first?.how == .phone && x.visits.first?.reached == true)
        #expect(text(screen).contains("回访：1 次，联系上 1 次"))

        // c → 整改到位 → the note → Enter.
        try hall.press([.char("c"), .char("1")], on: &screen, &model)
        try hall.press(type("已对窗口人员批评教育") + [.enter], on: &screen, &model)
        x = try hall.database.rectification(number: number, by: try hall.actor("M01"))
        #expect(x.state == .rectified && x.outcomeNote == "已对窗口人员批评教育" && x.closedBy == "M01")
        let kinds = try eventKinds()
        #expect(kinds.filter { $0 == EventKind.rectificationVisited.rawValue }.count == 1)
        #expect(kinds.filter { $0 == EventKind.rectificationClosed.rawValue }.count == 1)
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.mode == .hall && screen.view.badReviews.isEmpty)
    }

    @Test func anEmptyVisitIsRefusedInItsFormAndEscWritesNothing() throws {
        let number = try #require(try badReview().rectification)
        var (model, screen) = try hall.screen()
        try hall.press([.char("4"), .enter, .char("v"), .char("2"), .char("2"), .enter], on: &screen, &model)
        // The store refuses empty words: the form stays, the reason under its field.
        #expect(screen.form?.fields.first?.error != nil)
        try hall.press([.escape], on: &screen, &model)
        #expect(screen.form == nil && screen.draft == nil)
        #expect(try hall.database.rectification(number: number, by: try hall.actor("M01")).visitCount == 0)
    }

    @Test func anExtensionOnceAndAnAppealDecidedByAnotherSupervisor() throws {
        let number = try #require(try badReview().rectification)
        var (model, screen) = try hall.screen()
        try hall.press([.char("4"), .enter, .char("e")] + type("市民需补充材料") + [.enter], on: &screen, &model)
        #expect(try hall.database.rectification(number: number, by: try hall.actor("M01")).extended)
        try hall.press([.char("e")], on: &screen, &model)
        #expect(screen.status?.isError == true && screen.form == nil)

        // S01 (a supervisor too) files the appeal; M01 rejects it from the screen, and the review is open again.
        _ = try hall.database.appealRating(number, ground: .malicious, note: "与办事无关", by: try hall.actor("S01"))
        try hall.press([.escape, .enter], on: &screen, &model)
        #expect(screen.review?.state == .appealed)
        try hall.press([.char("a"), .char("2")] + type("评价与服务有关") + [.enter], on: &screen, &model)
        #expect(try hall.database.rectification(number: number, by: try hall.actor("M01")).state == .open)
    }

    @Test func aComplaintIsAssignedAnsweredAndClosed() throws {
        let complaint = try hall.database.registerComplaint(
            ComplaintRequest(source: .phone, name: "张三丰", phone: "13812345678", subject: ComplaintSubject(window: 1), content: "排队太久"),
            by: try hall.actor("M01"))
        var (model, screen) = try hall.screen()
        try hall.press([.char("5"), .enter], on: &screen, &model)
        #expect(screen.mode == .complaint(complaint.number))
        #expect(text(screen).contains("张*丰") && !text(screen).contains("张三丰") && text(screen).contains("排队太久"))
        try hall.press([.char("r")], on: &screen, &model)  // not assigned yet
        #expect(screen.status?.isError == true)
        try hall.press([.char("a")] + type("S02") + [.enter, .enter], on: &screen, &model)
        #expect(try hall.database.complaint(number: complaint.number).handler == "S02")
        try hall.press([.char("r")] + type("已调整窗口安排") + [.enter], on: &screen, &model)
        #expect(try hall.database.complaint(number: complaint.number).state == .answered)
        try hall.press([.char("c"), .char("1")], on: &screen, &model)
        #expect(screen.confirming == .closeComplaint(complaint.number, .satisfied))
        try hall.press([.enter], on: &screen, &model)
        let closed = try hall.database.complaint(number: complaint.number)
        #expect(closed.state == .closed && closed.satisfaction == .satisfied)
    }

    @Test func aWaitingTicketIsMovedToAnotherLine() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.enter], on: &screen, &model)  // line A
        let index = try #require(screen.lineTickets.firstIndex { $0.state == .waiting })
        let code = screen.lineTickets[index].code
        try hall.press(Array(repeating: .down, count: index) + [.char("m")], on: &screen, &model)
        // The picker offers the other open lines (B first).
        #expect(screen.choice?.options.first?.value == .line("B"))
        try hall.press([.char("1")], on: &screen, &model)
        #expect(screen.confirming == .moveTicket(code, toLine: "B"))
        try hall.press([.enter], on: &screen, &model)
        let moved = try hall.database.ticket(code: code)
        let lineB = try hall.database.lines().first { $0.prefix == "B" }?.id
        #expect(moved.state == .waiting && moved.lineID == lineB)
    }

    @Test func aWindowsLinesChangeAndAMessageReachesItsScreen() throws {
        var (model, screen) = try hall.screen()
        try hall.press([.tab, .enter], on: &screen, &model)  // window 1
        #expect(screen.mode == .window(1))
        try hall.press([.char("p")], on: &screen, &model)
        let before = try #require(screen.form?.text(.text))
        #expect(!before.isEmpty)
        // A malformed profile stays in the form with its message; nothing is written.
        try hall.press([.ctrl("u")] + type("A:0") + [.enter], on: &screen, &model)
        #expect(screen.form?.fields.first?.error != nil)
        try hall.press([.ctrl("u")] + type("B:2, A") + [.enter], on: &screen, &model)
        #expect(screen.form == nil && screen.status?.isError == false)
        let lines = try hall.database.lines()
        let profile = try #require(try hall.database.windows().first { $0.id == 1 }?.profile)
        #expect(profile.map { entry in lines.first { $0.id == entry.lineID }?.prefix } == ["B", "A"] && profile.first?.weight == 2)

        // f: which tickets it calls, the current filter not offered; picked, then confirmed.
        try hall.press([.char("f")], on: &screen, &model)
        #expect(screen.choice?.options.map(\.value) == [.filter(.priorityOnly), .filter(.appointmentsOnly)])
        try hall.press([.char("1")], on: &screen, &model)
        #expect(screen.confirming == .setWindowFilter(1, .priorityOnly))
        try hall.press([.enter], on: &screen, &model)
        #expect(try hall.database.windows().first { $0.id == 1 }?.filter == .priorityOnly)

        try hall.press([.char("s")] + type("请到服务台") + [.enter], on: &screen, &model)
        #expect(try hall.database.unreadWindowMessages(window: 1).map(\.text) == ["请到服务台"])
        #expect(try hall.database.unreadWindowMessages(window: 2).isEmpty)
        try hall.press([.escape, .char("m")] + type("十点开会") + [.enter], on: &screen, &model)
        #expect(try hall.database.unreadWindowMessages(window: 2).map(\.text) == ["十点开会"])
        #expect(text(screen).contains("全部窗口"))
    }

    @Test func aReviewAndAComplaintSheetFitEightyColumnsInBothLanguages() throws {
        _ = try badReview()
        var (model, screen) = try hall.screen()
        try hall.press([.char("4"), .enter, .char("v")], on: &screen, &model)
        for language in [Language.zh, .en] {
            for line in screen.frame(context: SupervisorFixture.context(language, 80, 24)).lines() { #expect(DisplayWidth.of(line) == 80) }
        }
        #expect(text(screen, .en).contains("Follow-up: how"))
    }
}
