import Testing
@testable import HallModel
import Queue

/// What the documents say, from facts alone (no database): the wording of items that are not licences, where a
/// refusal tells the applicant to apply, the 容缺 note only where 容缺 is granted, the catalog's numbering, the
/// resumption notice, and the line breaker's brackets (避头尾).
@Suite struct DocumentContentTests {
    static let day = CivilDate(year: 2026, month: 3, day: 2)!

    /// A 特困人员认定 (行政确认, type 07) application: materials 2 (a 容缺 note) and 4 outstanding.
    static func facts(_ type: ItemType = .confirmation, legalBasis: String = "《社会救助暂行办法》第十四条",
                      refusal: RefusalReason? = .notThisOrgan, reason: String? = "区民政局") -> DocumentFacts {
        let materials = (1...4).map { p in
            DocumentFacts.Material(position: p, name: "材料\(p)号", kind: p == 2 ? .tolerable : .core, form: .copy, copies: 1,
                                   blankFormAvailable: false, notes: p == 2 ? "可容缺受理，须在承诺期限内补齐" : (p == 4 ? "由区民政局核实" : ""),
                                   status: p == 2 || p == 4 ? .missing : .provided, problem: nil)
        }
        var facts = DocumentFacts(hallName: "城东区政务服务中心", issuedOn: day, reference: "HD-20260302-0001", applicantName: "张三丰",
                                  applicantKind: .person, applicantNumber: "1101**********002X", representative: Representative(kind: .none),
                                  itemName: "特困人员认定", itemCode: "1151019940000700001", itemType: type, legalBasis: legalBasis,
                                  supervisionPhone: "028-86120000", receivedOn: day, acceptedOn: day, statutoryLimit: TimeLimit(20),
                                  promisedLimit: TimeLimit(15), statutoryDue: CivilDate(year: 2026, month: 3, day: 30),
                                  promisedDue: CivilDate(year: 2026, month: 3, day: 23), supplementDue: CivilDate(year: 2026, month: 3, day: 9),
                                  materials: materials, refusal: refusal, reasonText: reason)
        facts.remedies = DocumentFacts.Remedies(reviewOrgan: "城东区人民政府", court: "城东区人民法院")
        facts.letter = DocumentFacts.LetterFacts(actedOn: CivilDate(year: 2026, month: 3, day: 16)!, reason: "符合特困人员认定条件",
                                                 decision: .approved, resultDue: CivilDate(year: 2026, month: 3, day: 30), extensionDays: 10,
                                                 suspension: .expertReview, suspendedSince: CivilDate(year: 2026, month: 3, day: 4)!,
                                                 stoppedWorkingDays: 8)
        return facts
    }

