import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The catalog screen: frames compared cell row by cell row (80×24 and 120×40, both languages, list and
/// detail), and the keys' logic.
@Suite struct CatalogScreenSnapshotTests {
    static let index = CatalogIndex(DemoCatalog.catalog)

    static func frame(_ screen: CatalogScreen, _ width: Int, _ height: Int, _ language: Language) -> [String] {
        var screen = screen
        screen.viewport = Size(width: width, height: height)
        let context = RenderContext(language: language, now: Date(timeIntervalSince1970: 0), size: Size(width: width, height: height))
        return screen.frame(context: context).lines()
    }

    static func searched(_ text: String) -> CatalogScreen {
        var screen = CatalogScreen(index: index)
        for c in text { _ = screen.handle(.char(c)) }
        return screen
    }

    @Test func listAt80x24InChinese() {
        #expect(Self.frame(CatalogScreen(index: Self.index), 80, 24, .zh) == [
            " 事项清单（权责清单）                                                 共 148 项 ",
            " 搜索：_ 输入事项名称、编码或部门          时限：承诺/法定，工作日（日=自然日） ",
            " 编码          事项名称                 部门             类型     时限     容缺 ",
            " …K4000010001  企业设立登记             区市场监督管理局 许可     1/20     容缺 ",
            " …K4000010002  企业变更登记             区市场监督管理局 许可     1/20     容缺 ",
            " …K4000010003  企业注销登记             区市场监督管理局 许可     1/20          ",
            " …K4000010004  个体工商户设立登记       区市场监督管理局 许可     1/20     容缺 ",
            " …K4000010005  个体工商户变更登记       区市场监督管理局 许可     1/20          ",
            " …K4000010006  食品经营许可             区市场监督管理局 许可     5/20     容缺 ",
            " …K4000010007  食品生产许可             区市场监督管理局 许可     10/20    容缺 ",
            " …K4000010008  药品零售企业许可         区市场监督管理局 许可     10/20    容缺 ",
            " …K4000100009  第二类医疗器械经营备案   区市场监督管理局 其他权力 1/10          ",
            " …010010       特种设备使用登记         区市场监督管理局 许可     5/20          ",
            " …010011       食品小作坊登记           区市场监督管理局 许可     5/20     容缺 ",
            " …010012       广告发布登记             区市场监督管理局 许可     5/20          ",
            " …C4000010001  建筑工程施工许可证核发   区住房和城乡建…  许可     5/20     容缺 ",
            " …C4000010002  建设工程消防验收         区住房和城乡建…  许可     12/20         ",
            " …C4000010003  建设工程消防设计审查     区住房和城乡建…  许可     12/20    容缺 ",
            " …C4000010004  商品房预售许可           区住房和城乡建…  许可     10/20    容缺 ",
            " …C4000010005  建筑业企业资质核准       区住房和城乡建…  许可     15/20    容缺 ",
            " …C4000010006  房地产开发企业资质核定   区住房和城乡建…  许可     10/20         ",
            " …C4000010007  城镇污水排入排水管网许可 区住房和城乡建…  许可     10/20    容缺 ",
            " …C4000070008  公共租赁住房保障资格审核 区住房和城乡建…  确认     15/20         ",
            " Up/Down 选择  Enter 详情  Esc 清空/返回  F10 退出                              ",
        ])
    }

    @Test func listAt80x24InEnglish() {
        #expect(Self.frame(CatalogScreen(index: Self.index), 80, 24, .en) == [
            " Item catalog (published list)                                        148 items ",
            " Search: _ type an item name, code or department                                ",
            " Code          Item                     Department       Type     Days     Tol  ",
            " …K4000010001  企业设立登记             区市场监督管理局 Licence  1/20     yes  ",
            " …K4000010002  企业变更登记             区市场监督管理局 Licence  1/20     yes  ",
            " …K4000010003  企业注销登记             区市场监督管理局 Licence  1/20          ",
            " …K4000010004  个体工商户设立登记       区市场监督管理局 Licence  1/20     yes  ",
            " …K4000010005  个体工商户变更登记       区市场监督管理局 Licence  1/20          ",
            " …K4000010006  食品经营许可             区市场监督管理局 Licence  5/20     yes  ",
            " …K4000010007  食品生产许可             区市场监督管理局 Licence  10/20    yes  ",
            " …K4000010008  药品零售企业许可         区市场监督管理局 Licence  10/20    yes  ",
            " …K4000100009  第二类医疗器械经营备案   区市场监督管理局 Other    1/10          ",
            " …010010       特种设备使用登记         区市场监督管理局 Licence  5/20          ",
            " …010011       食品小作坊登记           区市场监督管理局 Licence  5/20     yes  ",
            " …010012       广告发布登记             区市场监督管理局 Licence  5/20          ",
            " …C4000010001  建筑工程施工许可证核发   区住房和城乡建…  Licence  5/20     yes  ",
            " …C4000010002  建设工程消防验收         区住房和城乡建…  Licence  12/20         ",
            " …C4000010003  建设工程消防设计审查     区住房和城乡建…  Licence  12/20    yes  ",
            " …C4000010004  商品房预售许可           区住房和城乡建…  Licence  10/20    yes  ",
            " …C4000010005  建筑业企业资质核准       区住房和城乡建…  Licence  15/20    yes  ",
            " …C4000010006  房地产开发企业资质核定   区住房和城乡建…  Licence  10/20         ",
            " …C4000010007  城镇污水排入排水管网许可 区住房和城乡建…  Licence  10/20    yes  ",
            " …C4000070008  公共租赁住房保障资格审核 区住房和城乡建…  Confirm  15/20         ",
            " Up/Down Select  Enter Details  Esc Clear/back  F10 Quit                        ",
        ])
    }

    /// Wide enough for full codes and department names.
    @Test func listAt120x40InChinese() {
        let lines = Self.frame(CatalogScreen(index: Self.index), 120, 40, .zh)
        #expect(lines.count == 40)
        #expect(Array(lines.prefix(4)) == [
            " 事项清单（权责清单）                                                                                         共 148 项 ",
            " 搜索：_ 输入事项名称、编码或部门                                                  时限：承诺/法定，工作日（日=自然日） ",
            " 编码                          事项名称                                     部门                 类型     时限     容缺 ",
            " 11510199MB1530000K4000010001  企业设立登记                                 区市场监督管理局     许可     1/20     容缺 ",
        ])
        #expect(lines[24] == [
            " 11510199MB1532746G4000010001  建设用地规划许可证核发                       区自然资源局         许可     10/20         ",
        ][0])
        #expect(lines[39] == [
            " Up/Down 选择  Enter 详情  Esc 清空/返回  F10 退出                                                                      ",
        ][0])
    }

    @Test func searchAsYouTypeInChinese() {
        #expect(Self.frame(Self.searched("食品"), 80, 24, .zh) == [
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
            "                                                                                ",
            " Up/Down 选择  Enter 详情  Esc 清空/返回  F10 退出                              ",
        ])
    }

    @Test func detailAt80x24InChinese() {
        var screen = Self.searched("食品")
        _ = screen.handle(.enter)
        #expect(Self.frame(screen, 80, 24, .zh) == [
            " 食品经营许可                                                  第 1 项，共 3 项 ",
            " 实施编码    11510199MB1530000K4000010006                                       ",
            " 事项类型    01 行政许可                                                        ",
            " 实施部门    区市场监督管理局（11510199MB1530000K）                             ",
            " 设定依据    《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办 ",
            "             法》                                                               ",
            " 受理条件    申请人具备法定主体资格，符合法定条件和标准，申请材料齐全、符合法定 ",
            "             形式。                                                             ",
            " 办理流程    1. 窗口受理                                                        ",
            "             2. 审查（一审）                                                    ",
            "             3. 科长核准（一核）                                                ",
            "             4. 办结送达                                                        ",
            " 法定时限    20 个工作日（经批准可延长 10 个工作日）                            ",
            " 承诺时限    5 个工作日                                                         ",
            " 收费标准    不收费                                                             ",
            " 到现场次数  1 次                                                               ",
            " 网上可办    否                                                                 ",
            " 监督电话    028-86120000                                                       ",
            " 终审层级    科长                                                               ",
            " 可办层级    区级                                                               ",
            " 容缺受理    允许：核心材料齐全即可受理，容缺材料限期补齐                       ",
            " 业务线      A                                                                  ",
            "                                                                                ",
            " Up/Down 滚动  Left/Right 上/下一项  Esc 返回  F10 退出     第 1-22 行/共 33 行 ",
        ])
    }

    @Test func detailAt80x24InEnglish() {
        var screen = Self.searched("食品")
        _ = screen.handle(.enter)
        #expect(Self.frame(screen, 80, 24, .en) == [
            " 食品经营许可                                                            1 of 3 ",
            " Implementation code  11510199MB1530000K4000010006                              ",
            " Item type            01 Licensing                                              ",
            " Department           区市场监督管理局 (11510199MB1530000K)                     ",
            " Legal basis          《中华人民共和国食品安全法》第三十五条；《食品经营许可和  ",
            "                      备案管理办法》                                            ",
            " Conditions           申请人具备法定主体资格，符合法定条件和标准，申请材料齐    ",
            "                      全、符合法定形式。                                        ",
            " Process              1. 窗口受理                                               ",
            "                      2. 审查（一审）                                           ",
            "                      3. 科长核准（一核）                                       ",
            "                      4. 办结送达                                               ",
            " Statutory limit      20 working days, extendable by 10 working days with       ",
            "                      approval                                                  ",
            " Promised limit       5 working days                                            ",
            " Fee                  Free of charge                                            ",
            " Visits required      1                                                         ",
            " Online               No                                                        ",
            " Supervision phone    028-86120000                                              ",
            " Final approval       Section chief                                             ",
            " Handled at           District                                                  ",
            " Deficiency-tolerant  Allowed: accepted with core materials, the rest supplied  ",
            "                      later                                                     ",
            " Up/Down Scroll  Left/Right Prev/next  Esc Back  F10 Quit         lines 1-22/37 ",
        ])
    }

    /// At 120×40 the whole sheet fits: materials with core/tolerable, original/copy, copies, forms, sharing, notes.
    @Test func detailAt120x40InEnglishShowsTheMaterials() {
        var screen = Self.searched("食品")
        _ = screen.handle(.enter)
        #expect(Self.frame(screen, 120, 40, .en) == [
            " 食品经营许可                                                                                                    1 of 3 ",
            " Implementation code  11510199MB1530000K4000010006                                                                      ",
            " Item type            01 Licensing                                                                                      ",
            " Department           区市场监督管理局 (11510199MB1530000K)                                                             ",
            " Legal basis          《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》                            ",
            " Conditions           申请人具备法定主体资格，符合法定条件和标准，申请材料齐全、符合法定形式。                          ",
            " Process              1. 窗口受理                                                                                       ",
            "                      2. 审查（一审）                                                                                   ",
            "                      3. 科长核准（一核）                                                                               ",
            "                      4. 办结送达                                                                                       ",
            " Statutory limit      20 working days, extendable by 10 working days with approval                                      ",
            " Promised limit       5 working days                                                                                    ",
            " Fee                  Free of charge                                                                                    ",
            " Visits required      1                                                                                                 ",
            " Online               No                                                                                                ",
            " Supervision phone    028-86120000                                                                                      ",
            " Final approval       Section chief                                                                                     ",
            " Handled at           District                                                                                          ",
            " Deficiency-tolerant  Allowed: accepted with core materials, the rest supplied later                                    ",
            " Service line         A                                                                                                 ",
            "                                                                                                                        ",
            " Materials (6: 3 core, 3 tolerable)                                                                                     ",
            " 1. Core      Original 1 copy   食品经营许可申请书 [blank form] [sample]                                                ",
            " 2. Core      Copy     1 copy   营业执照                                                                                ",
            "                                Shared by 区市场监督管理局; the applicant need not bring it                             ",
            " 3. Core      Copy     1 copy   法定代表人身份证明                                                                      ",
            " 4. Tolerable Original 1 copy   与食品经营相适应的主要设备设施布局、操作流程等文件                                      ",
            "                                Notes: 可容缺受理，须在承诺期限内补齐                                                   ",
            " 5. Tolerable Original 1 copy   食品安全管理制度                                                                        ",
            "                                Notes: 可容缺受理，须在承诺期限内补齐                                                   ",
            " 6. Tolerable Original 2 copies 经营场所平面图                                                                          ",
            "                                Notes: 可容缺受理，须在承诺期限内补齐                                                   ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            " Up/Down Scroll  Left/Right Prev/next  Esc Back  F10 Quit                                                               ",
        ])
    }

    @Test func roles() {
        var screen = Self.searched("食品")
        _ = screen.handle(.down)
        var s = screen
        s.viewport = Size(width: 80, height: 24)
        let grid = s.frame(context: RenderContext(language: .zh, now: Date(timeIntervalSince1970: 0), size: Size(width: 80, height: 24)))
        let legend: [StyleRole: Character] = [.title: "T", .header: "H", .selected: "S", .warning: "W", .keyHint: "K", .normal: " "]
        #expect(grid.roles(y: 0, legend: legend) == String(repeating: "T", count: 80))
        #expect(grid.roles(y: 4, legend: legend) == String(repeating: "S", count: 80))
        // The 容缺 mark of an unselected row stands out.
        #expect(grid.roles(y: 3, legend: legend).hasSuffix("WWWW "))
        // The key bar (`KeyBar`): keys stand out, labels do not.
        #expect(grid.roles(y: 23, legend: legend) == " KKKKKKK       KKKKK       KKK            KKK                                   ")
    }
}
