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

/// Pads to a display width (Chinese = 2 columns) for aligned plain-text tables.
func pad(_ text: String, _ width: Int) -> String {
    let w = text.reduce(0) { $0 + (($1.unicodeScalars.first.map { $0.value >= 0x1100 && isWide($0.value) } ?? false) ? 2 : 1) }
    return text + String(repeating: " ", count: max(0, width - w))
}

private func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
}
