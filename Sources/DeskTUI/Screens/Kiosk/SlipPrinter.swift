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

/// Where the kiosk prints slips: a receipt printer's character device (e.g. /dev/usb/lp0) or a plain file.
/// Opened once, at start, so a wrong path is an error before any citizen is served; each slip is then
/// appended whole.
public final class SlipPrinter {
    public let path: String
    /// After each slip, also send ESC/POS "feed and partial cut" (GS V 66 0): for printers with a cutter.
    public let cutsPaper: Bool
    private let fd: Int32

    public init(path: String, cutsPaper: Bool = false) throws {
        self.path = path
        self.cutsPaper = cutsPaper
        // Never create a file under /dev: an unplugged printer must be an error, not a new regular file there.
        // Non-blocking, so a printer out of paper cannot freeze the kiosk (see `print`).
        var flags = O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK
        if !path.hasPrefix("/dev/") { flags |= O_CREAT }
        fd = Foundation.open(path, flags, 0o644)
        guard fd >= 0 else { throw SlipPrinterError.cannotOpen(path: path, reason: FileProblem.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(errno)), path: path)) }
    }

    deinit { Foundation.close(fd) }

    /// Writes one slip; false when the device refuses it (unplugged, out of paper, busy for over 2 s).
    /// The ticket stands either way: the kiosk then asks the citizen to note the number.
    public func print(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        if cutsPaper { bytes += [0x1D, 0x56, 0x42, 0x00] }
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
