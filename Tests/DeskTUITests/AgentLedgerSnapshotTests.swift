import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The job's detail with its ledger and contact log, the handover form's materials step, and a refusal on its summary,
/// on the cell grid at 80×24 (zh) and 100×30 (en) (AgentLedgerSnapshots: reviewed frames). Every line fills the width
/// exactly (`DisplayWidth`).
@Suite struct AgentLedgerSnapshotTests {
    let hall: AgentScreenFixture
    init() throws { hall = try AgentScreenFixture() }

    func frames(_ language: Language, _ width: Int, _ height: Int) throws -> [[String]] {
        let job = "DB-20260302-0001"
        let p01 = try hall.actor("P01")
        _ = try hall.database.recordMaterialHandover(try MaterialHandoverRequest(
            jobNumber: job, from: .applicant, to: .agent,
            lines: [MaterialLineInput(.listed(1)), MaterialLineInput(.listed(2), form: .copy, copies: 2), MaterialLineInput(.listed(3))]), by: p01)
        _ = try hall.database.recordContact(jobNumber: job, how: .phone, note: "约定周三上午到窗口递交材料，原件由代办员保管", next: CivilDate(year: 2026, month: 3, day: 4),
                                            by: p01)
        var (model, screen) = try hall.screen("P01", size: Size(width: width, height: height))
        let context = AgentScreenFixture.context(language, width, height)
        let index = try #require(screen.view.jobs.firstIndex { $0.job.number == job })
        try hall.press(Array(repeating: Key.down, count: index) + [.enter], on: &screen, &model)
        let detail = screen.frame(context: context).lines()
        try hall.press([.char("h"), .enter, .char(" "), .down, .char(" "), .char(" ")], on: &screen, &model)
        let form = screen.frame(context: context).lines()
        // Agent → window, the window's name left empty: the store's refusal on the summary.
        try hall.press([.escape, .down, .enter, .tab, .enter, .enter, .enter], on: &screen, &model)
        let refusal = screen.frame(context: context).lines()
        for line in detail + form + refusal { #expect(DisplayWidth.of(line) == width, "\(line)") }
        return [detail, form, refusal]
    }

    @Test(arguments: [
        (Language.zh, 80, 24, [AgentLedgerSnapshots.detailZh80x24, AgentLedgerSnapshots.formZh80x24, AgentLedgerSnapshots.refusalZh80x24]),
        (Language.en, 100, 30, [AgentLedgerSnapshots.detailEn100x30, AgentLedgerSnapshots.formEn100x30, AgentLedgerSnapshots.refusalEn100x30]),
    ])
    func theLedgerTheFormAndARefusal(_ language: Language, _ width: Int, _ height: Int, _ expected: [[String]]) throws {
        let frames = try frames(language, width, height)
        let size = "\(language == .zh ? "Zh" : "En")\(width)x\(height)"
        for (name, (actual, pinned)) in zip(["detail", "form", "refusal"], zip(frames, expected)) { AgentScreenFixture.check(actual, pinned, name + size) }
    }
}
