import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The window screen as text (`grid.lines()`, big digits marked "#"), at the minimum size and a large
/// one, in both languages. Chinese and ASCII line names sit in one column, so a width mistake moves
/// every column after it.
@Suite struct WindowScreenSnapshotTests {
    func lines(_ language: Language, _ width: Int, _ height: Int, _ view: WindowView = WindowFixture.view()) -> [String] {
        WindowScreen(view: view).frame(context: WindowFixture.context(language, width, height)).lines(marking: .bigDigit)
    }

    @Test func chineseAt80x24() { #expect(lines(.zh, 80, 24) == Self.zh80x24) }
    @Test func englishAt80x24() { #expect(lines(.en, 80, 24) == Self.en80x24) }
    @Test func chineseAt120x40() { #expect(lines(.zh, 120, 40) == Self.zh120x40) }
    @Test func englishAt120x40() { #expect(lines(.en, 120, 40) == Self.en120x40) }

    static let zh80x24: [String] = [
        " 城东区政务服务中心  1 号窗口 综合受理一  王芳 (S01)   已叫号          09:30:00 ",
        "+ 当前号 A004 -----------------------++ 本窗口等候：3 人 ----------------------+",
        "|   ##    ######  ######  ##  ##     || #  号码   号段          类别      已等 |",
        "| ##  ##  ##  ##  ##  ##  ##  ##     || 1  A001   A 综合受理    普通      18分 |",
        "| ######  ##  ##  ##  ##  ######     || 2  B002   B Business s… 普通       5分 |",
        "| ##  ##  ##  ##  ##  ##      ##     || 3  D001   D 社会事务    孕妇      12分 |",
        "| ##  ##  ######  ######      ##     ||                                        |",
        "|                                    ||                                        |",
        "| 号段  A 综合受理                   ||                                        |",
        "| 类别  老年人                       ||                                        |",
        "| 等候  12 分钟                      ||                                        |",
        "| 重呼  1 次                         ||                                        |",
        "| 办理  未开始                       ||                                        |",
        "| 状态  已叫号  08:00 前             ||                                        |",
        "+------------------------------------+|                                        |",
        "+ 本窗口挂起：1 ---------------------+|                                        |",
        "| A003   A 综合受理         普通     ||                                        |",
        "|                                    ||                                        |",
        "|                                    ||                                        |",
        "|                                    ||                                        |",
        "+------------------------------------++----------------------------------------+",
        "                                                                                ",
        " n/F2 叫号  r/F3 重呼  s/F4 开始  f/F5 办结  x/F6 过号  t/F7 转移  h/F8 挂起    ",
        " b 回呼  p/F9 暂停  c 指定叫号  a 受理  o 签退  ?/F1 帮助  q/F10 退出           ",
    ]

    static let en80x24: [String] = [
        " 城东区政务服务中心  Window 1 综合受理一  王芳 (S01)   called          09:30:00 ",
        "+ Current ticket A004 ---------------++ Waiting for this window: 3 ------------+",
        "|   ##    ######  ######  ##  ##     || #  No.    Line          Class     Wait |",
        "| ##  ##  ##  ##  ##  ##  ##  ##     || 1  A001   A 综合受理    normal     18m |",
        "| ######  ##  ##  ##  ##  ######     || 2  B002   B Business s… normal      5m |",
        "| ##  ##  ##  ##  ##  ##      ##     || 3  D001   D 社会事务    pregnant   12m |",
        "| ##  ##  ######  ######      ##     ||                                        |",
        "|                                    ||                                        |",
        "| Line     A 综合受理                ||                                        |",
        "| Class    elderly                   ||                                        |",
        "| Waited   12 min                    ||                                        |",
        "| Recalls  1 time                    ||                                        |",
        "| Service  not started               ||                                        |",
        "| State    called  08:00 ago         ||                                        |",
        "+------------------------------------+|                                        |",
        "+ Held here: 1 ----------------------+|                                        |",
        "| A003   A 综合受理         normal   ||                                        |",
        "|                                    ||                                        |",
        "|                                    ||                                        |",
        "|                                    ||                                        |",
        "+------------------------------------++----------------------------------------+",
        "                                                                                ",
        " n Next  r Recall  s Start  f Finish  x No-show  t Transfer  h Hold  b Held     ",
        " p Pause  c Call no.  a Intake  e Note  o Sign out  i Catalog  ? Help  q Quit   ",
    ]

    static let zh120x40: [String] = [
        " 城东区政务服务中心  1 号窗口 综合受理一  王芳 (S01)   已叫号                                                  09:30:00 ",
        "+ 当前号 A004 ---------------------------------++ 本窗口等候：3 人 ----------------------------------------------------+",
        "|   ##    ######  ######  ##  ##               || #  号码   号段                            类别     取号  预约   已等 |",
        "| ##  ##  ##  ##  ##  ##  ##  ##               || 1  A001   A 综合受理                      普通     09:12        18分 |",
        "| ######  ##  ##  ##  ##  ######               || 2  B002   B Business start-up             普通     09:25         5分 |",
        "| ##  ##  ##  ##  ##  ##      ##               || 3  D001   D 社会事务                      孕妇     09:18        12分 |",
        "| ##  ##  ######  ######      ##               ||                                                                      |",
        "|                                              ||                                                                      |",
        "| 号段  A 综合受理                             ||                                                                      |",
        "| 类别  老年人                                 ||                                                                      |",
        "| 等候  12 分钟                                ||                                                                      |",
        "| 重呼  1 次                                   ||                                                                      |",
        "| 办理  未开始                                 ||                                                                      |",
        "| 状态  已叫号  08:00 前                       ||                                                                      |",
        "+----------------------------------------------+|                                                                      |",
        "+ 本窗口挂起：1 -------------------------------+|                                                                      |",
        "| A003   A 综合受理                   普通     ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "+----------------------------------------------++----------------------------------------------------------------------+",
        "                                                                                                                        ",
        " n/F2 叫号  r/F3 重呼  s/F4 开始  f/F5 办结  x/F6 过号  t/F7 转移  h/F8 挂起  b 回呼  p/F9 暂停  c 指定叫号  a 受理     ",
        " e 备注  o 签退  i/F11 事项  ?/F1 帮助  q/F10 退出                                                                      ",
    ]

    static let en120x40: [String] = [
        " 城东区政务服务中心  Window 1 综合受理一  王芳 (S01)   called                                                  09:30:00 ",
        "+ Current ticket A004 -------------------------++ Waiting for this window: 3 ------------------------------------------+",
        "|   ##    ######  ######  ##  ##               || #  No.    Line                            Class    Taken Appt.  Wait |",
        "| ##  ##  ##  ##  ##  ##  ##  ##               || 1  A001   A 综合受理                      normal   09:12         18m |",
        "| ######  ##  ##  ##  ##  ######               || 2  B002   B Business start-up             normal   09:25          5m |",
        "| ##  ##  ##  ##  ##  ##      ##               || 3  D001   D 社会事务                      pregnant 09:18         12m |",
        "| ##  ##  ######  ######      ##               ||                                                                      |",
        "|                                              ||                                                                      |",
        "| Line     A 综合受理                          ||                                                                      |",
        "| Class    elderly                             ||                                                                      |",
        "| Waited   12 min                              ||                                                                      |",
        "| Recalls  1 time                              ||                                                                      |",
        "| Service  not started                         ||                                                                      |",
        "| State    called  08:00 ago                   ||                                                                      |",
        "+----------------------------------------------+|                                                                      |",
        "+ Held here: 1 --------------------------------+|                                                                      |",
        "| A003   A 综合受理                   normal   ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "|                                              ||                                                                      |",
        "+----------------------------------------------++----------------------------------------------------------------------+",
        "                                                                                                                        ",
        " n/F2 Next  r/F3 Recall  s/F4 Start  f/F5 Finish  x/F6 No-show  t/F7 Transfer  h/F8 Hold  b Held  p/F9 Pause            ",
        " c Call no.  a Intake  e Note  o Sign out  i/F11 Catalog  ?/F1 Help  q/F10 Quit                                         ",
    ]
}
