import DeskTUI
import Foundation
import HallModel
import Queue
import Synchronization

/// Printing: data on stdout (one JSON object with --json), messages on stderr. A full or closed output
/// (`>/dev/full`, a pipe that went away) never traps: the write fails, is remembered, and `Desk.runMain`
/// ends with a message and a non-zero status — after the action itself, which was already committed.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = Data(PrintableText.jsonEscapingControls(String(decoding: try encoder.encode(value), as: UTF8.self)).utf8)
        data.append(0x0A)
        try raw(data)
    }

    /// Bytes to standard output; a closed or full output is an error (not a trap), so a long export to a
    /// pipe that goes away stops with a message.
    static func raw(_ data: Data) throws {
        guard !data.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            failed.withLock { $0 = true }
            throw OutputError.cannotWrite
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

    /// Whether a write to standard output failed in this process.
    static let failed = Mutex(false)

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

/// Standard output is full or closed.
struct OutputError: UserFacingError {
    static let cannotWrite = OutputError()
    var message: Bilingual {
        Bilingual(en: "The output could not be written (the disk is full, or the output was closed); what was done is saved.",
                  zh: "无法写出结果（磁盘已满或输出已关闭）；操作本身已保存。")
    }
}
