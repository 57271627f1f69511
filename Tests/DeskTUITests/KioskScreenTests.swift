import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

@Suite struct KioskScreenTests {
    func screen() -> KioskScreen { KioskScreen(view: HallFixtures.kioskView) }

    // MARK: Keys

    @Test func aNumberKeyChoosesItsLineAtOnce() {
        var kiosk = screen()
        #expect(kiosk.handle(.char("2")) == [])
        #expect(kiosk.step == .category)
        #expect(kiosk.currentLine?.line.prefix == "B")
        var other = screen()
        _ = other.handle(.char("9")) // no ninth line: nothing happens
        #expect(other.step == .lines && other.selectedLine == 0)
    }

    @Test func arrowsMoveAndEnterChooses() {
        var kiosk = screen()
        _ = kiosk.handle(.up)
        #expect(kiosk.selectedLine == 0)
        for _ in 0..<8 { _ = kiosk.handle(.down) }
        // Past the five lines: case progress and the service guide, then it stops.
        #expect(kiosk.selectedLine == 6 && kiosk.selectedEntry == .guide)
        _ = kiosk.handle(.up)
        _ = kiosk.handle(.up)
        #expect(kiosk.selectedLine == 4)
        _ = kiosk.handle(.enter)
        #expect(kiosk.step == .category)
        #expect(kiosk.currentLine?.line.prefix == "E") // no window serves it, but a ticket can be taken
    }

    @Test func theCategoryIsChosenByNumberOrArrowsAndEnterIssues() {
        var kiosk = screen()
        _ = kiosk.handle(.char("1"))
        #expect(kiosk.selectedCategory == 0)
        _ = kiosk.handle(.char("3"))
        #expect(KioskScreen.categories[kiosk.selectedCategory] == .disabled)
        #expect(kiosk.step == .category) // a number only selects: Enter is the irreversible key
        _ = kiosk.handle(.down)
        #expect(kiosk.handle(.enter) == [.issue(linePrefix: "A", priority: .military)])
        _ = kiosk.handle(.down)
        _ = kiosk.handle(.down)
        #expect(kiosk.handle(.enter) == [.issue(linePrefix: "A", priority: .pregnant)])
        #expect(!KioskScreen.categories.contains(.greenChannel))
    }

    @Test func escapeGoesBackAndF10Quits() {
        var kiosk = screen()
        _ = kiosk.handle(.char("1"))
        _ = kiosk.handle(.escape)
        #expect(kiosk.step == .lines)
        #expect(kiosk.handle(.f(10)) == [.quit])
        #expect(kiosk.handle(.char("q")) == []) // a citizen's stray q does not close the kiosk
    }

    @Test func aClosedOrFullLineExplainsItselfAndIsNotChosen() {
        var kiosk = screen()
        _ = kiosk.handle(.char("3"))
        #expect(kiosk.step == .lines)
        #expect(kiosk.message == UIText.kioskLineClosed("C", "工程建设项目"))
        let frame = kiosk.frame(context: HallFixtures.context(.zh, 80, 24))
        #expect(frame.lines()[22].hasPrefix(" C 工程建设项目 现已暂停取号，请到咨询台咨询。"))
        #expect(frame[1, 22].role == .statusError)
        _ = kiosk.handle(.char("4"))
        #expect(kiosk.message == UIText.kioskLineFull("D", "城乡居民基本养老保险", cap: 50))
        _ = kiosk.handle(.down) // any key clears it
        #expect(kiosk.message == nil)
    }

    @Test func aLineThatClosedWhileChoosingIsRefusedAtEnter() {
        var kiosk = screen()
        _ = kiosk.handle(.char("1"))
        var closed = HallFixtures.kioskView
        closed.lines[0].line.isOpen = false
        kiosk.update(closed)
        #expect(kiosk.handle(.enter) == [])
        #expect(kiosk.step == .lines)
        #expect(kiosk.message == UIText.kioskLineClosed("A", "综合受理"))
    }

