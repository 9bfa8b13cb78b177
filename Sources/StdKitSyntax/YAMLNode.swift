/// A YAML value with the position of every part, converted from Yams at the boundary so that
/// it is `Sendable`.
///
/// Scalars keep their source text: `version: 1.10` is the string "1.10", `code: 0012` is
/// "0012", `no` is "no". A kind's schema decides the type of each field.
public struct YAMLNode: Sendable, Hashable {
    /// How a scalar was written.
    public enum ScalarStyle: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A key and its value in a mapping.
    public struct Pair: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public indirect enum Value: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public var value: Value
    /// Where the node starts in the file (not in the YAML text).
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Whether this is YAML's null: an unquoted empty scalar, `~` or `null`.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = value else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The elements of a sequence, or nil.
    public var sequence: [YAMLNode]? {
        if case .sequence(let elements) = value { return elements }
        return nil
    }

    /// The pairs of a mapping, or nil.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first(where: { $0.key.scalar == key })?.value
    }

    /// The pair whose key is the scalar `key`, for the key's own position.
    public func pair(_ key: String) -> Pair? {
        mapping?.first(where: { $0.key.scalar == key })
    }

    /// A word for the node's shape in messages: "a string", "a list", "a mapping".
    public var shapeDescription: String {
        switch value {
        case .scalar: isNull ? "empty" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
