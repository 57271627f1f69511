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

    private func withFields<R>(_ body: (CanonicalEvent.Fields) -> R) -> R {
        func bytes(_ s: String?) -> [UInt8]? { s.map { Array($0.utf8) } }
        let date = Array(businessDate.utf8), kindBytes = Array(kind.utf8), actorBytes = Array(actor.utf8)
        let terminalBytes = Array(terminal.utf8), staff = bytes(staffID), detailBytes = bytes(detail)
        return body(CanonicalEvent.Fields(
            seq: .int(seq), at: .int(at), businessDate: .text(date[...]), kind: .text(kindBytes[...]), actor: .text(actorBytes[...]),
            terminal: .text(terminalBytes[...]), ticketID: ticketID.map { .int($0) } ?? .null, lineID: lineID.map { .int($0) } ?? .null,
            windowID: windowID.map { .int($0) } ?? .null, staffID: staff.map { .text($0[...]) } ?? .null,
            detail: detailBytes.map { .raw($0[...]) } ?? .null, prev: prev[...], hash: hash[...]))
    }
}

/// The one writer of an event's canonical form, over field values as bytes: used for a record in memory
/// and, by `audit verify`, straight over the bytes SQLite holds for a row (no Swift string per column).
enum CanonicalEvent {
    /// A field as stored: an integer, text (escaped as a JSON string), raw JSON (the `detail` object,
    /// spliced as stored), or null. A value of the wrong type for its field is written as it is, so it
    /// cannot hash as the value that was signed.
    enum Value {
        case int(Int64)
        case text(ArraySlice<UInt8>)
        case raw(ArraySlice<UInt8>)
        case null
    }

    struct Fields {
        var seq: Value, at: Value, businessDate: Value, kind: Value, actor: Value, terminal: Value
        var ticketID: Value, lineID: Value, windowID: Value, staffID: Value, detail: Value
        var prev: ArraySlice<UInt8>
        var hash: ArraySlice<UInt8>
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Members in their sorted order, written by hand (all names are ASCII, so UTF-16 order is byte order).
    static func write(_ f: Fields, includingHash: Bool, into out: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\"")); out.append(UInt8(ascii: ":"))
        }
        func value(_ v: Value) {
            switch v {
            case .int(let n): int(n)
            case .text(let bytes): CanonicalJSON.writeString(utf8: bytes, into: &out)
            case .raw(let bytes): out.append(contentsOf: bytes)
            case .null: out.append(contentsOf: "null".utf8)
            }
        }
        func int(_ n: Int64) {
            if n < 0 { out.append(contentsOf: String(n).utf8); return }
            var v = UInt64(n)
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any Int64
            withUnsafeMutableBytes(of: &digits) { buffer in
                var count = 0
                repeat { buffer[count] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10; count += 1 } while v > 0
                for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
            }
        }
        func hex(_ bytes: ArraySlice<UInt8>) {
            out.append(UInt8(ascii: "\""))
            for b in bytes { out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 0xf)]) }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "{"))
        key("actor", first: true); value(f.actor)
        key("at"); value(f.at)
        key("business_date"); value(f.businessDate)
        key("detail"); value(f.detail)
        if includingHash { key("hash"); hex(f.hash) }
        key("kind"); value(f.kind)
        key("line_id"); value(f.lineID)
        key("prev"); hex(f.prev)
        key("seq"); value(f.seq)
        key("staff_id"); value(f.staffID)
        key("terminal"); value(f.terminal)
        key("ticket_id"); value(f.ticketID)
        key("window_id"); value(f.windowID)
        out.append(UInt8(ascii: "}"))
    }
}
