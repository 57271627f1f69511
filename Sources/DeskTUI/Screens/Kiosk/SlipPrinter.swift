import Foundation
import Queue

public enum SlipPrinterError: UserFacingError, Equatable {
    case cannotOpen(path: String, reason: Bilingual)
    public var message: Bilingual {
        switch self {
        case .cannotOpen(let path, let reason): UIText.slipPrinterCannotOpen(path, reason)
        }
    }
}

/// What the slip printer is sent. Stored values are these keys (`--print-format`).
public enum SlipFormat: String, CaseIterable, Sendable {
    /// ESC/POS commands with GB18030 text: what the receipt printers of Chinese halls take.
    case escpos
    /// Plain UTF-8 text ending in a form feed: for a file, or a printer that takes UTF-8.
    case text

    /// ESC/POS for a device (a printer is a /dev node), text for a regular file (someone will read it).
    public static func defaultFor(path: String) -> SlipFormat { path.hasPrefix("/dev/") ? .escpos : .text }
}

/// Where the kiosk prints slips: a receipt printer's character device (e.g. /dev/usb/lp0) or a plain file.
/// Opened once, at start, so a wrong path is an error before any citizen is served; each slip is then
/// appended whole.
public final class SlipPrinter {
    public let path: String
    public let format: SlipFormat
    /// Plain text only: after each slip, also send ESC/POS "feed and partial cut" (GS V 66 0), for a printer
    /// with a cutter that takes UTF-8. An ESC/POS slip always ends with the cut.
    public let cutsPaper: Bool
    private let fd: Int32

    /// `format` nil: `SlipFormat.defaultFor(path:)`.
    public init(path: String, format: SlipFormat? = nil, cutsPaper: Bool = false) throws {
        self.path = path
        self.format = format ?? SlipFormat.defaultFor(path: path)
        self.cutsPaper = cutsPaper
        // Never create a file under /dev: an unplugged printer must be an error, not a new regular file there.
        // Non-blocking, so a printer out of paper cannot freeze the kiosk (see `print`).
        var flags = O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK
        if !path.hasPrefix("/dev/") { flags |= O_CREAT }
        fd = Foundation.open(path, flags, 0o644)
        guard fd >= 0 else { throw SlipPrinterError.cannotOpen(path: path, reason: FileProblem.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(errno)), path: path)) }
    }

    deinit { Foundation.close(fd) }

    /// The bytes of one slip in this printer's format.
    public func bytes(for slip: KioskSlip, language: Language, width: Int) -> [UInt8] {
        switch format {
        case .escpos: return slip.escPosBytes(language: language, width: width)
        case .text: return Array(slip.plainText(language: language, width: width).utf8) + (cutsPaper ? EscPos.cut : [])
        }
    }

    /// Prints one slip; false when the device refuses it (unplugged, out of paper, busy for over 2 s).
    /// The ticket stands either way: the kiosk then asks the citizen to note the number.
    public func print(_ slip: KioskSlip, language: Language, width: Int) -> Bool {
        write(bytes(for: slip, language: language, width: width))
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        let deadline = Date().addingTimeInterval(2)
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            guard n < 0, errno == EINTR || errno == EAGAIN, Date() < deadline else { return false }
            if errno == EAGAIN { usleep(20_000) }
        }
        return true
    }
}
