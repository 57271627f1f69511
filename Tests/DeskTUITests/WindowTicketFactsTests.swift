import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Issue 8 at the window: the current ticket's note and where a transferred ticket came from, how long each
/// held ticket has been held, and `e` to write the note.
@Suite struct WindowTicketFactsTests {
    /// A004 came from line B at window 3 with a note; A003 held for 12 minutes, D002 for 75.
    static var view: WindowView {
        var view = WindowFixture.view()
        view.current?.ticket.note = "缺营业执照副本，已告知"
        view.current?.ticket.transferCount = 1
        view.current?.origin = TransferOrigin(line: WindowFixture.lineB, window: 3, windowName: "企业开办一", note: "缺营业执照副本，已告知",
                                              at: WindowFixture.at("09:20"))
        view.held[0].heldSince = WindowFixture.at("09:18")
        var long = WindowFixture.ticket("D002", WindowFixture.lineD, .elderly, state: .held, issued: "08:01", called: "08:10", calls: 1)
        long.heldSince = WindowFixture.at("08:15")
        view.held.append(long)
        return view
    }

    func lines(_ language: Language, _ width: Int = 80, _ height: Int = 24, mode: WindowScreen.Mode = .main,
               _ view: WindowView = Self.view) -> [String] {
        WindowScreen(view: view, mode: mode).frame(context: WindowFixture.context(language, width, height)).lines(marking: .bigDigit)
    }

    /// Above the fields (title bar, big code, waiting list) the frame is the plain snapshot's; from the fields
    /// down it is `zhFromRow8` / `enFromRow8`.
    @Test func chinesePanelShowsOriginNoteAndHeldTimes() {
        #expect(lines(.zh)[..<8] == WindowScreenSnapshotTests.zh80x24[..<8])
        #expect(Array(lines(.zh)[8...]) == Self.zhFromRow8)
    }
    @Test func englishPanelShowsOriginNoteAndHeldTimes() {
        #expect(lines(.en)[..<8] == WindowScreenSnapshotTests.en80x24[..<8])
        #expect(Array(lines(.en)[8...]) == Self.enFromRow8)
    }

    @Test func aTicketWithoutOriginOrNoteKeepsThePanelAsItWas() {
        let plain = WindowScreen(view: WindowFixture.view()).frame(context: WindowFixture.context(.zh, 80, 24)).lines(marking: .bigDigit)
        #expect(plain[0..<21] == WindowScreenSnapshotTests.zh80x24[0..<21])
    }

    @Test func theHeldListPickerShowsHowLongEachIsHeld() {
        let picker = lines(.en, mode: .heldList(selected: 0)).joined(separator: "\n")
        #expect(picker.contains("A003   A 综合受理       normal   12 min"), "\(picker)")
        #expect(picker.contains("D002   D 社会事务       elderly  1 h 15 min"), "\(picker)")
    }

    @Test func heldTimesCountHoursFromSixtyMinutes() {
        #expect(UIText.heldFor(0) == Bilingual(en: "0 min", zh: "0 分"))
        #expect(UIText.heldFor(59) == Bilingual(en: "59 min", zh: "59 分"))
        #expect(UIText.heldFor(60) == Bilingual(en: "1 h 0 min", zh: "1 时 0 分"))
        #expect(UIText.heldFor(135) == Bilingual(en: "2 h 15 min", zh: "2 时 15 分"))
    }

    @Test func theNoteEntryStartsFromTheNoteAndEnterSavesIt() {
        var screen = WindowScreen(view: Self.view)
        #expect(screen.handle(.char("e")).isEmpty)
        #expect(screen.mode == .noteEdit(text: "缺营业执照副本，已告知"))
        for _ in 0..<4 { _ = screen.handle(.backspace) }
        var effects: [WindowScreen.Effect] = []
        for c in "，请补交" { effects += screen.handle(.char(c)) }
        effects += screen.handle(.enter)
        #expect(effects == [.setNote(code: "A004", note: "缺营业执照副本，请补交")])
        #expect(screen.mode == .main)
        let entry = lines(.zh, mode: .noteEdit(text: "请补交")).joined(separator: "\n")
        #expect(entry.contains("A004 号备注（清空即删除）") && entry.contains("请补交_"))
    }

