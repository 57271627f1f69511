import Foundation
import Queue
import Testing
@testable import DeskTUI
#if canImport(Glibc)
import Glibc
#endif

/// The slip as an ESC/POS byte stream: decoded back into commands and GB18030 text.
@Suite struct SlipEscPosTests {
    /// A piece of the stream: a command the encoder uses, or a printed line of text (decoded from GB18030).
    enum Piece: Equatable {
        case initialize, chineseMode, alignLeft, alignCenter, doubleSize, normalSize, cut
        case feed(UInt8)
        case line(String)
    }

    /// Splits the stream into commands and lines; a byte sequence that is neither is a failure.
    static func decode(_ bytes: [UInt8]) throws -> [Piece] {
        let commands: [([UInt8], Piece)] = [
            (EscPos.initialize, .initialize), (EscPos.chineseMode, .chineseMode), (EscPos.alignLeft, .alignLeft),
            (EscPos.alignCenter, .alignCenter), (EscPos.doubleSize, .doubleSize), (EscPos.normalSize, .normalSize),
            (EscPos.cut, .cut),
        ]
        var pieces: [Piece] = []
        var i = 0
        var text: [UInt8] = []
        while i < bytes.count {
            let rest = bytes[i...]
            if let (command, piece) = commands.first(where: { rest.starts(with: $0.0) }) {
                #expect(text.isEmpty, "a command in the middle of a line")
                pieces.append(piece)
                i += command.count
            } else if rest.starts(with: [0x1B, 0x64]), i + 2 < bytes.count {
                pieces.append(.feed(bytes[i + 2]))
                i += 3
            } else if bytes[i] == EscPos.lineFeed {
                pieces.append(.line(try gb18030ToString(text)))
                text = []
                i += 1
            } else {
                #expect(bytes[i] >= 0x20, "an unknown control byte \(bytes[i])")
                text.append(bytes[i])
                i += 1
            }
        }
        #expect(text.isEmpty, "text after the last line feed")
        return pieces
    }

    struct NotGB18030: Error {}

    static func gb18030ToString(_ bytes: [UInt8]) throws -> String {
        let cd = iconv_open("UTF-8", "GB18030")
        guard Int(bitPattern: cd) != -1 else { throw NotGB18030() }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let written: Int = try input.withUnsafeMutableBytes { inBytes in
            try output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count, outLeft = outBytes.count
                guard bytes.isEmpty || iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { throw NotGB18030() }
                return outBytes.count - outLeft
            }
        }
        return String(decoding: output.prefix(written), as: UTF8.self)
    }

    @Test func theSlipIsInitialisedInGB18030WithTheNumberDoubleSizeAndCut() throws {
        let bytes = HallFixtures.slip.escPosBytes(language: .zh)
        let pieces = try Self.decode(bytes)
        #expect(Array(pieces.prefix(3)) == [.initialize, .chineseMode, .alignCenter])
        #expect(Array(pieces.suffix(2)) == [.feed(4), .cut])
        // The number between double size and normal size, centred by the printer.
        let big = try #require(pieces.firstIndex(of: .doubleSize))
        #expect(Array(pieces[big...].prefix(3)) == [.doubleSize, .line("A018"), .normalSize])
        #expect(pieces[..<big].last(where: { $0 == .alignLeft || $0 == .alignCenter }) == .alignCenter)
        let lines = pieces.compactMap { if case .line(let s) = $0 { s } else { nil } }
        #expect(lines.prefix(3) == ["城东区政务服务中心", "排队号票", String(repeating: "-", count: 32)])
        #expect(lines.contains("A 综合受理"))
        #expect(lines.contains("类别：老年人（60 岁以上）"))
        #expect(lines.contains("前面等候：3 人"))
        #expect(lines.contains("预计等候：约 12 分钟"))
        #expect(lines.contains("取号时间 2026-02-12 09:30"))
        #expect(lines.allSatisfy { $0.displayWidth <= 32 })
        // Chinese went as GB18030, not UTF-8: 排 is C5 C5.
        #expect(bytes.starts(with: [0x1B, 0x40]))
        #expect(bytes.indices.contains { bytes[$0...].starts(with: [0xC5, 0xC5, 0xB6, 0xD3]) }) // 排队
        #expect(!bytes.indices.contains { bytes[$0...].starts(with: Array("排".utf8)) })
    }

    @Test func theBodyIsLeftAlignedAndEnglishWorksAt42Columns() throws {
        let pieces = try Self.decode(HallFixtures.slip.escPosBytes(language: .en, width: 42))
        let ahead = try #require(pieces.firstIndex(of: .line("Ahead of you: 3")))
        #expect(pieces[..<ahead].last(where: { $0 == .alignLeft || $0 == .alignCenter }) == .alignLeft)
        #expect(pieces.contains(.line(String(repeating: "-", count: 42))))
        #expect(pieces.compactMap { if case .line(let s) = $0 { s } else { nil } }.allSatisfy { $0.displayWidth <= 42 })
    }

    @Test func aCodeTooWideForDoubleSizeIsPrintedAtNormalSize() throws {
        var slip = HallFixtures.slip
        slip.code = String(repeating: "A", count: 14) + "1000" // 18 columns: 36 doubled > 32
        let pieces = try Self.decode(slip.escPosBytes(language: .zh))
        #expect(!pieces.contains(.doubleSize))
        #expect(pieces.contains(.line(slip.code)))
    }

    @Test func whatTheCharsetCannotHoldIsAQuestionMarkAndControlsCannotBecomeCommands() throws {
        #expect(CharsetEncoder(charset: "ASCII").encode("号A018é") == Array("?A018?".utf8))
        #expect(CharsetEncoder.gb18030.encode("A号") == [0x41, 0xBA, 0xC5])
        #expect(CharsetEncoder(charset: "NO-SUCH-CHARSET").encode("A号") == Array("A?".utf8))
        var slip = HallFixtures.slip
        slip.hallName = "中心\u{1B}\u{40}\u{1D}V"
        let pieces = try Self.decode(slip.escPosBytes(language: .zh))
        #expect(pieces.contains(.line("中心?@?V")))
        #expect(pieces.filter { $0 == .initialize }.count == 1)
    }

    @Test func aDeviceGetsEscPosAndAFileText() throws {
        #expect(SlipFormat.defaultFor(path: "/dev/usb/lp0") == .escpos)
        #expect(SlipFormat.defaultFor(path: "/var/spool/slips.txt") == .text)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escpos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slips.bin").path
        let printer = try SlipPrinter(path: file, format: .escpos)
        #expect(printer.print(HallFixtures.slip, language: .zh, width: 32))
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(written == HallFixtures.slip.escPosBytes(language: .zh))
        let text = try SlipPrinter(path: folder.appendingPathComponent("slips.txt").path, cutsPaper: true)
        #expect(text.format == .text)
        #expect(text.bytes(for: HallFixtures.slip, language: .zh, width: 32)
            == Array(HallFixtures.slip.plainText(language: .zh).utf8) + EscPos.cut)
    }
}