    /// The text with its line breaks and indents taken out (a phrase may wrap anywhere).
    static func text(_ kind: CaseDocumentKind, _ facts: DocumentFacts = facts()) throws -> String {
        try CaseDocument.render(kind, facts).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    @Test(arguments: CaseDocumentKind.allCases)
    func aDocumentOfAnItemThatIsNotALicenceNeverSpeaksOfALicence(_ kind: CaseDocumentKind) throws {
        for type in ItemType.allCases where type != .licensing {
            for legalBasis in ["《社会救助暂行办法》第十四条", ""] {
                var rejected = Self.facts(type, legalBasis: legalBasis)
                rejected.letter?.decision = .notApproved
                var overdue = Self.facts(type, legalBasis: legalBasis)
                overdue.letter?.suspension = .supplementsOverdue
                overdue.deemedAccepted = true
                for text in try [rejected, overdue, Self.facts(type, legalBasis: legalBasis)].map({ try Self.text(kind, $0) }) {
                    #expect(!text.contains("许可") && !text.contains("第三十二条") && !text.contains("审批期限"), "\(kind) \(type): \(text)")
                }
            }
        }
    }

    @Test func theNonLicenceWordingNamesTheResultAndTheItemsOwnBasis() throws {
        #expect(try Self.text(.acceptanceNotice).contains("申请材料齐全、符合法定形式，本机关决定予以受理。"))
        var deemed = Self.facts()
        deemed.deemedAccepted = true
        #expect(try Self.text(.acceptanceNotice, deemed).contains("按照本机关受理制度，自收到申请材料之日起即为受理"))
        let notice = try Self.text(.oneTimeNotice)
        #expect(notice.contains("不符合法定形式。现一次告知需要补正的全部内容如下") && notice.contains("办理依据：《社会救助暂行办法》第十四条"))
        #expect(try Self.text(.oneTimeNotice, Self.facts(legalBasis: "")).contains("办理依据：本机关一次性告知制度"))
        let approval = try Self.text(.approvalDecision)
        #expect(approval.hasPrefix("城东区政务服务中心准予办理决定书"))
        #expect(approval.contains("经审查，申请符合规定的条件、标准。根据《社会救助暂行办法》第十四条的规定，本机关决定准予办理。"))
        // The fixture is a 容缺 case with materials still out: the result waits for them.
        #expect(approval.contains("上述材料全部补齐后，本机关方予送达办理结果"))
        #expect(try Self.text(.approvalDecision, Self.facts(legalBasis: "")).contains("符合规定的条件、标准。本机关决定准予办理。"))
        let rejection = try Self.text(.rejectionDecision)
        #expect(rejection.hasPrefix("城东区政务服务中心不予办理决定书") && rejection.contains("本机关决定不予办理。"))
        // The remedies stay: review and lawsuit apply to any administrative act.
        #expect(rejection.contains("六十日内向城东区人民政府申请行政复议") && rejection.contains("六个月内依法向城东区人民法院提起行政诉讼"))
        let extended = try Self.text(.extensionNotice)
        #expect(extended.hasPrefix("城东区政务服务中心延长办理期限告知书") && extended.contains("经本机关负责人批准，办理期限延长 10 个工作日"))
        #expect(try Self.text(.suspensionNotice).contains("专家评审所需时间不计算在办理期限内"))
        var served = Self.facts()
        #expect(try Self.text(.serviceRecord, served).contains("送达文书：准予办理决定书及办理结果"))
        served.letter?.decision = .notApproved
        #expect(try Self.text(.serviceRecord, served).contains("送达文书：不予办理决定书"))
        var refusal = Self.facts(refusal: .noLicenceNeeded, reason: "无需办理认定")
        refusal.handledAtLevels = []
        let refused = try Self.text(.refusalDecision, refusal)
        #expect(refused.contains("申请事项依法不需要办理（无需办理认定）。本机关决定不予受理。") && refused.contains("申请行政复议"))
    }

    @Test func aLicencesDocumentsStillCiteTheLicensingLaw() throws {
        let licence = Self.facts(.licensing, legalBasis: "《中华人民共和国市场主体登记管理条例》")
        #expect(try Self.text(.acceptanceNotice, licence).contains("第三十二条第一款第（五）项"))
        #expect(try Self.text(.approvalDecision, licence).hasPrefix("城东区政务服务中心准予行政许可决定书"))
        #expect(try Self.text(.serviceRecord, licence).contains("准予行政许可决定书及行政许可证件"))
        #expect(try Self.text(.extensionNotice, licence).contains("第四十二条第一款"))
    }

    @Test func aRefusalNotThisOrgansTellsWhereToApply() throws {
        // The clerk's particulars name the organ.
        let organ = try Self.text(.refusalDecision, Self.facts(.licensing))
        #expect(organ.contains("申请事项依法不属于本行政机关职权范围。根据《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，本机关决定不予受理。请向区民政局申请。"),
                "\(organ)")
        for typed in ["请向区民政局申请。", "向区民政局申请", "区民政局。"] {
            #expect(try Self.text(.refusalDecision, Self.facts(.licensing, reason: typed)).contains("不予受理。请向区民政局申请。"), "\(typed)")
        }
        // This site's level does not handle the item: the levels that do.
        var site = Self.facts(.licensing, reason: "本站不受理该事项")
        site.handledAtLevels = [.district, .townCenter]
        let level = try Self.text(.refusalDecision, site)
        #expect(level.contains("职权范围（本站不受理该事项）。") && level.contains("本事项由区级、镇街中心政务服务机构办理，请向其申请。"), "\(level)")
        // "Needs no licence" has no organ to name.
        #expect(!(try Self.text(.refusalDecision, Self.facts(.licensing, refusal: .noLicenceNeeded, reason: "备案即可"))).contains("请向"))
    }

