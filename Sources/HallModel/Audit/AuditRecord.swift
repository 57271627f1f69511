import Foundation

/// One event of the audit chain as stored and exported. `hash = SM3(prev ‖ canonical bytes)`, where the
/// canonical bytes are this record as RFC 8785 JSON without its `hash` member (docs/SECURITY.md).
public struct AuditRecord: Sendable, Equatable {
    public var seq: Int64
    /// Milliseconds since 1970.
    public var at: Int64
    public var businessDate: String
    public var kind: String
    /// Staff number, or `@` and a device (`@kiosk`), or `@legacy` for events from before the chain.
    public var actor: String
    /// `cli`, `window:3`, `kiosk`, `board`, `rating:3`, `migration`.
    public var terminal: String
    public var ticketID: Int64?
    public var lineID: Int64?
    public var windowID: Int64?
    /// The staff member at the window the event concerns (for per-window and per-staff figures).
    public var staffID: String?
    /// Canonical JSON text of an object, or nil.
    public var detail: String?
    public var prev: [UInt8]
    public var hash: [UInt8]

    /// 32 zero bytes: the `prev` of the first event.
    public static let genesis = [UInt8](repeating: 0, count: SM3.digestLength)

    /// The canonical bytes: RFC 8785 of the record without `hash`.
    public func canonicalBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        withFields { CanonicalEvent.write($0, includingHash: false, into: &out) }
        return out
    }

    /// The export line: the same object with `hash` as well (still canonical).
    public func exportLine() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(400)
        withFields { CanonicalEvent.write($0, includingHash: true, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hash this record should carry given its `prev`.
    public func computedHash(_ sm3: SM3) -> [UInt8] { sm3.digest(prev, canonicalBytes()) }

    /// The fields as byte views of one buffer holding every text, valid during `body`.
    private func withFields<R>(_ body: (CanonicalEvent.Fields) -> R) -> R {
        var storage: [UInt8] = []
        var ranges: [Range<Int>?] = []
        for text in [businessDate, kind, actor, terminal, staffID, detail] as [String?] {
            guard let text else { ranges.append(nil); continue }
            let start = storage.count
            storage.append(contentsOf: text.utf8)
            ranges.append(start..<storage.count)
        }
        storage.append(contentsOf: prev)
        let prevRange = storage.count - prev.count..<storage.count
        storage.append(contentsOf: hash)
        let hashRange = storage.count - hash.count..<storage.count
        return storage.withUnsafeBytes { buffer in
            func view(_ i: Int, raw: Bool = false) -> CanonicalEvent.Value {
                guard let r = ranges[i] else { return .null }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[r])
                return raw ? .raw(bytes) : .text(bytes)
            }
            func int(_ n: Int64?) -> CanonicalEvent.Value { n.map { .int($0) } ?? .null }
            return body(CanonicalEvent.Fields(
                seq: .int(seq), at: .int(at), businessDate: view(0), kind: view(1), actor: view(2), terminal: view(3),
                ticketID: int(ticketID), lineID: int(lineID), windowID: int(windowID), staffID: view(4), detail: view(5, raw: true),
                prev: UnsafeRawBufferPointer(rebasing: buffer[prevRange]), hash: UnsafeRawBufferPointer(rebasing: buffer[hashRange])))
        }
    }
}

/// Where canonical bytes are written: a growing array, or `audit verify`'s fixed buffer.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeRawBufferPointer)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func append(bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// The one writer of an event's canonical form, over field values as bytes: used for a record in memory
/// and, by `audit verify`, straight over the bytes SQLite holds for a row (no Swift value per column).
enum CanonicalEvent {
    /// A field as stored: an integer, text (escaped as a JSON string), raw JSON (the `detail` object,
    /// spliced as stored), or null. A value of the wrong type for its field is written as it is, so it
    /// cannot hash as the value that was signed.
    enum Value {
        case int(Int64)
        case text(UnsafeRawBufferPointer)
        case raw(UnsafeRawBufferPointer)
        case null
    }

    struct Fields {
        var seq: Value, at: Value, businessDate: Value, kind: Value, actor: Value, terminal: Value
        var ticketID: Value, lineID: Value, windowID: Value, staffID: Value, detail: Value
        var prev: UnsafeRawBufferPointer
        var hash: UnsafeRawBufferPointer
    }

    /// More than the canonical form of `fields` can take: every text byte escaped six-fold, plus names,
    /// numbers and hex.
    static func bound(_ f: Fields) -> Int {
        func size(_ v: Value) -> Int {
            switch v {
            case .text(let b): 6 * b.count + 2
            case .raw(let b): b.count
            case .int, .null: 20
            }
        }
        return 400 + [f.seq, f.at, f.businessDate, f.kind, f.actor, f.terminal, f.ticketID, f.lineID, f.windowID, f.staffID, f.detail]
            .reduce(0) { $0 + size($1) } + 2 * (f.prev.count + f.hash.count)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Members in their sorted order, written by hand (all names are ASCII, so UTF-16 order is byte order).
    static func write<Sink: ByteSink>(_ f: Fields, includingHash: Bool, into out: inout Sink) {
        out.append(UInt8(ascii: "{"))
        key("actor", first: true, &out); value(f.actor, &out)
        key("at", &out); value(f.at, &out)
        key("business_date", &out); value(f.businessDate, &out)
        key("detail", &out); value(f.detail, &out)
        if includingHash { key("hash", &out); hex(f.hash, &out) }
        key("kind", &out); value(f.kind, &out)
        key("line_id", &out); value(f.lineID, &out)
        key("prev", &out); hex(f.prev, &out)
        key("seq", &out); value(f.seq, &out)
        key("staff_id", &out); value(f.staffID, &out)
        key("terminal", &out); value(f.terminal, &out)
        key("ticket_id", &out); value(f.ticketID, &out)
        key("window_id", &out); value(f.windowID, &out)
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always) private static func key<Sink: ByteSink>(_ name: StaticString, first: Bool = false, _ out: inout Sink) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(bytes: UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\"")); out.append(UInt8(ascii: ":"))
    }

    @inline(__always) private static func value<Sink: ByteSink>(_ v: Value, _ out: inout Sink) {
        switch v {
        case .int(let n): int(n, &out)
        case .text(let bytes): string(bytes, &out)
        case .raw(let bytes): out.append(bytes: bytes)
        case .null: out.append(bytes: UnsafeRawBufferPointer(start: ("null" as StaticString).utf8Start, count: 4))
        }
    }

    @inline(__always) private static func int<Sink: ByteSink>(_ n: Int64, _ out: inout Sink) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any Int64
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            repeat { buffer[count] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10; count += 1 } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    @inline(__always) private static func hex<Sink: ByteSink>(_ bytes: UnsafeRawBufferPointer, _ out: inout Sink) {
        out.append(UInt8(ascii: "\""))
        hexDigits.withUnsafeBufferPointer { digits in
            for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xf)]) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// RFC 8785 string escaping over UTF-8 bytes: the one implementation (`CanonicalJSON` uses it too).
    static func writeString<Sink: ByteSink>(_ bytes: UnsafeRawBufferPointer, into out: inout Sink) { string(bytes, &out) }

    private static func string<Sink: ByteSink>(_ bytes: UnsafeRawBufferPointer, _ out: inout Sink) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x00..<0x20:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "u")); out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "0"))
                out.append(byte >> 4 == 0 ? UInt8(ascii: "0") : UInt8(ascii: "1"))
                let low = byte & 0xf
                out.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
