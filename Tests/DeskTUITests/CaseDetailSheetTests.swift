import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The case detail (`CaseDetailSheet`) as the last user review of issue 9 read it: the representative, the deadlines'
/// limits after an extension, and a timeline reason mixing Chinese and English wrapped at words (80 columns, both
/// languages).
@Suite struct CaseDetailSheetTests {
    let hall: CaseScreenFixture
    init() throws { hall = try CaseScreenFixture() }

    func lines(_ number: String, _ language: Language, width: Int = 78) throws -> [String] {
        let (_, screen) = try hall.screen("R01")
        let detail = try hall.database.caseDetail(number: number)
        return CaseDetailSheet(detail: detail, desk: screen.view.desk, language: language, width: width).lines
            .map { $0.segments.map(\.text).joined() }
    }

    /// An intake by an authorised agent: the detail names them (kind, name, number masked, the authorisation), as
    /// `desk case show` prints it; a case taken in person has no such row.
    @Test(arguments: Language.allCases)
    func theDetailNamesTheRepresentative(_ language: Language) throws {
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        var request = IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode,
                                    applicant: try ApplicantInput.person(name: "王五", residentID: CaseScreenFixture.residentID("11010119800101123"),
                                                                         phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
                                    checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept)
        request.representative = try .authorisedAgent(name: "李四", residentID: CaseScreenFixture.residentID("11010119900307447"),
                                                      authorisation: "代为办理设立登记", today: CivilDate(year: 2026, month: 3, day: 2)!)
        let outcome = try hall.database.takeIn(request, by: DemoActors.clerk(1, hall.database))
        let number = try #require(outcome.caseRecord?.number)
        let text = try lines(number, language)
        let row = try #require(text.first { $0.hasPrefix(language == .zh ? "代理人" : "Agent") }, "\(text.joined(separator: "\n"))")
        #expect(row.contains(language == .zh ? "委托代理人 李四 1101**********4477  代为办理设立登记" : "authorised agent 李四 1101**********4477"), "\(row)")
        #expect(!row.contains("110101199003074477"))
        // Right under the applicant.
        let at = try #require(text.firstIndex(of: row))
        #expect(text[at - 1].hasPrefix(language == .zh ? "申请人" : "Applicant"))
        #expect(try !lines(hall.numbers[0], language).contains { $0.hasPrefix(language == .zh ? "代理人" : "Agent") })
    }

    /// After a 10-day extension both deadlines say the days with it ("20+10 个工作日"), as the 延期 row's "+10".
    @Test(arguments: Language.allCases)
    func theLimitsSayTheExtension(_ language: Language) throws {
        _ = try hall.database.act(onCase: hall.numbers[0], .extend(reason: "需现场核查经营场所"), by: hall.actor("D01"))
        let text = try lines(hall.numbers[0], language)
        let statutory = try #require(text.first { $0.hasPrefix(language == .zh ? "法定期限" : "Statutory") })
        let promised = try #require(text.first { $0.hasPrefix(language == .zh ? "承诺期限" : "Promised") })
        #expect(statutory.hasSuffix(language == .zh ? "2026-04-14 （20+10 个工作日）" : "2026-04-14 (20+10 working days)"), "\(statutory)")
        #expect(promised.hasSuffix(language == .zh ? "（1+10 个工作日）" : "(1+10 working days)"), "\(promised)")
        // Without an extension, the item's limit alone.
        #expect(try lines(hall.numbers[1], language).contains { $0.hasSuffix(language == .zh ? "（20 个工作日）" : "(20 working days)") })
    }

    /// The approver's reason in Chinese with an English note: the timeline breaks before the English word, never
    /// inside it ("…准予许可。Re" / "viewer note" at 80 columns).
    @Test(arguments: Language.allCases)
    func theTimelineWrapsEnglishAtWords(_ language: Language) throws {
        let number = hall.numbers[0]
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全，符合条件", by: hall.actor("R01"))
        // 32 Chinese characters: at 72 columns (78 less the indent) "理由：" and they end two columns short of the line.
        let reason = "经审查，申请材料齐全，经现场核查，符合法定条件、标准，准予许可。Reviewer note: site visit on 2026-03-02 confirmed the address"
        _ = try hall.database.act(onCase: number, .approve(reason: reason), by: hall.actor("C01"))
        let text = try lines(number, language)
        let words = Set(reason.split(whereSeparator: { !$0.isASCII || $0 == " " }).map(String.init))
        let timeline = try #require(text.firstIndex { $0.contains(language == .zh ? "理由：经审查" : "Reason: 经审查") })
        let reasonLines = Array(text[timeline...].prefix { $0.hasPrefix("      ") })
        #expect(reasonLines.count >= 2, "\(reasonLines.joined(separator: "\n"))")
        for line in reasonLines {
            #expect(DisplayWidth.of(line) <= 78, "\(line)")
            // Every ASCII run on a line is a whole word of the reason.
            for run in line.split(whereSeparator: { !$0.isASCII || $0 == " " }).map(String.init) where run.contains(where: \.isLetter) {
                #expect(words.contains(run) || run == "Reason:", "\(run) in \(line)")
            }
        }
        #expect(reasonLines.contains { $0.contains("Reviewer") }, "\(reasonLines.joined(separator: "\n"))")
    }

    /// An approved 容缺 case whose materials are still out after the supplement deadline, flagged by the sweep: the
    /// detail says so in its own row (red), and the case is still approved (docs/cases.md "Fix9d decisions").
    @Test(arguments: Language.allCases)
    func theDetailSaysTheSweepsFlag(_ language: Language) throws {
        let number = hall.numbers[1]   // 容缺: materials 4 and 5 out, due 2026-03-03
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: hall.actor("R01"))
        _ = try hall.database.act(onCase: number, .approve(reason: "符合法定条件"), by: hall.actor("C01"))
        let later = try hall.reopened(at: HallClock.parseISO8601("2026-03-05T09:30:00+08:00")!)
        let summary = try later.sweepCases(by: try later.authenticate(staff: "S01", password: "demo-S01", at: .cli))
        #expect(summary.flagged.map(\.caseNumber) == [number])
        let (_, screen) = try hall.screen("R01")
        let text = CaseDetailSheet(detail: try later.caseDetail(number: number), desk: screen.view.desk, language: language, width: 78).lines
            .map { $0.segments.map(\.text).joined() }
        let row = try #require(text.first { $0.hasPrefix(language == .zh ? "督办提示" : "Flagged") }, "\(text.joined(separator: "\n"))")
        #expect(row.contains(language == .zh ? "2026-03-05 容缺材料逾期未补齐，已提请督办" : "2026-03-05: supplements overdue"), "\(row)")
        #expect(text.contains { $0.contains(CaseState.approved.label.text(language)) })
        #expect(try !lines(hall.numbers[0], language).contains { $0.hasPrefix(language == .zh ? "督办提示" : "Flagged") })
    }
}
