import Foundation
import Testing

/// The kiosk and the board as real programs in real terminals (tmux), each its own process, on one file.
@Suite(.serialized) struct KioskBoardTerminalTests {
    let folder: URL
    let db: String

    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    func desk(_ arguments: String...) -> [String] { [Desk.executable.path] + arguments }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func aTicketFromTheKioskCalledAtTheWindowScreenIsOnTheBoardWithinASecond() throws {
        let slips = folder.appendingPathComponent("slips.txt").path
        let board = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"],
                                    command: desk("board", "--lang", "en", "--db", db))
        let kiosk = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"],
                                    command: desk("kiosk", "--lang", "zh", "--db", db, "--print", slips))
        #expect(try board.waitUntilContains("Recent calls") != nil, "\(board.screenText)")
        #expect(try kiosk.waitUntilContains("请选择业务") != nil, "\(kiosk.screenText)")

        try kiosk.send("1")
        #expect(try kiosk.waitUntilContains("请选择取号类别") != nil)
        try kiosk.send("Enter")
        #expect(try kiosk.waitUntilContains("取号成功") != nil, "\(kiosk.screenText)")
        #expect(kiosk.screenText.contains("A  综合受理"))
        #expect(!board.screenText.contains("A001"))

        // The clerk at window 1, in a third terminal, presses n.
        let window = try TmuxSession(width: 100, height: 30, environment: ["NO_COLOR": "1"],
                                     command: desk("window", "--window", "1", "--lang", "en", "--db", db))
        #expect(window.waitFor("Waiting for this window: 1", "A001"), "\(window.screenText)")
        let pressed = Date()
        try window.send("n")
        #expect(window.waitFor("Current ticket A001"), "\(window.screenText)")
        let seconds = try board.waitUntilContains("A001    Window 1", timeout: 3).map { _ in Date().timeIntervalSince(pressed) }
        #expect(seconds != nil, "\(board.screenText)")
        #expect((seconds ?? 99) < 1.0, "the board took \(seconds ?? -1) s")
        print("board: A001 on screen \(Int((seconds ?? -1) * 1000)) ms after the clerk pressed n (capture-pane polled every 20 ms)")

        // The printed slip: plain text, the code, the line, the wait, and the end-of-slip feed.
        let printed = try String(contentsOfFile: slips, encoding: .utf8)
        #expect(printed.contains("A001"))
        #expect(printed.contains("A 综合受理"))
        #expect(printed.contains("前面等候：0 人"))
        #expect(printed.hasSuffix("\n\n\u{0C}"))
        #expect(printed.split(separator: "\n").allSatisfy { $0.utf8.count <= 32 * 3 })

        // The slip returns to the start at a key; the board ignores keys but q.
        try kiosk.send("x")
        #expect(try kiosk.waitUntilContains("请选择业务") != nil)
        try board.send("Enter")
        try board.send("q")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!board.screenText.contains("Recent calls"))
    }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func theBoardAsksToBeEnlargedAndRecovers() throws {
        let board = try TmuxSession(width: 60, height: 20, command: desk("board", "--lang", "zh", "--db", db))
        #expect(try board.waitUntilContains("请放大到至少 80x24") != nil, "\(board.screenText)")
        try board.resize(width: 120, height: 40)
        #expect(try board.waitUntilContains("最近叫号") != nil, "\(board.screenText)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, TmuxSession.missingMessage))
    func theKioskPrintsEscPosWhenAskedAndAnUnknownFormatIsAUsageError() throws {
        let slips = folder.appendingPathComponent("slips.bin").path
        let kiosk = try TmuxSession(width: 80, height: 24, environment: ["NO_COLOR": "1"],
                                    command: desk("kiosk", "--lang", "zh", "--db", db, "--print", slips, "--print-format", "escpos"))
        #expect(try kiosk.waitUntilContains("请选择业务") != nil, "\(kiosk.screenText)")
        try kiosk.send("1")
        #expect(try kiosk.waitUntilContains("请选择取号类别") != nil)
        try kiosk.send("Enter")
        #expect(try kiosk.waitUntilContains("取号成功") != nil, "\(kiosk.screenText)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: slips)))
        #expect(bytes.starts(with: [0x1B, 0x40, 0x1C, 0x26]))                      // ESC @, FS &
        #expect(Array(bytes.suffix(4)) == [0x1D, 0x56, 0x42, 0x00])                 // GS V 66 0
        let code: [UInt8] = [0x1D, 0x21, 0x11] + Array("A001".utf8)                 // double size, then the code
        #expect(bytes.indices.contains { bytes[$0...].starts(with: code) })
        #expect(!bytes.indices.contains { bytes[$0...].starts(with: Array("综合受理".utf8)) }) // GB18030, not UTF-8

        let r = try Desk.run(["kiosk", "--db", db, "--print", slips, "--print-format", "pdf"])
        #expect(r.status == 64, "\(r.stderr)")
    }

    @Test func aSlipPrinterThatCannotBeOpenedIsAnErrorBeforeTheScreen() throws {
        let r = try Desk.run(["kiosk", "--db", db, "--lang", "en", "--print", folder.path + "/no/such/dir/slips.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Cannot open the slip printer '\(folder.path)/no/such/dir/slips.txt': no such file."), "\(r.stderr)")
        // The system's reason in Chinese too, not strerror's English.
        let zh = try Desk.run(["kiosk", "--db", db, "--lang", "zh", "--print", folder.path + "/no/such/dir/slips.txt"])
        #expect(zh.stderr.contains("无法打开号票打印机 \(folder.path)/no/such/dir/slips.txt：文件不存在。"), "\(zh.stderr)")
    }
}