    @Test func theToleranceNoteOnlyWhereToleranceIsGranted() throws {
        let note = "可容缺受理，须在承诺期限内补齐"
        for kind in [CaseDocumentKind.toleranceNotice, .commitment] {
            #expect(try Self.text(kind).contains("材料2号（缺，容缺材料）：提交复印件1份；\(note)"), "\(kind)")
        }
        var overdue = Self.facts()
        overdue.letter?.suspension = .supplementsOverdue
        var deemed = Self.facts()
        deemed.deemedAccepted = true
        for (kind, facts) in [(CaseDocumentKind.oneTimeNotice, Self.facts()), (.terminationNotice, Self.facts()), (.suspensionNotice, overdue),
                              (.acceptanceNotice, deemed)] {
            let text = try Self.text(kind, facts)
            #expect(text.contains("材料2号（缺，容缺材料）：提交复印件1份") && !text.contains(note), "\(kind): \(text)")
            // Another published note stays.
            #expect(text.contains("材料4号（缺，核心材料）：提交复印件1份；由区民政局核实"), "\(kind)")
        }
    }

    @Test func theSuspensionAndTerminationNoticesNumberMaterialsAsTheCatalogDoes() throws {
        var overdue = Self.facts()
        overdue.letter?.suspension = .supplementsOverdue
        for (kind, facts) in [(CaseDocumentKind.terminationNotice, Self.facts()), (.suspensionNotice, overdue)] {
            let text = try CaseDocument.render(kind, facts).text
            #expect(text.contains("  第2项 材料2号") && text.contains("  第4项 材料4号") && !text.contains("  1. "), "\(kind): \(text)")
        }
    }

    @Test func theTerminationNoticeIsAToldNotADecisionInItsRemedies() throws {
        let text = try Self.text(.terminationNotice)
        #expect(text.contains("自收到本告知书之日起六十日内") && text.contains("自收到本告知书之日起六个月内") && !text.contains("本决定书"))
    }

    @Test func theResumptionNoticeEndsTheSuspensionWithTheNewDeadlines() throws {
        // Suspended for an expert review while it was being decided (the fixture's letter is otherwise an approval's).
        var deciding = Self.facts(.licensing)
        deciding.letter?.decision = .underReview
        let text = try Self.text(.resumptionNotice, deciding)
        #expect(text.hasPrefix("城东区政务服务中心恢复办理告知书"))
        #expect(text.contains("本机关已于2026年3月2日受理，自2026年3月4日起因需要专家评审中止办理。现专家评审已结束，本机关自2026年3月16日起恢复办理。"))
        #expect(text.contains("中止办理共8个工作日，根据《中华人民共和国行政许可法》第四十五条的规定，中止期间不计算在审批期限内。"))
        #expect(text.contains("法定期限：2026年3月30日前") && text.contains("承诺期限：2026年3月23日前"))
        var overdue = Self.facts()
        overdue.letter?.suspension = .supplementsOverdue
        let supplied = try Self.text(.resumptionNotice, overdue)
        #expect(supplied.contains("本机关已于2026年3月2日容缺受理，自2026年3月4日起因容缺材料逾期未补齐中止办理。你（单位）已补齐全部材料，本机关自2026年3月16日起恢复办理。"))
        #expect(supplied.contains("中止期间不计算在办理期限内") && !supplied.contains("第四十五条"))
    }

    /// 避头尾: no line ends with an opening bracket or starts with a closing one or a comma.
    @Test func theBreakerKeepsBracketsWithWhatTheyEnclose() {
        for lead in 30...42 {
            let text = String(repeating: "字", count: lead) + "第一款第（二）项“引文”，《条例》（试行）。" + String(repeating: "字", count: 50)
            for (first, rest) in [("", ""), ("    ", "")] {
                let lines = CaseDocumentText.wrap(text, first: first, rest: rest)
                #expect(lines.joined() == first + text)
                for line in lines {
                    #expect(CaseDocumentText.columns(line) <= CaseDocument.width)
                    #expect(!CaseDocumentText.noLineEnd.contains(line.last ?? "x"), "\(lead): ends with \(line)")
                    #expect(!CaseDocumentText.noLineStart.contains(line.trimmingCharacters(in: .whitespaces).first ?? "x"), "\(lead): \(line)")
                }
            }
        }
    }
}
