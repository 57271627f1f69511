import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The supervisor's screen on the cell grid at 80×24 (a panel at a time, both languages) and 200×60 (everything at once,
/// English) (SupervisorScreenSnapshots: reviewed frames). Every line fills the width exactly by `DisplayWidth`.
@Suite struct SupervisorSnapshotTests {
    let hall: SupervisorFixture
    init() throws { hall = try SupervisorFixture() }

    func check(_ actual: [String], _ expected: [String], _ name: String) {
        if actual != expected {
            print("SNAPSHOT \(name) = [\n" + actual.map { "        \"\($0)\"," }.joined(separator: "\n") + "\n    ]")
        }
        #expect(actual == expected, "\(name)")
    }

    func frame(_ screen: SupervisorScreen, _ language: Language, _ size: Size) -> [String] {
        let lines = screen.frame(context: SupervisorFixture.context(language, size.width, size.height)).lines()
        for line in lines { #expect(DisplayWidth.of(line) == size.width, "\(line)") }
        return lines
    }

    @Test(arguments: [(Language.zh, SupervisorScreenSnapshots.linesZh80x24, SupervisorScreenSnapshots.chartsZh80x24),
                      (Language.en, SupervisorScreenSnapshots.linesEn80x24, SupervisorScreenSnapshots.chartsEn80x24)])
    func narrow(_ language: Language, _ lines: [String], _ charts: [String]) throws {
        let size = Size(width: 80, height: 24)
        var (model, screen) = try hall.screen(size: size)
        let tag = language == .zh ? "Zh" : "En"
        check(frame(screen, language, size), lines, "lines\(tag)80x24")
        try hall.press([.char("6")], on: &screen, &model)
        check(frame(screen, language, size), charts, "charts\(tag)80x24")
    }

    // The zh 200×60 frame is checked for its widths by SupervisorScreenTests.everyPanelFitsItsWidthInBothLayouts; its
    // reviewed snapshot is still to be captured (the printed capture came back cut short on the loaded build box).
    @Test(arguments: [(Language.en, SupervisorScreenSnapshots.hallEn200x60)])
    func wide(_ language: Language, _ expected: [String]) throws {
        let size = Size(width: 200, height: 60)
        let (_, screen) = try hall.screen(size: size)
        #expect(screen.isWide)
        check(frame(screen, language, size), expected, "hall\(language == .zh ? "Zh" : "En")200x60")
    }
}
