import DeskTUI
import Foundation
import HallModel
import Queue
import Synchronization

/// Printing: data on stdout (one JSON object with --json), messages on stderr. A failed output never traps:
/// the write fails and is remembered. A full or closed output (`>/dev/full`, `>&-`) makes `Desk.runMain` end
/// with a message and status 1 — after the action itself, which was already committed. A reader that went away
/// (`| head`: EPIPE) is normal: the command stops writing and ends quietly with status 0, as a Unix tool killed
/// by SIGPIPE would stop (and a write command's action is done all the same).
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        try raw(try jsonData(value))
    }

    /// The JSON of `json(_:)` as bytes (sorted snake-case keys, control characters escaped, a final line feed), for a file.
    static func jsonData<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = Data(PrintableText.jsonEscapingControls(String(decoding: try encoder.encode(value), as: UTF8.self)).utf8)
        data.append(0x0A)
        return data
    }

    /// Bytes to standard output; a closed or full output is an error (not a trap), so a long export to a
    /// pipe that goes away stops with a message.
    static func raw(_ data: Data) throws {
        guard !data.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            let failure: OutputFailure = OutputFailure.isBrokenPipe(error) ? .readerGone : .cannotWrite
            failed.withLock { $0 = $0 ?? failure }
            throw failure == .readerGone ? OutputError.readerGone : OutputError.cannotWrite
        }
    }

    /// Text for a person: control characters (catalog text with `ESC [2J`, a name with `BEL`) are shown
    /// escaped, never obeyed by the terminal; line feeds stay.
    static func line(_ text: String) {
        try? raw(Data((PrintableText.escapingControls(text) + "\n").utf8))
    }

    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(("desk: " + PrintableText.escapingControls(text) + "\n").utf8))
    }

    /// How a write to standard output failed in this process, if one did (the first failure).
    static let failed = Mutex<OutputFailure?>(nil)

    /// ISO 8601 in the hall's time zone, e.g. 2026-02-12T09:30:00+08:00.
    static func timestamp(_ date: Date?, _ calendar: BusinessCalendar) -> String? {
        guard let date else { return nil }
        let f = ISO8601DateFormatter()
        f.timeZone = calendar.timeZone
        return f.string(from: date)
    }
}

/// A column of a plain-text table: fitted to `width - 1` display columns (Chinese = 2, via the one width
/// function in DeskTUI), then one space.
func pad(_ text: String, _ width: Int) -> String {
    TextFitting.pad(text, to: width - 1, marker: "~") + " "
}

/// A row of such columns, without the spaces after its last cell (a blank first cell keeps its width, so a
/// header over a label column stays over its columns).
func tableRow(_ cells: [String], widths: [Int]) -> String {
    var row = zip(cells, widths).map { pad($0, $1) }.joined()
    while row.last == " " { row.removeLast() }
    return row
}

/// Why standard output could not be written.
enum OutputFailure: Equatable, Sendable {
    /// The reader of a pipe went away (`desk audit show | head -1`): not a failure of the command.
    case readerGone
    /// A full disk, a closed descriptor, an I/O error.
    case cannotWrite

    static func isBrokenPipe(_ error: any Error) -> Bool {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, ns.code == Int(EPIPE) { return true }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return isBrokenPipe(underlying) }
        return false
    }
}

/// Standard output is full or closed (`cannotWrite`), or its reader went away (`readerGone`, reported by
/// `Desk.runMain` as a quiet exit 0).
enum OutputError: UserFacingError {
    case cannotWrite
    case readerGone
    var message: Bilingual {
        Bilingual(en: "The output could not be written (the disk is full, or the output was closed); what was done is saved.",
                  zh: "无法写出结果（磁盘已满或输出已关闭）；操作本身已保存。")
    }
}
