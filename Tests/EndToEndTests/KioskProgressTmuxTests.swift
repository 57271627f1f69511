import Foundation
import Testing

/// A citizen looks a case up at the kiosk, in a real terminal (tmux), on a case taken in through the command line.
@Suite(.serialized) struct KioskProgressTmuxTests {
    let folder: URL
    let db: String

    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    static let now = "2026-03-02T10:00:00+08:00"

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func aCitizenLooksTheirCaseUpAtTheKiosk() throws {
        for step in [["ticket", "issue", "--line", "A"], ["ticket", "call", "--window", "1"], ["ticket", "start", "--window", "1"],
                     ["case", "intake", "--ticket", "A001", "--item", CaseCLITests.item, "--person-id", CaseCLITests.person,
                      "--name", "张三丰", "--provided", "1,2,3,4"]] {
            let r = try Desk.run(step + ["--db", db], environment: ["DESK_NOW": Self.now])
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let kiosk = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1", "DESK_NOW": Self.now],
                                    command: [Desk.executable.path, "kiosk", "--lang", "zh", "--db", db])
        defer { kiosk.kill() }
        #expect(try kiosk.waitUntilContains("请选择业务") != nil, "\(kiosk.screenText)")
        #expect(kiosk.screenText.contains("6  查询办件进度") && kiosk.screenText.contains("1-7 选择"))
        try kiosk.send("6")
        #expect(try kiosk.waitUntilContains("证件号后四位") != nil, "\(kiosk.screenText)")
        try kiosk.send("-l", "hd-20260302-0001")
        try kiosk.send("Tab")
        try kiosk.send("1234", "Enter")
        #expect(try kiosk.waitUntilContains("没有与该办件编号和证件号码后四位相符的办件") != nil, "\(kiosk.screenText)")
        try kiosk.send("002x", "Enter")
        #expect(try kiosk.waitUntilContains("等待您补交材料") != nil, "\(kiosk.screenText)")
        let shown = kiosk.screenText
        #expect(shown.contains("办件 HD-20260302-0001  企业设立登记") && shown.contains("受理日期：2026-03-02"))
        #expect(shown.contains("2026-03-02  受理"))
        #expect(!shown.contains("张三丰") && !shown.contains("002X") && !shown.contains("1101"))
        try kiosk.send("Enter")
        #expect(try kiosk.waitUntilContains("请选择业务") != nil, "\(kiosk.screenText)")
        #expect(!kiosk.screenText.contains("HD-20260302-0001"))
    }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func aCitizenReadsAnItemInTheServiceGuideAndTakesATicketForItsLine() throws {
        let kiosk = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1", "DESK_NOW": Self.now],
                                    command: [Desk.executable.path, "kiosk", "--lang", "zh", "--db", db])
        defer { kiosk.kill() }
        #expect(try kiosk.waitUntilContains("请选择业务") != nil, "\(kiosk.screenText)")
        try kiosk.send("7")
        #expect(try kiosk.waitUntilContains("搜索") != nil, "\(kiosk.screenText)")
        try kiosk.send("-l", "qysldj")
        try kiosk.send("Enter")
        #expect(try kiosk.waitUntilContains("承诺时限") != nil, "\(kiosk.screenText)")
        #expect(kiosk.screenText.contains("企业设立登记") && kiosk.screenText.contains("1 取此事项的号") && !kiosk.screenText.contains("F10"))
        try kiosk.send("1")
        #expect(try kiosk.waitUntilContains("请选择取号类别") != nil, "\(kiosk.screenText)")
        try kiosk.send("Enter")
        #expect(try kiosk.waitUntilContains("取号成功") != nil, "\(kiosk.screenText)")
    }
}
