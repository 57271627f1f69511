/// A department whose items are handled in the hall. `code` is its unique key
/// (usually the unified social credit code of the government organ).
public struct Department: Codable, Sendable, Hashable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
