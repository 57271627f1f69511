import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Issue 11 (hallops11): a supervisor's message on the window screen — the banner over the waiting list (the current
/// ticket stays whole), `m` marks it read, and a message sent from elsewhere appears at the next poll.
@Suite struct WindowMessageBannerTests {
    static func message(_ id: Int64, _ text: String, toAll: Bool = false, at time: String = "09:26") -> WindowMessage {
        WindowMessage(id: id, sentAt: WindowFixture.at(time), businessDate: "2026-03-02", senderID: "M01", senderName: "周建国",
                      target: toAll ? .all : .window(1), text: text)
    }

    static func view(_ messages: [WindowMessage]) -> WindowView {
        var view = WindowFixture.view()
        view.messages = messages
        return view
    }

    func lines(_ language: Language, _ width: Int, _ height: Int, _ messages: [WindowMessage]) -> [String] {
        WindowScreen(view: Self.view(messages)).frame(context: WindowFixture.context(language, width, height)).lines(marking: .bigDigit)
    }

    static let two = [message(7, "请1号窗口暂停叫号，到服务台"), message(8, "下午三点例会", toAll: true, at: "09:28")]

    @Test func theBannerSitsOverTheWaitingListInChinese() {
        #expect(lines(.zh, 80, 24, Self.two) == Self.zh80x24)
    }

    @Test func theBannerSitsOverTheWaitingListInEnglish() {
        let long = Self.message(9, "Please pause calling at window 1 and come to the service desk: the director wants a word about the queue.",
                                toAll: true)
        #expect(lines(.en, 80, 24, [long]) == Self.en80x24)
    }

    /// 120 characters of Chinese do not fit three rows of 36 columns: the third ends in "…", the box stays 6 rows.
    @Test func aLongMessageIsCutOnItsThirdRow() {
        let rows = lines(.zh, 80, 24, [Self.message(9, String(repeating: "请暂停叫号到服务台。", count: 12))])
        #expect(rows[5].hasSuffix("…|") || rows[5].contains("…"), "\(rows[5])")
        #expect(rows[6].contains("+----------------------------------------+"), "\(rows[6])")
        #expect(rows[7].contains("本窗口等候：3 人"))
    }

    /// The current ticket's panel is drawn exactly as without a message: the banner takes only the right column.
    @Test func theCurrentTicketIsNeverCovered() {
        let without = lines(.zh, 80, 24, []), with = lines(.zh, 80, 24, Self.two)
        for row in 1..<21 {
            #expect(TextFitting.truncate(without[row], to: 38) == TextFitting.truncate(with[row], to: 38), "row \(row)")
        }
    }

    @Test func mMarksTheShownMessageAndIsOnTheKeyBarOnlyWhileOneIsUnread() {
        var screen = WindowScreen(view: Self.view(Self.two))
        #expect(screen.keyBarItems.contains { $0.keys == "m" && $0.enabled })
        #expect(WindowScreen.mainKeys.helpRows(screen).contains { $0.keys == "m" })
        #expect(screen.handle(.char("m")) == [.readMessage(id: 7)])

        var none = WindowScreen(view: Self.view([]))
        #expect(!none.keyBarItems.contains { $0.keys == "m" })
        #expect(!WindowScreen.mainKeys.helpRows(none).contains { $0.keys == "m" })
        #expect(none.handle(.char("m")).isEmpty)
        #expect(none.status == WindowScreen.Status(UIText.noUnreadMessage, isError: true))
        _ = screen
    }

    /// With a message unread and a pending intake, every key of the table has its row in the help at 80x24 (it covers
    /// the key bar then).
    @Test func theHelpKeepsEveryKeyAt80x24WithAMessageAndAPendingIntake() {
        for language in [Language.zh, .en] {
            var screen = WindowScreen(view: Self.view(Self.two), mode: .help)
            screen.pending = [WindowScreen.PendingRow(reference: "HD-20260302-R000001", daysLeft: 1)]
            let text = screen.frame(context: WindowFixture.context(language, 80, 24)).lines().joined(separator: "\n")
            for row in WindowScreen.mainKeys.helpRows(screen) {
                #expect(text.contains(row.text.text(language)), "\(row.keys) in \(language)")
            }
        }
    }

