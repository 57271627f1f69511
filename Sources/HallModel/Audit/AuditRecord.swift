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

    /// The canonical bytes: RFC 8785 of the record without `hash`. Members are written in their sorted order
    /// by hand (all names are ASCII, so UTF-16 order is byte order); `detail` is spliced in as stored.
    public func canonicalBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        write(into: &out, hash: nil)
        return out
    }

    /// The export line: the same object with `hash` as well (still canonical).
    public func exportLine() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(400)
        write(into: &out, hash: hash)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    // Written byte by byte without intermediate strings: `audit verify` rebuilds these bytes for every event.
    private func write(into out: inout [UInt8], hash: [UInt8]?) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\"")); out.append(UInt8(ascii: ":"))
        }
        func int(_ n: Int64?) {
            guard let n else { out.append(contentsOf: "null".utf8); return }
            if n < 0 { out.append(contentsOf: String(n).utf8); return }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                          UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var v = UInt64(n)
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat { buffer[count] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10; count += 1 } while v > 0
                for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
            }
        }
        func hex(_ bytes: [UInt8]) {
            out.append(UInt8(ascii: "\""))
            for b in bytes { out.append(Self.hexDigits[Int(b >> 4)]); out.append(Self.hexDigits[Int(b & 0xf)]) }
            out.append(UInt8(ascii: "\""))
        }
        func string(_ s: String?) { if let s { CanonicalJSON.writeString(s, into: &out) } else { out.append(contentsOf: "null".utf8) } }
        out.append(UInt8(ascii: "{"))
        key("actor", first: true); string(actor)
        key("at"); int(at)
        key("business_date"); string(businessDate)
        key("detail"); if let detail { out.append(contentsOf: detail.utf8) } else { out.append(contentsOf: "null".utf8) }
        if let hash { key("hash"); hex(hash) }
        key("kind"); string(kind)
        key("line_id"); int(lineID)
        key("prev"); hex(prev)
        key("seq"); int(seq)
        key("staff_id"); string(staffID)
        key("terminal"); string(terminal)
        key("ticket_id"); int(ticketID)
        key("window_id"); int(windowID)
        out.append(UInt8(ascii: "}"))
    }

    /// The hash this record should carry given its `prev`.
    public func computedHash(_ sm3: SM3) -> [UInt8] { sm3.digest(prev, canonicalBytes()) }
}
