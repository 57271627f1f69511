import Foundation

/// A value in an audit event: the JSON subset the chain uses (no floating point, so every value has
/// exactly one canonical spelling).
public enum AuditValue: Sendable, Equatable, Hashable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null
    case object([String: AuditValue])

    public static func int(_ value: Int) -> AuditValue { .int(Int64(value)) }
    public static func optional(_ value: String?) -> AuditValue { value.map(AuditValue.string) ?? .null }
    public static func optional(_ value: Int?) -> AuditValue { value.map { .int(Int64($0)) } ?? .null }
    public static func optional(_ value: Int64?) -> AuditValue { value.map(AuditValue.int) ?? .null }
}

/// RFC 8785 (JSON Canonicalization Scheme) for `AuditValue`s: object members sorted by the UTF-16 code
/// units of their names, no white space, strings with only the escapes JSON requires (`\"`, `\\`, and
/// control characters as `\b \t \n \f \r` or `\u00xx` in lower case), everything else as UTF-8, integers
/// in plain decimal. For this subset the output equals Python's
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, which docs/SECURITY.md
/// relies on to let an auditor check the chain without HallDesk.
/// An event's `detail` read back as the value it was written from (`case show --json` prints it as an object).
extension AuditValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Int64.self) { self = .int(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .object(try c.decode([String: AuditValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .object(let members): try c.encode(members)
        }
    }
}

public enum CanonicalJSON {
    public static func bytes(_ value: AuditValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    public static func string(_ value: AuditValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    public static func write(_ value: AuditValue, into out: inout [UInt8]) {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, key) in sortedKeys(members.keys).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(members[key] ?? .null, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.3: names compared as arrays of UTF-16 code units.
    static func sortedKeys<S: Sequence<String>>(_ keys: S) -> [String] {
        keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var text = s
        text.withUTF8 { CanonicalEvent.writeString(UnsafeRawBufferPointer($0), into: &out) }
    }
}
