import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

@Suite struct KioskSnapshotTests {
    @Test func linesInChineseAt80x24() {
        let frame = KioskScreen(view: HallFixtures.kioskView).frame(context: HallFixtures.context(.zh, 80, 24))
        #expect(frame.lines(marking: .bigDigit) == ScreenSnapshots.kioskLinesZh80x24)
        // Closed and full lines stay visible, greyed; the selected row is highlighted.
        #expect(frame[12, 10].role == .muted && frame[12, 12].role == .muted)
        #expect(frame[12, 6].role == .selected)
        #expect(frame[50, 14].role == .warning) // 暂无窗口
    }

    @Test func linesInEnglishAt120x40() {
        var kiosk = KioskScreen(view: HallFixtures.kioskView)
        for _ in 0..<4 { _ = kiosk.handle(.down) }
        let frame = kiosk.frame(context: HallFixtures.context(.en, 120, 40))
        #expect(frame.lines(marking: .bigDigit) == ScreenSnapshots.kioskLinesEn120x40)
    }

    @Test func categoryAndSlip() {
        var kiosk = KioskScreen(view: HallFixtures.kioskView)
        _ = kiosk.handle(.char("1"))
        _ = kiosk.handle(.down)
        #expect(kiosk.frame(context: HallFixtures.context(.en, 80, 24)).lines(marking: .bigDigit) == ScreenSnapshots.kioskCategoryEn80x24)
        kiosk.showSlip(HallFixtures.slip, printed: true, at: Date())
        #expect(kiosk.frame(context: HallFixtures.context(.zh, 80, 24)).lines(marking: .bigDigit) == ScreenSnapshots.kioskSlipZh80x24)
    }

    /// Chinese names beside ASCII ones: every column starts at the same display column on every row.
    @Test func columnsLineUpWithChineseAndASCIINames() {
        for (language, width, height) in [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 120, 40), (.en, 120, 40)] {
            let frame = KioskScreen(view: HallFixtures.kioskView).frame(context: HallFixtures.context(language, width, height))
            let header = UIText.kioskColumnWaiting.text(language)
            let waitingColumn = frame.column(of: header, y: 4)
            let estimateColumn = frame.column(of: UIText.kioskColumnEstimate.text(language), y: 4)
            for (i, line) in HallFixtures.kioskView.lines.enumerated() {
                let y = 6 + i * 2
                #expect(frame.column(of: "\(line.line.prefix)  ", y: y) == 7, "\(language) \(width) row \(y)")
                #expect(frame.text(x: waitingColumn!, y: y, width: 2).trimmingCharacters(in: .whitespaces) == String(line.waiting),
                        "\(language) \(width) row \(y)")
                #expect(frame.column(of: UIText.kioskMinutes(line.estimatedWaitMinutes).text(language), y: y) == estimateColumn)
            }
        }
    }

    /// A name too long for its column is cut with "…" before a wide character would straddle the next column.
    @Test func aLongChineseNameIsCutAtItsColumn() {
        let frame = KioskScreen(view: HallFixtures.kioskView).frame(context: HallFixtures.context(.zh, 80, 24))
        let row = frame.lines()[12]
        #expect(row.contains("D  城乡居民基…  8 人"))
        #expect(frame.column(of: "8 人", y: 12) == frame.column(of: "3 人", y: 6))
    }

    /// A wide character that would straddle the edge of its field becomes a space; the clock stays whole.
    @Test func aWideCharacterClippedAtTheEdgeBecomesASpace() {
        var view = HallFixtures.kioskView
        view.hallName = String(repeating: "政务", count: 40)
        let frame = KioskScreen(view: view).frame(context: HallFixtures.context(.zh, 80, 24))
        // Title limit: 80 - "2026-02-12 09:30".count - 2 = 62. Columns 1...60 hold 30 characters; 61 would straddle 62.
        #expect(frame[61, 0].grapheme == " " && !frame[61, 0].isContinuation)
        #expect(frame[59, 0].grapheme == "务" && frame[60, 0].isContinuation)
        #expect(frame.lines()[0].hasSuffix("2026-02-12 09:30 "))
        #expect(frame.lines()[0].displayWidth == 80)
    }

    @Test func theSlipPrintsAsPlainTextWithinItsWidth() {
        let zh = HallFixtures.slip.plainText(language: .zh)
        #expect(zh.hasSuffix("\n\n\u{0C}"))
        let lines = zh.dropLast(3).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.displayWidth <= 32 })
        #expect(lines.contains("              A018"))
        #expect(lines.contains("前面等候：3 人"))
        #expect(lines.contains("预计等候：约 12 分钟"))
        #expect(lines.contains("类别：老年人（60 岁以上）"))
        #expect(lines.contains("取号时间 2026-02-12 09:30"))
        #expect(lines.contains("   ##    ######    ##    ######")) // the code in "#" glyphs
        let en = HallFixtures.slip.plainText(language: .en, width: 42)
        #expect(en.split(separator: "\n").allSatisfy { String($0).displayWidth <= 42 })
        #expect(en.contains("Ahead of you: 3\nEstimated wait: about 12 min\n"))
        var long = HallFixtures.slip
        long.code = "AB1000"
        #expect(!long.plainText(language: .en).contains("##")) // too wide for 32 columns in glyphs: plain code only
        #expect(long.plainText(language: .en).contains("AB1000"))
    }
}
