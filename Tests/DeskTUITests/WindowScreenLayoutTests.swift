import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Columns by display width, colours by role, clipping at edges, the panels' states and overlays.
@Suite struct WindowScreenLayoutTests {
    func frame(_ view: WindowView = WindowFixture.view(), _ language: Language = .zh, _ width: Int = 80, _ height: Int = 24,
               mode: WindowScreen.Mode = .main, status: WindowScreen.Status? = nil) -> CellGrid {
        WindowScreen(view: view, mode: mode, status: status).frame(context: WindowFixture.context(language, width, height))
    }

    /// The display column where `text` starts on row `y`, or nil.
    func column(of text: String, y: Int, in grid: CellGrid) -> Int? {
        (0..<grid.width).first { grid.text(x: $0, y: y, width: text.displayWidth) == text }
    }

    /// A view whose waiting list mixes a long Chinese name (cut), an ASCII name and a green-channel ticket.
    var mixedView: WindowView {
        var view = WindowFixture.view()
        let lineE = ServiceLine(id: 5, prefix: "E", name: "不动产登记中心", targetWaitMinutes: 20)
        view.waiting.append(WindowFixture.ticket("E1000", lineE, .greenChannel, issued: "09:29"))
        view.waitingCount = 4
        view.lines.append(lineE)
        return view
    }

    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 120, 40), (.en, 97, 31)])
    func waitingColumnsLineUpByDisplayWidth(language: Language, width: Int, height: Int) throws {
        let grid = frame(mixedView, language, width, height)
        let header = 2
        let codeX = try #require(column(of: UIText.columnCode.text(language), y: header, in: grid))
        let classX = try #require(column(of: UIText.columnPriority.text(language), y: header, in: grid))
        let rows = [("A001", PriorityClass.normal), ("B002", .normal), ("D001", .pregnant), ("E1000", .greenChannel)]
        for (i, (code, priority)) in rows.enumerated() {
            let label = UIText.priorityShort(priority).text(language)
            #expect(grid.text(x: codeX, y: header + 1 + i, width: code.count) == code)
            #expect(grid.text(x: classX, y: header + 1 + i, width: label.displayWidth) == label, "row \(i) at \(width)x\(height)")
            #expect(grid[classX, header + 1 + i].role == (priority == .normal ? .normal : .priority))
        }
        // The cut Chinese name ends in the marker, never half a character.
        let cut = grid.lines()[header + 4]
        #expect(cut.contains("E 不动产") && (cut.contains("…") || cut.contains("不动产登记中心")), "\(cut)")
    }

    @Test func waitsAreColouredAgainstTheLineTarget() {
        let grid = frame()
        let lastColumn = 80 - 3 // inside the right frame and its padding
        #expect(grid[lastColumn, 3].role == .danger)  // A001: 18 of 15 minutes
        #expect(grid[lastColumn, 4].role == .ok)      // B002: 5 of 20
        #expect(grid[lastColumn, 5].role == .warning) // D001: 12 of 15 = 80 %
        #expect(WindowScreen.waitRole(seconds: 15 * 60, targetMinutes: 15) == .warning) // at the target: not yet past
        #expect(WindowScreen.waitRole(seconds: 15 * 60 + 1, targetMinutes: 15) == .danger)
        #expect(WindowScreen.waitRole(seconds: 675 - 1, targetMinutes: 15) == .ok)      // just under 75 %
        #expect(WindowScreen.waitRole(seconds: 675, targetMinutes: 15) == .warning)
    }

    @Test func wideTextIsClippedWholeAtEveryWidth() {
        var view = mixedView
        view.hallName = "城东区人民政府政务服务中心（行政审批局）"
        view.window.name = "综合受理一窗口（含社保医保）"
        view.staffName = "欧阳娜娜"
        for width in 80...91 {
            for language in Language.allCases {
                let grid = frame(view, language, width, 24, status: .init(Bilingual(en: String(repeating: "x ", count: 60),
                                                                                  zh: String(repeating: "窗口", count: 60)), isError: true))
                for (y, line) in grid.lines().enumerated() {
                    #expect(line.displayWidth == width, "row \(y) at width \(width) \(language)")
                }
                for y in 1..<(24 - 3) { #expect(grid[width - 1, y].line != nil, "right frame at row \(y), width \(width)") }
                // The clock, the window and the state stay; the hall's name gives way, cut with "…".
                let header = grid.lines()[0]
                #expect(header.hasSuffix("09:30:00 "))
                #expect(header.contains("…") || !header.contains("城东区"))
                #expect(grid.lines()[21].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
            }
        }
    }

    @Test func wideGraphemeAtTheRightEdgeBecomesASpace() {
        // Odd width: the zh status text of two-column characters cannot fill the last column.
        let grid = frame(WindowFixture.view(), .zh, 81, 24, status: .init(Bilingual(en: "", zh: String(repeating: "号", count: 50))))
        #expect(grid[80, 21].grapheme == "…" || grid[80, 21].grapheme == " ")
        #expect(!grid[80, 21].isContinuation)
        #expect(grid.lines()[21].displayWidth == 81)
    }

    @Test func headerShowsHallWindowClerkStateAndClock() {
        let open = frame().lines()[0]
        #expect(open == " 城东区政务服务中心  1 号窗口 综合受理一  王芳 (S01)   已叫号          09:30:00 ")
        let paused = frame(WindowFixture.view(state: .paused, pauseReason: "午休", current: false), .en).lines()[0]
        #expect(paused.contains("Window 1 综合受理一") && paused.contains("paused (lunch)") && paused.hasSuffix("09:30:00 "))
        let typed = frame(WindowFixture.view(state: .paused, pauseReason: "培训", current: false), .en).lines()[0]
        #expect(typed.contains("paused (培训)")) // typed reasons are shown as entered
        var closed = WindowFixture.view(state: .closed, current: false)
        closed.staffName = nil
        closed.window.staffID = nil
        let closedGrid = frame(closed, .zh)
        #expect(closedGrid.lines()[0].contains("未签到") && closedGrid.lines()[0].contains("关闭"))
        #expect(closedGrid.lines()[3].contains("窗口未开放。"))
        #expect(closedGrid.lines()[5].contains("请签到。"))
    }

    @Test func currentPanelFallsBackToBoldTextForCodesTooWideForBigDigits() {
        var view = WindowFixture.view()
        view.current?.ticket.code = "AB1000" // 2 letters + 4 digits: wider than the 80-column panel
        let grid = frame(view)
        #expect(grid.lines()[2].hasPrefix("| AB1000"))
        #expect(grid[2, 2].role == .highlight)
        #expect(grid.lines()[1].contains("AB1000"))
        #expect(!grid.lines(marking: .bigDigit, with: "@").joined().contains("@"))
    }

    @Test func servingTicketShowsItsServiceTimer() {
        var view = WindowFixture.view()
        view.current?.ticket.state = .serving
        view.current?.ticket.startedAt = WindowFixture.at("09:23")
        let lines = frame(view, .en).lines()
        #expect(lines[12].contains("Service  07:00"))
        #expect(lines[13].contains("State    being served"))
        // Called back from hold: it keeps its old start time, but nobody is serving it yet.
        view.current?.ticket.state = .called
        #expect(frame(view, .en).lines()[12].contains("Service  not started"))
    }

    @Test func statusLineShowsResultsAndRefusalsInTheUsersLanguage() {
        let refusal = WindowScreen.Status(QueueError.tooFewCallsForNoShow(code: "A004", calls: 1, required: 2).message, isError: true)
        let zh = frame(status: refusal)
        #expect(zh.lines()[21].hasPrefix(" A004 号只叫了 1 次；叫满 2 次后才能过号。"))
        #expect(zh[1, 21].role == .statusError)
        let en = frame(WindowFixture.view(), .en, status: .init(UIText.resultCalled("A004")))
        #expect(en.lines()[21].hasPrefix(" Called A004."))
        #expect(en[1, 21].role == .statusInfo)
    }

    @Test func keyBarIsAlwaysVisibleAndMutesWhatDoesNotApply() {
        let grid = frame()
        #expect(grid.lines()[22].hasPrefix(" n/F2 叫号  r/F3 重呼"))
        #expect(grid[1, 22].role == .muted)   // n: a ticket is already at the window
        #expect(grid[12, 22].role == .keyHint) // r: the ticket is called, so it can be recalled
        for mode in [WindowScreen.Mode.help, .transferLine(selected: 0), .callCode(text: "A0")] {
            let lines = frame(mode: mode).lines()
            #expect(lines[22].contains("Esc") || lines[23].contains("Esc"), "\(mode)")
        }
    }

    @Test func helpListsEveryKey() {
        for language in Language.allCases {
            let text = frame(WindowFixture.view(), language, mode: .help).lines().joined(separator: "\n")
            for row in WindowScreen(view: WindowFixture.view()).helpRows {
                #expect(text.contains(row.keys), "\(row.keys)")
                #expect(text.contains(row.text.text(language)), "\(row.text.text(language))")
            }
        }
    }

    @Test func pickersHighlightTheSelection() throws {
        let grid = frame(mode: .transferLine(selected: 1))
        let lines = grid.lines()
        let y = try #require(lines.firstIndex { $0.contains("2  D 社会事务") })
        let x = try #require(column(of: "2  D 社会事务", y: y, in: grid))
        #expect(grid[x, y].role == .selected)
        #expect(lines.contains { $0.contains("转移到号段 (A004)") })
        let placement = frame(WindowFixture.view(), .en, mode: .transferPlacement(line: "D", selected: 0)).lines().joined()
        for p in TransferPlacement.allCases { #expect(placement.contains(UIText.placement(p).text(.en))) }
        let reasons = frame(mode: .pauseReason(selected: 0)).lines().joined()
        #expect(reasons.contains("1  午休") && reasons.contains("4  其他（输入原因）"))
        let entry = frame(mode: .pauseOther(text: "培训")).lines().joined()
        #expect(entry.contains("培训_"))
    }
}

@Suite struct WindowScreenTimeTests {
    @Test func clockAndTimesAreInTheHallsZone() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let date = HallClock.parseISO8601("2026-03-02T23:59:58+08:00")!
        #expect(WindowScreen.clock(date, zone) == "23:59:58")
        #expect(WindowScreen.timeOfDay(date.addingTimeInterval(3), zone) == "00:00")
        #expect(WindowScreen.clock(HallClock.parseISO8601("2026-03-02T01:02:03Z")!, zone) == "09:02:03")
        #expect(WindowScreen.elapsed(59) == "00:59" && WindowScreen.elapsed(3_725) == "1:02:05" && WindowScreen.elapsed(-5) == "00:00")
    }
}