    @Test func anEmptiedNoteClearsItAndAnUnchangedOneSendsNothing() {
        var screen = WindowScreen(view: Self.view)
        _ = screen.handle(.char("e"))
        #expect(screen.handle(.enter).isEmpty && screen.mode == .main)
        _ = screen.handle(.char("e"))
        var effects: [WindowScreen.Effect] = []
        for _ in 0..<20 { effects += screen.handle(.backspace) }
        effects += screen.handle(.enter)
        #expect(effects == [.setNote(code: "A004", note: nil)])
        // No note and nothing typed: nothing to do.
        var plain = WindowScreen(view: WindowFixture.view())
        _ = plain.handle(.char("e"))
        #expect(plain.handle(.enter).isEmpty)
        // Esc leaves the note as it was; with nobody at the window, e says so.
        _ = screen.handle(.char("e"))
        #expect(screen.handle(.escape).isEmpty && screen.mode == .main)
        var idle = WindowScreen(view: WindowFixture.view(current: false))
        #expect(idle.handle(.char("e")).isEmpty)
        #expect(idle.mode == .main && idle.status?.isError == true)
    }

    @Test func theKeyIsInTheHelpAndTheBarWhenThereIsRoom() {
        let help = lines(.zh, mode: .help).joined(separator: "\n")
        #expect(help.contains("当前号的备注（挂起、转移时随号）"))
        let wide = lines(.en, 120, 40)
        #expect(wide[38].contains("e Note") || wide[39].contains("e Note"), "\(wide[38...39])")
    }

    static let zhFromRow8: [String] = [
        "| 号段  A 综合受理                   ||                                        |",
        "| 类别  老年人                       ||                                        |",
        "| 转自  3 号窗口, B Business start-… ||                                        |",
        "| 等候  12 分钟                      ||                                        |",
        "| 重呼  1 次                         ||                                        |",
        "| 办理  未开始                       ||                                        |",
        "| 状态  已叫号  08:00 前             ||                                        |",
        "| 备注  缺营业执照副本，已告知       ||                                        |",
        "+------------------------------------+|                                        |",
        "+ 本窗口挂起：2 ---------------------+|                                        |",
        "| A003   A 综合… 普通          12 分 ||                                        |",
        "| D002   D 社会… 老年人   1 时 15 分 ||                                        |",
        "+------------------------------------++----------------------------------------+",
        "                                                                                ",
        " n/F2 叫号  r/F3 重呼  s/F4 开始  f/F5 办结  x/F6 过号  t/F7 转移  h/F8 挂起    ",
        " b 回呼  p/F9 暂停  c 指定叫号  a 受理  o 签退  ?/F1 帮助  q/F10 退出           ",
    ]

    static let enFromRow8: [String] = [
        "| Line     A 综合受理                ||                                        |",
        "| Class    elderly                   ||                                        |",
        "| From     Window 3, B Business sta… ||                                        |",
        "| Waited   12 min                    ||                                        |",
        "| Recalls  1 time                    ||                                        |",
        "| Service  not started               ||                                        |",
        "| State    called  08:00 ago         ||                                        |",
        "| Note     缺营业执照副本，已告知    ||                                        |",
        "+------------------------------------+|                                        |",
        "+ Held here: 2 ----------------------+|                                        |",
        "| A003   A 综合… normal       12 min ||                                        |",
        "| D002   D 社会… elderly  1 h 15 min ||                                        |",
        "+------------------------------------++----------------------------------------+",
        "                                                                                ",
        " n Next  r Recall  s Start  f Finish  x No-show  t Transfer  h Hold  b Held     ",
        " p Pause  c Call no.  a Intake  e Note  o Sign out  i Catalog  ? Help  q Quit   ",
    ]
}