    @Test func aRefusedIssueShowsTheEngineReason() {
        var kiosk = screen()
        _ = kiosk.handle(.char("1"))
        _ = kiosk.handle(.enter)
        let reason = QueueError.dailyCapReached(line: "A", cap: 17).message
        kiosk.refuse(reason)
        #expect(kiosk.step == .lines)
        #expect(kiosk.frame(context: HallFixtures.context(.en, 80, 24)).lines()[22]
            .hasPrefix(" Line A has reached today's limit of 17 tickets."))
    }

    @Test func theSlipTimesOutOrAnyKeyReturns() {
        let t0 = Date(timeIntervalSince1970: 1000)
        var kiosk = screen()
        _ = kiosk.handle(.char("1"))
        kiosk.showSlip(HallFixtures.slip, printed: nil, at: t0)
        kiosk.tick(at: t0.addingTimeInterval(7.2))
        #expect(kiosk.step == .slip)
        #expect(kiosk.secondsLeft == 1)
        kiosk.tick(at: t0.addingTimeInterval(8))
        #expect(kiosk.step == .lines)
        #expect(kiosk.slip == nil)

        kiosk.showSlip(HallFixtures.slip, printed: true, at: t0)
        #expect(kiosk.handle(.char("x")) == [])
        #expect(kiosk.step == .lines)
        var quick = KioskScreen(view: HallFixtures.kioskView, slipSeconds: 3)
        quick.showSlip(HallFixtures.slip, printed: nil, at: t0)
        quick.tick(at: t0.addingTimeInterval(3.1))
        #expect(quick.step == .lines)
    }

    /// `desk kiosk --slip-seconds 1e300` (or inf) used to trap converting the countdown to Int on the first slip.
    @Test func anAbsurdSlipTimeDoesNotTrap() {
        let t0 = Date(timeIntervalSince1970: 1000)
        for seconds in [Double.infinity, 1e300, .nan, -.infinity] {
            var kiosk = KioskScreen(view: HallFixtures.kioskView, slipSeconds: seconds)
            kiosk.showSlip(HallFixtures.slip, printed: nil, at: t0)
            kiosk.tick(at: t0.addingTimeInterval(1))
            _ = kiosk.frame(context: RenderContext(language: .zh, now: t0, size: Size(width: 80, height: 24)))
        }
    }

    @Test func anAbandonedChoiceReturnsToTheStart() {
        let t0 = Date(timeIntervalSince1970: 1000)
        var kiosk = screen()
        kiosk.tick(at: t0)
        _ = kiosk.handle(.char("2"))
        kiosk.tick(at: t0.addingTimeInterval(1))
        kiosk.tick(at: t0.addingTimeInterval(30))
        #expect(kiosk.step == .category)
        kiosk.tick(at: t0.addingTimeInterval(31))
        #expect(kiosk.step == .lines)
        #expect(kiosk.selectedLine == 0)
    }

    @Test func theSelectionFollowsItsLineWhenTheDataChanges() {
        var kiosk = screen()
        _ = kiosk.handle(.down)
        var view = HallFixtures.kioskView
        view.lines.removeFirst()
        kiosk.update(view)
        #expect(kiosk.currentLine?.line.prefix == "B")
    }
}

@Suite struct KioskBoardTextTests {
    /// Ambiguous-width symbols would shift every column after them on some terminals.
    @Test func kioskAndBoardStringsAvoidAmbiguousWidthSymbols() {
        let texts: [Bilingual] = [
            UIText.kioskTitle, UIText.kioskChooseLine, UIText.kioskNoLines, UIText.kioskStatusClosed, UIText.kioskStatusFull,
            UIText.kioskLineClosed("A", "x"), UIText.kioskLineFull("A", "x", cap: 1), UIText.kioskChosenLine("A", "x"), UIText.kioskPriorityNote, UIText.kioskSlipHeading,
            UIText.kioskAhead(2, minutes: 3), UIText.kioskPrinted, UIText.kioskPrintFailed, UIText.kioskReturnsIn(8),
            UIText.slipFooter, UIText.slipEstimate(nil), UIText.kioskMinutes(nil), UIText.boardTitle, UIText.boardWelcome, UIText.boardToWindow,
            UIText.boardRecall, UIText.boardFooter, UIText.boardSentence(code: "A1", window: 1),
            UIText.boardWindows, UIText.boardWindowsPage(1, of: 2),
        ] + PriorityClass.allCases.map(UIText.kioskPriorityLabel)
            + [.calling(code: "A1"), .serving(code: "A1"), .idle, .paused].map(UIText.boardActivity)
            + LineUnservedReason.allCases.flatMap {
            [UIText.kioskStatusUnserved($0), UIText.kioskUnservedNote($0, opensNext: "03-03 09:00"),
             UIText.kioskLineUnserved("A", "x", reason: $0, opensNext: "03-03 09:00")]
        }
        for text in texts {
            for s in [text.en, text.zh] {
                #expect(!s.contains { "…—·→←↑↓“”‘’★█─".contains($0) }, "\(s)")
            }
        }
    }
}
