import Foundation
import Queue

/// One record of a CSV file, with the line each field starts on (1-based), so errors can point at it
/// even when a quoted field spans several lines.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [String]
    public var fieldLines: [Int]
    /// The line the record starts on.
    public var line: Int { fieldLines.first ?? 0 }

    public init(fields: [String], fieldLines: [Int]) {
        self.fields = fields
        self.fieldLines = fieldLines
    }

    /// A record with no text at all (a blank line, or only separators) carries no data.
    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// A syntax error in CSV text.
public struct CSVSyntaxError: UserFacingError, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        case notUTF8
        case unterminatedQuote
        case textAfterClosingQuote
    }
    public var line: Int
    /// 0-based field position in the record.
    public var fieldIndex: Int
    public var problem: Problem

    public var reason: Bilingual {
        switch problem {
        case .notUTF8:
            Bilingual(en: "the file is not UTF-8 text; save it as \"CSV UTF-8\"",
                      zh: "文件不是 UTF-8 编码，请另存为“CSV UTF-8（逗号分隔）”")
        case .unterminatedQuote:
            Bilingual(en: "a quoted field starting here never ends (missing closing \")",
                      zh: "从此处开始的带引号字段没有结束（缺少右引号 \"）")
        case .textAfterClosingQuote:
            Bilingual(en: "text after a closing quote; write a quote inside a quoted field as \"\"",
                      zh: "右引号后还有文字；带引号字段内的引号应写成 \"\"")
        }
    }

    public var message: Bilingual {
        Bilingual(en: "Line \(line): \(reason.en)", zh: "第 \(line) 行：\(reason.zh)")
    }
}

/// RFC 4180 CSV: comma-separated, fields quoted with " when they hold a comma, quote or line break,
/// quotes doubled inside. Accepts CRLF, LF or lone CR line ends and a leading UTF-8 byte order mark.
public enum CSV {
    /// Decodes UTF-8 bytes (with or without BOM) and parses them.
    public static func parse(data: Data) -> (records: [CSVRecord], errors: [CSVSyntaxError]) {
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [CSVSyntaxError(line: 1, fieldIndex: 0, problem: .notUTF8)])
        }
        return parse(text)
    }

    /// Parses every record, skipping none (blank records included, so callers can count lines),
    /// and collects every syntax error instead of stopping at the first one.
    public static func parse(_ text: String) -> (records: [CSVRecord], errors: [CSVSyntaxError]) {
        var records: [CSVRecord] = []
        var errors: [CSVSyntaxError] = []
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }

        var fields: [String] = []
        var fieldLines: [Int] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var fieldStartLine = 1
        var i = 0
        let n = scalars.count

        func endField() {
            fields.append(String(field))
            fieldLines.append(fieldStartLine)
            field = String.UnicodeScalarView()
            fieldStartLine = line
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(fields: fields, fieldLines: fieldLines))
            fields = []
            fieldLines = []
        }
        /// Consumes a line end at `i` (CRLF, LF or CR) and counts it; returns false when there is none.
        func consumeLineEnd() -> Bool {
            guard i < n else { return false }
            if scalars[i] == "\r" {
                i += (i + 1 < n && scalars[i + 1] == "\n") ? 2 : 1
            } else if scalars[i] == "\n" {
                i += 1
            } else {
                return false
            }
            line += 1
            return true
        }

        while i < n {
            let c = scalars[i]
            if c == "\"" && field.isEmpty {
                // Quoted field: runs to the next lone quote, across commas and line breaks.
                let startLine = fieldStartLine
                i += 1
                var closed = false
                while i < n {
                    let q = scalars[i]
                    if q == "\"" {
                        if i + 1 < n && scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if q == "\r" || q == "\n" {
                        let before = i
                        _ = consumeLineEnd()
                        field.append(contentsOf: scalars[before..<i])
                        continue
                    }
                    field.append(q)
                    i += 1
                }
                if !closed {
                    errors.append(CSVSyntaxError(line: startLine, fieldIndex: fields.count, problem: .unterminatedQuote))
                    break
                }
                // Only a separator or a line end may follow the closing quote; skip any garbage once reported.
                if i < n && scalars[i] != "," && scalars[i] != "\r" && scalars[i] != "\n" {
                    errors.append(CSVSyntaxError(line: line, fieldIndex: fields.count, problem: .textAfterClosingQuote))
                    while i < n && scalars[i] != "," && scalars[i] != "\r" && scalars[i] != "\n" { i += 1 }
                }
                continue
            }
            if c == "," {
                endField()
                i += 1
                continue
            }
            if consumeLineEnd() {
                endRecord()
                continue
            }
            // A quote inside an unquoted field is kept as text, as spreadsheets do.
            field.append(c)
            i += 1
        }
        // Last record without a trailing line end.
        if !fields.isEmpty || !field.isEmpty {
            endRecord()
        }
        return (records, errors)
    }

    /// Writes records as RFC 4180 text. By default with CRLF line ends and a UTF-8 byte order mark,
    /// which is what spreadsheet programs need to open Chinese text correctly.
    public static func write(_ rows: [[String]], lineEnding: String = "\r\n", byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            out += row.map(quoted).joined(separator: ",")
            out += lineEnding
        }
        return out
    }

    /// A field quoted only when it must be.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