    // MARK: Against a database

    let database: HallDatabase
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!

    init() throws { database = try DemoActors.demoDatabase(at: Self.now) }

    /// A message sent by another process shows at the next poll; `m` records it read by the clerk (window 1's S01)
    /// and the banner goes; a message to all windows stays unread at the others.
    @Test func aMessageFromElsewhereAppearsAndMIsRecordedAsRead() throws {
        var model = WindowScreenModel(database: database, windowID: 1)
        model.wallClock = { Self.now }
        var screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        #expect(screen.view.messages.isEmpty)
        let other = try HallDatabase.open(path: database.path, clock: .fixed(Self.now))
        let supervisor = try other.authenticate(staff: "M01", password: "demo-M01", at: .cli)
        let sent = try other.sendWindowMessage(to: .all, text: "下午三点例会", by: supervisor)
        let size = Size(width: 80, height: 24)
        #expect(try model.poll(&screen, size: size))
        #expect(screen.view.messages.map(\.id) == [sent.id])
        #expect(screen.frame(context: RenderContext(language: .zh, now: Self.now, size: size)).lines()[1].contains("督导消息 · m 已读"))

        let effects = screen.handle(.char("m"))
        #expect(effects == [.readMessage(id: sent.id)])
        for effect in effects { _ = try model.apply(effect, to: &screen, size: size) }
        #expect(screen.view.messages.isEmpty)
        #expect(screen.status == WindowScreen.Status(UIText.resultMessageRead))
        let read = try #require(try database.windowMessages().first?.reads.first)
        #expect(read.window == 1 && read.staffID == "S01")
        #expect(try database.unreadWindowMessages(window: 2).map(\.id) == [sent.id])
    }

    static let zh80x24: [String] = [
        " 城东区政务服务中心  1 号窗口 综合受理一  王芳 (S01)   已叫号          09:30:00 ",
        "+ 当前号 A004 -----------------------++ 督导消息（另有 1 条）· m 已读 ---------+",
        "|   ##    ######  ######  ##  ##     || 周建国（M01） 09:26 发给本窗口         |",
        "| ##  ##  ##  ##  ##  ##  ##  ##     || 请1号窗口暂停叫号，到服务台            |",
        "| ######  ##  ##  ##  ##  ######     |+----------------------------------------+",
        "| ##  ##  ##  ##  ##  ##      ##     |+ 本窗口等候：3 人 ----------------------+",
        "| ##  ##  ######  ######      ##     || #  号码   号段          类别      已等 |",
        "|                                    || 1  A001   A 综合受理    普通      18分 |",
        "| 号段  A 综合受理                   || 2  B002   B Business s… 普通       5分 |",
        "| 类别  老年人                       || 3  D001   D 社会事务    孕妇      12分 |",
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
        " b 回呼  p/F9 暂停  c 指定叫号  a 受理  m 已读  o 签退  ?/F1 帮助  q/F10 退出   ",
    ]
    static let en80x24: [String] = [
        " 城东区政务服务中心  Window 1 综合受理一  王芳 (S01)   called          09:30:00 ",
        "+ Current ticket A004 ---------------++ Message · m: read ---------------------+",
        "|   ##    ######  ######  ##  ##     || 周建国 (M01) at 09:26, to all windows  |",
        "| ##  ##  ##  ##  ##  ##  ##  ##     || Please pause calling at window 1 and   |",
        "| ######  ##  ##  ##  ##  ######     || come to the service desk: the director |",
        "| ##  ##  ##  ##  ##  ##      ##     || wants a word about the queue.          |",
        "| ##  ##  ######  ######      ##     |+----------------------------------------+",
        "|                                    |+ Waiting for this window: 3 ------------+",
        "| Line     A 综合受理                || #  No.    Line          Class     Wait |",
        "| Class    elderly                   || 1  A001   A 综合受理    normal     18m |",
        "| Waited   12 min                    || 2  B002   B Business s… normal      5m |",
        "| Recalls  1 time                    || 3  D001   D 社会事务    pregnant   12m |",
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
        " p Pause  c Call no.  a Intake  m Read  o Sign out  ? Help  q Quit              ",
    ]
}
