import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Every obstacle to a decision is readable at 80×24, in both languages: a decision's row keeps whole obstacles and says
/// how many more there are and where ("+1 more: Tab" on the checklist, "+1 more below" on the decisions); the decision
/// step lists every obstacle to the selected decision under the decisions, wrapped, none cut.
@Suite struct IntakeFormObstacleTests {
    /// 企业设立登记 at a village station (not handled there) with nothing marked: two obstacles to accepting and to 容缺,
    /// the first of them a long one.
    static func twoObstacles() -> IntakeForm { IntakeFormTests.onMaterials(siteLevel: .villageStation) }

    @Test(arguments: Language.allCases)
    func aRowThatCannotHoldEveryObstacleSaysHowManyMoreAndWhere(_ language: Language) throws {
        let form = Self.twoObstacles()
        let assessment = try #require(form.assessment)
        #expect(assessment.obstacles(to: .accept).count == 2)
        let lines = IntakeFormSnapshotTests.lines(form, language)
        let accept = try #require(lines.first { $0.contains(IntakeDecisionKind.accept.label.text(language) + "  ") })
        #expect(accept.contains(UIText.intakeMoreObstaclesOnTab(1).text(language)), "\(accept)")
        // The first obstacle, too long for the row with the count, is cut at a word (Tab lists it whole).
        let first = assessment.obstacles(to: .accept)[0].message.text(language)
        let shown = try #require(accept.components(separatedBy: "  ").last { $0.contains("…") }?.components(separatedBy: "…").first)
        #expect(first.hasPrefix(shown.trimmingCharacters(in: .whitespaces)), "\(accept)")
        if language == .en { #expect(first.dropFirst(shown.trimmingCharacters(in: .whitespaces).count).first == " ", "\(accept)") }
    }

    @Test(arguments: Language.allCases)
    func theDecisionStepListsEveryObstacleToTheSelectedDecision(_ language: Language) throws {
        var form = Self.twoObstacles()
        // Home: the first decision, accepting (not possible here).
        IntakeFormTests.feed(&form, [.tab, .home])
        #expect(form.step == .decision && form.decisionList.selected == 0)
        let assessment = try #require(form.assessment)
        let lines = IntakeFormSnapshotTests.lines(form, language)
        for line in lines { #expect(DisplayWidth.of(line) == 80, "\(line)") }
        let heading = try #require(lines.firstIndex { $0.contains(UIText.intakeObstaclesTo(IntakeDecisionKind.accept.label).text(language)) },
                                   "\n\(IntakeFormSnapshotTests.dump(lines))")
        let listed = lines[(heading + 1)...].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for obstacle in assessment.obstacles(to: .accept) {
            let words = obstacle.message.text(language)
            // Wrapped lines joined: every word of every obstacle is there, in order.
            let compact = listed.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "·", with: "")
            #expect(compact.contains(words.replacingOccurrences(of: " ", with: "")), "\(words)\n\(IntakeFormSnapshotTests.dump(lines))")
        }
        let expected = language == .zh ? IntakeFormSnapshots.obstaclesZh80x24 : IntakeFormSnapshots.obstaclesEn80x24
        if lines != expected { print("SNAPSHOT obstacles\(language == .zh ? "Zh" : "En")80x24 = [\n\(IntakeFormSnapshotTests.dump(lines))\n    ]") }
        #expect(lines == expected)
    }

    @Test func theStatusLineNeverCutsACommandMidWord() {
        let text = UIText.printFailed(number: "HD-20260302-0001").en + " Supplements due 2026-03-09."
            + UIText.printTimedOut("lp -d hall-printer -o media=A4").en
        let cut = TextFitting.truncateAtWord(text, to: 80)
        #expect(DisplayWidth.of(cut) <= 80 && cut.hasSuffix("…"))
        #expect(cut.contains("desk case document HD-20260302-0001"), "\(cut)")
        // Cut between words: what is shown is the text up to a space.
        #expect(text.hasPrefix(String(cut.dropLast())) && text.dropFirst(cut.count - 1).first == " ", "\(cut)")
        #expect(TextFitting.truncateAtWord("short", to: 80) == "short")
    }
}
