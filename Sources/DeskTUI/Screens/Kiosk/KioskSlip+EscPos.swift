import Foundation
import Queue

/// The ESC/POS commands a slip uses. ESC/POS is the command language of receipt printers (Epson's, and the
/// Chinese makes that copy it); the ones in Chinese halls print text in GB18030.
public enum EscPos {
    /// ESC @: initialise (clears sizes and alignment left over from anything sent before).
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// FS &: Chinese character mode, so two-byte GB18030 codes print as Chinese (a no-op on printers that are always in it).
    public static let chineseMode: [UInt8] = [0x1C, 0x26]
    /// ESC a n: 0 left, 1 centre.
    public static let alignLeft: [UInt8] = [0x1B, 0x61, 0x00]
    public static let alignCenter: [UInt8] = [0x1B, 0x61, 0x01]
    /// GS ! n: character size; 0x11 is double width and double height, 0x00 normal.
    public static let doubleSize: [UInt8] = [0x1D, 0x21, 0x11]
    public static let normalSize: [UInt8] = [0x1D, 0x21, 0x00]
    /// ESC d n: print and feed n lines (past the cutter).
    public static func feed(_ lines: UInt8) -> [UInt8] { [0x1B, 0x64, lines] }
    /// GS V 66 0: feed to the cutting position and cut (partial cut; printers without a cutter ignore it).
    public static let cut: [UInt8] = [0x1D, 0x56, 0x42, 0x00]
    public static let lineFeed: UInt8 = 0x0A
}

extension KioskSlip {
    /// The slip for an ESC/POS receipt printer: initialise, Chinese mode, the lines in GB18030 (centred by
    /// the printer), the code in double size, a feed and a cut. At most `width` columns a line, as the plain
    /// text (a Chinese character is two columns on the printer as on the screen; the double-size code takes
    /// twice its width, so a code too wide for that is printed at normal size).
    /// Control characters in hall data cannot reach the printer as commands: they print as "?".
    public func escPosBytes(language: Language, width: Int = 32, encoder: CharsetEncoder = .gb18030) -> [UInt8] {
        let width = max(24, width)
        func text(_ s: String) -> [UInt8] {
            let isControl: (Character) -> Bool = { $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
            return encoder.encode(String(s.map { isControl($0) ? "?" : $0 })) + [EscPos.lineFeed]
        }
        var bytes = EscPos.initialize + EscPos.chineseMode
        var centered = false
        func align(center: Bool) {
            if center != centered { bytes += center ? EscPos.alignCenter : EscPos.alignLeft; centered = center }
        }
        for line in printLines(language: language, width: width) {
            switch line {
            case .centered(let s): align(center: true); bytes += text(s)
            case .text(let s): align(center: false); bytes += text(s)
            case .rule: align(center: false); bytes += text(String(repeating: "-", count: width))
            case .blank: bytes.append(EscPos.lineFeed)
            case .code:
                align(center: true)
                if code.displayWidth * 2 <= width {
                    bytes += EscPos.doubleSize + text(code) + EscPos.normalSize
                } else {
                    bytes += text(code)
                }
            }
        }
        return bytes + EscPos.feed(4) + EscPos.cut
    }
}
