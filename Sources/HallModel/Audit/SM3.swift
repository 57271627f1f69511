import COpenSSL
import Foundation

/// SM3 (GB/T 32905), the hash Chinese government systems are expected to use, through the system
/// OpenSSL 3's EVP interface. One `SM3` keeps its digest context and reuses it: verifying a million
/// events hashes a million short messages, and setting a context up costs more than hashing 200 bytes.
/// Not shared between threads (each use makes its own).
public final class SM3 {
    public static let digestLength = 32

    private let context: OpaquePointer
    private let method: OpaquePointer

    /// The algorithm, fetched from OpenSSL once per process (every event of every write hashes with it).
    /// Unchecked: an `EVP_MD` is immutable once fetched and OpenSSL documents fetched algorithms as safe to
    /// share between threads; only the per-use `EVP_MD_CTX` is not, and each `SM3` has its own.
    private struct Method: @unchecked Sendable { let pointer: OpaquePointer? }
    private static let fetched = Method(pointer: EVP_MD_fetch(nil, "SM3", nil))

    public init() throws {
        guard let method = Self.fetched.pointer else { throw AuditError.hashUnavailable }
        guard let context = EVP_MD_CTX_new() else { throw AuditError.hashUnavailable }
        self.method = method
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// SM3 of the concatenation of `parts`.
    public func digest(_ parts: [UInt8]...) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.digestLength)
        EVP_DigestInit_ex(context, method, nil)
        for part in parts { part.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) } }
        var length: UInt32 = 0
        out.withUnsafeMutableBytes { _ = EVP_DigestFinal_ex(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) }
        return out
    }

    /// SM3 of `message` into the 32 bytes at `out` (no allocation: `audit verify` hashes a million of these).
    public func digest(_ message: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        EVP_DigestInit_ex(context, method, nil)
        EVP_DigestUpdate(context, message.baseAddress, message.count)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, out, &length)
    }

    /// SM3 of one message, with a context made for the call.
    public static func hash(_ bytes: [UInt8]) throws -> [UInt8] { try SM3().digest(bytes) }
}

/// Lower-case hexadecimal, as hashes are written in exports and on the day's seal.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xf)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
