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

    @Test(arguments: [(Language.en, SupervisorScreenSnapshots.hallEn200x60), (Language.zh, SupervisorScreenSnapshots.hallZh200x60)])
    func wide(_ language: Language, _ expected: [String]) throws {
        let size = Size(width: 200, height: 60)
        let (_, screen) = try hall.screen(size: size)
        #expect(screen.isWide)
        check(frame(screen, language, size), expected, "hall\(language == .zh ? "Zh" : "En")200x60")
    }

    /// A bad review with one 回访 (zh) and a complaint assigned (en), each opened from its panel.
    @Test func reviewAndComplaintSheets() throws {
        let size = Size(width: 80, height: 24)
        let m01 = try hall.actor("M01")
        let rating = try hall.database.recordRating(
            RatingRequest(ticketCode: "A001", level: .dissatisfied, reasons: [.serviceAttitude, .serviceEfficiency], note: "等了很久，态度生硬"), by: m01)
        _ = try hall.database.logFollowUp(rectification: try #require(rating.rectification), how: .phone, reached: true, said: "市民接受道歉", by: m01)
        let complaint = try hall.database.registerComplaint(
            ComplaintRequest(source: .hotline, workOrder: "GD-2026-0320-001", name: "张三丰", phone: "13812345678",
                             subject: ComplaintSubject(window: 4, ticketCode: "B002"), content: "叫号后窗口无人"), by: m01)
        _ = try hall.database.assignComplaint(number: complaint.number, to: "S04", by: m01)
        var (model, screen) = try hall.screen(size: size)
        try hall.press([.char("4")], on: &screen, &model)
        check(frame(screen, .zh, size), SupervisorScreenSnapshots.reviewsPanelZh80x24, "reviewsPanelZh80x24")
        try hall.press([.enter], on: &screen, &model)
        check(frame(screen, .zh, size), SupervisorScreenSnapshots.reviewZh80x24, "reviewZh80x24")
        try hall.press([.escape, .char("5"), .enter], on: &screen, &model)
        check(frame(screen, .en, size), SupervisorScreenSnapshots.complaintEn80x24, "complaintEn80x24")
    }
}
