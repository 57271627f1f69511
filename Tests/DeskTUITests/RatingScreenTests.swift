import Foundation
@testable import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The rating terminal's model: it asks only about a visit just finished at its window, the five levels (keys 1-5,
/// arrows and Enter), the reasons only for 1–2, one rating per visit, back to idle when no key comes within the
/// timeout (wall-clock ticks injected), a newer finish replacing the visit asked about.
@Suite struct RatingScreenTests {
    static let start = Date(timeIntervalSince1970: 1_772_416_800)   // 2026-03-02 10:00 +08:00

    static func prompt(_ id: Int64 = 7, code: String = "A012") -> RatingPrompt {
        RatingPrompt(ticketID: id, ticketCode: code, lineName: "综合业务", items: ["企业设立登记", "食品经营许可"],
                     finishedAt: start, until: start.addingTimeInterval(60))
    }

    static func view(_ prompt: RatingPrompt? = Self.prompt(), timeout: Int = 60) -> RatingView {
        RatingView(hallName: "政务服务中心", window: 1, timeZone: TimeZone(identifier: "Asia/Shanghai")!, prompt: prompt, timeoutSeconds: timeout)
    }

    @Test func idleUntilAVisitIsFinishedAtTheWindow() {
        var screen = RatingScreen(view: Self.view(nil))
        #expect(screen.step == .idle)
        #expect(screen.handle(.char("5")).isEmpty && screen.step == .idle)
        screen.update(Self.view())
        #expect(screen.step == .levels && screen.asking?.ticketCode == "A012")
    }

    @Test func aGoodLevelIsConfirmedWithoutReasons() {
        var screen = RatingScreen(view: Self.view())
        #expect(screen.handle(.char("4")).isEmpty)
        #expect(screen.step == .confirm && screen.chosen == .satisfied)
        #expect(screen.handle(.escape).isEmpty && screen.step == .levels)
        // Arrows and Enter: back from the confirmation the highlight stays on the level chosen (4); Down once is 3.
        _ = screen.handle(.down)
        _ = screen.handle(.enter)
        #expect(screen.chosen == .basicallySatisfied && screen.step == .confirm)
        let effects = screen.handle(.enter)
        #expect(effects == [.rate(RatingRequest(ticketCode: "A012", level: .basicallySatisfied))])
    }

