import Foundation
/// A YAML value with the position of every part, made from libyaml's events or from Yams's
/// tree (`YAMLReader`), and `Sendable`.
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

    /// The value as YAML 1.2's core schema types it, in JSON's terms (what YAML language servers
    /// and JSON Schema validators see): a plain `null`, `~` or empty scalar is null, `true` and
    /// `false` booleans, a decimal number a number; anything quoted or block a string; mappings
    /// keyed by their keys' text. stdkit itself keeps scalars as written and types them by schema.
    public var coreSchemaValue: Any {
        switch value {
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key.scalar ?? "\(pair.key.coreSchemaValue)"] = pair.value.coreSchemaValue }
            return object
        case .sequence(let elements):
            return elements.map(\.coreSchemaValue)
        case .scalar(let text, let style):
            guard style == .plain else { return text }
            if ["", "~", "null", "Null", "NULL"].contains(text) { return NSNull() }
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
            if text.wholeMatch(of: /[-+]?[0-9]+/) != nil, let integer = Int(text) { return integer }
            if text.hasPrefix("0o"), let integer = Int(text.dropFirst(2), radix: 8) { return integer }
            if text.hasPrefix("0x"), let integer = Int(text.dropFirst(2), radix: 16) { return integer }
            if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].contains(text) { return Double.infinity }
            if ["-.inf", "-.Inf", "-.INF"].contains(text) { return -Double.infinity }
            if [".nan", ".NaN", ".NAN"].contains(text) { return Double.nan }
            if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let number = Double(text) { return number }
            return text
        }
    }
}

extension YAMLNode.Pair {
    /// Whether `key` is none of `pairs`' keys (all scalars); past 16 pairs they are kept in
    /// `seen` as well, to be hashed rather than compared one by one (hashing each key of every
    /// small mapping cost more than comparing it with the others). The readers of front matter
    /// decline a mapping with a repeated key to Yams, which reports it.
    static func isNew(_ key: String, among pairs: [YAMLNode.Pair], seen: inout Set<String>?) -> Bool {
        if seen == nil, pairs.count >= 16 { seen = Set(pairs.compactMap(\.key.scalar)) }
        if seen != nil { return seen!.insert(key).inserted }
        return !pairs.contains { $0.key.scalar == key }
    }
}
