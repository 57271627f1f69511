import Testing
@testable import DeskTUI
@testable import HallModel
import Queue

/// The decision letters with their particulars (a long reason, an overdue 容缺 suspension) fit an A4 page by the one
/// width function: every line at most 80 display columns, no line starting with Chinese punctuation.
@Suite struct DecisionLetterLayoutTests {
    static let letterKinds: [CaseDocumentKind] = [.approvalDecision, .rejectionDecision, .extensionNotice, .suspensionNotice, .resumptionNotice,
                                                   .terminationNotice, .serviceRecord]

    static func facts(_ suspension: SuspensionReason?) -> DocumentFacts {
        var facts = CaseDocumentLayoutTests.facts()
        facts.remedies = DocumentFacts.Remedies(reviewOrgan: "城东区人民政府", court: "城东区人民法院")
        facts.letter = DocumentFacts.LetterFacts(
            actedOn: CivilDate(year: 2026, month: 3, day: 4)!,
            reason: String(repeating: "经营范围含危险化学品经营，未取得前置许可（ABCDEFGHIJ0123456789）；", count: 6),
            decision: .notApproved, resultDue: CivilDate(year: 2026, month: 3, day: 18), extensionDays: 10,
            suspension: suspension, graceDue: CivilDate(year: 2026, month: 3, day: 24))
        return facts
    }

    @Test(arguments: letterKinds)
    func everyLineFitsEightyColumns(_ kind: CaseDocumentKind) throws {
        for suspension in [SuspensionReason.supplementsOverdue, .expertReview] {
            let document = try CaseDocument.render(kind, Self.facts(suspension))
            for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayWidth.of(String(line)) <= CaseDocument.width, "\(kind): \(line)")
                #expect(!"，。；：、）".contains(line.trimmingCharacters(in: .whitespaces).first ?? "x"), "\(kind) starts with punctuation: \(line)")
            }
            #expect(document.text.contains(kind.label.zh))
        }
    }
}
