import Foundation
import Queue

/// Prints documents with the hall's `print_command` (an administrator's setting, default `lp`): the document
/// on the command's standard input, run by `/bin/sh -c`, its output and errors discarded (on a screen the
/// terminal is the screen's). Used by the window's intake form and `desk case document --print`. The
/// documents are kept with the case whatever happens here (`desk case document` reprints them).
public struct DocumentPrinter: Sendable {
    public var command: String

    public init(command: String) { self.command = command }

    /// One document; `PrintError` when the command cannot start or exits non-zero. The bytes go through a
    /// temporary file, not a pipe: a command that exits without reading (a typo) cannot stop the caller with
    /// SIGPIPE.
    public func print(_ bytes: Data) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-document-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        do {
            try bytes.write(to: file)
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardInput = try FileHandle(forReadingFrom: file)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch {
            throw PrintError.failed(command: command, status: -1)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PrintError.failed(command: command, status: process.terminationStatus) }
    }

    /// Each text in turn, for a screen: false at the first that fails (the screen says so; it never stops).
    public func print(_ texts: [String]) -> Bool {
        texts.allSatisfy { (try? print(Data($0.utf8))) != nil }
    }
}

public enum PrintError: UserFacingError, Equatable {
    case failed(command: String, status: Int32)
    public var message: Bilingual {
        switch self {
        case .failed(let command, let status):
            Bilingual(en: "Printing with '\(command)' failed (status \(status)); check print_command and the printer.",
                      zh: "用“\(command)”打印失败（状态 \(status)）；请检查 print_command 和打印机。")
        }
    }
}
