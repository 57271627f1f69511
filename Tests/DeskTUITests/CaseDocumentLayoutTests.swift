import Testing
@testable import DeskTUI
@testable import HallModel
import Queue

/// The documents issued at the window fit an A4 page: every line of the plain text at most 80 display
/// columns by the one width function (`DisplayWidth`), and the HTML is escaped, self-contained and A4.
@Suite struct CaseDocumentLayoutTests {
    static func facts(note: String = "租赁合同未盖章，且出租人签字与身份证明不一致，请由出租人重新签字并加盖公章后提交ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") -> DocumentFacts {
        let materials = (1...6).map { p in
            DocumentFacts.Material(position: p, name: p == 6 ? "指定代表或者共同委托代理人授权委托书<script>" : "材料\(p)号（含附件、复印件）",
                                   kind: p > 3 ? .tolerable : .core, form: .copy, copies: 2, blankFormAvailable: p == 6,
                                   notes: "可容缺受理，须在承诺期限内补齐", status: p == 5 ? .defective : (p == 6 ? .missing : .provided),
                                   problem: p == 5 ? note : nil)
        }
        return DocumentFacts(hallName: "城东区政务服务中心 & <b>", issuedOn: CivilDate(year: 2026, month: 3, day: 2)!, reference: "HD-20260302-0001",
                             applicantName: "张三丰", applicantKind: .person, applicantNumber: "1101**********002X",
                             representative: Representative(kind: .authorisedAgent, name: "李四"),
                             itemName: "企业设立登记", itemCode: "11510199MB1530000K4000010001",
                             legalBasis: "《中华人民共和国行政许可法》；《中华人民共和国市场主体登记管理条例》第二十一条",
                             supervisionPhone: "028-86120000", receivedOn: CivilDate(year: 2026, month: 3, day: 2)!,
                             acceptedOn: CivilDate(year: 2026, month: 3, day: 2)!, statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(5),
                             statutoryDue: CivilDate(year: 2026, month: 3, day: 30), promisedDue: CivilDate(year: 2026, month: 3, day: 9),
                             supplementDue: CivilDate(year: 2026, month: 3, day: 9), materials: materials, refusal: .notThisOrgan,
                             reasonText: "属于区住房和城乡建设局的职权范围")
    }

    /// The text with its line breaks and indents taken out (a phrase may be wrapped anywhere).
    static func flat(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    @Test(arguments: CaseDocumentKind.allCases)
    func everyLineFitsEightyColumns(_ kind: CaseDocumentKind) throws {
        let document = try CaseDocument.render(kind, Self.facts())
        for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(String(line)) <= CaseDocument.width, "\(kind): \(line)")
            #expect(!"，。；：、）".contains(line.trimmingCharacters(in: .whitespaces).first ?? "x"), "\(kind) starts with punctuation: \(line)")
        }
        #expect(document.text.contains("编号：HD-20260302-0001"))
    }

    @Test(arguments: CaseDocumentKind.allCases)
    func theHTMLIsEscapedSelfContainedAndA4(_ kind: CaseDocumentKind) throws {
        let html = try CaseDocument.render(kind, Self.facts()).html
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("城东区政务服务中心 &amp; &lt;b&gt;"))
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    }

    @Test func theNoticesListEveryOutstandingMaterialWithHowToSupplyIt() throws {
        for kind in [CaseDocumentKind.oneTimeNotice, .toleranceNotice, .commitment] {
            let text = Self.flat(try CaseDocument.render(kind, Self.facts(note: "未盖章")).text)
            #expect(text.contains("材料5号（含附件、复印件）（有误，容缺材料）：存在问题：未盖章"), "\(kind)")
            #expect(text.contains("指定代表或者共同委托代理人授权委托书<script>（缺，容缺材料）：提交复印件2份；空白表格"), "\(kind)")
            #expect(!text.contains("材料1号"), "\(kind)")
        }
        #expect(Self.flat(try CaseDocument.render(.toleranceNotice, Self.facts()).text).contains("补齐期限：2026年3月9日前（含当日）"))
        #expect(Self.flat(try CaseDocument.render(.acceptanceNotice, Self.facts()).text).contains("承诺时限：5 个工作日，2026年3月9日前"))
    }
}
