import DeskTUI
import Foundation
import HallModel
import Queue

/// Printing: data on stdout (one JSON object with --json), messages on stderr.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Bytes to standard output; a closed or full output is an error (not a trap), so a long export to a
    /// pipe that goes away stops with a message.
    static func raw(_ data: Data) throws {
        guard !data.isEmpty else { return }
        try FileHandle.standardOutput.write(contentsOf: data)
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("desk: " + text + "\n").utf8))
    }

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
