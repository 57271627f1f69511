import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The item catalog opened over the window screen (`i`, F11): keys, the frame, and the window's
/// polling underneath.
@Suite struct WindowScreenCatalogTests {
    let index = CatalogIndex(DemoCatalog.catalog)
    let size = Size(width: 80, height: 24)

    /// The window screen as `desk window` leaves it after `keys`: effects applied as the model does,
    /// without a database (the catalog comes from the demo).
    func screen(after keys: [Key], status: WindowScreen.Status? = nil) -> (WindowScreen, [WindowScreen.Effect]) {
        var screen = WindowScreen(view: WindowFixture.view(), status: status)
        var effects: [WindowScreen.Effect] = []
        for key in keys {
            for effect in screen.handle(key) {
                effects.append(effect)
                if effect == .openCatalog { screen.openCatalog(index: index, size: size) }
            }
        }
        return (screen, effects)
    }

    func type(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test func iAndF11OpenIt() {
        for key in [Key.char("i"), .f(11)] {
            let (screen, effects) = screen(after: [key])
            #expect(effects == [.openCatalog])
            #expect(screen.catalog?.mode == .list && screen.catalog?.query == "")
        }
        // In an entry, i is a letter typed; in the help it does nothing.
        let (entry, effects) = screen(after: [.char("c"), .char("i")])
        #expect(effects.isEmpty && entry.catalog == nil && entry.mode == .callCode(text: "I"))
        var signIn = WindowScreen(view: WindowFixture.view(state: .closed, current: false), mode: .signIn(SignInForm()))
        #expect(signIn.handle(.char("i")).isEmpty && signIn.catalog == nil)
        #expect(signIn.mode == .signIn(SignInForm(staff: "I", focus: .staff)))
        #expect(screen(after: [.char("?"), .char("i")]).0.catalog == nil)
    }

    @Test func searchReadAndComeBackToTheWindowAsItWas() {
        let status = WindowScreen.Status(UIText.resultCalled("A004"))
        var (screen, _) = screen(after: [.char("i")] + type("食品"), status: status)
        #expect(screen.catalog?.query == "食品")
        #expect(screen.catalog?.selectedItem?.name == "食品经营许可")
        // Keys go to the catalog, not the window: n is typed, not "call next".
        #expect(screen.handle(.char("n")) == [] && screen.catalog?.query == "食品n")
        _ = screen.handle(.backspace)
        _ = screen.handle(.enter)
        #expect(screen.catalog?.mode == .detail)
        _ = screen.handle(.escape)
        #expect(screen.catalog?.mode == .list && screen.catalog?.query == "食品")
        _ = screen.handle(.escape)
        #expect(screen.catalog?.query == "")
        #expect(screen.handle(.escape) == [])
        #expect(screen.catalog == nil)
        #expect(screen.mode == .main && screen.status == status && screen.view == WindowFixture.view())
        // The window's keys work again.
        #expect(screen.handle(.char("n")) == [.callNext])
    }

    @Test func f10AndQCloseOnlyTheCatalog() {
        var (screen, _) = screen(after: [.f(11)] + type("食品") + [.enter])
        #expect(screen.handle(.f(10)) == [])
        #expect(screen.catalog == nil)
        _ = screen.handle(.char("i"))
        screen.openCatalog(index: index, size: size)
        #expect(screen.handle(.char("q")) == [] && screen.catalog == nil)
        // Back on the window, F10 is the window's quit: A004 is at the window, so it first asks what becomes of it.
        #expect(screen.handle(.f(10)) == [] && screen.mode == .confirmLeave(quitting: true))
        #expect(screen.handle(.char("h")) == [.hold, .quit])
    }

    @Test func theCatalogOverTheWindowAt80x24() {
        let (screen, _) = screen(after: [.char("i")] + type("食品"))
        let lines = screen.frame(context: WindowFixture.context(.zh)).lines()
        #expect(lines == Self.zh80x24)
        let frame = screen.frame(context: WindowFixture.context(.zh))
        #expect(frame[24, 0].role == .highlight)  // the window's state keeps its colour
    }

    /// The window's row on top; the catalog below it, searching 食品.
    static let zh80x24: [String] = [
        " 1 号窗口 综合受理一  已叫号  当前 A004  本窗口等候：3 人              09:30:00 ",
        " 事项清单（权责清单）                                    匹配 3 项（共 148 项） ",
        " 搜索：食品_                               时限：承诺/法定，工作日（日=自然日） ",
        " 编码          事项名称                 部门             类型     时限     容缺 ",
        " …K4000010006  食品经营许可             区市场监督管理局 许可     5/20     容缺 ",
        " …K4000010007  食品生产许可             区市场监督管理局 许可     10/20    容缺 ",
        " …010011       食品小作坊登记           区市场监督管理局 许可     5/20     容缺 ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " Up/Down 选择  Enter 详情  Esc 清空/返回  F10 回窗口                            ",
    ]
}

/// With the catalog open, `desk window`'s poll still reloads the window, and the catalog follows an
/// import by another process.
@Suite struct WindowScreenCatalogModelTests {
    let database: HallDatabase
    static let now = HallClock.parseISO8601("2026-03-02T09:30:00+08:00")!

    init() throws { database = try DemoActors.demoDatabase(at: Self.now) }

    @Test func theWindowKeepsPollingUnderTheCatalog() throws {
        var model = WindowScreenModel(database: database, windowID: 1)
        model.wallClock = { Self.now }
        var screen = try model.start(osUser: DemoActors.osUser, staff: nil, password: nil)
        let size = Size(width: 100, height: 30)
        #expect(model.catalogFeed == nil)  // not loaded at start-up
        for effect in screen.handle(.char("i")) { _ = try model.apply(effect, to: &screen, size: size) }
        #expect(model.catalogFeed != nil && screen.catalog?.index.items.count == DemoCatalog.catalog.items.count)
        #expect(screen.catalog?.viewport == Size(width: 100, height: 29))

        // Another connection issues a ticket: the poll reloads the window under the open catalog.
        let other = try HallDatabase.open(path: database.path, clock: .fixed(Self.now))
        _ = try other.issueTicket(IssueRequest(linePrefix: "A"), by: DemoActors.kiosk)
        try model.poll(&screen, size: Size(width: 120, height: 40))
        #expect(screen.view.waitingCount == 1 && screen.catalog != nil)
        #expect(screen.catalog?.viewport == Size(width: 120, height: 39))
        let top = screen.frame(context: RenderContext(language: .zh, now: Self.now, size: size)).lines()[0]
        #expect(top.contains("本窗口等候：1 人"), "\(top)")

        _ = screen.handle(.escape)
        #expect(screen.catalog == nil && screen.view.waitingCount == 1)
    }
}
