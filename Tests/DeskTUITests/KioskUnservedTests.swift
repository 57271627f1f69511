import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Issue 8 on the kiosk: a line nobody serves says why, gives no time, and (set to refuse) says when the hall opens.
@Suite struct KioskUnservedTests {
    /// After day close: every line unserved; A refuses, B issues with the warning; the hall opens next morning.
    func closedHall() -> KioskView {
        var view = HallFixtures.kioskView
        view.lines = Array(view.lines.prefix(2))
        view.lines[0].line.whenUnserved = .refuse
        for i in view.lines.indices {
            view.lines[i].unservedReason = .dayClosed
            view.lines[i].estimatedWaitMinutes = nil
        }
        view.nextOpening = HallClock.parseISO8601("2026-02-13T09:00:00+08:00")
        return view
    }

    @Test func aRefusingLineSaysWhyAndWhenTheHallOpens() {
        var kiosk = KioskScreen(view: closedHall())
        #expect(!kiosk.view.lines[0].canIssue && kiosk.view.lines[1].canIssue)
        _ = kiosk.handle(.char("1"))
        #expect(kiosk.step == .lines)
        #expect(kiosk.message == UIText.kioskLineUnserved("A", "综合受理", reason: .dayClosed, opensNext: "2026-02-13 09:00"))
        #expect(kiosk.message?.zh.contains("下次办理时间：2026-02-13 09:00") == true)
    }

    @Test func aLineIssuingWithTheWarningShowsNoTimeAndWhy() {
        var kiosk = KioskScreen(view: closedHall())
        _ = kiosk.handle(.down)
        let rows = kiosk.frame(context: HallFixtures.context(.zh, 80, 24)).lines()
        #expect(rows.contains { $0.contains("B  Business st… 0 人     无法预计    今日停办") }, "\(rows.joined(separator: "\n"))")
        #expect(!rows.joined().contains("无需等候"))
        let panel = rows.joined()
        #expect(panel.contains("大厅今日已停止办理"), "\(rows.joined(separator: "\n"))")
    }

    /// At 80×24 the slip's long note goes on more lines instead of being cut, in both languages.
    @Test func theSlipScreenWrapsItsNoteAt80x24() {
        var slip = HallFixtures.slip
        slip.estimatedWaitMinutes = nil
        slip.unservedReason = .outOfHours
        slip.nextOpening = HallClock.parseISO8601("2026-12-01T09:00:00+08:00")
        var kiosk = KioskScreen(view: closedHall())
        kiosk.showSlip(slip, printed: true, at: HallFixtures.now)
        let zh = kiosk.frame(context: HallFixtures.context(.zh, 80, 24)).lines(marking: .bigDigit)
        #expect(zh == ScreenSnapshots.kioskSlipUnservedZh80x24, "\n\(zh.joined(separator: "\n"))")
        let en = kiosk.frame(context: HallFixtures.context(.en, 80, 24)).lines(marking: .bigDigit)
        #expect(en == ScreenSnapshots.kioskSlipUnservedEn80x24, "\n\(en.joined(separator: "\n"))")
        for rows in [zh, en] { #expect(!rows.joined().contains("…"), "\(rows.joined(separator: "\n"))") }
    }

    /// The side panel of a refusing line gives the next opening with its time, at 80×24.
    @Test func thePanelShowsTheNextOpeningWithItsTime() {
        var view = closedHall()
        view.nextOpening = HallClock.parseISO8601("2026-12-01T09:00:00+08:00")
        view.lines[1].line.whenUnserved = .refuse
        let kiosk = KioskScreen(view: view)
        let zh = kiosk.frame(context: HallFixtures.context(.zh, 80, 24)).lines(marking: .bigDigit)
        #expect(zh == ScreenSnapshots.kioskPanelNextOpeningZh80x24, "\n\(zh.joined(separator: "\n"))")
        #expect(zh.joined().contains("09:00"))
    }

    @Test func theSlipSaysNoTimeCanBeGivenAndWhy() {
        var slip = HallFixtures.slip
        slip.estimatedWaitMinutes = nil
        slip.unservedReason = .outOfHours
        slip.nextOpening = HallClock.parseISO8601("2026-02-12T13:30:00+08:00")
        let zh = slip.plainText(language: .zh)
        #expect(zh.contains("预计等候：无法预计"))
        #expect(zh.contains("现在不是办理时间"))
        #expect(zh.replacingOccurrences(of: "\n", with: "").contains("2026-02-12 13:30"))
        let en = slip.plainText(language: .en, width: 42)
        #expect(en.contains("Estimated wait: cannot be given"))
        #expect(!en.contains("about"))
    }
}
