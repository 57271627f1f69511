import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The agent's screen on the cell grid — P01's jobs, the 容缺 job's detail, the inbox — at 80×24 and 100×30, in both
/// languages (AgentScreenSnapshots: reviewed frames). Every line fills the width exactly (`DisplayWidth`).
@Suite struct AgentScreenSnapshotTests {
    let hall: AgentScreenFixture
    init() throws { hall = try AgentScreenFixture() }

    func frames(_ language: Language, _ width: Int, _ height: Int) throws -> [[String]] {
        var (model, screen) = try hall.screen("P01", size: Size(width: width, height: height))
        let context = AgentScreenFixture.context(language, width, height)
        let list = screen.frame(context: context).lines()
        let tolerated = try #require(screen.view.jobs.firstIndex { $0.caseRecord?.number == hall.numbers[1] })
        try hall.press(Array(repeating: Key.down, count: tolerated) + [.enter], on: &screen, &model)
        let detail = screen.frame(context: context).lines()
        try hall.press([.escape, .char("i")], on: &screen, &model)
        let inbox = screen.frame(context: context).lines()
        for line in list + detail + inbox { #expect(DisplayWidth.of(line) == width, "\(line)") }
        return [list, detail, inbox]
    }

    @Test(arguments: [
        (Language.zh, 80, 24, [AgentScreenSnapshots.listZh80x24, AgentScreenSnapshots.detailZh80x24, AgentScreenSnapshots.inboxZh80x24]),
        (Language.en, 80, 24, [AgentScreenSnapshots.listEn80x24, AgentScreenSnapshots.detailEn80x24, AgentScreenSnapshots.inboxEn80x24]),
        (Language.zh, 100, 30, [AgentScreenSnapshots.listZh100x30, AgentScreenSnapshots.detailZh100x30, AgentScreenSnapshots.inboxZh100x30]),
        (Language.en, 100, 30, [AgentScreenSnapshots.listEn100x30, AgentScreenSnapshots.detailEn100x30, AgentScreenSnapshots.inboxEn100x30]),
    ])
    func listDetailAndInbox(_ language: Language, _ width: Int, _ height: Int, _ expected: [[String]]) throws {
        let frames = try frames(language, width, height)
        let size = "\(language == .zh ? "Zh" : "En")\(width)x\(height)"
        for (name, (actual, pinned)) in zip(["list", "detail", "inbox"], zip(frames, expected)) { AgentScreenFixture.check(actual, pinned, name + size) }
    }
}
