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

    /// The text as issued is what the chain's digest covers: a faster layout must not change one byte of it.
    /// The digests were taken from the layout before it was made faster (Issue 9, intake performance); the
    /// second note wraps at spaces, moves punctuation down (避头) and splits a run longer than a line.
    @Test(arguments: CaseDocumentKind.allCases)
    func theTextIsByteForByteTheOneFirstIssued(_ kind: CaseDocumentKind) throws {
        let spaced = "see the form  A-12 on page 3, sign it, then bring both copies" + String(repeating: "，。", count: 3)
            + String(repeating: "X", count: 90) + " 末。"
        let digests = [try CaseDocument.render(kind, Self.facts()).digest, try CaseDocument.render(kind, Self.facts(note: spaced)).digest]
        #expect(digests == Self.firstIssuedDigests[kind], "\(kind): \(digests)")
    }

    static let firstIssuedDigests: [CaseDocumentKind: [String]] = [
        .acceptanceNotice: ["41e32477efbdf1942b9449103aef204ba6b5c1ecea3fd921a742d822d90814f2",
                            "41e32477efbdf1942b9449103aef204ba6b5c1ecea3fd921a742d822d90814f2"],
        .toleranceNotice: ["7ae57b6f42cc0c78655a3530f40e51580e97ea87221343bd61a21c358d28407c",
                           "ea75911632abd7053e50381ed770ab1ebf057c2dba6affef8004316e1f5a6073"],
        .commitment: ["fc18956bd0f7cbbda22c824ee7654e18f386343e5b7f3ac1739008dc9966bc77",
                      "aab2d6f50f419bbf812e0f069e8d74dd3f5631fde3d3ffe9c73bc575a03c43d4"],
        .oneTimeNotice: ["77017a3b70f3db1187655477f536ceabec76ee3db4ac8f94d544a2b891648f48",
                         "fd64c786bbd3ddf10b65bce5acc3670368f955965d9004854b8e4257afa097ab"],
        .refusalDecision: ["420af76c6b939ea1c14383819e2e0d0263b2fe2421aa8034c2a48b9118cf9aef",
                           "420af76c6b939ea1c14383819e2e0d0263b2fe2421aa8034c2a48b9118cf9aef"],
    ]
}
