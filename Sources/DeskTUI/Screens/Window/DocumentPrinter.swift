import Foundation

/// Prints documents with the hall's `print_command` (default `lp`): each document's text on the command's
/// standard input, run by `/bin/sh -c`, its output and errors discarded (the terminal belongs to the screen).
/// A command that cannot start or exits non-zero is reported as `false`, never thrown: the documents are kept
/// with the case either way (`desk case document` reprints them).
public struct DocumentPrinter: Sendable {
    public var command: String

    public init(command: String) { self.command = command }

    /// Prints each text in turn; false at the first that fails.
    public func print(_ texts: [String]) -> Bool {
        texts.allSatisfy(print)
    }

    /// One document. The text goes through a temporary file, not a pipe: a command that exits without reading
    /// cannot stop the screen with SIGPIPE.
    public func print(_ text: String) -> Bool {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-document-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(text.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardInput = try FileHandle(forReadingFrom: file)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
