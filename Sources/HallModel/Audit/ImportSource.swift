import Foundation

/// The file an import came from, as its event records it: the name and the SM3 digest of its bytes,
/// so an auditor can tell which file was loaded.
public struct ImportSource: Sendable, Equatable {
    public var name: String
    public var digest: String

    public init(name: String, bytes: Data) throws {
        self.name = name
        digest = Hex.encode(try SM3.hash(Array(bytes)))
    }

    var detail: [String: AuditValue] { ["file": .string(name), "sm3": .string(digest)] }
}
