import COpenSSL
import Foundation

/// A staff password, stored only as a scrypt hash (memory-hard: each guess costs 32 MiB and tens of
/// milliseconds) with a per-staff random salt and its cost parameters, in the PHC string form
/// `$scrypt$ln=15,r=8,p=1$<salt, base64>$<hash, base64>`, so the cost can be raised later without
/// invalidating stored hashes. Computed by the system OpenSSL 3 (`EVP_PBE_scrypt`).
public struct PasswordHash: Sendable, Equatable {
    public struct Parameters: Sendable, Equatable {
        /// log2 of scrypt's N.
        public var logN: Int
        public var r: Int
        public var p: Int
        /// A stored hash outside `isWithinBounds` is refused at sign-in.
        public init(logN: Int, r: Int, p: Int) { self.logN = logN; self.r = r; self.p = p }
        /// N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s a guess here (see `desk bench`).
        public static let standard = Parameters(logN: 15, r: 8, p: 1)

        /// What a stored hash may ask for: enough room to raise the cost, not enough for a hash written
        /// into the file by hand to make every sign-in allocate gigabytes.
        var isWithinBounds: Bool { (10...20).contains(logN) && (1...32).contains(r) && (1...16).contains(p) }
        var memoryBytes: UInt64 { 128 * UInt64(r) * (UInt64(1) << UInt64(logN)) }
    }

    public let parameters: Parameters
    let salt: [UInt8]
    let hash: [UInt8]

    static let keyLength = 32

    /// Hashes `password` with a new random salt.
    public static func make(_ password: String, parameters: Parameters = .standard) throws -> PasswordHash {
        var salt = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else { throw AuditError.hashUnavailable }
        return try make(password, salt: salt, parameters: parameters)
    }

    static func make(_ password: String, salt: [UInt8], parameters: Parameters) throws -> PasswordHash {
        PasswordHash(parameters: parameters, salt: salt, hash: try derive(password, salt: salt, parameters: parameters))
    }

    private static func derive(_ password: String, salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        var key = [UInt8](repeating: 0, count: keyLength)
        let pass = Array(password.utf8)
        let ok = pass.withUnsafeBufferPointer { passBuffer in
            passBuffer.withMemoryRebound(to: CChar.self) { passChars in
                EVP_PBE_scrypt(passChars.baseAddress, passChars.count, salt, salt.count,
                               UInt64(1) << UInt64(parameters.logN), UInt64(parameters.r), UInt64(parameters.p),
                               parameters.memoryBytes + 1 << 20, &key, key.count)
            }
        }
        guard ok == 1 else { throw AuditError.hashUnavailable }
        return key
    }

    /// Whether `password` is the one this hash was made from (compared in constant time).
    public func matches(_ password: String) -> Bool {
        guard parameters.isWithinBounds, let candidate = try? Self.derive(password, salt: salt, parameters: parameters) else { return false }
        return candidate.count == hash.count && CRYPTO_memcmp(candidate, hash, hash.count) == 0
    }

    /// The stored form.
    public var encoded: String {
        "$scrypt$ln=\(parameters.logN),r=\(parameters.r),p=\(parameters.p)$"
            + Data(salt).base64EncodedString() + "$" + Data(hash).base64EncodedString()
    }

    /// Parses the stored form; nil when it is not one (an account whose hash is damaged cannot sign in).
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let kv = pair.split(separator: "=")
            guard kv.count == 2, let n = Int(kv[1]) else { return nil }
            values[String(kv[0])] = n
        }
        guard let logN = values["ln"], let r = values["r"], let p = values["p"],
              let salt = Data(base64Encoded: String(parts[3])), let hash = Data(base64Encoded: String(parts[4])),
              !salt.isEmpty, hash.count == Self.keyLength else { return nil }
        let parameters = Parameters(logN: logN, r: r, p: p)
        guard parameters.isWithinBounds else { return nil }
        self.init(parameters: parameters, salt: Array(salt), hash: Array(hash))
    }

    init(parameters: Parameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters; self.salt = salt; self.hash = hash
    }
}