    @Test func aBadLevelAsksForAReasonAndTakesWords() {
        var screen = RatingScreen(view: Self.view())
        _ = screen.handle(.char("2"))
        #expect(screen.step == .reasons)
        // Enter with no reason ticked: asked for one.
        #expect(screen.handle(.enter).isEmpty && screen.step == .reasons && screen.message == UIText.rateReasonNeeded)
        _ = screen.handle(.char("3"))   // 服务态度
        _ = screen.handle(.char("1"))   // 服务效率
        _ = screen.handle(.char("1"))   // untick
        #expect(screen.ticked == [.serviceAttitude])
        _ = screen.handle(.tab)
        for c in "态度差 2" { _ = screen.handle(.char(c)) }
        #expect(screen.note.text == "态度差 2" && screen.ticked == [.serviceAttitude])
        _ = screen.handle(.enter)
        #expect(screen.step == .confirm)
        #expect(screen.handle(.enter) == [.rate(RatingRequest(ticketCode: "A012", level: .dissatisfied, reasons: [.serviceAttitude],
                                                              note: "态度差 2"))])
    }

    @Test func oneRatingPerVisit() {
        var screen = RatingScreen(view: Self.view(), thanksSeconds: 5)
        _ = screen.handle(.char("5")); _ = screen.handle(.enter)
        screen.recorded(nil, at: Self.start)
        #expect(screen.step == .thanks)
        // The same visit still in the view (the hall clock not past its time): never asked again.
        _ = screen.tick(at: Self.start.addingTimeInterval(6))
        screen.update(Self.view())
        #expect(screen.step == .idle)
        // The next visit is.
        screen.update(Self.view(Self.prompt(8, code: "A013")))
        #expect(screen.step == .levels && screen.asking?.ticketCode == "A013")
    }

    @Test func noKeyWithinTheTimeoutGoesBackToIdleAndIsListedForTheRule() {
        var screen = RatingScreen(view: Self.view(timeout: 30))
        _ = screen.tick(at: Self.start)
        _ = screen.handle(.char("1"))
        _ = screen.tick(at: Self.start.addingTimeInterval(20))
        #expect(screen.step == .reasons)
        _ = screen.tick(at: Self.start.addingTimeInterval(49))
        #expect(screen.step == .reasons)   // 29 s after the last key
        let changed = screen.tick(at: Self.start.addingTimeInterval(50))
        #expect(changed)
        #expect(screen.step == .idle && screen.timedOut == [7])
        screen.update(Self.view())
        #expect(screen.step == .idle)   // dismissed here
    }

    @Test func aNewerFinishReplacesTheVisitAskedAbout() {
        var screen = RatingScreen(view: Self.view())
        _ = screen.handle(.char("2"))
        screen.update(Self.view(Self.prompt(8, code: "A013")))
        #expect(screen.step == .levels && screen.asking?.ticketCode == "A013" && screen.ticked.isEmpty)
    }

    @Test func aRefusalIsShownAndTheTerminalIdles() {
        var screen = RatingScreen(view: Self.view())
        _ = screen.handle(.char("4")); _ = screen.handle(.enter)
        screen.recorded(Bilingual(en: "already rated", zh: "已评价"), at: Self.start)
        #expect(screen.step == .idle && screen.message?.zh == "已评价")
    }

    // MARK: Snapshots (80×24 and larger, both languages)

    @Test func levelsInChineseAt80x24() {
        let frame = RatingScreen(view: Self.view()).frame(context: HallFixtures.context(.zh, 80, 24))
        let lines = frame.lines(marking: .bigDigit)
        if lines != ScreenSnapshots.rateLevelsZh80x24 { print("SNAPSHOT rateLevelsZh80x24 = [\n" + lines.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]") }
        #expect(lines == ScreenSnapshots.rateLevelsZh80x24)
    }

    @Test func reasonsInEnglishAt80x24() {
        var screen = RatingScreen(view: Self.view())
        _ = screen.handle(.char("1")); _ = screen.handle(.char("2"))
        let lines = screen.frame(context: HallFixtures.context(.en, 80, 24)).lines()
        if lines != ScreenSnapshots.rateReasonsEn80x24 { print("SNAPSHOT rateReasonsEn80x24 = [\n" + lines.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]") }
        #expect(lines == ScreenSnapshots.rateReasonsEn80x24)
    }

    @Test func everyStepFitsAndSaysWhatItMustAtEverySize() {
        for (language, width, height) in [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 120, 40), (.en, 200, 60)] {
            let context = HallFixtures.context(language, width, height)
            var screen = RatingScreen(view: Self.view(nil))
            #expect(screen.frame(context: context).lines().joined(separator: "\n").contains(UIText.rateIdle.text(language).prefix(8)))
            screen.update(Self.view())
            let levels = screen.frame(context: context).lines().joined(separator: "\n")
            for level in RatingLevel.allCases { #expect(levels.contains(level.label.text(language)), "\(language) \(width)") }
            #expect(levels.contains(UIText.rateAsk.text(language)) && levels.contains("综合业务"))
            _ = screen.handle(.char("2"))
            let reasons = screen.frame(context: context).lines().joined(separator: "\n")
            for reason in RatingReason.allCases { #expect(reasons.contains(reason.label.text(language))) }
            _ = screen.handle(.char("1")); _ = screen.handle(.enter)
            #expect(screen.frame(context: context).lines().joined(separator: "\n").contains(RatingLevel.dissatisfied.label.text(language)))
            screen.recorded(nil, at: Self.start)
            #expect(screen.frame(context: context).lines().joined(separator: "\n").contains(UIText.rateThanks.text(language)))
        }
    }
}
