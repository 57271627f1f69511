import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The intake form over the window screen at 80x24, one frame per step (reviewed frames in
/// `IntakeFormSnapshots`): Chinese two columns wide, long names cut with "…", the decisions with why.
@Suite struct IntakeFormSnapshotTests {
    static func frame(_ form: IntakeForm, _ language: Language = .zh) -> CellGrid {
        var screen = WindowScreen(view: IntakeFormTests.servingView())
        screen.intake = form
        return screen.frame(context: WindowFixture.context(language, 80, 24))
    }

    static func lines(_ form: IntakeForm, _ language: Language = .zh) -> [String] { frame(form, language).lines() }

    /// The form with 1–3 provided, 4 defective with a note: 容缺 possible.
    static func marked() -> IntakeForm {
        var form = IntakeFormTests.onMaterials()
        IntakeFormTests.feed(&form, [.char(" "), .down, .char(" "), .down, .char(" "), .down, .char(" "), .char(" "), .enter]
                                    + IntakeFormTests.keys("未签字") + [.enter])
        return form
    }

    static var steps: [(String, IntakeForm)] {
        var item = IntakeForm(IntakeFormTests.setup())
        IntakeFormTests.feed(&item, IntakeFormTests.keys("jianshe"))
        var applicant = IntakeForm(IntakeFormTests.setup())
        IntakeFormTests.feed(&applicant, IntakeFormTests.keys("qysl") + [.enter] + IntakeFormTests.keys("110105194912310021") + [.tab])
        var decision = marked()
        IntakeFormTests.feed(&decision, [.tab])
        var details = decision
        IntakeFormTests.feed(&details, [.enter])
        var confirm = details
        IntakeFormTests.feed(&confirm, [.enter])
        return [("item", item), ("applicant", applicant), ("materials", marked()), ("decision", decision), ("details", details),
                ("confirm", confirm)]
    }

    /// The frame as Swift literals, to review and paste into `IntakeFormSnapshots` when it changed on purpose.
    static func dump(_ lines: [String]) -> String { lines.map { "        \"\($0)\"," }.joined(separator: "\n") }

    @Test func eachStepAt80x24() {
        for (name, form) in Self.steps {
            let lines = Self.lines(form)
            #expect(lines == IntakeFormSnapshots.zh80x24[name], "\(name):\n\(Self.dump(lines))")
        }
    }

    @Test func theMaterialsStepInEnglish() {
        let lines = Self.lines(Self.marked(), .en)
        #expect(lines == IntakeFormSnapshots.en80x24Materials, "\n\(Self.dump(lines))")
    }

    /// Roles, not colours: the step on the title row is selected, impossible decisions muted, the selection highlighted.
    @Test func rolesCarryTheMeaning() throws {
        let (_, decision) = Self.steps[3]
        let grid = Self.frame(decision)
        let lines = grid.lines()
        let row = try #require(lines.firstIndex { $0.contains("2 容缺受理") })
        #expect(grid[1, row].role == .selected)
        let accept = try #require(lines.firstIndex { $0.contains("1 受理") })
        #expect(grid[1, accept].role == .muted)
        // " 受理 A004    1 事项  >  2 申请人  >  3 材料  >  4 决定": only step 4's cells are selected.
        let roles = grid.roles(y: 1, legend: [.selected: "S"])
        #expect(roles.filter { $0 == "S" }.count == " 4 决定 ".displayWidth)
    }
}
